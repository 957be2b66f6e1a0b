#pragma once
// Internals shared by the ingest stage's files; not part of its public interface.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace checker::detail {

/// Text extracted from HTML plus the metadata the page itself declares.
struct html_text {
  std::string text;
  std::vector<offset_run> runs;  // text offsets -> offsets in the HTML source
  std::string title;
  std::string published;         // from <meta> or <time datetime>, as written
  std::string published_evidence;
  std::string site_name;
  std::string url;
  std::size_t flattened_tags = 0;  // tags nested beyond the depth limit, read as plain text
};

/// Extracts readable text from `html`, dropping scripts, styles and navigation chrome. Markup
/// nested deeper than `max_depth` is flattened first (the parser is quadratic in depth).
html_text extract_html(std::string_view html, std::size_t max_depth = 512);

/// Front matter fields (`key: value` lines between `---` fences) and where the body starts.
struct front_matter {
  bool present = false;
  bool closed = false;
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t body_offset = 0;
};
front_matter read_front_matter(std::string_view text);

/// A publication date (and maybe an outlet) read from a byline or time stamp in `text`.
struct inferred_date {
  std::string iso;
  std::string evidence;  // the line it came from
  std::string source;    // an outlet named before the stamp, if any
};
std::optional<inferred_date> infer_publication_date(std::string_view text);

/// One document's fields in a `corpus.json` manifest (`source`, `published`, `url`, ...).
struct manifest_entry {
  std::map<std::string, std::string> fields;
};
using manifest = std::map<std::string, manifest_entry>;  // key: path relative to the manifest's folder

/// Reads a manifest's JSON text and checks it against schemas/manifest.schema.json. A manifest
/// that is not JSON or does not match gives `ingest.bad-manifest` naming `file`, and no entries.
std::optional<manifest> parse_manifest(std::string_view text, const std::string& file, diagnostics& diags);

/// Text decoded to UTF-8, with a map from it back to the file's bytes.
struct decoded_text {
  std::string text;
  std::vector<offset_run> runs;  // decoded offsets -> file offsets
  std::size_t bad_sequences = 0;  // byte sequences that did not decode, each now U+FFFD
  std::optional<std::size_t> first_bad;
};

/// Copies UTF-8 `bytes` (found at `base` in the file), replacing each invalid byte by U+FFFD.
decoded_text repair_utf8(std::string_view bytes, std::size_t base);

/// Length of the valid UTF-8 sequence at `pos`, or 0 if the bytes there are not UTF-8.
std::size_t utf8_sequence_length(std::string_view s, std::size_t pos);

/// Valid multi-byte UTF-8 sequences and invalid bytes in `bytes`.
struct utf8_census {
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
};
utf8_census count_utf8(std::string_view bytes);

/// The ICU converter that reads an encoding label (`gb2312` and `GBK` read as `GB18030`, `big5`
/// as `Big5`, `utf-16le` as `UTF-16LE`, any other name ICU knows as itself), or `std::nullopt`
/// for a name ICU does not know.
std::optional<std::string> converter_name(std::string_view label);

/// Decodes `bytes` (found at `base` in the file) with ICU converter `converter`. Sequences
/// that do not decode become U+FFFD and are counted. `std::nullopt` if the converter fails.
std::optional<decoded_text> decode(std::string_view bytes, std::size_t base, const std::string& converter);

/// An encoding named by the file itself: its label as written, how it was found, the text
/// that said so, and for a byte order mark its length.
struct declared_encoding {
  std::string label;
  encoding_origin origin = encoding_origin::meta;
  std::string evidence;
  std::size_t mark_length = 0;
};
/// The encoding a byte order mark at the start of `bytes` names (UTF-8, UTF-16LE/BE, GB18030).
std::optional<declared_encoding> byte_order_mark(std::string_view bytes);
/// The encoding an HTML page declares in `<meta charset>`, `http-equiv` Content-Type or an XML
/// declaration near its start.
std::optional<declared_encoding> html_declared_encoding(std::string_view bytes);

/// ICU's charset detector's answer for `bytes`: the best match among the encodings this tool
/// reads (`supported`), else its best match of any kind (`supported` false).
struct detected_encoding {
  std::string name;
  int confidence = 0;  // 0..100
  bool supported = false;
};
std::optional<detected_encoding> detect_encoding(std::string_view bytes, bool html);

/// How much a .docx or .odt may unpack to: bounds that stop a zip bomb before it is inflated.
struct package_limits {
  std::uint64_t max_part_bytes = 64u * 1024u * 1024u;    // one XML part
  std::uint64_t max_total_bytes = 128u * 1024u * 1024u;  // all parts read
  std::uint64_t max_ratio = 100;                         // unpacked / packed, for parts over...
  std::uint64_t ratio_floor_bytes = 1024u * 1024u;       // ...this size (small parts pack well)
};

/// A Word or OpenDocument file's text, one paragraph a line (a table row a line, cells
/// separated by tabs; footnotes and endnotes after the body), and its core properties.
struct package_text {
  std::string text;
  std::string title;
  std::string published;  // as written in the properties (an ISO date and time)
  std::string published_evidence;
};
/// Why a package was refused: `ingest.bad-package` or `ingest.zip-bomb`, and a message.
struct package_refusal {
  std::string id;
  std::string message;
};
/// Reads a .docx (`format` docx) or .odt package from memory with libzip and libxml2.
std::optional<package_text> read_package(std::string_view bytes, document_format format, const package_limits& limits,
                                         package_refusal& refusal);

/// Normalises ISO dates (`2025-09-18`, `2025-09-18T04:51:00+08:00`) to `YYYY-MM-DD`.
std::optional<std::string> iso_date_prefix(std::string_view text);

}  // namespace checker::detail
