#pragma once
// Stage 3, recognise: sentences -> mentions.
//
// Finds every numeric and date figure in each sentence: money, percentages, counts, durations,
// dates (absolute, partial and relative) and plain numbers, in Chinese and English, with the
// hedge words and currency or unit around them. Numbers inside names (H800, GPT-4o, V3.1),
// URLs, e-mail addresses, citation markers, phone numbers, stock codes, list numbering and
// times of day are not figures and are passed over. Values are parsed exactly (decimal) and
// scaled (29.4万 -> 294000), but nothing is resolved against a date or compared: that is
// normalise's work.

#include <vector>

#include "lexicon/lexicon.h"
#include "model/claim.h"
#include "model/document.h"
#include "segment/segment.h"

namespace checker {

/// Every figure in `sentences` of `doc`, in text order, not overlapping.
std::vector<mention> recognize(const document& doc, const std::vector<sentence>& sentences, const lexicon& lex);

}  // namespace checker
