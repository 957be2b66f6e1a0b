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

// Issue 6: hostile text survives JSON and SARIF as data: parsing the output gives back exactly
// the characters of the document, and no raw `</script>` reaches a consumer that embeds it.
BOOST_AUTO_TEST_CASE(json_and_sarif_carry_hostile_text_as_data) {
  const std::string hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> \\ & \t据报道，";
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", hostile + "R1的训练成本为29.4万美元。"));
  docs.push_back(testing::make_document("b.md", "</script> R1的训练成本为560万美元。"));
  const run_result run = testing::analyse(std::move(docs));
  BOOST_REQUIRE(!run.findings.empty());
  const nlohmann::json report = nlohmann::json::parse(report_to_json(run).dump(2));
  bool found = false;
  for (const auto& c : report["claims"]) found = found || c["sentence"] == hostile + "R1的训练成本为29.4万美元。";
  BOOST_TEST(found);
  const std::string sarif = report_to_sarif(run).dump(2);
  const nlohmann::json parsed = nlohmann::json::parse(sarif);
  BOOST_TEST(parsed["runs"][0]["results"].size() >= 1u);
  BOOST_TEST(parsed.dump(2) == sarif);  // valid JSON that round-trips
}

// Issue 6: reports quote at most max_quote_side_bytes on each side of a figure, so a corpus of
// very long sentences gives a report proportional to its claims.
BOOST_AUTO_TEST_CASE(quotes_around_a_figure_in_a_long_sentence_are_bounded) {
  std::string body;
  for (int i = 0; i < 60; ++i) body += "这是一段没有数字的很长的铺垫文字，";
  body += "R1的训练成本为29.4万美元，";
  for (int i = 0; i < 60; ++i) body += "后面还有一段没有数字的很长的文字，";
  const run_result run = testing::analyse_text(body);
  const nlohmann::json report = report_to_json(run);
  BOOST_REQUIRE(!report["claims"].empty());
  for (const auto& c : report["claims"]) {
    const std::string sentence = c["sentence"];
    BOOST_TEST(sentence.size() <= 2 * 240 + c["text"].get<std::string>().size() + 6);
    BOOST_TEST(sentence.find(c["text"].get<std::string>()) != std::string::npos);
    BOOST_TEST(sentence.rfind("…", 0) == 0u);
  }
}

// The streaming writer (one claim in memory at a time) gives exactly the bytes of the full dump,
// with claims and findings and with none.
BOOST_AUTO_TEST_CASE(streamed_report_json_equals_the_full_dump) {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "2023年1月20日，DeepSeek-R1模型发布，训练成本约600万美元。", "2025-02-13"));
  docs.push_back(testing::make_document("b.md", "DeepSeek first released R1 on January 20, 2025. It cost $294,000.", ""));
  docs.push_back(testing::make_document("c.md", "没有任何数字的一句话。", ""));
  const run_result run = testing::analyse(std::move(docs));
  BOOST_REQUIRE(!run.findings.empty());
  std::string streamed;
  write_report_json(run, [&](std::string_view piece) { streamed.append(piece); });
  BOOST_TEST(streamed == dump_json(report_to_json(run), 2) + "\n");

  std::vector<document> plain;
  plain.push_back(testing::make_document("c.md", "没有任何数字的一句话。", ""));
  const run_result empty = testing::analyse(std::move(plain));
  BOOST_REQUIRE(empty.claims.empty());
  std::string streamed_empty;
  write_report_json(empty, [&](std::string_view piece) { streamed_empty.append(piece); });
  BOOST_TEST(streamed_empty == dump_json(report_to_json(empty), 2) + "\n");
}

BOOST_AUTO_TEST_SUITE_END()
