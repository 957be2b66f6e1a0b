// Archive records: hashing, the index of claims, and the JSON form of a record (stored as CBOR
// by the SQLite store, written as a line by `extract --format jsonl`).
#include <cstdint>

#include <fmt/format.h>

#include "archive/archive.h"

namespace checker {
namespace {

// Bumped whenever recognise, normalise or link change what they produce for the same lexicon,
// so that records of an older analysis are never mixed with new ones.
constexpr const char* analysis_code_version = "2026-12-07.1";

constexpr const char* record_format = "factcheck_archive_record";

struct fnv1a {
  std::uint64_t state = 14695981039346656037ull;
  void add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      state ^= c;
      state *= 1099511628211ull;
    }
    // A separator that no byte string ends in, so ("ab", "c") and ("a", "bc") differ.
    state ^= 0xff;
    state *= 1099511628211ull;
  }
};

constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The original bytes may be in any encoding (GB18030, UTF-16): JSON strings must be UTF-8.
std::string base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += base64_alphabet[(n >> 18) & 63];
    out += base64_alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? base64_alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? base64_alphabet[n & 63] : '=';
  }
  return out;
}

std::optional<std::string> unbase64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    std::uint32_t n = 0;
    int pad = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      std::uint32_t v = 0;
      if (c == '=' && i + 4 == text.size() && k >= 2) {
        ++pad;
      } else {
        const auto at = base64_alphabet.find(c);
        if (at == std::string_view::npos || pad > 0) return std::nullopt;
        v = static_cast<std::uint32_t>(at);
      }
      n = (n << 6) | v;
    }
    out += static_cast<char>((n >> 16) & 0xff);
    if (pad < 2) out += static_cast<char>((n >> 8) & 0xff);
    if (pad < 1) out += static_cast<char>(n & 0xff);
  }
  return out;
}

nlohmann::json runs_to_json(const std::vector<offset_run>& runs) {
  nlohmann::json out = nlohmann::json::array();
  for (const offset_run& r : runs) {
    out.push_back({r.text_begin, r.text_end, r.original_begin, r.original_end, r.exact, r.text_width, r.original_width});
  }
  return out;
}

std::vector<offset_run> runs_from_json(const nlohmann::json& data) {
  std::vector<offset_run> runs;
  for (const nlohmann::json& r : data) {
    runs.push_back(offset_run{r.at(0).get<std::size_t>(), r.at(1).get<std::size_t>(), r.at(2).get<std::size_t>(),
                              r.at(3).get<std::size_t>(), r.at(4).get<bool>(), r.at(5).get<std::uint8_t>(),
                              r.at(6).get<std::uint8_t>()});
  }
  return runs;
}

nlohmann::json field_to_json(const metadata_field& f) { return {f.value, static_cast<int>(f.origin), f.evidence}; }

metadata_field field_from_json(const nlohmann::json& data) {
  const int origin = data.at(1).get<int>();
  if (origin < 0 || origin > static_cast<int>(field_origin::missing)) throw std::out_of_range("unknown metadata origin");
  return metadata_field{data.at(0).get<std::string>(), static_cast<field_origin>(origin), data.at(2).get<std::string>()};
}

template <class Enum>
Enum enum_from_json(const nlohmann::json& data, Enum last) {
  const int v = data.get<int>();
  if (v < 0 || v > static_cast<int>(last)) throw std::out_of_range("enumeration value out of range");
  return static_cast<Enum>(v);
}

nlohmann::json document_to_json(const document& doc) {
  return {{"id", doc.id},
          {"path", doc.path},
          {"format", static_cast<int>(doc.format)},
          {"text", doc.text},
          {"folded", doc.folded},
          {"runs", runs_to_json(doc.runs)},
          {"metadata",
           {field_to_json(doc.metadata.source), field_to_json(doc.metadata.published), field_to_json(doc.metadata.url),
            field_to_json(doc.metadata.title)}},
          {"published", doc.published ? nlohmann::json(doc.published->iso()) : nlohmann::json()},
          {"original", base64(doc.original)},
          {"line_starts", doc.line_starts},
          {"encoding", doc.encoding},
          {"encoding_chosen_by", static_cast<int>(doc.encoding_chosen_by)},
          {"encoding_evidence", doc.encoding_evidence},
          {"decoding", runs_to_json(doc.decoding)}};
}

document document_from_json(const nlohmann::json& data) {
  document doc;
  doc.id = data.at("id").get<std::string>();
  doc.path = data.at("path").get<std::string>();
  doc.format = enum_from_json(data.at("format"), document_format::odt);
  doc.text = data.at("text").get<std::string>();
  doc.folded = data.at("folded").get<std::string>();
  doc.runs = runs_from_json(data.at("runs"));
  const nlohmann::json& meta = data.at("metadata");
  doc.metadata = document_metadata{field_from_json(meta.at(0)), field_from_json(meta.at(1)), field_from_json(meta.at(2)),
                                   field_from_json(meta.at(3))};
  if (!data.at("published").is_null()) {
    doc.published = civil_date::parse_iso(data.at("published").get<std::string>());
    if (!doc.published) throw std::out_of_range("published is not an ISO date");
  }
  const std::optional<std::string> original = unbase64(data.at("original").get<std::string>());
  if (!original) throw std::out_of_range("original is not base64");
  doc.original = *original;
  doc.line_starts = data.at("line_starts").get<std::vector<std::size_t>>();
  doc.encoding = data.at("encoding").get<std::string>();
  doc.encoding_chosen_by = enum_from_json(data.at("encoding_chosen_by"), encoding_origin::container);
  doc.encoding_evidence = data.at("encoding_evidence").get<std::string>();
  doc.decoding = runs_from_json(data.at("decoding"));
  // Offsets past the text would make later stages read out of bounds: refuse them here.
  for (const offset_run& r : doc.runs) {
    if (r.text_begin > r.text_end || r.text_end > doc.text.size()) throw std::out_of_range("an offset run lies outside the text");
  }
  if (!doc.folded.empty() && doc.folded.size() != doc.text.size()) throw std::out_of_range("folded text of another length");
  return doc;
}

std::string value_text(const claim& c) {
  if (c.date) return c.date->first == c.date->last ? c.date->first.iso() : c.date->first.iso() + ".." + c.date->last.iso();
  return c.value ? c.value->to_string() : std::string();
}

}  // namespace

std::string content_hash(const document& doc) {
  fnv1a h;
  h.add(doc.id);
  h.add(doc.original);
  h.add(std::to_string(static_cast<int>(doc.format)));
  h.add(doc.encoding);
  for (const metadata_field* f : {&doc.metadata.source, &doc.metadata.published, &doc.metadata.url, &doc.metadata.title}) {
    h.add(f->value);
    h.add(std::to_string(static_cast<int>(f->origin)));
  }
  return fmt::format("{:016x}", h.state);
}

archive_record make_record(document doc, diagnostics ingest_diags, const std::vector<claim>& claims) {
  archive_record record;
  record.hash = content_hash(doc);
  for (const claim& c : claims) {
    indexed_claim k;
    k.subject = c.subject;
    k.attribute = c.attribute;
    k.unit = c.unit;
    if (c.linked()) k.fact_key = fmt::format("{}|{}|{}|{}", c.subject, c.attribute, fmt::join(c.qualifiers, ","), c.unit);
    k.value = value_text(c);
    k.text = c.found.text;
    record.claims.push_back(std::move(k));
  }
  record.doc = std::move(doc);
  record.ingest_diags = std::move(ingest_diags);
  return record;
}

std::string analysis_version(const std::string& lexicon_text) {
  fnv1a h;
  h.add(lexicon_text);
  return fmt::format("{}+{:016x}", analysis_code_version, h.state);
}

nlohmann::json record_to_json(const archive_record& record, const std::string& version) {
  nlohmann::json diags = nlohmann::json::array();
  for (const diagnostic& d : record.ingest_diags) {
    diags.push_back({{"id", d.id},
                     {"level", static_cast<int>(d.level)},
                     {"file", d.file},
                     {"message", d.message},
                     {"offset", d.offset ? nlohmann::json(*d.offset) : nlohmann::json()}});
  }
  nlohmann::json claims = nlohmann::json::array();
  for (const indexed_claim& k : record.claims) claims.push_back({k.fact_key, k.subject, k.attribute, k.unit, k.value, k.text});
  return {{record_format, archive_schema_version}, {"analysis_version", version}, {"hash", record.hash},
          {"document", document_to_json(record.doc)}, {"diagnostics", diags}, {"claims", claims}};
}

archive_record record_from_json(const nlohmann::json& data, const std::string& where, const std::string& expected_version) {
  if (!data.is_object() || !data.contains(record_format)) {
    throw error(fmt::format("{}: not an archive record (no \"{}\" field; write records with `factcheck extract --format jsonl`)",
                            where, record_format));
  }
  if (data[record_format] != archive_schema_version) {
    throw error(fmt::format("{}: an archive record of schema version {}; this factcheck reads version {}", where,
                            data[record_format].dump(), archive_schema_version));
  }
  try {
    const std::string version = data.at("analysis_version").get<std::string>();
    if (!expected_version.empty() && version != expected_version) {
      throw error(fmt::format("{}: made by analysis version {}, this factcheck is {}; extract it again with this factcheck",
                              where, version, expected_version));
    }
    archive_record record;
    record.doc = document_from_json(data.at("document"));
    record.hash = data.at("hash").get<std::string>();
    for (const nlohmann::json& d : data.at("diagnostics")) {
      diagnostic diag{d.at("id").get<std::string>(), enum_from_json(d.at("level"), diagnostic_level::error),
                      d.at("file").get<std::string>(), d.at("message").get<std::string>(), std::nullopt};
      if (!d.at("offset").is_null()) diag.offset = d.at("offset").get<std::size_t>();
      record.ingest_diags.push_back(std::move(diag));
    }
    for (const nlohmann::json& k : data.at("claims")) {
      record.claims.push_back(indexed_claim{k.at(0).get<std::string>(), k.at(1).get<std::string>(), k.at(2).get<std::string>(),
                                            k.at(3).get<std::string>(), k.at(4).get<std::string>(), k.at(5).get<std::string>()});
    }
    if (record.hash != content_hash(record.doc)) throw std::out_of_range("the hash does not match the document");
    return record;
  } catch (const nlohmann::json::exception& e) {
    throw error(fmt::format("{}: a malformed archive record: {}", where, e.what()));
  } catch (const std::out_of_range& e) {
    throw error(fmt::format("{}: a malformed archive record: {}", where, e.what()));
  }
}

}  // namespace checker
