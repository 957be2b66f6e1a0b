#include <boost/test/unit_test.hpp>

#include "lexicon/schema.h"
#include "report/report.h"
#include "support/support.h"

using namespace checker;

BOOST_AUTO_TEST_SUITE(report_stage)

BOOST_AUTO_TEST_CASE(json_report_matches_its_schema) {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "2023年1月20日，DeepSeek-R1模型以开源方式发布，训练成本约600万美元。", "2025-02-13"));
  docs.push_back(testing::make_document("b.md", "DeepSeek first released R1 on January 20, 2025. 今年1月，去年。", ""));
  const run_result run = testing::analyse(std::move(docs));
  BOOST_REQUIRE(!run.findings.empty());
  const nlohmann::json report = report_to_json(run);
  const auto problems = validate_against("report.schema.json", report);
  BOOST_TEST(problems.empty(), (problems.empty() ? std::string() : problems.front()));
  for (const auto& c : report["claims"]) BOOST_TEST(validate_against("claim.schema.json", c).empty());
  BOOST_TEST(report["findings"][0]["claims"][0].contains("side"));
}

BOOST_AUTO_TEST_CASE(schema_catches_a_malformed_report) {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "R1的训练成本为29.4万美元。"));
  nlohmann::json report = report_to_json(testing::analyse(std::move(docs)));
  report["claims"][0]["kind"] = "weight";
  BOOST_TEST(!validate_against("report.schema.json", report).empty());
}

BOOST_AUTO_TEST_CASE(json_report_is_identical_across_runs) {
  auto make = [] {
    std::vector<document> docs;
    docs.push_back(testing::make_document("a.md", "R1的训练成本为29.4万美元。", "2025-09-18"));
    docs.push_back(testing::make_document("b.md", "R1的训练成本为560万美元。", "2025-09-18"));
    return report_to_json(testing::analyse(std::move(docs))).dump(2);
  };
  BOOST_TEST(make() == make());
}

BOOST_AUTO_TEST_CASE(html_report_escapes_document_text) {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "<script>alert(1)</script>\"><img src=x onerror=alert(2)> R1的训练成本为29.4万美元。"));
  docs.push_back(testing::make_document("b.md", "</script> R1的训练成本为560万美元。"));
  const std::string html = report_to_html(testing::analyse(std::move(docs)));
  BOOST_TEST(html.find("<script>") == std::string::npos);
  BOOST_TEST(html.find("</script>") == std::string::npos);
  BOOST_TEST(html.find("<img") == std::string::npos);
  BOOST_TEST(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  BOOST_TEST(html.find("Content-Security-Policy") != std::string::npos);
  BOOST_TEST(html.find("<mark>29.4万美元</mark>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
