// Archive records: hashing, the index of claims, and the JSON form of a record (stored as CBOR
// by the SQLite store, written as a line by `extract --format jsonl`).
#include <algorithm>
#include <cstdint>
#include <future>

#include <fmt/format.h>

#include "archive/archive.h"
#include "util/parallel.h"

namespace checker {
namespace {

// Bumped whenever segment, recognise, normalise or link change what they produce for the same lexicon,
// so that records of an older analysis are never mixed with new ones.
constexpr const char* analysis_code_version = "2026-12-10.17";

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

// Claims before linking, as normalise made them: every field, so that link and compare over
// archived documents see exactly what they would see over files.
template <class T>
nlohmann::json opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

template <class T>
std::optional<T> opt_from(const nlohmann::json& data) {
  if (data.is_null()) return std::nullopt;
  return data.get<T>();
}

nlohmann::json dec(const decimal& d) { return {d.mantissa, d.exponent}; }
decimal dec_from(const nlohmann::json& data) { return decimal{data.at(0).get<std::int64_t>(), data.at(1).get<std::int32_t>()}; }
nlohmann::json opt_dec(const std::optional<decimal>& d) { return d ? dec(*d) : nlohmann::json(); }
std::optional<decimal> opt_dec_from(const nlohmann::json& data) {
  if (data.is_null()) return std::nullopt;
  return dec_from(data);
}

nlohmann::json day(const civil_date& d) { return {d.year, d.month, d.day}; }
civil_date day_from(const nlohmann::json& data) {
  const auto d = civil_date::make(data.at(0).get<int>(), data.at(1).get<unsigned>(), data.at(2).get<unsigned>());
  if (!d) throw std::out_of_range("a date that does not exist");
  return *d;
}

nlohmann::json span_json(const byte_span& s) { return {s.begin, s.end}; }
byte_span span_from(const nlohmann::json& data) { return byte_span{data.at(0).get<std::size_t>(), data.at(1).get<std::size_t>()}; }

nlohmann::json amount_json(const amount_parts& a) {
  return {dec(a.value), opt_dec(a.range_end), a.unit, dec(a.factor), a.unit_text, a.counted, a.per, a.currency_assumed};
}

amount_parts amount_from(const nlohmann::json& d) {
  return amount_parts{dec_from(d.at(0)),           opt_dec_from(d.at(1)),          d.at(2).get<std::string>(),
                      dec_from(d.at(3)),           d.at(4).get<std::string>(),     d.at(5).get<std::string>(),
                      d.at(6).get<std::string>(),  d.at(7).get<bool>()};
}

nlohmann::json date_parts_json(const date_parts& p) {
  nlohmann::json shift;
  if (p.shift) shift = {p.shift->amount, static_cast<int>(p.shift->unit), p.shift->from_preceding};
  nlohmann::json end;
  if (p.range_end) end = {opt(p.range_end->year), opt(p.range_end->month), opt(p.range_end->day)};
  nlohmann::json clock;
  if (p.clock) clock = {p.clock->hour, opt(p.clock->minute), opt(p.clock->second), p.clock->exact, p.clock->approximate};
  return {opt(p.year),       opt(p.month),     opt(p.day),        opt(p.year_offset),   opt(p.month_offset),
          opt(p.day_offset), opt(p.chain_offset), static_cast<int>(p.period), opt(p.week_offset), opt(p.weekday),
          static_cast<int>(p.place), p.weekend, opt(p.iso_week), shift, end, p.order_ambiguous, p.named_event, clock};
}

date_parts date_parts_from(const nlohmann::json& d) {
  date_parts p;
  p.year = opt_from<int>(d.at(0));
  p.month = opt_from<unsigned>(d.at(1));
  p.day = opt_from<unsigned>(d.at(2));
  p.year_offset = opt_from<int>(d.at(3));
  p.month_offset = opt_from<int>(d.at(4));
  p.day_offset = opt_from<int>(d.at(5));
  p.chain_offset = opt_from<int>(d.at(6));
  p.period = enum_from_json(d.at(7), date_period::first_three_quarters);
  p.week_offset = opt_from<int>(d.at(8));
  p.weekday = opt_from<unsigned>(d.at(9));
  p.place = enum_from_json(d.at(10), weekday_place::after);
  p.weekend = d.at(11).get<bool>();
  p.iso_week = opt_from<unsigned>(d.at(12));
  if (!d.at(13).is_null()) {
    const nlohmann::json& s = d.at(13);
    p.shift = date_shift{s.at(0).get<int>(), enum_from_json(s.at(1), date_grain::range), s.at(2).get<bool>()};
  }
  if (!d.at(14).is_null()) {
    const nlohmann::json& e = d.at(14);
    p.range_end = date_end{opt_from<int>(e.at(0)), opt_from<unsigned>(e.at(1)), opt_from<unsigned>(e.at(2))};
  }
  p.order_ambiguous = d.at(15).get<bool>();
  p.named_event = d.at(16).get<bool>();
  if (!d.at(17).is_null()) {
    const nlohmann::json& c = d.at(17);
    p.clock = clock_parts{c.at(0).get<unsigned>(), opt_from<unsigned>(c.at(1)), opt_from<unsigned>(c.at(2)), c.at(3).get<bool>(),
                          c.at(4).get<bool>()};
  }
  return p;
}

nlohmann::json mention_json(const mention& m) {
  return {span_json(m.span),
          m.text,
          m.sentence,
          static_cast<int>(m.kind),
          static_cast<int>(m.hedge),
          m.hedge_text,
          m.amount ? amount_json(*m.amount) : nlohmann::json(),
          m.date ? date_parts_json(*m.date) : nlohmann::json(),
          m.too_long};
}

mention mention_from(const nlohmann::json& d) {
  mention m;
  m.span = span_from(d.at(0));
  m.text = d.at(1).get<std::string>();
  m.sentence = d.at(2).get<std::size_t>();
  m.kind = enum_from_json(d.at(3), claim_kind::date);
  m.hedge = enum_from_json(d.at(4), hedge_kind::exact);
  m.hedge_text = d.at(5).get<std::string>();
  if (!d.at(6).is_null()) m.amount = amount_from(d.at(6));
  if (!d.at(7).is_null()) m.date = date_parts_from(d.at(7));
  m.too_long = d.at(8).get<bool>();
  return m;
}

nlohmann::json claim_json(const claim& c) {
  nlohmann::json date;
  if (c.date) {
    nlohmann::json clock;
    if (c.date->clock) clock = {c.date->clock->first_second, c.date->clock->end_second, c.date->clock->text, c.date->clock->approximate};
    date = {day(c.date->first), day(c.date->last), static_cast<int>(c.date->grain), c.date->anchor, clock};
  }
  return {c.id,
          mention_json(c.found),
          span_json(c.original_span),
          static_cast<int>(c.status),
          c.status_reason,
          opt_dec(c.value),
          {opt_dec(c.interval.low), opt_dec(c.interval.high), c.interval.low_inclusive, c.interval.high_inclusive},
          date,
          c.unit,
          c.subject,
          c.attribute,
          c.qualifiers,
          c.as_of,
          c.link_confidence,
          c.link_basis};
}

claim claim_from(const nlohmann::json& d) {
  claim c;
  c.id = d.at(0).get<std::string>();
  c.found = mention_from(d.at(1));
  c.original_span = span_from(d.at(2));
  c.status = enum_from_json(d.at(3), resolution::invalid);
  c.status_reason = d.at(4).get<std::string>();
  c.value = opt_dec_from(d.at(5));
  const nlohmann::json& i = d.at(6);
  c.interval = value_interval{opt_dec_from(i.at(0)), opt_dec_from(i.at(1)), i.at(2).get<bool>(), i.at(3).get<bool>()};
  if (!d.at(7).is_null()) {
    const nlohmann::json& v = d.at(7);
    c.date = date_value{day_from(v.at(0)), day_from(v.at(1)), enum_from_json(v.at(2), date_grain::range), v.at(3).get<std::string>(), std::nullopt};
    if (!v.at(4).is_null()) {
      const nlohmann::json& k = v.at(4);
      c.date->clock = clock_window{k.at(0).get<std::int32_t>(), k.at(1).get<std::int32_t>(), k.at(2).get<std::string>(), k.at(3).get<bool>()};
    }
  }
  c.unit = d.at(8).get<std::string>();
  c.subject = d.at(9).get<std::string>();
  c.attribute = d.at(10).get<std::string>();
  c.qualifiers = d.at(11).get<std::vector<std::string>>();
  c.as_of = d.at(12).get<std::string>();
  c.link_confidence = d.at(13).get<double>();
  c.link_basis = d.at(14).get<std::string>();
  return c;
}

nlohmann::json diags_json(const diagnostics& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const diagnostic& d : list) {
    out.push_back({{"id", d.id},
                   {"level", static_cast<int>(d.level)},
                   {"file", d.file},
                   {"message", d.message},
                   {"offset", d.offset ? nlohmann::json(*d.offset) : nlohmann::json()}});
  }
  return out;
}

diagnostics diags_from(const nlohmann::json& data) {
  diagnostics out;
  for (const nlohmann::json& d : data) {
    diagnostic diag{d.at("id").get<std::string>(), enum_from_json(d.at("level"), diagnostic_level::error),
                    d.at("file").get<std::string>(), d.at("message").get<std::string>(), std::nullopt};
    if (!d.at("offset").is_null()) diag.offset = d.at("offset").get<std::size_t>();
    out.push_back(std::move(diag));
  }
  return out;
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
  record.ingest_diags = std::move(ingest_diags);
  record.hash = content_hash(doc);
  for (const claim& c : claims) {
    indexed_claim k;
    k.subject = c.subject;
    k.attribute = c.attribute;
    k.unit = c.unit;
    if (c.linked()) k.fact_key = fmt::format("{}|{}|{}|{}", c.subject, c.attribute, fmt::join(c.qualifiers, ","), c.unit);
    k.value = value_text(c);
    k.text = c.found.text;
    k.value_key = subject_tie_key(c);  // `settled` is set with the candidate index (pipeline.cpp)
    record.claims.push_back(std::move(k));
  }
  record.doc = std::move(doc);
  return record;
}

std::string analysis_version(const std::string& lexicon_text) {
  fnv1a h;
  h.add(lexicon_text);
  return fmt::format("{}+{:016x}", analysis_code_version, h.state);
}

nlohmann::json record_to_json(const archive_record& record, const std::string& version) {
  nlohmann::json claims = nlohmann::json::array();
  for (const indexed_claim& k : record.claims) {
    claims.push_back({k.fact_key, k.subject, k.attribute, k.unit, k.value, k.text, k.value_key, k.settled});
  }
  nlohmann::json names = nlohmann::json::array();
  for (const indexed_name& n : record.names) names.push_back({n.name, n.mentions, n.organisation, n.romanised});
  nlohmann::json sentences = nlohmann::json::array();
  for (const sentence& s : record.sentences) sentences.push_back(span_json(s.span));
  nlohmann::json unlinked = nlohmann::json::array();
  for (const claim& c : record.unlinked) unlinked.push_back(claim_json(c));
  return {{record_format, archive_schema_version},
          {"analysis_version", version},
          {"hash", record.hash},
          {"document", document_to_json(record.doc)},
          {"diagnostics", diags_json(record.ingest_diags)},
          {"sentences", sentences},
          {"unlinked_claims", unlinked},
          {"analysis_diagnostics", diags_json(record.analysis_diags)},
          {"claims", claims},
          {"names", names},
          {"subject_keys", record.subject_keys},
          {"name_prefixes", record.name_prefixes},
          {"name_romanised", record.name_romanised}};
}

archive_record record_from_json(const nlohmann::json& data, const std::string& where, const std::string& expected_version) {
  if (!data.is_object() || !data.contains(record_format)) {
    throw error(fmt::format("{}: not an archive record (no \"{}\" field; write records with `factcheck extract --format jsonl`)",
                            where, record_format));
  }
  // Records of schema 1 lack the candidate index (names, keys), those of schema 2 the `settled`
  // flag of each claim: they are read to be refreshed.
  const bool old_schema = data[record_format] == 1;
  const bool unsettled = old_schema || data[record_format] == 2;
  if (data[record_format] != archive_schema_version && !unsettled) {
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
    record.ingest_diags = diags_from(data.at("diagnostics"));
    record.analysis_diags = diags_from(data.at("analysis_diagnostics"));
    for (const nlohmann::json& span : data.at("sentences")) {
      const byte_span s = span_from(span);
      if (s.begin > s.end || s.end > record.doc.text.size()) throw std::out_of_range("a sentence lies outside the text");
      record.sentences.push_back(sentence{s});
    }
    // Reserved: a claim is large and growing the vector would copy every one of them again.
    record.unlinked.reserve(data.at("unlinked_claims").size());
    record.claims.reserve(data.at("claims").size());
    for (const nlohmann::json& c : data.at("unlinked_claims")) {
      record.unlinked.push_back(claim_from(c));
      const claim& back = record.unlinked.back();
      if (back.found.span.end > record.doc.text.size() || back.found.sentence >= record.sentences.size()) {
        throw std::out_of_range("a claim lies outside the text");
      }
    }
    for (const nlohmann::json& k : data.at("claims")) {
      record.claims.push_back(indexed_claim{k.at(0).get<std::string>(), k.at(1).get<std::string>(), k.at(2).get<std::string>(),
                                            k.at(3).get<std::string>(), k.at(4).get<std::string>(), k.at(5).get<std::string>(),
                                            old_schema ? std::string() : k.at(6).get<std::string>(),
                                            unsettled ? false : k.at(7).get<bool>()});
    }
    if (!old_schema) {
      for (const nlohmann::json& n : data.at("names")) {
        record.names.push_back(indexed_name{n.at(0).get<std::string>(), n.at(1).get<std::size_t>(), n.at(2).get<bool>(),
                                            n.at(3).get<std::string>()});
      }
      record.subject_keys = data.at("subject_keys").get<std::vector<std::string>>();
      record.name_prefixes = data.at("name_prefixes").get<std::vector<std::string>>();
      record.name_romanised = data.at("name_romanised").get<std::vector<std::string>>();
    }
    if (record.hash != content_hash(record.doc)) throw std::out_of_range("the hash does not match the document");
    return record;
  } catch (const nlohmann::json::exception& e) {
    throw error(fmt::format("{}: a malformed archive record: {}", where, e.what()));
  } catch (const std::out_of_range& e) {
    throw error(fmt::format("{}: a malformed archive record: {}", where, e.what()));
  }
}

std::vector<archive_record> decode_records(std::vector<stored_record> blobs, const std::string& location,
                                           const std::string& version, unsigned jobs) {
  std::vector<archive_record> out(blobs.size());
  for_each_index(blobs.size(), jobs, [&](std::size_t i, unsigned) {
    nlohmann::json data;
    const std::string where = fmt::format("archive {}: document {}", location, blobs[i].first);
    try {
      data = nlohmann::json::from_cbor(blobs[i].second);
    } catch (const nlohmann::json::exception& e) {
      throw error(fmt::format("{}: the record is unreadable: {}", where, e.what()));
    }
    std::vector<std::uint8_t>().swap(blobs[i].second);
    out[i] = record_from_json(data, where, version);
  });
  return out;
}

void for_each_encoded(const std::vector<archive_record>& records, const std::string& version, unsigned jobs,
                      const std::function<void(std::span<const archive_record>, const encoded_records&)>& store) {
  // Large enough to keep every thread busy (and a PostgreSQL round trip worth its while), small
  // enough that the blobs of two chunks (a few KiB each) stay a few MiB.
  static constexpr std::size_t chunk = 256;
  const auto encode = [&records, &version, jobs](std::size_t first) {
    encoded_records out(std::min(chunk, records.size() - first));
    for_each_index(out.size(), jobs, [&](std::size_t i, unsigned) {
      out[i] = nlohmann::json::to_cbor(record_to_json(records[first + i], version));
    });
    return out;
  };
  if (records.empty()) return;
  // The next chunk is encoded while this one is stored: encoding took as long as the rows.
  std::future<encoded_records> next = std::async(std::launch::async, encode, 0);
  for (std::size_t first = 0; first < records.size(); first += chunk) {
    const encoded_records ready = next.get();
    if (first + chunk < records.size()) next = std::async(std::launch::async, encode, first + chunk);
    store(std::span<const archive_record>(records).subspan(first, ready.size()), ready);
  }
}

}  // namespace checker
