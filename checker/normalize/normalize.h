#pragma once
// Stage 4, normalise: mentions -> claims.
//
// Gives every mention a canonical value: quantities get their canonical unit (ISO 4217 code,
// `hour`, `percent`, `count:<what>`) and an exact interval that reflects the stated precision
// (`29.4万` covers 293,500 to 294,500) and the hedge (`约` widens, `超过` opens the top);
// dates are resolved against the document's publication date or the preceding date in the
// text and become day intervals at their grain (`2025年1月` covers the whole month). A date
// that needs an anchor the document lacks stays unresolved; an impossible date is invalid.
// Neither is guessed. It does not decide what a figure is about.

#include <vector>

#include "lexicon/lexicon.h"
#include "model/claim.h"
#include "model/diagnostic.h"
#include "model/document.h"

namespace checker {

/// Claims for `mentions` of `doc` (the run's document number `document_index`), in order.
std::vector<claim> normalize(const document& doc, std::size_t document_index, const std::vector<mention>& mentions,
                             const lexicon& lex, diagnostics& diags);

/// The seconds of its day a written time of day covers (10时 the hour, 7时58分 the minute,
/// `about 8 a.m.` half an hour either side). The link stage reads it for dates it completes.
clock_window clock_window_of(const clock_parts& clock);

}  // namespace checker
