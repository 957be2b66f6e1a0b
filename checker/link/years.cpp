// Dates written without a year (`8月20日上午10点`, `June 25`) on pages that carry no
// publication date and name no single year of their own stay unresolved in normalize. A human
// fact-checker still reads them against the other pages when the fact can have only one date
// (a release, a landing): the year is not in doubt once the fact is, so the two dates differ or
// agree on the parts both state. The year is taken from the other documents' dates of the same
// fact (same subject, attribute and qualifiers), and only when they all name one year; of that
// year and the ones either side, the one that puts the date nearest to theirs, so a year-less
// date is never held against another by the choice of its year.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "link/passes.h"
#include "normalize/normalize.h"

namespace checker::detail {
namespace {

// The link compare trusts (it leaves out figures whose subject was only carried over from the
// focus of earlier sentences, 0.6).
constexpr double trusted_link = 0.65;

// A month and day with nothing else relative in it: the year is all the text left out.
bool lacks_only_the_year(const claim& c) {
  if (c.status != resolution::unresolved || !c.found.date) return false;
  const date_parts& p = *c.found.date;
  return p.month && p.day && !p.year && !p.year_offset && !p.month_offset && !p.day_offset && !p.chain_offset &&
         !p.week_offset && !p.weekday && !p.iso_week && !p.shift && !p.range_end && !p.named_event;
}

bool one_day(const claim& c) {
  return c.status == resolution::resolved && c.date && c.date->grain == date_grain::day && c.date->first == c.date->last;
}

bool same_fact(const claim& a, const claim& b) {
  return a.subject == b.subject && a.attribute == b.attribute && a.qualifiers == b.qualifiers;
}

bool single_valued(const lexicon& lex, const std::string& attribute) {
  return std::any_of(lex.attributes.begin(), lex.attributes.end(),
                     [&](const attribute_entry& a) { return a.id == attribute && a.single_valued; });
}

std::chrono::days apart(std::chrono::sys_days a, std::chrono::sys_days b) { return a > b ? a - b : b - a; }

// The day `month`/`day` falls on in the year (of the references' one year and its neighbours)
// nearest to a reference; none when the references name more than one year.
std::optional<civil_date> nearest_day(unsigned month, unsigned day, const std::vector<civil_date>& references) {
  std::set<int> years;
  for (const civil_date& r : references) years.insert(r.year);
  if (years.size() != 1) return std::nullopt;
  const int year = *years.begin();
  std::optional<civil_date> best;
  std::chrono::days best_distance{0};
  for (int candidate : {year - 1, year, year + 1}) {
    const auto date = civil_date::make(candidate, month, day);
    if (!date) continue;
    for (const civil_date& r : references) {
      const auto d = apart(date->days(), r.days());
      if (!best || d < best_distance) {
        best = date;
        best_distance = d;
      }
    }
  }
  return best;
}

// A time of day written alone (`about 8 a.m. (GMT)`), in a zone the text states.
bool bare_clock_in_zone(const claim& c) {
  if (c.status != resolution::unresolved || !c.found.date || !c.utc_offset_minutes) return false;
  const date_parts& p = *c.found.date;
  return p.clock && !p.year && !p.month && !p.day && !p.year_offset && !p.month_offset && !p.day_offset && !p.chain_offset &&
         !p.week_offset && !p.weekday && !p.iso_week && !p.shift && !p.range_end;
}

// Seconds since the epoch, in UTC, at which a dated time of day begins.
std::int64_t utc_start(const civil_date& day, std::int32_t second_of_day, int offset_minutes) {
  return static_cast<std::int64_t>(day.days().time_since_epoch().count()) * 86400 + second_of_day - std::int64_t{offset_minutes} * 60;
}

// The day that puts a time of day (in its zone) nearest to the references' moments, which must
// lie within one day of each other; the other days' readings are further from every reference,
// so the choice never makes a contradiction the time alone would not.
std::optional<civil_date> day_for_clock(const claim& c, const std::vector<std::int64_t>& moments) {
  if (moments.empty()) return std::nullopt;
  const auto [low, high] = std::minmax_element(moments.begin(), moments.end());
  if (*high - *low > 86400) return std::nullopt;
  const int offset = *c.utc_offset_minutes;
  const clock_window clock = clock_window_of(*c.found.date->clock);
  const auto local_day = civil_date::from_days(std::chrono::sys_days{std::chrono::days{(*low + std::int64_t{offset} * 60) / 86400}});
  std::optional<civil_date> best;
  std::int64_t best_distance = 0;
  for (int shift : {-1, 0, 1}) {
    const civil_date day = civil_date::from_days(local_day.days() + std::chrono::days{shift});
    for (std::int64_t m : moments) {
      const std::int64_t d = std::llabs(utc_start(day, clock.first_second, offset) - m);
      if (!best || d < best_distance) {
        best = day;
        best_distance = d;
      }
    }
  }
  return best;
}

}  // namespace

void date_years_from_corpus(std::vector<claim>& claims, const lexicon& lex) {
  std::vector<std::pair<std::size_t, date_value>> completed;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const claim& c = claims[i];
    const bool clock_only = bare_clock_in_zone(c);
    if (!(clock_only || lacks_only_the_year(c)) || !c.linked() || c.link_confidence < trusted_link || !single_valued(lex, c.attribute)) continue;
    std::vector<civil_date> references;
    std::vector<std::int64_t> moments;  // of references with a time of day and a zone
    std::string where;
    for (const claim& r : claims) {
      if (r.document == c.document || !one_day(r) || r.link_confidence < trusted_link || !same_fact(r, c)) continue;
      references.push_back(r.date->first);
      if (r.date->clock && r.utc_offset_minutes) moments.push_back(utc_start(r.date->first, r.date->clock->first_second, *r.utc_offset_minutes));
      if (where.empty()) where = r.id.substr(0, r.id.rfind('#'));
    }
    const date_parts& p = *c.found.date;
    // A time alone is placed only against other times: a bare day says nothing of the hour.
    const auto day = clock_only ? day_for_clock(c, moments) : nearest_day(*p.month, *p.day, references);
    if (!day) continue;
    date_value value{*day, *day, date_grain::day,
                     fmt::format("{} of this fact in other documents ({}, ...)", clock_only ? "day" : "year", where), std::nullopt};
    if (p.clock) value.clock = clock_window_of(*p.clock);
    completed.emplace_back(i, std::move(value));
  }
  // Filled in after the search, so a completed date never serves as another's reference.
  for (auto& [i, value] : completed) {
    claim& c = claims[i];
    c.date = std::move(value);
    c.status = resolution::resolved;
    c.status_reason.clear();
    // The year is the other pages': as sure as a carried-over subject, no surer.
    c.link_confidence = std::min(c.link_confidence, 0.7);
  }
}

}  // namespace checker::detail
