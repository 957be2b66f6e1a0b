// End-to-end tests: run the real `factcheck` binary on the sample corpus, on the seed
// documents when ../shared/seeds exists, and on broken input; check exit codes, messages and
// reports (validated against schemas/).
#define BOOST_TEST_MODULE checker_cli
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "e2e/cli_support.h"
#include "lexicon/schema.h"

namespace {

struct remove_scratch_folders {
  ~remove_scratch_folders() {
    std::error_code ignored;
    fs::remove_all(scratch_root(), ignored);
  }
};

// The release-date finding for R1, or null.
nlohmann::json release_finding(const nlohmann::json& report) {
  for (const auto& f : report["findings"]) {
    if (f["subject"] == "R1" && f["attribute"] == "release_date") return f;
  }
  return nullptr;
}

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(remove_scratch_folders);

BOOST_AUTO_TEST_CASE(help_lists_the_commands) {
  const outcome result = run("--help");
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.find("check") != std::string::npos);
  BOOST_TEST(result.out.find("extract") != std::string::npos);
  BOOST_TEST(run("check --help").out.find("--out") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
  BOOST_TEST(run("check --no-such-flag").exit_code == 2);
  BOOST_TEST(run("").exit_code == 2);
  const outcome bad_format = run("check corpus --format pdf --out " + quote(scratch("format").string()));
  BOOST_TEST(bad_format.exit_code == 2);
  BOOST_TEST(bad_format.out.find("pdf") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(default_corpus_reports_the_release_date_contradiction_and_nothing_false) {
  const fs::path out = scratch("corpus");
  const outcome result = run("check corpus --out " + quote(out.string()));
  BOOST_TEST(result.exit_code == 1, result.out);
  BOOST_REQUIRE(fs::exists(out / "report.json"));
  BOOST_REQUIRE(fs::exists(out / "report.html"));
  for (const auto& entry : fs::directory_iterator(out)) BOOST_TEST(entry.path().extension() != ".tmp");
  const nlohmann::json report = read_json(out / "report.json");
  const auto problems = checker::validate_against("report.schema.json", report);
  BOOST_TEST(problems.empty(), (problems.empty() ? std::string() : problems.front()));

  const nlohmann::json finding = release_finding(report);
  BOOST_REQUIRE(!finding.is_null());
  std::set<std::size_t> sides_2023;
  std::set<std::size_t> sides_2025;
  std::set<std::string> documents_2025;
  for (const auto& c : finding["claims"]) {
    const std::string low = c["interval"]["low"];
    if (low.rfind("2023-01-20", 0) == 0) sides_2023.insert(c["side"].get<std::size_t>());
    if (low.rfind("2025-01", 0) == 0) {
      sides_2025.insert(c["side"].get<std::size_t>());
      documents_2025.insert(c["document"]);
    }
  }
  BOOST_TEST(sides_2023.size() == 1u);
  BOOST_TEST(sides_2025.size() == 1u);
  BOOST_TEST(*sides_2023.begin() != *sides_2025.begin());
  BOOST_TEST(documents_2025.size() >= 3u);  // the other sources agree on January 2025

  // Nothing else: not R1-Zero's 198 hours against R1's 80, not R1's cost against V3's, not the
  // two ends of a from/to change, not prices under different conditions.
  BOOST_TEST(report["findings"].size() == 1u);
  for (const auto& f : report["findings"]) {
    for (const auto& c : f["claims"]) BOOST_TEST(c["subject"] == f["subject"]);
  }
  BOOST_TEST(result.out.find("release_date") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reports_are_identical_across_runs) {
  const fs::path a = scratch("same-a");
  const fs::path b = scratch("same-b");
  run("check corpus --format json --out " + quote(a.string()));
  run("check corpus --format json --out " + quote(b.string()));
  std::ifstream fa(a / "report.json");
  std::ifstream fb(b / "report.json");
  std::stringstream sa;
  std::stringstream sb;
  sa << fa.rdbuf();
  sb << fb.rdbuf();
  BOOST_TEST(sa.str() == sb.str());
  BOOST_TEST(!fs::exists(a / "report.html"));
}

BOOST_AUTO_TEST_CASE(seed_documents_run_clean_and_show_the_release_date_contradiction) {
  const fs::path seeds = fs::path(FACTCHECK_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!fs::exists(seeds)) {
    BOOST_TEST_MESSAGE("../shared/seeds is not present; skipped");
    return;
  }
  const fs::path out = scratch("seeds");
  const outcome result = run("check " + quote(seeds.string()) + " --out " + quote(out.string()));
  BOOST_TEST((result.exit_code == 0 || result.exit_code == 1), result.out);
  const nlohmann::json report = read_json(out / "report.json");
  BOOST_TEST(checker::validate_against("report.schema.json", report).empty());
  BOOST_TEST(report["documents"].size() == 5u);
  const nlohmann::json finding = release_finding(report);
  BOOST_REQUIRE(!finding.is_null());
  bool has_2023 = false;
  bool has_2025 = false;
  for (const auto& c : finding["claims"]) {
    has_2023 = has_2023 || c["value"] == "2023-01-20";
    has_2025 = has_2025 || c["value"].get<std::string>().rfind("2025-01", 0) == 0;
  }
  BOOST_TEST(has_2023);
  BOOST_TEST(has_2025);
  // A byline time stamp gave two of the seeds their publication date.
  std::size_t inferred = 0;
  for (const auto& d : report["documents"]) inferred += d["metadata"]["published"]["origin"] == "inferred" ? 1 : 0;
  BOOST_TEST(inferred >= 2u);
}

BOOST_AUTO_TEST_CASE(extract_prints_one_claim_per_line_in_the_claim_schema) {
  const outcome result = run("extract corpus/zh-securities-times-nature-cover.md");
  BOOST_TEST(result.exit_code == 0);
  std::istringstream lines(result.out);
  std::string line;
  std::size_t count = 0;
  bool saw_cost = false;
  while (std::getline(lines, line)) {
    const nlohmann::json claim = nlohmann::json::parse(line);
    BOOST_TEST(checker::validate_against("claim.schema.json", claim).empty(), line);
    saw_cost = saw_cost || (claim["text"] == "29.4万美元" && claim["value"] == "294000" && claim["unit"] == "USD");
    ++count;
  }
  BOOST_TEST(count >= 10u);
  BOOST_TEST(saw_cost);
}

BOOST_AUTO_TEST_CASE(bad_input_is_named_and_the_run_goes_on) {
  const fs::path in = scratch("bad-input");
  std::ofstream(in / "good.md") << "---\npublished: 2025-09-18\n---\nR1的训练成本为29.4万美元。\n";
  std::ofstream(in / "bad-utf8.txt", std::ios::binary) << "R1\xFF\xFE的训练成本为29.4万美元。";
  std::ofstream(in / "binary.txt", std::ios::binary) << std::string("\x7f" "ELF\0\0\0", 7);
  std::ofstream(in / "corpus.json") << "{ not json";
  std::ofstream(in / "slides.pptx") << "PK";
  const fs::path out = scratch("bad-input-out");
  const outcome result = run("check " + quote(in.string()) + " " + quote((in / "slides.pptx").string()) + " " +
                             quote((in / "missing.md").string()) + " --out " + quote(out.string()));
  BOOST_TEST(result.exit_code == 0, result.out);
  BOOST_TEST(result.out.find("bad-utf8.txt") != std::string::npos);
  BOOST_TEST(result.out.find("not valid UTF-8") != std::string::npos);
  BOOST_TEST(result.out.find("binary.txt") != std::string::npos);
  BOOST_TEST(result.out.find("corpus.json") != std::string::npos);
  BOOST_TEST(result.out.find("slides.pptx") != std::string::npos);
  BOOST_TEST(result.out.find("missing.md") != std::string::npos);
  const nlohmann::json report = read_json(out / "report.json");
  BOOST_TEST(report["documents"].size() == 2u);
  BOOST_TEST(report["skipped"].size() == 3u);
  // The repaired document is still checked: its figure is found.
  std::size_t figures = 0;
  for (const auto& c : report["claims"]) figures += c["text"] == "29.4万美元" ? 1 : 0;
  BOOST_TEST(figures == 2u);
}

BOOST_AUTO_TEST_CASE(nothing_to_check_exits_2) {
  const fs::path empty = scratch("empty");
  const outcome result = run("check " + quote(empty.string()) + " --out " + quote(scratch("empty-out").string()));
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out.find("no document") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unwritable_output_folder_exits_2) {
  const fs::path blocker = scratch("blocked") / "file";
  std::ofstream(blocker) << "x";
  const outcome result = run("check corpus --out " + quote((blocker / "reports").string()));
  BOOST_TEST(result.exit_code == 2, result.out);
  BOOST_TEST(result.out.find("error") != std::string::npos);
}

// Issue 4: a project file in the working folder declares subjects in both languages and the
// defaults, so `factcheck check` needs no flags.
BOOST_AUTO_TEST_CASE(issue_4_project_file_declares_subjects_and_defaults) {
  const fs::path project = scratch("project");
  fs::create_directories(project / "docs");
  std::ofstream(project / "factcheck.json")
      << R"({"corpus": ["docs"], "out": "out", "formats": ["json"],
             "subjects": [{"name": "Lingang Bay Bridge", "aliases": ["临港湾大桥"]}]})";
  std::ofstream(project / "docs" / "a.md") << "---\npublished: 2025-10-02\n---\n临港湾大桥全长12.6公里。\n";
  std::ofstream(project / "docs" / "b.md") << "---\npublished: 2025-10-05\n---\nThe Lingang Bay Bridge is 16.2 km long.\n";
  const outcome result = run_in(project.string(), "check");
  BOOST_TEST(result.exit_code == 1, result.out);
  BOOST_REQUIRE(fs::exists(project / "out" / "report.json"));
  BOOST_TEST(!fs::exists(project / "out" / "report.html"));
  const nlohmann::json report = read_json(project / "out" / "report.json");
  BOOST_REQUIRE(report["findings"].size() == 1u);
  BOOST_TEST(report["findings"][0]["subject"] == "Lingang Bay Bridge");
  BOOST_TEST(report["findings"][0]["attribute"] == "length");
}

BOOST_AUTO_TEST_CASE(issue_4_a_broken_project_file_stops_the_run_and_names_the_file) {
  const fs::path project = scratch("broken-project");
  std::ofstream(project / "not-json.json") << "{ subjects: ";
  std::ofstream(project / "wrong-shape.json") << R"({"subjects": [{"aliases": ["x"]}], "colour": "blue"})";
  outcome result = run("check corpus --project " + quote((project / "not-json.json").string()));
  BOOST_TEST(result.exit_code == 2, result.out);
  BOOST_TEST(result.out.find("not-json.json") != std::string::npos);
  BOOST_TEST(result.out.find("not valid JSON") != std::string::npos);
  result = run("check corpus --project " + quote((project / "wrong-shape.json").string()));
  BOOST_TEST(result.exit_code == 2, result.out);
  BOOST_TEST(result.out.find("wrong-shape.json") != std::string::npos);
  BOOST_TEST(result.out.find("project.schema.json") != std::string::npos);
  result = run("check corpus --project " + quote((project / "missing.json").string()));
  BOOST_TEST(result.exit_code == 2, result.out);
  BOOST_TEST(result.out.find("missing.json") != std::string::npos);
}

// Issue 4: the link gold corpus gives both kinds of finding; the report still matches its schema.
BOOST_AUTO_TEST_CASE(issue_4_derived_mismatches_are_reported_in_every_format) {
  const fs::path out = scratch("link-gold");
  const outcome result =
      run("check corpus tests/data/link_gold --project tests/data/link_gold/factcheck.json --out " + quote(out.string()));
  BOOST_TEST(result.exit_code == 1, result.out);
  BOOST_TEST(result.out.find("derived mismatch") != std::string::npos);
  const nlohmann::json report = read_json(out / "report.json");
  const auto problems = checker::validate_against("report.schema.json", report);
  BOOST_TEST(problems.empty(), (problems.empty() ? std::string() : problems.front()));
  std::size_t derived = 0;
  for (const auto& f : report["findings"]) derived += f["kind"] == "derived_mismatch" ? 1 : 0;
  BOOST_TEST(derived == 4u);
  std::ifstream html(out / "report.html");
  std::stringstream page;
  page << html.rdbuf();
  BOOST_TEST(page.str().find("class=\"computation\"") != std::string::npos);
}

namespace {

// A draft with one figure that contradicts the corpus (2024) and two that agree with it.
fs::path write_draft(const std::string& name, const std::string& release) {
  const fs::path folder = scratch(name);
  std::ofstream(folder / "draft.md") << "---\npublished: 2025-09-25\n---\nDeepSeek-R1于" << release
                                     << "发布，训练成本为29.4万美元，在512块H800芯片上训练了80个小时。\n";
  return folder / "draft.md";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

// Issue 5: check a draft before publishing.
BOOST_AUTO_TEST_CASE(issue_5_draft_mode_reports_the_drafts_wrong_figure_and_confirms_the_rest) {
  const fs::path draft = write_draft("draft", "2024年1月20日");
  const fs::path out = scratch("draft-out");
  const outcome result = run("check --draft " + quote(draft.string()) + " corpus --out " + quote(out.string()));
  BOOST_TEST(result.exit_code == 1, result.out);
  const nlohmann::json report = read_json(out / "report.json");
  BOOST_TEST(checker::validate_against("report.schema.json", report).empty());
  BOOST_TEST(report["mode"] == "draft");
  BOOST_REQUIRE(report["findings"].size() == 1u);
  bool draft_on_its_own_side = false;
  for (const auto& c : report["findings"][0]["claims"]) {
    if (c["document"] == "draft.md") draft_on_its_own_side = c["interval"]["low"] == "2024-01-20";
  }
  BOOST_TEST(draft_on_its_own_side);
  // The cost, the GPU count and the training time agree with the published sources.
  BOOST_TEST(report["confirmed"].size() == 3u);
  for (const auto& k : report["confirmed"]) BOOST_TEST(k["sources"].size() >= 2u);
  BOOST_TEST(result.out.find("agree with the published sources") != std::string::npos);

  // A draft that agrees with the published majority is not reported, even though the corpus
  // itself disagrees about the release date.
  const fs::path good = write_draft("draft-good", "2025年1月20日");
  const outcome clean = run("check --draft " + quote(good.string()) + " corpus --out " + quote(scratch("draft-good-out").string()));
  BOOST_TEST(clean.exit_code == 0, clean.out);
}

// Issue 5: CI gating with a baseline.
BOOST_AUTO_TEST_CASE(issue_5_a_baseline_fails_only_new_findings_and_lists_fixed_ones) {
  const fs::path folder = scratch("baseline");
  const fs::path baseline = folder / "baseline.json";
  outcome result = run("check corpus -q --out " + quote((folder / "out").string()) + " --write-baseline " + quote(baseline.string()));
  BOOST_TEST(result.exit_code == 1, result.out);  // writing a baseline does not hide what was found
  const nlohmann::json written = read_json(baseline);
  BOOST_TEST(checker::validate_against("baseline.schema.json", written).empty());
  BOOST_REQUIRE(written["findings"].size() == 1u);
  BOOST_TEST(written["findings"][0]["subject"] == "R1");
  BOOST_TEST(written["findings"][0]["values"].size() == 5u);

  // The same corpus against its baseline: nothing new.
  result = run("check corpus --out " + quote((folder / "out").string()) + " --baseline " + quote(baseline.string()));
  BOOST_TEST(result.exit_code == 0, result.out);
  nlohmann::json report = read_json(folder / "out" / "report.json");
  BOOST_TEST(report["findings"][0]["baseline_state"] == "unchanged");
  BOOST_TEST(report["summary"]["new_findings"] == 0);

  // Unrelated edits elsewhere in a document keep the fingerprint; a new contradiction fails.
  const fs::path corpus = folder / "corpus";
  fs::copy(fs::path(FACTCHECK_SOURCE_DIR) / "corpus", corpus, fs::copy_options::recursive);
  {
    std::ofstream append(corpus / "en-36kr-nature-cover.md", std::ios::app);
    append << "\nAn unrelated paragraph added at the end.\n\nR1 was trained for 800 hours, an editor wrote.\n";
  }
  std::string text = slurp(corpus / "en-36kr-nature-cover.md");
  text.insert(text.find("# DeepSeek"), "A new first line that moves every offset.\n\n");
  std::ofstream(corpus / "en-36kr-nature-cover.md") << text;
  result = run("check " + quote(corpus.string()) + " --out " + quote((folder / "out").string()) + " --baseline " +
               quote(baseline.string()));
  BOOST_TEST(result.exit_code == 1, result.out);
  report = read_json(folder / "out" / "report.json");
  std::map<std::string, std::string> states;
  for (const auto& f : report["findings"]) states[f["attribute"]] = f["baseline_state"];
  BOOST_TEST(states["release_date"] == "unchanged");
  BOOST_TEST(states["training_time"] == "new");
  BOOST_TEST(result.out.find("(new)") != std::string::npos);

  // Fixing the release date leaves a fixed entry, which --prune-baseline drops.
  text = slurp(corpus / "zh-sports-portal-deepseek-rise.md");
  text.replace(text.find("2023年1月20日"), std::string("2023年1月20日").size(), "2025年1月20日");
  std::ofstream(corpus / "zh-sports-portal-deepseek-rise.md") << text;
  result = run("check " + quote(corpus.string()) + " --out " + quote((folder / "out").string()) + " --baseline " +
               quote(baseline.string()) + " --prune-baseline --fail-on error");
  report = read_json(folder / "out" / "report.json");
  BOOST_TEST(report["baseline"]["fixed"].size() == 1u);
  BOOST_TEST(result.out.find("no longer occurs") != std::string::npos);
  BOOST_TEST(read_json(baseline)["findings"].empty());
  BOOST_TEST(checker::validate_against("report.schema.json", report).empty());
}

BOOST_AUTO_TEST_CASE(issue_5_fail_on_sets_the_threshold) {
  const fs::path out = scratch("fail-on");
  // The link gold corpus has errors and warnings.
  const std::string base = "check corpus tests/data/link_gold --project tests/data/link_gold/factcheck.json -q --out " + quote(out.string());
  BOOST_TEST(run(base).exit_code == 1);
  BOOST_TEST(run(base + " --fail-on error").exit_code == 1);
  BOOST_TEST(run(base + " --fail-on none").exit_code == 0);
  BOOST_TEST(run(base + " --fail-on sometimes").exit_code == 2);
  // Only warnings: the corpus's one finding is an error, so a warning-free threshold of error
  // still fails and nothing passes silently.
  BOOST_TEST(run("check corpus -q --fail-on error --out " + quote(out.string())).exit_code == 1);
}

BOOST_AUTO_TEST_CASE(issue_5_a_broken_baseline_stops_the_run_and_names_the_file) {
  const fs::path folder = scratch("broken-baseline");
  std::ofstream(folder / "not-json.json") << "{ findings: [";
  std::ofstream(folder / "wrong.json") << R"({"tool": "factcheck", "baseline_version": 1, "findings": [{"fingerprint": "xyz"}]})";
  for (const std::string name : {"not-json.json", "wrong.json", "missing.json"}) {
    const outcome result = run("check corpus --out " + quote((folder / "out").string()) + " --baseline " + quote((folder / name).string()));
    BOOST_TEST(result.exit_code == 2, result.out);
    BOOST_TEST(result.out.find(name) != std::string::npos, result.out);
  }
  BOOST_TEST(!fs::exists(folder / "out" / "report.json"));  // stopped before anything was written
  BOOST_TEST(run("check corpus --prune-baseline").exit_code == 2);
}

// Issue 5: SARIF 2.1.0 for code scanning, rdjsonl for review comments.
BOOST_AUTO_TEST_CASE(issue_5_sarif_and_rdjsonl_point_into_the_documents) {
  const fs::path out = scratch("sarif");
  const outcome result = run("check corpus --format sarif,rdjsonl --out " + quote(out.string()));
  BOOST_TEST(result.exit_code == 1, result.out);
  BOOST_TEST(!fs::exists(out / "report.json"));
  const nlohmann::json sarif = read_json(out / "report.sarif");
  BOOST_TEST(sarif["version"] == "2.1.0");
  const auto& sarif_run = sarif["runs"][0];
  BOOST_TEST(sarif_run["tool"]["driver"]["name"] == "factcheck");
  BOOST_TEST(sarif_run["columnKind"] == "unicodeCodePoints");
  BOOST_REQUIRE(sarif_run["results"].size() == 1u);
  const auto& r = sarif_run["results"][0];
  BOOST_TEST(r["ruleId"] == "contradiction");
  BOOST_TEST(sarif_run["tool"]["driver"]["rules"][r["ruleIndex"].get<int>()]["id"] == "contradiction");
  BOOST_TEST(r["partialFingerprints"]["factcheckFinding/v1"].get<std::string>().size() == 16u);
  BOOST_TEST(!r.contains("baselineState"));  // no baseline was given
  // The odd one out is the primary location: 2023年1月20日, line 10, column 1 of the sports portal.
  const auto& where = r["locations"][0]["physicalLocation"];
  BOOST_TEST(where["artifactLocation"]["uri"] == "corpus/zh-sports-portal-deepseek-rise.md");
  BOOST_TEST(where["region"]["startLine"] == 10);
  BOOST_TEST(where["region"]["startColumn"] == 1);
  BOOST_TEST(where["region"]["endColumn"] == 11);  // after 10 characters (16 bytes); SARIF end columns are exclusive
  BOOST_TEST(where["region"]["snippet"]["text"] == "2023年1月20日");
  BOOST_TEST(r["relatedLocations"].size() == 4u);

  std::ifstream lines(out / "report.rdjsonl");
  std::string line;
  std::size_t count = 0;
  while (std::getline(lines, line)) {
    const nlohmann::json d = nlohmann::json::parse(line);
    BOOST_TEST(d["severity"] == "ERROR");
    BOOST_TEST(d["source"]["name"] == "factcheck");
    BOOST_TEST(d["location"]["range"]["start"]["line"].get<int>() >= 1);
    ++count;
  }
  BOOST_TEST(count == 5u);  // one comment per figure of the finding
}

// Issue 14: reviewdog's Position.column counts UTF-8 bytes within the line, SARIF's (we declare
// `unicodeCodePoints`) code points. A draft line of Chinese text with an astral character (an
// emoji, 4 UTF-8 bytes, 2 UTF-16 code units) before the wrong figure tells the three apart.
BOOST_AUTO_TEST_CASE(issue_14_rdjsonl_columns_are_utf8_bytes_and_sarif_columns_code_points) {
  const fs::path folder = scratch("columns");
  // Before 2024年: "😀" (4 bytes), "报道称" (9), "DeepSeek-R1" (11), "于" (3) = 27 bytes, 16 code points.
  std::ofstream(folder / "draft.md") << "---\npublished: 2025-09-25\n---\n😀报道称DeepSeek-R1于2024年1月20日发布。\n";
  const fs::path corpus = fs::path(FACTCHECK_SOURCE_DIR) / "corpus";
  const outcome result =
      run_in(folder.string(), "check --draft draft.md " + quote(corpus.string()) + " --format sarif,rdjsonl --out out");
  BOOST_TEST(result.exit_code == 1, result.out);
  std::ifstream lines(folder / "out" / "report.rdjsonl");
  std::string line;
  BOOST_REQUIRE(std::getline(lines, line));
  const nlohmann::json d = nlohmann::json::parse(line);
  BOOST_TEST(d["location"]["path"] == "draft.md");
  BOOST_TEST(d["location"]["range"]["start"]["line"] == 4);
  BOOST_TEST(d["location"]["range"]["start"]["column"] == 28);  // characters would say 17
  BOOST_TEST(d["location"]["range"]["end"]["column"] == 28 + 16);  // "2024年1月20日": 10 characters, 16 bytes
  const nlohmann::json sarif = read_json(folder / "out" / "report.sarif");
  const auto& region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  BOOST_TEST(sarif["runs"][0]["columnKind"] == "unicodeCodePoints");
  BOOST_TEST(region["startColumn"] == 17);  // UTF-16 code units would say 18
  BOOST_TEST(region["endColumn"] == 27);
}

// Issue 14: SARIF locations are relative to SRCROOT, declared in originalUriBaseIds as the
// source root (the working folder, or --source-root); files outside it keep absolute URIs.
// Rules carry `help` and a readable `name` that is not their `id` (GitHub code scanning).
BOOST_AUTO_TEST_CASE(issue_14_sarif_locations_are_relative_to_the_source_root) {
  const fs::path out = scratch("srcroot");
  BOOST_TEST(run("check corpus --format sarif --out " + quote(out.string())).exit_code == 1);
  nlohmann::json sarif = read_json(out / "report.sarif");
  const auto& sarif_run = sarif["runs"][0];
  const std::string root = sarif_run["originalUriBaseIds"]["SRCROOT"]["uri"];
  BOOST_TEST(root.rfind("file:///", 0) == 0u);
  BOOST_TEST(root.back() == '/');
  BOOST_TEST(fs::equivalent(fs::path(root.substr(7)), fs::path(FACTCHECK_SOURCE_DIR)), root);
  const auto& where = sarif_run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  BOOST_TEST(where["uri"] == "corpus/zh-sports-portal-deepseek-rise.md");
  BOOST_TEST(where["uriBaseId"] == "SRCROOT");
  for (const auto& artifact : sarif_run["artifacts"]) BOOST_TEST(artifact["location"]["uriBaseId"] == "SRCROOT");
  for (const auto& rule : sarif_run["tool"]["driver"]["rules"]) {
    BOOST_TEST(rule["name"] != rule["id"]);
    BOOST_TEST(!rule["help"]["text"].get<std::string>().empty());
    BOOST_TEST(!rule["help"]["markdown"].get<std::string>().empty());
  }

  // --source-root corpus: the same file, relative to that folder.
  BOOST_TEST(run("check corpus --source-root corpus/ --format sarif --out " + quote(out.string())).exit_code == 1);
  sarif = read_json(out / "report.sarif");
  const std::string corpus_root = sarif["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"];
  BOOST_TEST(corpus_root.size() > 8u);
  BOOST_TEST(corpus_root.substr(corpus_root.size() - 8) == "/corpus/");
  BOOST_TEST(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
             "zh-sports-portal-deepseek-rise.md");

  // A root the documents lie outside of: absolute file:// URIs, no uriBaseId.
  const fs::path elsewhere = scratch("srcroot-elsewhere");
  BOOST_TEST(run("check corpus --source-root " + quote(elsewhere.string()) + " --format sarif --out " + quote(out.string())).exit_code == 1);
  sarif = read_json(out / "report.sarif");
  const auto& outside = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  BOOST_TEST(outside["uri"].get<std::string>().rfind("file:///", 0) == 0u);
  BOOST_TEST(outside["uri"].get<std::string>().find("/corpus/zh-sports-portal-deepseek-rise.md") != std::string::npos);
  BOOST_TEST(!outside.contains("uriBaseId"));
}

// Issue 15 (https://factcheck.invalid/issues/15): a run with hundreds of input problems prints the
// first few of each diagnostic id and how many more there are, not one line each; report.json
// keeps every one.
BOOST_AUTO_TEST_CASE(issue_15_many_input_problems_print_a_count_per_id) {
  const fs::path folder = scratch("issue15-dates");
  for (const char* name : {"zh.md", "en.md"}) {
    std::ofstream file(folder / name);
    file << "---\npublished: 2025-09-18\n---\n";
    for (int i = 0; i < 150; ++i) {
      // Shuffled digits: days that no month has, in both languages.
      if (std::string(name) == "zh.md") file << "第" << i << "次会议于2025年2月" << 30 + i % 2 << "日举行。\n";
      else file << "Meeting " << i << " took place on April " << 31 + i % 2 << ", 2025.\n";
    }
  }
  const fs::path out = folder / "out";
  const outcome result = run_in(folder.string(), "check zh.md en.md --out out");
  BOOST_TEST(result.exit_code == 0, result.out);
  std::size_t lines = 0;
  std::size_t date_lines = 0;
  std::istringstream text(result.out);
  for (std::string line; std::getline(text, line);) {
    ++lines;
    date_lines += line.find("[normalize.invalid-date]") != std::string::npos ? 1 : 0;
  }
  BOOST_TEST(date_lines == 6u, result.out);  // the first five and the count
  BOOST_TEST(lines < 20u, result.out);
  BOOST_TEST(result.out.find("300 input problem(s) [normalize.invalid-date], the first 5 shown; 295 more are listed in report.json") !=
                 std::string::npos,
             result.out);
  const nlohmann::json report = read_json(out / "report.json");
  std::size_t in_report = 0;
  for (const auto& d : report["diagnostics"]) in_report += d["id"] == "normalize.invalid-date" ? 1 : 0;
  BOOST_TEST(in_report == 300u);
  // Without report.json the count says how to get them all.
  const outcome html_only = run_in(folder.string(), "check zh.md en.md --format html --out out-html");
  BOOST_TEST(html_only.out.find("295 more are listed in report.json with --format json") != std::string::npos, html_only.out);
}

// Issue 15: --claims chooses the claims report.json lists; the report names the mode and matches
// the schema in each; an unknown mode is a usage error; --help gives the default and why.
BOOST_AUTO_TEST_CASE(issue_15_claims_option_selects_the_claims_of_report_json) {
  std::map<std::string, std::size_t> listed;
  for (const std::string mode : {"all", "linked", "findings"}) {
    const fs::path out = scratch("issue15-claims-" + mode);
    const outcome result = run("check corpus --format json --claims " + mode + " --out " + quote(out.string()));
    BOOST_TEST(result.exit_code == 1, result.out);
    const nlohmann::json report = read_json(out / "report.json");
    const auto problems = checker::validate_against("report.schema.json", report);
    BOOST_TEST(problems.empty(), mode << ": " << (problems.empty() ? std::string() : problems.front()));
    BOOST_TEST(report["claims_included"] == mode);
    listed[mode] = report["claims"].size();
    std::set<std::string> cited;
    for (const auto& f : report["findings"]) {
      for (const auto& c : f["claims"]) cited.insert(c["id"].get<std::string>());
    }
    for (const auto& c : report["claims"]) {
      if (mode == "linked") BOOST_TEST(!c["subject"].is_null());
      if (mode == "findings") BOOST_TEST(cited.count(c["id"].get<std::string>()) == 1u);
    }
    BOOST_TEST(report["summary"]["claims"].get<std::size_t>() == listed["all"]);  // "all" runs first
  }
  BOOST_TEST(listed["all"] > listed["linked"]);
  BOOST_TEST(listed["linked"] > listed["findings"]);
  BOOST_TEST(listed["findings"] > 0u);
  const outcome bad = run("check corpus --claims some --out " + quote(scratch("issue15-claims-bad").string()));
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.out.find("use all, linked or findings") != std::string::npos, bad.out);
  const outcome help = run("check --help");
  BOOST_TEST(help.out.find("--claims") != std::string::npos);
  BOOST_TEST(help.out.find("all (the default") != std::string::npos, help.out);
}

// Issue 15: report.html puts the findings first and summarises each document instead of listing
// every claim.
BOOST_AUTO_TEST_CASE(issue_15_report_html_summarises_documents_instead_of_listing_every_claim) {
  const fs::path out = scratch("issue15-html");
  const outcome result = run("check corpus --format html --out " + quote(out.string()));
  BOOST_TEST(result.exit_code == 1, result.out);
  std::ifstream file(out / "report.html");
  std::stringstream page;
  page << file.rdbuf();
  const std::string html = page.str();
  BOOST_TEST(html.find("<h2>Findings</h2>") < html.find("<h2>Documents</h2>"));
  BOOST_TEST(html.find("claims</summary>") == std::string::npos);  // no table of every claim
  BOOST_TEST(html.find("<th>linked</th><th>findings</th><th>input problems</th>") != std::string::npos);
  BOOST_TEST(html.find("Content-Security-Policy") != std::string::npos);
}
