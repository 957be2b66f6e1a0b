// Business segments: a company's results name its units (`Huawei's consumer business`,
// `ICT基础设施业务`, `its cloud division`), and a unit's revenue or growth is a different fact
// from the company's. A money or percentage figure after a segment named in its sentence takes
// that segment as a qualifier, so it is compared only with figures of the same segment.
#include <array>
#include <string>
#include <string_view>

#include "link/annotations.h"

namespace checker::detail {
namespace {

// Words that end the modifiers before an English segment noun: they start the noun phrase or
// belong to the clause around it (`revenue from the consumer business`, `its cloud unit`).
constexpr std::array<std::string_view, 27> english_stops{
    "the", "its", "his", "her", "their", "our", "a", "an", "this", "that", "these", "whose", "which", "of",
    "and", "or", "in", "for", "with", "from", "by", "to", "at", "on", "doing", "do", "new"};
// Modifiers that mean the whole company: no segment is named.
constexpr std::array<std::string_view, 6> whole_company{"overall", "total", "entire", "whole", "group", "core"};
// Characters that end the words before a Chinese segment noun.
constexpr std::array<std::string_view, 14> chinese_stops{"的", "其", "中", "和", "及", "与", "、", "在", "是", "为", "将", "了", "各", "等"};
// Words between the segment and the figure that bring the whole company back.
constexpr std::array<std::string_view, 8> whole_company_after{"total", "overall", "整体", "总营收", "总收入", "全年营收", "集团", "公司"};
// Words before 业务 that are no unit's name: a verb of doing business, or a pointer to one.
constexpr std::array<std::string_view, 12> not_chinese_segments{"开展", "拓展", "经营", "发展", "相关", "有关", "这些", "该项", "此项",
                                                                 "各项", "多项", "新"};
constexpr std::size_t longest_chinese_segment = 4;  // characters kept: 基础设施, 消费者
constexpr std::size_t most_english_modifiers = 3;   // ICT infrastructure, cloud computing

bool is_han_char(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words) {
    if (word == w) return true;
  }
  return false;
}

std::string lower(std::string_view word) {
  std::string out(word);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

// `Huawei's consumer business`: up to three words back from the noun, stopping at a
// possessive, a function word or punctuation.
std::optional<std::string> english_modifiers(std::string_view text, std::size_t floor, std::size_t noun_begin) {
  std::vector<std::string_view> words;
  std::size_t end = noun_begin;
  while (words.size() < most_english_modifiers && end > floor + 1 && text[end - 1] == ' ') {
    std::size_t begin = end - 1;
    while (begin > floor && (is_alpha(text[begin - 1]) || is_digit(text[begin - 1]) || text[begin - 1] == '-' || text[begin - 1] == '&')) --begin;
    const std::string_view word = text.substr(begin, end - 1 - begin);
    if (word.empty() || one_of(lower(word), english_stops)) break;
    // `Huawei's consumer business`, `Huawei’s`: the owner is the subject, not part of the segment.
    const bool possessive = word == "s" && ((begin > floor && text[begin - 1] == '\'') ||
                                            (begin >= floor + 3 && text.substr(begin - 3, 3) == "\u2019"));
    if (possessive) break;
    words.insert(words.begin(), word);
    end = begin;
  }
  if (words.empty()) return std::nullopt;
  std::string out;
  for (std::string_view w : words) {
    if (one_of(lower(w), whole_company)) return std::nullopt;
    out += (out.empty() ? "" : " ") + lower(w);
  }
  return out;
}

// `ICT基础设施业务`, `华为终端业务`: the last few Han characters before the noun.
std::optional<std::string> chinese_modifiers(std::string_view text, std::size_t floor, std::size_t noun_begin) {
  std::size_t begin = noun_begin;
  std::size_t characters = 0;
  while (characters < longest_chinese_segment && begin >= floor + 3) {
    std::size_t n = 0;
    const char32_t c = decode(text, begin - 3, &n);
    if (n != 3 || !is_han_char(c) || one_of(text.substr(begin - 3, 3), chinese_stops)) break;
    begin -= 3;
    ++characters;
  }
  if (characters == 0) return std::nullopt;
  const std::string_view words = text.substr(begin, noun_begin - begin);
  for (std::string_view word : not_chinese_segments) {
    if (words.size() >= word.size() && words.substr(words.size() - word.size()) == word) return std::nullopt;
  }
  return std::string(words);
}

}  // namespace

std::optional<std::string> segment_before(std::string_view text, byte_span sentence, byte_span figure, const word_set& segment_nouns) {
  // The last segment noun before the figure in its sentence.
  std::optional<byte_span> noun;
  for (std::size_t pos = sentence.begin; pos < figure.begin;) {
    if (auto m = segment_nouns.longest_at(text, pos); m && pos + m->length <= figure.begin) {
      const bool latin = is_alpha(text[pos]);
      // A capitalised `Business` is part of a name (Business Times); a Latin noun stands alone.
      if (!latin || (text[pos] >= 'a' && text[pos] <= 'z' && (pos == 0 || !is_alpha(text[pos - 1])) && word_boundary(text, pos + m->length))) {
        noun = byte_span{pos, pos + m->length};
      }
      pos += m->length;
      continue;
    }
    std::size_t n = 0;
    decode(text, pos, &n);
    pos += n == 0 ? 1 : n;
  }
  if (!noun) return std::nullopt;
  const std::string_view between = text.substr(noun->end, figure.begin - noun->end);
  for (std::string_view word : whole_company_after) {
    if (between.find(word) != std::string_view::npos) return std::nullopt;
  }
  const auto modifiers = is_alpha(text[noun->begin]) ? english_modifiers(text, sentence.begin, noun->begin)
                                                     : chinese_modifiers(text, sentence.begin, noun->begin);
  if (!modifiers) return std::nullopt;
  return "segment:" + *modifiers;
}

}  // namespace checker::detail
