// Issue 14, pass "independence": which documents are copies of one another. Mirrors, scrapers
// and syndicated wire text repeat the original's wording around its figures; counted as
// separate sources they would outvote a figure that several outlets found on their own.
//
// Each published document is reduced to the shingles (five consecutive tokens) of the text
// around its figures: a Latin word or a number is one token, each Chinese (or other CJK)
// character is one token, punctuation and spaces separate tokens. The folded text is used, so
// a Traditional-script copy of a Simplified story (a converter site) matches its original. Two
// documents are copies when they share at least `min_shared` (12) shingles and those make at least
// `min_share` (half) of the smaller document's shingles. Copies are grouped transitively; each group
// counts as one source, named after its earliest-published member. Exact mirrors (the same
// shingles) are joined before any pair is counted.
#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>

#include "compare/rules.h"

namespace checker::detail {
namespace {

// Code points taken on each side of a figure: the clause around it, about a sentence.
constexpr std::size_t window_code_points = 40;
constexpr std::size_t shingle_tokens = 5;
// How many later holders of a shingle each holder is paired with; bounds the pair count when a
// shingle is in thousands of documents (a syndicated story, a site's standard line).
constexpr std::size_t neighbours_per_holder = 32;
constexpr std::size_t min_shared = 12;
constexpr double min_share = 0.5;

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the code point at `pos` and advances `pos` past it; invalid bytes read as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (pos + length > text.size()) length = 1;
  char32_t cp = length == 1 ? lead : lead & (0x3F >> (length - 1));
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[pos + k]);
    if (!continuation(byte)) {
      pos += k;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte & 0x3F);
  }
  pos += length;
  return cp;
}

// CJK ideographs, kana and Hangul: one token each (words are not spaced in those scripts).
bool ideographic(char32_t cp) {
  return (cp >= 0x2E80 && cp < 0x3000) || (cp >= 0x3040 && cp < 0xA000) || (cp >= 0xAC00 && cp < 0xD7B0) ||
         (cp >= 0xF900 && cp < 0xFB00) || (cp >= 0x20000 && cp < 0x32000);
}

std::uint64_t hash_tokens(const std::vector<std::string>& tokens, std::size_t from) {
  std::uint64_t hash = 1469598103934665603ull;
  for (std::size_t k = from; k < from + shingle_tokens; ++k) {
    for (unsigned char c : tokens[k]) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
    hash ^= 0x1f;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> tokens;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) tokens.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = next_code_point(text, pos);
    if (cp >= 0xFF10 && cp <= 0xFF19) cp = U'0' + (cp - 0xFF10);  // full-width digits
    if ((cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')) {
      word += static_cast<char>(cp >= U'A' && cp <= U'Z' ? cp + 32 : cp);
    } else if (ideographic(cp)) {
      flush();
      tokens.push_back("#" + std::to_string(static_cast<std::uint32_t>(cp)));  // never equal to a number
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

// The byte offset `count` code points before (`forward` false) or after `pos`.
std::size_t step_code_points(std::string_view text, std::size_t pos, std::size_t count, bool forward) {
  for (std::size_t k = 0; k < count; ++k) {
    if (forward) {
      if (pos >= text.size()) break;
      ++pos;
      while (pos < text.size() && continuation(static_cast<unsigned char>(text[pos]))) ++pos;
    } else {
      if (pos == 0) break;
      --pos;
      while (pos > 0 && continuation(static_cast<unsigned char>(text[pos]))) --pos;
    }
  }
  return pos;
}

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

}  // namespace

std::vector<std::uint64_t> figure_shingles(const document& doc, const std::vector<byte_span>& figures) {
  const std::string& text = doc.match_text();
  // Windows that overlap are merged so that a shingle is counted once.
  std::vector<std::pair<std::size_t, std::size_t>> windows;
  for (const byte_span& span : figures) {
    if (span.begin > text.size() || span.end > text.size()) continue;
    windows.emplace_back(step_code_points(text, span.begin, window_code_points, false),
                         step_code_points(text, span.end, window_code_points, true));
  }
  std::sort(windows.begin(), windows.end());
  std::vector<std::uint64_t> out;
  for (std::size_t w = 0; w < windows.size();) {
    std::size_t begin = windows[w].first;
    std::size_t end = windows[w].second;
    for (++w; w < windows.size() && windows[w].first <= end; ++w) end = std::max(end, windows[w].second);
    const std::vector<std::string> tokens = tokens_of(std::string_view(text).substr(begin, end - begin));
    for (std::size_t k = 0; k + shingle_tokens <= tokens.size(); ++k) out.push_back(hash_tokens(tokens, k));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::size_t> independent_sources(const std::vector<document>& docs, const std::vector<claim>& claims) {
  const std::size_t n = docs.size();
  std::vector<std::vector<byte_span>> figures(n);
  for (const claim& c : claims) {
    if (c.document < n) figures[c.document].push_back(c.found.span);
  }
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  std::vector<std::vector<std::uint64_t>> shingles(n);
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> holders;
  // Exact mirrors (the same shingles) are joined at once and only one of them is compared
  // further: a story mirrored by hundreds of sites costs no more than one copy.
  std::map<std::vector<std::uint64_t>, std::size_t> first_with;
  for (std::size_t d = 0; d < n; ++d) {
    if (docs[d].draft) continue;  // a draft is under review, never a source
    shingles[d] = figure_shingles(docs[d], figures[d]);
    if (shingles[d].size() < min_shared) continue;
    const auto [it, inserted] = first_with.try_emplace(shingles[d], d);
    if (!inserted) {
      parent[find_root(parent, d)] = find_root(parent, it->second);
      continue;
    }
    for (std::uint64_t h : shingles[d]) holders[h].push_back(d);
  }
  // Shared shingles per pair, counted through the index: cost follows the shingles, not n^2.
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> shared;
  for (const auto& entry : holders) {
    const std::vector<std::size_t>& ds = entry.second;
    // Each holder is paired with the next few holders only (in document order): within a group
    // of many near-copies every member still meets its neighbours and the group joins through
    // them, while the cost stays linear in the holders.
    for (std::size_t a = 0; a < ds.size(); ++a) {
      for (std::size_t b = a + 1; b < ds.size() && b <= a + neighbours_per_holder; ++b) ++shared[{ds[a], ds[b]}];
    }
  }
  for (const auto& [pair, count] : shared) {
    const std::size_t smaller = std::min(shingles[pair.first].size(), shingles[pair.second].size());
    if (count < min_shared || static_cast<double>(count) < min_share * static_cast<double>(smaller)) continue;
    parent[find_root(parent, pair.first)] = find_root(parent, pair.second);
  }
  // Each group is named after its original: the earliest published member, else the first.
  std::vector<std::size_t> original(n, n);
  const auto earlier = [&](std::size_t a, std::size_t b) {
    const auto& pa = docs[a].published;
    const auto& pb = docs[b].published;
    if (pa && pb && *pa != *pb) return *pa < *pb;
    if (pa.has_value() != pb.has_value()) return pa.has_value();
    return a < b;
  };
  for (std::size_t d = 0; d < n; ++d) {
    const std::size_t root = find_root(parent, d);
    if (original[root] == n || earlier(d, original[root])) original[root] = d;
  }
  std::vector<std::size_t> out(n);
  for (std::size_t d = 0; d < n; ++d) out[d] = original[find_root(parent, d)];
  return out;
}

}  // namespace checker::detail
