#include "recognize/recognize.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "recognize/compact.h"
#include "recognize/scanner.h"

namespace checker {
namespace {

using namespace detail;

bool starts_url(std::string_view s, std::size_t pos) {
  // Runs at every ASCII word start: one byte decides for almost all of them.
  if (pos >= s.size() || (s[pos] != 'h' && s[pos] != 'H' && s[pos] != 'w')) return false;
  return starts_with(s, pos, "http://") || starts_with(s, pos, "https://") || starts_with(s, pos, "www.") ||
         starts_with(s, pos, "HTTP://") || starts_with(s, pos, "HTTPS://");
}

// End of a URL or e-mail address: the next white space, CJK character or closing bracket.
std::size_t end_of_address(std::string_view s, std::size_t pos, std::size_t limit) {
  while (pos < limit) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c <= ' ' || c >= 0x80 || c == ')' || c == ']' || c == '>' || c == '"' || c == '\'') break;
    ++pos;
  }
  return pos;
}

// True when `begin` lies inside a URL that started before it (the segmenter may break at `?`).
bool continues_address(std::string_view s, std::size_t begin) {
  std::size_t start = begin;
  while (start > 0 && begin - start < 4096) {
    const unsigned char c = static_cast<unsigned char>(s[start - 1]);
    if (c <= ' ' || c >= 0x80 || c == '"' || c == '\'' || c == '(' || c == '<') break;
    --start;
  }
  return start < begin && starts_url(s, start);
}

// A Latin token with both letters and digits (H800, GPT-4o, DeepSeek-V3.1, R1-Zero) is a name,
// unless it is a number glued to a unit (12nm, 3x, 80h).
bool is_name_token(std::string_view token, const lexicon& lex) {
  bool letters = false;
  bool digits = false;
  for (char c : token) {
    letters = letters || is_alpha(c);
    digits = digits || is_digit(c);
  }
  if (!letters || !digits) return false;
  std::size_t i = 0;
  while (i < token.size() && (is_digit(token[i]) || token[i] == '.' || token[i] == ',' || token[i] == '-')) ++i;
  if (i == 0) return true;  // starts with a letter
  const std::string_view rest = token.substr(i);  // 12-28nm, 64-page, 3x
  if (auto unit = lex.units.longest_at(rest, 0); unit && unit->length == rest.size()) return false;
  if (auto scale = lex.scales.longest_at(rest, 0); scale && scale->length == rest.size()) return false;
  // 115USD: a number glued to a currency code.
  if (auto code = lex.currency_suffixes.longest_at(rest, 0); code && code->length == rest.size()) return false;
  // 1e10, 2.5E-4: scientific notation.
  if (rest.size() >= 2 && (rest[0] == 'e' || rest[0] == 'E') && is_digit(rest.back())) {
    std::size_t k = 1;
    if (rest[k] == '-' || rest[k] == '+') ++k;
    while (k < rest.size() && is_digit(rest[k])) ++k;
    if (k == rest.size()) return false;
  }
  if (rest.size() >= 3 && (rest[0] == 'x' || rest[0] == 'X') && rest.substr(1, 2) == "10") return false;  // 1.3x10^6
  if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") return true;  // ordinals: 1st
  return true;
}

// Code points that can begin a figure: digits, CJK numerals and the first characters of
// relative-date words. A switch, because this runs on every character of the text.
bool may_start_figure(std::string_view s, std::size_t pos) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) return is_alnum(static_cast<char>(c));
  if (c == 0xC2) return starts_with(s, pos, "\xC2\xBD") || starts_with(s, pos, "\xC2\xBC") || starts_with(s, pos, "\xC2\xBE");
  if (c < 0xE2 || c > 0xEF) return false;
  std::size_t n = 0;
  switch (decode(s, pos, &n)) {
    case U'\u96F6': case U'\u3007': case U'\u4E00': case U'\u4E8C': case U'\u4E24': case U'\u5169':  // 零〇一二两兩
    case U'\u4E09': case U'\u56DB': case U'\u4E94': case U'\u516D': case U'\u4E03': case U'\u516B':  // 三四五六七八
    case U'\u4E5D': case U'\u5341': case U'\u534A': case U'\u767E':                                   // 九十半百
    case U'\u58F9': case U'\u8D30': case U'\u8CB3': case U'\u53C1': case U'\u53C3': case U'\u8086':  // 壹贰貳叁參肆
    case U'\u4F0D': case U'\u9646': case U'\u9678': case U'\u67D2': case U'\u634C': case U'\u7396':  // 伍陆陸柒捌玖
    case U'\u62FE':                                                                                    // 拾
    case U'\u00BD': case U'\u2153': case U'\u2154': case U'\u00BC': case U'\u00BE':                  // ½⅓⅔¼¾
    case U'\u2155': case U'\u2159': case U'\u215B': case U'\u4FE9': case U'\u5006':                  // ⅕⅙⅛俩倆
    case U'\u4ECA': case U'\u53BB': case U'\u524D': case U'\u660E': case U'\u672C': case U'\u540C':  // 今去前明本同
    case U'\u5F53': case U'\u4E0A': case U'\u4E0B': case U'\u6628': case U'\u6B21': case U'\u7FCC':  // 当上下昨次翌
    case U'\u5E74':                                                                                     // 年 (年初, 年底)
    case U'\u5468': case U'\u661F': case U'\u793C': case U'\u540E': case U'\u8FD9':                 // 周星礼后这 (issue 12)
    case U'\uFF10': case U'\uFF11': case U'\uFF12': case U'\uFF13': case U'\uFF14':                  // full-width digits
    case U'\uFF15': case U'\uFF16': case U'\uFF17': case U'\uFF18': case U'\uFF19':
      return true;
    case U'\u5343': case U'\u4EDF': case U'\u4E07': case U'\u842C':  // 千仟万萬: only 千分之, 万分之, 千万分之
      return starts_with(s, pos + 3, "\xE5\x88\x86") || starts_with(s, pos + 3, "\xE4\xB8\x87") || starts_with(s, pos + 3, "\xE8\x90\xAC");
    case U'\u5BF9': case U'\u5C0D':  // 对對: only 打对折
      return starts_with(s, pos + 3, "\xE6\x8A\x98");
    default:
      return false;
  }
}

// Lower-case first words of every English figure or date form; any other word is skipped whole.
// Hedges (about, more than) are not here: they are found backwards from the number.
bool may_start_english_figure(std::string_view s, std::size_t pos, std::size_t word_end) {
  static constexpr std::string_view words[] = {
      "a", "an", "apr", "april", "aug", "august", "dec", "december", "dozen", "early", "eight", "eighteen", "eighty",
      "eleven", "feb", "february", "fifteen", "fifty", "first", "five", "forty", "four", "fourteen", "half", "hundred",
      "jan", "january", "jul", "july", "jun", "june", "last", "late", "mar", "march", "may", "mid", "naught", "next",
      "nine", "nineteen", "ninety", "nought", "nov", "november", "oct", "october", "one", "q1", "q2", "q3", "q4", "quarter",
      "second", "sep", "sept", "september", "seven", "seventeen", "seventy", "six", "sixteen", "sixty", "ten", "the",
      "thirteen", "thirty", "this", "three", "today", "tomorrow", "twelve", "twenty", "two", "yesterday", "zero"};
  // Issue 12: weekdays, `week 31`, `tonight`.
  static constexpr std::string_view date_words[] = {"friday",  "monday",  "saturday",  "sunday", "thursday",
                                                    "tonight", "tuesday", "wednesday", "week"};
  const std::string_view word = s.substr(pos, word_end - pos);
  if (word.size() > 13) return false;
  char lowered[16];
  for (std::size_t i = 0; i < word.size(); ++i) lowered[i] = static_cast<char>(word[i] >= 'A' && word[i] <= 'Z' ? word[i] + 32 : word[i]);
  const std::string_view key(lowered, word.size());
  if (!std::binary_search(std::begin(words), std::end(words), key) &&
      !std::binary_search(std::begin(date_words), std::end(date_words), key)) {
    return false;
  }
  // "the" and "a" are common: only "the same day", "the next day", "the first half of", "a dozen".
  if (key == "the" || key == "a" || key == "an") {
    const std::size_t next = word_end < s.size() && s[word_end] == ' ' ? word_end + 1 : s.size();
    static constexpr std::string_view after_the[] = {"same ", "next ", "following ", "first half", "second half", "end of",
                                                     "day after", "day before", "week before", "week after", "previous week",
                                                     "coming week"};
    if (key == "a" || key == "an") {
      // a dozen, a hundred, a million; a third of, a fifth of; a week ago, a year later (issue 12)
      for (std::string_view w : {"dozen", "hundred", "thousand", "million", "billion", "trillion", "half of", "third of",
                                 "quarter of", "fifth of", "tenth of", "day ", "week ", "month ", "year "}) {
        if (starts_with(s, next, w)) return true;
      }
      return false;
    }
    for (std::string_view w : after_the) {
      if (starts_with(s, next, w)) return true;
    }
    return false;
  }
  return true;
}

// A navigation bar flattened into text: `首页 | 新闻 | 科技 | 2025 | 视频`, `Home > News > Tech`.
bool is_navigation(std::string_view sentence) {
  std::size_t bars = 0;
  for (std::string_view separator : {" | ", " > ", " › ", " » "}) {
    for (std::size_t at = sentence.find(separator); at != std::string_view::npos; at = sentence.find(separator, at + 1)) ++bars;
  }
  return bars >= 3 && sentence.size() / (bars + 1) < 24;
}

}  // namespace

std::vector<mention> recognize(const document& doc, const std::vector<sentence>& sentences, const lexicon& lex) {
  std::vector<mention> out;
  // Matching reads Traditional characters as Simplified (萬 as 万); what a mention quotes is
  // taken from the text as written, at the same offsets.
  // Spaced figures (`1 日下午 4 時`) are read in a view without those spaces.
  const detail::compact_view view(doc.match_text());
  const std::string_view s = view.text();
  // Re-hosted pages repeat paragraphs; a sentence seen before in the document adds no claims.
  std::unordered_set<std::string_view> seen;
  for (std::size_t index = 0; index < sentences.size(); ++index) {
    const byte_span span = view.to_view(sentences[index].span);
    const std::string_view whole = s.substr(span.begin, span.size());
    if (whole.size() >= 12 && !seen.insert(whole).second) continue;
    if (is_navigation(whole)) continue;
    const std::string_view sentence_text = s.substr(0, span.end);  // the scanners never read past the sentence
    scan_context ctx{sentence_text, span.begin, span.end, index, &lex};
    std::size_t pos = span.begin;
    // A sentence break inside an address (search?q=30%25): the rest of the address is no figure.
    if (continues_address(s, span.begin)) pos = end_of_address(s, span.begin, span.end);
    while (pos < span.end) {
      if (!may_start_figure(s, pos)) {
        std::size_t n = 0;
        decode(s, pos, &n);
        pos += n;
        continue;
      }
      const bool ascii = static_cast<unsigned char>(s[pos]) < 0x80;
      if (ascii && pos > span.begin && is_alnum(s[pos - 1])) {
        ++pos;  // inside a word
        continue;
      }
      if (ascii && starts_url(s, pos)) {
        pos = end_of_address(s, pos, span.end);
        continue;
      }
      if (ascii && is_alpha(s[pos])) {
        // Most words are not figures: skip them before trying any matcher.
        std::size_t word_end = pos;
        while (word_end < span.end && is_alpha(s[word_end])) ++word_end;
        if (word_end < span.end && (is_digit(s[word_end]) || s[word_end] == '@' || s[word_end] == ':' || s[word_end] == '.' || s[word_end] == '-')) {
          // a name (H800, GPT-4o), an address or a URL: handled below
        } else if (!may_start_english_figure(s, pos, word_end)) {
          pos = word_end;
          continue;
        }
      }
      if (ascii) {
        const std::size_t token_end = latin_token_end(s, pos, span.end);
        if (token_end < span.end && s[token_end] == '@') {
          pos = end_of_address(s, token_end, span.end);  // e-mail address
          continue;
        }
        // USD115: a currency code glued to its amount.
        auto code = is_upper(s[pos]) || s[pos] == 'u' ? lex.currency_prefixes.longest_at(s, pos) : std::nullopt;
        if (code && is_alpha(s[pos]) && pos + code->length < token_end && is_digit(s[pos + code->length]) &&
            has_digit(s.substr(pos, token_end - pos))) {
          std::size_t skip_to = 0;
          ctx.previous_end = out.empty() || out.back().sentence != index ? span.begin : out.back().span.end;
          if (auto quantity = match_quantity(ctx, pos + code->length, &skip_to); quantity && quantity->kind == claim_kind::money) {
            pos = std::max(quantity->span.end, pos + 1);
            out.push_back(std::move(*quantity));
            continue;
          }
        }
        // 12.32e+14: the token stops at the sign, but the number goes on.
        std::size_t digits_end = pos;
        while (digits_end < token_end && (is_digit(s[digits_end]) || s[digits_end] == '.')) ++digits_end;
        int power = 0;
        const bool scientific = digits_end > pos && digits_end < token_end && (s[digits_end] == 'e' || s[digits_end] == 'E' || s[digits_end] == 'x' || s[digits_end] == 'X') &&
                                scientific_end(s, digits_end, &power) > digits_end;
        if (!scientific && is_name_token(s.substr(pos, token_end - pos), lex)) {
          // Q3 2025 is a date even though Q3 looks like a name.
          if (auto date = match_date(ctx, pos)) {
            pos = date->span.end;
            out.push_back(std::move(*date));
            continue;
          }
          pos = token_end;
          continue;
        }
      }
      if (auto date = match_date(ctx, pos)) {
        pos = date->span.end;
        out.push_back(std::move(*date));
        continue;
      }
      std::size_t skip_to = 0;
      ctx.previous_end = out.empty() || out.back().sentence != index ? span.begin : out.back().span.end;
      if (auto quantity = match_quantity(ctx, pos, &skip_to)) {
        // A hedge or currency prefix never reaches back into the previous figure.
        if (!out.empty() && out.back().span.end > quantity->span.begin && out.back().sentence == index) {
          quantity->span.begin = out.back().span.end;
          quantity->text = std::string(s.substr(quantity->span.begin, quantity->span.size()));
        }
        pos = std::max(quantity->span.end, pos + 1);
        out.push_back(std::move(*quantity));
        continue;
      }
      if (skip_to > pos) {
        pos = skip_to;
        continue;
      }
      if (ascii) {
        pos = latin_token_end(s, pos, span.end);
        if (pos < span.end && static_cast<unsigned char>(s[pos]) < 0x80 && !is_alnum(s[pos])) ++pos;
        continue;
      }
      std::size_t n = 0;
      decode(s, pos, &n);
      pos += n;
    }
  }
  const bool compacted = s.data() != doc.match_text().data();
  if (compacted) {
    for (mention& m : out) m.span = view.to_written(m.span);
  }
  if (!doc.folded.empty() || compacted) {
    for (mention& m : out) m.text = doc.text.substr(m.span.begin, m.span.size());
  }
  return out;
}

}  // namespace checker
