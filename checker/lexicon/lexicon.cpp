#include "lexicon/lexicon.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "lexicon/embedded.h"
#include "lexicon/schema.h"
#include "model/diagnostic.h"
#include "util/fold.h"

namespace checker {

namespace {

// Words are matched against documents' folded text (Traditional read as Simplified), so a word
// written in Traditional Chinese in a project file is folded the same way.
std::string folded(std::string word) {
  std::string simple = fold_traditional(word);
  return simple.empty() ? word : simple;
}

}  // namespace

namespace {

std::uint16_t two_bytes(char a, char b) {
  return static_cast<std::uint16_t>((static_cast<unsigned char>(a) << 8) | static_cast<unsigned char>(b));
}

void mark(std::vector<std::uint64_t>& bits, std::uint16_t key) { bits[key >> 6] |= std::uint64_t{1} << (key & 63); }
bool marked(const std::vector<std::uint64_t>& bits, std::uint16_t key) { return (bits[key >> 6] >> (key & 63)) & 1U; }

}  // namespace

void word_set::add(std::string word, std::size_t payload) {
  if (word.empty()) return;
  const auto index = static_cast<std::uint32_t>(words_.size());
  words_.push_back(entry{folded(std::move(word)), payload});
  const std::string& w = words_.back().word;
  if (w.size() == 1) {
    single_bytes_[static_cast<unsigned char>(w.front())].push_back(index);
    return;
  }
  const std::uint16_t first = two_bytes(w[0], w[1]);
  const std::uint16_t last = two_bytes(w[w.size() - 2], w[w.size() - 1]);
  insert_sorted(by_first_two_[first], index);
  insert_sorted(by_last_two_[last], index);
  mark(first_two_seen_, first);
  mark(last_two_seen_, last);
}

void word_set::insert_sorted(std::vector<std::uint32_t>& bucket, std::uint32_t index) const {
  // After every word at least as long, so equal lengths keep the order they were added in.
  const std::size_t length = words_[index].word.size();
  const auto at = std::partition_point(bucket.begin(), bucket.end(),
                                       [&](std::uint32_t i) { return words_[i].word.size() >= length; });
  bucket.insert(at, index);
}

std::optional<word_set::match> word_set::longest_at(std::string_view text, std::size_t pos) const {
  if (pos >= text.size()) return std::nullopt;
  const std::size_t left = text.size() - pos;
  if (left >= 2 && marked(first_two_seen_, two_bytes(text[pos], text[pos + 1]))) {
    if (const auto bucket = by_first_two_.find(two_bytes(text[pos], text[pos + 1])); bucket != by_first_two_.end()) {
      for (std::uint32_t i : bucket->second) {
        const std::string& w = words_[i].word;
        if (w.size() <= left && text.compare(pos, w.size(), w) == 0) return match{w.size(), words_[i].payload};
      }
    }
  }
  // A one-byte word (`$`, `%`) is shorter than any longer match, so it is tried last.
  const auto& singles = single_bytes_[static_cast<unsigned char>(text[pos])];
  if (!singles.empty()) return match{1, words_[singles.front()].payload};
  return std::nullopt;
}

std::optional<word_set::match> word_set::longest_ending_at(std::string_view text, std::size_t pos) const {
  if (pos == 0 || pos > text.size()) return std::nullopt;
  if (pos >= 2 && marked(last_two_seen_, two_bytes(text[pos - 2], text[pos - 1]))) {
    if (const auto bucket = by_last_two_.find(two_bytes(text[pos - 2], text[pos - 1])); bucket != by_last_two_.end()) {
      for (std::uint32_t i : bucket->second) {
        const std::string& w = words_[i].word;
        if (w.size() <= pos && text.compare(pos - w.size(), w.size(), w) == 0) return match{w.size(), words_[i].payload};
      }
    }
  }
  const auto& singles = single_bytes_[static_cast<unsigned char>(text[pos - 1])];
  if (!singles.empty()) return match{1, words_[singles.front()].payload};
  return std::nullopt;
}

bool lexicon::is_not_subject(std::string_view name) const {
  if (std::binary_search(not_subjects.begin(), not_subjects.end(), name)) return true;
  // UTC, GMT, EDT: a time zone written after a time is no subject.
  const auto zone = time_zones.longest_at(name, 0);
  return zone && zone->length == name.size();
}

namespace {

bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::optional<std::size_t> lexicon::place_at(std::string_view text, std::size_t pos) const {
  const auto m = places.longest_at(text, pos);
  if (!m) return std::nullopt;
  // Latin names are words: `Chad` is not in `Chadwick`, `Oman` not in `Romania`. Chinese is
  // written without spaces, so a Chinese name has no boundary to check.
  if (static_cast<unsigned char>(text[pos]) < 0x80) {
    const std::size_t end = pos + m->length;
    if (pos > 0 && is_word_byte(text[pos - 1])) return std::nullopt;
    if (end < text.size() && (is_word_byte(text[end]) || text[end] == '$')) return std::nullopt;
  }
  return m->payload;
}

bool lexicon::within(std::size_t place, const std::string& ancestor_id) const {
  // Bounded by the number of places, so a cycle in a project file's parents cannot hang.
  for (std::size_t step = 0; place < place_entries.size() && step <= place_entries.size(); ++step) {
    const place_entry& entry = place_entries[place];
    if (entry.id == ancestor_id) return true;
    const auto parent = place_index.find(entry.parent);
    if (parent == place_index.end()) return false;
    place = parent->second;
  }
  return false;
}

std::string lexicon::canonical_per(const std::string& per) const {
  if (auto m = per_units.longest_at(per, 0)) {
    // 每股派发现金红利0.8元: in Chinese the rate's noun comes first and a verb phrase may follow.
    const bool han_tail = m->length < per.size() && static_cast<unsigned char>(per[m->length]) >= 0xE0;
    if (m->length == per.size() || han_tail) return per_unit_ids[m->payload];
  }
  return per;
}

namespace {

claim_kind kind_from(const std::string& name) {
  if (name == "duration") return claim_kind::duration;
  if (name == "percent") return claim_kind::percent;
  if (name == "count") return claim_kind::count;
  return claim_kind::number;
}

hedge_kind hedge_from(const std::string& name) {
  if (name == "approximate") return hedge_kind::approximate;
  if (name == "nearly") return hedge_kind::nearly;
  if (name == "more_than") return hedge_kind::more_than;
  if (name == "at_least") return hedge_kind::at_least;
  if (name == "less_than") return hedge_kind::less_than;
  if (name == "at_most") return hedge_kind::at_most;
  return hedge_kind::exact;
}

change_over_time over_time_from(const std::string& name) {
  if (name == "grows") return change_over_time::grows;
  if (name == "changes") return change_over_time::changes;
  return change_over_time::none;
}

decimal decimal_from(const std::string& text) {
  auto value = decimal::parse(text);
  if (!value) throw error(fmt::format("lexicon: '{}' is not a decimal", text));
  return *value;
}

// A place already known (a project file adding names to a shipped place) keeps its entry.
std::optional<decimal> optional_decimal(const nlohmann::json& entry, const char* key) {
  if (!entry.contains(key)) return std::nullopt;
  return decimal_from(entry.at(key).get<std::string>());
}

void add_place(lexicon& lex, const nlohmann::json& place) {
  const std::string id = place.at("id").get<std::string>();
  auto [it, inserted] = lex.place_index.try_emplace(id, lex.place_entries.size());
  if (inserted) {
    std::string english;
    for (const auto& n : place.at("names")) {
      const std::string name = n.get<std::string>();
      if (english.empty() && std::isalpha(static_cast<unsigned char>(name.front())) != 0) english = name;
    }
    // A few places have no English name that is theirs alone (two cities are `Taizhou`).
    if (english.empty()) english = place.at("names").front().get<std::string>();
    lex.place_entries.push_back(place_entry{id, place.at("kind").get<std::string>(),
                                            place.value("parent", std::string()), english});
  }
  for (const auto& n : place.at("names")) lex.places.add(n.get<std::string>(), it->second);
}

void add_words(word_set& set, const nlohmann::json& words, std::size_t payload) {
  for (const auto& w : words) set.add(w.get<std::string>(), payload);
}

// English date words are written in lower case; the capitalised form starts a sentence.
void add_date_words(word_set& set, const nlohmann::json& words, std::size_t payload) {
  for (const auto& w : words) {
    std::string word = w.get<std::string>();
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') {
      std::string capital = word;
      capital[0] = static_cast<char>(capital[0] - 32);
      set.add(std::move(capital), payload);
    }
    set.add(std::move(word), payload);
  }
}

std::size_t biased(int offset) { return static_cast<std::size_t>(static_cast<int>(date_lexicon::bias) + offset); }

std::size_t grain_payload(const std::string& unit) {  // read back as a date_grain
  if (unit == "day") return static_cast<std::size_t>(date_grain::day);
  if (unit == "week") return static_cast<std::size_t>(date_grain::week);
  if (unit == "month") return static_cast<std::size_t>(date_grain::month);
  return static_cast<std::size_t>(date_grain::year);
}

void merge_dates(date_lexicon& dates, const nlohmann::json& data) {
  const auto list = [&](const char* key) { return data.value(key, nlohmann::json::array()); };
  for (const auto& d : list("weekdays")) add_date_words(dates.weekdays, d.at("words"), d.at("day").get<std::size_t>());
  add_date_words(dates.weekday_prefixes, list("weekday_prefixes"), 0);
  for (const auto& d : list("weekday_characters")) {
    add_date_words(dates.weekday_characters, d.at("words"), d.at("day").get<std::size_t>());
  }
  for (const auto& w : list("weeks")) add_date_words(dates.weeks, w.at("words"), biased(w.at("offset").get<int>()));
  for (const auto& w : list("weekends")) add_date_words(dates.weekends, w.at("words"), biased(w.at("offset").get<int>()));
  for (const auto& m : list("weekday_modifiers")) {
    const std::string rule = m.at("rule").get<std::string>();
    const weekday_rule r = rule == "before" ? weekday_rule::before : rule == "after" ? weekday_rule::after : weekday_rule::in_week;
    add_date_words(dates.weekday_modifiers, m.at("words"), static_cast<std::size_t>(r));
  }
  add_date_words(dates.weekday_blockers, list("weekday_blockers"), 0);
  for (const auto& d : list("days")) add_date_words(dates.days, d.at("words"), biased(d.at("offset").get<int>()));
  add_date_words(dates.future_cues, list("future_cues"), 0);
  for (const auto& u : list("relative_units")) {
    add_date_words(dates.relative_units, u.at("words"), grain_payload(u.at("unit").get<std::string>()));
  }
  add_date_words(dates.ago_markers, list("ago_markers"), 0);
  add_date_words(dates.later_markers, list("later_markers"), 0);
  add_date_words(dates.ahead_markers, list("ahead_markers"), 0);
  add_date_words(dates.ahead_prefixes, list("ahead_prefixes"), 0);
  add_date_words(dates.before_prefixes, list("before_prefixes"), 0);
  add_date_words(dates.week_numbers, list("week_numbers"), 0);
  add_date_words(dates.cues_before, list("cues_before"), 0);
  add_date_words(dates.event_nouns, list("event_nouns"), 0);
  add_date_words(dates.numeric_blockers, list("numeric_blockers"), 0);
  for (const auto& d : list("day_parts")) {
    const std::string part = d.at("part").get<std::string>();
    const half_day h = part == "morning" ? half_day::morning : part == "noon" ? half_day::noon : part == "afternoon" ? half_day::afternoon : half_day::night;
    add_date_words(dates.day_parts, d.at("words"), static_cast<std::size_t>(h));
  }
  add_date_words(dates.time_hedges_before, list("time_hedges_before"), 0);
  add_date_words(dates.time_hedges_after, list("time_hedges_after"), 0);
}

// `+08:00`, `-04:00`, `+06:30` as minutes east of UTC (the schema checks the shape).
int utc_offset_minutes(const std::string& text) {
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') {
    throw error(fmt::format("lexicon: time zone offset '{}' is not of the form +HH:MM", text));
  }
  const int hours = (text[1] - '0') * 10 + (text[2] - '0');
  const int minutes = (text[4] - '0') * 10 + (text[5] - '0');
  return (text[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
}

// Every list is optional so that a project file can add to one list alone.
void merge(lexicon& lex, const nlohmann::json& data) {
  if (data.contains("dates")) merge_dates(lex.dates, data["dates"]);
  for (const auto& s : data.value("scales", nlohmann::json::array())) {
    const std::string word = s.at("word").get<std::string>();
    const std::size_t power = s.at("power").get<std::size_t>();
    lex.scales.add(word, power);
    lex.scale_words.push_back(scale_word{word, s.at("power").get<int>(), s.value("family", "")});
    // Headlines capitalise every word (`$2 Billion`); abbreviations (`m`, `bn`) stay as written.
    if (word.size() >= 4 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      std::string capitalised = word;
      capitalised[0] = static_cast<char>(capitalised[0] - 'a' + 'A');
      lex.scales.add(capitalised, power);
    }
  }
  for (const auto& c : data.value("currencies", nlohmann::json::array())) {
    const std::size_t index = lex.currency_codes.size();
    lex.currency_codes.push_back(c.at("code").get<std::string>());
    add_words(lex.currency_prefixes, c.value("prefixes", nlohmann::json::array()), index);
    add_words(lex.currency_suffixes, c.value("suffixes", nlohmann::json::array()), index);
  }
  for (const auto& u : data.value("currency_subunits", nlohmann::json::array())) {
    const std::size_t index = lex.currency_subunit_entries.size();
    lex.currency_subunit_entries.push_back(lexicon::subunit_entry{u.at("code").get<std::string>(),
                                                                  decimal_from(u.at("factor").get<std::string>()),
                                                                  u.value("alone", false)});
    add_words(lex.currency_subunits, u.at("words"), index);
  }
  if (data.contains("ambiguous_dollar")) {
    lex.dollar_symbol = data["ambiguous_dollar"].at("symbol").get<std::string>();
    lex.dollar_assumed = data["ambiguous_dollar"].at("assumed").get<std::string>();
  }
  for (const auto& u : data.value("units", nlohmann::json::array())) {
    const std::size_t index = lex.unit_entries.size();
    lex.unit_entries.push_back(unit_entry{kind_from(u.at("kind").get<std::string>()),
                                          u.at("unit").get<std::string>(),
                                          decimal_from(u.at("factor").get<std::string>())});
    add_words(lex.units, u.at("words"), index);
  }
  add_words(lex.classifiers, data.value("classifiers", nlohmann::json::array()), 0);
  add_words(lex.numeral_names, data.value("numeral_names", nlohmann::json::array()), 0);
  for (const auto& n : data.value("counted_nouns", nlohmann::json::array())) {
    const std::size_t index = lex.counted_ids.size();
    lex.counted_ids.push_back(n.at("id").get<std::string>());
    add_words(lex.counted_nouns, n.at("words"), index);
  }
  for (const auto& h : data.value("hedges", nlohmann::json::array())) {
    const std::size_t index = lex.hedge_entries.size();
    hedge_entry entry{hedge_from(h.at("kind").get<std::string>()), std::nullopt};
    if (h.contains("margin")) entry.margin = decimal_from(h["margin"].get<std::string>());
    lex.hedge_entries.push_back(entry);
    add_words(h.at("position") == "before" ? lex.hedges_before : lex.hedges_after, h.at("words"), index);
  }
  for (const auto& a : data.value("attributes", nlohmann::json::array())) {
    const std::size_t index = lex.attributes.size();
    lex.attributes.push_back(attribute_entry{a.at("id").get<std::string>(), a.at("dims").get<std::vector<std::string>>(),
                                             a.value("change_of", false), a.value("single_valued", false),
                                             a.value("measured", false), a.value("momentary", false),
                                             optional_decimal(a, "minimum"), optional_decimal(a, "maximum"),
                                             over_time_from(a.value("over_time", std::string())),
                                             a.value("requires_qualifier_group", std::string())});
    // One word may cue several attributes of different dimensions (股价: a price or a change).
    for (const auto& w : a.at("cues")) {
      const std::string word = w.get<std::string>();
      auto [it, inserted] = lex.attribute_cue_index.try_emplace(word, lex.attribute_cue_targets.size());
      if (inserted) {
        lex.attribute_cue_targets.emplace_back();
        lex.attribute_cues.add(word, it->second);
      }
      lex.attribute_cue_targets[it->second].push_back(index);
    }
  }
  for (const auto& w : data.value("idioms", nlohmann::json::array())) lex.attribute_cues.add(w.get<std::string>(), lexicon::idiom_payload);
  for (const auto& q : data.value("qualifiers", nlohmann::json::array())) {
    const std::size_t index = lex.qualifier_ids.size();
    lex.qualifier_ids.push_back(q.at("id").get<std::string>());
    lex.qualifier_groups.push_back(q.value("group", std::string()));
    lex.qualifier_adjacent.push_back(q.value("scope", std::string("clause")) == "adjacent");
    lex.qualifier_rest_of_sentence.push_back(q.value("scope", std::string("clause")) == "rest_of_sentence");
    add_words(lex.qualifier_cues, q.at("cues"), index);
  }
  if (data.contains("change_markers")) {
    add_words(lex.change_from, data["change_markers"].value("from", nlohmann::json::array()), 0);
    add_words(lex.change_to, data["change_markers"].value("to", nlohmann::json::array()), 0);
    add_words(lex.change_by, data["change_markers"].value("by", nlohmann::json::array()), 0);
  }
  for (const auto& c : data.value("conversions", nlohmann::json::array())) {
    lex.conversions.push_back(unit_conversion{c.at("unit").get<std::string>(), c.at("base").get<std::string>(),
                                              decimal_from(c.at("factor").get<std::string>())});
  }
  for (const auto& u : data.value("per_units", nlohmann::json::array())) {
    const std::size_t index = lex.per_unit_ids.size();
    lex.per_unit_ids.push_back(u.at("id").get<std::string>());
    add_words(lex.per_units, u.at("words"), index);
  }
  for (const auto& subject : data.value("subjects", nlohmann::json::array())) {
    const std::string name = subject.at("name").get<std::string>();
    const std::size_t index = lex.subject_names.size();
    lex.subject_names.push_back(name);
    lex.known_subjects.add(name, index);
    lex.subject_aliases[folded(name)] = name;
    for (const auto& alias : subject.value("aliases", nlohmann::json::array())) {
      lex.known_subjects.add(alias.get<std::string>(), index);
      lex.subject_aliases[folded(alias.get<std::string>())] = name;
    }
  }
  for (const auto& source : data.value("sources", nlohmann::json::array())) {
    const std::string name = source.at("name").get<std::string>();
    const std::size_t index = lex.source_names.size();
    lex.source_names.push_back(name);
    lex.known_sources.add(name, index);
    lex.not_subjects.push_back(name);  // who measured a figure is not what it is about
    for (const auto& alias : source.value("aliases", nlohmann::json::array())) {
      lex.known_sources.add(alias.get<std::string>(), index);
      lex.not_subjects.push_back(folded(alias.get<std::string>()));
    }
  }
  add_words(lex.as_of_markers, data.value("as_of_markers", nlohmann::json::array()), 0);
  add_words(lex.as_of_now, data.value("as_of_now", nlohmann::json::array()), 0);
  add_words(lex.attribution_before, data.value("attribution_before", nlohmann::json::array()), 0);
  add_words(lex.attribution_after, data.value("attribution_after", nlohmann::json::array()), 0);
  for (const auto& zone : data.value("time_zones", nlohmann::json::array())) {
    const std::size_t index = lex.zone_offsets.size();
    lex.zone_offsets.push_back(utc_offset_minutes(zone.at("offset").get<std::string>()));
    add_words(lex.time_zones, zone.at("words"), index);
  }
  if (data.contains("chinese_dates_zone")) lex.chinese_dates_zone = utc_offset_minutes(data["chinese_dates_zone"].get<std::string>());
  add_words(lex.venue_markers, data.value("venue_markers", nlohmann::json::array()), 0);
  add_words(lex.evidence_verbs, data.value("evidence_verbs", nlohmann::json::array()), 0);
  add_words(lex.overtaking_markers, data.value("overtaking_markers", nlohmann::json::array()), 0);
  add_words(lex.venue_nouns, data.value("venue_nouns", nlohmann::json::array()), 0);
  add_words(lex.origin_markers_after, data.value("origin_markers_after", nlohmann::json::array()), 0);
  add_words(lex.source_work_markers, data.value("source_work_markers", nlohmann::json::array()), 0);
  add_words(lex.respectively, data.value("respectively", nlohmann::json::array()), 0);
  add_words(lex.coordinators, data.value("coordinators", nlohmann::json::array()), 0);
  add_words(lex.pronouns, data.value("pronouns", nlohmann::json::array()), 0);
  add_words(lex.reporting_verbs, data.value("reporting_verbs", nlohmann::json::array()), 0);
  add_words(lex.comparison_markers, data.value("comparison_markers", nlohmann::json::array()), 0);
  // 同比, 环比: a year-on-year basis, not a comparison with another subject; read as one word.
  for (const char* basis : {"同比", "环比"}) lex.comparison_markers.add(basis, lexicon::idiom_payload);
  add_words(lex.comparative_words, data.value("comparative_words", nlohmann::json::array()), 0);
  add_words(lex.segment_nouns, data.value("segment_nouns", nlohmann::json::array()), 0);
  for (const auto& g : data.value("generic_subjects", nlohmann::json::array())) {
    const std::size_t index = lex.generic_subject_ids.size();
    lex.generic_subject_ids.push_back(g.at("id").get<std::string>());
    lex.generic_subject_standalone.push_back(g.value("standalone", false));
    add_words(lex.generic_subjects, g.at("cues"), index);
  }
  // By reference: `value()` would copy the whole gazetteer first.
  if (const auto places = data.find("places"); places != data.end()) {
    for (const auto& place : *places) add_place(lex, place);
  }
  for (const auto& n : data.value("not_subjects", nlohmann::json::array())) {
    lex.not_subjects.push_back(folded(n.get<std::string>()));
  }
  std::sort(lex.not_subjects.begin(), lex.not_subjects.end());
  add_words(lex.conversion_markers, data.value("conversion_markers", nlohmann::json::array()), 0);
  add_words(lex.place_markers, data.value("place_markers", nlohmann::json::array()), 0);
  add_words(lex.complement_markers, data.value("complement_markers", nlohmann::json::array()), 0);
  for (const auto& w : data.value("subgroup_words", nlohmann::json::array())) lex.subgroup_words.push_back(w.get<std::string>());
  std::sort(lex.subgroup_words.begin(), lex.subgroup_words.end());
  for (const auto& w : data.value("rest_group_words", nlohmann::json::array())) lex.rest_group_words.push_back(w.get<std::string>());
  std::sort(lex.rest_group_words.begin(), lex.rest_group_words.end());
  for (const auto& w : data.value("trim_words", nlohmann::json::array())) lex.trim_words.push_back(w.get<std::string>());
  std::sort(lex.trim_words.begin(), lex.trim_words.end());
  for (const auto& w : data.value("official_body_words", nlohmann::json::array())) lex.official_body_words.push_back(w.get<std::string>());
  std::sort(lex.official_body_words.begin(), lex.official_body_words.end());
}

}  // namespace

lexicon parse_lexicon(const nlohmann::json& data) {
  lexicon lex;
  merge(lex, data);
  return lex;
}

void extend_lexicon(lexicon& base, const nlohmann::json& extra) { merge(base, extra); }

lexicon load_builtin_lexicon() {
  const auto text = embedded_file("lexicon.json");
  if (!text) throw error("internal: the lexicon is not embedded in this build");
  const nlohmann::json data = nlohmann::json::parse(*text);
  const auto problems = validate_against("lexicon.schema.json", data);
  if (!problems.empty()) {
    throw error(fmt::format("internal: schemas/lexicon.json does not match its schema: {}", problems.front()));
  }
  lexicon lex = parse_lexicon(data);
  const auto places_text = embedded_file("places.json");
  if (!places_text) throw error("internal: the gazetteer is not embedded in this build");
  const nlohmann::json places = nlohmann::json::parse(*places_text);
  const auto place_problems = validate_against("places.schema.json", places);
  if (!place_problems.empty()) {
    throw error(fmt::format("internal: schemas/places.json does not match its schema: {}", place_problems.front()));
  }
  merge(lex, places);
  return lex;
}

}  // namespace checker
