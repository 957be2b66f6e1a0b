// Issue 15: what of a document the corpus-wide part of linking reads, and the keys under which an
// archive finds the documents that could share a subject with a draft.
#include "link/annotations.h"
#include "link/link.h"
#include "link/passes.h"

namespace checker {
using namespace detail;

document_names names_of_document(const document& doc, const std::vector<sentence>& sentences, const std::vector<claim>& claims,
                                 const lexicon& lex) {
  document_names out;
  const std::string_view text = doc.match_text();
  std::map<std::size_t, std::vector<name_mention>> names;  // sentence -> its names
  auto names_of = [&](std::size_t index) -> const std::vector<name_mention>& {
    auto [it, inserted] = names.try_emplace(index);
    if (inserted) it->second = find_names(text, sentences[index].span, lex);
    return it->second;
  };
  std::set<std::size_t> counted;
  for (const claim& c : claims) {
    if (c.found.sentence >= sentences.size()) continue;
    // As link counts them: each sentence holding a figure once (link.cpp, alias merging).
    if (counted.insert(c.found.sentence).second) {
      for (const name_mention& n : names_of(c.found.sentence)) {
        if (n.type != name_type::generic) ++out.mentions[n.text];
        if (n.type == name_type::organisation && n.text.find(' ') == std::string::npos && n.text.find('-') == std::string::npos) {
          out.organisations.insert(n.text);
        }
      }
    }
    // A subject comes from the figure's sentence or, inherited, the one before it.
    for (std::size_t index : {c.found.sentence, c.found.sentence - 1}) {
      if (index >= sentences.size()) continue;  // the sentence before the first wraps around
      for (const name_mention& n : names_of(index)) {
        out.nearby.insert(n.text);
        if (n.type != name_type::generic) out.nearby_subjects.insert(n.text);
      }
    }
  }
  return out;
}

name_keys::name_keys(const lexicon& lex, const link_options& options) : lex_(lex), options_(options) {
  for (const auto* table : {&options.aliases, &lex.subject_aliases}) {
    for (const auto& [alias, canonical] : *table) {
      if (const auto key = romanise_.key(alias)) alias_targets_by_key_[*key].insert(canonical);
    }
  }
}

namespace {

// The name after an organisation prefix that alias_table::canonical may drop: `R1` of
// `DeepSeek-R1` and of `DeepSeek R1` (a product name: a letter first, a digit in it).
std::vector<std::pair<std::string, std::string>> prefix_splits(const std::string& name) {
  std::vector<std::pair<std::string, std::string>> out;
  for (char sep : {'-', ' '}) {
    const std::size_t at = name.find(sep);
    if (at == std::string::npos) continue;
    std::string rest = name.substr(at + 1);
    if (!rest.empty() && is_alpha(rest.front()) && has_digit(rest)) out.emplace_back(name.substr(0, at), std::move(rest));
  }
  return out;
}

// The name and every tail canonical() may reach by dropping prefixes.
std::set<std::string> tails(const std::string& name) {
  std::set<std::string> out;
  std::vector<std::string> queue{name};
  while (!queue.empty()) {
    std::string next = std::move(queue.back());
    queue.pop_back();
    if (!out.insert(next).second) continue;
    for (auto& split : prefix_splits(next)) queue.push_back(std::move(split.second));
  }
  return out;
}

}  // namespace

std::set<std::string> name_keys::literals(const std::string& name) {
  std::set<std::string> out;
  std::vector<std::string> queue{name};
  while (!queue.empty()) {
    std::string next = std::move(queue.back());
    queue.pop_back();
    if (out.count(next) > 0) continue;
    for (const auto* table : {&options_.aliases, &lex_.subject_aliases}) {
      if (const auto it = table->find(next); it != table->end()) queue.push_back(it->second);
    }
    for (auto& split : prefix_splits(next)) queue.push_back(std::move(split.second));
    // A romanised tie makes a name the other script's wording, through that one's alias.
    if (const auto key = romanise_.key(next)) {
      if (const auto it = alias_targets_by_key_.find(*key); it != alias_targets_by_key_.end()) {
        queue.insert(queue.end(), it->second.begin(), it->second.end());
      }
    }
    out.insert(std::move(next));
  }
  return out;
}

std::set<std::string> name_keys::keys(const std::string& name) {
  std::set<std::string> out;
  for (const std::string& l : literals(name)) {
    if (const auto key = romanise_.key(l)) out.insert("r:" + *key);
    out.insert("=" + l);
    // 远山之歌, 远山：歌, 远山2之歌 and 远山 alone may be one title (titles.cpp).
    for (const std::string& t : title_keys(l)) out.insert("t:" + t);
  }
  return out;
}

std::set<std::string> name_keys::prefixes(const std::string& name) {
  std::set<std::string> out;
  for (const std::string& t : tails(name)) {
    for (auto& split : prefix_splits(t)) out.insert(std::move(split.first));
  }
  return out;
}

std::set<std::string> name_keys::romanised(const std::string& name) {
  std::set<std::string> out;
  for (const std::string& t : tails(name)) {
    if (const auto key = romanise_.key(t)) out.insert(*key);
  }
  return out;
}

bool could_tie_subjects(const std::vector<claim>& claims, const std::set<std::string>& subjects,
                        const std::set<std::string>& settled) {
  return detail::shares_agreeing_value(claims, subjects, settled);
}

}  // namespace checker
