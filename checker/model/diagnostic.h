#pragma once
// Problems with the input that a run survives. Each id is stable: never renumbered or reused,
// and listed in docs/diagnostics.md.

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace checker {

enum class diagnostic_level { note, warning, error };

/// One input problem: a stable id such as `ingest.invalid-utf8`, the file, a message that says
/// what is wrong and what to do, and where known the byte offset in the original file.
struct diagnostic {
  std::string id;
  diagnostic_level level = diagnostic_level::warning;
  std::string file;
  std::string message;
  std::optional<std::size_t> offset;
  friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

// The ids in use (one line each, also in docs/diagnostics.md):
//   ingest.unreadable          the file could not be opened or read; skipped
//   ingest.not-found           a path given on the command line does not exist
//   ingest.not-a-file          a pipe, socket, device, dangling link or link loop with a document's name
//   ingest.unknown-format      not .txt/.md/.markdown/.html/.htm/.docx/.odt; skipped
//   ingest.invalid-utf8        bytes that are not UTF-8 were replaced by U+FFFD
//   ingest.binary              a NUL byte: the file is binary and was skipped
//   ingest.empty               the file holds no text
//   ingest.bad-front-matter    front matter that does not close or has an unreadable field
//   ingest.bad-manifest        corpus.json is not valid JSON or does not match its schema
//   ingest.bad-date            a `published` value that is not an ISO date
//   ingest.no-date             no publication date: relative dates stay unresolved
//   ingest.no-documents        a folder with no documents in it
//   ingest.too-large           a file over the size limit (--max-file-size); skipped
//   ingest.deep-html           HTML nested beyond 512 levels; deeper tags read as text
//   ingest.bad-encoding        bytes that do not decode in the declared, forced or detected encoding
//   ingest.unknown-encoding    a declared encoding name that is not known; the declaration is ignored
//   ingest.encoding-mismatch   a legacy encoding declared for bytes that are valid UTF-8; read as UTF-8
//   ingest.undetected-encoding not UTF-8, nothing declared, and the detector is not confident; read as UTF-8
//   ingest.bad-package         a .docx/.odt that is not a zip, lacks its document part or has broken XML
//   ingest.zip-bomb            a .docx/.odt part over the unpacked size or ratio limits; skipped
//   normalize.invalid-date     a date that does not exist (2月30日)
//   normalize.unresolved-date  a relative or partial date with no anchor to resolve it
//   normalize.ambiguous-date   a numeric date whose day and month could swap (1/2/2016); read as month/day
//   normalize.overflow         a figure too large to hold exactly
//   link.respectively-mismatch `respectively` with a different number of subjects and figures
//   archive.full-load          a draft check read every archived document, not only its candidates
using diagnostics = std::vector<diagnostic>;

/// A fatal error: the run cannot go on (bad arguments, unreadable configuration, a failed
/// write). Thrown by the core, caught once in `main`.
class error : public std::runtime_error {
 public:
  explicit error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace checker
