// Date mentions: 2025年9月17日, 9月17日, 17日, 今年1月, 去年, 2025-09-18, September 17, 2025,
// 17 Sep 2025, early 2025, Q3 2025, this year, 4小时前, 次日. Parts are recorded as written;
// normalise fills in what is missing from the publication date or the preceding date.
#include <array>

#include "recognize/scanner.h"

namespace checker::detail {
namespace {

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
  if (pos > 0 && is_alpha(s[pos - 1])) return std::nullopt;
  for (const month_name& m : month_names) {
    if (starts_with(s, pos, m.name) && word_boundary(s, pos + m.name.size()) &&
        !(pos + m.name.size() < s.size() && is_alpha(s[pos + m.name.size()]))) {
      std::size_t end = pos + m.name.size();
      if (m.name.size() <= 4 && end < s.size() && s[end] == '.') ++end;  // Jan.
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

// 2028年中国, 年底线: a period character that begins a longer word is not a period.
bool starts_word_with(std::string_view s, std::size_t after, std::string_view period) {
  static constexpr std::string_view joined[] = {"国", "文", "心", "央", "华", "部", "东", "西", "南", "北", "外", "方", "医", "线", "层", "薪"};
  if (period != "年中" && period != "中" && period != "年底" && period != "底") return false;
  for (std::string_view w : joined) {
    if (starts_with(s, after, w)) return true;
  }
  return false;
}

mention make_date(const scan_context& ctx, std::size_t begin, std::size_t end, const date_parts& parts) {
  mention m;
  m.span = byte_span{begin, end};
  m.text = std::string(ctx.text.substr(begin, end - begin));
  m.sentence = ctx.sentence_index;
  m.kind = claim_kind::date;
  m.date = parts;
  return m;
}

// Month and day after a year part: `9月17日`, `1月`, `年初`, `8月下旬`.
std::size_t read_month_day(std::string_view s, std::size_t p, date_parts& parts) {
  for (const word_offset& w : relative_months) {
    if (starts_with(s, p, w.word)) {
      parts.month_offset = w.offset;
      return p + w.word.size();
    }
  }
  if (auto month = read_int(s, p, 2); month && starts_with(s, month->second, "月")) {
    parts.month = static_cast<unsigned>(month->first);
    p = month->second + 3;
    if (auto day = read_int(s, p, 2); day && (starts_with(s, day->second, "日") || starts_with(s, day->second, "号"))) {
      parts.day = static_cast<unsigned>(day->first);
      return day->second + 3;
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

std::optional<mention> match_relative_chinese(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  date_parts parts;
  std::size_t p = pos;
  if (static_cast<unsigned char>(s[p]) < 0x80) return std::nullopt;
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
      if (auto day = read_int(s, p, 2); day && starts_with(s, day->second, "日")) {
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
        std::size_t r = end;
        if (r < s.size() && s[r] == ',') ++r;
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
    // A month name alone: `May` is also a verb, so only the unambiguous names stand alone.
    if (month->first == 5 || s[pos] < 'A' || s[pos] > 'Z') return std::nullopt;
    return make_date(ctx, pos, month->second, parts);
  }
  return std::nullopt;
}

// 17 Sep 2025, 4 hours ago: the English forms that start with a number.
std::optional<mention> match_english_digits(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  date_parts parts;
  if (auto day = read_int(s, pos, 2); day && !(pos > 0 && is_alnum(s[pos - 1]))) {
    const std::size_t p = skip_spaces(s, day->second);
    if (p > day->second) {
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

}  // namespace

std::optional<mention> match_date(const scan_context& ctx, std::size_t pos) {
  if (auto found = match_chinese_or_iso(ctx, pos)) return found;
  // English forms start with an ASCII letter or digit; CJK text never reaches them.
  if (static_cast<unsigned char>(ctx.text[pos]) >= 0x80) return std::nullopt;
  return match_english(ctx, pos);
}

}  // namespace checker::detail
