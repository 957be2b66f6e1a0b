// Date mentions: 2025年9月17日, 9月17日, 17日, 今年1月, 去年, 2025-09-18, September 17, 2025,
// 17 Sep 2025, early 2025, Q3 2025, this year, 4小时前, 次日. Parts are recorded as written;
// normalise fills in what is missing from the publication date or the preceding date.
#include <array>
#include <utility>

#include "recognize/scanner.h"

namespace checker::detail {
namespace {

// Words after `the same day` that define the day themselves: a clause (that, when, as) or a
// capitalised name opening one ("the same day Apple unveiled its phones").
bool names_its_own_day(std::string_view s, std::size_t end) {
  std::size_t at = end;
  while (at < s.size() && s[at] == ' ') ++at;
  if (at == end || at >= s.size()) return false;
  if (is_upper(s[at])) return true;
  for (std::string_view w : {"that ", "when ", "as ", "on which "}) {
    if (s.substr(at, w.size()) == w) return true;
  }
  return false;
}


struct word_offset {
  std::string_view word;
  int offset;
};

// Relative years and months in Chinese, longest first where one is a prefix of another.
constexpr std::array<word_offset, 7> relative_years{{
    {"今年", 0}, {"本年", 0}, {"去年", -1}, {"前年", -2}, {"明年", 1}, {"同年", 0}, {"当年", 0}}};
constexpr std::array<word_offset, 6> relative_months{{
    {"本月", 0}, {"当月", 0}, {"上个月", -1}, {"上月", -1}, {"下个月", 1}, {"下月", 1}}};
constexpr std::array<word_offset, 12> relative_days{{
    {"今天", 0}, {"今日", 0}, {"昨天", -1}, {"昨日", -1}, {"前天", -2}, {"明天", 1},
    {"同日", 100}, {"当日", 100}, {"当天", 100}, {"次日", 101}, {"翌日", 101}, {"同一天", 100}}};
// `同日`, `次日`: offsets from the preceding date in the text (100 + days), not from publication.

struct period_word {
  std::string_view word;
  date_period period;
};
constexpr std::array<period_word, 13> year_periods{{
    {"前三季度", date_period::first_three_quarters},
    {"年初", date_period::early}, {"年中", date_period::mid}, {"年底", date_period::late},
    {"年末", date_period::late}, {"上半年", date_period::first_half}, {"下半年", date_period::second_half},
    {"第一季度", date_period::q1}, {"第二季度", date_period::q2}, {"第三季度", date_period::q3},
    {"第四季度", date_period::q4}, {"初", date_period::early}, {"底", date_period::late}}};
constexpr std::array<period_word, 6> month_periods{{
    {"上旬", date_period::early}, {"中旬", date_period::mid}, {"下旬", date_period::late},
    {"初", date_period::early}, {"底", date_period::late}, {"末", date_period::late}}};

struct month_name {
  std::string_view name;
  unsigned month;
};
constexpr std::array<month_name, 24> month_names{{
    {"January", 1}, {"February", 2}, {"March", 3}, {"April", 4}, {"May", 5}, {"June", 6},
    {"July", 7}, {"August", 8}, {"September", 9}, {"October", 10}, {"November", 11}, {"December", 12},
    {"Jan", 1}, {"Feb", 2}, {"Mar", 3}, {"Apr", 4}, {"Jun", 6}, {"Jul", 7},
    {"Aug", 8}, {"Sept", 9}, {"Sep", 9}, {"Oct", 10}, {"Nov", 11}, {"Dec", 12}}};

std::optional<std::pair<unsigned, std::size_t>> month_name_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || (pos > 0 && is_alpha(s[pos - 1]))) return std::nullopt;
  // Every name starts with one of these capitals; most words do not, and this runs on many.
  switch (s[pos]) {
    case 'J': case 'F': case 'M': case 'A': case 'S': case 'O': case 'N': case 'D': break;
    default: return std::nullopt;
  }
  for (const month_name& m : month_names) {
    if (starts_with(s, pos, m.name) && word_boundary(s, pos + m.name.size()) &&
        !(pos + m.name.size() < s.size() && is_alpha(s[pos + m.name.size()]))) {
      std::size_t end = pos + m.name.size();
      const bool abbreviation = m.name.size() <= 4 && m.name != "June" && m.name != "July";
      if (abbreviation && end < s.size() && s[end] == '.') ++end;  // Jan., not the full stop after June
      return std::pair{m.month, end};
    }
  }
  return std::nullopt;
}

// Reads 1..max ASCII or full-width digits as an int.
std::optional<std::pair<int, std::size_t>> read_int(std::string_view s, std::size_t pos, std::size_t max_digits) {
  int value = 0;
  std::size_t count = 0;
  std::size_t p = pos;
  while (count < max_digits) {
    auto d = digit_at(s, p);
    if (!d) break;
    value = value * 10 + d->first;
    p += d->second;
    ++count;
  }
  if (count == 0 || digit_at(s, p)) return std::nullopt;  // more digits than a date part holds
  return std::pair{value, p};
}

// A month or day number in Arabic or Chinese numerals (9, 09, 九, 十七, 三十一) from 1 to 31.
// `\xE4\xB8\xA4` (liang) counts things and never numbers a month or day.
bool is_date_numeral(std::string_view s, std::size_t pos);

// A number read for a date part. Not an optional: GCC tests an optional's value before its
// flag here, which memory checkers report as a read of uninitialised memory.
struct date_number {
  bool found = false;
  int first = 0;           // the value
  std::size_t second = 0;  // where it ends
  explicit operator bool() const { return found; }
  const date_number* operator->() const { return this; }
};

date_number read_date_number(std::string_view s, std::size_t pos) {
  if (digit_at(s, pos)) {
    auto n = read_int(s, pos, 2);
    return n ? date_number{true, n->first, n->second} : date_number{};
  }
  if (!is_date_numeral(s, pos) || starts_with(s, pos, "\xE4\xB8\xA4")) return {};
  auto n = read_chinese(s, pos);
  if (!n || n->value.exponent != 0 || n->value.mantissa < 1 || n->value.mantissa > 31) return {};
  return date_number{true, static_cast<int>(n->value.mantissa), n->end};
}

bool is_chinese_numeral_at(std::string_view s, std::size_t pos) { return pos < s.size() && !digit_at(s, pos) && read_chinese(s, pos); }

// 2028年中国, 年底线: a period character that begins a longer word is not a period.
bool starts_word_with(std::string_view s, std::size_t after, std::string_view period) {
  static constexpr std::string_view joined[] = {"国", "文", "心", "央", "华", "部", "东", "西", "南", "北", "外", "方", "医", "线", "层", "薪"};
  if (period != "年中" && period != "中" && period != "年底" && period != "底") return false;
  for (std::string_view w : joined) {
    if (starts_with(s, after, w)) return true;
  }
  return false;
}

bool future_in_sentence(const scan_context& ctx, std::size_t pos);

mention make_date(const scan_context& ctx, std::size_t begin, std::size_t end, const date_parts& parts) {
  mention m;
  m.span = byte_span{begin, end};
  m.text = std::string(ctx.text.substr(begin, end - begin));
  m.sentence = ctx.sentence_index;
  m.kind = claim_kind::date;
  m.date = parts;
  // `will launch on June 5` in an April article: a month and day without a year after a future
  // cue lies ahead of publication, whatever the year it falls in.
  if (parts.month && !parts.year && !parts.year_offset && !parts.weekday && future_in_sentence(ctx, begin)) {
    m.date->place = weekday_place::on_or_after;
  }
  return m;
}

// Month and day after a year part: `9月17日`, `1月`, `年初`, `8月下旬`, `八月十五日`. After a
// year, a day in Chinese numerals may leave out 日 (二零零四年八月十五): `day_marker_optional`.
std::size_t read_month_day(std::string_view s, std::size_t p, date_parts& parts, bool day_marker_optional = false) {
  for (const word_offset& w : relative_months) {
    if (starts_with(s, p, w.word)) {
      parts.month_offset = w.offset;
      return p + w.word.size();
    }
  }
  // Arabic months over 12 are read (13月 is reported invalid); Chinese ones must be real months.
  if (auto month = read_date_number(s, p); month && (digit_at(s, p) || month->first <= 12) && starts_with(s, month->second, "月")) {
    parts.month = static_cast<unsigned>(month->first);
    p = month->second + 3;
    if (auto day = read_date_number(s, p); day && (starts_with(s, day->second, "日") || starts_with(s, day->second, "号"))) {
      parts.day = static_cast<unsigned>(day->first);
      return day->second + 3;
    } else if (day && day_marker_optional && is_chinese_numeral_at(s, p) && !digit_at(s, day->second)) {
      parts.day = static_cast<unsigned>(day->first);
      return day->second;
    }
    for (const period_word& w : month_periods) {
      if (starts_with(s, p, w.word)) {
        parts.period = w.period;
        return p + w.word.size();
      }
    }
  }
  return p;
}

std::optional<mention> match_relative_chinese(const scan_context& ctx, std::size_t pos);
std::optional<mention> match_digits_date(const scan_context& ctx, std::size_t pos);

std::optional<mention> match_chinese_or_iso(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  if (!digit_at(s, pos)) {
    if (auto relative = match_relative_chinese(ctx, pos)) return relative;
    return std::nullopt;
  }
  return match_digits_date(ctx, pos);
}

// 今(25)日, 昨（24）日, 今(6/25)日: Taiwan and Hong Kong papers put the day (or month/day) in
// brackets inside 今日 and 昨日. With a month it is a written date; with a day only it restates
// the day the word counts from publication.
std::optional<mention> match_bracketed_day(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  for (const word_offset& w : relative_days) {
    if (w.offset >= 100 || w.word.size() != 6 || w.word.substr(3) != "日" || !starts_with(s, pos, w.word.substr(0, 3))) continue;
    std::size_t p = pos + 3;
    const bool ascii_bracket = starts_with(s, p, "(");
    if (!ascii_bracket && !starts_with(s, p, "（")) return std::nullopt;
    p += ascii_bracket ? 1 : 3;
    date_parts parts;
    const auto first = read_int(s, p, 2);
    if (!first) return std::nullopt;
    p = first->second;
    if (p < s.size() && (s[p] == '/' || s[p] == '.')) {
      const auto day = read_int(s, p + 1, 2);
      if (!day) return std::nullopt;
      parts.month = static_cast<unsigned>(first->first);
      parts.day = static_cast<unsigned>(day->first);
      p = day->second;
    } else {
      parts.day_offset = w.offset;
    }
    const std::string_view close = ascii_bracket ? ")" : "）";
    if (!starts_with(s, p, close) || !starts_with(s, p + close.size(), "日")) return std::nullopt;
    return make_date(ctx, pos, p + close.size() + 3, parts);
  }
  return std::nullopt;
}

std::optional<mention> match_relative_chinese(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  date_parts parts;
  std::size_t p = pos;
  if (static_cast<unsigned char>(s[p]) < 0x80) return std::nullopt;
  if (auto bracketed = match_bracketed_day(ctx, pos)) return bracketed;
  // Relative words first: 今年1月, 去年, 本月, 昨天, 次日.
  for (const word_offset& w : relative_years) {
    if (!starts_with(s, p, w.word)) continue;
    if (w.word == "同年" || w.word == "当年") {
      parts.chain_offset = 0;  // the year of the preceding date
    } else {
      parts.year_offset = w.offset;
    }
    p += w.word.size();
    bool period = false;
    for (const period_word& y : year_periods) {
      if (y.word.size() > 3 && starts_with(s, p, y.word)) {  // 今年年初, 今年上半年 (not a bare 初)
        parts.period = y.period;
        p += y.word.size();
        period = true;
        break;
      }
    }
    if (!period) p = read_month_day(s, p, parts);
    return make_date(ctx, pos, p, parts);
  }
  // 上半年, 下半年, 年初, 年底 alone: parts of the publication year.
  for (const period_word& y : year_periods) {
    if (y.word.size() > 3 && y.period != date_period::q1 && y.period != date_period::q2 && y.period != date_period::q3 &&
        y.period != date_period::q4 && starts_with(s, p, y.word) && !starts_word_with(s, p + y.word.size(), y.word)) {
      parts.year_offset = 0;
      parts.period = y.period;
      return make_date(ctx, pos, p + y.word.size(), parts);
    }
  }
  for (const word_offset& w : relative_months) {
    if (starts_with(s, p, w.word)) {
      parts.month_offset = w.offset;
      p += w.word.size();
      if (auto day = read_date_number(s, p); day && starts_with(s, day->second, "日")) {
        parts.day = static_cast<unsigned>(day->first);
        p = day->second + 3;
      }
      return make_date(ctx, pos, p, parts);
    }
  }
  for (const word_offset& w : relative_days) {
    if (starts_with(s, p, w.word)) {
      if (w.offset >= 100) {
        parts.chain_offset = w.offset - 100;
      } else {
        parts.day_offset = w.offset;
      }
      return make_date(ctx, pos, p + w.word.size(), parts);
    }
  }

  return std::nullopt;
}

std::optional<mention> match_digits_date(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  date_parts parts;
  std::size_t p = pos;
  auto first = read_int(s, p, 4);
  if (!first) return std::nullopt;
  const std::size_t digits_end = first->second;
  const std::size_t digit_count = [&] {
    std::size_t n = 0;
    for (std::size_t q = p; q < digits_end;) {
      auto d = digit_at(s, q);
      q += d->second;
      ++n;
    }
    return n;
  }();
  // ISO: 2025-09-18, 2025/9/18, 2025.09.18, and 2025-09; a time of day after it is consumed.
  if (digit_count == 4 && digits_end < s.size() && (s[digits_end] == '-' || s[digits_end] == '/' || s[digits_end] == '.')) {
    const char sep = s[digits_end];
    auto month = read_int(s, digits_end + 1, 2);
    if (month && month->first >= 1 && month->first <= 12) {
      parts.year = first->first;
      parts.month = static_cast<unsigned>(month->first);
      std::size_t end = month->second;
      if (end < s.size() && s[end] == sep) {
        if (auto day = read_int(s, end + 1, 2)) {
          parts.day = static_cast<unsigned>(day->first);
          end = day->second;
          // 2025-09-18 04:51
          std::size_t t = skip_spaces(s, end);
          if (t < s.size() && s[t] == 'T') ++t;
          if (auto hour = read_int(s, t, 2); hour && hour->second < s.size() && s[hour->second] == ':') {
            if (auto minute = read_int(s, hour->second + 1, 2)) {
              end = minute->second;
              if (end < s.size() && s[end] == ':') {
                if (auto second = read_int(s, end + 1, 2)) end = second->second;
              }
            }
          }
        } else if (sep == '.') {
          return std::nullopt;
        }
      } else if (sep == '.' || sep == '/') {
        return std::nullopt;  // 2025.09 is a decimal, 2025/09 a fraction: not dates
      }
      return make_date(ctx, pos, end, parts);
    }
    return std::nullopt;
  }
  // N小时前, N天前: relative to the publication moment.
  for (const auto& [unit, days_per] : {std::pair{std::string_view("小时前"), 0}, std::pair{std::string_view("个小时前"), 0},
                                       std::pair{std::string_view("分钟前"), 0}, std::pair{std::string_view("天前"), 1}}) {
    if (starts_with(s, digits_end, unit)) {
      parts.day_offset = -first->first * days_per;
      return make_date(ctx, pos, digits_end + unit.size(), parts);
    }
  }
  if (starts_with(s, digits_end, "年")) {
    // Only a four-digit number is a year; 6年 is a duration.
    if (digit_count != 4 || starts_with(s, digits_end + 3, "代")) return std::nullopt;
    parts.year = first->first;
    p = digits_end + 3;
    for (const period_word& y : year_periods) {
      const std::string_view word = y.word.substr(0, 3) == "年" ? y.word.substr(3) : y.word;
      if (!word.empty() && starts_with(s, p, word) && !starts_word_with(s, p + word.size(), y.word)) {
        parts.period = y.period;
        return make_date(ctx, pos, p + word.size(), parts);
      }
    }
    p = read_month_day(s, p, parts);
    return make_date(ctx, pos, p, parts);
  }
  if (digit_count <= 2 && starts_with(s, digits_end, "月")) {
    p = read_month_day(s, p, parts);
    if (!parts.day && starts_with(s, p, "份")) p += 3;  // 2月份
    return make_date(ctx, pos, p, parts);
  }
  if (digit_count <= 2 && (starts_with(s, digits_end, "日") || starts_with(s, digits_end, "号"))) {
    // A day alone takes its month from the preceding date (normalise does that).
    if (starts_with(s, digits_end, "日元")) return std::nullopt;  // yen, not a day
    parts.day = static_cast<unsigned>(first->first);
    return make_date(ctx, pos, digits_end + 3, parts);
  }
  return std::nullopt;
}

bool lower_word_at(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos + word.size() > s.size() || (pos > 0 && is_alpha(s[pos - 1]))) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = s[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != word[i]) return false;
  }
  return word_boundary(s, pos + word.size()) && !(pos + word.size() < s.size() && is_alpha(s[pos + word.size()]));
}

std::optional<int> year_at(std::string_view s, std::size_t pos, std::size_t* end) {
  if (pos > 0 && (is_alnum(s[pos - 1]) || s[pos - 1] == '$')) return std::nullopt;
  auto year = read_int(s, pos, 4);
  if (!year || year->second - pos != 4 || year->first < 1900 || year->first > 2100) return std::nullopt;
  const std::size_t next = year->second;
  if (next < s.size() && is_alpha(s[next])) return std::nullopt;  // 2025s
  if (next + 1 < s.size() && (s[next] == ',' || s[next] == '.') && is_digit(s[next + 1])) return std::nullopt;
  *end = year->second;
  return year->first;
}

std::optional<mention> match_english_digits(const scan_context& ctx, std::size_t pos);

std::optional<mention> match_english(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  if (is_digit(s[pos])) return match_english_digits(ctx, pos);
  date_parts parts;
  // The relative words and periods below start with one of these letters (this, last, next,
  // yesterday, early, mid, first, second): other words skip them.
  const char lower = static_cast<char>(s[pos] | 0x20);
  if (lower == 't' || lower == 'l' || lower == 'n' || lower == 'y' || lower == 'e' || lower == 'm' || lower == 'f' ||
      lower == 's') {
    // this year, last year, next year, this month, last month, yesterday, today, the next day
    static constexpr std::array<std::pair<std::string_view, int>, 3> year_words{
        {{"this year", 0}, {"last year", -1}, {"next year", 1}}};
    for (const auto& [word, offset] : year_words) {
      if (lower_word_at(s, pos, word)) {
        parts.year_offset = offset;
        return make_date(ctx, pos, pos + word.size(), parts);
      }
    }
    static constexpr std::array<std::pair<std::string_view, int>, 3> month_words{
        {{"this month", 0}, {"last month", -1}, {"next month", 1}}};
    for (const auto& [word, offset] : month_words) {
      if (lower_word_at(s, pos, word)) {
        parts.month_offset = offset;
        return make_date(ctx, pos, pos + word.size(), parts);
      }
    }
    static constexpr std::array<std::pair<std::string_view, int>, 6> day_words{
        {{"yesterday", -1}, {"today", 0}, {"tomorrow", 1}, {"the same day", 100}, {"the next day", 101}, {"the following day", 101}}};
    for (const auto& [word, offset] : day_words) {
      if (lower_word_at(s, pos, word)) {
        // "on the same day Apple unveiled ...", "the day after the launch": a clause or a name
        // after the words says which day, not the date before them.
        if (offset >= 100 && names_its_own_day(s, pos + word.size())) return std::nullopt;
        if (offset >= 100) parts.chain_offset = offset - 100; else parts.day_offset = offset;
        return make_date(ctx, pos, pos + word.size(), parts);
      }
    }
    // early 2025, mid-2025, late 2024, the first half of 2025, Q3 2025
    static constexpr std::array<std::pair<std::string_view, date_period>, 9> period_words{
        {{"early ", date_period::early}, {"mid-", date_period::mid}, {"mid ", date_period::mid},
         {"late ", date_period::late}, {"the first half of ", date_period::first_half},
         {"the second half of ", date_period::second_half}, {"first half of ", date_period::first_half},
         {"second half of ", date_period::second_half}, {"the end of ", date_period::late}}};
    for (const auto& [word, period] : period_words) {
      if (!lower_word_at(s, pos, word.substr(0, word.find_first_of(" -")))) continue;
      if (!starts_with(s, pos, word) && !lower_word_at(s, pos, word)) {
        // case-insensitive compare for the leading capital: `Early 2025`
        bool same = s.size() >= pos + word.size();
        for (std::size_t i = 0; same && i < word.size(); ++i) {
          char c = s[pos + i];
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
          same = c == word[i];
        }
        if (!same) continue;
      }
      std::size_t end = 0;
      const std::size_t after = pos + word.size();
      if (auto year = year_at(s, after, &end)) {
        parts.year = *year;
        parts.period = period;
        return make_date(ctx, pos, end, parts);
      }
      if (lower_word_at(s, after, "this year") || lower_word_at(s, after, "last year")) {
        parts.year_offset = lower_word_at(s, after, "this year") ? 0 : -1;
        parts.period = period;
        return make_date(ctx, pos, after + 9, parts);
      }
      if (lower_word_at(s, after, "the year") && word.find("half") != std::string_view::npos) {
        // "the first half of the year": the publication year.
        parts.year_offset = 0;
        parts.period = period;
        return make_date(ctx, pos, after + 8, parts);
      }
      if (auto month = month_name_at(s, after)) {
        parts.month = month->first;
        parts.period = period;
        std::size_t e = month->second;
        if (auto year = year_at(s, skip_spaces(s, e), &end)) {
          parts.year = *year;
          e = end;
        }
        return make_date(ctx, pos, e, parts);
      }
    }
  }
  if (s[pos] == 'Q' && pos + 1 < s.size() && s[pos + 1] >= '1' && s[pos + 1] <= '4' && word_boundary(s, pos + 2) &&
      !(pos > 0 && is_alnum(s[pos - 1]))) {
    std::size_t end = 0;
    if (auto year = year_at(s, skip_spaces(s, pos + 2), &end)) {
      parts.year = *year;
      parts.period = static_cast<date_period>(static_cast<int>(date_period::q1) + (s[pos + 1] - '1'));
      return make_date(ctx, pos, end, parts);
    }
  }
  // September 17, 2025 / Sept. 17 / January 2025 / January
  if (auto month = month_name_at(s, pos)) {
    parts.month = month->first;
    std::size_t p = skip_spaces(s, month->second);
    std::size_t end = month->second;
    if (auto day = read_int(s, p, 2); day && day->first >= 1 && !(day->second < s.size() && is_digit(s[day->second]))) {
      std::size_t q = day->second;
      for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (starts_with(s, q, suffix)) q += 2;
      }
      if (!(q < s.size() && is_alpha(s[q]))) {
        parts.day = static_cast<unsigned>(day->first);
        end = q;
        // `Dec. 31 , 1994`: typeset text puts spaces before the comma; the year still belongs.
        std::size_t r = skip_spaces(s, end);
        if (r < s.size() && s[r] == ',') ++r; else r = end;
        std::size_t year_end = 0;
        if (auto year = year_at(s, skip_spaces(s, r), &year_end)) {
          parts.year = *year;
          end = year_end;
        }
        return make_date(ctx, pos, end, parts);
      }
    }
    std::size_t year_end = 0;
    if (auto year = year_at(s, p, &year_end)) {
      parts.year = *year;
      return make_date(ctx, pos, year_end, parts);
    }
    // January this year, March last year
    if (lower_word_at(s, p, "this year") || lower_word_at(s, p, "last year") || lower_word_at(s, p, "next year")) {
      parts.year_offset = lower_word_at(s, p, "this year") ? 0 : lower_word_at(s, p, "last year") ? -1 : 1;
      return make_date(ctx, pos, p + 9, parts);
    }
    // A month name alone: `May` is also a verb, so only the unambiguous names stand alone, and
    // only written out: an abbreviation with neither day nor year is a word or a name (`Lei Jun`,
    // `Mar` in a title), while writers who mean the month alone spell it.
    std::string_view written = s.substr(pos, month->second - pos);
    if (!written.empty() && written.back() == '.') written.remove_suffix(1);
    // `Jan-Feb 2017`: the first end of a range takes its year from the second.
    const bool range_follows = month->second < s.size() && (s[month->second] == '-' || starts_with(s, month->second, "\u2013"));
    const bool abbreviated = written.size() <= 4 && written != "June" && written != "July" && !range_follows;
    if (month->first == 5 || abbreviated || s[pos] < 'A' || s[pos] > 'Z') return std::nullopt;
    return make_date(ctx, pos, month->second, parts);
  }
  return std::nullopt;
}

// 17 Sep 2025, 4 hours ago: the English forms that start with a number.
std::optional<mention> match_english_digits(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  date_parts parts;
  if (auto day = read_int(s, pos, 2); day && !(pos > 0 && is_alnum(s[pos - 1]))) {
    // 04th Jan 2019, 1st of May: an ordinal day before the month (issue 12).
    std::size_t q = day->second;
    bool ordinal = false;
    for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
      if (q >= s.size() || !is_alpha(s[q])) break;
      if (starts_with(s, q, suffix) && !(q + 2 < s.size() && is_alpha(s[q + 2]))) {
        q += 2;
        ordinal = true;
        break;
      }
    }
    std::size_t p = skip_spaces(s, q);
    if (ordinal && starts_with(s, p, "of ")) p = skip_spaces(s, p + 3);
    if (p > q) {
      if (auto month = month_name_at(s, p)) {
        parts.day = static_cast<unsigned>(day->first);
        parts.month = month->first;
        std::size_t end = month->second;
        std::size_t year_end = 0;
        if (auto year = year_at(s, skip_spaces(s, end), &year_end)) {
          parts.year = *year;
          end = year_end;
        }
        return make_date(ctx, pos, end, parts);
      }
    }
  }
  // N hours ago, N days ago
  if (auto n = read_int(s, pos, 3); n && !(pos > 0 && is_alnum(s[pos - 1]))) {
    const std::size_t p = skip_spaces(s, n->second);
    for (const auto& [word, days_per] : {std::pair{std::string_view("hours ago"), 0}, std::pair{std::string_view("minutes ago"), 0},
                                         std::pair{std::string_view("days ago"), 1}, std::pair{std::string_view("hour ago"), 0},
                                         std::pair{std::string_view("day ago"), 1}}) {
      if (starts_with(s, p, word)) {
        parts.day_offset = -n->first * days_per;
        return make_date(ctx, pos, p + word.size(), parts);
      }
    }
  }
  return std::nullopt;
}

// ---- Issue 12: weekdays, weeks, shifts, Chinese-numeral and numeric dates, ranges ----
// The words come from the lexicon's `dates` section; docs/dates.md states the rules.

std::optional<std::size_t> range_connector(std::string_view s, std::size_t end);

// A lexicon word at `pos`; a Latin word must stand whole (no letter on either side).
std::optional<word_set::match> word_at(const word_set& set, std::string_view s, std::size_t pos) {
  auto m = set.longest_at(s, pos);
  if (!m || !is_alpha(s[pos])) return m;
  if ((pos > 0 && is_alpha(s[pos - 1])) || (pos + m->length < s.size() && is_alpha(s[pos + m->length]))) return std::nullopt;
  return m;
}

// A lexicon word ending at `end`, before optional spaces; a Latin word must stand whole.
bool word_before(const word_set& set, std::string_view s, std::size_t begin, std::size_t end, std::size_t* word_begin = nullptr) {
  const std::size_t e = skip_spaces_back(s, end);
  if (e <= begin) return false;
  auto m = set.longest_ending_at(s.substr(0, e), e);
  if (!m || e - m->length < begin) return false;
  const std::size_t b = e - m->length;
  if (is_alpha(s[b]) && b > 0 && is_alpha(s[b - 1])) return false;
  if (word_begin) *word_begin = b;
  return true;
}

// A future cue (将于, will) earlier in the sentence puts a bare weekday or 后 ahead of publication.
bool future_in_sentence(const scan_context& ctx, std::size_t pos) {
  const word_set& cues = ctx.lex->dates.future_cues;
  for (std::size_t p = ctx.sentence_begin; p < pos; ++p) {
    if (auto m = word_at(cues, ctx.text, p); m && p + m->length <= pos) return true;
  }
  return false;
}

// The character before `pos` (skipping spaces, one bracket or comma) closes a written date:
// 9月17日（周三）, 17 September, Wednesday: the weekday only repeats that date.
bool follows_written_date(std::string_view s, std::size_t begin, std::size_t pos) {
  std::size_t p = skip_spaces_back(s, pos);
  for (std::string_view mark : {"(", ",", "\xEF\xBC\x88", "\xEF\xBC\x8C"}) {  // ( , and full-width
    if (ends_with(s, p, mark)) {
      p = skip_spaces_back(s, p - mark.size());
      break;
    }
  }
  if (p <= begin) return false;
  return is_digit(s[p - 1]) || ends_with(s, p, "\xE6\x97\xA5") || ends_with(s, p, "\xE5\x8F\xB7");  // digit, ri, hao
}

// Wednesday, Sept. 17 / 周三（9月17日）: a written date right after the weekday.
bool precedes_written_date(std::string_view s, std::size_t end) {
  std::size_t p = skip_spaces(s, end);
  for (std::string_view mark : {",", "(", "\xEF\xBC\x88", "\xEF\xBC\x8C"}) {
    if (starts_with(s, p, mark)) {
      p = skip_spaces(s, p + mark.size());
      break;
    }
  }
  return digit_at(s, p) || month_name_at(s, p);
}

// A bare weekday written as one end of a weekday range (周一至周五, Monday to Friday) names
// every such week, as opening hours do, not one day.
bool weekday_at(const date_lexicon& d, std::string_view s, std::size_t p) {
  if (p >= s.size()) return false;
  if (auto w = word_at(d.weekdays, s, p)) return true;
  auto prefix = d.weekday_prefixes.longest_at(s, p);
  return prefix && d.weekday_characters.longest_at(s, p + prefix->length);
}

bool weekday_range_end(const date_lexicon& d, std::string_view s, std::size_t begin, std::size_t pos, std::size_t end) {
  if (auto next = range_connector(s, end); next && weekday_at(d, s, *next)) return true;
  // The second end: a connector before `pos`, a weekday before that.
  std::size_t p = skip_spaces_back(s, pos);
  bool connector = false;
  for (std::string_view c : {"-", "~", "\xE2\x80\x93", "\xEF\xBD\x9E", "\xE8\x87\xB3", "\xE5\x88\xB0", "to", "through"}) {
    if (ends_with(s, p, c)) {
      p = skip_spaces_back(s, p - c.size());
      connector = true;
      break;
    }
  }
  if (!connector || p <= begin) return false;
  if (auto w = d.weekdays.longest_ending_at(s.substr(0, p), p)) return true;
  auto c = d.weekday_characters.longest_ending_at(s.substr(0, p), p);
  return c && d.weekday_prefixes.longest_ending_at(s.substr(0, p - c->length), p - c->length);
}

// 周三, 星期天, 本周末, 上周五, 下下周: a week word or weekday prefix and what follows it.
std::optional<mention> match_chinese_week(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  const date_lexicon& d = ctx.lex->dates;
  date_parts parts;
  std::size_t p = pos;
  if (auto week = d.weeks.longest_at(s, pos); week && !is_alpha(s[pos])) {
    parts.week_offset = static_cast<int>(week->payload) - static_cast<int>(date_lexicon::bias);
    p += week->length;
  } else if (auto prefix = d.weekday_prefixes.longest_at(s, pos)) {
    p += prefix->length;
  } else {
    return std::nullopt;
  }
  if (auto day = d.weekday_characters.longest_at(s, p)) {
    // 周三十 or 星期一二: more numerals after the character make it something else.
    if (is_chinese_numeral_at(s, p + day->length)) return std::nullopt;
    if (day->payload == 8) {
      if (!parts.week_offset) return std::nullopt;  // 周末 alone: weekends in general
      parts.weekend = true;
    } else {
      parts.weekday = static_cast<unsigned>(day->payload);
    }
    p += day->length;
  } else if (!parts.week_offset) {
    return std::nullopt;  // 周年, 周边, 星期: no day named
  }
  if (word_before(d.weekday_blockers, s, ctx.sentence_begin, pos)) return std::nullopt;  // 每周三, 黑色星期五
  if (parts.weekday && !parts.week_offset) {
    if (follows_written_date(s, ctx.sentence_begin, pos) || precedes_written_date(s, p) ||
        weekday_range_end(d, s, ctx.sentence_begin, pos, p)) {
      return std::nullopt;
    }
    if (future_in_sentence(ctx, pos)) parts.place = weekday_place::on_or_after;
  }
  return make_date(ctx, pos, p, parts);
}

// on Wednesday, next Monday, last Friday, this Wednesday, this week, last weekend.
std::optional<mention> match_english_week(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  const date_lexicon& d = ctx.lex->dates;
  date_parts parts;
  if (auto week = word_at(d.weeks, s, pos)) {
    parts.week_offset = static_cast<int>(week->payload) - static_cast<int>(date_lexicon::bias);
    return make_date(ctx, pos, pos + week->length, parts);
  }
  if (auto weekend = word_at(d.weekends, s, pos)) {
    parts.week_offset = static_cast<int>(weekend->payload) - static_cast<int>(date_lexicon::bias);
    parts.weekend = true;
    return make_date(ctx, pos, pos + weekend->length, parts);
  }
  std::size_t p = pos;
  std::optional<weekday_rule> rule;
  if (auto modifier = word_at(d.weekday_modifiers, s, pos)) {
    rule = static_cast<weekday_rule>(modifier->payload);
    p = skip_spaces(s, pos + modifier->length);
  }
  auto day = word_at(d.weekdays, s, p);
  if (!day) return std::nullopt;
  const std::size_t end = p + day->length;
  parts.weekday = static_cast<unsigned>(day->payload);
  if (rule == weekday_rule::in_week) {
    parts.week_offset = 0;
  } else if (rule) {
    parts.place = *rule == weekday_rule::before ? weekday_place::before : weekday_place::after;
  } else {
    // Black Friday, Cyber Monday: a name; Wednesday, Sept. 17: the date is written beside it.
    if (word_before(d.weekday_blockers, s, ctx.sentence_begin, pos) || precedes_written_date(s, end) ||
        follows_written_date(s, ctx.sentence_begin, pos) || weekday_range_end(d, s, ctx.sentence_begin, pos, end)) {
      return std::nullopt;
    }
    if (future_in_sentence(ctx, pos)) parts.place = weekday_place::on_or_after;
  }
  return make_date(ctx, pos, end, parts);
}

// week 31, week 31 of 2024: an ISO week of the year.
std::optional<mention> match_week_number(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  auto word = word_at(ctx.lex->dates.week_numbers, s, pos);
  if (!word) return std::nullopt;
  const std::size_t p = skip_spaces(s, pos + word->length);
  if (p == pos + word->length) return std::nullopt;
  auto n = read_int(s, p, 2);
  if (!n || n->first < 1 || n->first > 53 || (n->second < s.size() && (is_alpha(s[n->second]) || s[n->second] == '.'))) {
    return std::nullopt;
  }
  date_parts parts;
  parts.iso_week = static_cast<unsigned>(n->first);
  std::size_t end = n->second;
  std::size_t q = skip_spaces(s, end);
  if (starts_with(s, q, "of ")) {
    std::size_t year_end = 0;
    auto year = year_at(s, skip_spaces(s, q + 3), &year_end);
    if (!year) return std::nullopt;  // week 3 of the season: a week of something else
    parts.year = *year;
    end = year_end;
  } else if (starts_with(s, q, ",")) {
    std::size_t year_end = 0;
    if (auto year = year_at(s, skip_spaces(s, q + 1), &year_end)) {
      parts.year = *year;
      end = year_end;
    }
  }
  return make_date(ctx, pos, end, parts);
}

// 明日, 后天, 今晚, tonight, the day after tomorrow: days from publication.
std::optional<mention> match_day_word(const scan_context& ctx, std::size_t pos) {
  auto word = word_at(ctx.lex->dates.days, ctx.text, pos);
  if (!word) return std::nullopt;
  const std::size_t end = pos + word->length;
  date_parts parts;
  parts.day_offset = static_cast<int>(word->payload) - static_cast<int>(date_lexicon::bias);
  // 先天与后天, 后天的努力: 后天 also means "acquired", not the day after tomorrow.
  if (*parts.day_offset == 2 && !is_alpha(ctx.text[pos]) &&
      (ends_with(ctx.text, pos, "\xE5\x85\x88\xE5\xA4\xA9\xE4\xB8\x8E") || starts_with(ctx.text, end, "\xE7\x9A\x84") ||
       starts_with(ctx.text, end, "\xE6\x80\xA7"))) {  // 先天与, 的, 性
    return std::nullopt;
  }
  return make_date(ctx, pos, end, parts);
}

// A whole number of units at `pos` in digits, Chinese numerals or English words (5, 三, two, a).
std::optional<std::pair<int, std::size_t>> read_count(std::string_view s, std::size_t pos) {
  if (digit_at(s, pos)) {
    auto n = read_int(s, pos, 3);
    if (!n || (n->second < s.size() && (s[n->second] == '.' || s[n->second] == ','))) return std::nullopt;
    return n;
  }
  if (is_alpha(s[pos])) {
    if (pos > 0 && is_alpha(s[pos - 1])) return std::nullopt;
    for (std::string_view a : {"a ", "A "}) {
      if (starts_with(s, pos, a)) return std::pair{1, pos + a.size() - 1};
    }
    auto n = read_english(s, pos);
    if (!n || n->value.exponent != 0 || n->value.mantissa < 1 || n->value.mantissa > 999) return std::nullopt;
    return std::pair{static_cast<int>(n->value.mantissa), n->end};
  }
  auto n = read_chinese(s, pos);
  if (!n || n->value.exponent != 0 || n->value.mantissa < 1 || n->value.mantissa > 999) return std::nullopt;
  return std::pair{static_cast<int>(n->value.mantissa), n->end};
}

bool clause_start(std::string_view s, std::size_t begin, std::size_t pos) {
  if (pos <= begin) return true;
  const std::size_t p = previous(s, pos);
  const std::string_view c = s.substr(p, pos - p);
  // full-width comma, full stop, semicolon, enumeration comma, colon, corner and curly quotes, bracket
  return c == " " || c == "," || c == ";" || c == "(" || c == "\"" || c == "\xEF\xBC\x8C" || c == "\xE3\x80\x82" ||
         c == "\xEF\xBC\x9B" || c == "\xE3\x80\x81" || c == "\xEF\xBC\x9A" || c == "\xE3\x80\x8C" || c == "\xE2\x80\x9C" ||
         c == "\xEF\xBC\x88";
}

bool clause_end(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return true;
  const char c = s[pos];
  return c == ' ' || c == ',' || c == '.' || c == ';' || starts_with(s, pos, "\xEF\xBC\x8C") || starts_with(s, pos, "\xE3\x80\x82") ||
         starts_with(s, pos, "\xEF\xBC\x9B") || starts_with(s, pos, "\xE3\x80\x81");
}

// 5年前, 3个月前, 两周后, two months ago, in two weeks, two days after today, 前1周: a date N units
// from publication (前, ago, in, from now) or from the preceding date (后, later). Without
// one of these markers the figure is a duration (持续5年, for two weeks) and is left to
// the quantity recogniser.
std::optional<mention> match_shift(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  const date_lexicon& d = ctx.lex->dates;
  std::size_t begin = pos;
  std::size_t p = pos;
  bool before_prefix = false;
  if (auto prefix = d.before_prefixes.longest_at(s, pos); prefix && !is_alpha(s[pos])) {
    if (!clause_start(s, ctx.sentence_begin, pos)) return std::nullopt;  // 上映前3天: before an event
    p += prefix->length;
    before_prefix = true;
  }
  if (p >= s.size()) return std::nullopt;
  if (is_alpha(s[p])) {
    // two weeks, twenty-five days: a unit word must follow the number word; look before reading it.
    std::size_t e = p;
    while (e < s.size() && (is_alpha(s[e]) || s[e] == '-')) ++e;
    if (!word_at(d.relative_units, s, skip_spaces(s, e))) return std::nullopt;
  }
  auto count = read_count(s, p);
  if (!count) return std::nullopt;
  const bool latin = is_alpha(s[p]) || (is_digit(s[p]) && count->second < s.size() && s[count->second] == ' ');
  std::size_t q = latin ? skip_spaces(s, count->second) : count->second;
  auto unit = word_at(d.relative_units, s, q);
  if (!unit) return std::nullopt;
  const auto grain = static_cast<date_grain>(unit->payload);
  q += unit->length;
  date_shift shift;
  shift.unit = grain;
  if (before_prefix) {
    if (!clause_end(s, q)) return std::nullopt;  // 前3天的票房: the first three days
    shift.amount = -count->first;
    date_parts parts;
    parts.shift = shift;
    return make_date(ctx, begin, q, parts);
  }
  const std::size_t r = latin ? skip_spaces(s, q) : q;
  if (auto ago = word_at(d.ago_markers, s, r)) {
    shift.amount = -count->first;
    q = r + ago->length;
  } else if (auto ahead = word_at(d.ahead_markers, s, r)) {
    shift.amount = count->first;
    q = r + ahead->length;
  } else if (auto later = word_at(d.later_markers, s, r)) {
    // 开卖三天后 counts from an event the text names by a verb, not from a date: in Chinese a
    // count with 后 is a date only where a clause or a time phrase begins (，十天后; 将在三天后).
    if (!latin && !clause_start(s, ctx.sentence_begin, pos) && !word_before(d.cues_before, s, ctx.sentence_begin, pos) &&
        !word_before(d.future_cues, s, ctx.sentence_begin, pos)) {
      return std::nullopt;
    }
    shift.amount = count->first;
    shift.from_preceding = !future_in_sentence(ctx, begin);
    q = r + later->length;
  } else if (std::size_t prefix_begin = 0; word_before(d.ahead_prefixes, s, ctx.sentence_begin, pos, &prefix_begin) &&
                                            (!is_alpha(s[prefix_begin]) || future_in_sentence(ctx, prefix_begin))) {
    // `will be out in two weeks`, 再过三天; without a future verb `doubled in two years` is a duration.
    shift.amount = count->first;
    begin = prefix_begin;
  } else {
    return std::nullopt;
  }
  // 2030年前 is "by 2030", 10年后 in a table of durations: only small counts of years are shifts.
  if (grain == date_grain::year && count->first > 100) return std::nullopt;
  date_parts parts;
  parts.shift = shift;
  return make_date(ctx, begin, q, parts);
}

// 二零零四年八月十五, 二〇二四年, 十月一日, 三十一日: dates in Chinese numerals.
std::optional<mention> match_chinese_numeral_date(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  date_parts parts;
  // A year written digit by digit: four single numerals (零 or 〇 among them) then 年. Read
  // before the numeral as a whole, which does not take a string of digits as one number.
  int year = 0;
  std::size_t p = pos;
  for (int i = 0; i < 4; ++i) {
    std::size_t length = 0;
    decode(s, p, &length);
    auto digit = read_chinese(s.substr(0, p + length), p);
    if (!digit || digit->value.exponent != 0 || digit->value.mantissa > 9 || starts_with(s, p, "\xE4\xB8\xA4")) {
      year = -1;
      break;
    }
    year = year * 10 + static_cast<int>(digit->value.mantissa);
    p += length;
  }
  if (year >= 1000 && starts_with(s, p, "\xE5\xB9\xB4")) {  // nian
    parts.year = year;
    p = read_month_day(s, p + 3, parts, true);
    return make_date(ctx, pos, p, parts);
  }
  // Every other form has 年, 月, 日 or 号 right after its first numeral.
  const auto numeral = read_chinese(s, pos);
  if (!numeral) return std::nullopt;
  bool marked = false;
  for (std::string_view marker : {"\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5", "\xE5\x8F\xB7"}) {  // nian yue ri hao
    marked = marked || starts_with(s, numeral->end, marker);
  }
  if (!marked) return std::nullopt;
  // 十月一日: a month in numerals (the day is read as written).
  if (auto month = read_date_number(s, pos); month && month->first <= 12 && starts_with(s, month->second, "\xE6\x9C\x88") &&
                                            !starts_with(s, month->second + 3, "\xE4\xBB\xBD\xE9\xA2\x9D")) {  // yue, not yuefen'e
    p = read_month_day(s, pos, parts);
    if (!parts.day && starts_with(s, p, "\xE4\xBB\xBD")) p += 3;  // 十月份
    return make_date(ctx, pos, p, parts);
  }
  // 三十一日, 十五号: a day alone takes its month from the preceding date. Days of one digit
  // (一日) are too often a count of days, and 十日内 is a duration.
  if (auto day = read_date_number(s, pos); day && day->first >= 10 &&
                                           (starts_with(s, day->second, "\xE6\x97\xA5") || starts_with(s, day->second, "\xE5\x8F\xB7"))) {
    const std::size_t end = day->second + 3;
    for (std::string_view after : {"\xE5\x86\x85", "\xE4\xB9\x8B", "\xE4\xBB\xA5", "\xE9\x97\xB4", "\xE5\xB7\xA6", "\xE6\x9D\xA5"}) {
      if (starts_with(s, end, after)) return std::nullopt;  // 内 之 以 间 左 来
    }
    if (!clause_start(s, ctx.sentence_begin, pos) && !word_before(ctx.lex->dates.cues_before, s, ctx.sentence_begin, pos) &&
        !ends_with(s, pos, "\xE8\x87\xB3") && !ends_with(s, pos, "\xE5\x88\xB0") && !ends_with(s, pos, "\xE5\x92\x8C")) {
      return std::nullopt;  // only after a clause break, 于, 至, 到 or 和
    }
    parts.day = static_cast<unsigned>(day->first);
    return make_date(ctx, pos, end, parts);
  }
  return std::nullopt;
}

bool valid_month_day(int month, int day) { return month >= 1 && month <= 12 && day >= 1 && day <= 31; }

// The plausible years of a range: 1995-1997.
bool plausible_year(int y) { return y >= 1900 && y <= 2100; }

// A numeric figure that is followed by a unit, a percent sign or more digits is not a date.
bool number_continues(const scan_context& ctx, std::size_t end) {
  const std::string_view s = ctx.text;
  if (end >= s.size()) return false;
  if (is_alnum(s[end]) || s[end] == '%' || digit_at(s, end)) return true;
  if ((s[end] == '.' || s[end] == '/' || s[end] == ',') && end + 1 < s.size() && is_digit(s[end + 1])) return true;
  const std::size_t p = skip_spaces(s, end);
  return word_at(ctx.lex->units, s, p) || word_at(ctx.lex->scales, s, p) || word_at(ctx.lex->currency_suffixes, s, p) ||
         starts_with(s, p, "\xEF\xBC\x85");  // full-width percent
}

// A connector between two ends of a range, and where the second end begins.
std::optional<std::size_t> range_connector(std::string_view s, std::size_t end) {
  std::size_t p = skip_spaces(s, end);
  for (std::string_view c : {"-", "~", "\xE2\x80\x93", "\xE2\x80\x94", "\xEF\xBD\x9E", "\xE8\x87\xB3", "\xE5\x88\xB0"}) {  // – — ～ 至 到
    if (starts_with(s, p, c)) return skip_spaces(s, p + c.size());
  }
  for (std::string_view c : {"to ", "through ", "until ", "till "}) {
    if (p > end && starts_with(s, p, c)) return skip_spaces(s, p + c.size());
  }
  return std::nullopt;
}

// 1/1/2016, 11/20, 5.12地震, 于5.12, 20161016, 0403地震, 1995-1997年, 2014-2018.
std::optional<mention> match_numeric_date(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  if (!is_digit(s[pos]) || (pos > 0 && (is_alnum(s[pos - 1]) || s[pos - 1] == '.' || s[pos - 1] == '/' || s[pos - 1] == '$'))) {
    return std::nullopt;
  }
  std::size_t digits_end = pos;
  while (digits_end < s.size() && is_digit(s[digits_end])) ++digits_end;
  const std::size_t digits = digits_end - pos;
  // A run of digits as a number; a run too long for any date part stops growing (at nine
  // digits) rather than overflowing, and is then refused as a day, month or year.
  const auto number = [&](std::size_t from, std::size_t to) {
    int v = 0;
    for (std::size_t i = from; i < to && v < 100000000; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const date_lexicon& d = ctx.lex->dates;
  // Only these shapes can be dates: 1995-1997, 5.12, 5·12, 1/1/2016, 20161016, 0403.
  const char next = digits_end < s.size() ? s[digits_end] : '\0';
  if (!(digits == 4 || digits == 8 || (digits <= 2 && (next == '.' || next == '/' || next == '\xC2')))) return std::nullopt;
  const auto cued_before = [&] { return word_before(d.cues_before, s, ctx.sentence_begin, pos); };
  date_parts parts;
  // Year ranges: 1995-1997年 always; 2014-2018 alone when nothing makes it a number range.
  const bool may_connect = next == '-' || next == '~' || next == ' ' || next == '\xE2' || next == '\xEF' || next == '\xE8' ||
                           next == '\xE5';  // - ~ space, dashes, full-width tilde, zhi, dao
  if (digits == 4 && may_connect) {
    if (auto second = range_connector(s, digits_end); second && *second + 4 <= s.size()) {
      std::size_t e = *second;
      while (e < s.size() && is_digit(s[e])) ++e;
      const int first_year = number(pos, digits_end);
      if (e - *second == 4 && plausible_year(first_year) && plausible_year(number(*second, e)) &&
          number(*second, e) > first_year && number(*second, e) - first_year <= 100) {
        const bool nian = starts_with(s, e, "\xE5\xB9\xB4");  // 年
        if (nian || (!number_continues(ctx, e) && !starts_with(s, e, "\xE5\xB9\xB4\xE4\xBB\xA3"))) {
          parts.year = first_year;
          parts.range_end = date_end{number(*second, e), std::nullopt, std::nullopt};
          return make_date(ctx, pos, nian ? e + 3 : e, parts);
        }
      }
    }
  }
  // Numbered days of named events and cued dates: 5.12地震, 于5.12, 0403地震, 于20161016.
  std::size_t event_end = 0;
  const auto event_after = [&](std::size_t end) {
    if (end >= s.size() || (s[end] != ' ' && static_cast<unsigned char>(s[end]) < 0x80)) return false;
    auto noun = d.event_nouns.longest_at(s, skip_spaces(s, end));
    if (noun) event_end = skip_spaces(s, end) + noun->length;
    return noun.has_value();
  };
  if (digits <= 2) {
    std::size_t sep = 0;
    if (digits_end < s.size() && s[digits_end] == '.') sep = 1;
    if (starts_with(s, digits_end, "\xC2\xB7")) sep = 2;  // middle dot: 5·12
    if (sep > 0 && digits_end + sep < s.size() && is_digit(s[digits_end + sep])) {
      std::size_t e = digits_end + sep;
      while (e < s.size() && is_digit(s[e])) ++e;
      const int month = number(pos, digits_end);
      const int day = number(digits_end + sep, e);
      if (e - (digits_end + sep) <= 2 && valid_month_day(month, day) && !(e < s.size() && (s[e] == '.' || s[e] == '%'))) {
        // 规模7.2地震 is a magnitude: event days are written with two digits (5.12, 4.03), and
        // never after a magnitude word.
        const bool event = e - (digits_end + sep) == 2 && event_after(e) &&
                           !word_before(d.numeric_blockers, s, ctx.sentence_begin, pos);
        if (event || (cued_before() && !number_continues(ctx, e))) {
          parts.month = static_cast<unsigned>(month);
          parts.day = static_cast<unsigned>(day);
          parts.named_event = event;
          return make_date(ctx, pos, e, parts);
        }
      }
      return std::nullopt;
    }
  }
  if ((digits == 8 || digits == 4) && (digits_end >= s.size() || !(s[digits_end] == '.' || s[digits_end] == '-'))) {
    const std::size_t md = digits == 8 ? pos + 4 : pos;
    const int month = number(md, md + 2);
    const int day = number(md + 2, md + 4);
    const bool event = event_after(digits_end);
    if (valid_month_day(month, day) && (event || (digits == 8 && cued_before() && !number_continues(ctx, digits_end)))) {
      if (digits == 8) {
        if (!plausible_year(number(pos, pos + 4)) ||
            !civil_date::make(number(pos, pos + 4), static_cast<unsigned>(month), static_cast<unsigned>(day))) {
          return std::nullopt;
        }
        parts.year = number(pos, pos + 4);
      }
      parts.month = static_cast<unsigned>(month);
      parts.day = static_cast<unsigned>(day);
      parts.named_event = event && digits == 4;
      return make_date(ctx, pos, digits_end, parts);
    }
    return std::nullopt;
  }
  // 1/1/2016 (US order unless a part over 12 says otherwise), and 11/20 after a cue (on 11/20).
  if (digits <= 2 && digits_end < s.size() && s[digits_end] == '/') {
    std::size_t e = digits_end + 1;
    while (e < s.size() && is_digit(s[e])) ++e;
    if (e - digits_end - 1 < 1 || e - digits_end - 1 > 2) return std::nullopt;
    int a = number(pos, digits_end);
    int b = number(digits_end + 1, e);
    std::size_t end = e;
    if (e + 1 < s.size() && s[e] == '/' && is_digit(s[e + 1])) {
      std::size_t y = e + 1;
      while (y < s.size() && is_digit(s[y])) ++y;
      if (y - e - 1 != 4 || !plausible_year(number(e + 1, y)) || number_continues(ctx, y)) return std::nullopt;
      parts.year = number(e + 1, y);
      end = y;
    } else if (!cued_before() || number_continues(ctx, e)) {
      return std::nullopt;  // 3/4 is a fraction or a score
    }
    if (a > 12 && b <= 12) std::swap(a, b);  // 20/11/2016: day first
    else parts.order_ambiguous = a <= 12 && b <= 12 && a != b;
    if (!valid_month_day(a, b)) return std::nullopt;
    parts.month = static_cast<unsigned>(a);
    parts.day = static_cast<unsigned>(b);
    return make_date(ctx, pos, end, parts);
  }
  return std::nullopt;
}

// After a date, `-`, `至`, `to` and a second end: 2019年6月1日-6月30日, 6月1日至30日, Jan-Feb 2017,
// from May 3 to May 9, 2024, May 3-9, 2024. The two ends become one mention.
void extend_to_range(const scan_context& ctx, mention& first) {
  date_parts& parts = *first.date;
  if (parts.range_end || parts.shift || parts.weekday || parts.week_offset || parts.iso_week || parts.day_offset ||
      parts.chain_offset || parts.period != date_period::whole || (!parts.year && !parts.month && !parts.day)) {
    return;
  }
  const std::string_view s = ctx.text;
  if (first.span.end >= s.size()) return;
  const char next = s[first.span.end];
  // - ~ space, dashes (E2), full-width tilde (EF), zhi (E8), dao (E5)
  if (!(next == '-' || next == '~' || next == ' ' || next == '\xE2' || next == '\xEF' || next == '\xE8' || next == '\xE5')) return;
  auto at = range_connector(s, first.span.end);
  if (!at || *at >= s.size()) return;
  date_end end;
  std::size_t stop = 0;
  std::optional<mention> second = match_chinese_or_iso(ctx, *at);
  if (!second && static_cast<unsigned char>(s[*at]) < 0x80) second = match_english(ctx, *at);
  if (!second) {
    // May 3-9, 2024: a bare day after an English month and day.
    if (!parts.day || !parts.month || parts.year || !is_digit(s[*at])) return;
    auto day = read_int(s, *at, 2);
    if (!day || day->first < 1 || day->first > 31) return;
    stop = day->second;
    std::size_t q = stop;
    if (q < s.size() && s[q] == ',') ++q;
    std::size_t year_end = 0;
    if (auto year = year_at(s, skip_spaces(s, q), &year_end)) {
      end.year = *year;
      stop = year_end;
    } else if (stop < s.size() && (is_alnum(s[stop]) || s[stop] == '%' || (s[stop] == ' ' && stop + 1 < s.size() && is_alnum(s[stop + 1])))) {
      return;  // May 3 to 9 people: not a range of days
    }
    end.day = static_cast<unsigned>(day->first);
  } else {
    const date_parts& p = *second->date;
    if (p.year_offset || p.month_offset || p.day_offset || p.chain_offset || p.period != date_period::whole || p.shift ||
        p.weekday || p.week_offset || p.iso_week || p.range_end) {
      return;
    }
    // The second end names no larger unit than the first leaves out: 6月1日-30日, not 30日-6月.
    if ((p.month && !parts.month) || (!p.day && parts.day && !p.month)) return;
    end = date_end{p.year, p.month, p.day};
    stop = second->span.end;
  }
  first.span.end = stop;
  first.text = std::string(s.substr(first.span.begin, stop - first.span.begin));
  parts.range_end = end;
}


// Chinese numerals start numeral dates and counts of time; a few other characters start week
// words (本这上下星礼周), day words (今昨明后) and 前1周. A switch, because this runs for every
// numeral in the text.
enum class han_start { numeral, week, day, before, other };

// Characters that start none of the older relative words (今年, 上月, 昨天, 次日, ...).
bool starts_no_relative_word(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  switch (decode(s, pos, &n)) {
    case U'\u5468': case U'\u661F': case U'\u793C': case U'\u8FD9': case U'\u540E':  // 周星礼这后
      return true;
    default:
      return false;
  }
}

han_start classify_han(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  switch (decode(s, pos, &n)) {
    case U'\u96F6': case U'\u3007': case U'\u4E00': case U'\u4E8C': case U'\u4E24': case U'\u4E09':  // 零〇一二两三
    case U'\u56DB': case U'\u4E94': case U'\u516D': case U'\u4E03': case U'\u516B': case U'\u4E5D':  // 四五六七八九
    case U'\u5341':                                                                                     // 十
      return han_start::numeral;
    case U'\u672C': case U'\u8FD9': case U'\u4E0A': case U'\u4E0B': case U'\u661F': case U'\u793C':  // 本这上下星礼
    case U'\u5468':                                                                                     // 周
      return han_start::week;
    case U'\u4ECA': case U'\u6628': case U'\u660E': case U'\u540E':  // 今昨明后
      return han_start::day;
    case U'\u524D':  // 前
      return han_start::before;
    default:
      return han_start::other;
  }
}

bool is_date_numeral(std::string_view s, std::size_t pos) {
  return pos < s.size() && static_cast<unsigned char>(s[pos]) >= 0x80 && classify_han(s, pos) == han_start::numeral;
}

std::optional<mention> match_issue_12_forms(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  const char c = s[pos];
  const word_set& units = ctx.lex->dates.relative_units;
  if (is_digit(c)) {
    if (auto found = match_numeric_date(ctx, pos)) return found;
    // Most numbers are quantities: look for a unit of time after the digits before anything else.
    std::size_t e = pos;
    while (e < s.size() && is_digit(s[e])) ++e;
    if (e < s.size() && s[e] == ' ') e = skip_spaces(s, e);
    if (e >= s.size() || !(static_cast<unsigned char>(s[e]) >= 0x80 || is_alpha(s[e])) || !units.longest_at(s, e)) {
      return std::nullopt;
    }
    return match_shift(ctx, pos);
  }
  if (is_alpha(c)) {
    // None of these forms has a digit in its first word: H800, GPT-4o and Q3 are passed over.
    std::size_t e = pos;
    while (e < s.size() && is_alpha(s[e])) ++e;
    if (e < s.size() && is_digit(s[e])) return std::nullopt;
    if (auto found = match_english_week(ctx, pos)) return found;
    if (auto found = match_week_number(ctx, pos)) return found;
    if (auto found = match_day_word(ctx, pos)) return found;
    return match_shift(ctx, pos);
  }
  if (static_cast<unsigned char>(c) < 0x80) return std::nullopt;
  switch (classify_han(ctx.text, pos)) {
    case han_start::numeral: {
      // 一 begins many words (一些, 统一): only a run of numerals followed by 年, 月, 日, 号 or a
      // unit of time can start a date, and finding the run's end is cheaper than reading it.
      std::size_t end = pos;
      while (end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80 && classify_han(s, end) == han_start::numeral) {
        std::size_t n = 0;
        decode(s, end, &n);
        end += n;
      }
      if (auto unit = units.longest_at(s, end); unit || starts_with(s, end, "\xE6\x9C\x88") || starts_with(s, end, "\xE6\x97\xA5") ||
                                                 starts_with(s, end, "\xE5\x8F\xB7")) {  // yue ri hao (nian is a unit)
        if (auto found = match_chinese_numeral_date(ctx, pos)) return found;
        if (unit) return match_shift(ctx, pos);
      }
      return std::nullopt;
    }
    case han_start::week:
      return match_chinese_week(ctx, pos);
    case han_start::day:
      return match_day_word(ctx, pos);
    case han_start::before:
      return match_shift(ctx, pos);
    case han_start::other:
      break;
  }
  return std::nullopt;
}

}  // namespace

std::optional<mention> match_date(const scan_context& ctx, std::size_t pos) {
  const bool ascii = static_cast<unsigned char>(ctx.text[pos]) < 0x80;
  // A Chinese numeral or 周星礼这后 starts no older form: go straight to the issue 12 forms.
  const bool older_forms = ascii || (classify_han(ctx.text, pos) != han_start::numeral && !starts_no_relative_word(ctx.text, pos));
  std::optional<mention> found = older_forms ? match_chinese_or_iso(ctx, pos) : std::nullopt;
  // English forms start with an ASCII letter or digit; CJK text never reaches them.
  if (!found && ascii) found = match_english(ctx, pos);
  if (!found) found = match_issue_12_forms(ctx, pos);
  if (found && found->span.size() == 0) return std::nullopt;  // a matcher that read nothing
  if (found) extend_to_range(ctx, *found);
  if (found) attach_clock(ctx, *found);
  if (!found && ascii) found = match_clock_then_date(ctx, pos);
  if (!found) found = match_bare_clock(ctx, pos);
  return found;
}

}  // namespace checker::detail
