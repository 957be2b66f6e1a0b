#pragma once
// Stage 1, ingest: paths -> documents.
//
// Takes files and folders named by the user (and `-`, standard input), reads every `.txt`,
// `.md`/`.markdown`, `.html`/`.htm`, `.docx` and `.odt` file under them (sorted, so the order
// never depends on the file system), decodes them to UTF-8 from their encoding (byte order
// mark, declaration, ICU's detector, or `--encoding`), repairs invalid UTF-8, strips front
// matter and markup, and returns one `document` per readable file with metadata and an offset
// map back to the original bytes.
// Problems with one file become diagnostics and the file is skipped; ingest never throws for
// a bad input file. It does not segment or look for figures.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace checker {

/// A document piped in on standard input: the name it goes by and its bytes.
struct piped_document {
  std::string name = "stdin";
  std::string bytes;
};

struct ingest_options {
  /// Files larger than this are refused with `ingest.too-large` (a documented limit).
  std::uintmax_t max_file_bytes = 64u * 1024u * 1024u;
  /// Threads that read and convert files; 0 means one per core. The result never depends on it.
  unsigned jobs = 0;
  /// Read every file in this encoding (`--encoding`); empty: chosen file by file. A name that
  /// `encoding_converter` does not know is a fatal error.
  std::string encoding;
  /// What the path `-` reads; without it `-` is an ordinary (missing) path.
  std::optional<piped_document> standard_input;
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

/// The ICU converter an encoding name reads with (`GBK` and `gb2312` read as `GB18030`), or
/// `std::nullopt` if no such encoding is known.
std::optional<std::string> encoding_converter(std::string_view name);

/// Reads every document under `paths`; see the stage comment above. Throws `checker::error`
/// only for an unknown `options.encoding`.
ingest_result ingest_paths(const std::vector<std::string>& paths, const ingest_options& options,
                           diagnostics& diags);

/// Builds one document from bytes already in memory. `id` names it in messages; `format` says
/// how to read it; `encoding`, if not empty, forces the encoding. Returns `std::nullopt` (with a
/// diagnostic) when the bytes are not a document.
std::optional<document> ingest_bytes(const std::string& id, std::string_view bytes,
                                     document_format format, diagnostics& diags,
                                     const std::string& encoding = {});

}  // namespace checker
