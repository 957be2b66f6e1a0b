#pragma once
// The records that flow from recognise to compare: a `mention` is a figure found in a sentence
// with its parts as written; a `claim` adds the normalised value and what the figure is about.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/decimal.h"
#include "model/span.h"

namespace checker {

enum class claim_kind { number, money, percent, count, duration, date };

/// How the writer qualified the figure. `more_than`/`less_than` bound the value on one side;
/// `approximate` and `nearly` widen it; `exact` (仅, only) keeps the stated precision.
enum class hedge_kind { none, approximate, nearly, more_than, at_least, less_than, at_most, exact };

/// A figure's numeric parts as written, already scaled (`29.4万` is {294, 3}).
struct amount_parts {
  decimal value;
  std::optional<decimal> range_end;  // `5%至10%`, `12-28nm`
  std::string unit;                  // canonical: ISO 4217 code, `percent`, `hour`, `page`, ...
  decimal factor{1, 0};              // written unit to canonical unit: `天` is 24 hours
  std::string unit_text;             // as written: `美元`, `hours`, `张`
  std::string counted;               // what a count counts: `H800`, `experts`
  std::string per;                   // a rate's denominator: `GPU hour`, `million input tokens`
  bool currency_assumed = false;     // a bare `$` read as US dollars
};

/// `week` is an ISO week (Monday to Sunday); `range` an interval written as two ends (issue 12).
enum class date_grain { day, month, quarter, half, year, week, range };

/// Period within a year or month named by the text (`年初`, `上半年`, `Q3`, `early 2025`).
enum class date_period { whole, early, mid, late, first_half, second_half, q1, q2, q3, q4, first_three_quarters };

/// Where a weekday lies when no week is named (issue 12): a bare 周三 or `on Wednesday` in news
/// is the latest one on or before publication; after 将于 or `will` the first on or after;
/// `last Friday` strictly before, `next Monday` strictly after.
enum class weekday_place { on_or_before, on_or_after, before, after };

/// `N` days, weeks, months or years from the publication date or from the preceding date.
struct date_shift {
  int amount = 0;                 // signed: 5年前 is -5 years
  date_grain unit = date_grain::day;  // day, week, month or year
  bool from_preceding = false;    // 三天后, three days later: from the preceding date in the text
};

/// The second end of a date range as written; what it leaves out comes from the first end.
struct date_end {
  std::optional<int> year;
  std::optional<unsigned> month;
  std::optional<unsigned> day;
};

/// A time of day written with a date (8月20日上午10时, 4月3日7时58分许, June 1 at 22:23, 7:58am on
/// Wednesday), on the 24-hour clock of the date's own calendar.
struct clock_parts {
  unsigned hour = 0;                // 0..23, the half-day word applied (下午2时, 2 p.m. -> 14)
  std::optional<unsigned> minute;   // absent: stated to the hour (10时, 9 a.m.)
  std::optional<unsigned> second;
  bool exact = false;               // 整, sharp: 21点整 is 21:00, not some time in that hour
  bool approximate = false;         // 许, 左右, about
};

/// A date's parts as written; relative parts are offsets from the anchor.
struct date_parts {
  std::optional<int> year;
  std::optional<unsigned> month;
  std::optional<unsigned> day;
  std::optional<int> year_offset;   // 今年 0, 去年 -1, this year, last year
  std::optional<int> month_offset;  // 本月 0, 上月 -1
  std::optional<int> day_offset;    // 昨天 -1, 今日 0, 4小时前 0 (from the publication date)
  std::optional<int> chain_offset;  // 同日 0, 次日 +1 (from the preceding date in the text)
  date_period period = date_period::whole;
  // Issue 12: weeks, weekdays, shifts, ranges and numeric dates.
  std::optional<int> week_offset;   // 本周 0, 上周 -1, 下下周 +2 (ISO weeks from the publication week)
  std::optional<unsigned> weekday;  // 1 Monday .. 7 Sunday; with `week_offset` a day of that week
  weekday_place place = weekday_place::on_or_before;  // where a weekday without a week lies
  bool weekend = false;             // 本周末, this weekend: Saturday and Sunday of the week
  std::optional<unsigned> iso_week;  // week 31: of `year`, else of the publication year
  std::optional<date_shift> shift;   // 5年前, two months ago, 三天后, in two weeks
  std::optional<date_end> range_end;  // 1995-1997年, 6月1日至30日: the second end as written
  bool order_ambiguous = false;      // 1/2/2016: both parts could be the month; read US month/day
  bool named_event = false;          // 5.12地震: a month and day naming an event
  std::optional<clock_parts> clock;  // issue 13: a time of day written with the date
};

/// One figure found in a sentence.
struct mention {
  byte_span span;          // in the document's analysed text
  std::string text;        // exactly as written
  std::size_t sentence = 0;
  claim_kind kind = claim_kind::number;
  hedge_kind hedge = hedge_kind::none;
  std::string hedge_text;
  std::optional<amount_parts> amount;
  std::optional<date_parts> date;
  bool too_long = false;   // more digits than an exact decimal holds: reported, never compared
};

/// The seconds of a day a written time of day covers, in the date's own calendar: 10时 is the
/// hour [36000, 39600), 7时58分 the minute [28680, 28740), `about 8 a.m.` [27000, 30600). An
/// approximate time may reach into the days either side (negative, or past 86400).
struct clock_window {
  std::int32_t first_second = 0;
  std::int32_t end_second = 0;  // exclusive
  std::string text;             // as ISO shows it: `T10:00`, `T09:27:29`
  bool approximate = false;
};

/// A resolved date interval and the anchor used to fill in what the text left out.
struct date_value {
  civil_date first;
  civil_date last;
  date_grain grain = date_grain::day;
  std::string anchor;  // `explicit`, `publication date 2025-09-18`, `preceding month 2025-09`
  std::optional<clock_window> clock;  // a single day with a time of day written
};

/// An interval of values; an absent end is unbounded.
struct value_interval {
  std::optional<decimal> low;
  std::optional<decimal> high;
  bool low_inclusive = true;
  bool high_inclusive = true;
};

enum class resolution { resolved, unresolved, invalid };

/// A normalised, linked claim.
struct claim {
  std::string id;             // `<document id>#<n>`, stable for one input
  std::size_t document = 0;   // index into the run's documents
  mention found;
  byte_span original_span;    // byte offsets into the original file
  resolution status = resolution::resolved;
  std::string status_reason;  // why a claim is unresolved or invalid
  std::optional<decimal> value;  // point value (quantities)
  value_interval interval;       // quantities: precision and hedge applied
  std::optional<date_value> date;
  std::string unit;              // canonical unit, `date` for dates
  // Set by link.
  std::string subject;           // canonical subject name; empty when unknown
  std::string attribute;         // attribute id from the lexicon; empty when unknown
  std::vector<std::string> qualifiers;  // sorted condition ids that must match to compare
  /// The moment the figure is stamped with (截至19日8时47分 -> `2025-01-19T08:47`, 截至今日 ->
  /// `2025-01-07`, 目前 -> the publication date); empty when unstamped. Figures of one fact
  /// stamped at different moments supersede each other rather than contradict.
  std::string as_of;
  /// Dates: the UTC offset, in minutes, of the calendar the date is written in (北京时间 ->
  /// +480; a date written in Chinese -> +480); absent when unknown. A calendar date is local:
  /// 06:23 on 2 June in Beijing is 1 June in New York.
  std::optional<int> utc_offset_minutes;
  std::string zone_basis;  // `stated '北京时间'`, `written in Chinese`
  double link_confidence = 0.0;
  std::string link_basis;        // how subject and attribute were decided
  bool linked() const { return !subject.empty() && !attribute.empty(); }
};

std::string to_string(claim_kind kind);
std::string to_string(hedge_kind kind);
std::string to_string(date_grain grain);
std::string to_string(resolution status);

}  // namespace checker
