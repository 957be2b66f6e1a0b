#include "normalize/normalize.h"

#include <fmt/format.h>

namespace checker {
namespace {

// A long figure cut for a message, never inside a character.
std::string shortened(const std::string& text) {
  if (text.size() <= 60) return text;
  std::size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + fmt::format("... ({} bytes)", text.size());
}

decimal absolute(const decimal& d) { return d.mantissa < 0 ? negate(d) : d; }

// Applies a relative margin: value +- |value| * margin.
std::optional<decimal> margin_of(const decimal& value, const std::optional<decimal>& margin) {
  if (!margin) return decimal{0, 0};
  return multiply(absolute(value), *margin);
}

std::optional<decimal> find_margin(const lexicon& lex, hedge_kind kind) {
  for (const hedge_entry& entry : lex.hedge_entries) {
    if (entry.kind == kind && entry.margin) return entry.margin;
  }
  return std::nullopt;
}

std::string unit_key(const mention& m, const lexicon& lex) {
  const amount_parts& a = *m.amount;
  std::string unit = a.unit.empty() ? "number" : a.unit;
  if (m.kind == claim_kind::count) unit = "count:" + (a.counted.empty() ? std::string("item") : a.counted);
  if (!a.per.empty()) unit += "/" + lex.canonical_per(a.per);
  return unit;
}

bool normalize_amount(const mention& m, const lexicon& lex, claim& out) {
  const amount_parts& a = *m.amount;
  auto value = multiply(a.value, a.factor);
  auto half = multiply(a.value.half_unit(), a.factor);
  if (!value || !half) return false;
  out.value = value;
  out.unit = unit_key(m, lex);
  std::optional<decimal> high_point = value;
  std::optional<decimal> high_half = half;
  if (a.range_end) {
    high_point = multiply(*a.range_end, a.factor);
    high_half = multiply(a.range_end->half_unit(), a.factor);
    if (!high_point || !high_half) return false;
  }
  auto low = subtract(*value, *half);
  auto high = add(*high_point, *high_half);
  if (!low || !high) return false;
  value_interval interval{low, high, true, true};
  // `$449` for a price of $449.99: a sum written in whole units drops its cents as often as it
  // rounds them, so it covers up to the next whole unit.
  const bool whole_units = m.kind == claim_kind::money && a.factor == decimal{1, 0} && a.value.exponent == 0 && !a.range_end;
  if (whole_units && (m.hedge == hedge_kind::none || m.hedge == hedge_kind::exact)) {
    interval.high = add(*value, decimal{1, 0});
    interval.high_inclusive = false;
    if (!interval.high) return false;
  }
  switch (m.hedge) {
    case hedge_kind::approximate: {
      auto widen = margin_of(*value, find_margin(lex, hedge_kind::approximate));
      if (!widen) return false;
      interval.low = subtract(*low, *widen);
      interval.high = add(*high, *widen);
      break;
    }
    case hedge_kind::nearly: {
      // Nearly 30 is a little under 30: [30 * (1 - margin), 30].
      auto widen = margin_of(*value, find_margin(lex, hedge_kind::nearly));
      if (!widen) return false;
      interval.low = subtract(*low, *widen);
      break;
    }
    case hedge_kind::more_than:
      interval = value_interval{value, std::nullopt, false, true};
      break;
    case hedge_kind::at_least:
      interval = value_interval{value, std::nullopt, true, true};
      break;
    case hedge_kind::less_than:
      interval = value_interval{decimal{0, 0}, value, true, false};
      break;
    case hedge_kind::at_most:
      interval = value_interval{decimal{0, 0}, high_point, true, true};
      break;
    case hedge_kind::none:
    case hedge_kind::exact:
      break;
  }
  if ((interval.low == std::nullopt && m.hedge != hedge_kind::more_than && m.hedge != hedge_kind::at_least) ||
      (!interval.high && m.hedge != hedge_kind::more_than && m.hedge != hedge_kind::at_least)) {
    return false;
  }
  out.interval = interval;
  return true;
}

struct date_state {
  std::optional<date_value> previous;  // the latest resolved date with a month, for 17日 and 次日
  struct mark {
    civil_date first;
    date_grain grain = date_grain::day;
  };
  std::optional<mark> latest;  // the start and grain of the latest resolved date, for 十年后 (issue 12)
  /// The one year the text's dates name, when they name exactly one (issue 13): the year of
  /// 4月3日 on a page with no publication date that dates everything else 2024.
  std::optional<int> sole_year;
  bool full_date_seen = false;  // a date with year, month and day has been read
};

civil_date last_day(int year, unsigned month) {
  return civil_date{year, month, civil_date::days_in_month(year, month)};
}

// The interval a year or month covers, narrowed by a period word.
std::pair<civil_date, civil_date> period_range(int year, std::optional<unsigned> month, date_period period, date_grain* grain) {
  if (month) {
    *grain = date_grain::month;
    const unsigned end = civil_date::days_in_month(year, *month);
    switch (period) {
      case date_period::early: return {{year, *month, 1}, {year, *month, 10}};
      case date_period::mid: return {{year, *month, 11}, {year, *month, 20}};
      case date_period::late: return {{year, *month, 21}, {year, *month, end}};
      default: return {{year, *month, 1}, {year, *month, end}};
    }
  }
  *grain = date_grain::year;
  switch (period) {
    // Early, mid and late split the year in thirds: 年初 and "early 2025" reach into April.
    case date_period::early: return {{year, 1, 1}, last_day(year, 4)};
    case date_period::mid: return {{year, 5, 1}, last_day(year, 8)};
    case date_period::late: return {{year, 9, 1}, last_day(year, 12)};
    case date_period::first_half: *grain = date_grain::half; return {{year, 1, 1}, last_day(year, 6)};
    case date_period::second_half: *grain = date_grain::half; return {{year, 7, 1}, last_day(year, 12)};
    case date_period::q1: *grain = date_grain::quarter; return {{year, 1, 1}, last_day(year, 3)};
    case date_period::q2: *grain = date_grain::quarter; return {{year, 4, 1}, last_day(year, 6)};
    case date_period::q3: *grain = date_grain::quarter; return {{year, 7, 1}, last_day(year, 9)};
    case date_period::q4: *grain = date_grain::quarter; return {{year, 10, 1}, last_day(year, 12)};
    case date_period::first_three_quarters: *grain = date_grain::quarter; return {{year, 1, 1}, last_day(year, 9)};
    case date_period::whole: break;
  }
  return {{year, 1, 1}, {year, 12, 31}};
}

std::chrono::sys_days monday_of(std::chrono::sys_days day) {
  const unsigned iso = std::chrono::weekday{day}.iso_encoding();  // 1 Monday .. 7 Sunday
  return day - std::chrono::days{iso - 1};
}

// Monday of ISO week 1: the week holding 4 January.
std::chrono::sys_days first_iso_monday(int year) { return monday_of(civil_date{year, 1, 4}.days()); }

date_value week_value(std::chrono::sys_days monday, std::string anchor) {
  return date_value{civil_date::from_days(monday), civil_date::from_days(monday + std::chrono::days{6}), date_grain::week,
                    std::move(anchor), std::nullopt};
}

// The day a weekday without a named week falls on, counted from publication (issue 12).
std::chrono::sys_days place_weekday(std::chrono::sys_days published, unsigned weekday, weekday_place place) {
  const int today = static_cast<int>(std::chrono::weekday{published}.iso_encoding());
  const int target = static_cast<int>(weekday);
  int back = (today - target + 7) % 7;
  int ahead = (target - today + 7) % 7;
  switch (place) {
    case weekday_place::on_or_before: return published - std::chrono::days{back};
    case weekday_place::before: return published - std::chrono::days{back == 0 ? 7 : back};
    case weekday_place::on_or_after: return published + std::chrono::days{ahead};
    case weekday_place::after: return published + std::chrono::days{ahead == 0 ? 7 : ahead};
  }
  return published;
}

// 周三, 上周, 本周末, next Monday, week 31: resolved by ISO weeks (Monday to Sunday).
void resolve_week(const date_parts& p, const std::optional<civil_date>& published, claim& out) {
  if (p.iso_week) {
    if (!p.year && !published) {
      out.status = resolution::unresolved;
      out.status_reason = "a week number without a year, and the publication date is unknown";
      return;
    }
    const int year = p.year ? *p.year : published->year;
    const auto monday = first_iso_monday(year) + std::chrono::weeks{*p.iso_week - 1};
    if (monday >= first_iso_monday(year + 1)) {
      out.status = resolution::invalid;
      out.status_reason = fmt::format("{} has no ISO week {}", year, *p.iso_week);
      return;
    }
    out.date = week_value(monday, p.year ? "explicit" : "publication date " + published->iso());
    return;
  }
  if (!published) {
    out.status = resolution::unresolved;
    out.status_reason = "relative to the publication week, which is unknown";
    return;
  }
  const std::string anchor = "publication date " + published->iso();
  const auto today = published->days();
  if (!p.week_offset) {
    const civil_date day = civil_date::from_days(place_weekday(today, *p.weekday, p.place));
    out.date = date_value{day, day, date_grain::day, anchor, std::nullopt};
    return;
  }
  const auto monday = monday_of(today) + std::chrono::weeks{*p.week_offset};
  if (p.weekday) {
    const civil_date day = civil_date::from_days(monday + std::chrono::days{*p.weekday - 1});
    out.date = date_value{day, day, date_grain::day, anchor, std::nullopt};
  } else if (p.weekend) {
    out.date = date_value{civil_date::from_days(monday + std::chrono::days{5}), civil_date::from_days(monday + std::chrono::days{6}),
                          date_grain::range, anchor, std::nullopt};
  } else {
    out.date = week_value(monday, anchor);
  }
}

// 5年前, two months ago, in two weeks: the unit containing the day N units away, at its grain.
void resolve_shift(const date_shift& shift, const std::optional<civil_date>& published, const date_state& state, claim& out) {
  std::optional<civil_date> base;
  std::string anchor;
  if (shift.from_preceding) {
    // 建于1986年，十年后: counted from the date just before, at a grain no finer than it has.
    const auto& before = state.latest;
    const bool fine_enough = before && (before->grain == date_grain::day || shift.unit == date_grain::year ||
                                        (shift.unit == date_grain::month && before->grain == date_grain::month));
    if (!fine_enough) {
      out.status = resolution::unresolved;
      out.status_reason = "counted from a preceding date, and none precedes it at that grain";
      return;
    }
    base = before->first;
    anchor = "preceding date " + base->iso();
  } else {
    if (!published) {
      out.status = resolution::unresolved;
      out.status_reason = "relative to the publication date, which is unknown";
      return;
    }
    base = published;
    anchor = "publication date " + base->iso();
  }
  switch (shift.unit) {
    case date_grain::week:
      out.date = week_value(monday_of(base->days() + std::chrono::weeks{shift.amount}), anchor);
      return;
    case date_grain::month: {
      const int months = base->year * 12 + static_cast<int>(base->month) - 1 + shift.amount;
      const int year = months / 12;
      const unsigned month = static_cast<unsigned>(months % 12 + 1);
      out.date = date_value{{year, month, 1}, last_day(year, month), date_grain::month, anchor, std::nullopt};
      return;
    }
    case date_grain::year:
      out.date = date_value{{base->year + shift.amount, 1, 1}, {base->year + shift.amount, 12, 31}, date_grain::year, anchor, std::nullopt};
      return;
    default: {
      const civil_date day = civil_date::from_days(base->days() + std::chrono::days{shift.amount});
      out.date = date_value{day, day, date_grain::day, anchor, std::nullopt};
      return;
    }
  }
}

// The year of a month and day written without one: the publication year, unless that puts it
// more than 31 days after publication (a December date in a January article is last year's)
// or more than 334 days before it (a January date in a late-December article is next year's).
// A date that does not exist in that year (2月29日) takes the nearest year in which it does.
// After a future cue (`will launch on June 5`) the window lies ahead: from 31 days before
// publication to 334 days after.
int year_for_month_day(const civil_date& published, unsigned month, std::optional<unsigned> day, bool ahead) {
  const auto when = [&](int year) -> std::optional<std::chrono::sys_days> {
    if (!day) return civil_date{year, month, 1}.days();
    auto date = civil_date::make(year, month, *day);
    if (!date) return std::nullopt;
    return date->days();
  };
  const auto today = published.days();
  const std::chrono::days window_end{ahead ? 334 : 31};
  const auto in_window = [&](std::chrono::sys_days d) { return d <= today + window_end && d > today + window_end - std::chrono::days{365}; };
  std::optional<int> nearest;
  std::chrono::days best{0};
  for (int year : {published.year, published.year - 1, published.year + 1}) {
    auto d = when(year);
    if (!d) continue;
    if (in_window(*d)) return year;
    const auto distance = *d > today ? *d - today : today - *d;
    if (!nearest || distance < best) {
      nearest = year;
      best = distance;
    }
  }
  return nearest.value_or(published.year);
}

void normalize_point(const date_parts& p, const document& doc, date_state& state, claim& out);

// The year the dates of a text name when they name exactly one (written years only: 2024年,
// 2024-04-03, April 3, 2024, either end of a range).
std::optional<int> sole_year_named(const std::vector<mention>& mentions) {
  std::optional<int> year;
  for (const mention& m : mentions) {
    if (!m.date) continue;
    for (const std::optional<int>& written : {m.date->year, m.date->range_end ? m.date->range_end->year : std::nullopt}) {
      if (!written) continue;
      if (year && *year != *written) return std::nullopt;
      year = written;
    }
  }
  return year;
}

bool is_bare_clock(const date_parts& p) {
  return p.clock && !p.year && !p.month && !p.day && !p.year_offset && !p.month_offset && !p.day_offset && !p.chain_offset &&
         !p.weekday && !p.week_offset && !p.iso_week && !p.shift;
}

clock_window window_of(const clock_parts& c);

// 14時7分, `at 14:06 Beijing time`: a time of day on the day named in its sentence or the one
// before (`On Tuesday, the capsule landed. It touched down at 14:06`). Further back, the day
// might be another event's: the time is listed, not dated.
void date_bare_clock(const mention& m, const std::optional<std::pair<civil_date, std::size_t>>& last_day, claim& out) {
  out.unit = "date";
  if (!last_day || last_day->second + 1 < m.sentence) {
    out.status = resolution::unresolved;
    out.status_reason = "a time of day with no day named in its sentence or the one before";
    return;
  }
  out.date = date_value{last_day->first, last_day->first, date_grain::day, "preceding date " + last_day->first.iso(), window_of(*m.date->clock)};
}

// The seconds of its day a written time covers: the last unit it states (10时 the hour, 7时58分
// the minute, 21点整 the minute, 09:27:29 the second). 许 or `about` widen it by what a writer
// rounding that way leaves out: half an hour around `about 8 a.m.`, a few minutes around 9:15许.
clock_window window_of(const clock_parts& c) {
  const auto start = static_cast<std::int32_t>(c.hour * 3600 + c.minute.value_or(0) * 60 + c.second.value_or(0));
  clock_window out;
  out.text = c.second ? fmt::format("T{:02}:{:02}:{:02}", c.hour, c.minute.value_or(0), *c.second)
                      : fmt::format("T{:02}:{:02}", c.hour, c.minute.value_or(0));
  out.approximate = c.approximate;
  if (!c.approximate) {
    const std::int32_t length = c.second ? 1 : (c.minute || c.exact) ? 60 : 3600;
    out.first_second = start;
    out.end_second = start + length;
    return out;
  }
  const unsigned minute = c.minute.value_or(0);
  const std::int32_t slack = minute == 0 ? 1800 : minute % 15 == 0 ? 450 : minute % 5 == 0 ? 150 : 60;
  out.first_second = start - slack;
  out.end_second = start + slack + (c.second ? 1 : 60);
  return out;
}

// 1995-1997年, 6月1日至30日: the first end resolved as usual, the second end filled in from it
// (its year, then its month), one interval from the start of the first to the end of the second.
void normalize_date(const mention& m, const document& doc, date_state& state, claim& out) {
  const date_parts& p = *m.date;
  out.unit = "date";
  if (!p.range_end) {
    // 3/4/2016: read in US order (4 March) and said to be a reading, unless only the other
    // reading falls in the week up to publication (a dateline 03/04/2024 on a page of 3 April).
    if (p.order_ambiguous && p.year && p.month && p.day && doc.published) {
      const auto near = [&](unsigned month, unsigned day) {
        auto d = civil_date::make(*p.year, month, day);
        return d && d->days() <= doc.published->days() && d->days() + std::chrono::days{7} >= doc.published->days();
      };
      if (near(*p.day, *p.month) && !near(*p.month, *p.day)) {
        date_parts swapped = p;
        std::swap(*swapped.month, *swapped.day);
        normalize_point(swapped, doc, state, out);
        if (out.date) out.date->anchor += "; day and month order ambiguous, read as day/month (the reading near publication)";
        return;
      }
    }
    normalize_point(p, doc, state, out);
    if (p.order_ambiguous && out.date) out.date->anchor += "; day and month order ambiguous, read as month/day";
    return;
  }
  const date_end& e = *p.range_end;
  date_parts first = p;
  // from May 3 to May 9, 2024; Jan-Feb 2017: the year written once, at the end.
  if (!first.year && !first.year_offset && !first.month_offset && !first.chain_offset && e.year) first.year = e.year;
  normalize_point(first, doc, state, out);
  if (!out.date) return;
  const civil_date start = out.date->first;
  int year = e.year.value_or(start.year);
  // A second end with a day but no month is in the first end's month; with neither, a year.
  const bool has_month = e.month.has_value() || e.day.has_value();
  unsigned month = e.month.value_or(start.month);
  const auto end_of = [&]() -> std::optional<civil_date> {
    if (has_month && e.day) return civil_date::make(year, month, *e.day);
    if (has_month) return month >= 1 && month <= 12 ? std::optional<civil_date>(last_day(year, month)) : std::nullopt;
    return civil_date::make(year, 12, 31);
  };
  std::optional<civil_date> last = end_of();
  if (last && *last < out.date->last && !e.year) {
    // 12月30日至1月2日, 30日至2日: the second end is in the next year or month.
    if (e.month) {
      ++year;
    } else if (e.day && ++month > 12) {
      month = 1;
      ++year;
    }
    last = end_of();
  }
  if (!last || *last < out.date->last) {
    out.date.reset();
    out.status = resolution::invalid;
    out.status_reason = last ? "the range ends before it begins" : "the end of the range does not exist";
    return;
  }
  out.date = date_value{start, *last, date_grain::range, out.date->anchor, std::nullopt};
}

void normalize_point(const date_parts& p, const document& doc, date_state& state, claim& out) {
  const std::optional<civil_date>& published = doc.published;
  auto unresolved = [&](std::string why) {
    out.status = resolution::unresolved;
    out.status_reason = std::move(why);
  };
  auto invalid = [&](std::string why) {
    out.status = resolution::invalid;
    out.status_reason = std::move(why);
  };

  if (p.weekday || p.week_offset || p.iso_week) {
    resolve_week(p, published, out);
    if (out.date && out.date->grain == date_grain::day) state.previous = out.date;
    return;
  }
  if (p.shift) {
    resolve_shift(*p.shift, published, state, out);
    if (out.date) state.previous = out.date;
    return;
  }
  // Offsets in days from the publication date: 昨天, 4小时前.
  if (p.day_offset) {
    if (!published) return unresolved("relative to the publication date, which is unknown");
    const civil_date day = civil_date::from_days(published->days() + std::chrono::days{*p.day_offset});
    out.date = date_value{day, day, date_grain::day, "publication date " + published->iso(), std::nullopt};
    state.previous = out.date;
    return;
  }
  // 同日, 次日: from the preceding date in the text.
  if (p.chain_offset && !p.year && !p.month) {
    if (!state.previous || state.previous->grain != date_grain::day) {
      return unresolved("relative to a preceding date, and no full date precedes it");
    }
    const civil_date day = civil_date::from_days(state.previous->first.days() + std::chrono::days{*p.chain_offset});
    out.date = date_value{day, day, date_grain::day, "preceding date " + state.previous->first.iso(), std::nullopt};
    state.previous = out.date;
    return;
  }

  int year = 0;
  std::optional<unsigned> month = p.month;
  std::string anchor = "explicit";
  if (p.year) {
    year = *p.year;
  } else if (p.year_offset) {
    if (!published) return unresolved("relative to the publication year, which is unknown");
    year = published->year + *p.year_offset;
    anchor = "publication date " + published->iso();
  } else if (p.chain_offset) {  // 同年8月
    if (!state.previous) return unresolved("refers to the year of a preceding date, and none precedes it");
    year = state.previous->first.year;
    anchor = "preceding date " + state.previous->first.iso();
  } else if (p.month_offset) {
    if (!published) return unresolved("relative to the publication month, which is unknown");
    const int months = published->year * 12 + static_cast<int>(published->month) - 1 + *p.month_offset;
    year = months / 12;
    month = static_cast<unsigned>(months % 12 + 1);
    anchor = "publication date " + published->iso();
  } else if (!p.month && p.day) {
    // 17日: month and year from the nearest preceding date that names a month.
    if (!state.previous || state.previous->grain == date_grain::year) {
      return unresolved("a day of the month with no preceding month in the text");
    }
    // 4月29日倒塌……5日凌晨: a day before the preceding date's day may be in the next month; the
    // text does not say which.
    if (state.previous->grain == date_grain::day && *p.day < state.previous->first.day) {
      return unresolved("a day of the month before the preceding date's day: this month or the next");
    }
    year = state.previous->first.year;
    month = state.previous->first.month;
    anchor = fmt::format("preceding month {:04}-{:02}", year, *month);
  } else if (p.month) {
    // 9月17日 in a dated article: the publication year, unless that puts it well after
    // publication (a December date in a January article is last year's).
    if (*month < 1 || *month > 12) return invalid(fmt::format("month {} does not exist", *month));
    if (published) {
      year = year_for_month_day(*published, *month, p.day, p.place == weekday_place::on_or_after);
      anchor = "publication year " + std::to_string(published->year) +
               (year < published->year ? " minus one" : year > published->year ? " plus one" : "");
    } else if (state.sole_year && state.full_date_seen) {
      // An undated page that names one year only, after a full date of it (2024年4月3日 ...
      // 4月5日): that year. A page naming two (a project begun in 2018, launched in 2024), or
      // one only as a month (a rival's launch in 2023年5月, beside this year's 8月20日), leaves
      // the month and day unresolved.
      year = *state.sole_year;
      anchor = fmt::format("the only year the text names, {}", year);
    } else {
      return unresolved("no year, and the publication date is unknown");
    }
    if (p.named_event) {
      // 5.12地震 names an event by its day; anniversaries are written the same way (5.12 is
      // 2008 in an article of any year), so the publication year would be a guess.
      return unresolved("an event named by its month and day; its year is not stated");
    }
  } else {
    return unresolved("no date parts");
  }

  if (month && (*month < 1 || *month > 12)) return invalid(fmt::format("month {} does not exist", *month));
  if (month && p.day) {
    auto day = civil_date::make(year, *month, *p.day);
    if (!day) return invalid(fmt::format("{:04}-{:02}-{:02} does not exist", year, *month, *p.day));
    out.date = date_value{*day, *day, date_grain::day, anchor, std::nullopt};
  } else {
    if (year < 1 || year > 9999) return invalid("year out of range");
    date_grain grain = date_grain::year;
    auto [first, last] = period_range(year, month, p.period, &grain);
    out.date = date_value{first, last, grain, anchor, std::nullopt};
  }
  if (out.date->grain != date_grain::year || month) state.previous = out.date;
  else if (!state.previous) state.previous = out.date;
}

}  // namespace

clock_window clock_window_of(const clock_parts& clock) { return window_of(clock); }

std::vector<claim> normalize(const document& doc, std::size_t document_index, const std::vector<mention>& mentions,
                             const lexicon& lex, diagnostics& diags) {
  std::vector<claim> out;
  out.reserve(mentions.size());
  date_state state;
  state.sole_year = sole_year_named(mentions);
  std::size_t unresolved = 0;
  std::optional<std::pair<civil_date, std::size_t>> last_day;  // the latest single day and its sentence
  for (const mention& m : mentions) {
    claim c;
    c.id = fmt::format("{}#{}", doc.id, out.size() + 1);
    c.document = document_index;
    c.found = m;
    c.original_span = doc.original_span(m.span);
    if (m.kind == claim_kind::date && is_bare_clock(*m.date)) {
      date_bare_clock(m, last_day, c);
      if (c.status == resolution::unresolved) ++unresolved;
    } else if (m.kind == claim_kind::date) {
      normalize_date(m, doc, state, c);
      if (m.date && m.date->year && m.date->month && m.date->day && c.date) state.full_date_seen = true;
      if (c.date && c.date->grain == date_grain::day && c.date->first == c.date->last) last_day = std::pair{c.date->first, m.sentence};
      // A time of day refines a single day; the day was resolved as if it were not there.
      if (c.date && m.date && m.date->clock && c.date->grain == date_grain::day && c.date->first == c.date->last) {
        c.date->clock = window_of(*m.date->clock);
      }
      if (c.date) state.latest = date_state::mark{c.date->first, c.date->grain};
      if (c.status == resolution::invalid) {
        diags.push_back(diagnostic{"normalize.invalid-date", diagnostic_level::warning, doc.path,
                                   fmt::format("'{}' is not a real date ({}); it is reported, not compared", m.text, c.status_reason),
                                   c.original_span.begin});
      }
      if (c.status == resolution::unresolved) ++unresolved;
      if (m.date && m.date->order_ambiguous && c.date) {
        diags.push_back(diagnostic{"normalize.ambiguous-date", diagnostic_level::note, doc.path,
                                   fmt::format("'{}' could be month/day or day/month; read as {}", m.text, c.date->first.iso()),
                                   c.original_span.begin});
      }
    } else if (m.too_long || !m.amount || !normalize_amount(m, lex, c)) {
      c.status = resolution::invalid;
      c.status_reason = "too large to hold exactly";
      diags.push_back(diagnostic{"normalize.overflow", diagnostic_level::warning, doc.path,
                                 fmt::format("'{}' is too large to hold exactly; it is not compared",
                                             shortened(m.text)),
                                 c.original_span.begin});
    }
    out.push_back(std::move(c));
  }
  if (unresolved > 0) {
    diags.push_back(diagnostic{"normalize.unresolved-date", diagnostic_level::note, doc.path,
                               fmt::format("{} relative or partial date(s) could not be resolved{}; they are listed "
                                           "but not compared",
                                           unresolved, doc.published ? "" : " because the publication date is unknown"),
                               std::nullopt});
  }
  return out;
}

}  // namespace checker
