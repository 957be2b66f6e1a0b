#pragma once
// Internals shared by the ingest stage's files; not part of its public interface.

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

/// Normalises ISO dates (`2025-09-18`, `2025-09-18T04:51:00+08:00`) to `YYYY-MM-DD`.
std::optional<std::string> iso_date_prefix(std::string_view text);

}  // namespace checker::detail
