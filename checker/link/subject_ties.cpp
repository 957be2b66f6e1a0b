#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "link/annotations.h"
#include "link/link.h"
#include "link/passes.h"

namespace checker::detail {
namespace {

// A value precise enough that two writers agreeing on it is evidence of one fact: 268, 1.92
// billion, 120.57亿; not 10, 100 or 2 billion.
bool precise(const decimal& value) {
  std::int64_t digits = value.trimmed().mantissa;
  if (digits < 0) digits = -digits;
  return digits >= 100;
}

bool latin(const std::string& name) {
  return std::all_of(name.begin(), name.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
}

// Two Chinese titles of one sequel number (疯狂之城2, 狂野之城2): mainland and Taiwan papers
// translate a foreign title differently but keep its numeral. Such a pair, like a pair across
// scripts, is tied on one agreeing value; other Chinese names need two.
bool same_sequel_numeral(const std::string& a, const std::string& b) {
  auto numeral = [](const std::string& name) {
    std::size_t digits = 0;
    while (digits < name.size() && digits < 3 && name[name.size() - 1 - digits] >= '0' && name[name.size() - 1 - digits] <= '9') ++digits;
    return digits == 0 || digits == 3 || digits == name.size() ? std::string() : name.substr(name.size() - digits);
  };
  const std::string na = numeral(a);
  return !na.empty() && na != "1" && na == numeral(b) && has_han(a) && has_han(b);
}

// Disjoint sets of subject names.
class subject_sets {
 public:
  std::string root(const std::string& name) {
    auto it = parent_.find(name);
    if (it == parent_.end() || it->second == name) return name;
    const std::string top = root(it->second);
    parent_[name] = top;
    return top;
  }
  void join(const std::string& a, const std::string& b) {
    const std::string ra = root(a);
    const std::string rb = root(b);
    if (ra != rb) parent_[std::max(ra, rb)] = std::min(ra, rb);
  }

 private:
  std::map<std::string, std::string> parent_;
};

bool comparable(const claim& c) {
  return c.linked() && c.status == resolution::resolved && c.value && c.found.kind != claim_kind::date &&
         c.found.hedge == hedge_kind::none && c.link_confidence >= 0.65 && precise(*c.value);
}

using fact_values = std::map<std::tuple<std::string, std::string, std::vector<std::string>>, std::set<std::string>>;

// The values each of `subjects` states, by fact (attribute, unit, qualifiers), in one pass.
std::map<std::string, fact_values> values_by_subject(const std::vector<claim>& claims, const std::set<std::string>& subjects) {
  std::map<std::string, fact_values> out;
  for (const claim& c : claims) {
    if (!c.linked() || !c.value || c.status != resolution::resolved || subjects.count(c.subject) == 0) continue;
    out[c.subject][{c.attribute, c.unit, c.qualifiers}].insert(c.value->trimmed().to_string());
  }
  return out;
}

// Two wordings of one subject agree on most facts they both state; two subjects that share a
// value by chance (two models both starting from 15.6%) disagree on most others.
bool mostly_agree(const fact_values& a, const fact_values& b) {
  std::size_t agree = 0;
  std::size_t disagree = 0;
  for (const auto& [fact, values] : a) {
    const auto other = b.find(fact);
    if (other == b.end()) continue;
    const bool shared = std::any_of(values.begin(), values.end(), [&](const std::string& v) { return other->second.count(v) > 0; });
    ++(shared ? agree : disagree);
  }
  return agree > disagree;
}

// The values each of `subjects` states in each document, by fact.
std::map<std::size_t, std::map<std::string, fact_values>> values_by_document(const std::vector<claim>& claims,
                                                                            const std::set<std::string>& subjects) {
  std::map<std::size_t, std::map<std::string, fact_values>> out;
  for (const claim& c : claims) {
    if (!c.linked() || !c.value || c.status != resolution::resolved || subjects.count(c.subject) == 0) continue;
    out[c.document][c.subject][{c.attribute, c.unit, c.qualifiers}].insert(c.value->trimmed().to_string());
  }
  return out;
}

// A writer who gives both subjects different values of one fact (a company's revenue and its
// ICT business's revenue) tells them apart, however many values other pages share between them.
bool told_apart(const std::map<std::size_t, std::map<std::string, fact_values>>& by_document, const std::string& a,
                const std::string& b) {
  for (const auto& [document, subjects] : by_document) {
    const auto first = subjects.find(a);
    const auto second = subjects.find(b);
    if (first == subjects.end() || second == subjects.end()) continue;
    for (const auto& [fact, values] : first->second) {
      const auto other = second->second.find(fact);
      if (other == second->second.end()) continue;
      if (std::none_of(values.begin(), values.end(), [&](const std::string& v) { return other->second.count(v) > 0; })) return true;
    }
  }
  return false;
}

}  // namespace

void tie_subjects_by_agreeing_values(std::vector<claim>& claims) {
  // Claims that could tie, sorted so that claims agreeing on (attribute, unit, qualifiers,
  // value) stand together: one sort instead of a map keyed by strings.
  struct candidate {
    std::size_t claim;
    std::string value;
  };
  std::vector<candidate> candidates;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (comparable(claims[i])) candidates.push_back(candidate{i, claims[i].value->trimmed().to_string()});
  }
  auto key = [&](const candidate& k) {
    const claim& c = claims[k.claim];
    return std::tie(c.attribute, c.unit, c.qualifiers, k.value);
  };
  std::sort(candidates.begin(), candidates.end(), [&](const candidate& a, const candidate& b) {
    const auto ka = key(a);
    const auto kb = key(b);
    if (ka != kb) return ka < kb;
    return claims[a.claim].subject < claims[b.claim].subject;
  });
  // Evidence for each pair of subjects: how many distinct agreeing values.
  std::map<std::pair<std::string, std::string>, std::size_t> evidence;
  for (std::size_t run = 0; run < candidates.size();) {
    std::size_t end = run + 1;
    while (end < candidates.size() && key(candidates[end]) == key(candidates[run])) ++end;
    // subject -> documents stating the value, for this run only.
    std::map<std::string, std::set<std::size_t>> subjects;
    if (claims[candidates[run].claim].subject != claims[candidates[end - 1].claim].subject) {
      for (std::size_t k = run; k < end; ++k) subjects[claims[candidates[k].claim].subject].insert(claims[candidates[k].claim].document);
    }
    // A value that many subjects share (every model's 15.6% baseline) identifies none of them;
    // pairing them all would also be quadratic. (An archive's draft check relies on this limit:
    // pipeline.cpp skips the documents of a value it knows more subjects state.)
    if (subjects.size() > max_subjects_per_tie_value) subjects.clear();
    for (auto a = subjects.begin(); a != subjects.end(); ++a) {
      for (auto b = std::next(a); b != subjects.end(); ++b) {
        // Two documents must say it: one writer's two subjects agreeing is no tie.
        std::set<std::size_t> documents = a->second;
        documents.insert(b->second.begin(), b->second.end());
        if (documents.size() >= 2) ++evidence[{a->first, b->first}];
      }
    }
    run = end;
  }
  std::set<std::string> paired;
  for (const auto& entry : evidence) {
    paired.insert(entry.first.first);
    paired.insert(entry.first.second);
  }
  const std::map<std::string, fact_values> stated = values_by_subject(claims, paired);
  const auto stated_by_document = values_by_document(claims, paired);
  subject_sets sets;
  bool any = false;
  for (const auto& [pair, count] : evidence) {
    const bool across_scripts = latin(pair.first) != latin(pair.second);
    const bool one_sequel = same_sequel_numeral(pair.first, pair.second);
    if ((count >= 2 || ((across_scripts || one_sequel) && count >= 1)) && mostly_agree(stated.at(pair.first), stated.at(pair.second)) &&
        !told_apart(stated_by_document, pair.first, pair.second)) {
      sets.join(pair.first, pair.second);
      any = true;
    }
  }
  if (!any) return;
  // Each set takes the wording most claims use.
  std::map<std::string, std::map<std::string, std::size_t>> uses;  // root -> name -> claims
  for (const claim& c : claims) {
    if (!c.subject.empty()) ++uses[sets.root(c.subject)][c.subject];
  }
  for (claim& c : claims) {
    if (c.subject.empty()) continue;
    const auto& names = uses[sets.root(c.subject)];
    if (names.size() < 2) continue;
    const auto most = std::max_element(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    if (most->first == c.subject) continue;
    c.link_basis += ", subject '" + c.subject + "' tied to '" + most->first + "' by agreeing values";
    c.subject = most->first;
    c.link_confidence = std::min(c.link_confidence, 0.75);
  }
}

}  // namespace checker::detail

namespace checker::detail {

bool shares_agreeing_value(const std::vector<claim>& claims, const std::set<std::string>& subjects,
                           const std::set<std::string>& settled) {
  // The runs of tie_subjects_by_agreeing_values, by map: this runs over a draft and its candidates.
  std::map<std::tuple<std::string, std::string, std::vector<std::string>, std::string>, std::map<std::string, std::set<std::size_t>>> runs;
  for (const claim& c : claims) {
    if (!comparable(c)) continue;
    // Only part of a settled run is here; the whole of it holds too many subjects to count.
    if (!settled.empty() && !has_edition(c) && settled.count(subject_tie_key(c)) > 0) continue;
    runs[{c.attribute, c.unit, c.qualifiers, c.value->trimmed().to_string()}][c.subject].insert(c.document);
  }
  std::map<std::pair<std::string, std::string>, std::size_t> evidence;  // (one of `subjects`, another) -> values
  for (const auto& [fact, by_subject] : runs) {
    if (by_subject.size() < 2 || by_subject.size() > max_subjects_per_tie_value) continue;
    for (const auto& [subject, documents] : by_subject) {
      if (subjects.count(subject) == 0) continue;
      for (const auto& [other, other_documents] : by_subject) {
        if (other == subject) continue;
        std::set<std::size_t> both = documents;
        both.insert(other_documents.begin(), other_documents.end());
        if (both.size() >= 2) ++evidence[{subject, other}];
      }
    }
  }
  // The pass's own threshold; whether the two mostly agree needs every value of the other
  // subject, which the caller may not hold: enough evidence is reported as a possible tie.
  return std::any_of(evidence.begin(), evidence.end(), [](const auto& entry) {
    return entry.second >= 2 || latin(entry.first.first) != latin(entry.first.second);
  });
}

}  // namespace checker::detail

namespace checker {

bool counts_toward_subject_ties(const claim& c) { return detail::comparable(c); }

bool has_edition(const claim& c) {
  return std::any_of(c.qualifiers.begin(), c.qualifiers.end(), [](const std::string& q) { return q.rfind("edition", 0) == 0; });
}

std::string subject_tie_key(const claim& c) {
  if (!c.value || c.date || c.attribute.empty() || !detail::precise(*c.value)) return {};
  nlohmann::json qualifiers = nlohmann::json::array();
  for (const std::string& q : c.qualifiers) {
    if (q.rfind("edition", 0) != 0) qualifiers.push_back(q);
  }
  // JSON: a qualifier or a unit holding the separator of a joined string could merge two keys.
  return nlohmann::json::array({c.attribute, c.unit, qualifiers, c.value->trimmed().to_string()})
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace checker
