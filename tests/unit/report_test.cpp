#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>

#include <fmt/format.h>

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

// Issue 15 (https://factcheck.invalid/issues/15): --claims all|linked|findings. Each mode lists
// the claims it names, says which mode it is, matches the schema, and streams the same bytes as
// the full dump; findings keep their claims and the summary counts all claims in every mode.
namespace {

run_result mixed_run() {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "R1的训练成本为29.4万美元。会议室里坐着12个人。", "2025-09-18"));
  docs.push_back(testing::make_document("b.md", "Training R1 cost $5.6 million. The room held 40 chairs.", "2025-09-18"));
  docs.push_back(testing::make_document("c.md", "V3的训练成本为557万美元。", "2025-09-18"));
  return testing::analyse(std::move(docs));
}

std::set<std::string> claim_ids(const nlohmann::json& report) {
  std::set<std::string> ids;
  for (const auto& c : report["claims"]) ids.insert(c["id"].get<std::string>());
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue_15_claims_selection_lists_the_chosen_claims) {
  const run_result run = mixed_run();
  BOOST_REQUIRE(!run.findings.empty());
  std::set<std::string> all_ids, linked_ids, finding_ids;
  for (const claim& c : run.claims) {
    all_ids.insert(c.id);
    if (c.linked()) linked_ids.insert(c.id);
  }
  for (const finding& f : run.findings) {
    for (std::size_t i : f.claims) finding_ids.insert(run.claims[i].id);
  }
  // The run must tell the modes apart: some claims unlinked, some linked outside any finding.
  BOOST_REQUIRE(linked_ids.size() < all_ids.size());
  BOOST_REQUIRE(finding_ids.size() < linked_ids.size());
  const std::vector<std::pair<claim_selection, std::set<std::string>>> modes{
      {claim_selection::all, all_ids}, {claim_selection::linked, linked_ids}, {claim_selection::findings, finding_ids}};
  for (const auto& [mode, expected] : modes) {
    BOOST_TEST_CONTEXT("--claims " << to_string(mode)) {
      const nlohmann::json report = report_to_json(run, mode);
      const auto problems = validate_against("report.schema.json", report);
      BOOST_TEST(problems.empty(), (problems.empty() ? std::string() : problems.front()));
      BOOST_TEST(report["claims_included"] == to_string(mode));
      BOOST_TEST((claim_ids(report) == expected));
      BOOST_TEST(report["summary"]["claims"] == run.claims.size());
      BOOST_TEST(report["findings"].size() == run.findings.size());
      BOOST_TEST(report["documents"].size() == 3u);
      std::string streamed;
      write_report_json(run, [&](std::string_view piece) { streamed.append(piece); }, mode);
      BOOST_TEST(streamed == dump_json(report, 2) + "\n");
    }
  }
  BOOST_TEST((claim_selection_from("linked") == std::optional(claim_selection::linked)));
  BOOST_TEST(!claim_selection_from("some").has_value());
  nlohmann::json report = report_to_json(run);
  report["claims_included"] = "some";
  BOOST_TEST(!validate_against("report.schema.json", report).empty());
}

// Issue 15: report.html shows findings first with the claims they cite, a line per document with
// its counts, and no table of every claim; it is written in pieces and equals the string form.
BOOST_AUTO_TEST_CASE(issue_15_html_shows_findings_and_a_document_summary_not_every_claim) {
  const run_result run = mixed_run();
  BOOST_REQUIRE(!run.findings.empty());
  const std::string html = report_to_html(run);
  const std::size_t findings = html.find("<h2>Findings</h2>");
  const std::size_t documents = html.find("<h2>Documents</h2>");
  BOOST_TEST(findings != std::string::npos);
  BOOST_TEST(documents != std::string::npos);
  BOOST_TEST(findings < documents);
  BOOST_TEST(html.find("<mark>29.4万美元</mark>") != std::string::npos);  // a finding's claim is quoted
  BOOST_TEST(html.find("12个人") == std::string::npos);                   // claims no finding needs are not
  BOOST_TEST(html.find("40 chairs") == std::string::npos);
  BOOST_TEST(html.find("All ") == std::string::npos);
  // a.md: two claims, one linked, one finding, no input problem.
  BOOST_TEST(html.find("<td>a.md</td>") != std::string::npos);
  std::size_t a_row = html.find("<td>a.md</td>");
  const std::string row = html.substr(a_row, html.find("</tr>", a_row) - a_row);
  BOOST_TEST(row.find("<td>2</td><td>1</td><td>1</td><td>0</td>") != std::string::npos, row);
  std::string streamed;
  std::size_t pieces = 0;
  write_report_html(run, [&](std::string_view piece) {
    streamed.append(piece);
    ++pieces;
  });
  BOOST_TEST(streamed == html);
}

// Issue 15: a large corpus gives a page of bounded size: documents without a finding or an input
// problem beyond the first 500 are counted, not listed, and the page is written in pieces.
BOOST_AUTO_TEST_CASE(issue_15_html_of_a_large_corpus_stays_bounded) {
  std::vector<document> docs;
  for (int i = 0; i < 1200; ++i) {
    docs.push_back(testing::make_document(fmt::format("quiet{:04}.md", i),
                                          i % 2 == 0 ? "会议如期举行，大家都来了。" : "The meeting was held and everyone came."));
  }
  docs.push_back(testing::make_document("x.md", "R1的训练成本为29.4万美元。", "2025-09-18"));
  docs.push_back(testing::make_document("y.md", "Training R1 cost $5.6 million.", "2025-09-18"));
  const run_result run = testing::analyse(std::move(docs));
  BOOST_REQUIRE(!run.findings.empty());
  std::size_t pieces = 0;
  std::size_t largest = 0;
  std::string html;
  write_report_html(run, [&](std::string_view piece) {
    ++pieces;
    largest = std::max(largest, piece.size());
    html.append(piece);
  });
  BOOST_TEST(pieces > 1u);
  BOOST_TEST(largest < 200000u);
  BOOST_TEST(html.find("<td>x.md</td>") != std::string::npos);  // documents with findings are always listed
  BOOST_TEST(html.find("<td>y.md</td>") != std::string::npos);
  BOOST_TEST(html.find("<td>quiet0499.md</td>") != std::string::npos);
  BOOST_TEST(html.find("<td>quiet0500.md</td>") == std::string::npos);
  BOOST_TEST(html.find("and 700 more document(s)") != std::string::npos);
}

// Issue 15: a filter with more than 200 values (a button per subject of a large corpus) is left
// out; the severity filter stays.
BOOST_AUTO_TEST_CASE(issue_15_html_leaves_out_filters_with_too_many_values) {
  std::vector<document> docs;
  for (int i = 0; i < 205; ++i) {
    docs.push_back(testing::make_document(fmt::format("zh{:03}.md", i), fmt::format("论文披露，Orion-{}的训练成本为{}万美元。", i, 10 + i)));
    docs.push_back(testing::make_document(fmt::format("en{:03}.md", i), fmt::format("The training cost of Orion-{} was ${},000.", i, (10 + i) * 20)));
  }
  const run_result run = testing::analyse(std::move(docs));
  std::set<std::string> subjects;
  for (const finding& f : run.findings) subjects.insert(f.subject);
  BOOST_REQUIRE_MESSAGE(subjects.size() > 200u, subjects.size() << " subjects in " << run.findings.size() << " findings");
  const std::string html = report_to_html(run);
  BOOST_TEST(html.find("name=\"sev\"") != std::string::npos);
  BOOST_TEST(html.find("name=\"sub\"") == std::string::npos);
  BOOST_TEST(html.find("name=\"doc\"") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
