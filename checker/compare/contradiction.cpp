#include "compare/rules.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

namespace checker::detail {
namespace {

// An interval on one axis: exact decimals for quantities, seconds of UTC for dates.
struct bound {
  std::optional<decimal> value;  // absent: unbounded
  bool inclusive = true;
};

struct axis_interval {
  bound low;
  bound high;
};

// A date with no zone may be in any zone news is written in, from UTC-10 to UTC+13: a spread
// under a day, so such a date can agree with the days either side of it and no further.
constexpr int westmost_zone_minutes = -10 * 60;
constexpr int eastmost_zone_minutes = 13 * 60;

axis_interval interval_of(const claim& c, const decimal& factor) {
  if (c.date) {
    // The seconds of UTC the date covers: from its first midnight (or the start of its time of
    // day) in the most eastern zone it may be in, to its last midnight (or the end of its time
    // of day) in the most western one.
    const std::int64_t east = c.utc_offset_minutes.value_or(eastmost_zone_minutes) * std::int64_t{60};
    const std::int64_t west = c.utc_offset_minutes.value_or(westmost_zone_minutes) * std::int64_t{60};
    const std::int64_t first_day = static_cast<std::int64_t>(c.date->first.days().time_since_epoch().count()) * 86400;
    const std::int64_t last_day = static_cast<std::int64_t>(c.date->last.days().time_since_epoch().count()) * 86400;
    const std::int64_t from = c.date->clock ? c.date->clock->first_second : 0;
    const std::int64_t to = c.date->clock ? c.date->clock->end_second : 86400;
    return axis_interval{{decimal{first_day + from - east, 0}, true}, {decimal{last_day + to - west, 0}, false}};
  }
  auto scaled = [&](const std::optional<decimal>& v) -> std::optional<decimal> {
    if (!v) return std::nullopt;
    return multiply(*v, factor);
  };
  axis_interval out{{scaled(c.interval.low), c.interval.low_inclusive}, {scaled(c.interval.high), c.interval.high_inclusive}};
  // A figure with no hedge covers what rounds to it, half-open as rounding is: 84 is [83.5, 84.5)
  // and 85 is [84.5, 85.5), so two whole counts one apart (84人 / 85人), or 7.2 and 7.3, never
  // agree at the point they touch.
  if ((c.found.hedge == hedge_kind::none || c.found.hedge == hedge_kind::exact) && out.low.value && out.high.value &&
      compare(*out.low.value, *out.high.value) < 0) {
    out.high.inclusive = false;
  }
  // 19,999 yuan (US$2,800): a conversion depends on the day's rate and the writer's rounding;
  // outlets converting one price land within a few percent of each other (rates move about that
  // much over the weeks a story is covered), so it may stray 3% either way.
  if (std::find(c.qualifiers.begin(), c.qualifiers.end(), "converted") != c.qualifiers.end()) {
    if (out.low.value) out.low.value = multiply(*out.low.value, decimal{97, -2}).value_or(*out.low.value);
    if (out.high.value) out.high.value = multiply(*out.high.value, decimal{103, -2}).value_or(*out.high.value);
  }
  return out;
}

// The unit a claim is compared in, and the factor that takes its values there: hours become
// minutes so that `2 hours` and `40 minutes` share an axis. Follows at most a few steps.
std::pair<std::string, decimal> comparison_unit(const std::string& unit, const lexicon& lex) {
  std::string current = unit;
  decimal factor{1, 0};
  for (int step = 0; step < 4; ++step) {
    const auto it = std::find_if(lex.conversions.begin(), lex.conversions.end(),
                                 [&](const unit_conversion& c) { return c.unit == current; });
    if (it == lex.conversions.end()) break;
    auto next = multiply(factor, it->factor);
    if (!next) break;
    factor = *next;
    current = it->base;
  }
  return {current, factor};
}

// True when `a` lies wholly below `b`: a's top is under b's bottom.
bool wholly_below(const axis_interval& a, const axis_interval& b) {
  if (!a.high.value || !b.low.value) return false;
  const int order = compare(*a.high.value, *b.low.value);
  return order < 0 || (order == 0 && !(a.high.inclusive && b.low.inclusive));
}

double midpoint(const claim& c, const decimal& factor) {
  if (c.date) return static_cast<double>(c.date->first.days().time_since_epoch().count() + c.date->last.days().time_since_epoch().count()) / 2.0;
  return c.value ? c.value->to_double() * factor.to_double() : 0.0;
}

}  // namespace

namespace {

using fact_key = std::tuple<std::string, std::string, std::string, std::string>;

// Links weaker than this (a subject inherited from the focus of earlier sentences, 0.6) are too
// uncertain to compare: one false alarm costs more trust than one missed contradiction.
constexpr double minimum_link_confidence = 0.65;

// Resolved, linked claims grouped by fact key in one pass, with the factor that takes each
// claim's value into its group's unit.
struct fact_groups {
  std::map<fact_key, std::vector<std::size_t>> groups;
  std::vector<decimal> factors;
};

fact_groups group_by_fact(const std::vector<claim>& claims, const lexicon& lex) {
  fact_groups out;
  out.factors.assign(claims.size(), decimal{1, 0});
  std::map<std::string, std::pair<std::string, decimal>> unit_cache;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const claim& c = claims[i];
    if (!c.linked() || c.status != resolution::resolved) continue;
    // Abstain: a figure whose subject was only carried over from earlier sentences is listed,
    // not compared.
    if (c.link_confidence < minimum_link_confidence) continue;
    std::string qualifiers;
    for (const std::string& q : c.qualifiers) qualifiers += (qualifiers.empty() ? "" : ",") + q;
    auto [it, inserted] = unit_cache.try_emplace(c.unit);
    if (inserted) it->second = comparison_unit(c.unit, lex);
    out.factors[i] = it->second.second;
    out.groups[{c.subject, c.attribute, qualifiers, it->second.first}].push_back(i);
  }
  return out;
}

bool overlap(const axis_interval& a, const axis_interval& b) { return !wholly_below(a, b) && !wholly_below(b, a); }

}  // namespace

std::pair<std::string, decimal> comparison_axis(const std::string& unit, const lexicon& lex) { return comparison_unit(unit, lex); }

bool claims_overlap(const claim& a, const decimal& factor_a, const claim& b, const decimal& factor_b) {
  return overlap(interval_of(a, factor_a), interval_of(b, factor_b));
}

std::vector<confirmation> find_confirmations(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex) {
  const fact_groups grouped = group_by_fact(claims, lex);
  std::vector<confirmation> out;
  for (const auto& entry : grouped.groups) {
    const std::vector<std::size_t>& members = entry.second;
    for (std::size_t d : members) {
      if (!docs[claims[d].document].draft) continue;
      const axis_interval mine = interval_of(claims[d], grouped.factors[d]);
      confirmation c{d, {}};
      bool contradicted = false;
      for (std::size_t p : members) {
        if (docs[claims[p].document].draft) continue;
        if (overlap(mine, interval_of(claims[p], grouped.factors[p]))) {
          c.sources.push_back(p);
        } else {
          contradicted = true;
        }
      }
      if (!contradicted && !c.sources.empty()) out.push_back(std::move(c));
    }
  }
  std::sort(out.begin(), out.end(), [](const confirmation& a, const confirmation& b) { return a.claim < b.claim; });
  return out;
}

namespace {

severity severity_for(double confidence) {
  // A finding is as sure as its weakest link: cue words in the clause give an error; a subject
  // carried over from earlier sentences a warning; weaker guesses are for information.
  if (confidence >= 0.75) return severity::error;
  if (confidence >= 0.6) return severity::warning;
  return severity::info;
}

}  // namespace

namespace {

const attribute_entry* attribute_named(const lexicon& lex, const std::string& id) {
  for (const attribute_entry& a : lex.attributes) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

bool has_source(const claim& c) {
  return std::any_of(c.qualifiers.begin(), c.qualifiers.end(), [](const std::string& q) { return q.rfind("source:", 0) == 0; });
}

bool has_qualifier(const claim& c, std::string_view qualifier) {
  return std::find(c.qualifiers.begin(), c.qualifiers.end(), qualifier) != c.qualifiers.end();
}

// A forecast is an opinion: analysts and outlets legitimately expect different figures, so one
// whose author the text does not credit cannot be placed against another outlet's (`net profit
// is expected to reach 55 billion` and `forecast at 81 billion`, from two brokers).
bool uncredited_forecast(const claim& c) { return (has_qualifier(c, "expected") || has_qualifier(c, "consensus")) && !has_source(c); }

// "scheduled for Tuesday": a weekday alone is placed by guessing whether the writer looks back or
// ahead from the day they wrote, so as a fact's value it is too uncertain to hold against another.
bool weekday_only(const claim& c) {
  if (!c.found.date) return false;
  const date_parts& p = *c.found.date;
  const bool guessed = p.place == weekday_place::on_or_before || p.place == weekday_place::on_or_after;  // not "last Friday"
  return p.weekday && guessed && !p.week_offset && !p.day && !p.month && !p.year;
}

bool placeable_under(const claim& c, bool measured, bool momentary) {
  const bool placed_in_time = !c.as_of.empty() || has_qualifier(c, "peak");
  return (!measured || has_source(c)) && (!momentary || placed_in_time) && !uncredited_forecast(c) && !weekday_only(c);
}

// Figures of a measured attribute (a magnitude, a focal depth) with no credited agency are left
// out: agencies legitimately differ, so an uncredited figure cannot be placed.
// Likewise a momentary reading (concurrent users) with neither its moment nor the word peak, an
// uncredited forecast and a date given as a weekday alone.
std::vector<std::size_t> comparable_members(const std::vector<claim>& claims, const std::vector<std::size_t>& members,
                                            const attribute_entry* attribute) {
  const bool measured = attribute != nullptr && attribute->measured;
  const bool momentary = attribute != nullptr && attribute->momentary;
  // A document that gives a day and then the time of that day (将于8月20日发售 ... 8月20日0点解锁)
  // states the time: the bare day agrees with any time and would bridge two pages' different times.
  std::set<std::pair<std::size_t, civil_date>> timed_days;
  for (std::size_t i : members) {
    const claim& c = claims[i];
    if (c.date && c.date->clock && c.date->first == c.date->last) timed_days.emplace(c.document, c.date->first);
  }
  std::vector<std::size_t> kept;
  for (std::size_t i : members) {
    const claim& c = claims[i];
    if (c.date && !c.date->clock && c.date->grain == date_grain::day && c.date->first == c.date->last &&
        timed_days.count({c.document, c.date->first}) > 0) {
      continue;
    }
    if (placeable_under(c, measured, momentary)) kept.push_back(i);
  }
  return kept;
}

// Sorts by the bottom of each interval, then sweeps: a claim joins the current side while it
// overlaps everything on it (for intervals, overlapping the side's common part suffices).
template <typename Interval>
std::vector<std::vector<std::size_t>> sweep_sides(const std::vector<claim>& claims, std::vector<std::size_t> order, const Interval& interval) {
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const axis_interval ia = interval(a);
    const axis_interval ib = interval(b);
    if (!ia.low.value || !ib.low.value) return !ia.low.value && ib.low.value;
    const int cmp = compare(*ia.low.value, *ib.low.value);
    return cmp != 0 ? cmp < 0 : claims[a].id < claims[b].id;
  });
  std::vector<std::vector<std::size_t>> sides;
  axis_interval common{};
  for (std::size_t i : order) {
    const axis_interval next = interval(i);
    if (!sides.empty() && !wholly_below(common, next)) {
      sides.back().push_back(i);
      common.low = next.low;  // sorted by low: the latest low is the highest
      if (next.high.value && (!common.high.value || compare(*next.high.value, *common.high.value) < 0)) common.high = next.high;
      continue;
    }
    sides.push_back({i});
    common = next;
  }
  return sides;
}

// The subject was named in the figure's own sentence, not carried over or guessed.
bool named_in_sentence(const claim& c) {
  return c.link_basis.rfind("clause", 0) == 0 || c.link_basis.rfind("sentence", 0) == 0 || c.link_basis.rfind("respectively", 0) == 0;
}

// One document, one value per fact: a writer who gives two values under one key is, almost
// always, giving two facts the key is too coarse to tell apart (a standard and a deluxe edition,
// a province and the total, a running total on two days). Such a document's figures are left out
// of the comparison, unless the attribute has one value for good and each figure names its
// subject in its own sentence (a release date given as 2023 and then 2025: a slip), or each
// value carries its own as-of stamp (a running total the writer dates).
template <typename Interval>
std::vector<std::vector<std::size_t>> without_self_disagreeing_documents(const std::vector<claim>& claims,
                                                                         std::vector<std::vector<std::size_t>> sides,
                                                                         const attribute_entry* attribute, const Interval& interval) {
  if (sides.size() < 2) return sides;
  std::map<std::size_t, std::set<std::size_t>> sides_of_document;
  for (std::size_t s = 0; s < sides.size(); ++s) {
    for (std::size_t i : sides[s]) sides_of_document[claims[i].document].insert(s);
  }
  std::set<std::size_t> dropped;
  for (const auto& [doc, doc_sides] : sides_of_document) {
    if (doc_sides.size() < 2) continue;
    bool slip = attribute != nullptr && attribute->single_valued;
    std::map<std::string, std::size_t> side_of_stamp;
    std::map<std::size_t, std::size_t> side_of_sentence;
    bool dated_series = true;
    for (std::size_t s = 0; s < sides.size(); ++s) {
      for (std::size_t i : sides[s]) {
        if (claims[i].document != doc) continue;
        slip = slip && named_in_sentence(claims[i]) && claims[i].link_confidence >= 0.75;
        // Two values in one sentence are a span, a list or a change (`between 2017 and 2019`),
        // never a writer contradicting themselves.
        const auto [sentence, first_in_sentence] = side_of_sentence.emplace(claims[i].found.sentence, s);
        slip = slip && (first_in_sentence || sentence->second == s);
        const auto [it, inserted] = side_of_stamp.emplace(claims[i].as_of, s);
        if (claims[i].as_of.empty() || it->second != s) dated_series = false;
      }
    }
    if (!slip && !dated_series) dropped.insert(doc);
  }
  if (dropped.empty()) return sides;
  std::vector<std::size_t> kept;
  for (const auto& side : sides) {
    for (std::size_t i : side) {
      if (dropped.count(claims[i].document) == 0) kept.push_back(i);
    }
  }
  return sweep_sides(claims, kept, interval);
}

// A figure that agrees with figures of two sides (8月20日 beside 8月20日0点 and 8月20日10点; about
// 2,000 beside 1,800 and 2,300) supports neither: the sweep puts it on one side, where it would
// be listed as holding a value it does not hold. Such figures are left out of the finding, the
// widest first, until no figure agrees with one of another side; a side left with no figure of
// its own is no side.
double width(const axis_interval& a) {
  if (!a.low.value || !a.high.value) return std::numeric_limits<double>::infinity();
  return a.high.value->to_double() - a.low.value->to_double();
}

template <typename Interval>
std::vector<std::vector<std::size_t>> without_bridges(std::vector<std::vector<std::size_t>> sides, const Interval& interval) {
  while (sides.size() >= 2) {
    std::optional<std::pair<std::size_t, std::size_t>> widest;  // (side, position)
    double widest_width = 0.0;
    for (std::size_t s = 0; s < sides.size(); ++s) {
      for (std::size_t k = 0; k < sides[s].size(); ++k) {
        const axis_interval mine = interval(sides[s][k]);
        bool crosses = false;
        for (std::size_t t = 0; t < sides.size() && !crosses; ++t) {
          if (t == s) continue;
          crosses = std::any_of(sides[t].begin(), sides[t].end(), [&](std::size_t j) { return overlap(mine, interval(j)); });
        }
        if (crosses && (!widest || width(mine) > widest_width)) {
          widest = std::pair{s, k};
          widest_width = width(mine);
        }
      }
    }
    if (!widest) break;
    sides[widest->first].erase(sides[widest->first].begin() + static_cast<std::ptrdiff_t>(widest->second));
    std::erase_if(sides, [](const std::vector<std::size_t>& side) { return side.empty(); });
  }
  return sides;
}

}  // namespace

bool placeable(const claim& c, const lexicon& lex) {
  const attribute_entry* attribute = attribute_named(lex, c.attribute);
  return placeable_under(c, attribute != nullptr && attribute->measured, attribute != nullptr && attribute->momentary);
}

std::vector<finding> find_contradictions(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex) {
  const fact_groups grouped = group_by_fact(claims, lex);
  const auto& groups = grouped.groups;
  const auto& factors = grouped.factors;
  auto interval = [&](std::size_t i) { return interval_of(claims[i], factors[i]); };

  std::vector<finding> findings;
  for (const auto& [key, all_members] : groups) {
    if (all_members.size() < 2) continue;
    const attribute_entry* attribute = attribute_named(lex, std::get<1>(key));
    const std::vector<std::size_t> members = comparable_members(claims, all_members, attribute);
    std::vector<std::vector<std::size_t>> sides = sweep_sides(claims, members, interval);
    sides = without_self_disagreeing_documents(claims, std::move(sides), attribute, interval);
    sides = without_bridges(std::move(sides), interval);
    if (sides.size() < 2) continue;

    // Figures of one fact stamped at different moments (a toll on the 7th, a higher one on the
    // 9th) supersede each other: every figure stamped, and each moment's figures on one side.
    // Unstamped figures, or figures of one moment that disagree, stay a contradiction.
    std::map<std::string, std::size_t> side_of_moment;
    bool superseded = true;
    for (std::size_t s = 0; s < sides.size() && superseded; ++s) {
      for (std::size_t i : sides[s]) {
        const std::string& moment = claims[i].as_of;
        const auto [it, inserted] = side_of_moment.emplace(moment, s);
        if (moment.empty() || (!inserted && it->second != s)) {
          superseded = false;
          break;
        }
      }
    }

    finding f;
    f.rule = superseded ? "superseded" : "contradiction";
    std::tie(f.subject, f.attribute, std::ignore, f.unit) = key;
    f.qualifiers = claims[members.front()].qualifiers;
    std::vector<std::pair<std::size_t, std::size_t>> listed;  // (claim, side)
    for (std::size_t s = 0; s < sides.size(); ++s) {
      for (std::size_t i : sides[s]) listed.emplace_back(i, s);
    }
    std::sort(listed.begin(), listed.end(), [&](const auto& a, const auto& b) {
      const claim& ca = claims[a.first];
      const claim& cb = claims[b.first];
      return std::tie(docs[ca.document].id, ca.found.span.begin) < std::tie(docs[cb.document].id, cb.found.span.begin);
    });
    // A contradiction holds when each side has at least one claim surely about the fact: the
    // confidence is the weakest side's best link.
    std::vector<double> side_best(sides.size(), 0.0);
    std::vector<std::string> fingerprint_parts;
    for (const auto& [i, s] : listed) {
      f.claims.push_back(i);
      f.sides.push_back(s);
      f.factors.push_back(factors[i]);
      side_best[s] = std::max(side_best[s], claims[i].link_confidence);
      fingerprint_parts.push_back(docs[claims[i].document].id + "=" + value_key(claims[i]));
    }
    f.confidence = *std::min_element(side_best.begin(), side_best.end());
    std::sort(fingerprint_parts.begin(), fingerprint_parts.end());
    std::string fingerprint_text = fmt::format("{}|{}|{}|{}|{}", f.rule, f.subject, f.attribute, std::get<2>(key), f.unit);
    for (const std::string& part : fingerprint_parts) fingerprint_text += "|" + part;
    f.fingerprint = fingerprint_of(fingerprint_text);
    f.level = severity_for(f.confidence);
    if (superseded) {
      // Older figures in older articles are expected; they matter when a draft repeats one.
      f.level = severity::info;
      f.latest_side = side_of_moment.rbegin()->second;
    }

    // The gap between the two sides farthest apart.
    const claim& lowest = claims[sides.front().front()];
    const claim& highest = claims[sides.back().front()];
    if (lowest.date && highest.date && lowest.date->clock && highest.date->clock) {
      // Two moments: how far apart they start, in UTC.
      const auto start = [](const claim& c) { return interval_of(c, decimal{1, 0}).low.value->to_double(); };
      const auto minutes = static_cast<long long>(std::llround((start(highest) - start(lowest)) / 60.0));
      f.difference = minutes % 60 == 0 ? fmt::format("{} hours apart", minutes / 60) : fmt::format("{} minutes apart", minutes);
    } else if (lowest.date && highest.date) {
      const auto days = (highest.date->first.days() - lowest.date->last.days()).count();
      f.difference = fmt::format("{} days apart", days);
    } else {
      const double a = midpoint(lowest, factors[sides.front().front()]);
      const double b = midpoint(highest, factors[sides.back().front()]);
      const double base = std::min(std::fabs(a), std::fabs(b));
      f.difference = base > 0 ? fmt::format("relative difference {:.1f}%", std::fabs(b - a) / base * 100.0)
                              : fmt::format("absolute difference {}", std::fabs(b - a));
    }
    if (superseded) {
      // Oldest moment first, the latest last: "95人 as of 2025-01-07 in a.md, then 126人 as of ...".
      std::vector<std::string> steps;
      for (const auto& [moment, s] : side_of_moment) {
        std::vector<std::string> where;
        for (std::size_t i : sides[s]) {
          if (claims[i].as_of == moment) where.push_back(fmt::format("{} in {}", claims[i].found.text, docs[claims[i].document].id));
        }
        steps.push_back(fmt::format("{} as of {}", fmt::join(where, ", "), moment));
      }
      f.message = fmt::format("{} {}: superseded: {}; the latest is the last", f.subject, f.attribute, fmt::join(steps, ", then "));
    } else {
      std::vector<std::string> side_texts;
      for (const auto& side : sides) {
        std::vector<std::string> where;
        for (std::size_t i : side) where.push_back(fmt::format("{} in {}", claims[i].found.text, docs[claims[i].document].id));
        side_texts.push_back(fmt::format("{}", fmt::join(where, ", ")));
      }
      f.message = fmt::format("{} {}: {} ({})", f.subject, f.attribute, fmt::join(side_texts, " vs "), f.difference);
    }
    findings.push_back(std::move(f));
  }
  return findings;
}

}  // namespace checker::detail
