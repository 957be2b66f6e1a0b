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
  return std::nullopt;
}

// Length of the valid UTF-8 sequence at `pos`, or 0 if the bytes there are not UTF-8.
std::size_t utf8_sequence_length(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) return 1;
  std::size_t length;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;          // no overlong forms
    if (b0 == 0xED) high = 0x9F;         // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;         // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (pos + length > s.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  }
  return length;
}

struct repaired_text {
  std::string text;
  std::vector<offset_run> runs;  // repaired offsets -> original offsets
  std::size_t bad_sequences = 0;
  std::optional<std::size_t> first_bad;
};

// Replaces every invalid UTF-8 sequence with U+FFFD, keeping a map back to the bytes.
repaired_text repair_utf8(std::string_view bytes, std::size_t base) {
  repaired_text out;
  out.text.reserve(bytes.size());
  std::size_t run_start = 0;  // start of the current exact run, in `bytes`
  std::size_t pos = 0;
  auto close_exact_run = [&](std::size_t end) {
    if (end > run_start) {
      const std::size_t at = out.text.size();
      out.text.append(bytes.substr(run_start, end - run_start));
      out.runs.push_back(offset_run{at, out.text.size(), base + run_start, base + end, true});
    }
  };
  while (pos < bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t length = utf8_sequence_length(bytes, pos);
    if (length > 0) {
      pos += length;
      continue;
    }
    close_exact_run(pos);
    if (!out.first_bad) out.first_bad = base + pos;
    ++out.bad_sequences;
    const std::size_t at = out.text.size();
    out.text += "\xEF\xBF\xBD";
    out.runs.push_back(offset_run{at, out.text.size(), base + pos, base + pos + 1, false});
    ++pos;
    run_start = pos;
  }
  close_exact_run(pos);
  return out;
}

// Maps every run of `outer` (text -> middle) through `inner` (middle -> original).
std::vector<offset_run> compose(const std::vector<offset_run>& outer, const document& inner_map) {
  std::vector<offset_run> out;
  out.reserve(outer.size());
  for (const offset_run& run : outer) {
    const byte_span mapped = inner_map.original_span(byte_span{run.original_begin, run.original_end});
    const bool exact = run.exact && mapped.size() == run.original_end - run.original_begin;
    out.push_back(offset_run{run.text_begin, run.text_end, mapped.begin, mapped.end, exact});
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
        const byte_span piece = doc.original_span(byte_span{b, e});
        runs.push_back(offset_run{text.size() + (b - pos), text.size() + (e - pos), piece.begin, piece.end, run.exact});
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

std::optional<document> build_document(const std::string& id, const std::string& path, std::string_view bytes,
                                       document_format format, const manifest_entry* listed, diagnostics& diags) {
  const auto report = [&](const char* code, diagnostic_level level, std::string message,
                          std::optional<std::size_t> offset = std::nullopt) {
    diags.push_back(diagnostic{code, level, path, std::move(message), offset});
  };
  if (bytes.find('\0') != std::string_view::npos) {
    report("ingest.binary", diagnostic_level::error,
           fmt::format("contains a NUL byte at offset {}: a binary file, not a document; skipped",
                       bytes.find('\0')),
           bytes.find('\0'));
    return std::nullopt;
  }
  std::size_t start = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") start = 3;  // a byte order mark is not text

  document doc;
  doc.id = id;
  doc.path = path;
  doc.format = format;
  doc.original = std::string(bytes);
  doc.line_starts.push_back(0);
  for (std::size_t i = bytes.find('\n'); i != std::string_view::npos; i = bytes.find('\n', i + 1)) doc.line_starts.push_back(i + 1);
  repaired_text repaired = repair_utf8(bytes.substr(start), start);
  if (repaired.bad_sequences > 0) {
    report("ingest.invalid-utf8", diagnostic_level::warning,
           fmt::format("{} byte(s) are not valid UTF-8 (first at byte {}); they were replaced by U+FFFD "
                       "and the rest of the document was checked. Re-save the file as UTF-8.",
                       repaired.bad_sequences, *repaired.first_bad),
           repaired.first_bad);
  }
  // `utf8_map` maps repaired-text offsets back to the file's bytes.
  document utf8_map;
  utf8_map.runs = repaired.runs;

  detail::front_matter front;
  if (format == document_format::html) {
    detail::html_text page = detail::extract_html(repaired.text);
    if (page.flattened_tags > 0) {
      report("ingest.deep-html", diagnostic_level::warning,
             fmt::format("markup is nested more than 512 levels deep; {} tag(s) beyond that were read as plain text",
                         page.flattened_tags));
    }
    doc.text = std::move(page.text);
    doc.runs = compose(page.runs, utf8_map);
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
             start);
    }
    const std::size_t body = front.closed ? front.body_offset : 0;
    doc.text = repaired.text.substr(body);
    doc.runs.clear();
    for (const offset_run& run : repaired.runs) {
      if (run.text_end <= body) continue;
      offset_run shifted = run;
      if (shifted.text_begin < body) {
        // Only exact runs can be cut inside; a replaced byte is never part of a fence line.
        shifted.original_begin += body - shifted.text_begin;
        shifted.text_begin = body;
      }
      shifted.text_begin -= body;
      shifted.text_end -= body;
      doc.runs.push_back(shifted);
    }
  }
  // Metadata declared by the file or manifest wins; the HTML page's own comes after that.
  document_metadata from_page = doc.metadata;
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
                                     diagnostics& diags) {
  return build_document(id, id, bytes, format, nullptr, diags);
}

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
  return build_document(id, file, bytes, format, listed, diags);
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
  };
  std::vector<candidate> candidates;
  auto skip = [&](const std::string& file, const char* code, diagnostic_level level, const std::string& message) {
    diags.push_back(diagnostic{code, level, file, message, std::nullopt});
    if (level == diagnostic_level::error) result.skipped.push_back(skipped_file{file, code, message});
  };

  for (const std::string& given : paths) {
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
        const std::string relative = fs::relative(file, root, file_ec).generic_string();
        if (!format) continue;  // corpus.json, images and the like live beside documents
        found.push_back(candidate{relative, file, *format, file.parent_path(),
                                  file.filename().generic_string()});
      }
      if (ec) skip(given, "ingest.unreadable", diagnostic_level::error, "the folder could not be read to the end: " + ec.message());
      if (found.empty()) {
        skip(given, "ingest.no-documents", diagnostic_level::error,
             "holds no .txt, .md or .html documents; name a folder with documents in it");
      }
      candidates.insert(candidates.end(), found.begin(), found.end());
    } else {
      const auto format = format_of(root);
      if (!format) {
        skip(given, "ingest.unknown-format", diagnostic_level::error,
             fmt::format("'{}' is not a known document type; use .txt, .md or .html", root.extension().string()));
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
    const std::optional<manifest>& folder_manifest = manifests.at(c.manifest_folder);
    const manifest_entry* listed = nullptr;
    if (folder_manifest) {
      auto entry = folder_manifest->find(c.manifest_key);
      if (entry != folder_manifest->end()) listed = &entry->second;
    }
    slots[index].doc = read_document(c.id, c.path, c.format, listed, options, slots[index].diags);
  });
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
