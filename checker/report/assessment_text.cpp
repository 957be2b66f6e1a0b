// Issue 14: a finding's assessment in one line of plain words, shared by the terminal summary,
// the SARIF message and the rdjsonl comment so that all three say the same thing.
#include <fmt/format.h>

#include "report/report.h"

namespace checker {

std::string assessment_summary(const run_result& run, const finding& f) {
  const assessment& a = f.assessed;
  std::vector<std::string> counts;
  for (const side_support& s : a.sides) {
    counts.push_back(fmt::format("side {}: {} document{} ({} independent)", s.side + 1, s.documents, s.documents == 1 ? "" : "s",
                                 s.independent_sources));
  }
  std::string figure;
  if (a.reference) figure = run.claims[*a.reference].found.text;
  for (std::size_t k = 0; k < f.claims.size() && figure.empty() && a.supported_side; ++k) {
    if (f.sides[k] == *a.supported_side) figure = run.claims[f.claims[k]].found.text;
  }
  std::string head;
  switch (a.status) {
    case assessment_status::majority: head = fmt::format("supported: side {} ({}), a clear majority", *a.supported_side + 1, figure); break;
    case assessment_status::latest: head = fmt::format("current: side {} ({}), the latest", *a.supported_side + 1, figure); break;
    case assessment_status::published: head = fmt::format("reference: side {} ({}), as published", *a.supported_side + 1, figure); break;
    case assessment_status::no_clear_majority: head = "no clear majority"; break;
  }
  std::string out = fmt::format("{} ({})", head, fmt::join(counts, ", "));
  if (a.likely_slip) {
    out += fmt::format("; likely slip: {} [{}]", a.likely_slip->message, a.likely_slip->id);
    if (!a.likely_slip->suggestion.empty()) out += fmt::format("; write {}", a.likely_slip->suggestion);
  }
  return out;
}

}  // namespace checker
