// One title written several ways: `X:Y`, `X：Y`, `X之Y`, `X: Y`, `X2之Y`, `X` and `Y` alone.
//
// Pages write the title of a work (a film, a game) with whatever separator their style sheet
// uses between its main title and its subtitle, add or drop a sequel numeral when the subtitle
// already says which work it is, and shorten it to the main title or the subtitle. Each spelling
// would otherwise be a subject of its own and its figures would never meet. Only spellings that
// the corpus itself holds are tied, and a short form is tied only when it can stand for one work
// alone: the main title `X` is not tied when the corpus also names a numbered `X2` (the first
// film is not its sequel), nor when two works share it (`X之Y` and `X之Z`).
#include "link/annotations.h"

#include <algorithm>
#include <set>

#include "recognize/scanner.h"

namespace checker::detail {
namespace {

bool is_separator(char32_t c) {
  return c == U':' || c == U'\uFF1A' || c == U'\u00B7' || c == U'\u30FB' || c == U'\u2027' || c == U'\u2014';
}

bool is_numeral(char32_t c) {
  return (c >= U'0' && c <= U'9') ||
         std::u32string_view(U"\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341").find(c) != std::u32string_view::npos;
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t n = 0;
    out.push_back(decode(s, pos, &n));
    pos += n;
  }
  return out;
}

// Spaces and separators dropped, Latin letters in lower case: the spelling-free form.
std::u32string folded(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s) {
    if (c == U' ' || c == U'\u3000' || is_separator(c)) continue;
    out.push_back(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
  }
  return out;
}

std::u32string trimmed(std::u32string_view s) {
  while (!s.empty() && (s.front() == U' ' || s.front() == U'\u3000')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == U' ' || s.back() == U'\u3000')) s.remove_suffix(1);
  return std::u32string(s);
}

// A title split at its first separator: main title (with any sequel numeral) and subtitle.
// `之` separates only between Chinese words (two characters or more on each side), so 总之 and
// 之一 are no titles.
struct title_parts {
  std::u32string head;      // folded main title, numeral kept: 哪吒2
  std::u32string base;      // folded main title without a trailing sequel numeral: 哪吒
  std::u32string subtitle;  // folded subtitle, empty when the name has none
  std::u32string key;       // folded whole name
};

title_parts parts_of(const std::string& name) {
  const std::u32string chars = code_points(name);
  title_parts p;
  p.key = folded(chars);
  std::size_t split = std::u32string::npos;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (is_separator(chars[i])) {
      split = i;
      break;
    }
    const bool chinese_before = i >= 2 && (is_han_char(chars[i - 1]) || is_numeral(chars[i - 1])) && is_han_char(chars[0]);
    const bool chinese_after = chars.size() >= i + 3 && is_han_char(chars[i + 1]);
    if (chars[i] == U'\u4e4b' && chinese_before && chinese_after) {
      split = i;
      break;
    }
  }
  if (split != std::u32string::npos && split > 0 && split + 1 < chars.size()) {
    p.head = folded(trimmed(std::u32string_view(chars).substr(0, split)));
    p.subtitle = folded(trimmed(std::u32string_view(chars).substr(split + 1)));
    // 之 folds away with the separators: 黑神话之悟空 is 黑神话:悟空.
    p.key = p.head + p.subtitle;
  } else {
    p.head = p.key;
  }
  p.base = p.head;
  std::size_t numerals = 0;
  while (numerals < 2 && numerals < p.base.size() && is_numeral(p.base[p.base.size() - 1 - numerals])) ++numerals;
  if (numerals > 0 && numerals < p.base.size()) p.base.resize(p.base.size() - numerals);
  return p;
}

// A short form long enough not to meet another work's by chance: two Chinese characters, or
// four Latin letters.
bool distinctive(const std::u32string& s) {
  if (std::any_of(s.begin(), s.end(), is_han_char)) return s.size() >= 2;
  return s.size() >= 4;
}

class name_sets {
 public:
  explicit name_sets(std::size_t n) : parent_(n) {
    for (std::size_t i = 0; i < n; ++i) parent_[i] = i;
  }
  std::size_t root(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) {
    a = root(a);
    b = root(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

}  // namespace

std::set<std::string> title_keys(const std::string& name) {
  const title_parts p = parts_of(name);
  std::set<std::string> out;
  // Every form below is one `title_variant_aliases` may tie this name through: the whole, its main title with and without the numeral, and its subtitle.
  // spelling-free name; with a subtitle also its main title (which a short form may be), its
  // subtitle, and main title and subtitle without the sequel numeral. A name with no subtitle
  // keeps its numeral: 天穹7 and 天穹8 share no key.
  if (distinctive(p.key)) out.insert(utf8(p.key));
  if (p.subtitle.empty()) return out;
  for (const std::u32string* form : {&p.head, &p.subtitle}) {
    if (distinctive(*form)) out.insert(utf8(*form));
  }
  out.insert(utf8(p.base + p.subtitle));
  return out;
}

std::map<std::string, std::string> title_variant_aliases(const std::map<std::string, std::size_t>& mentions) {
  std::vector<std::string> names;
  std::vector<std::size_t> counts;
  std::vector<title_parts> parts;
  for (const auto& [name, count] : mentions) {
    names.push_back(name);
    counts.push_back(count);
    parts.push_back(parts_of(name));
  }
  name_sets sets(names.size());
  // One spelling apart from separators, spaces and case; or one main title and subtitle apart
  // from the sequel numeral the subtitle makes redundant (哪吒2之魔童闹海, 哪吒之魔童闹海).
  std::map<std::u32string, std::size_t> by_key;
  std::map<std::pair<std::u32string, std::u32string>, std::size_t> by_base_and_subtitle;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!distinctive(parts[i].key)) continue;
    if (auto [it, inserted] = by_key.try_emplace(parts[i].key, i); !inserted) sets.join(i, it->second);
    if (parts[i].subtitle.empty() || !distinctive(parts[i].subtitle)) continue;
    if (auto [it, inserted] = by_base_and_subtitle.try_emplace({parts[i].base, parts[i].subtitle}, i); !inserted) sets.join(i, it->second);
  }
  // Main titles and subtitles that the corpus also writes alone.
  std::set<std::u32string> numbered_bases;  // main titles some name carries with a numeral
  for (const title_parts& p : parts) {
    if (p.head != p.base) numbered_bases.insert(p.base);
  }
  std::map<std::u32string, std::set<std::size_t>> works_by_head;
  std::map<std::u32string, std::set<std::size_t>> works_by_subtitle;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (parts[i].subtitle.empty()) continue;
    works_by_head[parts[i].head].insert(sets.root(i));
    works_by_subtitle[parts[i].subtitle].insert(sets.root(i));
  }
  std::vector<std::pair<std::size_t, std::size_t>> short_forms;  // (short name, a name of its work)
  for (std::size_t i = 0; i < names.size(); ++i) {
    const title_parts& p = parts[i];
    if (!p.subtitle.empty() || !distinctive(p.key)) continue;
    // 哪吒 beside 哪吒2: the bare main title may be the first work or the series.
    if (numbered_bases.count(p.key) > 0) continue;
    std::set<std::size_t> works;
    if (auto it = works_by_head.find(p.key); it != works_by_head.end()) works.insert(it->second.begin(), it->second.end());
    if (auto it = works_by_subtitle.find(p.key); it != works_by_subtitle.end()) works.insert(it->second.begin(), it->second.end());
    if (works.size() == 1) short_forms.emplace_back(i, *works.begin());
  }
  for (const auto& [short_name, work] : short_forms) sets.join(short_name, work);

  // Each set takes the wording mentioned most (the longer, then the first in order, on a tie).
  std::map<std::size_t, std::size_t> best;  // root -> name
  std::map<std::size_t, std::size_t> size;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::size_t r = sets.root(i);
    ++size[r];
    auto [it, inserted] = best.try_emplace(r, i);
    const std::size_t b = it->second;
    if (!inserted && (counts[i] > counts[b] || (counts[i] == counts[b] && names[i].size() > names[b].size()))) it->second = i;
  }
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::size_t r = sets.root(i);
    if (size[r] > 1 && best[r] != i) out[names[i]] = names[best[r]];
  }
  return out;
}

}  // namespace checker::detail
