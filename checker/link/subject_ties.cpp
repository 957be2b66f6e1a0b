#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

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

using agreement_key = std::tuple<std::string, std::string, std::string, std::string>;  // attribute, unit, qualifiers, value

bool comparable(const claim& c) {
  return c.linked() && c.status == resolution::resolved && c.value && c.found.kind != claim_kind::date &&
         c.found.hedge == hedge_kind::none && c.link_confidence >= 0.65 && precise(*c.value);
}

}  // namespace

void tie_subjects_by_agreeing_values(std::vector<claim>& claims) {
  // (attribute, unit, qualifiers, value) -> subject -> documents stating it.
  std::map<agreement_key, std::map<std::string, std::set<std::size_t>>> agreeing;
  for (const claim& c : claims) {
    if (!comparable(c)) continue;
    std::string qualifiers;
    for (const std::string& q : c.qualifiers) qualifiers += q + ",";
    agreeing[{c.attribute, c.unit, qualifiers, c.value->trimmed().to_string()}][c.subject].insert(c.document);
  }
  // Evidence for each pair of subjects: how many distinct agreeing values.
  std::map<std::pair<std::string, std::string>, std::size_t> evidence;
  for (const auto& [key, subjects] : agreeing) {
    for (auto a = subjects.begin(); a != subjects.end(); ++a) {
      for (auto b = std::next(a); b != subjects.end(); ++b) {
        // Two documents must say it: one writer's two subjects agreeing is no tie.
        std::set<std::size_t> documents = a->second;
        documents.insert(b->second.begin(), b->second.end());
        if (documents.size() >= 2) ++evidence[{a->first, b->first}];
      }
    }
  }
  subject_sets sets;
  bool any = false;
  for (const auto& [pair, count] : evidence) {
    const bool across_scripts = latin(pair.first) != latin(pair.second);
    if (count >= 2 || (across_scripts && count >= 1)) {
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
