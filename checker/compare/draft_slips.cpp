// Issue 14, pass "draft slips": a careful proofreader's comparison for drafts.
//
// An editor checking a draft against published coverage does not need to know what a figure
// measures to see a slip: when every published source that speaks of the same subject in the
// same way gives $2.9 billion and the draft gives $29 billion, or 4,570 where they give 4,750, the
// draft has a typo. The relation between the two numbers is itself the evidence that they are
// meant to be one figure, so this pass compares figures the fact keys of `contradiction` cannot
// place (no attribute, a subject only carried over) and reports only what a named slip explains.
//
// For each draft claim that no finding holds, the published claims anchored to it:
// - of the same dimension: the same unit on the comparison axis (a date with a date), or, for
//   money only, the one other currency in which a published claim gives the draft's number (the
//   same, or the same at the coarser of the two precisions: the currency slip; conversions into
//   a third currency are left aside);
// - by subject: the subject the linker gave both, attributes not different (equal, or one side
//   without one); or by wording: the same tokens right before the figure and right after it, as
//   the worded-alike link pass reads them, even when the documents share little else;
// - with no qualifier slot filled differently on the two sides (place:TW / place:JP), and the
//   same kind of bound (`more than 1.4 million` is only held against another lower bound).
// A finding when those published claims agree among themselves (their intervals share a point),
// the draft differs from each of them, and the slips pass (slips.cpp) names one slip from the
// published figure to the draft's. It abstains:
// - without a named slip: two different figures of one subject are common;
// - when the draft's figure is one a published source gives for another fact of the subject and
//   only the subject anchors it: the draft is likely speaking of that other fact;
// - for a neighbouring fact's value, or a figure cut or rounded ($1.69 billion for $1.698
//   billion), unless the wording anchors it: both are what a writer may mean on purpose;
// - for small whole numbers (one or two significant digits on both sides), where slip relations
//   happen by chance (12 / 21, 3 / 30), unless the wording anchors them or both sides carry one
//   attribute and the draft's link is sure; and never as another fact's value (13 people).
// The finding is a `contradiction` with assessment `published`, at a lower confidence than one
// between figures the text ties to one fact.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compare/rules.h"
#include "link/link.h"

namespace checker::detail {
namespace {

// A warning: the match rests on the subject or the wording and on the slip, not on cue words.
constexpr double slip_match_confidence = 0.6;
// A draft link at least this sure is the linker's own reading of the sentence, not a carry-over.
constexpr double sure_link_confidence = 0.65;

bool comparable(const claim& c) {
  if (c.status != resolution::resolved || c.found.too_long || (!c.value && !c.date)) return false;
  return !(c.found.amount && c.found.amount->range_end);  // a range is two figures
}

std::string slot_of(const std::string& qualifier) { return qualifier.substr(0, qualifier.find(':')); }

// Some condition both claims state, with different values (place:TW and place:JP).
bool qualifiers_clash(const claim& a, const claim& b) {
  for (const std::string& qa : a.qualifiers) {
    for (const std::string& qb : b.qualifiers) {
      if (qa != qb && slot_of(qa) == slot_of(qb)) return true;
    }
  }
  return false;
}

bool both_and_different(const std::string& a, const std::string& b) { return !a.empty() && !b.empty() && a != b; }

bool is_bound(hedge_kind h) {
  return h == hedge_kind::more_than || h == hedge_kind::at_least || h == hedge_kind::less_than || h == hedge_kind::at_most;
}

// `突破140万` is held against `突破104万`, not against a figure stated as a point.
bool same_kind_of_bound(const claim& a, const claim& b) {
  return is_bound(a.found.hedge) || is_bound(b.found.hedge) ? a.found.hedge == b.found.hedge : true;
}

// One or two significant digits, whole: 3, 30, 1,200.
bool coarse_whole(const claim& c) {
  if (c.date || !c.value) return false;
  const decimal t = c.value->trimmed();
  return t.exponent >= 0 && t.mantissa > -100 && t.mantissa < 100;
}

// What the pass reads of the run, computed once.
struct slip_view {
  const std::vector<document>& docs;
  const std::vector<claim>& claims;
  const lexicon& lex;
  std::vector<std::string> wording;                      // per claim: figure_wording_key, or empty
  std::vector<std::pair<std::string, decimal>> axis;     // per claim: comparison unit and factor
  std::map<std::string, std::vector<std::size_t>> by_subject;  // published claims
  std::map<std::string, std::vector<std::size_t>> by_wording;  // published claims
  std::set<std::size_t> held;                            // claims some finding holds
};

slip_view view_of(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences, const std::vector<claim>& claims,
                  const lexicon& lex, const std::vector<finding>& findings) {
  slip_view v{docs, claims, lex, {}, {}, {}, {}, {}};
  v.wording.resize(claims.size());
  v.axis.resize(claims.size(), {std::string(), decimal{1, 0}});
  // Only published figures of a kind some draft figure has can be anchored to one: the others
  // are not read (a draft checked against a large archive).
  std::set<claim_kind> draft_kinds;
  for (const claim& c : claims) {
    if (docs[c.document].draft) draft_kinds.insert(c.found.kind);
  }
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const claim& c = claims[i];
    if (!comparable(c) || draft_kinds.count(c.found.kind) == 0) continue;
    v.axis[i] = comparison_axis(c.unit, lex);
    if (c.document < sentences.size()) v.wording[i] = figure_wording_key(docs[c.document], sentences[c.document], c);
    if (docs[c.document].draft) continue;
    if (!c.subject.empty()) v.by_subject[c.subject].push_back(i);
    if (!v.wording[i].empty()) v.by_wording[v.wording[i]].push_back(i);
  }
  for (const finding& f : findings) v.held.insert(f.claims.begin(), f.claims.end());
  return v;
}

// The published claims anchored to draft claim `d`, and whether the wording anchors any.
struct anchored {
  std::vector<std::size_t> same_axis;      // same unit on the comparison axis
  std::vector<std::size_t> other_currency;  // money in another currency
  std::set<std::size_t> worded;             // those the words before the figure anchor
};

bool same_dimension(const claim& a, const claim& b) {
  if (a.date || b.date) return a.date && b.date;
  return a.found.kind == b.found.kind;
}

anchored anchors_of(const slip_view& v, std::size_t d) {
  const claim& c = v.claims[d];
  std::set<std::size_t> by_subject;
  std::set<std::size_t> by_wording;
  if (const auto it = v.by_subject.find(c.subject); !c.subject.empty() && it != v.by_subject.end()) {
    for (std::size_t p : it->second) {
      if (!both_and_different(c.attribute, v.claims[p].attribute)) by_subject.insert(p);
    }
  }
  if (const auto it = v.by_wording.find(v.wording[d]); !v.wording[d].empty() && it != v.by_wording.end()) {
    for (std::size_t p : it->second) {
      const claim& q = v.claims[p];
      if (!both_and_different(c.subject, q.subject) && !both_and_different(c.attribute, q.attribute)) by_wording.insert(p);
    }
  }
  std::set<std::size_t> all = by_subject;
  all.insert(by_wording.begin(), by_wording.end());
  anchored out;
  for (std::size_t p : all) {
    const claim& q = v.claims[p];
    if (!same_dimension(c, q) || qualifiers_clash(c, q)) continue;
    if (v.axis[p].first == v.axis[d].first) {
      out.same_axis.push_back(p);
    } else if (c.found.kind == claim_kind::money) {
      out.other_currency.push_back(p);
    } else {
      continue;
    }
    if (by_wording.count(p) > 0) out.worded.insert(p);
  }
  return out;
}

bool agree_among_themselves(const slip_view& v, const std::vector<std::size_t>& published) {
  for (std::size_t a = 0; a < published.size(); ++a) {
    for (std::size_t b = a + 1; b < published.size(); ++b) {
      const std::size_t i = published[a];
      const std::size_t j = published[b];
      if (v.axis[i].first != v.axis[j].first || !claims_overlap(v.claims[i], v.axis[i].second, v.claims[j], v.axis[j].second)) return false;
    }
  }
  return true;
}

// The draft's figure is not the published one: on the axis, or as the stated end of a bound.
bool differs(const slip_view& v, std::size_t d, std::size_t p) {
  const claim& c = v.claims[d];
  const claim& q = v.claims[p];
  if (!claims_overlap(c, v.axis[d].second, q, v.axis[p].second)) return true;
  if (!is_bound(c.found.hedge) || !c.value || !q.value) return false;
  const auto mine = multiply(*c.value, v.axis[d].second);
  const auto theirs = multiply(*q.value, v.axis[p].second);
  return mine && theirs && compare(*mine, *theirs) != 0;
}

// `published` when each is held against `d` (the same kind of bound, another figure) and they
// agree among themselves; else nothing.
std::vector<std::size_t> if_all_qualify(const slip_view& v, std::size_t d, const std::vector<std::size_t>& published) {
  for (std::size_t p : published) {
    if (!same_kind_of_bound(v.claims[d], v.claims[p]) || !differs(v, d, p)) return {};
  }
  return agree_among_themselves(v, published) ? published : std::vector<std::size_t>{};
}

// Among `anchored`, the published claims of the draft's own fact key (subject, attribute and
// qualifiers all equal, each link sure): where a subject's figures disagree because it has many
// facts (a quake's magnitudes by several agencies), those of the draft's one fact may still agree.
std::vector<std::size_t> of_the_same_fact(const slip_view& v, std::size_t d, const std::vector<std::size_t>& anchored) {
  const claim& c = v.claims[d];
  // Held to what the fact keys compare: an uncredited magnitude is no agency's figure.
  if (!c.linked() || c.link_confidence < sure_link_confidence || !placeable(c, v.lex)) return {};
  std::vector<std::size_t> out;
  for (std::size_t p : anchored) {
    const claim& q = v.claims[p];
    if (q.subject == c.subject && q.attribute == c.attribute && q.qualifiers == c.qualifiers && q.link_confidence >= sure_link_confidence &&
        placeable(q, v.lex)) {
      out.push_back(p);
    }
  }
  return out;
}

// The published claims `d` is held against: the same axis when any is anchored there (all of
// them, or else those of the draft's own fact key), else one currency's figures of the draft's
// very number. Empty when they do not all qualify.
std::vector<std::size_t> reference_set(const slip_view& v, std::size_t d, const anchored& a) {
  const claim& c = v.claims[d];
  if (!a.same_axis.empty()) {
    std::vector<std::size_t> all = if_all_qualify(v, d, a.same_axis);
    if (!all.empty()) return all;
    const std::vector<std::size_t> same_fact = of_the_same_fact(v, d, a.same_axis);
    return same_fact.size() < a.same_axis.size() ? if_all_qualify(v, d, same_fact) : std::vector<std::size_t>{};
  }
  // The currency slip: the currency in which a published claim gives the draft's very number
  // (its conversions into a third currency restate the figure and are left aside).
  std::optional<std::string> currency;
  for (std::size_t p : a.other_currency) {
    const claim& q = v.claims[p];
    if (!q.found.amount || !c.found.amount || !same_number_as_stated(q.found.amount->value, c.found.amount->value) || !same_kind_of_bound(c, q)) {
      continue;
    }
    if (currency && *currency != q.unit) return {};  // the number in two other currencies
    currency = q.unit;
  }
  if (!currency) return {};
  std::vector<std::size_t> out;
  for (std::size_t p : a.other_currency) {
    if (v.claims[p].unit == *currency) out.push_back(p);
  }
  return agree_among_themselves(v, out) ? out : std::vector<std::size_t>{};
}

// Another fact of the draft's subject has the draft's value in a published source.
bool value_of_another_fact(const slip_view& v, std::size_t d, const std::vector<std::size_t>& reference) {
  const claim& c = v.claims[d];
  const auto it = v.by_subject.find(c.subject);
  if (c.subject.empty() || it == v.by_subject.end()) return false;
  for (std::size_t p : it->second) {
    if (std::find(reference.begin(), reference.end(), p) != reference.end()) continue;
    if (v.axis[p].first == v.axis[d].first && claims_overlap(c, v.axis[d].second, v.claims[p], v.axis[p].second)) return true;
  }
  return false;
}

// Small whole numbers slip into one another by chance: only the wording, or one attribute both
// sides carry with the draft's link sure, ties them.
bool coarse_pair(const slip_view& v, std::size_t d, const std::vector<std::size_t>& reference) {
  return coarse_whole(v.claims[d]) &&
         std::all_of(reference.begin(), reference.end(), [&](std::size_t p) { return coarse_whole(v.claims[p]); });
}

bool coarse_pair_tied(const slip_view& v, std::size_t d, const std::vector<std::size_t>& reference, bool worded) {
  const claim& c = v.claims[d];
  if (!coarse_pair(v, d, reference) || worded) return true;
  if (c.attribute.empty() || c.link_confidence < sure_link_confidence) return false;
  return std::all_of(reference.begin(), reference.end(), [&](std::size_t p) { return v.claims[p].attribute == c.attribute; });
}

std::string difference_of(const claim& a, const claim& b, const decimal& fa, const decimal& fb) {
  if (a.date && b.date) {
    const auto days = (std::max(a.date->first, b.date->first).days() - std::min(a.date->first, b.date->first).days()).count();
    return fmt::format("{} days apart", days);
  }
  if (!a.value || !b.value) return "";
  const double x = a.value->to_double() * fa.to_double();
  const double y = b.value->to_double() * fb.to_double();
  const double base = std::min(std::abs(x), std::abs(y));
  if (a.unit != b.unit) return "the same number, two currencies";
  return base > 0 ? fmt::format("relative difference {:.1f}%", std::abs(y - x) / base * 100.0) : fmt::format("absolute difference {}", std::abs(y - x));
}

// A token that ends the words naming a figure: a number (`#`) or a punctuation mark (ASCII, or
// CJK and full-width punctuation, which UTF-8 writes from 0xE3 0x80 and 0xEF 0xBC).
bool ends_the_words(const std::string& token) {
  if (token == "#" || token.empty()) return true;
  const auto lead = static_cast<unsigned char>(token[0]);
  if (lead < 0x80) return !std::isalnum(lead);
  return token.size() >= 2 && ((lead == 0xE3 && static_cast<unsigned char>(token[1]) == 0x80) ||
                               (lead == 0xEF && static_cast<unsigned char>(token[1]) == 0xBC));
}

// The words right before the figure, as written (`valley trail gate listed`, `登记簿上写着`):
// what the figure is about when neither side's linker named it.
std::string words_before(const std::string& key) {
  std::vector<std::string> tokens;
  for (std::size_t at = 0, next = 0; at < key.size(); at = next + 1) {
    next = key.find('\x1f', at);
    if (next == std::string::npos) break;
    tokens.push_back(key.substr(at, next - at));
  }
  if (!tokens.empty()) tokens.pop_back();  // the token after the figure
  std::string out;
  for (const std::string& t : tokens) {
    if (ends_the_words(t)) break;
    const bool latin = static_cast<unsigned char>(t[0]) < 0x80;
    out = t + (latin && !out.empty() && static_cast<unsigned char>(out[0]) < 0x80 ? " " : "") + out;
  }
  return out;
}

// The finding `d` against `reference`, assessed; its slip is named by the caller's passes.
finding draft_finding(const slip_view& v, std::size_t d, const std::vector<std::size_t>& reference) {
  const claim& c = v.claims[d];
  const claim& first = v.claims[reference.front()];
  finding f;
  f.rule = "contradiction";
  f.subject = !c.subject.empty() ? c.subject : first.subject;
  if (f.subject.empty()) f.subject = words_before(v.wording[d]);
  f.attribute = !c.attribute.empty() ? c.attribute : (!first.attribute.empty() ? first.attribute : "figure");
  f.qualifiers = first.qualifiers.size() >= c.qualifiers.size() ? first.qualifiers : c.qualifiers;
  f.unit = v.axis[reference.front()].first;
  std::vector<std::size_t> members = reference;
  members.push_back(d);
  std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(v.docs[v.claims[a].document].id, v.claims[a].found.span.begin) <
           std::tie(v.docs[v.claims[b].document].id, v.claims[b].found.span.begin);
  });
  // The lower figure's side first, as the sweep of `contradiction` orders sides.
  const bool draft_lower = c.value && first.value && compare(*c.value, *first.value) < 0;
  std::vector<std::string> parts;
  for (std::size_t i : members) {
    f.claims.push_back(i);
    f.sides.push_back((i == d) == draft_lower ? 0 : 1);
    f.factors.push_back(v.axis[i].second);
    parts.push_back(v.docs[v.claims[i].document].id + "=" + value_key(v.claims[i]));
  }
  std::sort(parts.begin(), parts.end());
  std::string text = fmt::format("draft slip|{}|{}|{}|{}", f.subject, f.attribute, f.unit, v.wording[d]);
  for (const std::string& part : parts) text += "|" + part;
  f.fingerprint = fingerprint_of(text);
  f.confidence = slip_match_confidence;
  f.level = severity::warning;
  f.difference = difference_of(first, c, v.axis[reference.front()].second, v.axis[d].second);
  return f;
}

std::string matched_by(const slip_view& v, std::size_t d, const std::vector<std::size_t>& reference, bool worded) {
  const claim& c = v.claims[d];
  const bool by_subject =
      !c.subject.empty() && std::any_of(reference.begin(), reference.end(), [&](std::size_t p) { return v.claims[p].subject == c.subject; });
  if (by_subject && worded) return fmt::format("its subject {} and the words around it", c.subject);
  return by_subject ? fmt::format("its subject {}", c.subject) : std::string("the words around it");
}

void describe(finding& f, const slip_view& v, std::size_t d, const std::vector<std::size_t>& reference, bool worded) {
  const claim& c = v.claims[d];
  const slip& s = *f.assessed.likely_slip;
  const claim& r = v.claims[f.assessed.reference.value_or(f.claims.front())];
  std::set<std::string> sources;
  for (std::size_t i : f.claims) {
    if (i != d) sources.insert(v.docs[v.claims[i].document].id);
  }
  f.message = fmt::format("{} {}: the draft gives {} in {}, the published sources give {} ({}); matched by {} and the slip: {} ({})",
                          f.subject, f.attribute, c.found.text, v.docs[c.document].id, r.found.text, fmt::join(sources, ", "),
                          matched_by(v, d, reference, worded), s.message, f.difference);
}

// The finding for draft claim `d`, or nothing when the pass abstains.
std::optional<finding> check_draft_claim(const slip_view& v, std::size_t d, const std::vector<std::size_t>& source_of) {
  const anchored a = anchors_of(v, d);
  const std::vector<std::size_t> reference = reference_set(v, d, a);
  if (reference.empty()) return std::nullopt;
  const bool worded = std::any_of(reference.begin(), reference.end(), [&](std::size_t p) { return a.worded.count(p) > 0; });
  if (!worded && value_of_another_fact(v, d, reference)) return std::nullopt;
  if (!coarse_pair_tied(v, d, reference, worded)) return std::nullopt;
  std::vector<finding> one{draft_finding(v, d, reference)};
  assess(one, v.docs, v.claims, source_of, report_order{}, v.lex);  // a draft's finding: the published side decides
  name_slips(one, v.docs, v.claims, v.lex);
  finding& f = one.front();
  if (f.assessed.status != assessment_status::published || !f.assessed.likely_slip) return std::nullopt;
  slip& s = *f.assessed.likely_slip;
  // Another fact's value, or a figure stated more coarsely, is what a writer may mean on purpose:
  // a slip only when the words around the figure show it is the same sentence.
  if ((s.id == "slip.neighbouring-fact" || s.id == "slip.rounding") && !worded) return std::nullopt;
  // Another fact having a small whole number (13 people) is a coincidence more often than not.
  if (s.id == "slip.neighbouring-fact" && coarse_pair(v, d, reference)) return std::nullopt;
  if (s.suggestion == v.claims[d].found.text) s.suggestion.clear();  // a currency slip: no number to change
  describe(f, v, d, reference, worded);
  return std::move(f);
}

}  // namespace

std::vector<finding> find_draft_slips(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                                      const std::vector<claim>& claims, const lexicon& lex, const std::vector<finding>& findings,
                                      const std::vector<std::size_t>& source_of) {
  if (std::none_of(docs.begin(), docs.end(), [](const document& d) { return d.draft; })) return {};
  const slip_view v = view_of(docs, sentences, claims, lex, findings);
  std::vector<finding> out;
  for (std::size_t d = 0; d < claims.size(); ++d) {
    if (!docs[claims[d].document].draft || v.held.count(d) > 0 || !comparable(claims[d])) continue;
    if (auto f = check_draft_claim(v, d, source_of)) out.push_back(std::move(*f));
  }
  return out;
}

}  // namespace checker::detail
