// Issue 5: baselines for CI gating.
#include <boost/test/unit_test.hpp>

#include "baseline/baseline.h"
#include "model/diagnostic.h"
#include "support/support.h"

using namespace checker;

namespace {

run_result two_findings() {
  std::vector<document> docs{testing::make_document("a.md", "R1的训练成本为29.4万美元。2023年1月20日，DeepSeek-R1模型以开源方式发布。"),
                             testing::make_document("b.md", "R1的训练成本为294万美元。DeepSeek first released R1 on January 20, 2025.")};
  return testing::analyse(std::move(docs));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(baseline_stage)

BOOST_AUTO_TEST_CASE(records_read_back_and_match_by_fingerprint) {
  run_result run = two_findings();
  BOOST_REQUIRE_EQUAL(run.findings.size(), 2u);
  std::vector<recorded_finding> records;
  for (const finding& f : run.findings) records.push_back(record_finding(f, run.documents, run.claims));
  const std::string text = baseline_text(records);
  BOOST_TEST(text.find("\"a.md: 29.4万美元 = 294000 USD\"") != std::string::npos);
  const std::vector<recorded_finding> read = parse_baseline("b.json", text);
  BOOST_REQUIRE_EQUAL(read.size(), 2u);
  // The text is sorted: the same records in another order give the same bytes.
  std::vector<recorded_finding> reversed(records.rbegin(), records.rend());
  BOOST_TEST(baseline_text(reversed) == text);

  // One finding recorded, one not: the other is new, and nothing is fixed.
  const std::vector<recorded_finding> only_first{read.front()};
  const auto fixed = apply_baseline(run.findings, only_first);
  BOOST_TEST(fixed.empty());
  std::size_t unchanged = 0;
  for (const finding& f : run.findings) unchanged += f.state == baseline_state::unchanged ? 1 : 0;
  BOOST_TEST(unchanged == 1u);

  // A recorded finding that no longer occurs is fixed.
  recorded_finding gone = read.front();
  gone.fingerprint = "0123456789abcdef";
  const auto fixed_now = apply_baseline(run.findings, {gone});
  BOOST_REQUIRE_EQUAL(fixed_now.size(), 1u);
  BOOST_TEST(fixed_now[0].fingerprint == "0123456789abcdef");
}

BOOST_AUTO_TEST_CASE(a_broken_baseline_is_an_error_that_names_the_file) {
  for (const std::string& text : {std::string("[1, 2"), std::string(R"({"tool": "factcheck"})"),
                                  std::string(R"({"tool": "factcheck", "baseline_version": 2, "findings": []})"),
                                  std::string(R"({"tool": "factcheck", "baseline_version": 1, "findings": [{"fingerprint": "zz"}]})"),
                                  std::string(R"({"tool": "factcheck", "baseline_version": 1e999, "findings": []})")}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_CHECK_EXCEPTION(parse_baseline("ci/baseline.json", text), error,
                            [](const error& e) { return std::string(e.what()).find("ci/baseline.json") != std::string::npos; });
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
