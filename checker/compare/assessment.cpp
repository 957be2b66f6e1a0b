// Issue 14, pass "assessment": which side of a finding the evidence supports.
//
// Each side is weighed by its independent sources: the published documents stating it, with
// copies of one another counted once (independence.cpp). The supported side is
// - for `superseded` findings, the side stamped latest (`latest`);
// - in draft mode, the side the published sources give (`published`): the one published side,
//   or, when the sources themselves disagree, the side a clear majority of them gives;
// - otherwise the side a clear majority of independent sources gives (`majority`).
// "Clear" is conservative: the leading side has at least two independent sources and at least
// twice as many as all the other sides together (2 against 1 is clear, 3 against 2 is not), and
// no odd figure was published after every document of the leading side (it may be an update).
// Anything less is `no_clear_majority`: one false "this is the wrong figure" costs more than
// leaving the editor to judge.
//
// A figure that moves while a story is reported (a toll, the people still missing; lexicon
// `over_time`) is another matter: coverage of it is a series of updates, and most documents may
// well give an older figure. Its current side is the one whose documents all report after every
// other side's (report_order.cpp), named `latest` before any majority is weighed.
#include <algorithm>
#include <set>
#include <string_view>

#include "compare/rules.h"

namespace checker::detail {
namespace {

constexpr std::size_t min_majority_sources = 2;
constexpr std::size_t majority_ratio = 2;

}  // namespace

bool is_clear_majority(std::size_t leading, std::size_t others) {
  return leading >= min_majority_sources && leading >= majority_ratio * others;
}

namespace {

// Links weaker than the comparison takes (a subject carried over from the sentence before, 0.6)
// still say which figure a page gives; below this they say nothing.
constexpr double minimum_support_link = 0.6;

// The side of `f` a claim left out of it would stand on: its figure agrees with every claim of
// that side and with none of another's. Nothing when it is not so plain.
std::optional<std::size_t> side_agreeing_with(const finding& f, const std::vector<claim>& claims, const claim& c, const decimal& factor) {
  std::optional<std::size_t> side;
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    const bool agrees = claims_overlap(c, factor, claims[f.claims[k]], f.factors[k]);
    if (agrees && side && *side != f.sides[k]) return std::nullopt;
    if (agrees) side = f.sides[k];
  }
  if (!side) return std::nullopt;
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    if (f.sides[k] == *side && !claims_overlap(c, factor, claims[f.claims[k]], f.factors[k])) return std::nullopt;
  }
  return side;
}

// Published documents that state a side's figure under the finding's very key but were left out
// of the comparison (their link too weak to set against another figure, the page repeating it
// beside another edition's): they cannot make a finding, but they do say which figure a page
// gives, and so add to that side's support. Per side, the documents.
std::vector<std::set<std::size_t>> support_outside(const finding& f, const std::vector<document>& docs, const std::vector<claim>& claims,
                                                   const lexicon& lex, std::size_t side_count) {
  std::vector<std::set<std::size_t>> out(side_count);
  if (f.rule != "contradiction") return out;
  std::set<std::size_t> in_finding_documents;
  for (std::size_t i : f.claims) in_finding_documents.insert(claims[i].document);
  for (const claim& c : claims) {
    if (docs[c.document].draft || in_finding_documents.count(c.document) > 0 || c.status != resolution::resolved) continue;
    if (c.subject != f.subject || c.attribute != f.attribute || c.qualifiers != f.qualifiers || c.link_confidence < minimum_support_link) continue;
    if (!placeable(c, lex)) continue;
    const auto [unit, factor] = comparison_axis(c.unit, lex);
    if (unit != f.unit) continue;
    if (const auto side = side_agreeing_with(f, claims, c, factor)) out[*side].insert(c.document);
  }
  return out;
}

std::vector<side_support> weigh_sides(const finding& f, const std::vector<document>& docs, const std::vector<claim>& claims,
                                      const std::vector<std::size_t>& source_of, const lexicon& lex) {
  std::size_t count = 0;
  for (std::size_t s : f.sides) count = std::max(count, s + 1);
  std::vector<side_support> sides(count);
  std::vector<std::set<std::size_t>> documents(count);
  std::vector<std::set<std::size_t>> sources(count);
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    const std::size_t s = f.sides[k];
    const std::size_t doc = claims[f.claims[k]].document;
    sides[s].side = s;
    sides[s].claims.push_back(f.claims[k]);
    documents[s].insert(doc);
    if (!docs[doc].draft) sources[s].insert(source_of[doc]);
  }
  // A document outside the finding adds to one side only, and not when it is a copy of a
  // document on another side (a mirror that changed the figure is no second opinion).
  const std::vector<std::set<std::size_t>> outside = support_outside(f, docs, claims, lex, count);
  for (std::size_t s = 0; s < count; ++s) {
    for (std::size_t doc : outside[s]) {
      const bool copies_another_side = std::any_of(sources.begin(), sources.end(), [&](const std::set<std::size_t>& other) {
        return &other != &sources[s] && other.count(source_of[doc]) > 0;
      });
      if (copies_another_side) continue;
      documents[s].insert(doc);
      sources[s].insert(source_of[doc]);
    }
  }
  for (std::size_t s = 0; s < count; ++s) {
    sides[s].side = s;
    sides[s].documents = documents[s].size();
    sides[s].independent_sources = sources[s].size();
  }
  return sides;
}

// The side a clear majority of independent sources gives, among `candidates`.
std::optional<std::size_t> clear_majority(const std::vector<side_support>& sides, const std::vector<std::size_t>& candidates) {
  std::optional<std::size_t> leader;
  std::size_t total = 0;
  for (std::size_t s : candidates) {
    total += sides[s].independent_sources;
    if (!leader || sides[s].independent_sources > sides[*leader].independent_sources) leader = s;
  }
  if (!leader) return std::nullopt;
  const std::size_t lead = sides[*leader].independent_sources;
  if (!is_clear_majority(lead, total - lead)) return std::nullopt;
  return leader;
}

// A minority figure published after everything the majority published may be the newer figure
// of a running total (a toll, a box office) rather than a slip: the majority cannot tell.
bool maybe_an_update(const finding& f, const std::vector<document>& docs, const std::vector<claim>& claims, std::size_t leader) {
  std::optional<civil_date> latest_supported;
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    if (f.sides[k] != leader) continue;
    const auto& when = docs[claims[f.claims[k]].document].published;
    if (!when) return false;  // undated support: no order to read
    if (!latest_supported || *when > *latest_supported) latest_supported = when;
  }
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    if (f.sides[k] == leader) continue;
    const auto& when = docs[claims[f.claims[k]].document].published;
    if (when && latest_supported && *when > *latest_supported) return true;
  }
  return false;
}

bool moves_over_time(const finding& f, const lexicon& lex) { return over_time_of(f, lex) != change_over_time::none; }
bool is_running_total(const finding& f, const lexicon& lex) { return over_time_of(f, lex) == change_over_time::grows; }

// The side of a figure that moves over time whose documents all report after every other
// side's documents.
std::optional<std::size_t> latest_report_side(const finding& f, const std::vector<claim>& claims, const report_order& order) {
  std::optional<std::size_t> latest;
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    const std::size_t side = f.sides[k];
    if (latest == side) continue;
    const bool after_all = std::all_of(f.claims.begin(), f.claims.end(), [&](std::size_t other) {
      const auto at = static_cast<std::size_t>(std::find(f.claims.begin(), f.claims.end(), other) - f.claims.begin());
      if (f.sides[at] == side) return true;
      for (std::size_t m = 0; m < f.claims.size(); ++m) {
        if (f.sides[m] == side && !order.is_later(claims[f.claims[m]].document, claims[other].document)) return false;
      }
      return true;
    });
    if (!after_all) continue;
    if (latest) return std::nullopt;  // two sides after all others cannot be
    latest = side;
  }
  return latest;
}

}  // namespace

void assess(std::vector<finding>& findings, const std::vector<document>& docs, const std::vector<claim>& claims,
            const std::vector<std::size_t>& source_of, const report_order& order, const lexicon& lex) {
  for (finding& f : findings) {
    assessment& a = f.assessed;
    a = assessment{};
    a.sides = weigh_sides(f, docs, claims, source_of, lex);
    std::vector<std::size_t> published_sides;
    bool has_draft = false;
    for (const side_support& s : a.sides) {
      const bool published = std::any_of(s.claims.begin(), s.claims.end(), [&](std::size_t i) { return !docs[claims[i].document].draft; });
      if (published) published_sides.push_back(s.side);
      has_draft = has_draft || std::any_of(s.claims.begin(), s.claims.end(), [&](std::size_t i) { return docs[claims[i].document].draft; });
    }
    if (f.rule == "superseded" && f.latest_side) {
      a.status = assessment_status::latest;
      a.supported_side = f.latest_side;
    } else if (f.rule == "derived_mismatch") {
      // The inputs and the total of one sentence: neither side is a source for the other.
    } else if (has_draft) {
      std::optional<std::size_t> reference;
      if (published_sides.size() == 1) reference = published_sides.front();
      else reference = clear_majority(a.sides, published_sides);
      if (reference) {
        a.status = assessment_status::published;
        a.supported_side = reference;
      }
    } else if (const auto latest = moves_over_time(f, lex) ? latest_report_side(f, claims, order) : std::nullopt) {
      a.status = assessment_status::latest;
      a.supported_side = latest;
      a.basis = is_running_total(f, lex) ? latest_basis::running_total : latest_basis::later_report;
    } else if (const auto leader = clear_majority(a.sides, published_sides); leader && !maybe_an_update(f, docs, claims, *leader)) {
      a.status = assessment_status::majority;
      a.supported_side = leader;
    }
    if (!a.supported_side) continue;
    for (std::size_t k = 0; k < f.claims.size(); ++k) {
      if (f.sides[k] != *a.supported_side) a.odd_claims.push_back(f.claims[k]);
    }
  }
}

}  // namespace checker::detail
