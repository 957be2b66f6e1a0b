// Quantity mentions: money, percentages, counts, durations and plain numbers, with the scale
// words, currency, unit, hedge and rate ("per GPU hour") around the number.
#include <array>
#include <cctype>
#include <string>
#include <tuple>

#include "recognize/scanner.h"

namespace checker::detail {
namespace {

bool is_cjk_at(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  const char32_t cp = pos < s.size() ? decode(s, pos, &n) : 0;
  return cp >= 0x3400 && cp <= 0x9FFF;
}

// `ASCII word`s must end at a word boundary; CJK words need no boundary.
bool fits_boundary(std::string_view s, std::size_t end, std::string_view word) {
  if (word.empty() || !is_alpha(word.back())) return true;
  return !(end < s.size() && is_alpha(s[end]));
}

// Quote marks and spaces that may stand between a hedge and its number: 远超“1亿美元”.
std::size_t skip_quotes_back(std::string_view s, std::size_t pos) {
  for (;;) {
    const std::size_t before = pos;
    pos = skip_spaces_back(s, pos);
    for (std::string_view q : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\"", "'", "\xE3\x80\x8C"}) {
      if (ends_with(s, pos, q)) pos -= q.size();
    }
    if (pos == before) return pos;
  }
}

// Words that follow an English number without being what it counts.
bool is_function_word(std::string_view word) {
  static constexpr std::array<std::string_view, 52> words{
      "of", "to", "the", "and", "or", "in", "on", "at", "is", "are", "was", "were", "a", "an", "for",
      "by", "with", "from", "as", "that", "this", "it", "its", "than", "per", "be", "has", "have", "had", "into",
      "after", "before", "since", "until", "when", "while", "where", "which", "who", "but", "so", "if",
      "amid", "during", "over", "under", "across", "through", "onto", "upon", "will", "would"};
  for (std::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

std::string_view ascii_word_at(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  while (end < s.size() && (is_alpha(s[end]) || (end > pos && s[end] == '-' && end + 1 < s.size() && is_alpha(s[end + 1])))) ++end;
  return s.substr(pos, end - pos);
}

// A Latin-script name glued after a classifier or number: H800 in 512张H800GPU.
std::string_view latin_token_at(std::string_view s, std::size_t pos) {
  return s.substr(pos, latin_token_end(s, pos, s.size()) - pos);
}

struct unit_match {
  claim_kind kind = claim_kind::number;
  std::string unit;
  decimal factor{1, 0};
  std::string unit_text;
  std::string counted;
  std::optional<std::size_t> currency;  // index into lexicon currency codes
  std::size_t end = 0;
};

// The unit after a number (at `p`), longest match across currencies, units and classifiers.
std::optional<unit_match> unit_after(const scan_context& ctx, std::size_t p) {
  const std::string_view s = ctx.text;
  const lexicon& lex = *ctx.lex;
  const std::size_t q = skip_spaces(s, p);
  const bool spaced = q > p;
  std::optional<unit_match> best;
  auto consider = [&](std::size_t at, std::size_t length, unit_match candidate) {
    const std::string_view word = s.substr(at, length);
    if (!fits_boundary(s, at + length, word)) return;
    // A space between number and unit: English usage, a currency symbol standing apart (10 €),
    // or Chinese text spaced around its Arabic digits (售出 300 萬份). Not other symbols.
    if (spaced && !is_alpha(word.front()) && word != "%" && word.front() != '-' && !is_cjk_at(s, at) &&
        !(candidate.kind == claim_kind::money)) {
      return;
    }
    // 2023 年, 8 月 25 日 in spaced text are dates (read elsewhere), never durations.
    if (spaced && is_cjk_at(s, at) && candidate.kind == claim_kind::duration) return;
    // %E4%BD, 30%25: percent-encoding in an address, not a percentage.
    const auto hex = [&](std::size_t i) { return i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i])) != 0; };
    if (word == "%" && hex(at + 1) && hex(at + 2)) return;
    candidate.unit_text = std::string(word);
    candidate.end = at + length;
    if (!best || candidate.end > best->end) best = std::move(candidate);
  };
  for (std::size_t at : {p, q}) {
    if (auto m = lex.currency_suffixes.longest_at(s, at)) {
      unit_match u;
      u.kind = claim_kind::money;
      u.currency = m->payload;
      u.unit = lex.currency_codes[m->payload];
      consider(at, m->length, u);
    }
    if (auto m = lex.units.longest_at(s, at)) {
      const unit_entry& entry = lex.unit_entries[m->payload];
      unit_match u;
      u.kind = entry.kind;
      u.unit = entry.unit;
      u.factor = entry.factor;
      if (entry.kind == claim_kind::count) u.counted = entry.unit;
      // Single letters (x, h) only when glued to the number: `3x`, `80h`.
      if (m->length > 1 || at == p) consider(at, m->length, u);
    }
    if (auto m = lex.currency_subunits.longest_at(s, at); m && lex.currency_subunit_entries[m->payload].alone) {
      // 50 cents, 470 pence, 三美分: money in the unit below the main one.
      const lexicon::subunit_entry& entry = lex.currency_subunit_entries[m->payload];
      unit_match u;
      u.kind = claim_kind::money;
      u.unit = entry.code;
      u.factor = entry.factor;
      consider(at, m->length, u);
    }
    if (at == p) {
      if (auto m = lex.classifiers.longest_at(s, at)) {
        unit_match u;
        u.kind = claim_kind::count;
        u.unit = "count";
        consider(at, m->length, u);
      }
    }
    if (at == q && spaced) {
      // 64-page is handled below; here: 512 H800 GPUs, eight external experts, 671 billion parameters
      if (auto m = lex.counted_nouns.longest_at(s, at); m && fits_boundary(s, at + m->length, s.substr(at, m->length))) {
        unit_match u;
        u.kind = claim_kind::count;
        u.unit = "count";
        u.counted = lex.counted_ids[m->payload];
        consider(at, m->length, u);
      }
    }
  }
  // 64-page
  if (p < s.size() && s[p] == '-') {
    if (auto m = lex.units.longest_at(s, p + 1);
        m && (lex.unit_entries[m->payload].kind == claim_kind::count || lex.unit_entries[m->payload].kind == claim_kind::number)) {
      // 64-page, 6.7-inch
      unit_match u;
      u.kind = lex.unit_entries[m->payload].kind;
      u.unit = lex.unit_entries[m->payload].unit;
      u.factor = lex.unit_entries[m->payload].factor;
      if (u.kind == claim_kind::count) u.counted = u.unit;
      u.unit_text = std::string(s.substr(p, m->length + 1));
      u.end = p + 1 + m->length;
      if (fits_boundary(s, u.end, s.substr(p + 1, m->length)) && (!best || u.end > best->end)) best = u;
    }
  }
  return best;
}

// What a count counts, read after its classifier: 512张H800 -> H800, 8位外部专家 -> expert.
// A mark that ends the phrase of a figure: what a figure counts is never past it (in
// `451人、台电天祥站9人` the 台 begins the next item of the list, it does not count devices).
bool ends_the_phrase(char32_t c) {
  switch (c) {
    case U',': case U';': case U':': case U'(': case U')': case U'!': case U'?':
    case U'\u3001': case U'\u3002': case U'\uFF0C': case U'\uFF1B': case U'\uFF1A': case U'\uFF08': case U'\uFF09':
    case U'\uFF01': case U'\uFF1F': case U'\u300C': case U'\u300D': case U'\u300E': case U'\u300F': case U'\u3010': case U'\u3011':
      return true;
    default:
      return false;
  }
}

std::string counted_after(const scan_context& ctx, std::size_t p, std::size_t* end) {
  const std::string_view s = ctx.text;
  const std::size_t window_end = std::min(ctx.sentence_end, p + 12);  // up to four CJK characters
  for (std::size_t at = skip_spaces(s, p); at < window_end;) {
    std::size_t length = 0;
    if (ends_the_phrase(decode(s, at, &length))) break;
    if (is_alpha(s[at]) && !(at > 0 && is_alnum(s[at - 1]))) {
      std::string_view token = latin_token_at(s, at);
      if (has_digit(token)) {
        *end = at + token.size();
        return std::string(without_gpu_suffix(token));
      }
    }
    if (auto m = ctx.lex->counted_nouns.longest_at(s, at)) {
      *end = at + m->length;
      return ctx.lex->counted_ids[m->payload];
    }
    std::size_t n = 0;
    decode(s, at, &n);
    at += n;
  }
  return {};
}

void apply_hedge_before(const scan_context& ctx, std::size_t begin, mention& m) {
  const std::string_view s = ctx.text;
  const std::size_t at = skip_quotes_back(s, begin);
  if (at <= ctx.sentence_begin) return;
  auto h = ctx.lex->hedges_before.longest_ending_at(s, at);
  if (!h) return;
  const std::size_t start = at - h->length;
  if (start < ctx.sentence_begin) return;
  const std::string_view word = s.substr(start, h->length);
  if (is_alpha(word.front()) && start > 0 && is_alpha(s[start - 1])) return;  // `moreover 10`
  m.hedge = ctx.lex->hedge_entries[h->payload].kind;
  m.hedge_text = std::string(word);
  m.span.begin = start;
}

void apply_hedge_after(const scan_context& ctx, std::size_t end, mention& m) {
  const std::string_view s = ctx.text;
  const std::size_t at = skip_spaces(s, end);
  auto h = ctx.lex->hedges_after.longest_at(s, at);
  if (!h || at + h->length > ctx.sentence_end) return;
  const std::string_view word = s.substr(at, h->length);
  if (!fits_boundary(s, at + h->length, word)) return;
  if (word == "多" || word == "余") {
    // 多 and 余 mark "more than" only right after a number or unit: 80多个, 1万余元.
    if (at != end) return;
    // 多年, 多次 after a figure are new words, not hedges.
    std::size_t n = 0;
    if (at + h->length < s.size()) {
      const char32_t next = decode(s, at + h->length, &n);
      if (next == U'\u5E74' || next == U'\u6B21' || next == U'\u4E2A' || next == U'\u79CD') return;
    }
  }
  if (m.hedge == hedge_kind::none) {
    m.hedge = ctx.lex->hedge_entries[h->payload].kind;
    m.hedge_text = std::string(word);
  }
  m.span.end = at + h->length;
}

// 每GPU小时2美元 -> `GPU小时`; 每百万输入tokens的成本0.5元 -> `百万输入tokens`.
std::string rate_before(const scan_context& ctx, std::size_t begin) {
  const std::string_view s = ctx.text;
  std::size_t clause_begin = begin;
  while (clause_begin > ctx.sentence_begin) {
    const std::size_t prev = previous(s, clause_begin);
    const std::string_view ch = s.substr(prev, clause_begin - prev);
    if (ch == "," || ch == "，" || ch == "；" || ch == ";" || ch == "。") break;
    clause_begin = prev;
  }
  const std::string_view clause = s.substr(clause_begin, begin - clause_begin);
  const std::size_t mei = clause.rfind("每");
  if (mei == std::string_view::npos) return {};
  std::string_view rest = clause.substr(mei + 3);
  for (std::string_view stop : {"的", "则", "为", "是", "需", "仅", "约", "达", "要", "花", "最", "只", "都", "也", "在", "售", "价", "收"}) {
    const std::size_t cut = rest.find(stop);
    if (cut != std::string_view::npos) rest = rest.substr(0, cut);
  }
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.empty() || rest.size() > 30) return {};
  return std::string(rest);
}

// $2 per GPU hour -> `GPU hour` (up to three words).
std::string rate_after(const scan_context& ctx, std::size_t end, std::size_t* new_end) {
  const std::string_view s = ctx.text;
  std::size_t p = skip_spaces(s, end);
  std::size_t words_start = 0;
  if (starts_with(s, p, "per ") || starts_with(s, p, "a ") || starts_with(s, p, "an ")) {
    words_start = p + (s[p] == 'p' ? 4 : starts_with(s, p, "an ") ? 3 : 2);
  } else if (p < s.size() && s[p] == '/' && p + 1 < s.size() && (is_alpha(s[p + 1]) || is_cjk_at(s, p + 1))) {
    words_start = p + 1;
  } else {
    return {};
  }
  std::size_t q = words_start;
  std::size_t last = words_start;
  for (int word = 0; word < 3; ++word) {
    const std::string_view w = latin_token_at(s, q);
    if (w.empty() || (word > 0 && is_function_word(w))) break;
    q += w.size();
    last = q;
    if (q >= s.size() || s[q] != ' ') break;
    ++q;
  }
  if (last == words_start) return {};
  // "a year earlier", "a month ago": a time phrase, not a rate.
  for (std::string_view tail : {" earlier", " ago", " before", " later"}) {
    if (starts_with(s, last, tail)) return {};
  }
  if (s[p] == 'a' && !starts_with(s, words_start, "GPU") && !starts_with(s, words_start, "month") &&
      !starts_with(s, words_start, "year") && !starts_with(s, words_start, "hour") && !starts_with(s, words_start, "day")) {
    return {};  // "a" + noun is a rate only for a few time and resource units
  }
  *new_end = last;
  return std::string(s.substr(words_start, last - words_start));
}

// The integer a decimal holds, if it holds one that fits: 一百万 is {100, 4}.
std::optional<std::int64_t> as_integer(decimal value) {
  while (value.exponent < 0) {
    if (value.mantissa % 10 != 0) return std::nullopt;
    value.mantissa /= 10;
    ++value.exponent;
  }
  for (; value.exponent > 0; --value.exponent) {
    if (value.mantissa > 900'000'000'000'000'000 || value.mantissa < -900'000'000'000'000'000) return std::nullopt;
    value.mantissa *= 10;
  }
  return value.mantissa;
}

// Where a minus sign before the number at `number_begin` starts: -22.2%, 负3.9%, minus 5,
// negative one. Not a hyphen inside a token (A-1, 2020-21, 2^-1) or a doubled sign.
std::optional<std::size_t> sign_before(const scan_context& ctx, std::size_t number_begin) {
  const std::string_view s = ctx.text;
  if (number_begin <= ctx.sentence_begin) return std::nullopt;
  // The last byte of every sign: - (2D), U+2212 (92), U+FF0D (8D), 负 (9F), 負 (A0), a space before a word.
  const unsigned char last = static_cast<unsigned char>(s[number_begin - 1]);
  if (last != '-' && last != 0x92 && last != 0x8D && last != 0x9F && last != 0xA0 && last != ' ') return std::nullopt;
  for (std::string_view minus : {"-", "\xE2\x88\x92", "\xEF\xBC\x8D", "负", "負"}) {
    if (!ends_with(s, number_begin, minus) || number_begin - minus.size() < ctx.sentence_begin) continue;
    const std::size_t at = number_begin - minus.size();
    if (minus == "负" || minus == "負") {
      // 负 must not end a word: 胜负3 is not minus three.
      if (ends_with(s, at, "胜") || ends_with(s, at, "勝") || ends_with(s, at, "正") || ends_with(s, at, "抱")) return std::nullopt;
      return at;
    }
    if (at > ctx.sentence_begin) {
      const char before = s[at - 1];
      if (is_alnum(before) || before == '-' || before == '.' || before == ')' || before == ']' || before == '^' || before == '/' ||
          before == '_' || ends_with(s, at, "\xEF\xBC\x8D") || ends_with(s, at, "\xE2\x88\x92")) {
        return std::nullopt;
      }
    }
    return at;
  }
  const std::size_t at = skip_spaces_back(s, number_begin);
  for (std::string_view word : {"minus", "negative", "Minus", "Negative"}) {
    if (at < number_begin && ends_with(s, at, word) && at - word.size() >= ctx.sentence_begin &&
        (at - word.size() == 0 || !is_alpha(s[at - word.size() - 1]))) {
      return at - word.size();
    }
  }
  return std::nullopt;
}

// ½, ⅔, ¾: the value and the byte length of a vulgar fraction character.
std::optional<std::pair<decimal, std::size_t>> vulgar_fraction_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || (static_cast<unsigned char>(s[pos]) != 0xC2 && static_cast<unsigned char>(s[pos]) != 0xE2)) return std::nullopt;
  static constexpr std::array<std::tuple<std::string_view, std::int64_t, std::int64_t>, 8> fractions{{
      {"\xC2\xBD", 1, 2}, {"\xC2\xBC", 1, 4}, {"\xC2\xBE", 3, 4}, {"\xE2\x85\x93", 1, 3}, {"\xE2\x85\x94", 2, 3},
      {"\xE2\x85\x95", 1, 5}, {"\xE2\x85\x99", 1, 6}, {"\xE2\x85\x9B", 1, 8}}};
  for (const auto& [text, top, bottom] : fractions) {
    if (starts_with(s, pos, text)) return std::pair{divide(top, bottom), text.size()};
  }
  return std::nullopt;
}

// 百分之, 千分之 (per mille), 万分之, 百万分之 at `pos`, with spaces allowed between the
// characters (百 分 之): where the numerator starts and the power of ten below percent.
std::optional<std::pair<std::size_t, int>> per_words_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || static_cast<unsigned char>(s[pos]) < 0xE4) return std::nullopt;
  static constexpr std::pair<std::string_view, int> places[] = {{"百", 2}, {"佰", 2}, {"千", 3}, {"仟", 3}, {"万", 4}, {"萬", 4}};
  int power = 0;
  std::size_t p = pos;
  const auto spaces = [&](std::size_t q) {
    while (q < s.size() && s[q] == ' ') ++q;
    return q;
  };
  for (bool any = true; any;) {
    any = false;
    for (const auto& [word, value] : places) {
      if (starts_with(s, p, word)) {
        power += value;
        p = spaces(p + word.size());
        any = true;
        break;
      }
    }
  }
  if (power < 2 || !starts_with(s, p, "分")) return std::nullopt;
  p = spaces(p + 3);
  if (!starts_with(s, p, "之")) return std::nullopt;
  return std::pair{spaces(p + 3), power - 2};
}

// True when a unit, classifier or currency starts at `p`: 七成六个 is not 七成六.
bool chinese_unit_follows(const scan_context& ctx, std::size_t p) {
  const lexicon& lex = *ctx.lex;
  return lex.units.longest_at(ctx.text, p).has_value() || lex.classifiers.longest_at(ctx.text, p).has_value() ||
         lex.currency_suffixes.longest_at(ctx.text, p).has_value();
}

// A number of the amount's sub-units right after it: 5元3毛, 50元6角三分, 两美元又三美分,
// 3 dollars 50 cents, thirteen dollars and forty-five cents; and 三块五 (五 is five 毛).
std::size_t add_subunits(const scan_context& ctx, amount_parts& amount, std::size_t p) {
  const std::string_view s = ctx.text;
  const lexicon& lex = *ctx.lex;
  for (int step = 0; step < 2; ++step) {
    std::size_t q = skip_spaces(s, p);
    if (starts_with(s, q, "and ")) q = skip_spaces(s, q + 4);
    if (starts_with(s, q, "又") || starts_with(s, q, "零")) q += 3;
    if (q >= s.size()) return p;
    std::optional<number_token> n = digit_at(s, q) ? read_arabic(s, q) : is_alpha(s[q]) ? read_english(s, q) : read_chinese(s, q);
    if (!n || n->scaled || (n->words && n->place_values && n->chinese_characters > 2)) return p;
    const std::size_t r = skip_spaces(s, n->end);
    auto sub = lex.currency_subunits.longest_at(s, r);
    if (sub && lex.currency_subunit_entries[sub->payload].code == amount.unit &&
        fits_boundary(s, r + sub->length, s.substr(r, sub->length))) {
      const lexicon::subunit_entry& entry = lex.currency_subunit_entries[sub->payload];
      auto part = multiply(n->value, entry.factor);
      if (!part) return p;
      auto main = multiply(amount.value, amount.factor);
      if (!main) return p;
      auto sum = add(*main, *part);
      if (!sum) return p;
      amount.value = *sum;
      amount.factor = decimal{1, 0};
      p = r + sub->length;
      continue;
    }
    // 15 dollars 50, thirteen dollars and forty-five: a two-digit number closing the clause
    // after a dollar amount is its cents.
    if (step == 0 && (amount.unit_text == "dollars" || amount.unit_text == "dollar" || amount.unit_text == "USD") && !n->fraction &&
        compare(n->value, decimal{100, 0}) < 0 && !n->value.is_zero()) {
      const std::size_t end = skip_spaces(s, n->end);
      if (end >= ctx.sentence_end || s[end] == '.' || s[end] == ',' || s[end] == ';' || s[end] == '!' || s[end] == '?' ||
          starts_with(s, end, "more")) {
        if (auto cents = multiply(n->value, decimal{1, -2})) {
          auto main = multiply(amount.value, amount.factor);
          if (main) {
            if (auto sum = add(*main, *cents)) {
              amount.value = *sum;
              amount.factor = decimal{1, 0};
              return n->end;
            }
          }
        }
      }
    }
    // 三块五, 五元五: one digit after the yuan, nothing after it, is that many 角.
    if (step == 0 && amount.unit == "CNY" && q == p && n->words && n->chinese_characters == 1 && !n->place_values &&
        (amount.unit_text == "块" || amount.unit_text == "元") && !chinese_unit_follows(ctx, n->end) &&
        !read_chinese(s, n->end)) {
      if (auto sum = add(amount.value, scale10(n->value, -1))) {
        amount.value = *sum;
        return n->end;
      }
    }
    return p;
  }
  return p;
}

// A dollar sign after the amount (10 $) that does not open the next amount ($30).
bool dollar_suffix_at(const scan_context& ctx, std::size_t p) {
  const std::string_view s = ctx.text;
  const std::size_t q = skip_spaces(s, p);
  if (!starts_with(s, q, ctx.lex->dollar_symbol)) return false;
  const std::size_t after = q + ctx.lex->dollar_symbol.size();
  return !(after < s.size() && (digit_at(s, after) || is_alnum(s[after])));
}

// 块 is the colloquial yuan when 钱 or a sub-unit amount follows (三块钱, 三块五) or a word of
// paying or pricing stands just before the number (花费我三块, 卖三块).
bool kuai_is_yuan(const scan_context& ctx, std::size_t number_begin, std::size_t unit_end) {
  const std::string_view s = ctx.text;
  if (auto next = read_chinese(s, unit_end);
      next && next->words && next->chinese_characters == 1 && !next->place_values && !chinese_unit_follows(ctx, next->end)) {
    return true;
  }
  static constexpr std::string_view money_words = "花付卖賣售价價赚賺赔賠值贵貴";
  std::size_t at = number_begin;
  for (int back = 0; back < 3 && at > ctx.sentence_begin; ++back) {
    at = previous(s, at);
    const std::string_view ch = s.substr(at, 3);
    for (std::size_t k = 0; k + 3 <= money_words.size(); k += 3) {
      if (money_words.substr(k, 3) == ch) return true;
    }
  }
  return false;
}

// Words that follow 折 or 成 without making a discount or a share: 折叠, 折合, 成为, 成本.
bool ends_share_word(std::string_view s, std::size_t p, std::string_view unit_text) {
  static constexpr std::string_view after_zhe = "叠合旧算返射腰断磨服中扣";
  static constexpr std::string_view after_cheng = "为立功本交员绩果长都型效熟年人品分就像不千群批";
  const std::string_view list = unit_text == "折" ? after_zhe : after_cheng;
  for (std::size_t k = 0; k + 3 <= list.size(); k += 3) {
    if (starts_with(s, p, list.substr(k, 3))) return true;
  }
  return false;
}

// 2024 in "the AIME 2024 competition": a year, unless a counted noun follows (2048 GPUs).
bool looks_like_year(const number_token& number) {
  return !number.words && !number.separators && !number.fraction && number.integer_digits == 4 &&
         number.value.exponent == 0 && number.value.mantissa >= 1900 && number.value.mantissa <= 2100;
}

// The lone-numeral rule (docs/recognition.md): a numeral with no unit, currency or noun is a
// figure when its form shows it is one. Arabic digits always are; Chinese numerals when they
// have two characters or more with a place value (一百五十二, 十五, 三点五), never a lone
// character (一, 三: 一些, 三星, 四川) or a digit string (九九); English words when they are not
// a bare `one` (one of them, no one).
bool lone_numeral_is_figure(const number_token& number) {
  if (!number.words) return true;
  if (number.english_words > 0) return !(number.english_words == 1 && number.value == decimal{1, 0}) || number.fraction;
  return (number.chinese_characters >= 2 && number.place_values) || number.fraction;
}

// True after a capitalised word and one space: `Llama 2`, `Step 3`.
bool follows_name_word(std::string_view s, std::size_t pos) {
  if (pos < 3 || s[pos - 1] != ' ' || !is_alpha(s[pos - 2])) return false;
  std::size_t start = pos - 2;
  while (start > 0 && is_alpha(s[start - 1])) --start;
  static constexpr std::string_view sentence_words[] = {"In", "On", "At", "By", "For", "From", "About", "Over", "Under", "Nearly",
                                                        "Only", "Just", "Some", "All", "The", "Top", "Page", "Chapter"};
  const std::string_view word = s.substr(start, pos - 1 - start);
  for (std::string_view w : sentence_words) {
    if (word == w) return false;
  }
  return is_upper(s[start]);
}

// True after an all-capitals token and one space: `AIME 2024`.
bool follows_capitalised_name(std::string_view s, std::size_t pos) {
  if (pos < 3 || s[pos - 1] != ' ') return false;
  std::size_t start = pos - 1;
  while (start > 0 && is_alpha(s[start - 1])) --start;
  const std::size_t length = pos - 1 - start;
  if (length < 2) return false;
  for (std::size_t i = start; i < pos - 1; ++i) {
    if (!is_upper(s[i])) return false;
  }
  return true;
}

}  // namespace

namespace {

// A mention of `kind` over [begin, end) of the sentence, with nothing else filled in yet.
mention bare_mention(const scan_context& ctx, std::size_t begin, std::size_t end, claim_kind kind) {
  mention m;
  m.span = byte_span{begin, end};
  m.text = std::string(ctx.text.substr(begin, end - begin));
  m.sentence = ctx.sentence_index;
  m.kind = kind;
  return m;
}

}  // namespace

std::optional<mention> match_quantity(const scan_context& ctx, std::size_t pos, std::size_t* skip_to) {
  const std::string_view s = ctx.text;
  const lexicon& lex = *ctx.lex;
  // 打对折: half price, 50 percent.
  if (static_cast<unsigned char>(s[pos]) == 0xE5 && (starts_with(s, pos, "对折") || starts_with(s, pos, "對折")) && ends_with(s, pos, "打")) {
    mention half_price = bare_mention(ctx, pos, pos + 6, claim_kind::percent);
    amount_parts parts;
    parts.value = decimal{50, 0};
    parts.unit = "percent";
    parts.unit_text = "对折";
    half_price.amount = parts;
    return half_price;
  }
  std::optional<number_token> number;
  bool percent_words = false;  // 百分之七十一
  bool half = false;           // 半年
  std::size_t core_begin = pos;
  std::optional<int> per_mille;  // 千分之一 is 0.1 percent: the power of ten below percent
  if (auto per = per_words_at(s, pos)) {
    core_begin = per->first;
    per_mille = per->second;
    number = read_chinese(s, core_begin, &lex);
    if (!number && (starts_with(s, core_begin, "百") || starts_with(s, core_begin, "佰"))) {
      number = number_token{decimal{100, 0}, core_begin + 3, 0, false, false, true};  // 百分之百
      number->chinese_characters = 1;
      number->place_values = true;
    }
    if (!number) return std::nullopt;
    percent_words = true;
  } else if (auto vulgar = vulgar_fraction_at(s, pos)) {
    number = number_token{vulgar->first, pos + vulgar->second, 0, false, true, false};
  } else if (digit_at(s, pos)) {
    number = read_chinese(s, pos, &lex);
    if (!number) {
      // A run of more digits than an exact decimal holds (a 400-digit number): one mention,
      // marked, so that normalise reports it instead of the run vanishing or splitting.
      std::size_t end = pos;
      std::size_t digits = 0;
      while (end < s.size() && (digit_at(s, end) || s[end] == ',' || s[end] == '.')) {
        if (auto d = digit_at(s, end)) {
          end += d->second;
          ++digits;
        } else {
          ++end;
        }
      }
      while (end > pos && !digit_at(s, end - 1)) --end;
      *skip_to = end;
      if (digits < 19) return std::nullopt;
      mention m = bare_mention(ctx, pos, end, claim_kind::number);
      m.too_long = true;
      return m;
    }
  } else if (starts_with(s, pos, "半")) {
    number = number_token{decimal{5, -1}, pos + 3, 0, false, true, true};
    half = true;
  } else if (is_alpha(s[pos])) {
    number = read_english(s, pos);
  } else {
    number = read_chinese(s, pos, &lex);
  }
  if (!number) return std::nullopt;
  // Scientific notation: 1.3e6, 1.3x10^6.
  if (!number->words && !number->scaled && number->end < s.size() &&
      (s[number->end] == 'e' || s[number->end] == 'E' || s[number->end] == 'x' || s[number->end] == 'X' || s[number->end] == '*' ||
       static_cast<unsigned char>(s[number->end]) == 0xC3)) {
    int power = 0;
    if (const std::size_t end = scientific_end(s, number->end, &power); end > number->end) {
      number->value = scale10(number->value, power);
      number->end = end;
      number->scaled = true;
    }
  }
  // A leading decimal point: .5 percent, .08 (not the end of `...9` or of a word).
  std::size_t number_begin = pos;
  if (!number->words && !number->scaled && !number->fraction && !number->separators && pos > ctx.sentence_begin && s[pos - 1] == '.' &&
      (pos - 1 == ctx.sentence_begin || (!is_alnum(s[pos - 2]) && s[pos - 2] != '.')) && is_digit(s[pos])) {
    std::string digits = "0.";
    for (std::size_t q = pos; q < number->end && is_digit(s[q]); ++q) digits += s[q];
    if (auto v = decimal::parse(digits)) {
      number->value = *v;
      number->fraction = true;
      number_begin = pos - 1;
    }
  }
  // 双十一, 十八大, 十全十美: a numeral inside a name or an idiom.
  if (number->words && !is_alpha(s[pos])) {
    for (std::size_t start : {pos, pos >= ctx.sentence_begin + 3 ? previous(s, pos) : pos}) {
      if (auto name = lex.numeral_names.longest_at(s, start); name && start + name->length > pos) {
        *skip_to = start + name->length;
        return std::nullopt;
      }
    }
  }
  if (number->financial && number->chinese_characters < 2 && !number->fraction && !percent_words &&
      !starts_with(s, skip_spaces(s, number->end), "又") && !starts_with(s, skip_spaces(s, number->end), "分")) {
    return std::nullopt;  // 收拾, 队伍, 陆地
  }
  const std::optional<std::size_t> sign = sign_before(ctx, number_begin);
  const bool arabic = !number->words;
  const bool english_words = number->words && is_alpha(s[pos]);
  std::size_t p = number->end;

  // Times of day (04:51, 9:30-18:30) and phone numbers (400-800-8888) are not figures.
  if (arabic && p + 1 < s.size() && (s[p] == ':' || starts_with(s, p, "：")) && digit_at(s, p + (s[p] == ':' ? 1 : 3))) {
    std::size_t q = p + (s[p] == ':' ? 1 : 3);
    while (q < s.size() && (is_digit(s[q]) || s[q] == ':' || s[q] == '-')) ++q;
    *skip_to = q;
    return std::nullopt;
  }
  // English clock times: 3.30 p.m., 8 a.m., 10pm (issue 13: "as of 3.30 p.m." is no count).
  if (arabic) {
    const std::size_t after = skip_spaces(s, p);
    for (std::string_view meridiem : {"a.m.", "p.m.", "a.m", "p.m", "am", "pm", "AM", "PM", "A.M.", "P.M."}) {
      if (starts_with(s, after, meridiem) && (after + meridiem.size() >= s.size() || !is_alnum(s[after + meridiem.size()]))) {
        *skip_to = after + meridiem.size();
        return std::nullopt;
      }
    }
  }
  // Chinese clock times: 9时5分, 8时47分30秒, 今日4时 (a bare 时 after a number is o'clock; a
  // duration says 小时), 晚上8点. Matching reads Traditional as Simplified, so 4時 and 8點 too.
  if (arabic && !number->fraction && (starts_with(s, p, "时") || (starts_with(s, p, "点") && !starts_with(s, p, "点多")))) {
    std::size_t q = p + 3;
    for (std::string_view part : {std::string_view("分"), std::string_view("秒")}) {
      std::size_t r = q;
      while (r < s.size() && is_digit(s[r])) ++r;
      if (r == q || !starts_with(s, r, part)) break;
      q = r + part.size();
    }
    const bool clock = q > p + 3 || starts_with(s, p, "时") || ends_with(s, pos, "晚上") || ends_with(s, pos, "上午") ||
                       ends_with(s, pos, "下午") || ends_with(s, pos, "凌晨") || ends_with(s, pos, "早上") || ends_with(s, pos, "日");
    if (clock) {
      *skip_to = q;
      return std::nullopt;
    }
  }
  if (arabic && p + 1 < s.size() && s[p] == '-' && is_digit(s[p + 1]) && !number->fraction) {
    std::size_t q = p + 1;
    while (q < s.size() && is_digit(s[q])) ++q;
    if (q + 1 < s.size() && s[q] == '-' && is_digit(s[q + 1])) {
      while (q < s.size() && (is_digit(s[q]) || s[q] == '-')) ++q;
      *skip_to = q;
      return std::nullopt;
    }
  }
  if (arabic && pos > 0 && (s[pos - 1] == '[' || ends_with(s, pos, "【")) && (p < s.size() && (s[p] == ']' || starts_with(s, p, "】")))) {
    *skip_to = p + 1;
    return std::nullopt;  // citation marker [3]
  }
  // A footnote number glued to the word before it: 据路透社报道3，. One or two digits right after
  // an ideograph and right before clause punctuation, with nothing that makes them a figure
  // (市盈率为15。 keeps its figure: a verb or preposition before the digits introduces a value).
  static constexpr std::string_view introduces_value = "为是达至到约共有超过比增降涨跌近逾余多等计合及和与或仅只";
  const auto value_word_before = [&] {
    const std::string_view before = s.substr(pos - 3, 3);
    for (std::size_t k = 0; k + 3 <= introduces_value.size(); k += 3) {
      if (introduces_value.substr(k, 3) == before) return true;
    }
    return false;
  };
  if (arabic && !number->fraction && number->end - pos <= 2 && pos >= 3 && static_cast<unsigned char>(s[pos - 3]) >= 0xE3 &&
      static_cast<unsigned char>(s[pos - 3]) <= 0xE9 && (starts_with(s, p, "，") || starts_with(s, p, "。") || starts_with(s, p, "；")) &&
      !value_word_before()) {
    *skip_to = p;
    return std::nullopt;
  }
  if (ends_with(s, pos, "第")) {
    *skip_to = p;
    return std::nullopt;  // ordinal: 第三位
  }
  const std::size_t before_number = skip_spaces_back(s, pos);
  const bool item_start = before_number == ctx.sentence_begin || ends_with(s, before_number, "；") ||
                          ends_with(s, before_number, ";") || ends_with(s, before_number, "：");
  if (arabic && item_start && p < s.size() &&
      (s[p] == ')' || starts_with(s, p, "、") || starts_with(s, p, "）") ||
       (s[p] == '.' && !(p + 1 < s.size() && is_digit(s[p + 1]))))) {
    *skip_to = p + 1;
    return std::nullopt;  // list numbering: 1. 2、 3)
  }

  // Version numbers: 3.1.2.
  if (arabic && number->fraction && p + 1 < s.size() && s[p] == '.' && is_digit(s[p + 1])) {
    std::size_t q = p;
    while (q < s.size() && (is_digit(s[q]) || s[q] == '.')) ++q;
    *skip_to = q;
    return std::nullopt;
  }
  // 前一天, 后一天: a day relative to an event, not a duration.
  if (!arabic && number->value == decimal{1, 0} && (ends_with(s, pos, "前") || ends_with(s, pos, "后"))) {
    *skip_to = p;
    return std::nullopt;
  }

  mention m;
  m.sentence = ctx.sentence_index;
  amount_parts amount;
  amount.value = number->value;
  const bool scaled_chain = number->scaled;
  bool more_between = false;  // 80多个小时: the 多 sits between number and unit

  // Fractions: 三十分之一, 一百分之五十五点五七九, 3分之1; and a whole number before 又 adds to
  // one: 三百五又三分之一, 负一又二分之一.
  const auto chinese_fraction_at = [&](const number_token& bottom) -> std::optional<std::pair<decimal, std::size_t>> {
    const std::size_t fen = skip_spaces(s, bottom.end);
    if (!starts_with(s, fen, "分") || !starts_with(s, skip_spaces(s, fen + 3), "之")) return std::nullopt;
    const std::size_t top_begin = skip_spaces(s, skip_spaces(s, fen + 3) + 3);
    const bool top_negative = starts_with(s, top_begin, "负") || starts_with(s, top_begin, "負");
    auto numerator = read_chinese(s, top_begin + (top_negative ? 3 : 0), &lex);
    auto denominator = as_integer(bottom.value);
    if (!numerator || !denominator || *denominator == 0) return std::nullopt;
    // A decimal numerator moves its point into the denominator.
    decimal top = numerator->value;
    while (top.exponent < 0 && *denominator < 100'000'000'000'000) {
      ++top.exponent;
      *denominator *= 10;
    }
    const auto top_integer = as_integer(top);
    if (!top_integer) return std::nullopt;
    decimal value = divide(*top_integer, *denominator);
    return std::pair{top_negative ? negate(value) : value, numerator->end};
  };
  std::optional<std::pair<decimal, std::size_t>> chinese_fraction;
  if (!english_words) {
    chinese_fraction = chinese_fraction_at(*number);
    const std::size_t you = skip_spaces(s, p);
    if (!chinese_fraction && starts_with(s, you, "又") && !number->fraction) {
      const std::size_t q = skip_spaces(s, you + 3);
      if (auto bottom = read_chinese(s, q, &lex)) {
        if (auto part = chinese_fraction_at(*bottom)) {
          if (auto sum = add(amount.value, part->first)) chinese_fraction = std::pair{*sum, part->second};
        }
      }
    }
  }
  if (chinese_fraction) {
    amount.value = sign ? negate(chinese_fraction->first) : chinese_fraction->first;
    amount.unit = "fraction";
    amount.unit_text = "分之";
    m.kind = claim_kind::number;
    m.span = byte_span{sign ? *sign : pos, chinese_fraction->second};
    m.amount = amount;
    apply_hedge_before(ctx, m.span.begin, m);
    m.text = std::string(s.substr(m.span.begin, m.span.size()));
    return m;
  }
  // 两个半小时, 三个半月, 一年半: a half after the unit's classifier or the unit.
  if (starts_with(s, p, "个半") && !number->fraction) {
    if (auto u = lex.units.longest_at(s, p + 6); u && lex.unit_entries[u->payload].kind == claim_kind::duration) {
      if (auto sum = add(amount.value, decimal{5, -1})) amount.value = *sum;
      p += 6;
    }
  }
  // Arabic fractions: 3/4, 1/10, 2 1/4 (proper fractions only; 24/7 and 50/50 are not).
  if (arabic && !scaled_chain && !number->separators && !number->fraction) {
    bool mixed = false;
    const auto fraction_at = [&](std::size_t at) -> std::optional<std::pair<decimal, std::size_t>> {
      auto top = read_arabic(s, at);
      if (!top || top->fraction || top->separators || top->end + 1 >= s.size() || s[top->end] != '/' || !is_digit(s[top->end + 1])) {
        return std::nullopt;
      }
      std::size_t q = top->end + 1;
      std::int64_t denominator = 0;
      while (q < s.size() && is_digit(s[q]) && denominator < 100000) denominator = denominator * 10 + (s[q++] - '0');
      const auto numerator = as_integer(top->value);
      if (!numerator || denominator == 0 || *numerator >= denominator || denominator > 1000 ||
          (q < s.size() && (s[q] == '/' || is_alnum(s[q])))) {
        return std::nullopt;
      }
      // 1/29, 03/14, 4/5: news writes month/day this way far more often than a fraction. Only a
      // share of something (1/2的努力, 3/4 of) or a mixed number (2 1/4) is read as a fraction then.
      const bool could_be_date = *numerator >= 1 && *numerator <= 12 && denominator <= 31;
      if (could_be_date && !mixed && !starts_with(s, q, "的") && !starts_with(s, skip_spaces(s, q), "of ")) return std::nullopt;
      return std::pair{divide(*numerator, denominator), q};
    };
    // Only text with a slash after the digits can hold a fraction.
    const auto slash_after = [&](std::size_t at) {
      while (auto d = digit_at(s, at)) at += d->second;
      return at < s.size() && s[at] == '/';
    };
    std::optional<std::pair<decimal, std::size_t>> fraction;
    if (p < s.size() && s[p] == '/') fraction = fraction_at(pos);
    if (!fraction && p < s.size() && s[p] == ' ' && slash_after(skip_spaces(s, p))) {
      mixed = true;
      if (auto part = fraction_at(skip_spaces(s, p))) {
        if (auto sum = add(number->value, part->first)) fraction = std::pair{*sum, part->second};
      }
    }
    if (fraction) {
      amount.value = sign ? negate(fraction->first) : fraction->first;
      amount.unit = "fraction";
      amount.unit_text = "/";
      m.kind = claim_kind::number;
      m.span = byte_span{sign ? *sign : pos, fraction->second};
      m.amount = amount;
      apply_hedge_before(ctx, m.span.begin, m);
      m.text = std::string(s.substr(m.span.begin, m.span.size()));
      return m;
    }
  }
  if (!number->words && (starts_with(s, p, "多") || starts_with(s, p, "余"))) {
    const std::size_t after = p + 3;
    if (lex.scales.longest_at(s, after) || lex.units.longest_at(s, after) || lex.classifiers.longest_at(s, after) ||
        lex.currency_suffixes.longest_at(s, after)) {
      more_between = true;
      p = after;
    }
  }

  // two thirds, a fifth of: a share of a whole, like 三十分之一.
  if (number->ratio) {
    amount.value = sign ? negate(amount.value) : amount.value;
    amount.unit = "fraction";
    amount.unit_text = std::string(s.substr(pos, p - pos));
    m.kind = claim_kind::number;
    m.span = byte_span{sign ? *sign : pos, p};
    m.amount = amount;
    apply_hedge_before(ctx, m.span.begin, m);
    m.text = std::string(s.substr(m.span.begin, m.span.size()));
    return m;
  }
  // Scale words: 29.4万, 2.09 million, 80亿 (Chinese place values are already in the chain).
  bool scaled = number->scaled;
  {
    const std::size_t q = skip_spaces(s, p);
    auto scale = lex.scales.longest_at(s, q);
    // $50m, $3b: one-letter scales only glued to a number that follows a currency sign.
    const bool letter_scale = scale && scale->length == 1 && is_alpha(s[q]);
    const bool unit_here = lex.units.longest_at(s, q).has_value() && scale &&
                           lex.units.longest_at(s, q)->length > scale->length;
    const bool after_currency = ends_with(s, skip_spaces_back(s, pos), lex.dollar_symbol) ||
                                lex.currency_prefixes.longest_ending_at(s, skip_spaces_back(s, pos)).has_value();
    // A Chinese numeral has taken every place value it can: 五十千 is not 50000.
    const bool chinese_numeral = number->words && !english_words;
    if (scale && !(chinese_numeral && !is_alpha(s[q])) && (q == p || is_alpha(s[q])) &&
        fits_boundary(s, q + scale->length, s.substr(q, scale->length)) && !half &&
        (!letter_scale || (q == p && after_currency)) && !unit_here) {
      // 万亿 vs 万: longest already; a Chinese scale directly after a Chinese numeral is part of it.
      amount.value = scale10(amount.value, static_cast<int>(scale->payload));
      p = q + scale->length;
      scaled = true;
      // 3 million and a half, 2 billion and a quarter: a share of the scale more.
      const std::size_t r = skip_spaces(s, p);
      if (r < s.size() && s[r] == 'a' && is_alpha(s[q])) {
        for (const auto& [tail, share] : {std::pair{std::string_view("and a half"), decimal{5, -1}},
                                          std::pair{std::string_view("and a quarter"), decimal{25, -2}}}) {
          if (starts_with(s, r, tail) && fits_boundary(s, r + tail.size(), tail)) {
            if (auto sum = add(amount.value, scale10(share, static_cast<int>(scale->payload)))) {
              amount.value = *sum;
              p = r + tail.size();
            }
            break;
          }
        }
      }
    }
  }

  // 3 dozens, 5 dz: twelve each.
  if (arabic && skip_spaces(s, p) < s.size() && s[skip_spaces(s, p)] == 'd') {
    const std::size_t q = skip_spaces(s, p);
    for (std::string_view dozen : {"dozens", "dozen", "dzs", "dozs"}) {
      if (starts_with(s, q, dozen) && fits_boundary(s, q + dozen.size(), dozen)) {
        if (auto v = multiply(amount.value, decimal{12, 0})) {
          amount.value = *v;
          p = q + dozen.size();
          scaled = true;
        }
        break;
      }
    }
  }
  // Ranges: 5%至10%, 5-10%, 12-28nm, 5 to 10 million.
  std::optional<decimal> range_end;
  const std::size_t begin_of_number = pos;
  // The scale of a range's second number also scales the first: 5-10万.
  std::optional<int> second_scale;
  // A range climbs: `242 people - 230 passengers` is a figure and an aside, not a range.
  auto ascends_to = [&](const decimal& second) {
    const decimal first = !scaled && second_scale ? scale10(amount.value, *second_scale) : amount.value;
    return compare(first, second) < 0;
  };
  auto read_range_end = [&](std::size_t at) -> std::optional<std::pair<decimal, std::size_t>> {
    second_scale.reset();
    std::size_t q = skip_spaces(s, at);
    std::size_t connector = 0;
    for (std::string_view c : {"-", "–", "—", "~", "～", "至", "到"}) {
      if (starts_with(s, q, c)) connector = c.size();
    }
    if (connector == 0 && (starts_with(s, q, "to ") || starts_with(s, q, "and "))) {
      // `5 to 10` is a range but `from 5 to 10` a change; `and` makes one only after `between`.
      const std::size_t before = skip_spaces_back(s, begin_of_number);
      const bool after_from = ends_with(s, before, "from") || ends_with(s, before, "From");
      const bool after_between = ends_with(s, before, "between") || ends_with(s, before, "Between");
      if (s[q] == 't' && !after_from) connector = 3;
      if (s[q] == 'a' && after_between) connector = 4;
    }
    if (connector == 0) return std::nullopt;
    std::size_t r = skip_spaces(s, q + connector);
    // $60 billion to $65 billion: the currency may repeat, if the first number had one.
    const std::size_t before_first = skip_spaces_back(s, begin_of_number);
    const bool first_has_currency = ends_with(s, before_first, lex.dollar_symbol) ||
                                    lex.currency_prefixes.longest_ending_at(s, before_first).has_value();
    if (first_has_currency && starts_with(s, r, lex.dollar_symbol)) {
      r += lex.dollar_symbol.size();
    } else if (auto prefix = lex.currency_prefixes.longest_at(s, r); first_has_currency && prefix) {
      r = skip_spaces(s, r + prefix->length);
    }
    std::optional<number_token> second = digit_at(s, r)                  ? read_arabic(s, r)
                                         : english_words && is_alpha(s[r]) ? read_english(s, r)
                                                                           : read_chinese(s, r);
    if (!second) return std::nullopt;
    if (arabic != !second->words) return std::nullopt;
    decimal value = second->value;
    std::size_t end = second->end;
    // "five to six million": the words read their own scale; it scales the first number too.
    if (english_words) {
      const std::size_t last_word = s.find_last_of(' ', end - 1);
      if (last_word != std::string_view::npos && last_word >= r) {
        const std::size_t w = last_word + 1;
        if (auto scale = lex.scales.longest_at(s, w); scale && w + scale->length == end) second_scale = static_cast<int>(scale->payload);
      }
      if (!ascends_to(value)) return std::nullopt;
      return std::pair{value, end};
    }
    const std::size_t t = skip_spaces(s, end);
    if (auto scale = lex.scales.longest_at(s, t); scale && fits_boundary(s, t + scale->length, s.substr(t, scale->length))) {
      value = scale10(value, static_cast<int>(scale->payload));
      end = t + scale->length;
      second_scale = static_cast<int>(scale->payload);
    }
    if (!ascends_to(value)) return std::nullopt;
    return std::pair{value, end};
  };
  auto accept_range = [&](const std::pair<decimal, std::size_t>& second) {
    range_end = second.first;
    p = second.second;
    if (!scaled && second_scale) amount.value = scale10(amount.value, *second_scale);  // 5-10万
  };
  // 八五折, 九 九 折: two lone Chinese digits before 折 are one two-digit discount.
  if (number->words && !english_words && number->chinese_characters == 1 && !number->place_values) {
    if (auto second = read_chinese(s, skip_spaces(s, p)); second && second->chinese_characters == 1 && !second->place_values &&
                                                           starts_with(s, skip_spaces(s, second->end), "折")) {
      if (auto v = add(scale10(amount.value, 1), second->value)) {
        amount.value = *v;
        p = skip_spaces(s, second->end);
      }
    }
  }
  std::optional<unit_match> unit = unit_after(ctx, p);
  if (unit && (unit->unit_text == "折" || unit->unit_text == "成")) {
    if (ends_share_word(s, unit->end, unit->unit_text)) {
      unit.reset();  // 折叠, 成为: a word, not a discount or a share
    } else {
      // 九折 is 90%, 7.5折 75%, but 75折 and 八五折 already say the percentage.
      if (unit->unit_text == "折" && compare(amount.value, decimal{10, 0}) >= 0) unit->factor = decimal{1, 0};
      // 七成六 is 76%, 三成半 35%: a digit or 半 right after 成 is the next tenth.
      if (unit->unit_text == "成") {
        if (starts_with(s, unit->end, "半")) {
          if (auto v = add(amount.value, decimal{5, -1})) amount.value = *v;
          unit->end += 3;
        } else if (auto tenth = read_chinese(s, skip_spaces(s, unit->end));
                   tenth && tenth->words && tenth->chinese_characters == 1 && !tenth->place_values && !tenth->fraction &&
                   !chinese_unit_follows(ctx, tenth->end)) {
          if (auto v = add(amount.value, scale10(tenth->value, -1))) amount.value = *v;
          unit->end = tenth->end;
        }
      }
    }
  }
  if (!unit) {
    if (auto second = read_range_end(p)) {
      // The unit follows the second number: 5-10%.
      auto second_unit = unit_after(ctx, second->second);
      if (second_unit || scaled) {
        accept_range(*second);
        unit = second_unit;
      }
    }
  }
  if (range_end && looks_like_year(*number) && unit && unit->unit_text == "年") {
    *skip_to = unit->end;
    return std::nullopt;  // 2022-2023年 names two years, not a duration
  }
  if (unit && unit->kind == claim_kind::duration && starts_with(s, unit->end, "半") && !range_end) {
    if (auto sum = add(amount.value, decimal{5, -1})) amount.value = *sum;  // 一年半
    unit->end += 3;
  }
  if (unit) {
    p = unit->end;
    if (!range_end) {
      if (auto second = read_range_end(p)) {
        auto second_unit = unit_after(ctx, second->second);
        if (second_unit && second_unit->unit == unit->unit) {  // 5%至10%
          accept_range(*second);
          p = second_unit->end;
        }
      }
    }
  }

  // Currency before the number: $294,000, US$6 million, 人民币209万元, RMB 2 million.
  std::size_t begin = pos;
  std::optional<std::size_t> prefix_currency;
  bool dollar_assumed = false;
  {
    const std::size_t at = skip_spaces_back(s, pos);
    // A currency word that ends the previous figure (4人民币 5美元) is not this one's prefix.
    if (auto m2 = lex.currency_prefixes.longest_ending_at(s, at);
        m2 && at - m2->length >= ctx.sentence_begin && at - m2->length >= ctx.previous_end) {
      const std::string_view word = s.substr(at - m2->length, m2->length);
      if (!(is_alpha(word.front()) && at - m2->length > 0 && is_alpha(s[at - m2->length - 1]))) {
        prefix_currency = m2->payload;
        begin = at - m2->length;
      }
    } else if (ends_with(s, at, lex.dollar_symbol) && at - lex.dollar_symbol.size() >= ctx.previous_end &&
               at - lex.dollar_symbol.size() >= ctx.sentence_begin) {
      begin = at - lex.dollar_symbol.size();  // $294,000, tokenised $ 75 million
      dollar_assumed = true;
    }
  }
  // Signs: -22.2%, 负3.9%, minus 5, negative one.
  bool negative = false;
  if (!prefix_currency && !dollar_assumed && !percent_words && !range_end) {
    if (sign) {
      negative = true;
      begin = *sign;
    } else {
      begin = number_begin;
    }
  }
  if (negative) amount.value = negate(amount.value);
  if (percent_words) {
    m.kind = claim_kind::percent;
    amount.unit = "percent";
    amount.unit_text = std::string(s.substr(pos, core_begin - pos));
    if (per_mille) amount.value = scale10(amount.value, -*per_mille);  // 千分之一 is 0.1%
  } else if (prefix_currency || dollar_assumed) {
    m.kind = claim_kind::money;
    if (prefix_currency) {
      amount.unit = lex.currency_codes[*prefix_currency];
    } else {
      amount.unit = lex.dollar_assumed;
      amount.currency_assumed = true;
    }
    if (unit && unit->kind == claim_kind::money) {
      // 人民币209万元, 新台币300万元: the prefix names the currency; a suffix such as 元 only
      // confirms it. A bare $ takes the suffix's currency: $5 USD.
      if (!prefix_currency) amount.unit = unit->unit;
      amount.currency_assumed = false;
      amount.unit_text = unit->unit_text;
    } else if (unit && unit->kind != claim_kind::money) {
      // $2 per ... or $5 billion; a unit that is not money after a currency is left as text.
      p = unit->end;
    }
  } else if (unit && unit->unit == "count" && arabic && !scaled && !number->separators && !number->fraction &&
             number->integer_digits <= 2 && follows_name_word(s, pos)) {
    // Nova 12起售价: a classifier-like character after a product's version number.
    *skip_to = p;
    return std::nullopt;
  } else if (!unit && dollar_suffix_at(ctx, p)) {
    // 10 $, 30 $: the sign after the amount, when no amount follows it.
    m.kind = claim_kind::money;
    amount.unit = lex.dollar_assumed;
    amount.currency_assumed = true;
    p = skip_spaces(s, p) + lex.dollar_symbol.size();
  } else if (unit && unit->unit_text == "块" && kuai_is_yuan(ctx, pos, unit->end)) {
    // 三块五, 三块钱, 花了三块: the colloquial yuan, not the classifier of 三块蛋糕.
    m.kind = claim_kind::money;
    amount.unit = "CNY";
    amount.unit_text = unit->unit_text;
  } else if (unit) {
    m.kind = unit->kind;
    amount.unit = unit->unit;
    amount.factor = unit->factor;
    amount.unit_text = unit->unit_text;
    amount.counted = unit->counted;
    if (m.kind == claim_kind::count && amount.counted.empty()) {
      std::size_t counted_end = p;
      amount.counted = counted_after(ctx, p, &counted_end);
      if (amount.counted.empty()) {
        // A classifier that is itself a counted noun (5200人, 3.5万辆) names what is counted.
        const auto own = lex.counted_nouns.longest_at(unit->unit_text, 0);
        amount.counted = own && own->length == unit->unit_text.size() ? lex.counted_ids[own->payload] : unit->unit_text;
      }
    }
  } else {
    // No unit: English counts (512 H800 GPUs), bare years (in 2023) or plain numbers.
    const std::size_t q = skip_spaces(s, p);
    if (q > p && q < s.size() && is_alpha(s[q])) {
      const std::string_view token = latin_token_at(s, q);
      const std::string_view word = ascii_word_at(s, q);
      if (has_digit(token) && is_upper(token.front())) {
        m.kind = claim_kind::count;
        amount.unit = "count";
        amount.counted = std::string(without_gpu_suffix(token));
      } else if (arabic && !scaled && !number->separators && !number->fraction && number->integer_digits <= 2 &&
                 follows_name_word(s, pos) && !lex.counted_nouns.longest_at(s, q)) {
        // Nova 12 went on sale, Llama 3 review: the number ends a product name.
        *skip_to = p;
        return std::nullopt;
      } else if ((english_words || arabic) && !word.empty() && word.front() >= 'a' && word.front() <= 'z' && !is_function_word(word) &&
                 !(arabic && !lex.counted_nouns.longest_at(s, q) && looks_like_year(*number))) {
        // 14 reviewers, eight external experts: the noun after the number is what it counts.
        if (auto counted = lex.counted_nouns.longest_at(s, q)) {
          amount.counted = lex.counted_ids[counted->payload];
          m.kind = claim_kind::count;
          amount.unit = "count";
        } else if (english_words || !number->fraction || scaled) {
          amount.counted = std::string(word);
          m.kind = claim_kind::count;
          amount.unit = "count";
        }
      }
    }
    if (m.kind == claim_kind::number) {
      if (arabic && !scaled && looks_like_year(*number) && follows_capitalised_name(s, pos)) {
        *skip_to = p;
        return std::nullopt;  // AIME 2024, WAIC 2024: an edition in a name, not a date
      }
      if (arabic && !scaled && looks_like_year(*number)) {
        date_parts parts;
        parts.year = static_cast<int>(number->value.mantissa);
        mention year = bare_mention(ctx, pos, p, claim_kind::date);
        year.date = parts;
        return year;
      }
      if (!arabic && !scaled && !lone_numeral_is_figure(*number) && !(sign && english_words)) return std::nullopt;  // bare 三, 一, one
      if (arabic && !scaled && !number->separators && number->integer_digits <= 2 && follows_name_word(s, pos)) {
        *skip_to = p;
        return std::nullopt;  // Llama 2, Step 3, Tech Space 2.0: a number that ends a name
      }
      if (arabic && !number->separators && !number->fraction && !scaled && number->integer_digits >= 5 && !sign) {
        *skip_to = p;
        return std::nullopt;  // identifiers: stock codes (600193), QQ numbers, order ids
      }
      if (arabic && pos > 0 && (s[pos - 1] == '(' || ends_with(s, pos, "（")) && p < s.size() &&
          (s[p] == ')' || starts_with(s, p, "）"))) {
        *skip_to = p + 1;
        return std::nullopt;  // (0), （1）: counters and numbering
      }
    }
  }
  if (!arabic && !english_words && m.kind == claim_kind::count && number->value == decimal{1, 0} && !scaled) {
    return std::nullopt;  // 一个, 一家: the indefinite article, not a count
  }
  if (english_words && number->value == decimal{1, 0} && !scaled && !unit && !sign) return std::nullopt;
  if (half && (!unit || unit->kind != claim_kind::duration)) return std::nullopt;  // 半 alone is not a figure

  if (more_between) {
    m.hedge = hedge_kind::more_than;
    m.hedge_text = std::string(s.substr(number->end, 3));
  } else if (number->approximate) {
    m.hedge = hedge_kind::more_than;  // 十多万, 五百余万
    m.hedge_text = "多";
  }
  if (m.kind == claim_kind::money) {
    // 75 USD million: a scale after the currency code still scales the amount.
    if (!scaled && unit && unit->kind == claim_kind::money && p == unit->end) {
      const std::size_t q = skip_spaces(s, p);
      if (auto scale = lex.scales.longest_at(s, q);
          scale && q > p && scale->length > 1 && fits_boundary(s, q + scale->length, s.substr(q, scale->length))) {
        amount.value = scale10(amount.value, static_cast<int>(scale->payload));
        p = q + scale->length;
        scaled = true;
      }
    }
    p = add_subunits(ctx, amount, p);
  }
  // Rates: 每GPU小时2美元, $2 per GPU hour.
  if (m.kind == claim_kind::money || m.kind == claim_kind::number) {
    amount.per = rate_before(ctx, begin);
    if (amount.per.empty()) {
      std::size_t rate_end = p;
      amount.per = rate_after(ctx, p, &rate_end);
      if (!amount.per.empty()) p = rate_end;
    }
  }
  amount.range_end = range_end;
  m.span = byte_span{begin, p};
  m.amount = amount;
  apply_hedge_before(ctx, begin, m);
  apply_hedge_after(ctx, p, m);
  m.text = std::string(s.substr(m.span.begin, m.span.size()));
  return m;
}

}  // namespace checker::detail
