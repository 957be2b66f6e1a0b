#include "ingest/ingest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "ingest/detail.h"
#include "lexicon/schema.h"
#include "util/fold.h"
#include "util/parallel.h"

namespace checker {
namespace {

namespace fs = std::filesystem;
using detail::manifest;
using detail::manifest_entry;

std::optional<document_format> format_of(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".txt" || ext == ".text") return document_format::text;
  if (ext == ".md" || ext == ".markdown") return document_format::markdown;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return document_format::html;
  if (ext == ".docx") return document_format::docx;
  if (ext == ".odt") return document_format::odt;
  return std::nullopt;
}

// The part of `run` between text offsets `begin` and `end` (both on character boundaries).
offset_run slice(const offset_run& run, std::size_t begin, std::size_t end) {
  offset_run out = run;
  out.text_begin = begin;
  out.text_end = end;
  if (run.exact) {
    out.original_begin = run.original_begin + (begin - run.text_begin) / run.text_width * run.original_width;
    out.original_end = run.original_begin + (end - run.text_begin) / run.text_width * run.original_width;
  }
  return out;
}

// Maps every run of `outer` (text -> middle) through `inner` (middle -> original). An exact
// outer run is cut where the inner runs change, so each piece keeps its characters' widths.
std::vector<offset_run> compose(const std::vector<offset_run>& outer, const std::vector<offset_run>& inner) {
  document inner_map;
  inner_map.runs = inner;
  std::vector<offset_run> out;
  out.reserve(outer.size());
  for (const offset_run& run : outer) {
    if (!run.exact || run.text_width != 1 || run.original_width != 1) {
      const byte_span mapped = inner_map.original_span(byte_span{run.original_begin, run.original_end});
      out.push_back(offset_run{run.text_begin, run.text_end, mapped.begin, mapped.end, false});
      continue;
    }
    // The inner runs overlapping [original_begin, original_end) of the middle text.
    auto it = std::upper_bound(inner.begin(), inner.end(), run.original_begin,
                               [](std::size_t o, const offset_run& r) { return o < r.text_end; });
    for (; it != inner.end() && it->text_begin < run.original_end; ++it) {
      const std::size_t b = std::max(it->text_begin, run.original_begin);
      const std::size_t e = std::min(it->text_end, run.original_end);
      if (e <= b) continue;
      const std::size_t text_begin = run.text_begin + (b - run.original_begin);
      if (it->exact) {
        const offset_run piece = slice(*it, b, e);
        out.push_back(offset_run{text_begin, text_begin + (e - b), piece.original_begin, piece.original_end, true,
                                 it->text_width, it->original_width});
      } else {
        out.push_back(offset_run{text_begin, text_begin + (e - b), it->original_begin, it->original_end, false});
      }
    }
  }
  return out;
}

// Rewrites lines that are not in Unicode NFC; each rewritten line maps as a whole.
void normalize_nfc(document& doc) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  if (nfc->isNormalizedUTF8(icu::StringPiece(doc.text.data(), static_cast<int32_t>(doc.text.size())), status) ||
      U_FAILURE(status)) {
    return;
  }
  std::string text;
  std::vector<offset_run> runs;
  std::size_t pos = 0;
  while (pos < doc.text.size()) {
    std::size_t eol = doc.text.find('\n', pos);
    eol = eol == std::string::npos ? doc.text.size() : eol + 1;
    const std::string_view line(doc.text.data() + pos, eol - pos);
    status = U_ZERO_ERROR;
    const byte_span original = doc.original_span(byte_span{pos, eol});
    if (nfc->isNormalizedUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())), status)) {
      for (const offset_run& run : doc.runs) {  // keep the exact runs inside this line
        if (run.text_end <= pos || run.text_begin >= eol) continue;
        const std::size_t b = std::max(run.text_begin, pos);
        const std::size_t e = std::min(run.text_end, eol);
        offset_run piece = slice(run, b, e);
        piece.text_begin = text.size() + (b - pos);
        piece.text_end = text.size() + (e - pos);
        runs.push_back(piece);
      }
      text.append(line);
    } else {
      std::string normalized;
      icu::StringByteSink<std::string> sink(&normalized);
      status = U_ZERO_ERROR;
      nfc->normalizeUTF8(0, icu::StringPiece(line.data(), static_cast<int32_t>(line.size())), sink, nullptr, status);
      if (U_FAILURE(status)) normalized = std::string(line);
      runs.push_back(offset_run{text.size(), text.size() + normalized.size(), original.begin, original.end, false});
      text += normalized;
    }
    pos = eol;
  }
  doc.text = std::move(text);
  doc.runs = std::move(runs);
}

void set_field(metadata_field& field, std::string value, field_origin origin, std::string evidence = {}) {
  if (field.present() || value.empty()) return;
  field.value = std::move(value);
  field.origin = origin;
  field.evidence = std::move(evidence);
}

std::optional<manifest> read_manifest(const fs::path& folder, diagnostics& diags) {
  const fs::path file = folder / "corpus.json";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && text.empty()) {
    diags.push_back(diagnostic{"ingest.bad-manifest", diagnostic_level::error, file.string(),
                               "cannot be read; its metadata is ignored. Check its permissions.", std::nullopt});
    return std::nullopt;
  }
  return detail::parse_manifest(text, file.string(), diags);
}

void apply_metadata(document& doc, const detail::front_matter& front, const manifest_entry* listed,
                    diagnostics& diags) {
  for (const auto& [key, value] : front.fields) {
    if (key == "source") set_field(doc.metadata.source, value, field_origin::front_matter);
    else if (key == "published" || key == "date") set_field(doc.metadata.published, value, field_origin::front_matter);
    else if (key == "url") set_field(doc.metadata.url, value, field_origin::front_matter);
    else if (key == "title") set_field(doc.metadata.title, value, field_origin::front_matter);
  }
  if (listed != nullptr) {
    for (const auto& [key, value] : listed->fields) {
      if (key == "source") set_field(doc.metadata.source, value, field_origin::manifest);
      else if (key == "published") set_field(doc.metadata.published, value, field_origin::manifest);
      else if (key == "url") set_field(doc.metadata.url, value, field_origin::manifest);
      else if (key == "title") set_field(doc.metadata.title, value, field_origin::manifest);
    }
  }
  if (doc.metadata.published.present()) {
    auto iso = detail::iso_date_prefix(doc.metadata.published.value);
    if (iso) {
      doc.metadata.published.value = *iso;
      doc.published = civil_date::parse_iso(*iso);
    } else {
      diags.push_back(diagnostic{"ingest.bad-date", diagnostic_level::warning, doc.path,
                                 fmt::format("published date '{}' is not an ISO date (YYYY-MM-DD); it is ignored",
                                             doc.metadata.published.value),
                                 std::nullopt});
      doc.metadata.published = metadata_field{};
    }
  }
}

// Appends diagnostics about one file.
struct reporter {
  const std::string& path;
  diagnostics& diags;
  void operator()(const char* code, diagnostic_level level, std::string message,
                  std::optional<std::size_t> offset = std::nullopt) const {
    diags.push_back(diagnostic{code, level, path, std::move(message), offset});
  }
};

// The file's characters, decoded to UTF-8, and how their encoding was chosen.
struct characters {
  detail::decoded_text decoded;
  std::string encoding = "UTF-8";
  encoding_origin origin = encoding_origin::fallback;
  std::string evidence;
  bool utf8 = true;  // read as UTF-8: the decoded text is the file's bytes, repaired
};

// A detector's guess is taken at or above this confidence (0..100). ICU gives GB18030 and Big5
// news text 60 to 100; below 25 its answers for Chinese bytes are mostly wrong.
constexpr int detection_threshold = 25;

bool is_utf16_or_32(const std::string& encoding) {
  return encoding.rfind("UTF-16", 0) == 0 || encoding.rfind("UTF-32", 0) == 0;
}

characters read_as_utf8(std::string_view bytes, std::size_t start, encoding_origin origin, std::string evidence,
                        const reporter& report) {
  characters out;
  out.decoded = detail::repair_utf8(bytes.substr(start), start);
  out.origin = origin;
  out.evidence = std::move(evidence);
  if (out.decoded.bad_sequences > 0) {
    report("ingest.invalid-utf8", diagnostic_level::warning,
           fmt::format("{} byte(s) are not valid UTF-8 (first at byte {}); they were replaced by U+FFFD "
                       "and the rest of the document was checked. Re-save the file as UTF-8, or name its "
                       "encoding with --encoding.",
                       out.decoded.bad_sequences, *out.decoded.first_bad),
           out.decoded.first_bad);
  }
  return out;
}

// Decodes with `converter`; bytes that do not decode are reported against `label`.
std::optional<characters> read_as(std::string_view bytes, std::size_t start, const std::string& converter,
                                  const std::string& label, encoding_origin origin, std::string evidence,
                                  const reporter& report) {
  if (converter == "UTF-8") return read_as_utf8(bytes, start, origin, std::move(evidence), report);
  auto decoded = detail::decode(bytes.substr(start), start, converter);
  if (!decoded) return std::nullopt;
  characters out{std::move(*decoded), converter, origin, std::move(evidence), false};
  if (out.decoded.bad_sequences > 0) {
    report("ingest.bad-encoding", diagnostic_level::warning,
           fmt::format("{} byte sequence(s) are not {} (first at byte {}; the encoding came from {}: {}); they were "
                       "replaced by U+FFFD and the rest was checked. Fix the declaration, or name the right "
                       "encoding with --encoding.",
                       out.decoded.bad_sequences, label, *out.decoded.first_bad, to_string(origin), out.evidence),
           out.decoded.first_bad);
  }
  return out;
}

// The encoding the file declares for itself, if any: `<meta charset>` in HTML, an `encoding:`
// field in front matter.
std::optional<detail::declared_encoding> declared_by_file(std::string_view bytes, document_format format) {
  if (format == document_format::html) return detail::html_declared_encoding(bytes);
  const detail::front_matter front = detail::read_front_matter(bytes);
  if (!front.closed) return std::nullopt;
  for (const auto& [key, value] : front.fields) {
    if (key == "encoding" || key == "charset") {
      return detail::declared_encoding{value, encoding_origin::front_matter, key + ": " + value, 0};
    }
  }
  return std::nullopt;
}

// Chooses the encoding (forced, byte order mark, declaration, valid UTF-8, ICU's detector,
// else UTF-8) and decodes the file with it.
characters read_characters(std::string_view bytes, document_format format, const std::string& forced,
                           const reporter& report) {
  const auto mark = detail::byte_order_mark(bytes);
  if (!forced.empty()) {
    const std::string converter = detail::converter_name(forced).value_or("UTF-8");
    // A mark of the very encoding forced is not text.
    const std::size_t start = mark && detail::converter_name(mark->label) == converter ? mark->mark_length : 0;
    if (auto out = read_as(bytes, start, converter, forced, encoding_origin::forced, "--encoding " + forced, report)) return *out;
  }
  if (mark) {
    if (auto out = read_as(bytes, mark->mark_length, mark->label, mark->label, encoding_origin::bom, mark->evidence, report)) {
      return *out;
    }
  }
  const detail::utf8_census census = detail::count_utf8(bytes);
  if (const auto declared = declared_by_file(bytes, format)) {
    const auto converter = detail::converter_name(declared->label);
    if (!converter) {
      report("ingest.unknown-encoding", diagnostic_level::warning,
             fmt::format("declares the encoding '{}' ({}), which is not a known encoding name; the declaration was "
                         "ignored. Fix it (e.g. UTF-8, GB18030, GBK, Big5), or name the encoding with --encoding.",
                         declared->label, declared->evidence));
    } else if (*converter != "UTF-8" && census.invalid == 0 && census.multibyte > 0) {
      // A page saved again as UTF-8 keeps its old declaration; its bytes say which is right.
      report("ingest.encoding-mismatch", diagnostic_level::warning,
             fmt::format("declares the encoding '{}' ({}), but its bytes are valid UTF-8 and were read as UTF-8. "
                         "Correct the declaration.",
                         declared->label, declared->evidence));
      return read_as_utf8(bytes, 0, encoding_origin::detected, "valid UTF-8 despite the declaration " + declared->evidence, report);
    } else if (auto out = read_as(bytes, 0, *converter, declared->label, declared->origin, declared->evidence, report)) {
      return *out;
    }
  }
  // Valid UTF-8, or UTF-8 with a few damaged bytes, stays UTF-8: the detector's guesses on
  // short or mostly-ASCII text are unreliable.
  if (census.invalid == 0 || census.multibyte > census.invalid) {
    return read_as_utf8(bytes, 0, encoding_origin::fallback, {}, report);
  }
  const auto guess = detail::detect_encoding(bytes, format == document_format::html);
  if (guess && guess->supported && guess->confidence >= detection_threshold) {
    diagnostics trial;
    std::string trial_path;
    auto out = read_as(bytes, 0, guess->name, guess->name, encoding_origin::detected,
                       fmt::format("ICU charset detector, confidence {}", guess->confidence), reporter{trial_path, trial});
    // A right guess decodes (almost) every byte.
    if (out && out->decoded.bad_sequences * 100 <= std::max<std::size_t>(out->decoded.text.size() / 3, 200)) {
      for (diagnostic& d : trial) report(d.id.c_str(), d.level, d.message, d.offset);
      return *out;
    }
  }
  if (census.invalid >= 8) {
    report("ingest.undetected-encoding", diagnostic_level::warning,
           fmt::format("is not UTF-8 ({} invalid byte(s)) and its encoding could not be told{}; it was read as UTF-8. "
                       "Name its encoding with --encoding (e.g. GB18030, Big5), or declare it (<meta charset>, "
                       "'encoding:' front matter).",
                       census.invalid,
                       guess ? fmt::format(" (the best guess, {}, has confidence {})", guess->name, guess->confidence)
                             : std::string()));
  }
  return read_as_utf8(bytes, 0, encoding_origin::fallback, {}, report);
}

// Byte offsets where the file's lines start: after each '\n' byte of a UTF-8 file, or after
// each decoded '\n' of any other.
std::vector<std::size_t> line_starts_of(std::string_view bytes, const characters& chars) {
  std::vector<std::size_t> out{0};
  if (chars.utf8) {
    for (std::size_t i = bytes.find('\n'); i != std::string_view::npos; i = bytes.find('\n', i + 1)) out.push_back(i + 1);
    return out;
  }
  document map;
  map.runs = chars.decoded.runs;
  const std::string& text = chars.decoded.text;
  for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1)) {
    out.push_back(map.original_span(byte_span{i, i + 1}).end);
  }
  return out;
}

std::optional<document> build_document(const std::string& id, const std::string& path, std::string_view bytes,
                                       document_format format, const manifest_entry* listed, const std::string& forced_encoding,
                                       diagnostics& diags) {
  const reporter report{path, diags};
  // A .docx or .odt is unpacked first; its text, one paragraph a line, stands in for its bytes
  // from here on (spans and line:column point into it: line N is the Nth paragraph).
  const bool package = format == document_format::docx || format == document_format::odt;
  std::string unpacked;
  document_metadata from_package;
  std::string forced = forced_encoding;
  if (package) {
    detail::package_refusal refusal;
    auto text = detail::read_package(bytes, format, detail::package_limits{}, refusal);
    if (!text) {
      report(refusal.id.c_str(), diagnostic_level::error, refusal.message);
      return std::nullopt;
    }
    unpacked = std::move(text->text);
    const char* properties = format == document_format::docx ? "docProps/core.xml" : "meta.xml";
    set_field(from_package.title, text->title, field_origin::inferred, std::string(properties) + " title");
    if (auto iso = detail::iso_date_prefix(text->published)) {
      set_field(from_package.published, *iso, field_origin::inferred, text->published_evidence);
    }
    bytes = unpacked;
    forced = "UTF-8";
  }
  // UTF-16 text is full of NUL bytes; any other text with one is a binary file.
  const bool wide = is_utf16_or_32(detail::converter_name(forced).value_or("")) ||
                    (forced.empty() && detail::byte_order_mark(bytes) &&
                     is_utf16_or_32(detail::byte_order_mark(bytes)->label));
  if (!wide && bytes.find('\0') != std::string_view::npos) {
    report("ingest.binary", diagnostic_level::error,
           fmt::format("contains a NUL byte at offset {}: a binary file, not a document; skipped. If it is UTF-16 "
                       "text without a byte order mark, name it with --encoding UTF-16LE (or UTF-16BE).",
                       bytes.find('\0')),
           bytes.find('\0'));
    return std::nullopt;
  }
  characters chars = read_characters(bytes, format, forced, report);
  if (package) {
    chars.origin = encoding_origin::container;
    chars.evidence = format == document_format::docx ? "word/document.xml" : "content.xml";
  }
  if (const std::size_t nul = chars.decoded.text.find('\0'); nul != std::string::npos) {
    document map;
    map.runs = chars.decoded.runs;
    const std::size_t at = map.original_span(byte_span{nul, nul + 1}).begin;
    report("ingest.binary", diagnostic_level::error,
           fmt::format("decodes to a NUL character at byte {}: a binary file, or not {}; skipped", at, chars.encoding), at);
    return std::nullopt;
  }

  document doc;
  doc.id = id;
  doc.path = path;
  doc.format = format;
  doc.original = std::string(bytes);
  doc.line_starts = line_starts_of(bytes, chars);
  doc.encoding = chars.encoding;
  doc.encoding_chosen_by = chars.origin;
  doc.encoding_evidence = chars.evidence;
  if (!chars.utf8) doc.decoding = chars.decoded.runs;
  const detail::decoded_text& repaired = chars.decoded;

  detail::front_matter front;
  if (format == document_format::html) {
    detail::html_text page = detail::extract_html(repaired.text);
    if (page.flattened_tags > 0) {
      report("ingest.deep-html", diagnostic_level::warning,
             fmt::format("markup is nested more than 512 levels deep; {} tag(s) beyond that were read as plain text",
                         page.flattened_tags));
    }
    doc.text = std::move(page.text);
    doc.runs = compose(page.runs, repaired.runs);
    set_field(doc.metadata.title, page.title, field_origin::inferred, "<title>");
    if (!page.published.empty()) {
      if (auto iso = detail::iso_date_prefix(page.published)) {
        set_field(doc.metadata.published, *iso, field_origin::inferred, page.published_evidence);
      }
    }
    set_field(doc.metadata.source, page.site_name, field_origin::inferred, "<meta og:site_name>");
    set_field(doc.metadata.url, page.url, field_origin::inferred, "<link rel=canonical>");
  } else {
    front = detail::read_front_matter(repaired.text);
    if (front.present && !front.closed) {
      report("ingest.bad-front-matter", diagnostic_level::warning,
             "front matter starts with '---' but never closes with a '---' line; it was read as text. "
             "Add the closing '---'.",
             repaired.runs.empty() ? 0 : repaired.runs.front().original_begin);
    }
    const std::size_t body = front.closed ? front.body_offset : 0;
    doc.text = repaired.text.substr(body);
    doc.runs.clear();
    for (const offset_run& run : repaired.runs) {
      if (run.text_end <= body) continue;
      // Only exact runs can be cut inside; a replaced byte is never part of a fence line.
      offset_run shifted = run.text_begin < body ? slice(run, body, run.text_end) : run;
      shifted.text_begin -= body;
      shifted.text_end -= body;
      doc.runs.push_back(shifted);
    }
  }
  // Metadata declared by the file or manifest wins; the HTML page's own comes after that.
  document_metadata from_page = package ? from_package : doc.metadata;
  doc.metadata = document_metadata{};
  apply_metadata(doc, front, listed, diags);
  for (auto [mine, page] : {std::pair{&doc.metadata.title, &from_page.title}, std::pair{&doc.metadata.source, &from_page.source},
                            std::pair{&doc.metadata.url, &from_page.url}, std::pair{&doc.metadata.published, &from_page.published}}) {
    if (!mine->present() && page->present()) *mine = *page;
  }
  if (!doc.published && doc.metadata.published.present()) doc.published = civil_date::parse_iso(doc.metadata.published.value);

  normalize_nfc(doc);
  doc.folded = fold_traditional(doc.text);
  if (doc.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    report("ingest.empty", diagnostic_level::warning, "holds no text; skipped");
    return std::nullopt;
  }
  if (!doc.published) {
    if (auto inferred = detail::infer_publication_date(doc.text)) {
      set_field(doc.metadata.published, inferred->iso, field_origin::inferred, inferred->evidence);
      doc.published = civil_date::parse_iso(inferred->iso);
      set_field(doc.metadata.source, inferred->source, field_origin::inferred, inferred->evidence);
    } else {
      report("ingest.no-date", diagnostic_level::note,
             "no publication date in front matter, corpus.json or a byline; relative dates in it "
             "(今年, last year) stay unresolved. Add 'published: YYYY-MM-DD' front matter.");
    }
  }
  return doc;
}

}  // namespace

std::optional<document> ingest_bytes(const std::string& id, std::string_view bytes, document_format format,
                                     diagnostics& diags, const std::string& encoding) {
  return build_document(id, id, bytes, format, nullptr, encoding, diags);
}

std::optional<std::string> encoding_converter(std::string_view name) { return detail::converter_name(name); }

namespace {

// Why a path with a document's name cannot be read as one.
std::string not_a_file(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status link = fs::symlink_status(path, ec);
  if (fs::is_symlink(link)) {
    (void)fs::status(path, ec);  // only the error matters: a loop or a missing target
    if (ec == std::errc::too_many_symbolic_link_levels) return "is a loop of symbolic links; skipped";
    return "is a symbolic link to nothing (" + fs::read_symlink(path, ec).string() + "); skipped";
  }
  if (fs::is_fifo(link)) return "is a named pipe, not a file; skipped (it is never opened)";
  if (fs::is_socket(link)) return "is a socket, not a file; skipped";
  if (fs::is_block_file(link) || fs::is_character_file(link)) return "is a device, not a file; skipped";
  return "is not a regular file; skipped";
}

// Reads one file and builds its document; problems go to `diags` (the last one says why a file
// was skipped). Safe to call from several threads at once.
std::optional<document> read_document(const std::string& id, const fs::path& path, document_format format,
                                      const manifest_entry* listed, const ingest_options& options, diagnostics& diags) {
  const std::string file = path.generic_string();
  auto refuse = [&](const char* code, const std::string& message) {
    diags.push_back(diagnostic{code, diagnostic_level::error, file, message, std::nullopt});
    return std::optional<document>();
  };
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return refuse("ingest.unreadable", "cannot be read: " + ec.message());
  if (size > options.max_file_bytes) {
    return refuse("ingest.too-large", fmt::format("is {} bytes, over the {} byte limit; split it or raise --max-file-size",
                                                  size, options.max_file_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return refuse("ingest.unreadable", "cannot be opened for reading; check its permissions");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) return refuse("ingest.unreadable", "could not be read to the end");
  return build_document(id, file, bytes, format, listed, options.encoding, diags);
}

// The document piped in on standard input, under its `--stdin-name`.
std::optional<document> read_piped(const std::string& name, document_format format, const ingest_options& options,
                                   diagnostics& diags) {
  const std::string& bytes = options.standard_input->bytes;
  if (bytes.size() > options.max_file_bytes) {
    diags.push_back(diagnostic{"ingest.too-large", diagnostic_level::error, name,
                               fmt::format("standard input holds more than the {} byte limit; raise --max-file-size",
                                           options.max_file_bytes),
                               std::nullopt});
    return std::nullopt;
  }
  return build_document(name, name, bytes, format, nullptr, options.encoding, diags);
}

}  // namespace

ingest_result ingest_paths(const std::vector<std::string>& paths, const ingest_options& options,
                           diagnostics& diags) {
  ingest_result result;
  struct candidate {
    std::string id;
    fs::path path;
    document_format format;
    fs::path manifest_folder;
    std::string manifest_key;
    bool piped = false;  // standard input, not a file
  };
  if (!options.encoding.empty() && !encoding_converter(options.encoding)) {
    throw error(fmt::format("unknown encoding '{}' for --encoding; use UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, GB2312, "
                            "Big5 or Big5-HKSCS (or another name ICU knows)",
                            options.encoding));
  }
  std::vector<candidate> candidates;
  auto skip = [&](const std::string& file, const char* code, diagnostic_level level, const std::string& message) {
    diags.push_back(diagnostic{code, level, file, message, std::nullopt});
    if (level == diagnostic_level::error) result.skipped.push_back(skipped_file{file, code, message});
  };

  for (const std::string& given : paths) {
    if (given == "-" && options.standard_input) {
      const std::string& name = options.standard_input->name;
      candidates.push_back(candidate{name, fs::path(name), format_of(fs::path(name)).value_or(document_format::text), {}, {}, true});
      continue;
    }
    const fs::path root(given);
    std::error_code ec;
    const fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      std::error_code link_ec;
      if (fs::is_symlink(fs::symlink_status(root, link_ec))) {
        skip(given, "ingest.not-a-file", diagnostic_level::error, not_a_file(root));
      } else {
        skip(given, "ingest.not-found", diagnostic_level::error, "no such file or folder; check the path");
      }
      continue;
    }
    if (!fs::is_directory(status) && !fs::is_regular_file(status)) {
      skip(given, "ingest.not-a-file", diagnostic_level::error, not_a_file(root));
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<candidate> found;
      // Symlinked folders are not followed, so a link loop cannot trap the walk.
      fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& file = it->path();
        std::error_code file_ec;
        if (!it->is_regular_file(file_ec)) {
          // A document name on something that is not a file: say so rather than pass over it
          // (and never open it: reading a named pipe would wait forever).
          if (format_of(file) && !it->is_directory(file_ec)) skip(file.string(), "ingest.not-a-file", diagnostic_level::error, not_a_file(file));
          continue;
        }
        const auto format = format_of(file);
        // The walk yields root/relative, so the lexical form is the relative path; fs::relative
        // makes both canonical (a readlink and a stat per path component, most of an unchanged
        // re-add's time). A symbolic link keeps it: it names the file the link resolves to.
        const std::string relative =
            (it->is_symlink(file_ec) ? fs::relative(file, root, file_ec) : file.lexically_relative(root)).generic_string();
        if (!format) continue;  // corpus.json, images and the like live beside documents
        found.push_back(candidate{relative, file, *format, file.parent_path(),
                                  file.filename().generic_string()});
      }
      if (ec) skip(given, "ingest.unreadable", diagnostic_level::error, "the folder could not be read to the end: " + ec.message());
      if (found.empty()) {
        skip(given, "ingest.no-documents", diagnostic_level::error,
             "holds no .txt, .md, .html, .docx or .odt documents; name a folder with documents in it");
      }
      candidates.insert(candidates.end(), found.begin(), found.end());
    } else {
      const auto format = format_of(root);
      if (!format) {
        skip(given, "ingest.unknown-format", diagnostic_level::error,
             fmt::format("'{}' is not a known document type; use .txt, .md, .html, .docx or .odt", root.extension().string()));
        continue;
      }
      candidates.push_back(candidate{root.filename().generic_string(), root, *format, root.parent_path(),
                                     root.filename().generic_string()});
    }
  }

  // Ids must be unique across roots; a clash keeps the path as given instead.
  std::map<std::string, int> id_uses;
  for (const candidate& c : candidates) ++id_uses[c.id];
  for (candidate& c : candidates) {
    if (id_uses[c.id] > 1) c.id = c.path.generic_string();
  }
  std::sort(candidates.begin(), candidates.end(), [](const candidate& a, const candidate& b) { return a.id < b.id; });
  candidates.erase(std::unique(candidates.begin(), candidates.end(),
                               [](const candidate& a, const candidate& b) { return a.id == b.id; }),
                   candidates.end());

  // Manifests first, one per folder and in order; then every file on its own, on `jobs`
  // threads, each into its own slot; the slots are merged in id order, so diagnostics and
  // documents come out the same whatever the thread count.
  std::map<fs::path, std::optional<manifest>> manifests;
  for (const candidate& c : candidates) {
    if (c.piped) continue;
    auto [slot, inserted] = manifests.try_emplace(c.manifest_folder);
    if (inserted) slot->second = read_manifest(c.manifest_folder, diags);
  }
  struct loaded {
    std::optional<document> doc;
    diagnostics diags;
  };
  std::vector<loaded> slots(candidates.size());
  for_each_index(candidates.size(), options.jobs, [&](std::size_t index, unsigned) {
    const candidate& c = candidates[index];
    if (c.piped) {
      slots[index].doc = read_piped(c.id, c.format, options, slots[index].diags);
      return;
    }
    const std::optional<manifest>& folder_manifest = manifests.at(c.manifest_folder);
    const manifest_entry* listed = nullptr;
    if (folder_manifest) {
      auto entry = folder_manifest->find(c.manifest_key);
      if (entry != folder_manifest->end()) listed = &entry->second;
    }
    slots[index].doc = read_document(c.id, c.path, c.format, listed, options, slots[index].diags);
  });
  result.documents.reserve(slots.size());  // sized once: a corpus of 100,000 files is 60 MB of records
  for (loaded& slot : slots) {
    if (!slot.doc && !slot.diags.empty()) {
      const diagnostic& why = slot.diags.back();
      result.skipped.push_back(skipped_file{why.file, why.id, why.message});
    }
    diags.insert(diags.end(), std::make_move_iterator(slot.diags.begin()), std::make_move_iterator(slot.diags.end()));
    if (slot.doc) result.documents.push_back(std::move(*slot.doc));
  }
  return result;
}

namespace detail {

std::optional<manifest> parse_manifest(std::string_view text, const std::string& file, diagnostics& diags) {
  const auto fail = [&](const std::string& why) {
    diags.push_back(diagnostic{"ingest.bad-manifest", diagnostic_level::error, file,
                               fmt::format("{}; its metadata is ignored. Fix the file (see schemas/manifest.schema.json).", why),
                               std::nullopt});
    return std::nullopt;
  };
  nlohmann::json data = nlohmann::json::parse(text, nullptr, false);
  if (data.is_discarded()) return fail("is not valid JSON");
  const auto problems = validate_against("manifest.schema.json", data);
  if (!problems.empty()) return fail("does not match its schema: " + problems.front());
  manifest out;
  for (const auto& [path, fields] : data.at("documents").items()) {
    manifest_entry entry;
    for (const auto& [key, value] : fields.items()) entry.fields[key] = value.get<std::string>();
    out[path] = std::move(entry);
  }
  return out;
}

}  // namespace detail

}  // namespace checker
