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

/// How a finding's reference side was chosen (issue 14).
enum class assessment_status {
  majority,           // the weight of independent sources clearly supports one side
  latest,             // superseded figures: the side stamped latest is the current one
  published,          // draft mode: the published side is the reference, the draft's figure in question
  no_clear_majority,  // nothing named: no side is supported
};

/// One side of a finding weighed: how many documents state it and how many independent sources
/// (documents that are copies of one another count once).
struct side_support {
  std::size_t side = 0;
  std::size_t documents = 0;
  std::size_t independent_sources = 0;
  std::vector<std::size_t> claims;  // indexes into the run's claims
};

/// The likely slip that turns the supported figure into the odd one: a stable id
/// (`slip.power-of-ten`, documented in docs/findings.md), a message in plain words, and the
/// supported figure written the way the odd claim writes its figure (empty when not clear).
struct slip {
  std::string id;
  std::string message;
  std::string suggestion;
  std::size_t claim = 0;  // the odd claim the suggestion replaces (index into the run's claims)
};

/// Why the `latest` side is the latest: its figures are stamped with the latest moment, it is
/// the largest figure of a running total (a toll only grows), or it comes from the latest report
/// (one whose running totals are larger).
enum class latest_basis { stamped, running_total, later_report };

/// Which side a finding's evidence supports, and why the odd figures are likely wrong.
struct assessment {
  assessment_status status = assessment_status::no_clear_majority;
  latest_basis basis = latest_basis::stamped;  // `latest` only
  std::optional<std::size_t> supported_side;
  std::vector<side_support> sides;
  std::vector<std::size_t> odd_claims;  // claims not on the supported side; empty when none is
  /// The supported side's figure that slips are measured from and messages quote (set with a
  /// supported side by the slips pass; not in report.json, whose sides list every claim).
  std::optional<std::size_t> reference;
  std::optional<checker::slip> likely_slip;
};

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
  /// Issue 14: the supported side, the support of each side and the likely slip.
  checker::assessment assessed;
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
std::string to_string(assessment_status status);  // `majority`, `latest`, `published`, `no_clear_majority`
std::string to_string(latest_basis basis);         // `stamped`, `running_total`, `later_report`
std::string to_string(baseline_state state);  // `none`, `new`, `unchanged`
/// Parses `error`, `warning`, `info`; `std::nullopt` otherwise.
std::optional<severity> severity_from(std::string_view name);

}  // namespace checker
