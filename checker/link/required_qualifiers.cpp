// Figures that need a qualifier to be one fact: a count of votes is only comparable with the
// count of the same election. A party or a candidate gets one count in a presidential vote and
// another in a legislative one, and a page often names the election once, sentences away; a
// figure whose own sentence names no election could be either, so it is listed, not compared.
#include "link/passes.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

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

}  // namespace checker::detail
