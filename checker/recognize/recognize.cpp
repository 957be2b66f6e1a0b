#include "recognize/recognize.h"

#include "recognize/scanner.h"

namespace checker {
namespace {

using namespace detail;

bool starts_url(std::string_view s, std::size_t pos) {
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
  if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") return true;  // ordinals: 1st
  return true;
}

std::size_t latin_token_end(std::string_view s, std::size_t pos, std::size_t limit) {
  std::size_t end = pos;
  while (end < limit && (is_alnum(s[end]) || ((s[end] == '-' || s[end] == '.' || s[end] == '_') && end + 1 < limit && is_alnum(s[end + 1])))) ++end;
  return end;
}

// Bytes that can begin a figure: digits, CJK numerals and relative-date words, Latin letters.
bool may_start_figure(std::string_view s, std::size_t pos) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) return is_alnum(static_cast<char>(c));
  if (c != 0xE3 && c != 0xE4 && c != 0xE5 && c != 0xE6 && c != 0xE7 && c != 0xE8 && c != 0xE9 && c != 0xEF) return false;
  static constexpr std::string_view starters[] = {
      "零", "〇", "一", "二", "两", "兩", "三", "四", "五", "六", "七", "八", "九", "十", "半", "百分之",
      "今", "去", "前", "明", "本", "同", "当", "上", "下", "昨", "次", "翌"};
  if (digit_at(s, pos)) return true;
  for (std::string_view w : starters) {
    if (starts_with(s, pos, w)) return true;
  }
  return false;
}

}  // namespace

std::vector<mention> recognize(const document& doc, const std::vector<sentence>& sentences, const lexicon& lex) {
  std::vector<mention> out;
  const std::string_view s = doc.text;
  for (std::size_t index = 0; index < sentences.size(); ++index) {
    const byte_span span = sentences[index].span;
    const std::string_view sentence_text = s.substr(0, span.end);  // the scanners never read past the sentence
    scan_context ctx{sentence_text, span.begin, span.end, index, &lex};
    std::size_t pos = span.begin;
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
      if (ascii) {
        const std::size_t token_end = latin_token_end(s, pos, span.end);
        if (token_end < span.end && s[token_end] == '@') {
          pos = end_of_address(s, token_end, span.end);  // e-mail address
          continue;
        }
        if (is_name_token(s.substr(pos, token_end - pos), lex)) {
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
  return out;
}

}  // namespace checker
