// Figures that need a qualifier to be one fact: a count of votes is only comparable with the
// count of the same election. A party or a candidate gets one count in a presidential vote and
// another in a legislative one, and a page often names the election once, sentences away; a
// figure whose own sentence names no election could be either, so it is listed, not compared.
#include "link/passes.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace checker::detail {

void set_aside_figures_missing_required_qualifiers(std::vector<claim>& claims, const lexicon& lex) {
  std::map<std::string, std::string> required;  // attribute -> qualifier group
  for (const attribute_entry& a : lex.attributes) {
    if (!a.requires_qualifier_group.empty()) required.emplace(a.id, a.requires_qualifier_group);
  }
  if (required.empty()) return;
  std::map<std::string, std::string> group_of;  // qualifier id -> group
  for (std::size_t k = 0; k < lex.qualifier_ids.size(); ++k) group_of.emplace(lex.qualifier_ids[k], lex.qualifier_groups[k]);
  for (claim& c : claims) {
    const auto need = required.find(c.attribute);
    if (need == required.end()) continue;
    const bool qualified = std::any_of(c.qualifiers.begin(), c.qualifiers.end(), [&](const std::string& q) {
      const auto it = group_of.find(q);
      return it != group_of.end() && it->second == need->second;
    });
    if (qualified) continue;
    c.link_basis += (c.link_basis.empty() ? "" : ", ") + fmt::format("{} with no {} named: not compared", c.attribute, need->second);
    c.attribute.clear();
    c.link_confidence = 0.0;
  }
}

void set_aside_planned_figures(std::vector<claim>& claims) {
  for (claim& c : claims) {
    if (c.attribute.empty() || std::find(c.qualifiers.begin(), c.qualifiers.end(), "planned") == c.qualifiers.end()) continue;
    c.link_basis += (c.link_basis.empty() ? "" : ", ") + std::string("a plan, which may change: not compared");
    c.attribute.clear();
    c.link_confidence = 0.0;
  }
}

void set_aside_unplaced_tolls_beside_countries(std::vector<claim>& claims, const lexicon& lex) {
  std::set<std::string> running;  // attributes counted as news comes in: tolls, takings
  for (const attribute_entry& a : lex.attributes) {
    if (a.over_time != change_over_time::none) running.insert(a.id);
  }
  // A country's place qualifier is its two-letter code (place:TR); a province's has a dash and a
  // town's is its name.
  auto country_of = [](const claim& c) -> std::string {
    for (const std::string& q : c.qualifiers) {
      if (q.size() == 8 && q.rfind("place:", 0) == 0 && std::isupper(static_cast<unsigned char>(q[6])) &&
          std::isupper(static_cast<unsigned char>(q[7]))) {
        return q.substr(6);
      }
    }
    return {};
  };
  auto placed = [](const claim& c) {
    return std::any_of(c.qualifiers.begin(), c.qualifiers.end(), [](const std::string& q) { return q.rfind("place:", 0) == 0; });
  };
  std::map<std::pair<std::size_t, std::string>, std::set<std::string>> countries;  // (document, attribute) -> countries
  for (const claim& c : claims) {
    if (running.count(c.attribute) == 0) continue;
    if (const std::string country = country_of(c); !country.empty()) countries[{c.document, c.attribute}].insert(country);
  }
  for (claim& c : claims) {
    if (running.count(c.attribute) == 0 || placed(c)) continue;
    const auto it = countries.find({c.document, c.attribute});
    if (it == countries.end() || it->second.size() < 2) continue;
    c.link_basis += (c.link_basis.empty() ? "" : ", ") +
                    fmt::format("no place, on a page that counts {} in {}: the total or a part, not compared", c.attribute,
                                fmt::join(it->second, " and "));
    c.attribute.clear();
    c.link_confidence = 0.0;
  }
}

}  // namespace checker::detail
