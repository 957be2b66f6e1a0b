#pragma once
// Internal to the compare stage: one function per rule, and the helpers they share.

#include <cstdint>
#include <set>
#include <utility>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "model/claim.h"
#include "model/document.h"
#include "model/finding.h"
#include "segment/segment.h"

namespace checker::detail {

std::vector<finding> find_contradictions(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex);
std::vector<confirmation> find_confirmations(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex);
std::vector<finding> find_derived_mismatches(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex);

// Issue 14: the passes that weigh a finding's sides and name the likely slip, run in this order
// by `compare` (compare.cpp): independence, report order, assessment, slips.

/// Which documents report after which, read from running totals and publication dates
/// (report_order.cpp).
class report_order {
 public:
  /// True when the evidence says `later` reports after `earlier`.
  bool is_later(std::size_t later, std::size_t earlier) const;

 private:
  friend report_order order_reports(const std::vector<finding>& findings, const std::vector<document>& docs,
                                    const std::vector<claim>& claims, const lexicon& lex);
  std::set<std::pair<std::size_t, std::size_t>> later_than_;  // (later, earlier)
};

/// The lexicon's attribute with this id, or null.
const attribute_entry* attribute_of(const lexicon& lex, const std::string& id);
/// How the finding's figure moves while a story is reported: its attribute's `over_time`, and
/// `changes` for people counted under an attribute the lexicon does not know.
change_over_time over_time_of(const finding& f, const lexicon& lex);
/// The order of reports that `findings` of running totals (`over_time: grows`) and the
/// documents' publication dates show; pairs the evidence puts both ways stay unordered.
report_order order_reports(const std::vector<finding>& findings, const std::vector<document>& docs, const std::vector<claim>& claims,
                           const lexicon& lex);

/// Shingle hashes (five tokens: a Latin word or number, or one CJK character) of the text
/// around `figures` in `doc`'s folded text, sorted and unique.
std::vector<std::uint64_t> figure_shingles(const document& doc, const std::vector<byte_span>& figures);
/// For each document, the document it counts as one source with: the earliest-published
/// member of its group of near-identical copies (itself when it has none). Drafts are their own.
std::vector<std::size_t> independent_sources(const std::vector<document>& docs, const std::vector<claim>& claims);
/// True when `leading` independent sources clearly outweigh `others` (the rule of assess).
bool is_clear_majority(std::size_t leading, std::size_t others);
/// Fills each finding's `assessed`: the support of each side, the supported side, the odd claims.
/// A figure that moves while a story is reported (`over_time`) is current on the side of the
/// latest report, when `order` puts that side's documents after every other side's.
void assess(std::vector<finding>& findings, const std::vector<document>& docs, const std::vector<claim>& claims,
            const std::vector<std::size_t>& source_of, const report_order& order, const lexicon& lex);
/// Names each assessed finding's likely slip where the numbers show it unambiguously.
void name_slips(std::vector<finding>& findings, const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex);

/// The unit a claim of unit `unit` is compared in, and the factor that takes its values there
/// (the lexicon's fixed conversions: hours to minutes).
std::pair<std::string, decimal> comparison_axis(const std::string& unit, const lexicon& lex);
/// True when the intervals of `a` and `b`, times their factors, have a point in common (the
/// rule by which two claims of one fact agree).
bool claims_overlap(const claim& a, const decimal& factor_a, const claim& b, const decimal& factor_b);

/// The same number as two writers state it: equal, or the finer one rounded or cut to the
/// coarser one's last digit, when that states two significant digits or more (23.20億 / 2.3
/// billion; not 2.8 / 3). Units aside: for the currency slip (slips.cpp).
bool same_number_as_stated(const decimal& a, const decimal& b);

/// A claim its fact key may place against another: not a measured figure (a magnitude) with no
/// credited agency, not a momentary reading with neither its moment nor the word peak, not an
/// uncredited forecast, not a date given as a weekday alone (contradiction.cpp).
bool placeable(const claim& c, const lexicon& lex);

/// Draft mode (issue 14, pass "draft slips", draft_slips.cpp): for each draft claim no finding
/// holds, the published claims anchored to it by subject or by the words before the figure;
/// a finding when they agree, the draft differs, and a slip explains the difference.
std::vector<finding> find_draft_slips(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                                      const std::vector<claim>& claims, const lexicon& lex, const std::vector<finding>& findings,
                                      const std::vector<std::size_t>& source_of);

/// A 16-hex-digit FNV-1a hash of `text`: the fingerprint of a finding's position-free key.
std::string fingerprint_of(std::string_view text);
/// A claim's normalised value as text: `2025-01-20`, `2025-01-01..2025-01-31`, `294000`.
std::string value_key(const claim& c);

}  // namespace checker::detail
