// Issue 7, real news as published, across the stages: Traditional Chinese reads exactly as
// Simplified (quotes keep the characters as written), figures credited to an agency, figures
// stamped with a moment (superseded rather than contradicted), and noise from re-hosted pages.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include "ingest/ingest.h"
#include "lexicon/schema.h"
#include "report/report.h"
#include "support/support.h"

using namespace checker;
namespace bdata = boost::unit_test::data;

namespace {

struct script_pair {
  const char* traditional;  // as Hong Kong and Taiwan outlets write it
  const char* simplified;   // the same sentence as mainland outlets write it
};

std::ostream& operator<<(std::ostream& out, const script_pair& p) { return out << p.traditional; }

// My own sentences around the facts of the corpus and of an earthquake report.
const std::vector<script_pair> pairs{
    {"R1的訓練成本為29.4萬美元，約合人民幣209萬元。", "R1的训练成本为29.4万美元，约合人民币209万元。"},
    {"DeepSeek-R1於2025年1月20日發布，訓練時長為80個小時。", "DeepSeek-R1于2025年1月20日发布，训练时长为80个小时。"},
    {"地震已造成126人遇難、188人受傷，逾3600間房屋倒塌。", "地震已造成126人遇难、188人受伤，逾3600间房屋倒塌。"},
    {"兩個月後，該公司市值達1.2億美元。", "两个月后，该公司市值达1.2亿美元。"},
    {"全年營收增長15.6%，淨利潤為三億元。", "全年营收增长15.6%，净利润为三亿元。"},
    {"這部手機售價約4999元，電池容量為5000毫安時。", "这部手机售价约4999元，电池容量为5000毫安时。"},
};

std::vector<std::string> links_of(const run_result& run) { return testing::links(run); }

}  // namespace

BOOST_AUTO_TEST_SUITE(traditional_chinese)

BOOST_DATA_TEST_CASE(reads_as_simplified, bdata::make(pairs), pair) {
  const run_result traditional = testing::analyse_text(pair.traditional);
  const run_result simplified = testing::analyse_text(pair.simplified);
  BOOST_TEST(!simplified.claims.empty());
  BOOST_TEST(testing::dump_all(traditional) == testing::dump_all(simplified), boost::test_tools::per_element());
  BOOST_TEST(links_of(traditional) == links_of(simplified), boost::test_tools::per_element());
}

// Casualty tolls: a cue touching one figure of a list is that figure's, in both scripts and in
// English.
BOOST_AUTO_TEST_CASE(casualty_cues_go_to_the_figure_they_touch) {
  for (const char* text : {"地震已造成126人遇难、188人受伤，另有20人失踪。", "地震已造成126人遇難、188人受傷，另有20人失蹤。"}) {
    const auto got = links_of(testing::analyse_text(text));
    const std::vector<std::string> expected{"earthquake/death_toll", "earthquake/injured", "earthquake/missing_persons"};
    BOOST_TEST(got == expected, boost::test_tools::per_element());
  }
  const auto en = links_of(testing::analyse_text("The quake killed 126 people and injured 188 people."));
  const std::vector<std::string> en_expected{"earthquake/death_toll", "earthquake/injured"};
  BOOST_TEST(en == en_expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(quotes_keep_the_characters_as_written) {
  const run_result run = testing::analyse_text("R1的訓練成本為29.4萬美元，另籌得1.2億港元。");
  BOOST_REQUIRE(run.claims.size() == 2u);
  BOOST_TEST(run.claims[0].found.text == "29.4萬美元");
  BOOST_TEST(run.claims[1].found.text == "1.2億港元");
  BOOST_TEST(run.documents[0].text.find("訓練") != std::string::npos);
  BOOST_TEST(run.documents[0].folded.find("训练") != std::string::npos);
  BOOST_TEST(run.documents[0].folded.size() == run.documents[0].text.size());
}

BOOST_AUTO_TEST_CASE(taiwan_and_hong_kong_dollars_have_their_own_codes) {
  const auto dumps = testing::dump_all(testing::analyse_text("票房為新台幣3億元，NT$500與HK$1.2億，另有2000港元和TWD 800。"));
  BOOST_TEST(dumps.size() == 5u);
  for (const std::string& d : dumps) BOOST_TEST((d.find("TWD") != std::string::npos || d.find("HKD") != std::string::npos), d);
}

BOOST_AUTO_TEST_CASE(simplified_text_is_not_copied) {
  diagnostics diags;
  const auto doc = ingest_bytes("s.md", "R1的训练成本为29.4万美元。The cost was $294,000.", document_format::markdown, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->folded.empty());
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 7: a figure credited to a named agency carries it as a qualifier, so two agencies'
// measurements are two facts; one agency's figures that disagree are still a contradiction.
BOOST_AUTO_TEST_SUITE(attributed_figures)

std::vector<std::string> qualifiers_of(const run_result& run) {
  std::vector<std::string> out;
  for (const claim& c : run.claims) {
    std::string q;
    for (const auto& item : c.qualifiers) q += (q.empty() ? "" : ",") + item;
    out.push_back(c.found.text + "|" + c.subject + "/" + c.attribute + "[" + q + "]");
  }
  return out;
}

BOOST_AUTO_TEST_CASE(sources_are_read_in_both_scripts_and_in_english) {
  const auto zh = qualifiers_of(testing::analyse_text("据中国地震台网测定，此次地震震级为6.8级。美国地质调查局（USGS）称，地震震级为7.1级。"));
  const std::vector<std::string> zh_expected{"6.8级|earthquake/magnitude[source:CENC]", "7.1级|earthquake/magnitude[source:USGS]"};
  BOOST_TEST(zh == zh_expected, boost::test_tools::per_element());
  const auto hant = qualifiers_of(testing::analyse_text("據中國地震台網測定，此次地震震級為6.8級。美國地質調查局（USGS）稱，地震震級為7.1級。"));
  const std::vector<std::string> hant_expected{"6.8級|earthquake/magnitude[source:CENC]", "7.1級|earthquake/magnitude[source:USGS]"};
  BOOST_TEST(hant == hant_expected, boost::test_tools::per_element());
  const auto en = qualifiers_of(testing::analyse_text("The quake killed 126 people, according to USGS."));
  const std::vector<std::string> en_expected{"126 people|earthquake/death_toll[source:USGS]"};
  BOOST_TEST(en == en_expected, boost::test_tools::per_element());
  // An outlet that reports a figure is not a measuring agency: no qualifier, so outlets that
  // disagree are still compared.
  const auto outlet = qualifiers_of(testing::analyse_text("据路透社报道，R1的训练成本为29.4万美元。"));
  BOOST_TEST(outlet.front().find("source:") == std::string::npos, outlet.front());
}

BOOST_AUTO_TEST_CASE(two_agencies_are_two_facts_one_agency_disagreeing_is_a_contradiction) {
  std::vector<document> agencies;
  agencies.push_back(testing::make_document("cenc.md", "据中国地震台网测定，此次地震震级为6.8级。"));
  agencies.push_back(testing::make_document("usgs.md", "據美國地質調查局測定，此次地震震級為7.1級。"));
  BOOST_TEST(testing::analyse(std::move(agencies)).findings.empty());
  std::vector<document> same;
  same.push_back(testing::make_document("a.md", "据中国地震台网测定，此次地震震级为6.8级。"));
  same.push_back(testing::make_document("b.md", "據中國地震台網測定，此次地震震級為7.1級。"));
  const run_result run = testing::analyse(std::move(same));
  BOOST_REQUIRE(run.findings.size() == 1u);
  BOOST_TEST(run.findings[0].attribute == "magnitude");
  BOOST_TEST(run.findings[0].qualifiers == std::vector<std::string>{"source:CENC"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 7: figures stamped with a moment (截至19日8时47分, 截至今日4時, 目前) supersede each other
// when the moments differ; same-moment or unstamped disagreements stay contradictions.
BOOST_AUTO_TEST_SUITE(time_stamped_figures)

BOOST_AUTO_TEST_CASE(stamps_are_resolved_against_the_publication_date) {
  const auto as_of = [](const char* text, const char* published) {
    const run_result run = testing::analyse_text(text, published);
    std::vector<std::string> out;
    for (const claim& c : run.claims) {
      if (c.found.kind != claim_kind::date) out.push_back(c.found.text + "@" + c.as_of);
    }
    return out;
  };
  BOOST_TEST(as_of("截至19日8时47分，地震已造成126人遇难。", "2025-01-20") == std::vector<std::string>{"126人@2025-01-19T08:47"},
             boost::test_tools::per_element());
  BOOST_TEST(as_of("截至今日4時，地震已造成126人遇難。", "2025-01-08") == std::vector<std::string>{"126人@2025-01-08T04:00"},
             boost::test_tools::per_element());
  BOOST_TEST(as_of("截至7日下午3点，地震已造成95人遇难。", "2025-02-03") == std::vector<std::string>{"95人@2025-01-07T15:00"},
             boost::test_tools::per_element());
  BOOST_TEST(as_of("目前仍有188人受伤。", "2025-01-08") == std::vector<std::string>{"188人@2025-01-08"}, boost::test_tools::per_element());
  BOOST_TEST(as_of("地震已造成126人遇难。", "2025-01-08") == std::vector<std::string>{"126人@"}, boost::test_tools::per_element());
  BOOST_TEST(as_of("截至30日，地震已造成95人遇难。", "2025-01-03") == std::vector<std::string>{"95人@2024-12-30"},
             boost::test_tools::per_element());
  // Weekdays: the latest one on or before the publication date (2025-01-09 is a Thursday).
  BOOST_TEST(as_of("The quake had killed 126 people as of Tuesday evening, officials said.", "2025-01-09") ==
                 std::vector<std::string>{"126 people@2025-01-07"},
             boost::test_tools::per_element());
  BOOST_TEST(as_of("截至週二，地震已造成126人遇難。", "2025-01-09") == std::vector<std::string>{"126人@2025-01-07"},
             boost::test_tools::per_element());
  BOOST_TEST(as_of("As of January 8, 188 people were injured in the quake.", "2025-01-09") ==
                 std::vector<std::string>{"188 people@2025-01-08"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(different_moments_supersede_same_moment_contradicts) {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "截至7日12时，地震已造成95人遇难。", "2025-01-07"));
  docs.push_back(testing::make_document("b.md", "截至8日8時，地震已造成126人遇難。", "2025-01-08"));
  const run_result run = testing::analyse(std::move(docs));
  BOOST_REQUIRE(run.findings.size() == 1u);
  const finding& f = run.findings[0];
  BOOST_TEST(f.rule == "superseded");
  BOOST_TEST(to_string(f.level) == "info");
  BOOST_REQUIRE(f.latest_side.has_value());
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    if (run.claims[f.claims[k]].found.text == "126人") BOOST_TEST(f.sides[k] == *f.latest_side);
  }
  BOOST_TEST(f.message.find("as of 2025-01-08T08:00") != std::string::npos, f.message);
  const nlohmann::json report = report_to_json(run);
  const auto problems = validate_against("report.schema.json", report);
  BOOST_TEST(problems.empty(), (problems.empty() ? std::string() : problems.front()));
  BOOST_TEST(report["findings"][0]["kind"] == "superseded");

  // The kind of the one finding between two dated documents.
  const auto rule_between = [](const char* a, const char* a_published, const char* b, const char* b_published) {
    std::vector<document> pair;
    pair.push_back(testing::make_document("a.md", a, a_published));
    pair.push_back(testing::make_document("b.md", b, b_published));
    const run_result both = testing::analyse(std::move(pair));
    return both.findings.size() == 1u ? both.findings[0].rule : fmt::format("{} findings", both.findings.size());
  };
  // Stamped at the same moment, or one unstamped: still a contradiction.
  BOOST_TEST(rule_between("截至8日8时，地震已造成95人遇难。", "2025-01-08", "截至8日8时，地震已造成126人遇难。", "2025-01-08") == "contradiction");
  BOOST_TEST(rule_between("截至7日12时，地震已造成95人遇难。", "2025-01-07", "地震已造成126人遇难。", "2025-01-08") == "contradiction");
  // A bare day after the publication day is last month's, across a year end: 30 December 2024.
  BOOST_TEST(rule_between("截至30日，地震已造成95人遇难。", "2025-01-03", "截至2日，地震已造成126人遇难。", "2025-01-03") == "superseded");
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 7: noise from re-hosted pages creates no claims and does not break the figures around
// it: emoji, a pinyin gloss inside a word, footnote digits glued to words, navigation text and
// repeated paragraphs.
BOOST_AUTO_TEST_SUITE(rehosted_noise)

BOOST_AUTO_TEST_CASE(noise_neither_creates_claims_nor_breaks_figures) {
  const run_result run = testing::analyse_text(
      "首页 | 新闻 | 科技 | 2025 | 视频\n"
      "🔥R1的训练成本为29.4万美元🔥，全年营收增长(zhǎng)了15%。\n"
      "据路透社报道3，V3的训练成本为557.6万美元。\n"
      "R1的训练成本为29.4万美元🔥，全年营收增长(zhǎng)了15%。\n"
      "🔥R1的训练成本为29.4万美元🔥，全年营收增长(zhǎng)了15%。\n"
      "该股市盈率为15。\n");
  std::vector<std::string> got;
  for (const claim& c : run.claims) got.push_back(c.found.text + "|" + c.subject + "/" + c.attribute);
  const std::vector<std::string> expected{"29.4万美元|R1/training_cost", "15%|R1/revenue_growth", "557.6万美元|V3/training_cost",
                                          "29.4万美元|R1/training_cost", "15%|R1/revenue_growth", "15|R1/"};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

// Words a project adds in Traditional Chinese match Simplified text and the other way round.
BOOST_AUTO_TEST_CASE(project_words_in_traditional_match_either_script) {
  lexicon lex = load_builtin_lexicon();
  extend_lexicon(lex, nlohmann::json::parse(R"({"subjects": [{"name": "Lingang Bay Bridge", "aliases": ["臨港灣大橋"]}]})"));
  for (const char* text : {"临港湾大桥全长12公里。", "臨港灣大橋全長12公里。"}) {
    std::vector<document> docs;
    docs.push_back(testing::make_document("b.md", text));
    const run_result run = analyse_documents(std::move(docs), lex, link_options{});
    BOOST_REQUIRE(run.claims.size() == 1u);
    BOOST_TEST(run.claims[0].subject == "Lingang Bay Bridge", text);
  }
}
