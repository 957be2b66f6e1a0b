// What each document is mainly about.
#include "link/annotations.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

namespace checker::detail {

std::vector<std::string> main_subject_by_document(std::size_t count, const std::vector<std::map<std::size_t, sentence_context>>& contexts,
                                                  const alias_table& aliases) {
  std::vector<std::string> out(count);
  for (std::size_t doc = 0; doc < count && doc < contexts.size(); ++doc) {
    std::map<std::string, std::pair<std::size_t, std::size_t>> seen;  // name -> (mentions, first offset)
    for (const auto& entry : contexts[doc]) {
      for (const name_mention& n : entry.second.names) {
        if (n.type == name_type::generic || n.role != name_role::subject) continue;
        auto [it, inserted] = seen.try_emplace(aliases.canonical(n.text), 0, n.span.begin);
        ++it->second.first;
      }
    }
    std::size_t best = 1;
    std::size_t best_offset = 0;
    for (const auto& [name, stats] : seen) {
      if (stats.first > best || (stats.first == best && !out[doc].empty() && stats.second < best_offset)) {
        out[doc] = name;
        best = stats.first;
        best_offset = stats.second;
      }
    }
  }
  return out;
}

}  // namespace checker::detail
