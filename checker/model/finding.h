#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/decimal.h"

namespace checker {

enum class severity { info, warning, error };

/// Where a finding stands against a baseline: not compared with one, new since it was written,
/// or already recorded in it.
enum class baseline_state { none, new_finding, unchanged };

/// A set of claims about one fact that cannot all hold. The product of a run.
struct finding {
  std::string rule;        // rule id, e.g. `contradiction`
  severity level = severity::error;
  std::string subject;
  std::string attribute;
  std::vector<std::string> qualifiers;
  std::string unit;
  std::vector<std::size_t> claims;  // indexes into the run's claims, in (document, offset) order
  std::vector<std::size_t> sides;   // parallel to `claims`: claims on one side agree with each other
  std::vector<decimal> factors;     // parallel to `claims`: multiplies a claim's value into `unit`
  std::string message;
  std::string difference;  // `720 days apart`, `relative difference 1940%`
  double confidence = 1.0;
  std::string fingerprint;  // stable across edits of unrelated text
  baseline_state state = baseline_state::none;
  /// `superseded` only: the side stamped with the latest moment (the current figure).
  std::optional<std::size_t> latest_side;
};

/// A finding as a baseline records it: enough for a reviewer to read a baseline diff, and the
/// fingerprint that matches it to later runs.
struct recorded_finding {
  std::string fingerprint;
  std::string kind;
  std::string severity;
  std::string subject;
  std::string attribute;
  std::vector<std::string> qualifiers;
  std::string unit;
  std::vector<std::string> values;  // `document: text = normalised value`, sorted
  bool operator==(const recorded_finding&) const = default;
};

/// A figure in a draft that agrees with every published claim about the same fact.
struct confirmation {
  std::size_t claim = 0;             // the draft's claim
  std::vector<std::size_t> sources;  // published claims it agrees with, in (document, offset) order
};

std::string to_string(severity level);
std::string to_string(baseline_state state);  // `none`, `new`, `unchanged`
/// Parses `error`, `warning`, `info`; `std::nullopt` otherwise.
std::optional<severity> severity_from(std::string_view name);

}  // namespace checker
