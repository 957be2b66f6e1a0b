// Figures that need a qualifier to be one fact: a count of votes is only comparable with the
// count of the same election. A party or a candidate gets one count in a presidential vote and
// another in a legislative one, and a page often names the election once, sentences away; a
// figure whose own sentence names no election could be either, so it is listed, not compared.
#include "link/passes.h"

#include <algorithm>

#include <fmt/format.h>

namespace checker::detail {

void set_aside_figures_missing_required_qualifiers(std::vector<claim>& claims, const lexicon& lex) {
  for (claim& c : claims) {
    if (c.attribute.empty()) continue;
    const auto entry = std::find_if(lex.attributes.begin(), lex.attributes.end(), [&](const attribute_entry& a) { return a.id == c.attribute; });
    if (entry == lex.attributes.end() || entry->requires_qualifier_group.empty()) continue;
    const std::string& group = entry->requires_qualifier_group;
    const bool qualified = std::any_of(c.qualifiers.begin(), c.qualifiers.end(), [&](const std::string& q) {
      for (std::size_t k = 0; k < lex.qualifier_ids.size(); ++k) {
        if (lex.qualifier_ids[k] == q && lex.qualifier_groups[k] == group) return true;
      }
      return false;
    });
    if (qualified) continue;
    c.link_basis += (c.link_basis.empty() ? "" : ", ") + fmt::format("{} with no {} named: not compared", c.attribute, group);
    c.attribute.clear();
    c.link_confidence = 0.0;
  }
}

}  // namespace checker::detail
