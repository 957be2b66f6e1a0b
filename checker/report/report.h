#pragma once
// Stage 7, report: a run's result -> report files. The only stage that writes.
//
// Formats: `report.json` (schema: schemas/report.schema.json) holds documents with their metadata and
// where each field came from, every claim, every finding, what was skipped and a summary; it
// is sorted and byte-identical across runs on the same input. `report.html` is one
// self-contained page for people; `report.sarif` feeds code scanning; `report.rdjsonl` feeds
// review comments. Files are written to a temporary name and renamed, so an
// interrupted run never leaves a half-written report.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "pipeline/pipeline.h"

namespace checker {

/// One claim as JSON, in the shape `report.json` and `factcheck extract` share.
nlohmann::json claim_to_json(const run_result& run, const claim& c);

/// A finding's assessment as report.json writes it (issue 14): status, supported side, the
/// support of each side, the odd claims' ids and the likely slip when one is named.
nlohmann::json assessment_json(const run_result& run, const assessment& a);
/// One line for people: `supported: side 1 (3 documents, 2 independent) against 1 (1); slip.power-of-ten: ...`.
std::string assessment_summary(const run_result& run, const finding& f);

/// The encoding `doc` was read in: `{"name": "GB18030", "origin": "meta", "evidence": ...}`
/// (`origin` one of bom, meta, front_matter, detected, default, forced, container).
nlohmann::json encoding_json(const document& doc);
/// Which claims `report.json` lists in its `claims` array (issue 15): every claim, the claims
/// linked to a fact (the ones that were compared), or only those a finding or a confirmation
/// cites. Findings carry their own claims in every mode; the summary always counts all claims.
enum class claim_selection { all, linked, findings };
/// `all`, `linked` or `findings`.
std::string to_string(claim_selection selection);
/// The selection named `name`, or nothing for an unknown name.
std::optional<claim_selection> claim_selection_from(std::string_view name);

/// The whole report as JSON, listing the claims `selection` names.
nlohmann::json report_to_json(const run_result& run, claim_selection selection = claim_selection::all);
/// Receives a report's bytes piece by piece.
using chunk_sink = std::function<void(std::string_view)>;
/// Writes report.json (`dump_json(report_to_json(run, selection), 2)` and a newline) to `sink`,
/// one document and one claim at a time: memory stays that of one claim, not of the whole report.
void write_report_json(const run_result& run, const chunk_sink& sink, claim_selection selection = claim_selection::all);
/// JSON text with `indent`; bytes that are not UTF-8 (which no stage should let through) are
/// written as U+FFFD rather than failing the report.
std::string dump_json(const nlohmann::json& value, int indent = -1);
/// The whole report as one self-contained HTML page (`write_report_html` into a string).
std::string report_to_html(const run_result& run);
/// Writes report.html to `sink` a piece at a time: findings first with the claims they cite,
/// then a summary line per document (claims, linked claims, findings, input problems), never
/// every claim, so the page stays usable and memory bounded for any corpus (issue 15).
void write_report_html(const run_result& run, const chunk_sink& sink);
/// Where SARIF artifact locations are resolved from. Both paths are absolute.
struct sarif_options {
  /// Declared as `SRCROOT` in `originalUriBaseIds`; documents under it get URIs relative to it,
  /// others absolute `file://` URIs. Empty: relative document paths are taken as relative to an
  /// undeclared `SRCROOT` (the consumer supplies it).
  std::filesystem::path source_root;
  /// The folder relative document paths are relative to (the working folder of the run).
  std::filesystem::path working_folder;
};
/// The findings as SARIF 2.1.0 (code scanning): rules with help, locations relative to
/// `SRCROOT` with code-point columns, `partialFingerprints`, and `baselineState` when a baseline
/// was used (fixed findings are `absent` results).
nlohmann::json report_to_sarif(const run_result& run, const sarif_options& options = {});
/// The findings as reviewdog diagnostics, one JSON object a line, one per figure (in draft mode,
/// per draft figure); with a baseline, new findings only. Columns count UTF-8 bytes within the
/// line, as reviewdog's `Position` does.
std::string report_to_rdjsonl(const run_result& run);

/// Writes `content` to `path` through a temporary file and a rename. Throws `checker::error`.
void write_file_atomically(const std::string& path, const std::string& content);
/// The same, with the content produced piece by piece by `fill`.
void write_file_atomically(const std::string& path, const std::function<void(const chunk_sink&)>& fill);

}  // namespace checker
