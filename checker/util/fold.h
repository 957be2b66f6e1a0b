#pragma once
// Reading Traditional Chinese as Simplified for matching: ingest folds each document's text,
// the lexicon folds its words, so both meet in Simplified.

#include <string>
#include <string_view>

namespace checker {

/// `text` with every Traditional Chinese character that ICU's Traditional-Simplified transform
/// maps to one Simplified character replaced by it (`萬`→`万`, `億`→`亿`, `發`→`发`, `兩`→`两`),
/// keeping the byte length of each character, so offsets hold in both. Empty when nothing
/// changed. The table is built from ICU's data once per process and never changes after.
std::string fold_traditional(std::string_view text);

}  // namespace checker
