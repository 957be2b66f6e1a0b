#include "recognize/scanner.h"

#include <algorithm>
#include <array>

namespace checker::detail {

char32_t decode(std::string_view s, std::size_t pos, std::size_t* length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  std::size_t n = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  if (b0 >= 0x80 && b0 < 0xC0) n = 1;
  if (pos + n > s.size()) n = 1;
  *length = n;
  if (n == 1) return b0 < 0x80 ? b0 : 0xFFFD;
  char32_t cp = b0 & (0xFF >> (n + 1));
  for (std::size_t i = 1; i < n; ++i) cp = (cp << 6) | (byte(pos + i) & 0x3F);
  return cp;
}

std::size_t previous(std::string_view s, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80 && pos - p < 4) --p;
  return p;
}

std::optional<std::pair<int, std::size_t>> digit_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return std::nullopt;
  if (is_digit(s[pos])) return std::pair{s[pos] - '0', std::size_t{1}};
  // U+FF10..U+FF19 FULLWIDTH DIGIT ZERO..NINE: EF BC 90..99
  if (pos + 2 < s.size() && static_cast<unsigned char>(s[pos]) == 0xEF &&
      static_cast<unsigned char>(s[pos + 1]) == 0xBC) {
    const unsigned char b = static_cast<unsigned char>(s[pos + 2]);
    if (b >= 0x90 && b <= 0x99) return std::pair{b - 0x90, std::size_t{3}};
  }
  return std::nullopt;
}

bool starts_with(std::string_view s, std::size_t pos, std::string_view word) {
  return pos <= s.size() && s.substr(pos, word.size()) == word;
}

bool ends_with(std::string_view s, std::size_t pos, std::string_view word) {
  return pos >= word.size() && pos <= s.size() && s.substr(pos - word.size(), word.size()) == word;
}

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  for (;;) {
    if (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) {
      ++pos;
    } else if (starts_with(s, pos, "\xC2\xA0")) {  // no-break space
      pos += 2;
    } else {
      return pos;
    }
  }
}

std::size_t skip_spaces_back(std::string_view s, std::size_t pos) {
  for (;;) {
    if (pos > 0 && (s[pos - 1] == ' ' || s[pos - 1] == '\t')) {
      --pos;
    } else if (ends_with(s, pos, "\xC2\xA0")) {
      pos -= 2;
    } else {
      return pos;
    }
  }
}

bool word_boundary(std::string_view s, std::size_t pos) {
  const bool letter_before = pos > 0 && is_alpha(s[pos - 1]);
  const bool letter_after = pos < s.size() && is_alpha(s[pos]);
  return !(letter_before && letter_after);
}

std::size_t latin_token_end(std::string_view s, std::size_t pos, std::size_t limit) {
  limit = std::min(limit, s.size());
  std::size_t end = pos;
  while (end < limit && (is_alnum(s[end]) || ((s[end] == '-' || s[end] == '.' || s[end] == '_') && end + 1 < limit &&
                                               is_alnum(s[end + 1])))) {
    ++end;
  }
  return end;
}

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (is_digit(c)) return true;
  }
  return false;
}

std::string_view without_gpu_suffix(std::string_view token) {
  for (std::string_view suffix : {std::string_view("GPUs"), std::string_view("GPU")}) {
    if (token.size() > suffix.size() && token.substr(token.size() - suffix.size()) == suffix &&
        has_digit(token.substr(0, token.size() - suffix.size()))) {
      return token.substr(0, token.size() - suffix.size());
    }
  }
  return token;
}

std::optional<number_token> read_arabic(std::string_view s, std::size_t pos) {
  std::string digits;
  std::size_t p = pos;
  std::size_t group = 0;
  number_token out;
  while (auto d = digit_at(s, p)) {
    digits += static_cast<char>('0' + d->first);
    p += d->second;
    ++group;
  }
  if (digits.empty()) return std::nullopt;
  // Thousands separators: `,` followed by exactly three digits, first group of 1-3 digits.
  if (group <= 3) {
    for (;;) {
      if (p + 3 < s.size() + 0 && s[p] == ',' && is_digit(s[p + 1]) && p + 3 < s.size() && is_digit(s[p + 2]) &&
          is_digit(s[p + 3]) && !(p + 4 < s.size() && is_digit(s[p + 4]))) {
        digits.append(s.substr(p + 1, 3));
        p += 4;
        out.separators = true;
        continue;
      }
      break;
    }
  }
  out.integer_digits = digits.size();
  // A decimal point followed by a digit; `．` is the full-width point.
  std::size_t point = 0;
  if (p < s.size() && s[p] == '.') point = 1;
  if (starts_with(s, p, "\xEF\xBC\x8E")) point = 3;
  if (point > 0 && digit_at(s, p + point)) {
    digits += '.';
    p += point;
    while (auto d = digit_at(s, p)) {
      digits += static_cast<char>('0' + d->first);
      p += d->second;
    }
    out.fraction = true;
  }
  auto value = decimal::parse(digits);
  if (!value) return std::nullopt;  // too many digits to hold exactly
  out.value = *value;
  out.end = p;
  return out;
}

namespace {

struct chinese_digit {
  std::string_view text;
  int value;   // digit value, or -1 for a unit
  int power;   // for units: 1 (十), 2 (百), 3 (千), 4 (万), 8 (亿)
};

constexpr std::array<chinese_digit, 20> chinese_digits{{
    {"零", 0, 0}, {"〇", 0, 0}, {"一", 1, 0}, {"二", 2, 0}, {"两", 2, 0}, {"兩", 2, 0},
    {"三", 3, 0}, {"四", 4, 0}, {"五", 5, 0}, {"六", 6, 0}, {"七", 7, 0}, {"八", 8, 0},
    {"九", 9, 0}, {"十", -1, 1}, {"百", -1, 2}, {"千", -1, 3}, {"万", -1, 4}, {"萬", -1, 4},
    {"亿", -1, 8}, {"億", -1, 8},
}};

const chinese_digit* chinese_at(std::string_view s, std::size_t pos) {
  for (const chinese_digit& d : chinese_digits) {
    if (starts_with(s, pos, d.text)) return &d;
  }
  return nullptr;
}

std::int64_t pow10(int power) {
  std::int64_t v = 1;
  for (int i = 0; i < power; ++i) v *= 10;
  return v;
}

}  // namespace

std::optional<number_token> read_chinese(std::string_view s, std::size_t pos) {
  const chinese_digit* first = chinese_at(s, pos);
  if (first == nullptr || (first->value < 0 && first->power != 1)) return std::nullopt;
  std::int64_t total = 0;
  std::int64_t section = 0;
  std::int64_t number = 0;
  bool any_digit = false;
  int trailing_power = 0;
  std::size_t p = pos;
  constexpr std::int64_t limit = 1'000'000'000'000'000;  // far beyond any figure in prose
  while (const chinese_digit* d = chinese_at(s, p)) {
    p += d->text.size();
    trailing_power = 0;
    if (d->value >= 0) {
      number = d->value;
      any_digit = true;
    } else if (d->power < 4) {
      // 十 alone means ten: 十五 is 15.
      section += (number == 0 && d->power == 1 ? 1 : number) * pow10(d->power);
      number = 0;
      any_digit = true;
    } else {
      const std::int64_t unit = pow10(d->power);
      if (d->power == 8) {
        total = (total + section + number) * unit;
      } else {
        total += (section + number) * unit;
      }
      section = 0;
      number = 0;
      trailing_power = d->power;
    }
    if (total > limit || section > limit) return std::nullopt;
  }
  if (!any_digit) return std::nullopt;
  number_token out;
  const std::int64_t value = total + section + number;
  // A numeral that ends in 万 or 亿 states its precision in that unit, like 3万.
  out.value = trailing_power > 0 ? decimal{value / pow10(trailing_power), trailing_power} : decimal{value, 0};
  out.end = p;
  out.words = true;
  return out;
}

namespace {

struct english_word {
  std::string_view text;
  int value;
};

constexpr std::array<english_word, 28> english_numbers{{
    {"two", 2},      {"three", 3},     {"four", 4},      {"five", 5},       {"six", 6},
    {"seven", 7},    {"eight", 8},     {"nine", 9},      {"ten", 10},       {"eleven", 11},
    {"twelve", 12},  {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},   {"sixteen", 16},
    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},
    {"forty", 40},   {"fifty", 50},    {"sixty", 60},    {"seventy", 70},   {"eighty", 80},
    {"ninety", 90},  {"hundred", 100}, {"one", 1},
}};

std::optional<std::pair<int, std::size_t>> english_at(std::string_view s, std::size_t pos) {
  for (const english_word& w : english_numbers) {
    if (pos + w.text.size() > s.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < w.text.size() && same; ++i) {
      char c = s[pos + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      same = c == w.text[i];
    }
    if (same && word_boundary(s, pos + w.text.size()) && !(pos + w.text.size() < s.size() && is_alpha(s[pos + w.text.size()]))) {
      return std::pair{w.value, w.text.size()};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<number_token> read_english(std::string_view s, std::size_t pos) {
  if (pos > 0 && is_alpha(s[pos - 1])) return std::nullopt;
  number_token out;
  out.words = true;
  if (starts_with(s, pos, "a dozen") || starts_with(s, pos, "A dozen")) {
    out.value = decimal{12, 0};
    out.end = pos + 7;
    return out;
  }
  if (starts_with(s, pos, "dozen") && word_boundary(s, pos + 5)) {
    out.value = decimal{12, 0};
    out.end = pos + 5;
    return out;
  }
  auto first = english_at(s, pos);
  if (!first) return std::nullopt;
  int value = first->first;
  std::size_t p = pos + first->second;
  // twenty-five, one hundred
  if (value >= 20 && value < 100 && p < s.size() && s[p] == '-') {
    if (auto unit = english_at(s, p + 1); unit && unit->first < 10) {
      value += unit->first;
      p += 1 + unit->second;
    }
  }
  if (value < 100) {
    const std::size_t q = skip_spaces(s, p);
    if (starts_with(s, q, "hundred") && word_boundary(s, q + 7)) {
      value *= 100;
      p = q + 7;
    }
  }
  out.value = decimal{value, 0};
  out.end = p;
  return out;
}

}  // namespace checker::detail
