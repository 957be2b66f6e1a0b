#pragma once
// Stage 1, ingest: paths -> documents.
//
// Takes files and folders named by the user, reads every `.txt`, `.md`/`.markdown` and
// `.html`/`.htm` file under them (sorted, so the order never depends on the file system),
// repairs invalid UTF-8, strips front matter and HTML markup, and returns one `document` per
// readable file with metadata and an offset map back to the original bytes.
// Problems with one file become diagnostics and the file is skipped; ingest never throws for
// a bad input file. It does not segment or look for figures.

#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace checker {

struct ingest_options {
  /// Files larger than this are refused with `ingest.too-large` (a documented limit).
  std::uintmax_t max_file_bytes = 64u * 1024u * 1024u;
  /// Threads that read and convert files; 0 means one per core. The result never depends on it.
  unsigned jobs = 0;
};

/// A file that was not read, and why (the diagnostic id).
struct skipped_file {
  std::string file;
  std::string reason;
  std::string message;
};

struct ingest_result {
  std::vector<document> documents;  // in id order
  std::vector<skipped_file> skipped;
};

/// Reads every document under `paths`; see the stage comment above.
ingest_result ingest_paths(const std::vector<std::string>& paths, const ingest_options& options,
                           diagnostics& diags);

/// Builds one document from bytes already in memory. `id` names it in messages; `format` says
/// how to read it. Returns `std::nullopt` (with a diagnostic) when the bytes are not a document.
std::optional<document> ingest_bytes(const std::string& id, std::string_view bytes,
                                     document_format format, diagnostics& diags);

}  // namespace checker
