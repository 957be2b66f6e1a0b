#pragma once
// Internal to the report stage: the part of a claim's sentence that reports quote.

#include <string>

#include "pipeline/pipeline.h"

namespace checker {

/// Longest context quoted on each side of a figure. Sentences are already capped by the
/// segmenter; this keeps a report of a corpus with very long sentences proportional to its
/// claims rather than to claims times sentence length.
inline constexpr std::size_t max_quote_side_bytes = 240;

/// A claim's sentence split around the figure: `before` + `figure` + `after` is the quote.
/// A side cut short starts or ends with `…`; cuts fall on character boundaries.
struct quote_parts {
  std::string before;
  std::string figure;
  std::string after;
  std::string whole() const { return before + figure + after; }
};

quote_parts quote_of(const run_result& run, const claim& c);

}  // namespace checker
