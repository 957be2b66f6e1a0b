#pragma once
// Internals of the recognise stage: UTF-8 scanning and number reading. Not a public header.

#include <optional>
#include <string_view>

#include "lexicon/lexicon.h"
#include "model/claim.h"
#include "model/decimal.h"

namespace checker::detail {

/// The code point at `pos` and its length in bytes (U+FFFD, 1 for a stray byte).
char32_t decode(std::string_view s, std::size_t pos, std::size_t* length);
/// Start of the code point that ends at `pos`.
std::size_t previous(std::string_view s, std::size_t pos);
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
/// ASCII or full-width digit at `pos`: its value and byte length.
std::optional<std::pair<int, std::size_t>> digit_at(std::string_view s, std::size_t pos);
bool starts_with(std::string_view s, std::size_t pos, std::string_view word);
bool ends_with(std::string_view s, std::size_t pos, std::string_view word);
/// Skips ASCII spaces and tabs (and no-break spaces) from `pos`.
std::size_t skip_spaces(std::string_view s, std::size_t pos);
std::size_t skip_spaces_back(std::string_view s, std::size_t pos);
/// True when a word (ASCII letters) cannot continue across `pos` in either direction.
bool word_boundary(std::string_view s, std::size_t pos);
/// End of the Latin-script token at `pos`: letters and digits, joined by single `-`, `.` or `_`
/// (`DeepSeek-V3.1`, `GPT-4o`, `12-28nm`), not past `limit`.
std::size_t latin_token_end(std::string_view s, std::size_t pos, std::size_t limit);
bool has_digit(std::string_view s);
/// `H800` from `H800GPU` or `H800GPUs`: what a count counts is the chip, not the word GPU.
std::string_view without_gpu_suffix(std::string_view token);

/// A number as written: its exact value (precision in the exponent) and where it ends.
struct number_token {
  decimal value;
  std::size_t end = 0;
  std::size_t integer_digits = 0;
  bool separators = false;  // 294,000
  bool fraction = false;    // 29.4
  bool words = false;       // written in Chinese numerals or English words
  bool scaled = false;      // Arabic digits carried on by Chinese place values: 3万4000, 5千
  bool approximate = false; // 十多万: 多, 余 or 几 inside the numeral
  bool financial = false;   // 壹, 拾: anti-fraud numerals
  bool place_values = false;  // 十, 百, 千, 万, 亿 or 兆 inside the numeral
  std::size_t chinese_characters = 0;
  std::size_t english_words = 0;
  bool ratio = false;       // two thirds, a fifth of: a fraction of a whole
};

/// `294,000`, `29.4`, `１２` (ASCII or full-width digits, `,` thousands, `.` decimals).
std::optional<number_token> read_arabic(std::string_view s, std::size_t pos);
/// A numeral chain: `二十九万四千`, `两`, `七十一`, `五兆六十二亿`, `一万三` (13000), `壹佰伍拾`,
/// `十五点七`, and Arabic digits carried on by place values (`3万4000`, `5万4千6百`). A Chinese
/// start must be a digit character or 十. With `lex`, a place value that begins a unit word
/// after Arabic digits (`5千克`, `3兆瓦`) ends the chain.
std::optional<number_token> read_chinese(std::string_view s, std::size_t pos, const lexicon* lex = nullptr);
/// `numerator / denominator` to fifteen significant digits (exact when it terminates sooner).
decimal divide(std::int64_t numerator, std::int64_t denominator);
/// English number words: `eight`, `fifty two`, `three hundred and thirty one`, `twenty-one
/// trillion`, `a dozen`, `3 dozens`' word part, fractions (`two thirds`, `one and a half`, `a fifth
/// of`) and `point` decimals (`two hundred point zero three`). Whole words only.
std::optional<number_token> read_english(std::string_view s, std::size_t pos);

/// What the recognisers see: the whole text, the sentence being scanned and the lexicon.
struct scan_context {
  std::string_view text;
  std::size_t sentence_begin = 0;
  std::size_t sentence_end = 0;
  std::size_t sentence_index = 0;
  const lexicon* lex = nullptr;
  /// End of the previous figure in this sentence: a currency word before it belongs to that
  /// figure (`4人民币 5美元`), not to the next.
  std::size_t previous_end = 0;
};

/// End of a scientific notation that continues the number ending at `p` (`e10`, `E-4`,
/// `x10^6`, `×10^-4`), or `p` when there is none.
std::size_t scientific_end(std::string_view s, std::size_t p, int* power);

/// A time of day read at `pos` and where it ends (clocks.cpp).
struct clock_reading {
  clock_parts parts;
  std::size_t end = 0;
};
/// A time of day at `pos`: Chinese (上午7时58分, 十点, 21点整, 9点半, 7时58分许) or English (7:58am,
/// 9 a.m., 22:23, 09:27:29; without a half-day word only with a colon).
std::optional<clock_reading> read_clock(std::string_view s, std::size_t pos, const date_lexicon& words, half_day part = half_day::none);

/// Extends a date mention that names one day over a time of day written right after it
/// (8月20日上午10时, June 1 at 22:23), recording it in the date's parts.
void attach_clock(const scan_context& ctx, mention& date);
/// `7:58am on Wednesday`, `02:21 UT on May 8`: a time of day, then the day it is on, as one date.
std::optional<mention> match_clock_then_date(const scan_context& ctx, std::size_t pos);

/// A time of day with no day written with it (14時7分, 7:58am, 14:06 Beijing time): a date
/// mention whose parts hold only the clock; normalise dates it from a day just before it.
std::optional<mention> match_bare_clock(const scan_context& ctx, std::size_t pos);

/// A date starting at `pos`, or `std::nullopt`.
std::optional<mention> match_date(const scan_context& ctx, std::size_t pos);
/// A quantity (money, percent, count, duration, number) starting at `pos`, or `std::nullopt`.
/// `*skip_to` is set when the text at `pos` is a non-figure (a time, a phone number) to pass over.
std::optional<mention> match_quantity(const scan_context& ctx, std::size_t pos, std::size_t* skip_to);

}  // namespace checker::detail
