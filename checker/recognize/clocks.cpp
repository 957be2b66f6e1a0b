// Times of day written with a date (issue 13): 8月20日上午10时, 3日7时58分许, 21点整, 晚间十点,
// June 1 at 22:23, 25 June 2024, 06:07, 7:58am on Wednesday. The date mention takes the time, so
// that a launch at 0:00 and one at 10:00 on the same day are two values, and two pages that give
// one moment in different zones can be seen to agree. Matching reads Traditional as Simplified
// (時 as 时, 點 as 点, 許 as 许), so only Simplified forms are written here.
#include <array>
#include <string_view>

#include "recognize/scanner.h"

namespace checker::detail {
namespace {

// The hour on the 24-hour clock, or nothing when the word and the hour do not fit (上午15时,
// 晚上12点: midnight belongs to the next day, which the date does not say).
std::optional<unsigned> apply_half_day(unsigned hour, half_day part) {
  switch (part) {
    case half_day::none:
      return hour <= 23 ? std::optional<unsigned>(hour) : std::nullopt;
    case half_day::morning:
      return hour <= 12 ? std::optional<unsigned>(hour) : std::nullopt;
    case half_day::noon:
      if (hour == 11 || hour == 12) return hour;
      return hour >= 1 && hour <= 2 ? std::optional<unsigned>(hour + 12) : std::nullopt;
    case half_day::afternoon:
      if (hour >= 12 && hour <= 23) return hour;
      return hour >= 1 && hour <= 11 ? std::optional<unsigned>(hour + 12) : std::nullopt;
    case half_day::night:
      if (hour >= 18 && hour <= 23) return hour;
      if (hour >= 6 && hour <= 11) return hour + 12;
      return hour <= 4 ? std::optional<unsigned>(hour) : std::nullopt;  // 深夜2时
  }
  return std::nullopt;
}

// 零 to 十: the characters a Chinese clock number starts with (one decode, not a numeral parse,
// since this runs at every position the date forms pass over).
bool chinese_clock_digit_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || static_cast<unsigned char>(s[pos]) < 0x80) return false;
  std::size_t length = 0;
  switch (decode(s, pos, &length)) {
    case U'\u96F6': case U'\u4E00': case U'\u4E8C': case U'\u4E09': case U'\u56DB': case U'\u4E94':
    case U'\u516D': case U'\u4E03': case U'\u516B': case U'\u4E5D': case U'\u5341':
      return true;
    default:
      return false;
  }
}

// A number of the clock in Arabic or Chinese numerals, from 0 up to `max`: 7, 07, 七, 五十八, 零.
std::optional<std::pair<unsigned, std::size_t>> clock_number(std::string_view s, std::size_t pos, unsigned max) {
  if (digit_at(s, pos)) {
    unsigned value = 0;
    std::size_t p = pos;
    for (int count = 0; count < 2; ++count) {
      const auto d = digit_at(s, p);
      if (!d) break;
      value = value * 10 + static_cast<unsigned>(d->first);
      p += d->second;
    }
    if (digit_at(s, p)) return std::nullopt;  // 2024时 is no hour
    return value <= max ? std::optional(std::pair{value, p}) : std::nullopt;
  }
  if (!chinese_clock_digit_at(s, pos)) return std::nullopt;  // 两点 counts points more often than hours
  if (starts_with(s, pos, "零")) return std::pair{0u, pos + 3};
  const auto n = read_chinese(s, pos);
  if (!n || n->value.exponent != 0 || n->value.mantissa < 0 || n->value.mantissa > static_cast<std::int64_t>(max)) return std::nullopt;
  return std::pair{static_cast<unsigned>(n->value.mantissa), n->end};
}

// 上午7时58分, 10点, 晚间十点, 21点整, 8时47分30秒, 9点半, 7时58分许, 约10时. The words before and
// after the numbers (上午, 约, 许) come from the lexicon's `dates`; `part` is the part of the day
// the text before the time already named (今晚8时).
std::optional<clock_reading> read_chinese_clock(std::string_view s, std::size_t pos, const date_lexicon& words, half_day part) {
  std::size_t p = pos;
  bool approximate = false;
  if (const auto hedge = words.time_hedges_before.longest_at(s, p); hedge && !is_alpha(s[p])) {
    approximate = true;
    p += hedge->length;
  }
  if (const auto named = words.day_parts.longest_at(s, p)) {
    part = static_cast<half_day>(named->payload);
    p = skip_spaces(s, p + named->length);
  }
  const auto hour = clock_number(s, p, 24);
  if (!hour) return std::nullopt;
  p = skip_spaces(s, hour->second);
  if (!starts_with(s, p, "时") && !starts_with(s, p, "点")) return std::nullopt;
  p += 3;
  // 10点多, 10时后: some time after the hour, not a moment.
  if (starts_with(s, p, "多") || starts_with(s, p, "后") || starts_with(s, p, "前") || starts_with(s, p, "以")) return std::nullopt;
  clock_reading out;
  out.parts.approximate = approximate;
  const auto on_clock = apply_half_day(hour->first, part);
  if (!on_clock) return std::nullopt;
  out.parts.hour = *on_clock;
  if (starts_with(s, p, "半")) {
    out.parts.minute = 30;
    p += 3;
  } else if (const auto minute = clock_number(s, skip_spaces(s, p), 59); minute && starts_with(s, skip_spaces(s, minute->second), "分")) {
    out.parts.minute = minute->first;
    p = skip_spaces(s, minute->second) + 3;
    if (const auto second = clock_number(s, skip_spaces(s, p), 59); second && starts_with(s, skip_spaces(s, second->second), "秒")) {
      out.parts.second = second->first;
      p = skip_spaces(s, second->second) + 3;
    }
  }
  if (starts_with(s, p, "整")) {
    out.parts.exact = true;
    p += 3;
  } else if (const auto hedge = words.time_hedges_after.longest_at(s, p)) {
    out.parts.approximate = true;
    p += hedge->length;
  }
  if (out.parts.hour == 24) return std::nullopt;  // the next day's midnight: the date does not say so
  out.end = p;
  return out;
}

bool meridiem_at(std::string_view s, std::size_t p, bool* afternoon, std::size_t* end) {
  static constexpr std::array<std::string_view, 10> words{"a.m.", "p.m.", "a.m", "p.m", "am", "pm", "AM", "PM", "A.M.", "P.M."};
  for (std::string_view w : words) {
    if (starts_with(s, p, w) && (p + w.size() >= s.size() || !is_alnum(s[p + w.size()]))) {
      *afternoon = w[0] == 'p' || w[0] == 'P';
      *end = p + w.size();
      return true;
    }
  }
  return false;
}

// 7:58am, 7.58 a.m., 9 a.m., 22:23, 09:27:29. Without a half-day word the time must have minutes
// after a colon (22:23): `9` or `3.30` alone are figures.
std::optional<clock_reading> read_english_clock(std::string_view s, std::size_t pos) {
  std::size_t p = pos;
  unsigned hour = 0;
  while (p < s.size() && is_digit(s[p]) && p - pos < 2) hour = hour * 10 + static_cast<unsigned>(s[p++] - '0');
  if (p == pos || (p < s.size() && is_digit(s[p]))) return std::nullopt;
  clock_reading out;
  bool colon = false;
  auto two_digits = [&](std::size_t at) {
    return at + 1 < s.size() && is_digit(s[at]) && is_digit(s[at + 1]) && (at + 2 >= s.size() || !is_digit(s[at + 2]));
  };
  if (p < s.size() && (s[p] == ':' || s[p] == '.') && two_digits(p + 1)) {
    colon = s[p] == ':';
    out.parts.minute = static_cast<unsigned>((s[p + 1] - '0') * 10 + (s[p + 2] - '0'));
    p += 3;
    if (colon && p < s.size() && s[p] == ':' && two_digits(p + 1)) {
      out.parts.second = static_cast<unsigned>((s[p + 1] - '0') * 10 + (s[p + 2] - '0'));
      p += 3;
    }
  }
  bool afternoon = false;
  std::size_t meridiem_end = 0;
  if (meridiem_at(s, skip_spaces(s, p), &afternoon, &meridiem_end)) {
    if (hour < 1 || hour > 12) return std::nullopt;
    if (afternoon && hour < 12) hour += 12;
    if (!afternoon && hour == 12) hour = 0;
    p = meridiem_end;
  } else if (!colon || hour > 23) {
    return std::nullopt;
  }
  if (out.parts.minute.value_or(0) > 59 || out.parts.second.value_or(0) > 59) return std::nullopt;
  out.parts.hour = hour;
  out.end = p;
  return out;
}

}  // namespace

std::optional<clock_reading> read_clock(std::string_view s, std::size_t pos, const date_lexicon& words, half_day part) {
  if (pos >= s.size()) return std::nullopt;
  if (auto chinese = read_chinese_clock(s, pos, words, part)) return chinese;  // 10时 starts with an ASCII digit too
  if (is_digit(s[pos])) return read_english_clock(s, pos);
  return std::nullopt;
}

}  // namespace checker::detail

namespace checker::detail {
namespace {

// A date that names one day, which a time of day can refine: 4月3日, 3日, 今日, 当天, Wednesday.
bool names_one_day(const date_parts& p) {
  if (p.range_end || p.shift || p.week_offset || p.iso_week || p.weekend || p.period != date_period::whole || p.clock) return false;
  if (p.weekday) return true;
  if (p.day_offset) return !p.year && !p.month && !p.day;
  if (p.chain_offset) return !p.year && !p.month;
  return p.day.has_value();
}

// A bracket right after a date that repeats it (（周三）, (3日)): up to 24 bytes, no sentence end.
std::size_t after_repeating_bracket(std::string_view s, std::size_t p) {
  std::size_t close_length = 0;
  std::string_view close;
  if (starts_with(s, p, "(")) {
    close = ")";
    close_length = 1;
    p += 1;
  } else if (starts_with(s, p, "（")) {
    close = "）";
    close_length = 3;
    p += 3;
  } else {
    return std::string_view::npos;
  }
  for (std::size_t q = p; q < s.size() && q < p + 24; ++q) {
    if (starts_with(s, q, close)) return q + close_length;
  }
  return std::string_view::npos;
}

// English words that put a time of day after a date: `June 1 at 22:23`, `May 8, around 02:21`,
// `April 3 at about 8 a.m.`.
std::size_t after_english_link_words(std::string_view s, std::size_t p, const date_lexicon& words, bool* approximate) {
  if (p < s.size() && s[p] == ',') p = skip_spaces(s, p + 1);
  if (starts_with(s, p, "at ")) p = skip_spaces(s, p + 3);
  if (const auto hedge = words.time_hedges_before.longest_at(s, p); hedge && word_boundary(s, p + hedge->length)) {
    *approximate = true;
    p = skip_spaces(s, p + hedge->length);
  }
  return p;
}

}  // namespace

void attach_clock(const scan_context& ctx, mention& date) {
  if (!date.date || !names_one_day(*date.date) || ctx.lex == nullptr) return;
  const date_lexicon& words = ctx.lex->dates;
  const std::string_view s = ctx.text.substr(0, ctx.sentence_end);
  // 今晚8时: the day word named the evening already.
  half_day part = half_day::none;
  if (const auto named = words.day_parts.longest_ending_at(s, date.span.end)) part = static_cast<half_day>(named->payload);
  std::size_t p = skip_spaces(s, date.span.end);
  if (const std::size_t past = after_repeating_bracket(s, p); past != std::string_view::npos) p = skip_spaces(s, past);
  bool approximate = false;
  if (p < s.size() && static_cast<unsigned char>(s[p]) < 0x80) p = after_english_link_words(s, p, words, &approximate);
  const auto clock = read_clock(s, p, words, part);
  if (!clock) return;
  date.date->clock = clock->parts;
  date.date->clock->approximate = date.date->clock->approximate || approximate;
  date.span.end = clock->end;
  date.text = std::string(ctx.text.substr(date.span.begin, date.span.end - date.span.begin));
}

std::optional<mention> match_clock_then_date(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text.substr(0, ctx.sentence_end);
  if (pos >= s.size() || !is_digit(s[pos]) || (pos > 0 && (is_alnum(s[pos - 1]) || s[pos - 1] == '.' || s[pos - 1] == ':'))) return std::nullopt;
  if (ctx.lex == nullptr) return std::nullopt;
  const auto clock = read_clock(s, pos, ctx.lex->dates);
  if (!clock || static_cast<unsigned char>(s[clock->end - 1]) >= 0x80) return std::nullopt;  // 10时 leads no English date
  std::size_t p = skip_spaces(s, clock->end);
  // `7:58am (23:58 GMT) on Wednesday`: the bracket gives the same moment in another zone.
  if (const std::size_t past = after_repeating_bracket(s, p); past != std::string_view::npos) p = skip_spaces(s, past);
  // `02:21 UT on May 8`: a zone abbreviation (two to four capitals) between them.
  std::size_t q = p;
  while (q < s.size() && is_upper(s[q]) && q - p < 5) ++q;
  if (q - p >= 2 && q - p <= 4 && (q >= s.size() || s[q] == ' ')) p = skip_spaces(s, q);
  if (!starts_with(s, p, "on ")) return std::nullopt;
  std::optional<mention> date = match_date(ctx, skip_spaces(s, p + 3));
  if (!date || !date->date || !names_one_day(*date->date)) return std::nullopt;
  date->date->clock = clock->parts;
  date->span.begin = pos;
  date->text = std::string(ctx.text.substr(pos, date->span.end - pos));
  return date;
}

}  // namespace checker::detail

namespace checker::detail {

std::optional<mention> match_bare_clock(const scan_context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text.substr(0, ctx.sentence_end);
  if (pos >= s.size()) return std::nullopt;
  const bool ascii = static_cast<unsigned char>(s[pos]) < 0x80;
  // Most positions start no clock: one byte or one decode decides.
  if (ctx.lex == nullptr || (!digit_at(s, pos) && !chinese_clock_digit_at(s, pos))) return std::nullopt;
  if (ascii && pos > 0 && (is_alnum(s[pos - 1]) || s[pos - 1] == '.' || s[pos - 1] == ':' || s[pos - 1] == ',')) return std::nullopt;
  if (pos >= 3 && digit_at(s, pos - 3)) return std::nullopt;
  // `7:58am (23:58 GMT)`: the bracket gives the moment before it in another zone, not another.
  if (const std::size_t open = skip_spaces_back(s, pos); open > 0 && (s[open - 1] == '(' || ends_with(s, open, "（"))) {
    const std::size_t before = skip_spaces_back(s, open - (s[open - 1] == '(' ? 1 : 3));
    if (before > 0 && (is_digit(s[before - 1]) || s[before - 1] == '.' || ends_with(s, before, "am") || ends_with(s, before, "pm") ||
                       ends_with(s, before, "分"))) {
      return std::nullopt;
    }
  }
  const date_lexicon& words = ctx.lex->dates;
  auto clock = read_clock(s, pos, words);
  if (!clock) return std::nullopt;
  // 下午3时 scanned from the 3: the half-day word (and 约) before it decide the hour.
  if (const auto named = words.day_parts.longest_ending_at(s, pos)) {
    const auto whole = read_clock(s, pos - named->length, words);
    if (!whole) return std::nullopt;  // 上午15时: not a time that can be read
    pos -= named->length;
    clock = whole;
  }
  if (const auto hedge = words.time_hedges_before.longest_ending_at(s, pos); hedge && !ascii) {
    if (auto whole = read_clock(s, pos - hedge->length, words)) {
      pos -= hedge->length;
      clock = whole;
    }
  }
  const clock_parts& c = clock->parts;
  const bool chinese = static_cast<unsigned char>(s[clock->end - 1]) >= 0x80 || !ascii;
  if (chinese) {
    // 7时58分, 上午10时, 21点整: a bare 10点 may be a score or a count of points.
    const bool told_as_time = c.minute || c.exact || c.approximate || !is_digit(s[pos]);
    if (!told_as_time) return std::nullopt;
  } else {
    // 7:58am needs nothing more; 14:06 must say its zone: `at 3:30` may be a score or a ratio.
    const bool meridiem = is_alpha(s[clock->end - 1]) || s[clock->end - 1] == '.';
    const std::size_t after = skip_spaces(s, clock->end);
    const bool zone_follows = ctx.lex != nullptr && ctx.lex->time_zones.longest_at(s, after).has_value();
    if (!meridiem && !zone_follows) return std::nullopt;
  }
  date_parts parts;
  parts.clock = c;
  mention m;
  m.span = byte_span{pos, clock->end};
  m.text = std::string(ctx.text.substr(pos, clock->end - pos));
  m.sentence = ctx.sentence_index;
  m.kind = claim_kind::date;
  m.date = parts;
  return m;
}

}  // namespace checker::detail
