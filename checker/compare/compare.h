#pragma once
// Stage 6, compare: linked claims -> findings.
//
// Groups resolved, linked claims by fact key (subject, attribute, qualifiers, unit) in one pass,
// so cost grows with the number of claims, not its square. Two claims agree when their
// intervals overlap (the XBRL rule for duplicate facts, with precision and hedges already in
// the intervals); a group whose intervals have no common point is a contradiction. Units
// convert only where normalise already made them one unit; currencies never convert.

#include <vector>

#include "model/claim.h"
#include "model/document.h"
#include "model/finding.h"

namespace checker {

/// Findings for `claims`, sorted by (subject, attribute, qualifiers, unit).
std::vector<finding> compare(const std::vector<document>& docs, const std::vector<claim>& claims);

}  // namespace checker
