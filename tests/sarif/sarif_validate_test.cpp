// Issue 14 (https://factcheck.invalid/issues/14): report.sarif as GitHub code scanning reads it.
// The SARIF Multitool (npm @microsoft/sarif-multitool, installed by `bash .ci/setup --browser`
// into tests/sarif/node_modules) validates, with its GitHub rules (Gh) and SARIF rules (Sarif),
// the SARIF of the corpus, of ../shared/seeds and a realnews tuning cluster (when present), of a
// baseline run and of a draft-mode run; each passes only with no error and no warning in the
// validator's own SARIF log.
#define BOOST_TEST_MODULE checker_sarif
#include <boost/test/unit_test.hpp>

#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/cli_support.h"

namespace {

struct remove_scratch_folders {
  ~remove_scratch_folders() {
    std::error_code ignored;
    fs::remove_all(scratch_root(), ignored);
  }
};
BOOST_TEST_GLOBAL_FIXTURE(remove_scratch_folders);

struct validation {
  int exit_code = -1;
  std::string console;                 // what the validator printed
  std::vector<std::string> problems;   // "GH2012 error: ..." for each error or warning
  bool analysed = false;               // the validator's run succeeded
};

// Runs the validator on `sarif` and reads its log: results without a level are warnings
// (SARIF's default), and a tool execution notification at error level is a problem too.
validation validate(const fs::path& sarif) {
  const fs::path log = sarif.parent_path() / "validation.sarif";
  fs::remove(log);
  const std::string command = quote(SARIF_MULTITOOL) + " validate --rule-kind \"Gh;Sarif\" --log ForceOverwrite -o " + quote(log.string()) +
                              " " + quote(sarif.string()) + " 2>&1";
  validation v;
  FILE* pipe = popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) v.console.append(buffer.data(), n);
  const int status = pclose(pipe);
  v.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  BOOST_REQUIRE_MESSAGE(fs::exists(log), "the validator wrote no log:\n" << v.console);
  const nlohmann::json report = read_json(log);
  for (const auto& run : report.at("runs")) {
    for (const auto& invocation : run.value("invocations", nlohmann::json::array())) {
      v.analysed = invocation.value("executionSuccessful", false);
      for (const auto& n : invocation.value("toolExecutionNotifications", nlohmann::json::array())) {
        if (n.value("level", "warning") != "note") v.problems.push_back("tool: " + n.at("message").value("text", ""));
      }
    }
    for (const auto& r : run.value("results", nlohmann::json::array())) {
      const std::string level = r.value("level", "warning");
      if (level == "error" || level == "warning") {
        v.problems.push_back(r.value("ruleId", "?") + " " + level + ": " + r.at("message").dump());
      }
    }
  }
  return v;
}

void expect_valid(const fs::path& sarif) {
  BOOST_REQUIRE(fs::exists(sarif));
  const validation v = validate(sarif);
  BOOST_TEST(v.analysed, v.console);
  std::ostringstream listed;
  for (const std::string& p : v.problems) listed << p << "\n";
  BOOST_TEST(v.problems.empty(), sarif.string() << ": " << v.problems.size() << " error(s) or warning(s):\n" << listed.str());
}

}  // namespace

// The validator runs and its log is read: a SARIF file with the two faults the issue names (a
// rule without `help`, a `name` equal to the `id`) is rejected, so a pass means something.
BOOST_AUTO_TEST_CASE(issue_14_validator_rejects_what_code_scanning_rejects) {
  const fs::path folder = scratch("sarif-bad");
  std::ofstream(folder / "bad.sarif") << R"({"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
    "runs": [{"tool": {"driver": {"name": "demo", "rules": [{"id": "contradiction", "name": "contradiction",
      "shortDescription": {"text": "Two figures."}, "fullDescription": {"text": "Two figures disagree."}}]}},
      "results": []}]})";
  const validation v = validate(folder / "bad.sarif");
  BOOST_TEST(v.analysed, v.console);
  std::string all;
  for (const std::string& p : v.problems) all += p + "\n";
  BOOST_TEST(all.find("GH2012") != std::string::npos, all << v.console);
  BOOST_TEST(all.find("SARIF1001") != std::string::npos, all << v.console);
}

BOOST_AUTO_TEST_CASE(issue_14_corpus_sarif_passes_the_validator) {
  const fs::path out = scratch("sarif-corpus");
  const outcome result = run("check corpus --format sarif --out " + quote(out.string()));
  BOOST_TEST(result.exit_code == 1, result.out);
  BOOST_TEST(read_json(out / "report.sarif")["runs"][0]["results"].size() >= 1u);
  expect_valid(out / "report.sarif");
}

BOOST_AUTO_TEST_CASE(issue_14_seeds_sarif_passes_the_validator) {
  const fs::path seeds = fs::path(FACTCHECK_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!fs::exists(seeds)) {
    BOOST_TEST_MESSAGE("../shared/seeds is not present; skipped");
    return;
  }
  const fs::path out = scratch("sarif-seeds");
  // The seeds lie outside the source root: their locations are absolute file:// URIs.
  const outcome result = run("check " + quote(seeds.string()) + " --format sarif --out " + quote(out.string()));
  BOOST_TEST((result.exit_code == 0 || result.exit_code == 1), result.out);
  expect_valid(out / "report.sarif");
}

// A tuning cluster of ../shared/realnews (never a validation cluster): real pages, many findings.
BOOST_AUTO_TEST_CASE(issue_14_realnews_sarif_passes_the_validator) {
  const fs::path cluster = fs::path(FACTCHECK_SOURCE_DIR) / ".." / "shared" / "realnews" / "hualien-earthquake-2024" / "docs";
  if (!fs::exists(cluster)) {
    BOOST_TEST_MESSAGE("../shared/realnews is not present; skipped");
    return;
  }
  const fs::path out = scratch("sarif-realnews");
  const outcome result = run("check " + quote(cluster.string()) + " --format sarif --out " + quote(out.string()));
  BOOST_TEST(result.exit_code == 1, result.out);
  expect_valid(out / "report.sarif");
}

// With a baseline: a fixed finding is an `absent` result, which code scanning also requires to
// have a location (its first recorded figure's file).
BOOST_AUTO_TEST_CASE(issue_14_baseline_sarif_with_a_fixed_finding_passes_the_validator) {
  const fs::path folder = scratch("sarif-baseline");
  fs::copy(fs::path(FACTCHECK_SOURCE_DIR) / "corpus", folder / "corpus");
  BOOST_TEST(run_in(folder.string(), "check corpus -q --format sarif --out before --write-baseline baseline.json").exit_code == 1);
  // The corpus's odd date corrected: its finding is fixed.
  const fs::path odd = folder / "corpus" / "zh-sports-portal-deepseek-rise.md";
  std::string text;
  {
    std::ifstream in(odd, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string from = "2023年1月20日";
  BOOST_REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "2025年1月20日");
  std::ofstream(odd, std::ios::binary) << text;
  BOOST_TEST(run_in(folder.string(), "check corpus -q --format sarif --out after --baseline baseline.json").exit_code == 0);
  const nlohmann::json sarif = read_json(folder / "after" / "report.sarif");
  BOOST_REQUIRE(sarif["runs"][0]["results"].size() == 1u);
  BOOST_TEST(sarif["runs"][0]["results"][0]["baselineState"] == "absent");
  BOOST_TEST(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "SRCROOT");
  expect_valid(folder / "after" / "report.sarif");
}

// Draft mode: the draft's figure is the located one (and, when the slip is clear, it carries a
// `fixes` entry); the draft lies under its own source root, the corpus outside it.
BOOST_AUTO_TEST_CASE(issue_14_draft_mode_sarif_passes_the_validator) {
  const fs::path folder = scratch("sarif-draft");
  std::ofstream(folder / "draft.md") << "---\npublished: 2025-09-25\n---\n据报道，DeepSeek-R1于2024年1月20日发布，训练成本为29.4万美元，"
                                        "在512块H800芯片上训练了80个小时。\n";
  const fs::path corpus = fs::path(FACTCHECK_SOURCE_DIR) / "corpus";
  const outcome result = run_in(folder.string(), "check --draft draft.md " + quote(corpus.string()) + " --format sarif --out out");
  BOOST_TEST(result.exit_code == 1, result.out);
  const nlohmann::json sarif = read_json(folder / "out" / "report.sarif");
  BOOST_REQUIRE(sarif["runs"][0]["results"].size() >= 1u);
  BOOST_TEST(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "draft.md");
  expect_valid(folder / "out" / "report.sarif");
}
