#pragma once
// The link stage's corpus-wide passes, run by link() after every sentence has been linked.
// Internal to checker/link: only link.cpp includes this header.

#include <set>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "model/claim.h"
#include "model/document.h"
#include "segment/segment.h"

namespace checker::detail {

/// Values that agree across documents tie their wordings of one subject together: `Ne Zha 2`,
/// `哪吒2` and `哪吒之魔童闹海` giving the same precise box office are one film. Subjects are
/// tied when claims of two documents agree on attribute, qualifiers, unit and a value stated to
/// at least three significant digits, across scripts on one such value, within one script on
/// two; tied claims take the most used wording and a lower confidence.
void tie_subjects_by_agreeing_values(std::vector<claim>& claims);

/// True when a claim whose subject is in `subjects` agrees with a claim of another subject, in
/// another document, on a value the tie pass above counts as evidence (issue 15's draft check).
/// Runs of edition-free claims whose `subject_tie_key` is in `settled` are left out.
bool shares_agreeing_value(const std::vector<claim>& claims, const std::set<std::string>& subjects,
                           const std::set<std::string>& settled);

/// Figures worded alike in two versions of one report (documents sharing 30% of the shorter
/// one's runs of four tokens) are one fact: the same four tokens right before them
/// and the same token after (`天祥邮局9人、` / `天祥郵局11人、`), the same unit, sentences sharing
/// half of the shorter one's token pairs, nothing the linker read telling them apart, and at least one
/// of the two not placed by the text itself. It takes the other's subject and attribute, or both
/// take the words before the figure as their subject; confidence 0.7.
void link_figures_worded_alike(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                               std::vector<claim>& claims);

/// Lists under a heading: a line that ends in a colon and holds a cue word (`票房最高的电影：`,
/// `highest-grossing films:`), then numbered or bulleted lines. An item with no cue of its own,
/// its subject named in it and exactly one figure the heading's cue can measure takes that cue's
/// attribute (confidence 0.75).
void attributes_from_headings(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                              std::vector<claim>& claims, const lexicon& lex);

/// A month and day written without a year, on a page that leaves it unresolved, takes the year
/// the other documents give the same fact (same subject, attribute and qualifiers) when the
/// attribute has one value for good (a release or landing date) and they all name one year: of
/// that year and the ones either side, the one that puts it nearest theirs. Confidence 0.7.
void date_years_from_corpus(std::vector<claim>& claims, const lexicon& lex);

/// A figure of an attribute that names a required qualifier group (`requires_qualifier_group`:
/// votes need their election) and carries no qualifier of that group is listed, not compared:
/// its attribute is cleared and its basis says why. (required_qualifiers.cpp)
void set_aside_figures_missing_required_qualifiers(std::vector<claim>& claims, const lexicon& lex);

/// A running count (a toll) with no place, on a page that gives that count for two countries or
/// more (甲国76人死亡、乙国284人): the page's total or one country's, it cannot tell; listed, not
/// compared. Towns and provinces do not count: a total beside its towns' tolls is the whole.
/// (required_qualifiers.cpp)
void set_aside_unplaced_tolls_beside_countries(std::vector<claim>& claims, const lexicon& lex);

/// A planned date or figure (原计划1月19日, scheduled for) is listed, not compared: plans change,
/// and the plan and the outcome are two facts. (required_qualifiers.cpp)
void set_aside_planned_figures(std::vector<claim>& claims);

}  // namespace checker::detail
