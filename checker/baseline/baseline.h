#pragma once
// Baselines for CI gating: a file of findings recorded once, so that later runs fail only on
// findings that are not in it. Takes findings (after compare) and a baseline file; returns the
// findings marked new or unchanged and the recorded ones that no longer occur (fixed).
// A baseline is human-readable, sorted JSON (schemas/baseline.schema.json) with the fact and the
// values of each finding, so a reviewer can read its diff. Matching is by fingerprint only,
// which never depends on line or byte positions.

#include <string>
#include <vector>

#include "model/claim.h"
#include "model/document.h"
#include "model/finding.h"

namespace checker {

/// `f` as a baseline records it.
recorded_finding record_finding(const finding& f, const std::vector<document>& docs, const std::vector<claim>& claims);

/// Reads and validates a baseline file. Throws `checker::error` naming the file and the problem
/// (missing, not JSON, not of the schema's shape).
std::vector<recorded_finding> read_baseline(const std::string& path);

/// Parses baseline JSON already in memory (`path` is used in messages).
std::vector<recorded_finding> parse_baseline(const std::string& path, const std::string& text);

/// The baseline file's text for `records`: sorted, one finding per block, ending in a newline.
std::string baseline_text(std::vector<recorded_finding> records);

/// Marks each finding `new_finding` or `unchanged` against `baseline` and returns the recorded
/// findings that no longer occur, sorted.
std::vector<recorded_finding> apply_baseline(std::vector<finding>& findings, const std::vector<recorded_finding>& baseline);

}  // namespace checker
