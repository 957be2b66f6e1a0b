// A work's short form in the other script: English coverage calls a Chinese title by its
// subtitle or main title in pinyin (`Wukong` for 黑神话:悟空), or translates the main title and
// keeps the subtitle in pinyin (`Black Myth: Wukong`). Romanised whole, such names never meet the
// Chinese title (`heishenhuawukong` against `wukong`), so their figures were never compared.
//
// A Latin name is tied to a Chinese title when one of its parts (the whole name, or for a Latin
// title with a subtitle its main title or subtitle) spells, once romanised, a part of exactly one
// Chinese work of the corpus that has a subtitle. A bare Chinese name is left to
// `cross_script_aliases`, which already compares whole names.
#include "link/annotations.h"
#include "link/link.h"

#include <algorithm>
#include <set>

namespace checker::detail {
namespace {

std::string resolved(const std::map<std::string, std::string>& variants, const std::string& name) {
  const auto it = variants.find(name);
  return it == variants.end() ? name : it->second;
}

// The romanised keys of a name's title parts (the whole, main title, subtitle): more than one only
// for a title with a subtitle.
std::set<std::string> part_keys(romaniser& romanise, const std::string& name) {
  std::set<std::string> out;
  for (const std::string& form : title_keys(name)) {
    if (auto key = romanise.key(form)) out.insert(*key);
  }
  return out;
}

}  // namespace

void tie_short_forms_across_scripts(const std::map<std::string, std::size_t>& mentions, std::map<std::string, std::string>& variants,
                                    const lexicon& lex) {
  // Only a corpus holding a Chinese title with a subtitle and a Latin name can tie anything: the
  // transliterator is not built for the others (most single documents).
  const bool any_titled_han = std::any_of(mentions.begin(), mentions.end(), [](const auto& m) { return has_han(m.first) && title_keys(m.first).size() >= 2; });
  const bool any_latin = std::any_of(mentions.begin(), mentions.end(), [](const auto& m) { return !has_han(m.first); });
  if (!any_titled_han || !any_latin) return;
  romaniser romanise;
  if (!romanise.usable()) return;  // without ICU's data: no ties, never wrong

  // Each part's romanised key -> the Chinese works (as resolved so far) that have it.
  std::map<std::string, std::set<std::string>> works_by_key;
  for (const auto& [name, count] : mentions) {
    if (!has_han(name)) continue;
    const std::set<std::string> keys = part_keys(romanise, name);
    if (keys.size() < 2) continue;  // no subtitle: the whole name is cross_script_aliases' to tie
    const std::string work = resolved(variants, name);
    if (!has_han(work)) continue;  // already named by a Latin wording
    for (const std::string& key : keys) works_by_key[key].insert(work);
  }
  if (works_by_key.empty()) return;

  std::map<std::string, std::string> ties;  // Latin wording (resolved) -> Chinese work
  std::set<std::string> ambiguous;
  for (const auto& [name, count] : mentions) {
    if (has_han(name)) continue;
    // A place (`Beijing`) is a place, whatever Chinese name with a colon starts with it.
    if (const auto place = lex.places.longest_at(name, 0); place && place->length == name.size()) continue;
    const std::string latin = resolved(variants, name);
    if (has_han(latin)) continue;  // tied across scripts already
    std::set<std::string> met;
    for (const std::string& key : part_keys(romanise, name)) {
      if (auto it = works_by_key.find(key); it != works_by_key.end()) met.insert(it->second.begin(), it->second.end());
    }
    if (met.empty()) continue;
    // Two works, or two wordings of one Latin name meeting different works: no tie.
    if (met.size() > 1 || (ties.count(latin) > 0 && ties[latin] != *met.begin())) {
      ambiguous.insert(latin);
      continue;
    }
    ties[latin] = *met.begin();
  }
  for (const auto& [latin, work] : ties) {
    if (ambiguous.count(latin) > 0) continue;
    for (auto& [name, target] : variants) {
      if (target == latin) target = work;
    }
    for (const auto& [name, count] : mentions) {
      if (!has_han(name) && name != work && resolved(variants, name) == latin) variants[name] = work;
    }
    variants[latin] = work;
  }
}

}  // namespace checker::detail
