// Business segments: a company's results name its units (`Huawei's consumer business`,
// `ICT基础设施业务`, `its cloud division`), and a unit's revenue or growth is a different fact
// from the company's. A money or percentage figure after a segment named in its sentence takes
// that segment as a qualifier, so it is compared only with figures of the same segment.
#include <algorithm>
#include <array>
#include <vector>
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
  bool opened = false;  // the phrase starts at a possessive, a function word or punctuation
  while (words.size() < most_english_modifiers && end > floor + 1 && text[end - 1] == ' ') {
    std::size_t begin = end - 1;
    while (begin > floor && (is_alpha(text[begin - 1]) || is_digit(text[begin - 1]) || text[begin - 1] == '-' || text[begin - 1] == '&')) --begin;
    const std::string_view word = text.substr(begin, end - 1 - begin);
    if (word.empty() || one_of(lower(word), english_stops)) {
      opened = true;
      break;
    }
    // `Huawei's consumer business`, `Huawei’s`: the owner is the subject, not part of the segment.
    const bool possessive = word == "s" && ((begin > floor && text[begin - 1] == '\'') ||
                                            (begin >= floor + 3 && text.substr(begin - 3, 3) == "\u2019"));
    if (possessive) {
      opened = true;
      break;
    }
    words.insert(words.begin(), word);
    end = begin;
  }
  // Punctuation or the sentence's start before the words also opens the phrase; a verb or a
  // fourth word (`advantages into tangible business`) does not.
  if (!opened && end > floor && text[end - 1] != ' ') opened = !is_alpha(text[end - 1]);
  if (!opened && end <= floor + 1) opened = true;
  if (words.empty() || !opened) return std::nullopt;
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

// Words before `revenue` or 收入 that name no line of business: the whole, a period, a kind of
// total (total revenue, 营业收入, 全年营收).
// Where the revenue was made is a scope qualifier of its own (domestic sales, 海外收入), and a
// ticket or box-office take is the film's whole revenue.
constexpr std::array<std::string_view, 32> whole_revenue_words{
    "total", "net", "annual", "quarterly", "overall", "gross", "record", "operating", "sales", "group", "company",
    "consolidated", "reported", "headline", "core", "first-quarter", "second-quarter", "third-quarter", "fourth-quarter",
    "full-year", "half-year", "year", "domestic", "overseas", "international", "global", "worldwide", "foreign", "local",
    "box", "office", "ticket"};

}  // namespace

std::optional<std::string> segment_of_measure(std::string_view text, byte_span sentence, byte_span cue) {
  if (is_alpha(text[cue.begin])) {
    // One or two lower-case words that open a noun phrase: after a possessive, a determiner,
    // punctuation or the sentence's start (`Tencent's gaming revenue`, `its cloud revenue`); not
    // after a verb (`said revenue`).
    std::vector<std::string_view> words;
    std::size_t begin = cue.begin;
    while (words.size() < 2 && begin > sentence.begin + 1 && text[begin - 1] == ' ' && text[begin - 2] >= 'a' && text[begin - 2] <= 'z') {
      std::size_t start = begin - 2;
      while (start > sentence.begin && (is_alpha(text[start - 1]) || text[start - 1] == '-')) --start;
      const std::string_view word = text.substr(start, begin - 1 - start);
      if (!(word.front() >= 'a' && word.front() <= 'z') || one_of(word, english_stops)) break;
      // Northwind's: the `s` of a possessive opens the phrase, it is no word of it.
      const bool possessive_s = word == "s" && start > sentence.begin &&
                                (text[start - 1] == '\'' || (start >= sentence.begin + 3 && text.substr(start - 3, 3) == "\u2019"));
      if (possessive_s) break;
      words.insert(words.begin(), word);
      begin = start;
    }
    if (words.empty()) return std::nullopt;
    std::size_t before = begin;
    while (before > sentence.begin && text[before - 1] == ' ') --before;
    std::size_t previous = before;
    while (previous > sentence.begin && is_alpha(text[previous - 1])) --previous;
    const std::string_view previous_word = text.substr(previous, before - previous);
    const bool opens_phrase = before == sentence.begin || !is_alpha(text[before - 1]) || previous_word == "s" ||
                              one_of(lower(previous_word), english_stops);
    if (!opens_phrase) return std::nullopt;
    std::string modifiers_text;
    for (std::string_view w : words) modifiers_text += (modifiers_text.empty() ? "" : " ") + std::string(w);
    const std::optional<std::string> modifiers = modifiers_text;
    for (std::string_view word : whole_revenue_words) {
      if (modifiers->find(word) != std::string::npos) return std::nullopt;
    }
    if (std::any_of(modifiers->begin(), modifiers->end(), [](char c) { return is_digit(c); })) return std::nullopt;
    return "segment:" + *modifiers;
  }
  // Chinese writes the line and the measure as one run of characters (本土市场游戏收入, 开展业务以来营收)
  // whose words are not marked: left to segment nouns (业务) alone.
  return std::nullopt;
}

std::optional<std::string> segment_before(std::string_view text, byte_span sentence, byte_span figure, const word_set& segment_nouns) {
  // The last segment noun before the figure in its sentence, within a reach that keeps the scan
  // linear in long sentences (a page of bullets with no full stop).
  constexpr std::size_t reach = 240;
  std::optional<byte_span> noun;
  std::size_t from = figure.begin > sentence.begin + reach ? figure.begin - reach : sentence.begin;
  while (from > sentence.begin && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;  // a character's start
  for (std::size_t pos = from; pos < figure.begin;) {
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
