#pragma once
// A document as read by ingest: the text the later stages analyse, plus the map from that text
// back to byte offsets in the original file.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/span.h"

namespace checker {

/// Where a metadata field's value came from.
enum class field_origin { front_matter, manifest, inferred, file_name, missing };

/// One metadata field's value and origin. `evidence` quotes the text an inferred value came from.
struct metadata_field {
  std::string value;
  field_origin origin = field_origin::missing;
  std::string evidence;
  bool present() const { return origin != field_origin::missing; }
};

struct document_metadata {
  metadata_field source;
  metadata_field published;  // ISO 8601 date when present
  metadata_field url;
  metadata_field title;
};

/// A run of analysed text that maps to a run of original bytes. When `exact`, the run is a row
/// of characters each `text_width` bytes in the text and `original_width` bytes in the file
/// (1 and 1: bytes copied as they are; 3 and 2: Chinese characters decoded from GBK or Big5),
/// so each character maps to its own bytes; otherwise (HTML entities, replaced bytes) the whole
/// run maps to the whole range.
struct offset_run {
  std::size_t text_begin = 0;
  std::size_t text_end = 0;
  std::size_t original_begin = 0;
  std::size_t original_end = 0;
  bool exact = true;
  std::uint8_t text_width = 1;
  std::uint8_t original_width = 1;
};

enum class document_format { text, markdown, html, docx, odt };

/// How the character encoding a file was read in was chosen.
enum class encoding_origin {
  bom,           // a byte order mark
  meta,          // the HTML page's <meta charset> or http-equiv Content-Type
  front_matter,  // an `encoding:` front matter field
  detected,      // the bytes are not UTF-8; ICU's charset detector named the encoding
  fallback,      // nothing said otherwise: UTF-8, as most files are (reported as `default`)
  forced,        // --encoding
  container,     // a Word or OpenDocument file: its XML parts say (UTF-8 text comes out)
};

/// The name of `origin` in reports: `bom`, `meta`, `front_matter`, `detected`, `default`,
/// `forced` or `container`.
std::string to_string(encoding_origin origin);

/// A document ready for segmentation. `text` is valid UTF-8; `runs` cover it in order.
struct document {
  std::string id;    // path relative to the folder or file named on the command line
  std::string path;  // path as opened
  document_format format = document_format::text;
  std::string text;
  /// `text` with Traditional Chinese characters read as their Simplified forms (`萬` as `万`,
  /// `遇難` as `遇难`), byte for byte the same length, so every span means the same in both.
  /// The stages that look for figures, names and cue words read this; reports quote `text`.
  /// Empty when the text has no Traditional characters.
  std::string folded;
  std::vector<offset_run> runs;
  document_metadata metadata;
  std::optional<civil_date> published;  // parsed metadata.published, the anchor for relative dates
  std::string original;                  // the file's bytes as read (for columns in characters)
  std::vector<std::size_t> line_starts;  // byte offset of each line of the original file
  /// The encoding the file was read in (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, ...) and how
  /// it was chosen; `encoding_evidence` quotes the declaration or the detector's confidence.
  std::string encoding = "UTF-8";
  encoding_origin encoding_chosen_by = encoding_origin::fallback;
  std::string encoding_evidence;
  /// For a file that is not UTF-8: the decoded text's map to the file's bytes, which columns
  /// count characters through. Empty for UTF-8 files, whose characters are counted directly.
  std::vector<offset_run> decoding;
  bool draft = false;                    // checked against the others, not a published source

  /// The text to match words and figures against: `folded` when there is one, else `text`.
  const std::string& match_text() const { return folded.empty() ? text : folded; }
  /// Maps a span of `text` to byte offsets in the original file.
  byte_span original_span(byte_span text_span) const;
  /// 1-based line and byte column of an original-file offset (for people and SARIF).
  std::pair<std::size_t, std::size_t> line_column(std::size_t original_offset) const;
  /// 1-based column of an original-file offset counted in Unicode code points (SARIF's
  /// `unicodeCodePoints`, and what an editor shows).
  std::size_t code_point_column(std::size_t original_offset) const;
  /// 1-based column of an original-file offset counted in bytes of the line's UTF-8 text
  /// (reviewdog's `Position.column`): the byte column of a UTF-8 file; for a decoded file
  /// (GB18030, Big5, UTF-16), the bytes its characters take once decoded to UTF-8.
  std::size_t utf8_column(std::size_t original_offset) const;
};

}  // namespace checker
