#pragma once
#include <string>
#include <vector>

#include "model/decimal.h"

namespace checker {

enum class severity { info, warning, error };

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
};

std::string to_string(severity level);

}  // namespace checker
