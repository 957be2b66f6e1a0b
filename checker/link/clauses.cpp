// Clauses and phrases: where a figure's clause and list item begin and end.
#include "link/annotations.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

namespace checker::detail {

std::vector<byte_span> clause_breaks(std::string_view text, byte_span sentence) {
  std::vector<byte_span> breaks;
  for (std::size_t pos = sentence.begin; pos < sentence.end;) {
    std::size_t n = 0;
    detail::decode(text, pos, &n);
    const std::string_view ch = text.substr(pos, n);
    const bool ascii_break = (ch == "," || ch == ";" || ch == ":") &&
                             !(pos > sentence.begin && is_digit(text[pos - 1]) && pos + 1 < sentence.end && is_digit(text[pos + 1]));
    // ` - ` separates bullet points in pages flattened to one line.
    const bool bullet = (ch == "-" || ch == "–" || ch == "—") && pos > sentence.begin && text[pos - 1] == ' ' &&
                        pos + n < sentence.end && text[pos + n] == ' ';
    if (ascii_break || bullet || ch == "，" || ch == "；" || ch == "：" || ch == "！" || ch == "？") breaks.push_back(byte_span{pos, pos + n});
    pos += n;
  }
  return breaks;
}

byte_span clause_of(const std::vector<byte_span>& breaks, byte_span sentence, std::size_t offset) {
  byte_span clause = sentence;
  for (const byte_span& b : breaks) {
    if (b.begin < offset) clause.begin = b.end;
    if (b.begin >= offset) {
      clause.end = b.begin;
      break;
    }
  }
  return clause;
}

std::optional<byte_span> previous_clause(const std::vector<byte_span>& breaks, byte_span sentence, byte_span clause) {
  if (clause.begin <= sentence.begin) return std::nullopt;
  for (const byte_span& b : breaks) {
    if (b.end == clause.begin) return clause_of(breaks, sentence, b.begin > sentence.begin ? b.begin - 1 : sentence.begin);
  }
  return std::nullopt;
}

byte_span phrase_of(std::string_view text, byte_span clause, byte_span figure) {
  byte_span phrase = clause;
  for (std::string_view mark : {std::string_view("、"), std::string_view(" and ")}) {
    const std::size_t before = text.substr(phrase.begin, figure.begin - phrase.begin).rfind(mark);
    if (before != std::string_view::npos) phrase.begin = std::max(phrase.begin, phrase.begin + before + mark.size());
    const std::size_t after = text.substr(figure.end, phrase.end - figure.end).find(mark);
    if (after != std::string_view::npos) phrase.end = std::min(phrase.end, figure.end + after);
  }
  return phrase;
}

bool has_own_words_after(std::string_view text, std::size_t from, std::size_t to, const lexicon& lex) {
  int depth = 0;
  for (std::size_t pos = from; pos < to;) {
    // Words that qualify or compare the figure (高出, 以上, 同比) are not a predicate of its own.
    std::optional<word_set::match> known;
    for (const word_set* words : {&lex.qualifier_cues, &lex.comparison_markers, &lex.change_by, &lex.change_to, &lex.hedges_after, &lex.units, &lex.classifiers, &lex.per_units}) {
      if (auto m = words->longest_at(text, pos); m && (!known || m->length > known->length)) known = m;
    }
    if (known) {
      pos += known->length;
      continue;
    }
    std::size_t n = 0;
    const char32_t ch = detail::decode(text, pos, &n);
    if (ch == U'(' || ch == U'\uFF08' || ch == U'[' || ch == U'\u3010') ++depth;
    if (ch == U')' || ch == U'\uFF09' || ch == U']' || ch == U'\u3011') depth = std::max(0, depth - 1);
    // CJK Unified Ideographs: a word, not a mark.
    if (depth == 0 && ch >= 0x4E00 && ch <= 0x9FFF) return true;
    pos += n;
  }
  return false;
}

std::optional<std::size_t> enclosing_parenthesis(std::string_view text, byte_span clause, std::size_t offset) {
  std::optional<std::size_t> open;
  for (std::size_t pos = clause.begin; pos < offset && pos < text.size(); ++pos) {
    if (text[pos] == '(' || detail::starts_with(text, pos, "（")) open = pos;
    if (text[pos] == ')' || detail::starts_with(text, pos, "）")) open.reset();
  }
  return open;
}

std::size_t complete_utf8_prefix(std::string_view s) {
  std::size_t start = s.size();
  while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return 0;
  const unsigned char lead = static_cast<unsigned char>(s[start - 1]);
  const std::size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  return s.size() - (start - 1) >= need ? s.size() : start - 1;
}

std::size_t distance(byte_span a, byte_span b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}

std::size_t unbracketed_length(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t length = 0;
  int depth = 0;
  for (std::size_t pos = from; pos < to && pos < text.size();) {
    std::size_t n = 0;
    const char32_t ch = decode(text, pos, &n);
    if (ch == U'(' || ch == U'\uFF08') ++depth;
    if (depth == 0) length += n;
    if ((ch == U')' || ch == U'\uFF09') && depth > 0) --depth;
    pos += n;
  }
  return length;
}

bool after_complement_marker(std::string_view text, std::size_t figure_begin, std::size_t sentence_begin, const lexicon& lex) {
  const std::size_t before = detail::skip_spaces_back(text, figure_begin);
  const auto marker = lex.complement_markers.longest_ending_at(text, before);
  if (!marker || before - marker->length < sentence_begin) return false;
  const std::size_t start = before - marker->length;
  return !is_alpha(text[start]) || detail::word_boundary(text, start);
}

std::optional<std::string> subgroup_counted(std::string_view text, const claim& count, const lexicon& lex) {
  if (count.found.kind != claim_kind::count || !count.found.amount) return std::nullopt;
  const std::string& noun = count.found.amount->unit_text;
  if (std::binary_search(lex.subgroup_words.begin(), lex.subgroup_words.end(), noun)) return noun;
  // 3名外籍游客: a Chinese classifier ends the figure and the group follows it.
  const std::size_t after = count.found.span.end;
  if (after >= text.size() || is_alpha(text[after])) return std::nullopt;
  for (const std::string& word : lex.subgroup_words) {
    if (!word.empty() && !is_alpha(word.front()) && text.compare(after, word.size(), word) == 0) return word;
  }
  return std::nullopt;
}

bool converts_figure_before(std::string_view text, const std::vector<std::size_t>& sentence_claims, const std::vector<claim>& claims,
                            std::size_t current, const lexicon& lex) {
  const claim& c = claims[current];
  if (c.found.kind != claim_kind::money) return false;
  const claim* before = nullptr;
  for (std::size_t j : sentence_claims) {
    if (claims[j].found.span.end <= c.found.span.begin) before = &claims[j];
  }
  if (before == nullptr || before->found.kind != claim_kind::money || before->unit == c.unit) return false;
  // Only brackets, commas, spaces and conversion words between the two.
  constexpr std::size_t max_gap = 24;
  const std::size_t gap = c.found.span.begin - before->found.span.end;
  if (gap > max_gap) return false;
  bool marked = false;
  for (std::size_t pos = before->found.span.end; pos < c.found.span.begin;) {
    if (auto m = lex.conversion_markers.longest_at(text, pos); m && pos + m->length <= c.found.span.begin) {
      marked = true;
      pos += m->length;
    } else if (text[pos] == ' ' || text[pos] == ',') {
      ++pos;
    } else if (starts_with(text, pos, "\xEF\xBC\x8C")) {  // ，
      pos += 3;
    } else {
      return false;
    }
  }
  // 约合2800美元: the figure may start with the conversion word itself.
  if (auto m = lex.conversion_markers.longest_at(text, c.found.span.begin); m && !is_alpha(text[c.found.span.begin])) marked = true;
  return marked;
}

}  // namespace checker::detail
