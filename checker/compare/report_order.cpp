// Issue 14, pass "report order": which of two documents reports later, when the documents do
// not say when they were written. Coverage of a developing story is a series of updates, and a
// reader orders them the way a careful fact-checker does: a report that gives 13 deaths was
// written after one that gives 12, because a death toll only grows (the lexicon marks such
// attributes `over_time: grows`). Publication dates order documents too.
//
// The order is kept only where the evidence agrees: two documents that one running total puts
// one way and another puts the other way are left unordered, and so is every pair that only a
// chain through such a pair would order. With it, `assess` names the current side of a
// disagreement about a figure that moves while a story is reported (a toll, the people still
// missing): the side of the latest report.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "compare/rules.h"

namespace checker::detail {
namespace {

// The closure is computed over the documents that take part in running totals only; a run with
// more of them than this keeps the direct evidence without chains (the closure is cubic).
constexpr std::size_t max_documents_chained = 400;

// A claim's interval on the finding's axis (its value times the finding's factor).
struct axis_interval {
  std::optional<decimal> low;
  std::optional<decimal> high;
};

axis_interval interval_on_axis(const finding& f, const std::vector<claim>& claims, std::size_t k) {
  const value_interval& v = claims[f.claims[k]].interval;
  const decimal& factor = f.factors[k];
  axis_interval out;
  if (v.low) out.low = multiply(*v.low, factor);
  if (v.high) out.high = multiply(*v.high, factor);
  return out;
}

// True when every value `a` allows is below every value `b` allows.
bool wholly_below(const axis_interval& a, const axis_interval& b) { return a.high && b.low && compare(*a.high, *b.low) < 0; }

}  // namespace

const attribute_entry* attribute_of(const lexicon& lex, const std::string& id) {
  for (const attribute_entry& a : lex.attributes) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

// People counted at a place the lexicon has no word for (`天祥邮局9人`, stranded at a post
// office) are counted again in each update, like the people still missing.
constexpr std::string_view people_unit = "count:person";

change_over_time over_time_of(const finding& f, const lexicon& lex) {
  const attribute_entry* attribute = attribute_of(lex, f.attribute);
  if (attribute) return attribute->over_time;
  return f.unit == people_unit ? change_over_time::changes : change_over_time::none;
}

bool report_order::is_later(std::size_t later, std::size_t earlier) const { return later_than_.count({later, earlier}) > 0; }

report_order order_reports(const std::vector<finding>& findings, const std::vector<document>& docs, const std::vector<claim>& claims,
                           const lexicon& lex) {
  // Votes: (a, b) when some running total says document a reports after document b.
  std::set<std::pair<std::size_t, std::size_t>> votes;
  std::set<std::size_t> involved;
  for (const finding& f : findings) {
    if (f.rule != "contradiction" && f.rule != "superseded") continue;
    const attribute_entry* attribute = attribute_of(lex, f.attribute);
    if (!attribute || attribute->over_time != change_over_time::grows) continue;
    for (std::size_t i = 0; i < f.claims.size(); ++i) {
      for (std::size_t j = 0; j < f.claims.size(); ++j) {
        const std::size_t earlier = claims[f.claims[i]].document;
        const std::size_t later = claims[f.claims[j]].document;
        if (earlier == later || docs[earlier].draft || docs[later].draft) continue;
        if (!wholly_below(interval_on_axis(f, claims, i), interval_on_axis(f, claims, j))) continue;
        votes.insert({later, earlier});
        involved.insert(later);
        involved.insert(earlier);
      }
    }
  }
  // Publication dates, among the documents the running totals involve.
  for (std::size_t a : involved) {
    for (std::size_t b : involved) {
      if (docs[a].published && docs[b].published && *docs[a].published > *docs[b].published) votes.insert({a, b});
    }
  }
  // Pairs the evidence puts both ways are unordered, whatever a chain of other pairs says.
  report_order order;
  std::set<std::pair<std::size_t, std::size_t>> contested;
  for (const auto& [later, earlier] : votes) {
    if (votes.count({earlier, later})) contested.insert({later, earlier});
    else order.later_than_.insert({later, earlier});
  }
  if (involved.size() > max_documents_chained) return order;
  // Chains: a reports after b after c. A chain that would order a pair both ways orders neither.
  const std::vector<std::size_t> members(involved.begin(), involved.end());
  std::set<std::pair<std::size_t, std::size_t>> closed = order.later_than_;
  for (std::size_t via : members) {
    for (std::size_t a : members) {
      if (!closed.count({a, via})) continue;
      for (std::size_t c : members) {
        if (closed.count({via, c})) closed.insert({a, c});
      }
    }
  }
  order.later_than_.clear();
  for (const auto& [later, earlier] : closed) {
    if (later == earlier || closed.count({earlier, later}) || contested.count({later, earlier})) continue;
    order.later_than_.insert({later, earlier});
  }
  return order;
}

}  // namespace checker::detail
