#include "compare/compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include <fmt/format.h>

namespace checker {
namespace {

// An interval on one axis: exact decimals for quantities, day numbers for dates.
struct bound {
  std::optional<decimal> value;  // absent: unbounded
  bool inclusive = true;
};

struct axis_interval {
  bound low;
  bound high;
};

axis_interval interval_of(const claim& c) {
  if (c.date) {
    return axis_interval{{decimal{c.date->first.days().time_since_epoch().count(), 0}, true},
                         {decimal{c.date->last.days().time_since_epoch().count(), 0}, true}};
  }
  return axis_interval{{c.interval.low, c.interval.low_inclusive}, {c.interval.high, c.interval.high_inclusive}};
}

// True when `a` lies wholly below `b`: a's top is under b's bottom.
bool wholly_below(const axis_interval& a, const axis_interval& b) {
  if (!a.high.value || !b.low.value) return false;
  const int order = compare(*a.high.value, *b.low.value);
  return order < 0 || (order == 0 && !(a.high.inclusive && b.low.inclusive));
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string describe(const claim& c) {
  if (c.date) {
    if (c.date->grain == date_grain::day) return c.date->first.iso();
    return c.date->first.iso() + ".." + c.date->last.iso();
  }
  return c.value ? c.value->to_string() : std::string("?");
}

double midpoint(const claim& c) {
  if (c.date) return static_cast<double>(c.date->first.days().time_since_epoch().count() + c.date->last.days().time_since_epoch().count()) / 2.0;
  return c.value ? c.value->to_double() : 0.0;
}

}  // namespace

std::vector<finding> compare(const std::vector<document>& docs, const std::vector<claim>& claims) {
  using fact_key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<fact_key, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const claim& c = claims[i];
    if (!c.linked() || c.status != resolution::resolved) continue;
    std::string qualifiers;
    for (const std::string& q : c.qualifiers) qualifiers += (qualifiers.empty() ? "" : ",") + q;
    groups[{c.subject, c.attribute, qualifiers, c.unit}].push_back(i);
  }

  std::vector<finding> findings;
  for (auto& [key, members] : groups) {
    if (members.size() < 2) continue;
    // Sort by the bottom of each interval, then sweep: a claim joins the current side while it
    // overlaps everything on it (for intervals, overlapping the side's common part suffices).
    std::vector<std::size_t> order = members;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const axis_interval ia = interval_of(claims[a]);
      const axis_interval ib = interval_of(claims[b]);
      if (!ia.low.value || !ib.low.value) return !ia.low.value && ib.low.value;
      const int cmp = compare(*ia.low.value, *ib.low.value);
      return cmp != 0 ? cmp < 0 : claims[a].id < claims[b].id;
    });
    std::vector<std::vector<std::size_t>> sides;
    axis_interval common{};
    for (std::size_t i : order) {
      const axis_interval next = interval_of(claims[i]);
      if (!sides.empty() && !wholly_below(common, next)) {
        sides.back().push_back(i);
        common.low = next.low;  // sorted by low: the latest low is the highest
        if (next.high.value && (!common.high.value || compare(*next.high.value, *common.high.value) < 0)) common.high = next.high;
        continue;
      }
      sides.push_back({i});
      common = next;
    }
    if (sides.size() < 2) continue;

    finding f;
    f.rule = "contradiction";
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
    f.confidence = 1.0;
    std::vector<std::string> fingerprint_parts;
    for (const auto& [i, s] : listed) {
      f.claims.push_back(i);
      f.sides.push_back(s);
      f.confidence = std::min(f.confidence, claims[i].link_confidence);
      fingerprint_parts.push_back(docs[claims[i].document].id + "=" + describe(claims[i]));
    }
    std::sort(fingerprint_parts.begin(), fingerprint_parts.end());
    std::string fingerprint_text = fmt::format("{}|{}|{}|{}|{}", f.rule, f.subject, f.attribute, std::get<2>(key), f.unit);
    for (const std::string& part : fingerprint_parts) fingerprint_text += "|" + part;
    f.fingerprint = fmt::format("{:016x}", fnv1a(fingerprint_text));
    f.level = f.confidence >= 0.75 ? severity::error : severity::warning;

    // The gap between the two sides farthest apart.
    const claim& lowest = claims[sides.front().front()];
    const claim& highest = claims[sides.back().front()];
    if (lowest.date && highest.date) {
      const auto days = (highest.date->first.days() - lowest.date->last.days()).count();
      f.difference = fmt::format("{} days apart", days);
    } else {
      const double a = midpoint(lowest);
      const double b = midpoint(highest);
      const double base = std::min(std::fabs(a), std::fabs(b));
      f.difference = base > 0 ? fmt::format("relative difference {:.1f}%", std::fabs(b - a) / base * 100.0)
                              : fmt::format("absolute difference {}", std::fabs(b - a));
    }
    std::vector<std::string> side_texts;
    for (const auto& side : sides) {
      std::vector<std::string> where;
      for (std::size_t i : side) where.push_back(fmt::format("{} in {}", claims[i].found.text, docs[claims[i].document].id));
      side_texts.push_back(fmt::format("{}", fmt::join(where, ", ")));
    }
    f.message = fmt::format("{} {}: {} ({})", f.subject, f.attribute, fmt::join(side_texts, " vs "), f.difference);
    findings.push_back(std::move(f));
  }
  return findings;
}

}  // namespace checker
