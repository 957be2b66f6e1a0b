#pragma once
// Helpers for tests: run the pipeline on text held in a string, and render claims as compact
// text (re2's dump style) so that table tests compare readable strings.

#include <string>
#include <utility>
#include <vector>

#include "lexicon/lexicon.h"
#include "pipeline/pipeline.h"

namespace checker::testing {

/// The shipped lexicon, loaded once per test program.
const lexicon& test_lexicon();

/// A markdown document with `published` front matter when `published` is not empty.
document make_document(const std::string& id, const std::string& body, const std::string& published = "2025-09-18");

/// Runs segment .. compare on the given documents.
run_result analyse(std::vector<document> documents);
/// Analyses documents `d0.md`, `d1.md`, ... made from (publication date, body) pairs.
run_result corpus(const std::vector<std::pair<std::string, std::string>>& documents);
/// Shorthand: analyse one document made from `body`.
run_result analyse_text(const std::string& body, const std::string& published = "2025-09-18");

/// A claim's normalised value as text: `294000`, `5..10` for a range, `2025-01-20`,
/// `2025-01-01/2025-01-31` for a longer date interval, `unresolved` or `invalid`.
std::string value_text(const claim& c);

/// `money{294000 USD}`, `money{2090000 CNY ~}`, `date{2025-01-01..2025-01-31 month}`,
/// `count{512 count:H800}`, `percent{5..10 percent}`, `date{unresolved}`.
std::string dump(const claim& c);
/// The run's first claim whose text is `text` (the test fails when there is none).
const claim& claim_with_text(const run_result& run, const std::string& text);
/// True when `c` carries qualifier `q` (`single_quarter`, `place:CN`).
bool has_qualifier(const claim& c, const std::string& q);
/// The run's findings of rule `contradiction` or `superseded`.
std::size_t contradictions(const run_result& run);

/// `subject/attribute[qualifiers]` for each claim, in order.
std::vector<std::string> links(const run_result& run);
std::vector<std::string> dump_all(const run_result& run);

}  // namespace checker::testing
