// Text names of model enums, used by every output format.
#include "model/claim.h"
#include "model/finding.h"

namespace checker {

std::string to_string(claim_kind kind) {
  switch (kind) {
    case claim_kind::number: return "number";
    case claim_kind::money: return "money";
    case claim_kind::percent: return "percent";
    case claim_kind::count: return "count";
    case claim_kind::duration: return "duration";
    case claim_kind::date: return "date";
  }
  return "number";
}

std::string to_string(hedge_kind kind) {
  switch (kind) {
    case hedge_kind::none: return "none";
    case hedge_kind::approximate: return "approximate";
    case hedge_kind::nearly: return "nearly";
    case hedge_kind::more_than: return "more_than";
    case hedge_kind::at_least: return "at_least";
    case hedge_kind::less_than: return "less_than";
    case hedge_kind::at_most: return "at_most";
    case hedge_kind::exact: return "exact";
  }
  return "none";
}

std::string to_string(date_grain grain) {
  switch (grain) {
    case date_grain::day: return "day";
    case date_grain::month: return "month";
    case date_grain::quarter: return "quarter";
    case date_grain::half: return "half";
    case date_grain::year: return "year";
    case date_grain::week: return "week";
    case date_grain::range: return "range";
  }
  return "day";
}

std::string to_string(resolution status) {
  switch (status) {
    case resolution::resolved: return "resolved";
    case resolution::unresolved: return "unresolved";
    case resolution::invalid: return "invalid";
  }
  return "resolved";
}

std::string to_string(severity level) {
  switch (level) {
    case severity::info: return "info";
    case severity::warning: return "warning";
    case severity::error: return "error";
  }
  return "error";
}

std::string to_string(baseline_state state) {
  switch (state) {
    case baseline_state::none: return "none";
    case baseline_state::new_finding: return "new";
    case baseline_state::unchanged: return "unchanged";
  }
  return "none";
}

std::string to_string(assessment_status status) {
  switch (status) {
    case assessment_status::majority: return "majority";
    case assessment_status::latest: return "latest";
    case assessment_status::published: return "published";
    case assessment_status::no_clear_majority: return "no_clear_majority";
  }
  return "no_clear_majority";
}

std::string to_string(latest_basis basis) {
  switch (basis) {
    case latest_basis::stamped: return "stamped";
    case latest_basis::running_total: return "running_total";
    case latest_basis::later_report: return "later_report";
  }
  return "stamped";
}

std::optional<severity> severity_from(std::string_view name) {
  if (name == "error") return severity::error;
  if (name == "warning") return severity::warning;
  if (name == "info") return severity::info;
  return std::nullopt;
}

}  // namespace checker
