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

std::size_t scientific_end(std::string_view s, std::size_t p, int* power) {
  std::size_t q = p;
  if (q < s.size() && (s[q] == 'e' || s[q] == 'E')) {
    ++q;
  } else if (starts_with(s, q, "x10^") || starts_with(s, q, "X10^") || starts_with(s, q, "*10^")) {
    q += 4;
  } else if (starts_with(s, q, "\xC3\x97" "10^")) {  // ×10^
    q += 5;
  } else {
    return p;
  }
  bool negative = false;
  if (q < s.size() && (s[q] == '+' || s[q] == '-')) {
    negative = s[q] == '-';
    ++q;
  }
  int value = 0;
  std::size_t digits = 0;
  while (q < s.size() && is_digit(s[q]) && digits < 3) {
    value = value * 10 + (s[q] - '0');
    ++q;
    ++digits;
  }
  if (digits == 0 || (q < s.size() && is_alnum(s[q]))) return p;
  *power = negative ? -value : value;
  return q;
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
    // `,` between ASCII groups; `，` between full-width ones (４，５６５), where a Chinese list
    // of ASCII numbers (1，2，3) cannot be meant.
    const bool full_width = p - pos > digits.size();
    for (;;) {
      if (p + 3 < s.size() + 0 && s[p] == ',' && is_digit(s[p + 1]) && p + 3 < s.size() && is_digit(s[p + 2]) &&
          is_digit(s[p + 3]) && !(p + 4 < s.size() && is_digit(s[p + 4]))) {
        digits.append(s.substr(p + 1, 3));
        p += 4;
        out.separators = true;
        continue;
      }
      if (full_width && starts_with(s, p, "\xEF\xBC\x8C")) {
        std::string three;
        std::size_t q = p + 3;
        while (three.size() < 3) {
          auto d = digit_at(s, q);
          if (!d || d->second != 3) break;
          three += static_cast<char>('0' + d->first);
          q += 3;
        }
        if (three.size() == 3 && !digit_at(s, q)) {
          digits += three;
          p = q;
          out.separators = true;
          continue;
        }
      }
      break;
    }
    // Indian grouping: 12,34,567.89 (twos after the first group, three at the end).
    if (!out.separators && group <= 2) {
      std::size_t q = p;
      std::string grouped = digits;
      while (q + 3 < s.size() && s[q] == ',' && is_digit(s[q + 1]) && is_digit(s[q + 2]) && s[q + 3] == ',') {
        grouped.append(s.substr(q + 1, 2));
        q += 3;
      }
      if (q > p && q + 3 < s.size() + 0 && s[q] == ',' && is_digit(s[q + 1]) && is_digit(s[q + 2]) && is_digit(s[q + 3]) &&
          !(q + 4 < s.size() && is_digit(s[q + 4]))) {
        grouped.append(s.substr(q + 1, 3));
        digits = grouped;
        p = q + 4;
        out.separators = true;
      }
    }
    // Groups of three after a space (1 234 567, 40 000): the SI style. Not when the next group
    // runs on into letters, a hyphen or more digits (5 100-metre, May 3 2024).
    if (!out.separators && p == pos + digits.size()) {
      std::size_t q = p;
      std::string grouped = digits;
      for (;;) {
        std::size_t gap = 0;  // a space, no-break space, thin space or narrow no-break space
        if (q < s.size() && s[q] == ' ') gap = 1;
        if (starts_with(s, q, "\xC2\xA0")) gap = 2;
        if (starts_with(s, q, "\xE2\x80\xAF") || starts_with(s, q, "\xE2\x80\x89")) gap = 3;
        const std::size_t g = q + gap;
        if (gap == 0 || g + 2 >= s.size() || !is_digit(s[g]) || !is_digit(s[g + 1]) || !is_digit(s[g + 2])) break;
        if (g + 3 < s.size() && (is_alnum(s[g + 3]) || s[g + 3] == '-' || s[g + 3] == '/' || s[g + 3] == ':' ||
                                 (static_cast<unsigned char>(s[g + 3]) >= 0x80 && !starts_with(s, g + 3, "\xE2\x80\xAF") &&
                                  !starts_with(s, g + 3, "\xE2\x80\x89") && !starts_with(s, g + 3, "\xC2\xA0")) ||
                                 (s[g + 3] == ',' && g + 4 < s.size() && is_digit(s[g + 4])))) {
          break;
        }
        grouped.append(s.substr(g, 3));
        q = g + 3;
      }
      if (q > p) {
        digits = grouped;
        p = q;
        out.separators = true;
      }
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
  int value;       // digit value, or -1 for a place-value character
  int power;       // for place values: 1 (十), 2 (百), 3 (千), 4 (万), 8 (亿), 12 (兆)
  bool financial;  // 壹, 拾: the anti-fraud forms, also common words (队伍, 收拾) alone
};

// Matching reads Traditional as Simplified, so 萬 and 億 arrive as 万 and 亿; the Traditional
// forms stay for text that was not folded.
constexpr std::array<chinese_digit, 39> chinese_digits{{
    {"零", 0, 0, false}, {"〇", 0, 0, false}, {"一", 1, 0, false}, {"二", 2, 0, false}, {"两", 2, 0, false},
    {"兩", 2, 0, false}, {"三", 3, 0, false}, {"四", 4, 0, false}, {"五", 5, 0, false}, {"六", 6, 0, false},
    {"七", 7, 0, false}, {"八", 8, 0, false}, {"九", 9, 0, false}, {"十", -1, 1, false}, {"百", -1, 2, false},
    {"千", -1, 3, false}, {"万", -1, 4, false}, {"萬", -1, 4, false}, {"亿", -1, 8, false}, {"億", -1, 8, false},
    {"兆", -1, 12, false}, {"壹", 1, 0, true}, {"贰", 2, 0, true}, {"貳", 2, 0, true}, {"叁", 3, 0, true},
    {"參", 3, 0, true}, {"肆", 4, 0, true}, {"伍", 5, 0, true}, {"陆", 6, 0, true}, {"陸", 6, 0, true},
    {"柒", 7, 0, true}, {"捌", 8, 0, true}, {"玖", 9, 0, true}, {"拾", -1, 1, true}, {"佰", -1, 2, true},
    {"仟", -1, 3, true}, {"倆", 2, 0, false}, {"俩", 2, 0, false}, {"貮", 2, 0, true},
}};

// The numeral character at `pos`: one decode and a switch, because this runs at every digit.
const chinese_digit* chinese_at(std::string_view s, std::size_t pos) {
  if (pos + 2 >= s.size() || static_cast<unsigned char>(s[pos]) < 0xE3 || static_cast<unsigned char>(s[pos]) > 0xE9) return nullptr;
  std::size_t n = 0;
  int index = -1;
  switch (decode(s, pos, &n)) {
    case U'\u96F6': index = 0; break;   case U'\u3007': index = 1; break;   case U'\u4E00': index = 2; break;
    case U'\u4E8C': index = 3; break;   case U'\u4E24': index = 4; break;   case U'\u5169': index = 5; break;
    case U'\u4E09': index = 6; break;   case U'\u56DB': index = 7; break;   case U'\u4E94': index = 8; break;
    case U'\u516D': index = 9; break;   case U'\u4E03': index = 10; break;  case U'\u516B': index = 11; break;
    case U'\u4E5D': index = 12; break;  case U'\u5341': index = 13; break;  case U'\u767E': index = 14; break;
    case U'\u5343': index = 15; break;  case U'\u4E07': index = 16; break;  case U'\u842C': index = 17; break;
    case U'\u4EBF': index = 18; break;  case U'\u5104': index = 19; break;  case U'\u5146': index = 20; break;
    case U'\u58F9': index = 21; break;  case U'\u8D30': index = 22; break;  case U'\u8CB3': index = 23; break;
    case U'\u53C1': index = 24; break;  case U'\u53C3': index = 25; break;  case U'\u8086': index = 26; break;
    case U'\u4F0D': index = 27; break;  case U'\u9646': index = 28; break;  case U'\u9678': index = 29; break;
    case U'\u67D2': index = 30; break;  case U'\u634C': index = 31; break;  case U'\u7396': index = 32; break;
    case U'\u62FE': index = 33; break;  case U'\u4F70': index = 34; break;  case U'\u4EDF': index = 35; break;
    case U'\u5006': index = 36; break;  case U'\u4FE9': index = 37; break;  case U'\u8CAE': index = 38; break;
    default: return nullptr;
  }
  return &chinese_digits[static_cast<std::size_t>(index)];
}

// `value` with its exponent raised to `power` when that loses nothing: 3万 states its
// precision in 万 ({3, 4}), 四十五万 in 万 too.
decimal with_exponent(decimal value, int power) {
  while (value.exponent < power && value.mantissa % 10 == 0 && value.mantissa != 0) {
    value.mantissa /= 10;
    ++value.exponent;
  }
  return value;
}

// Accumulates a numeral chain: 五兆六十二亿四万五千二, 3万4000, 1千零20, 十 余 万.
class chain_reader {
 public:
  explicit chain_reader(const lexicon* lex) : lex_(lex) {}

  std::optional<number_token> read(std::string_view s, std::size_t pos) {
    std::size_t p = pos;
    for (;;) {
      const std::size_t q = skip_ascii_spaces(s, p);
      if (q > p && !may_cross_space(s, q)) break;
      if (auto d = digit_at(s, q)) {
        (void)d;
        // Arabic digits open the chain or follow a place value: 3万4000, 1千零1.
        if (pending_ || (atoms_ > 0 && !after_unit_)) break;
        auto a = read_arabic(s, q);
        if (!a) return std::nullopt;
        pending_ = a->value;
        arabic_ = true;
        first_ = atoms_ == 0 ? std::optional<number_token>(*a) : first_;
        pending_chinese_ = false;
        p = a->end;
        ++atoms_;
        after_unit_ = false;
        continue;
      }
      const chinese_digit* c = chinese_at(s, q);
      if (c == nullptr) {
        // 十多万, 二十几万, 五百 余万: "more than" between a numeral and its place value.
        if (atoms_ > 0 && !approx_ && (starts_with(s, q, "多") || starts_with(s, q, "余") || starts_with(s, q, "几"))) {
          const chinese_digit* next = chinese_at(s, skip_ascii_spaces(s, q + 3));
          if (next != nullptr && next->power >= 4 && !unit_word_at(s, skip_ascii_spaces(s, q + 3), next)) {
            approx_ = true;
            p = q + 3;
            continue;
          }
        }
        break;
      }
      if (c->value == 0) {
        if (pending_ && !after_unit_) break;  // 二零二四 reads digit by digit: not a chain
        zero_ = true;
        ++atoms_;
        ++chinese_;
        after_unit_ = true;
        zero_only_ = atoms_ == 1;
        p = q + c->text.size();
        continue;
      }
      if (c->value > 0) {
        if (pending_) break;  // 九九: two digits without a place value between them
        if (atoms_ > 0 && !after_unit_) break;
        pending_ = decimal{c->value, 0};
        pending_chinese_ = true;
        pending_after_zero_ = zero_;
        abbreviable_power_ = after_unit_ && !zero_ ? last_power_ : 0;
        financial_ = financial_ || c->financial;
        ++atoms_;
        ++chinese_;
        after_unit_ = false;
        p = q + c->text.size();
        continue;
      }
      // A place value. After Arabic digits it must not begin a unit word (5千克, 3兆瓦).
      if (unit_word_at(s, q, c)) break;
      if (atoms_ == 0 && c->power >= 4) break;  // 万 alone starts no number (万一)
      if (c->power < 4 && !pending_ && atoms_ > 0 && !zero_) break;  // 七十百, 五十千: no digit before the place
      if (!apply_place(c->power)) return std::nullopt;
      financial_ = financial_ || c->financial;
      ++atoms_;
      ++chinese_;
      places_ = true;
      after_unit_ = true;
      p = q + c->text.size();
    }
    if (atoms_ == 0 || (chinese_ == 0 && !first_)) return std::nullopt;
    if (pending_ && pending_chinese_ && abbreviable_power_ >= 2 && !pending_after_zero_) {
      // 一万三 is 13000, 四百五 is 450: a last digit right after a place value counts in the next
      // place down.
      pending_ = scale10(*pending_, abbreviable_power_ - 1);
      trailing_power_ = 0;
    }
    auto sum = add(total_, section_);
    if (!sum) return std::nullopt;
    if (pending_) {
      sum = add(*sum, *pending_);
      if (!sum) return std::nullopt;
      trailing_power_ = 0;
    }
    number_token out;
    out.end = p;
    out.words = !arabic_;
    out.chinese_characters = chinese_;
    out.place_values = places_;
    out.approximate = approx_;
    out.financial = financial_;
    if (chinese_ == 0) return first_;  // plain Arabic digits
    out.value = trailing_power_ > 0 ? with_exponent(*sum, trailing_power_) : *sum;
    if (first_) {
      out.integer_digits = first_->integer_digits;
      out.separators = first_->separators;
      out.fraction = first_->fraction;
      out.scaled = true;
    }
    if (zero_only_ && atoms_ == 1) out.value = decimal{0, 0};
    return out;
  }

 private:
  static std::size_t skip_ascii_spaces(std::string_view s, std::size_t p) {
    while (p < s.size() && s[p] == ' ') ++p;
    return p;
  }

  // Spaces inside a chain (7 万5 千4 百, 一百 五 十 二) only before a place value, or between
  // Chinese numerals.
  bool may_cross_space(std::string_view s, std::size_t q) const {
    if (digit_at(s, q)) {
      // 7万 5千 4百: Arabic digits after a space only when a place value follows them too.
      if (!places_) return false;
      auto a = read_arabic(s, q);
      return a && chinese_at(s, a->end) != nullptr && chinese_at(s, a->end)->power > 0;
    }
    const chinese_digit* c = chinese_at(s, q);
    if (c == nullptr) return (starts_with(s, q, "余") || starts_with(s, q, "多") || starts_with(s, q, "几")) && chinese_ > 0;
    if (c->power > 0) return atoms_ > 0;
    return chinese_ > 0;
  }

  // 千克, 兆瓦, 千米 after Arabic digits: the place value begins a unit.
  bool unit_word_at(std::string_view s, std::size_t q, const chinese_digit* c) const {
    if (lex_ == nullptr) return false;
    if (!(arabic_ && atoms_ == 1) && c->power < 4) return false;
    auto unit = lex_->units.longest_at(s, q);
    return unit && unit->length > c->text.size();
  }

  bool apply_place(int power) {
    if (power < 4) {
      // 十 alone is ten (十五); 百三 is 130.
      const decimal digit = pending_ ? *pending_ : decimal{1, 0};
      auto v = add(section_, scale10(digit, power));
      if (!v) return false;
      section_ = *v;
      pending_.reset();
      last_power_ = power;
      trailing_power_ = 0;
      zero_ = false;
      return true;
    }
    auto group = add(section_, pending_ ? *pending_ : decimal{0, 0});
    if (!group) return false;
    if (group->is_zero() && !total_.is_zero()) {
      total_ = scale10(total_, power);  // 万万, 4.78万亿: the place value multiplies what precedes
    } else if (big_power_ == 0 || power > big_power_) {
      auto v = add(total_, *group);  // 一万五千亿: the lower groups join the higher place
      if (!v) return false;
      total_ = scale10(*v, power);
    } else {
      auto v = add(total_, scale10(*group, power));
      if (!v) return false;
      total_ = *v;
    }
    if (total_.mantissa > 1'000'000'000'000'000'000 / 1000) return false;  // beyond any figure in prose
    big_power_ = std::max(big_power_, power);
    section_ = decimal{0, 0};
    pending_.reset();
    last_power_ = power;
    trailing_power_ = power;
    zero_ = false;
    return true;
  }

  const lexicon* lex_;
  decimal total_{0, 0};
  decimal section_{0, 0};
  std::optional<decimal> pending_;
  std::optional<number_token> first_;  // the opening Arabic number
  bool pending_chinese_ = false;
  bool pending_after_zero_ = false;
  bool arabic_ = false;
  bool after_unit_ = false;
  bool zero_ = false;
  bool zero_only_ = false;
  bool approx_ = false;
  bool financial_ = false;
  bool places_ = false;
  int abbreviable_power_ = 0;
  int last_power_ = 0;
  int big_power_ = 0;
  int trailing_power_ = 0;
  std::size_t atoms_ = 0;
  std::size_t chinese_ = 0;
};

// Decimal digits after 点: 十五点七, 两千万点五五四四. Not a clock time: 八点三十分, 九点一刻.
std::optional<std::pair<std::string, std::size_t>> chinese_decimals(std::string_view s, std::size_t p) {
  std::size_t q = p;
  while (q < s.size() && s[q] == ' ') ++q;
  if (!starts_with(s, q, "点") && !starts_with(s, q, "點")) return std::nullopt;
  q += 3;
  while (q < s.size() && s[q] == ' ') ++q;
  std::string digits;
  for (;;) {
    if (auto d = digit_at(s, q)) {
      digits += static_cast<char>('0' + d->first);
      q += d->second;
      continue;
    }
    const chinese_digit* c = chinese_at(s, q);
    if (c == nullptr || c->value < 0 || starts_with(s, q, "两") || starts_with(s, q, "兩") || starts_with(s, q, "俩") ||
        starts_with(s, q, "倆")) {
      break;
    }
    digits += static_cast<char>('0' + c->value);
    q += c->text.size();
  }
  if (digits.empty()) return std::nullopt;
  const chinese_digit* next = chinese_at(s, q);
  if ((next != nullptr && next->power > 0 && next->power < 4) || starts_with(s, q, "分") || starts_with(s, q, "刻") ||
      starts_with(s, q, "滴")) {
    return std::nullopt;
  }
  return std::pair{digits, q};
}

}  // namespace

std::optional<number_token> read_chinese(std::string_view s, std::size_t pos, const lexicon* lex) {
  const chinese_digit* first = chinese_at(s, pos);
  if (first == nullptr && !digit_at(s, pos)) return std::nullopt;
  if (first == nullptr) {
    // Arabic digits: the chain only goes on when a place value follows (after spaces at most).
    auto arabic = read_arabic(s, pos);
    if (!arabic) return std::nullopt;
    std::size_t q = arabic->end;
    while (q < s.size() && s[q] == ' ') ++q;
    const chinese_digit* next = chinese_at(s, q);
    if (next == nullptr || next->power == 0) return arabic;
  }
  if (first != nullptr && first->value < 0 && first->power != 1) return std::nullopt;  // 百万, 千万: words
  // 数十人, 几十万: "tens of", "dozens of" count no number of tens.
  if (first != nullptr && first->value < 0 && pos >= 3 && (s.substr(pos - 3, 3) == "数" || s.substr(pos - 3, 3) == "几")) return std::nullopt;
  chain_reader reader(lex);
  auto out = reader.read(s, pos);
  if (!out) return std::nullopt;
  if (out->words || out->scaled) {
    if (auto decimals = chinese_decimals(s, out->end); decimals && out->value.exponent >= 0 && !out->approximate) {
      // The decimals belong to the whole numeral: 两千万点五五四四 is 20000000.5544.
      auto whole = decimal::parse(out->value.to_string());
      auto fraction = decimal::parse("0." + decimals->first);
      if (whole && fraction) {
        if (auto v = add(*whole, *fraction)) {
          out->value = *v;
          out->end = decimals->second;
          out->fraction = true;
        }
      }
    }
  }
  return out;
}

decimal divide(std::int64_t numerator, std::int64_t denominator) {
  // Fifteen significant digits: exact for any fraction prose states, and far inside the
  // precision a compared figure needs.
  if (denominator == 0) return decimal{0, 0};
  const bool negative = (numerator < 0) != (denominator < 0);
  if (numerator < 0) numerator = -numerator;
  if (denominator < 0) denominator = -denominator;
  std::int64_t mantissa = numerator / denominator;
  std::int64_t rest = numerator % denominator;
  int exponent = 0;
  int significant = 0;
  for (std::int64_t m = mantissa; m > 0; m /= 10) ++significant;
  while (rest != 0 && significant < 15 && mantissa < 100'000'000'000'000'000 && rest < 900'000'000'000'000'000) {
    rest *= 10;
    mantissa = mantissa * 10 + rest / denominator;
    rest %= denominator;
    --exponent;
    if (mantissa > 0) ++significant;
  }
  if (rest != 0 && rest >= denominator - rest) ++mantissa;  // round the last digit half up
  decimal out{negative ? -mantissa : mantissa, exponent};
  return out;
}

namespace {

enum class word_role { digit, teen, tens, hundred, scale, dozen };

struct english_word {
  std::string_view text;
  std::int64_t value;  // for scales: the power of ten
  word_role role;
};

constexpr std::array<english_word, 43> english_numbers{{
    {"zero", 0, word_role::digit},       {"nought", 0, word_role::digit},     {"naught", 0, word_role::digit},
    {"one", 1, word_role::digit},        {"two", 2, word_role::digit},        {"three", 3, word_role::digit},
    {"four", 4, word_role::digit},       {"five", 5, word_role::digit},       {"six", 6, word_role::digit},
    {"seven", 7, word_role::digit},      {"eight", 8, word_role::digit},      {"nine", 9, word_role::digit},
    {"ten", 10, word_role::teen},        {"eleven", 11, word_role::teen},     {"twelve", 12, word_role::teen},
    {"thirteen", 13, word_role::teen},   {"fourteen", 14, word_role::teen},   {"fifteen", 15, word_role::teen},
    {"sixteen", 16, word_role::teen},    {"seventeen", 17, word_role::teen},  {"eighteen", 18, word_role::teen},
    {"nineteen", 19, word_role::teen},   {"twenty", 20, word_role::tens},     {"thirty", 30, word_role::tens},
    {"forty", 40, word_role::tens},      {"fifty", 50, word_role::tens},      {"sixty", 60, word_role::tens},
    {"seventy", 70, word_role::tens},    {"eighty", 80, word_role::tens},     {"ninety", 90, word_role::tens},
    {"hundred", 2, word_role::hundred},  {"thousand", 3, word_role::scale},   {"million", 6, word_role::scale},
    {"billion", 9, word_role::scale},    {"trillion", 12, word_role::scale},  {"lakh", 5, word_role::scale},
    {"lakhs", 5, word_role::scale},      {"crore", 7, word_role::scale},      {"crores", 7, word_role::scale},
    {"dozens", 12, word_role::dozen},    {"dozen", 12, word_role::dozen},     {"dzs", 12, word_role::dozen},
    {"dozs", 12, word_role::dozen},
}};

// Ordinal denominators of English fractions; `second` is left out (one second is a time).
constexpr std::array<std::pair<std::string_view, std::int64_t>, 40> denominators{{
    {"halves", 2},        {"half", 2},           {"thirds", 3},        {"third", 3},          {"quarters", 4},
    {"quarter", 4},       {"fourths", 4},        {"fourth", 4},        {"fifths", 5},         {"fifth", 5},
    {"sixths", 6},        {"sixth", 6},          {"sevenths", 7},      {"seventh", 7},        {"eighths", 8},
    {"eighth", 8},        {"ninths", 9},         {"ninth", 9},         {"tenths", 10},        {"tenth", 10},
    {"elevenths", 11},    {"eleventh", 11},      {"twelfths", 12},     {"twelfth", 12},       {"twentieths", 20},
    {"twentieth", 20},    {"thirtieths", 30},    {"thirtieth", 30},    {"hundredths", 100},   {"hundredth", 100},
    {"thousandths", 1000}, {"thousandth", 1000}, {"millionths", 1'000'000}, {"millionth", 1'000'000},
    {"billionths", 1'000'000'000}, {"billionth", 1'000'000'000}, {"trillionths", 1'000'000'000'000},
    {"trillionth", 1'000'000'000'000}, {"fortieths", 40}, {"fiftieths", 50},
}};

// The ASCII word at `pos`, compared without case.
bool word_is(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = s[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != word[i]) return false;
  }
  return !(pos + word.size() < s.size() && is_alpha(s[pos + word.size()]));
}

const english_word* english_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || !is_alpha(s[pos]) || (pos > 0 && is_alpha(s[pos - 1]))) return nullptr;
  const char first = static_cast<char>(s[pos] >= 'A' && s[pos] <= 'Z' ? s[pos] + 32 : s[pos]);
  for (const english_word& w : english_numbers) {
    if (w.text[0] == first && word_is(s, pos, w.text)) return &w;
  }
  return nullptr;
}

std::optional<std::pair<std::int64_t, std::size_t>> denominator_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || !is_alpha(s[pos]) || (pos > 0 && is_alpha(s[pos - 1]))) return std::nullopt;
  const char first = static_cast<char>(s[pos] >= 'A' && s[pos] <= 'Z' ? s[pos] + 32 : s[pos]);
  for (const auto& [word, value] : denominators) {
    if (word[0] == first && word_is(s, pos, word)) return std::pair{value, pos + word.size()};
  }
  return std::nullopt;
}

// Between two number words: spaces, or a hyphen with optional spaces (fifty-two, fifty - two).
std::size_t word_gap(std::string_view s, std::size_t p) {
  std::size_t q = p;
  while (q < s.size() && s[q] == ' ') ++q;
  if (q < s.size() && s[q] == '-') {
    ++q;
    while (q < s.size() && s[q] == ' ') ++q;
  }
  return q;
}

struct words_value {
  std::int64_t value = 0;
  std::size_t end = 0;
  std::size_t words = 0;
  int last_power = 0;  // the last scale read: 3 after "two thousand"
};

// A whole number in words: `three hundred and thirty one`, `twenty-one trillion three hundred`,
// `13 lakh` after digits is the scale step in match_quantity, not here.
std::optional<words_value> integer_words(std::string_view s, std::size_t pos, bool stop_before_fraction,
                                         bool scale_may_lead = false) {
  std::int64_t total = 0;
  std::int64_t group = 0;
  std::optional<word_role> last;
  words_value out;
  std::size_t p = pos;
  std::size_t end = pos;
  for (;;) {
    const std::size_t at = out.words == 0 ? p : word_gap(s, p);
    const english_word* w = english_at(s, at);
    if (w == nullptr && out.words > 0 && word_is(s, at, "and") && last &&
        (*last == word_role::hundred || *last == word_role::scale)) {
      // one hundred and six; two thousand and two hundred; not `three and a half`.
      const std::size_t next = word_gap(s, at + 3);
      const english_word* after = english_at(s, next);
      if (after == nullptr || after->role == word_role::scale || after->role == word_role::dozen) break;
      if (stop_before_fraction) {
        auto rest = integer_words(s, next, false);
        if (rest && denominator_at(s, word_gap(s, rest->end))) break;
      }
      w = after;
      p = next;
    } else {
      if (w == nullptr) break;
      p = at;
    }
    if (w->role == word_role::dozen) break;
    // billion-dollar, hundreds: a scale word needs a number before it ("a" is read by the caller).
    if (out.words == 0 && (w->role == word_role::scale || w->role == word_role::hundred) && !scale_may_lead) return std::nullopt;
    bool ok = true;
    switch (w->role) {
      case word_role::digit:
      case word_role::teen:
        if (last && (*last == word_role::digit || *last == word_role::teen)) ok = false;
        if (last && *last == word_role::tens && w->role == word_role::teen) ok = false;
        if (last && *last == word_role::tens && w->value == 0) ok = false;
        if (ok) group += w->value;
        break;
      case word_role::tens:
        if (last && (*last == word_role::digit || *last == word_role::teen || *last == word_role::tens)) ok = false;
        if (ok) group += w->value;
        break;
      case word_role::hundred:
        if (group >= 100 || (last && *last == word_role::hundred)) ok = false;
        if (ok) group = (group == 0 ? 1 : group) * 100;
        break;
      case word_role::scale: {
        std::int64_t unit = 1;
        for (int i = 0; i < w->value; ++i) unit *= 10;
        if (group == 0 && last && *last == word_role::scale) {
          if (total > 9'000'000'000'000'000 / unit) return std::nullopt;
          total *= unit;  // three lakh crore
        } else {
          if (group > 9'000'000'000'000'000 / unit) return std::nullopt;
          total += (group == 0 ? 1 : group) * unit;
        }
        group = 0;
        out.last_power = static_cast<int>(w->value);
        break;
      }
      case word_role::dozen:
        break;
    }
    if (!ok) break;
    last = w->role;
    p += w->text.size();
    end = p;
    ++out.words;
  }
  if (out.words == 0) return std::nullopt;
  out.value = total + group;
  out.end = end;
  return out;
}

}  // namespace

std::optional<number_token> read_english(std::string_view s, std::size_t pos) {
  if (pos > 0 && is_alpha(s[pos - 1])) return std::nullopt;
  number_token out;
  out.words = true;
  std::size_t p = pos;
  std::optional<words_value> whole;
  // a dozen, a hundred, a million; a half (of): "a" is one only before these.
  if (word_is(s, pos, "a") || word_is(s, pos, "an")) {
    const std::size_t next = word_gap(s, pos + (word_is(s, pos, "a") ? 1 : 2));
    const english_word* w = english_at(s, next);
    if (w != nullptr && (w->role == word_role::hundred || w->role == word_role::scale || w->role == word_role::dozen)) {
      // a hundred thousand reads on from the scale word as if "one" stood before it
      whole = w->role == word_role::dozen ? std::optional<words_value>(words_value{1, next, 1, 0}) : integer_words(s, next, true, true);
    } else if (auto d = denominator_at(s, next); d && starts_with(s, d->second, " of")) {
      out.value = divide(1, d->first);
      out.end = d->second;
      out.fraction = true;
      out.ratio = true;
      out.english_words = 2;
      return out;
    } else {
      return std::nullopt;
    }
  } else if (word_is(s, pos, "half") || word_is(s, pos, "quarter")) {
    // half a million, half a dozen, quarter million
    const bool is_half = word_is(s, pos, "half");
    std::size_t next = word_gap(s, pos + (is_half ? 4 : 7));
    if (word_is(s, next, "a")) next = word_gap(s, next + 1);
    const english_word* w = english_at(s, next);
    if (w == nullptr || !(w->role == word_role::scale || w->role == word_role::dozen || w->role == word_role::hundred)) return std::nullopt;
    const decimal part = is_half ? decimal{5, -1} : decimal{25, -2};
    out.value = w->role == word_role::dozen ? decimal{is_half ? 6 : 3, 0} : scale10(part, static_cast<int>(w->value));
    out.end = next + w->text.size();
    out.fraction = true;
    out.english_words = 2;
    return out;
  } else {
    whole = integer_words(s, pos, true);
  }
  if (!whole) return std::nullopt;
  p = whole->end;
  out.english_words = whole->words;
  std::int64_t value = whole->value;
  // dozens: 3 dozens is 36, half a dozen is 6
  {
    const std::size_t q = word_gap(s, p);
    if (const english_word* w = english_at(s, q); w != nullptr && w->role == word_role::dozen) {
      out.value = decimal{value * 12, 0};
      out.end = q + w->text.size();
      ++out.english_words;
      return out;
    }
  }
  // two thirds, five-eighths (the number read so far is the numerator)
  if (whole->last_power == 0) {
    if (auto d = denominator_at(s, word_gap(s, p)); d && value > 0) {
      out.value = divide(value, d->first);
      out.end = d->second;
      out.fraction = true;
      out.ratio = true;
      out.english_words += 1;
      return out;
    }
  }
  decimal result{value, 0};
  // one and a half, five and a quarter, twenty and three fifths
  {
    const std::size_t q = word_gap(s, p);
    if (word_is(s, q, "and")) {
      std::size_t r = word_gap(s, q + 3);
      std::int64_t numerator = 0;
      std::size_t after = r;
      if (word_is(s, r, "a") || word_is(s, r, "an")) {
        numerator = 1;
        after = r + (word_is(s, r, "a") ? 1 : 2);
      } else if (auto n = integer_words(s, r, false); n && n->last_power == 0) {
        numerator = n->value;
        after = n->end;
      }
      if (numerator > 0) {
        if (auto d = denominator_at(s, word_gap(s, after))) {
          decimal part = divide(numerator, d->first);
          const english_word* scale_after = english_at(s, word_gap(s, d->second));
          if (whole->last_power > 0 && scale_after != nullptr && scale_after->role == word_role::scale) {
            part = scale10(part, static_cast<int>(scale_after->value));  // one billion and a half million
            d->second = word_gap(s, d->second) + scale_after->text.size();
          } else if (whole->last_power > 0) {
            part = scale10(part, whole->last_power);  // one million and a half
          }
          if (auto sum = add(result, part)) {
            result = *sum;
            p = d->second;
            out.fraction = true;
            out.english_words += 3;
          }
        }
      }
    }
  }
  // two hundred point zero three, nine point nought four
  if (!out.fraction) {
    const std::size_t q = word_gap(s, p);
    if (word_is(s, q, "point")) {
      std::string digits;
      std::size_t r = q + 5;
      for (;;) {
        const std::size_t at = word_gap(s, r);
        const english_word* w = english_at(s, at);
        if (w == nullptr || !(w->role == word_role::digit || w->role == word_role::teen || w->role == word_role::tens)) break;
        if (w->role == word_role::tens) {
          auto n = integer_words(s, at, false);
          if (!n || n->value >= 100) break;
          digits += std::to_string(n->value);
          r = n->end;
          break;
        }
        digits += std::to_string(w->value);
        r = at + w->text.size();
      }
      if (!digits.empty()) {
        if (auto v = decimal::parse(std::to_string(value) + "." + digits)) {
          result = *v;
          p = r;
          out.fraction = true;
        }
      }
    }
  }
  // five and a half million
  if (out.fraction && whole->last_power == 0) {
    const std::size_t q = word_gap(s, p);
    if (const english_word* w = english_at(s, q); w != nullptr && w->role == word_role::scale) {
      result = scale10(result, static_cast<int>(w->value));
      p = q + w->text.size();
    }
  }
  out.value = result;
  out.end = p;
  return out;
}

}  // namespace checker::detail
