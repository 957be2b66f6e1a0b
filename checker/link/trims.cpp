// Trims and editions written as a word and 版 (`Max 版`, `Pro版`), and a sentence opened by an
// edition label (`标准版：21.59万元起，续航700公里`): product pages list each trim's figures in
// a line of their own, so the trim is a qualifier of every figure on that line, and the trim's
// word is no subject.
#include <algorithm>
#include <string>

#include "link/annotations.h"
#include "recognize/scanner.h"

namespace checker::detail {
namespace {

constexpr std::string_view edition_mark = "\xE7\x89\x88";  // 版

// The start of the sentence past list markers and spaces (`- `, `• `, `* `).
std::size_t after_list_marker(std::string_view text, byte_span sentence) {
  std::size_t pos = skip_spaces(text, sentence.begin);
  for (std::string_view marker : {"-", "*", "\xE2\x80\xA2", "\xC2\xB7"}) {  // - * • ·
    if (text.substr(pos, marker.size()) == marker) return skip_spaces(text, pos + marker.size());
  }
  return pos;
}

bool is_colon_at(std::string_view text, std::size_t pos) {
  return text.substr(pos, 1) == ":" || text.substr(pos, 3) == "\xEF\xBC\x9A";  // : ：
}

}  // namespace

bool names_an_edition(std::string_view text, std::size_t word_end, std::size_t limit) {
  const std::size_t next = skip_spaces(text, word_end);
  return next + edition_mark.size() <= limit && text.substr(next, edition_mark.size()) == edition_mark;
}

std::optional<std::string> written_edition(std::string_view text, byte_span region) {
  std::optional<std::string> found;
  std::size_t pos = region.begin;
  while (pos < region.end) {
    if (!is_alpha(text[pos]) || (pos > region.begin && is_alnum(text[pos - 1]))) {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < region.end && is_alnum(text[end])) ++end;
    if (names_an_edition(text, end, region.end)) {
      std::string word(text.substr(pos, end - pos));
      for (char& ch : word) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      found = "edition:" + word;
    }
    pos = end;
  }
  return found;
}

std::optional<byte_span> edition_label(std::string_view text, byte_span sentence, const word_set& qualifier_cues,
                                       const std::vector<std::string>& groups) {
  const std::size_t start = after_list_marker(text, sentence);
  if (start >= sentence.end) return std::nullopt;
  std::size_t end = start;
  if (auto cue = qualifier_cues.longest_at(text, start); cue && groups[cue->payload] == "edition") {
    end = start + cue->length;
  } else {
    while (end < sentence.end && is_alnum(text[end])) ++end;
    if (end == start || !names_an_edition(text, end, sentence.end)) return std::nullopt;
    end = skip_spaces(text, end) + edition_mark.size();
  }
  if (!is_colon_at(text, skip_spaces(text, end))) return std::nullopt;
  return byte_span{start, end};
}

void split_trims_from_subjects(std::vector<claim>& claims, const lexicon& lex) {
  for (claim& c : claims) {
    const std::size_t space = c.subject.rfind(' ');
    if (space == std::string::npos || space == 0) continue;
    const std::string last = c.subject.substr(space + 1);
    if (!std::binary_search(lex.trim_words.begin(), lex.trim_words.end(), last)) continue;
    if (std::any_of(c.qualifiers.begin(), c.qualifiers.end(), [](const std::string& q) { return q.rfind("edition", 0) == 0; })) continue;
    std::string word = last;
    for (char& ch : word) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    c.subject.resize(space);
    c.qualifiers.push_back("edition:" + word);
    std::sort(c.qualifiers.begin(), c.qualifiers.end());
  }
}

}  // namespace checker::detail
