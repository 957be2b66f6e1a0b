#pragma once
// Stage 6, compare: linked claims -> findings.
//
// Two rules, each in its own file:
// - `contradiction` (contradiction.cpp): groups resolved, linked claims by fact key (subject,
//   attribute, qualifiers, unit after the lexicon's fixed conversions such as hours to minutes)
//   in one pass, so cost grows with the number of claims, not its square. Two claims agree when
//   their intervals overlap (the XBRL rule for duplicate facts, with precision and hedges already
//   in the intervals); a group whose intervals have no common point is a contradiction.
//   Currencies never convert.
// - `derived_mismatch` (derived.cpp): within one sentence, a total that should follow from the
//   inputs stated beside it (GPUs x hours x price per GPU hour; GPU hours x price; a percentage
//   of a stated total; a from/to pair and the stated change) is recomputed with interval
//   arithmetic and reported when the stated figure falls outside what the inputs allow.
// - `draft slips` (draft_slips.cpp, issue 14, draft mode only): a draft figure no other rule
//   placed, held against the published figures anchored to it by its subject or by the words
//   right before it, when they agree among themselves and a named slip turns theirs into the
//   draft's (4,750 / 4,570; $2.9 billion / $29 billion).
// It does not link: claims without subject or attribute are never compared, except by the draft
// slips pass, which needs the slip itself as the evidence that two figures are one.

#include <vector>

#include "lexicon/lexicon.h"
#include "model/claim.h"
#include "model/document.h"
#include "model/finding.h"
#include "segment/segment.h"

namespace checker {

/// Findings for `claims`, sorted by (rule, subject, attribute, qualifiers, unit, fingerprint).
/// `sentences[i]` are the sentences of `docs[i]` (read by the draft slips pass only).
std::vector<finding> compare(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                             const std::vector<claim>& claims, const lexicon& lex);

/// For each claim in a draft document: the published claims about the same fact it agrees
/// with, when it agrees with all of them. Sorted by claim.
std::vector<confirmation> confirm_drafts(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex);

}  // namespace checker
