#include "lexicon/lexicon.h"

#include <algorithm>

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

void word_set::add(std::string word, std::size_t payload) {
  if (word.empty()) return;
  words_.push_back(entry{folded(std::move(word)), payload});
  rebuild();
}

void word_set::rebuild() {
  // Longest first, so the first hit in a bucket is the longest match.
  std::stable_sort(words_.begin(), words_.end(),
                   [](const entry& a, const entry& b) { return a.word.size() > b.word.size(); });
  for (auto& bucket : by_first_byte_) bucket.clear();
  for (auto& bucket : by_last_byte_) bucket.clear();
  for (std::uint32_t i = 0; i < words_.size(); ++i) {
    by_first_byte_[static_cast<unsigned char>(words_[i].word.front())].push_back(i);
    by_last_byte_[static_cast<unsigned char>(words_[i].word.back())].push_back(i);
  }
}

std::optional<word_set::match> word_set::longest_at(std::string_view text, std::size_t pos) const {
  if (pos >= text.size()) return std::nullopt;
  const std::size_t left = text.size() - pos;
  for (std::uint32_t i : by_first_byte_[static_cast<unsigned char>(text[pos])]) {
    const std::string& w = words_[i].word;
    // Length and second byte first: CJK words share a handful of lead bytes, so most candidates
    // fail here without a full comparison.
    if (w.size() > left || (w.size() > 1 && w[1] != text[pos + 1])) continue;
    if (text.compare(pos, w.size(), w) == 0) return match{w.size(), words_[i].payload};
  }
  return std::nullopt;
}

std::optional<word_set::match> word_set::longest_ending_at(std::string_view text, std::size_t pos) const {
  if (pos == 0 || pos > text.size()) return std::nullopt;
  for (std::uint32_t i : by_last_byte_[static_cast<unsigned char>(text[pos - 1])]) {
    const std::string& w = words_[i].word;
    if (w.size() > pos || (w.size() > 1 && w[w.size() - 2] != text[pos - 2])) continue;
    if (text.compare(pos - w.size(), w.size(), w) == 0) {
      return match{w.size(), words_[i].payload};
    }
  }
  return std::nullopt;
}

bool lexicon::is_not_subject(std::string_view name) const {
  return std::binary_search(not_subjects.begin(), not_subjects.end(), name);
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

decimal decimal_from(const std::string& text) {
  auto value = decimal::parse(text);
  if (!value) throw error(fmt::format("lexicon: '{}' is not a decimal", text));
  return *value;
}

void add_words(word_set& set, const nlohmann::json& words, std::size_t payload) {
  for (const auto& w : words) set.add(w.get<std::string>(), payload);
}

// Every list is optional so that a project file can add to one list alone.
void merge(lexicon& lex, const nlohmann::json& data) {
  for (const auto& s : data.value("scales", nlohmann::json::array())) {
    lex.scales.add(s.at("word").get<std::string>(), s.at("power").get<std::size_t>());
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
                                             a.value("change_of", false)});
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
  for (const auto& q : data.value("qualifiers", nlohmann::json::array())) {
    const std::size_t index = lex.qualifier_ids.size();
    lex.qualifier_ids.push_back(q.at("id").get<std::string>());
    lex.qualifier_groups.push_back(q.value("group", std::string()));
    lex.qualifier_adjacent.push_back(q.value("scope", std::string("clause")) == "adjacent");
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
  add_words(lex.respectively, data.value("respectively", nlohmann::json::array()), 0);
  add_words(lex.coordinators, data.value("coordinators", nlohmann::json::array()), 0);
  add_words(lex.pronouns, data.value("pronouns", nlohmann::json::array()), 0);
  add_words(lex.reporting_verbs, data.value("reporting_verbs", nlohmann::json::array()), 0);
  add_words(lex.comparison_markers, data.value("comparison_markers", nlohmann::json::array()), 0);
  for (const auto& g : data.value("generic_subjects", nlohmann::json::array())) {
    const std::size_t index = lex.generic_subject_ids.size();
    lex.generic_subject_ids.push_back(g.at("id").get<std::string>());
    lex.generic_subject_standalone.push_back(g.value("standalone", false));
    add_words(lex.generic_subjects, g.at("cues"), index);
  }
  for (const auto& n : data.value("not_subjects", nlohmann::json::array())) {
    lex.not_subjects.push_back(folded(n.get<std::string>()));
  }
  std::sort(lex.not_subjects.begin(), lex.not_subjects.end());
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
  return parse_lexicon(data);
}

}  // namespace checker
