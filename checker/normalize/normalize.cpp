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

void normalize_date(const mention& m, const document& doc, date_state& state, claim& out) {
  const date_parts& p = *m.date;
  out.unit = "date";
  const std::optional<civil_date>& published = doc.published;
  auto unresolved = [&](std::string why) {
    out.status = resolution::unresolved;
    out.status_reason = std::move(why);
  };
  auto invalid = [&](std::string why) {
    out.status = resolution::invalid;
    out.status_reason = std::move(why);
  };

  // Offsets in days from the publication date: 昨天, 4小时前.
  if (p.day_offset) {
    if (!published) return unresolved("relative to the publication date, which is unknown");
    const civil_date day = civil_date::from_days(published->days() + std::chrono::days{*p.day_offset});
    out.date = date_value{day, day, date_grain::day, "publication date " + published->iso()};
    state.previous = out.date;
    return;
  }
  // 同日, 次日: from the preceding date in the text.
  if (p.chain_offset && !p.year && !p.month) {
    if (!state.previous || state.previous->grain != date_grain::day) {
      return unresolved("relative to a preceding date, and no full date precedes it");
    }
    const civil_date day = civil_date::from_days(state.previous->first.days() + std::chrono::days{*p.chain_offset});
    out.date = date_value{day, day, date_grain::day, "preceding date " + state.previous->first.iso()};
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
    year = state.previous->first.year;
    month = state.previous->first.month;
    anchor = fmt::format("preceding month {:04}-{:02}", year, *month);
  } else if (p.month) {
    // 9月17日 in a dated article: the publication year, unless that puts it well after
    // publication (a December date in a January article is last year's).
    if (!published) return unresolved("no year, and the publication date is unknown");
    year = published->year;
    const unsigned day = p.day.value_or(1);
    if (auto candidate = civil_date::make(year, *month, std::min(day, civil_date::days_in_month(year, *month)))) {
      if (candidate->days() > published->days() + std::chrono::days{31}) --year;
    }
    anchor = "publication year " + std::to_string(published->year) + (year != published->year ? " minus one" : "");
  } else {
    return unresolved("no date parts");
  }

  if (month && (*month < 1 || *month > 12)) return invalid(fmt::format("month {} does not exist", *month));
  if (month && p.day) {
    auto day = civil_date::make(year, *month, *p.day);
    if (!day) return invalid(fmt::format("{:04}-{:02}-{:02} does not exist", year, *month, *p.day));
    out.date = date_value{*day, *day, date_grain::day, anchor};
  } else {
    if (year < 1 || year > 9999) return invalid("year out of range");
    date_grain grain = date_grain::year;
    auto [first, last] = period_range(year, month, p.period, &grain);
    out.date = date_value{first, last, grain, anchor};
  }
  if (out.date->grain != date_grain::year || month) state.previous = out.date;
  else if (!state.previous) state.previous = out.date;
}

}  // namespace

std::vector<claim> normalize(const document& doc, std::size_t document_index, const std::vector<mention>& mentions,
                             const lexicon& lex, diagnostics& diags) {
  std::vector<claim> out;
  out.reserve(mentions.size());
  date_state state;
  std::size_t unresolved = 0;
  for (const mention& m : mentions) {
    claim c;
    c.id = fmt::format("{}#{}", doc.id, out.size() + 1);
    c.document = document_index;
    c.found = m;
    c.original_span = doc.original_span(m.span);
    if (m.kind == claim_kind::date) {
      normalize_date(m, doc, state, c);
      if (c.status == resolution::invalid) {
        diags.push_back(diagnostic{"normalize.invalid-date", diagnostic_level::warning, doc.path,
                                   fmt::format("'{}' is not a real date ({}); it is reported, not compared", m.text, c.status_reason),
                                   c.original_span.begin});
      }
      if (c.status == resolution::unresolved) ++unresolved;
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
