// report.sarif (SARIF 2.1.0, for code scanning) and report.rdjsonl (reviewdog's diagnostic
// format, for review comments on changed lines).
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "report/report.h"

namespace checker {
namespace {

constexpr const char* tool_version = "0.1.0";
constexpr const char* information_uri = "https://factcheck.invalid/";

// SARIF's `name` is the readable identifier (PascalCase, never equal to the opaque `id`, which
// SARIF1001 flags); `help` is what GitHub code scanning shows under an alert and requires (GH2012).
struct rule_text {
  const char* id;
  const char* name;
  const char* short_text;
  const char* full_text;
  const char* help_text;
  const char* help_markdown;
};

constexpr rule_text rules[] = {
    {"contradiction", "ContradictoryFigures", "Figures about one fact that cannot all be true.",
     "Claims with the same subject, attribute, qualifiers and unit whose intervals (stated precision and hedges "
     "included) have no common point. Check the sources and correct the figure on the wrong side.",
     "Two or more documents give figures about one fact (same subject, attribute, qualifiers and unit) that cannot all "
     "be true at their stated precision and hedges. The alert sits on the odd figure out (in draft mode, the draft's "
     "figure); the related locations are the other figures. Check the sources and correct the wrong figure.",
     "Two or more documents give figures about **one fact** (same subject, attribute, qualifiers and unit) that cannot "
     "all be true at their stated precision and hedges (`29.4万美元` and `$294,000` agree; `$294,000` and `$249,000` do "
     "not).\n\nThe alert sits on the odd figure out (in draft mode, the draft's figure); the related locations are the "
     "other figures. Check the sources and correct the wrong figure."},
    {"superseded", "SupersededFigure", "A figure that a later-stamped figure about the same fact replaces.",
     "Figures of one fact stamped with different moments (截至7日, as of Tuesday): older figures are superseded by the "
     "latest. Reported as info; in draft mode a draft that gives an older figure is a warning: use the latest.",
     "Figures of one fact carry different time stamps (as of Tuesday, by 7 June): the older ones are superseded by "
     "the latest. Published documents that still give an older figure are reported as information; a draft that gives "
     "one gets a warning: update it to the latest figure.",
     "Figures of one fact carry different time stamps (`as of Tuesday`, `截至7日`): the older ones are **superseded** "
     "by the latest.\n\nPublished documents that still give an older figure are reported as information; a draft "
     "that gives one gets a warning: update it to the latest figure."},
    {"derived_mismatch", "MismatchedDerivedTotal", "A stated total that does not follow from the figures beside it.",
     "Within one sentence, a total (GPUs x hours x price, a percentage of a stated total, a from/to change) that the "
     "stated inputs do not give over the whole range their precision allows.",
     "A sentence states a total together with the figures it is made of (GPUs times hours times price, a percentage "
     "of a stated total, the two ends of a change), and the total does not follow from them over the whole range "
     "their precision allows. Check the arithmetic and the figures it uses.",
     "A sentence states a total together with the figures it is made of (GPUs x hours x price, a percentage of a "
     "stated total, the two ends of a change), and the total **does not follow** from them over the whole range their "
     "precision allows.\n\nCheck the arithmetic and the figures it uses."},
};

std::size_t rule_index(const std::string& id) {
  for (std::size_t i = 0; i < std::size(rules); ++i) {
    if (id == rules[i].id) return i;
  }
  return 0;
}

std::string sarif_level(severity level) {
  switch (level) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "note";
  }
  return "warning";
}

constexpr const char* source_root_id = "SRCROOT";

// A path as a URI reference: characters outside the unreserved set and `/` percent-encoded.
std::string encode_path(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                       c == '_' || c == '~' || c == '/';
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

// The URI of an absolute folder, ending in `/` as SARIF requires of a base URI.
std::string folder_uri(const std::filesystem::path& folder) {
  std::string path = folder.generic_string();
  if (path.empty() || path.back() != '/') path += '/';
  return "file://" + encode_path(path);
}

// An `artifactLocation` for a document path: relative to SRCROOT when the file lies under the
// source root (so code scanning maps it onto the repository from any checkout), else an
// absolute `file://` URI. Lexical: symbolic links are not followed.
nlohmann::json artifact_location(const std::string& document_path, const sarif_options& options) {
  const std::filesystem::path given(document_path);
  if (options.source_root.empty()) {
    if (given.is_absolute()) return {{"uri", "file://" + encode_path(given.lexically_normal().generic_string())}};
    return {{"uri", encode_path(given.lexically_normal().generic_string())}, {"uriBaseId", source_root_id}};
  }
  const std::filesystem::path full = (given.is_absolute() ? given : options.working_folder / given).lexically_normal();
  const std::filesystem::path relative = full.lexically_relative(options.source_root.lexically_normal());
  const bool inside = !relative.empty() && relative.begin()->string() != ".." && relative.begin()->string() != ".";
  if (!inside) return {{"uri", "file://" + encode_path(full.generic_string())}};
  return {{"uri", encode_path(relative.generic_string())}, {"uriBaseId", source_root_id}};
}

struct place {
  std::string path;
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t end_line = 1;
  std::size_t end_column = 1;
};

place place_of(const run_result& run, const claim& c) {
  const document& doc = run.documents[c.document];
  place p;
  p.path = doc.path;
  p.line = doc.line_column(c.original_span.begin).first;
  p.column = doc.code_point_column(c.original_span.begin);
  p.end_line = doc.line_column(c.original_span.end).first;
  p.end_column = doc.code_point_column(c.original_span.end);
  return p;
}

nlohmann::json physical_location(const run_result& run, const claim& c, const sarif_options& options) {
  const place p = place_of(run, c);
  return {{"artifactLocation", artifact_location(p.path, options)},
          {"region",
           {{"startLine", p.line},
            {"startColumn", p.column},
            {"endLine", p.end_line},
            {"endColumn", p.end_column},
            {"snippet", {{"text", c.found.text}}}}}};
}

// The claim a finding is reported at: a draft's figure first, else one on the smallest side
// (the odd one out), else the first.
std::size_t primary_claim(const run_result& run, const finding& f) {
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    if (run.documents[run.claims[f.claims[k]].document].draft) return k;
  }
  if (f.rule == "derived_mismatch") {
    for (std::size_t k = 0; k < f.claims.size(); ++k) {
      if (f.sides[k] == 1) return k;
    }
  }
  std::vector<std::size_t> side_size;
  for (std::size_t s : f.sides) {
    if (side_size.size() <= s) side_size.resize(s + 1, 0);
    ++side_size[s];
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < f.claims.size(); ++k) {
    if (side_size[f.sides[k]] < side_size[f.sides[best]]) best = k;
  }
  return best;
}

// Where a fixed (`absent`) finding was: the file of its first recorded figure, at line 1, since
// the figure itself is gone. GitHub code scanning requires a location on every result.
nlohmann::json fixed_location(const run_result& run, const recorded_finding& r, const sarif_options& options) {
  for (const std::string& value : r.values) {
    const std::string id = value.substr(0, value.find(": "));
    for (const document& doc : run.documents) {
      if (doc.id == id) {
        return nlohmann::json::array({{{"physicalLocation", {{"artifactLocation", artifact_location(doc.path, options)}, {"region", {{"startLine", 1}}}}}}});
      }
    }
  }
  return nullptr;
}

std::string claim_note(const run_result& run, const claim& c, std::size_t side) {
  return fmt::format("side {}: {} in {}", side + 1, c.found.text, run.documents[c.document].id);
}

// Issue 14: the finding's message, then which side the sources support and the likely slip.
std::string message_with_assessment(const run_result& run, const finding& f, const std::string& message) {
  if (f.rule == "derived_mismatch") return message;
  return message + ". " + assessment_summary(run, f);
}

// Issue 14: in draft mode, the draft's figure replaced by the supported one, when the slip is
// clear and the supported figure can be written the way the draft writes it.
const slip* draft_fix(const run_result& run, const finding& f) {
  const auto& s = f.assessed.likely_slip;
  if (!run.draft_mode || !s || s->suggestion.empty() || !run.documents[run.claims[s->claim].document].draft) return nullptr;
  return &*s;
}

}  // namespace

nlohmann::json report_to_sarif(const run_result& run, const sarif_options& options) {
  nlohmann::json driver_rules = nlohmann::json::array();
  for (const rule_text& r : rules) {
    driver_rules.push_back({{"id", r.id},
                            {"name", r.name},
                            {"shortDescription", {{"text", r.short_text}}},
                            {"fullDescription", {{"text", r.full_text}}},
                            {"help", {{"text", r.help_text}, {"markdown", r.help_markdown}}},
                            {"defaultConfiguration", {{"level", "error"}}},
                            {"helpUri", std::string(information_uri) + "#" + r.id}});
  }
  nlohmann::json results = nlohmann::json::array();
  for (const finding& f : run.findings) {
    const std::size_t primary = primary_claim(run, f);
    nlohmann::json related = nlohmann::json::array();
    for (std::size_t k = 0; k < f.claims.size(); ++k) {
      if (k == primary) continue;
      const claim& c = run.claims[f.claims[k]];
      related.push_back({{"id", static_cast<int>(k)},
                         {"physicalLocation", physical_location(run, c, options)},
                         {"message", {{"text", claim_note(run, c, f.sides[k])}}}});
    }
    nlohmann::json result{{"ruleId", f.rule},
                          {"ruleIndex", rule_index(f.rule)},
                          {"level", sarif_level(f.level)},
                          {"message", {{"text", message_with_assessment(run, f, f.message)}}},
                          {"locations", nlohmann::json::array({{{"physicalLocation", physical_location(run, run.claims[f.claims[primary]], options)}}})},
                          {"relatedLocations", related},
                          {"partialFingerprints", {{"factcheckFinding/v1", f.fingerprint}}},
                          {"properties",
                           {{"subject", f.subject},
                            {"attribute", f.attribute},
                            {"qualifiers", f.qualifiers},
                            {"unit", f.unit},
                            {"difference", f.difference},
                            {"confidence", f.confidence}}}};
    if (run.baseline_used) result["baselineState"] = f.state == baseline_state::unchanged ? "unchanged" : "new";
    if (const slip* fix = draft_fix(run, f)) {
      const claim& c = run.claims[fix->claim];
      nlohmann::json where = physical_location(run, c, options);
      where["region"].erase("snippet");
      result["fixes"] = nlohmann::json::array(
          {{{"description", {{"text", fmt::format("Replace {} with {}, the published figure ({})", c.found.text, fix->suggestion, fix->id)}}},
            {"artifactChanges",
             nlohmann::json::array({{{"artifactLocation", where["artifactLocation"]},
                                     {"replacements", nlohmann::json::array({{{"deletedRegion", where["region"]},
                                                                              {"insertedContent", {{"text", fix->suggestion}}}}})}}})}}});
    }
    results.push_back(std::move(result));
  }
  // Findings of the baseline that no longer occur: `absent`, so code scanning closes them.
  for (const recorded_finding& r : run.fixed) {
    nlohmann::json result{{"ruleId", r.kind},
                          {"ruleIndex", rule_index(r.kind)},
                          {"level", "none"},
                          {"message", {{"text", fmt::format("fixed: {} {} ({})", r.subject, r.attribute, fmt::join(r.values, "; "))}}},
                          {"partialFingerprints", {{"factcheckFinding/v1", r.fingerprint}}},
                          {"baselineState", "absent"}};
    if (nlohmann::json where = fixed_location(run, r, options); !where.is_null()) result["locations"] = std::move(where);
    results.push_back(std::move(result));
  }
  nlohmann::json artifacts = nlohmann::json::array();
  for (const document& doc : run.documents) {
    artifacts.push_back({{"location", artifact_location(doc.path, options)}, {"mimeType", doc.format == document_format::html ? "text/html" : "text/plain"},
                         {"encoding", "utf-8"}});
  }
  nlohmann::json sarif_run{{"tool",
                            {{"driver",
                              {{"name", "factcheck"},
                               {"version", tool_version},
                               {"semanticVersion", tool_version},
                               {"informationUri", information_uri},
                               {"rules", driver_rules}}}}},
                           // Columns count code points (an astral character such as an emoji is one
                           // column, not SARIF's default two UTF-16 code units): say so.
                           {"columnKind", "unicodeCodePoints"},
                           {"artifacts", artifacts},
                           {"results", results}};
  if (!options.source_root.empty()) {
    sarif_run["originalUriBaseIds"] = {{source_root_id, {{"uri", folder_uri(options.source_root.lexically_normal())}}}};
  }
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", nlohmann::json::array({sarif_run})}};
}

std::string report_to_rdjsonl(const run_result& run) {
  std::string out;
  for (const finding& f : run.findings) {
    if (run.baseline_used && f.state == baseline_state::unchanged) continue;  // comments are for what is new
    for (std::size_t k = 0; k < f.claims.size(); ++k) {
      const claim& c = run.claims[f.claims[k]];
      // In draft mode only the draft's figures get a comment: the published ones are not under review.
      if (run.draft_mode && !run.documents[c.document].draft) continue;
      const place p = place_of(run, c);
      // reviewdog's Position.column counts UTF-8 bytes within the line, not characters.
      const document& doc = run.documents[c.document];
      std::vector<std::string> others;
      for (std::size_t j = 0; j < f.claims.size(); ++j) {
        if (f.sides[j] != f.sides[k]) others.push_back(claim_note(run, run.claims[f.claims[j]], f.sides[j]));
      }
      nlohmann::json line{
          {"message", message_with_assessment(run, f,
                                              f.rule == "derived_mismatch" || f.rule == "superseded"
                                                  ? f.message
                                                  : fmt::format("{} {}: {} disagrees with {} ({})", f.subject, f.attribute, c.found.text,
                                                                fmt::join(others, ", "), f.difference))},
          {"location",
           {{"path", p.path},
            {"range",
             {{"start", {{"line", p.line}, {"column", doc.utf8_column(c.original_span.begin)}}},
              {"end", {{"line", p.end_line}, {"column", doc.utf8_column(c.original_span.end)}}}}}}},
          {"severity", f.level == severity::error ? "ERROR" : f.level == severity::warning ? "WARNING" : "INFO"},
          {"source", {{"name", "factcheck"}, {"url", information_uri}}},
          {"code", {{"value", f.rule}, {"url", std::string(information_uri) + "#" + f.rule}}}};
      // Issue 14: reviewdog's suggested change, over the figure's own range.
      if (const slip* fix = draft_fix(run, f); fix && fix->claim == f.claims[k]) {
        line["suggestions"] = nlohmann::json::array({{{"range", line["location"]["range"]}, {"text", fix->suggestion}}});
      }
      out += dump_json(line) + "\n";
    }
  }
  return out;
}

}  // namespace checker
