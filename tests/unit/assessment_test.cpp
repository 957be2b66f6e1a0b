// Issue 14: which side a finding's sources support (independence, assessment) and the likely
// slip (slips). https://factcheck.invalid/issues/14
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "compare/rules.h"
#include "report/report.h"
#include "support/support.h"

using namespace checker;

namespace {

using testing::corpus;

const finding& only_contradiction(const run_result& run) {
  BOOST_TEST_REQUIRE(run.findings.size() == 1u);
  BOOST_TEST_REQUIRE(run.findings[0].rule == "contradiction");
  return run.findings[0];
}

// The text of the claim on the supported side, and of the odd ones.
std::string supported_text(const run_result& run, const finding& f) {
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    if (f.assessed.supported_side == f.sides[k]) return run.claims[f.claims[k]].found.text;
  }
  return "";
}

std::vector<std::string> odd_texts(const run_result& run, const finding& f) {
  std::vector<std::string> out;
  for (std::size_t i : f.assessed.odd_claims) out.push_back(run.claims[i].found.text);
  return out;
}

std::string slip_id(const finding& f) { return f.assessed.likely_slip ? f.assessed.likely_slip->id : "none"; }
std::string suggestion(const finding& f) { return f.assessed.likely_slip ? f.assessed.likely_slip->suggestion : ""; }

// Three outlets in their own words and one odd figure.
run_result three_against_one(const std::string& right_zh, const std::string& right_en, const std::string& odd_body) {
  return corpus({{"2025-09-18", "据公司披露，R1的训练成本为" + right_zh + "，远低于外界猜测。"},
                 {"2025-09-18", "The training cost of R1 was " + right_en + ", according to the paper's appendix."},
                 {"2025-09-19", "记者从多位业内人士处了解到，DeepSeek表示R1的训练成本是" + right_zh + "。"},
                 {"2025-09-19", odd_body}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(assessment_pass)

BOOST_AUTO_TEST_CASE(issue_14_copies_count_once_with_their_original) {
  const std::string story = "据新华社报道，长江大桥全长4750米，历时五年建成，是目前该地区最长的跨江桥梁，每天可通行车辆约三万辆次。";
  std::vector<document> docs;
  docs.push_back(testing::make_document("wire.md", story, "2025-03-01"));
  docs.push_back(testing::make_document("mirror.md", "转载自网络：" + story + "本站编辑。", "2025-03-02"));
  // The same story in Traditional script, as converter sites serve it: still a copy.
  docs.push_back(testing::make_document("converted.md",
                                        "據新華社報道，長江大橋全長4750米，歷時五年建成，是目前該地區最長的跨江橋梁，每天可通行車輛約三萬輛次。",
                                        "2025-03-03"));
  docs.push_back(testing::make_document("own.md", "The Yangtze bridge, which our reporter crossed on Monday, runs 4,750 metres end to end.",
                                        "2025-03-02"));
  const run_result run = testing::analyse(std::move(docs));
  const std::vector<std::size_t> source = detail::independent_sources(run.documents, run.claims);
  BOOST_TEST_REQUIRE(source.size() == 4u);
  // The wire is the original (published first); the mirror and the converted copy count with it.
  BOOST_TEST(source[0] == 0u);
  BOOST_TEST(source[1] == 0u);
  BOOST_TEST(source[2] == 0u);
  BOOST_TEST(source[3] == 3u);
}

BOOST_AUTO_TEST_CASE(issue_14_a_shared_stock_phrase_is_not_a_copy) {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "周一上午，记者在发布会现场获悉，R1的训练成本为29.4万美元，论文已经公开。"));
  docs.push_back(testing::make_document("b.md", "多家海外媒体随后跟进报道此事并指出，R1的训练成本为29.4万美元，引发热议。"));
  const run_result run = testing::analyse(std::move(docs));
  const std::vector<std::size_t> source = detail::independent_sources(run.documents, run.claims);
  BOOST_TEST(source[0] == 0u);
  BOOST_TEST(source[1] == 1u);
}

BOOST_AUTO_TEST_CASE(issue_14_clear_majority_is_conservative) {
  BOOST_TEST(detail::is_clear_majority(2, 1));
  BOOST_TEST(detail::is_clear_majority(4, 1));
  BOOST_TEST(!detail::is_clear_majority(1, 0));  // one source alone is no majority
  BOOST_TEST(!detail::is_clear_majority(3, 2));
  BOOST_TEST(!detail::is_clear_majority(2, 2));
}

BOOST_AUTO_TEST_CASE(issue_14_power_of_ten_in_chinese_scale_words) {
  const run_result run = three_against_one("12.5万美元", "$125,000", "网传R1的训练成本为125万美元，但未给出出处。");
  const finding& f = only_contradiction(run);
  BOOST_TEST(to_string(f.assessed.status) == "majority");
  BOOST_TEST(supported_text(run, f) != "");
  BOOST_TEST(odd_texts(run, f) == std::vector<std::string>{"125万美元"});
  BOOST_TEST(slip_id(f) == "slip.power-of-ten");
  BOOST_TEST(f.assessed.likely_slip->message.find("ten times") == 0u);
  BOOST_TEST(suggestion(f) == "12.5万美元");
  // Each side's weight: the supported side has three documents, three independent sources.
  const side_support& s = f.assessed.sides[*f.assessed.supported_side];
  BOOST_TEST(s.documents == 3u);
  BOOST_TEST(s.independent_sources == 3u);
}

BOOST_AUTO_TEST_CASE(issue_14_one_significant_digit_is_a_power_of_ten_slip_unless_another_fact_has_the_value) {
  const run_result run = three_against_one("10万美元", "$100,000", "网传R1的训练成本为100万美元，但未给出出处。");
  const finding& f = only_contradiction(run);
  BOOST_TEST(to_string(f.assessed.status) == "majority");
  BOOST_TEST(slip_id(f) == "slip.power-of-ten");
  // When another fact of the subject is 100万美元, the same digit may be that fact's: no slip named.
  const run_result neighbour = three_against_one("10万美元", "$100,000", "网传R1的训练成本为100万美元，R1的推理成本为100万美元。");
  for (const finding& g : neighbour.findings) {
    if (g.rule == "contradiction" && g.attribute == "training_cost") BOOST_TEST(slip_id(g) != "slip.power-of-ten");
  }
}

BOOST_AUTO_TEST_CASE(issue_14_digits_transposed_in_english) {
  const run_result run = three_against_one("4750美元", "$4,750", "A blog post put the training cost of R1 at $4,570 without a source.");
  const finding& f = only_contradiction(run);
  BOOST_TEST(slip_id(f) == "slip.digits-transposed");
  BOOST_TEST(suggestion(f) == "$4,750");
}

BOOST_AUTO_TEST_CASE(issue_14_one_digit_wrong) {
  const run_result run = three_against_one("4750美元", "$4,750", "有自媒体称，R1的训练成本为4850美元。");
  const finding& f = only_contradiction(run);
  BOOST_TEST(slip_id(f) == "slip.digit-wrong");
  BOOST_TEST(suggestion(f) == "4750美元");
}

BOOST_AUTO_TEST_CASE(issue_14_last_digit_differs_names_no_slip) {
  // 4760 against 4750: an update or a different count as much as a typo; no slip named.
  const run_result run = three_against_one("4750美元", "$4,750", "有自媒体称，R1的训练成本为4760美元。");
  const finding& f = only_contradiction(run);
  BOOST_TEST(to_string(f.assessed.status) == "majority");
  BOOST_TEST(slip_id(f) == "none");
}

BOOST_AUTO_TEST_CASE(issue_14_a_last_digit_two_apart_in_a_fixed_figure_is_a_digit_slip) {
  // 4780 against 4750 for a cost that does not move: no rounding or truncation of one value gives
  // both, so one digit is wrong. A toll's last digit moves with every update: no slip named.
  const run_result run = three_against_one("4750美元", "$4,750", "有自媒体称，R1的训练成本为4780美元。");
  BOOST_TEST(slip_id(only_contradiction(run)) == "slip.digit-wrong");
  const run_result toll = corpus({{"2025-09-18", "The Lisbon tram crash killed 163 people, officials said."},
                                  {"2025-09-18", "Officials said the Lisbon tram crash killed 163 people."},
                                  {"2025-09-18", "The Lisbon tram crash killed 166 people, a local paper said."}});
  for (const finding& f : toll.findings) BOOST_TEST(slip_id(f) != "slip.digit-wrong");
}

BOOST_AUTO_TEST_CASE(issue_14_rounding_beyond_the_stated_precision) {
  // $290,000 states the dollar; 29.4万 cut to the ten thousand is what it gives.
  const run_result run = three_against_one("29.4万美元", "$294,000", "The training cost of R1 was put at $290,000 by one newsletter.");
  const finding& f = only_contradiction(run);
  BOOST_TEST(slip_id(f) == "slip.rounding");
  BOOST_TEST(suggestion(f) == "$294,000");
}

BOOST_AUTO_TEST_CASE(issue_14_a_wide_gap_is_not_rounding) {
  // 27万 is not 29.4万 cut short (off by 8%): no slip.
  const run_result run = three_against_one("29.4万美元", "$294,000", "The training cost of R1 was put at $270,000 by one newsletter.");
  const finding& f = only_contradiction(run);
  BOOST_TEST(to_string(f.assessed.status) == "majority");
  BOOST_TEST(slip_id(f) == "none");
}

BOOST_AUTO_TEST_CASE(issue_14_a_number_in_the_wrong_unit) {
  const run_result run = corpus({{"2025-10-01", "The Lingang Bay Bridge cut the journey to 3 hours, officials said on Monday."},
                                 {"2025-10-01", "Officials say the Lingang Bay Bridge cut the journey to 3 hours for most drivers."},
                                 {"2025-10-02", "Drivers told us the Lingang Bay Bridge cut the journey to 3 hours each way."},
                                 {"2025-10-02", "A travel blog said the Lingang Bay Bridge cut the journey to 3 days."}});
  const finding& f = only_contradiction(run);
  BOOST_TEST(slip_id(f) == "slip.unit");
  BOOST_TEST(suggestion(f) == "");  // hours written as days is not a simple rewrite
}

BOOST_AUTO_TEST_CASE(issue_14_the_value_of_a_neighbouring_fact) {
  const run_result run = corpus({{"2025-09-18", "据公司披露，R1的训练成本为29.4万美元，远低于外界猜测。"},
                                 {"2025-09-18", "The training cost of R1 was $294,000, according to the paper's appendix."},
                                 {"2025-09-19", "记者从多位业内人士处了解到，DeepSeek表示R1的训练成本是29.4万美元。"},
                                 {"2025-09-19", "相比之下，基础模型V3的训练成本为557.6万美元。"},
                                 {"2025-09-19", "某自媒体文章称，R1的训练成本为557.6万美元。"}});
  BOOST_TEST_REQUIRE(run.findings.size() == 1u);
  const finding& f = run.findings[0];
  BOOST_TEST(f.subject == "R1");
  BOOST_TEST(slip_id(f) == "slip.neighbouring-fact");
  BOOST_TEST(f.assessed.likely_slip->message.find("V3") != std::string::npos);
  BOOST_TEST(suggestion(f) == "29.4万美元");
}

BOOST_AUTO_TEST_CASE(issue_14_year_slip_in_a_release_date) {
  const run_result run = corpus({{"2025-02-13", "2023年1月20日，DeepSeek-R1模型以开源方式发布。"},
                                 {"2025-09-19", "回顾今年初，DeepSeek在2025年1月20日发布了DeepSeek-R1模型。"},
                                 {"2025-09-18", "DeepSeek first released R1 on January 20, 2025."}});
  const finding& f = only_contradiction(run);
  BOOST_TEST(to_string(f.assessed.status) == "majority");
  BOOST_TEST(odd_texts(run, f) == std::vector<std::string>{"2023年1月20日"});
  BOOST_TEST(slip_id(f) == "slip.year");
  BOOST_TEST(suggestion(f) == "2025年1月20日");
}

BOOST_AUTO_TEST_CASE(issue_14_year_slip_when_one_side_gives_the_time_of_day) {
  // The odd date is the same day with its hour: only the year differs.
  const run_result zh = corpus({{"2025-02-13", "2023年1月20日10时，DeepSeek-R1模型以开源方式发布。"},
                                {"2025-09-19", "回顾今年初，DeepSeek在2025年1月20日发布了DeepSeek-R1模型。"},
                                {"2025-09-18", "DeepSeek first released R1 on January 20, 2025."}});
  const finding& f = only_contradiction(zh);
  BOOST_TEST(odd_texts(zh, f) == std::vector<std::string>{"2023年1月20日10时"});
  BOOST_TEST(slip_id(f) == "slip.year");
  BOOST_TEST(suggestion(f) == "2025年1月20日10时");
  // Another day as well as another year is more than a year slip.
  const run_result other_day = corpus({{"2025-02-13", "2023年1月21日10时，DeepSeek-R1模型以开源方式发布。"},
                                       {"2025-09-19", "回顾今年初，DeepSeek在2025年1月20日发布了DeepSeek-R1模型。"},
                                       {"2025-09-18", "DeepSeek first released R1 on January 20, 2025."}});
  BOOST_TEST(slip_id(only_contradiction(other_day)) == "none");
}

BOOST_AUTO_TEST_CASE(issue_14_slip_read_against_the_supported_figure_rounded_to_the_odd_precision) {
  // 23.2万 to two significant digits is 23万: 32万 swaps its digits, 230万 is ten times it.
  const run_result swapped = three_against_one("23.2万美元", "$232,000", "A blog post put the training cost of R1 at $320,000.");
  BOOST_TEST(slip_id(only_contradiction(swapped)) == "slip.digits-transposed");
  BOOST_TEST(suggestion(only_contradiction(swapped)) == "$232,000");
  const run_result scaled = three_against_one("23.2万美元", "$232,000", "有自媒体称，R1的训练成本为230万美元。");
  BOOST_TEST(slip_id(only_contradiction(scaled)) == "slip.power-of-ten");
  // A last digit one apart after rounding is what rounding itself does: nothing named.
  const run_result next = three_against_one("23.2万美元", "$232,000", "有自媒体称，R1的训练成本为24万美元。");
  BOOST_TEST(slip_id(only_contradiction(next)) == "none");
  // One significant digit says too little: 3万 is not read as a rounded 2.32万 swapped.
  const run_result one_digit = three_against_one("2.32万美元", "$23,200", "A blog post put the training cost of R1 at $30,000.");
  BOOST_TEST(slip_id(only_contradiction(one_digit)) == "none");
}

BOOST_AUTO_TEST_CASE(issue_14_slip_undone_on_an_odd_figure_stated_more_precisely_than_the_supported_one) {
  // 2.293亿 swapped back is 2.923亿, which the supported 2.9亿 allows as stated; rounding 2.293亿
  // to two digits (2.3亿) would lose the swapped digits.
  const run_result swapped = three_against_one("2.9亿美元", "$290 million", "有自媒体称，R1的训练成本为2.293亿美元。");
  const finding& f = only_contradiction(swapped);
  BOOST_TEST(to_string(f.assessed.status) == "majority");
  BOOST_TEST(odd_texts(swapped, f) == std::vector<std::string>{"2.293亿美元"});
  BOOST_TEST(slip_id(f) == "slip.digits-transposed");
  BOOST_TEST(suggestion(f) == "2.9亿美元");
  // Writers cut as often as they round: 1.968亿 swapped back is 1.698亿, which 1.69亿 gives cut.
  const run_result cut = three_against_one("1.69亿美元", "$169 million", "有自媒体称，R1的训练成本为1.968亿美元。");
  BOOST_TEST(slip_id(only_contradiction(cut)) == "slip.digits-transposed");
  // 29.23亿 is ten times a value the supported figure allows.
  const run_result scaled = three_against_one("2.9亿美元", "$290 million", "有自媒体称，R1的训练成本为29.23亿美元。");
  BOOST_TEST(slip_id(only_contradiction(scaled)) == "slip.power-of-ten");
  // Within two units of the supported figure's last digit (2.264亿 against 2.25亿: swapped back,
  // 2.246亿 would fit) is what a later estimate or a rounding gives: nothing named.
  const run_result close = three_against_one("2.25亿美元", "$225 million", "有自媒体称，R1的训练成本为2.264亿美元。");
  const finding& g = only_contradiction(close);
  BOOST_TEST(to_string(g.assessed.status) == "majority");
  BOOST_TEST(slip_id(g) == "none");
}

BOOST_AUTO_TEST_CASE(issue_14_a_neighbouring_fact_cut_to_the_odd_figures_precision) {
  // V3's 557.6万 given for R1 as 557万 (the last digit dropped): still V3's figure.
  const auto with_odd = [](const std::string& v3, const std::string& odd) {
    return corpus({{"2025-09-18", "据公司披露，R1的训练成本为29.4万美元，远低于外界猜测。"},
                   {"2025-09-18", "The training cost of R1 was $294,000, according to the paper's appendix."},
                   {"2025-09-19", "记者从多位业内人士处了解到，DeepSeek表示R1的训练成本是29.4万美元。"},
                   {"2025-09-19", "相比之下，基础模型V3的训练成本为" + v3 + "。"},
                   {"2025-09-19", "某自媒体文章称，R1的训练成本为" + odd + "。"}});
  };
  const run_result cut = with_odd("557.6万美元", "557万美元");
  const finding* training = nullptr;
  for (const finding& f : cut.findings) {
    if (f.subject == "R1") training = &f;
  }
  BOOST_TEST_REQUIRE(training != nullptr);
  BOOST_TEST(slip_id(*training) == "slip.neighbouring-fact");
  BOOST_TEST(training->assessed.likely_slip->message.find("V3") != std::string::npos);
  // The odd figure states digits V3's coarser 560万 does not have: not copied from it.
  const run_result finer = with_odd("560万美元", "557.6万美元");
  for (const finding& f : finer.findings) {
    if (f.subject == "R1") BOOST_TEST(slip_id(f) == "none");
  }
}

BOOST_AUTO_TEST_CASE(issue_14_a_draft_that_gives_its_own_neighbours_value) {
  // The draft lists two models and gives R1 the figure it gives V3 a line above: the row copied.
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "据公司披露，R1的训练成本为29.4万美元，远低于外界猜测。"));
  docs.push_back(testing::make_document("b.md", "The training cost of R1 was $294,000, according to the paper's appendix."));
  document draft = testing::make_document("draft.md", "据我们统计，V3的训练成本为557.6万美元。R1的训练成本为557.6万美元。");
  draft.draft = true;
  docs.push_back(std::move(draft));
  const run_result run = testing::analyse(std::move(docs));
  const finding* training = nullptr;
  for (const finding& f : run.findings) {
    if (f.subject == "R1" && f.attribute == "training_cost") training = &f;
  }
  BOOST_TEST_REQUIRE(training != nullptr);
  BOOST_TEST(slip_id(*training) == "slip.neighbouring-fact");
  BOOST_TEST(training->assessed.likely_slip->message.find("V3") != std::string::npos);
  BOOST_TEST(suggestion(*training) == "29.4万美元");
}

BOOST_AUTO_TEST_CASE(issue_14_the_number_another_source_gives_in_another_currency) {
  // One outlet gives the cost in yuan, two in dollars; the draft writes the yuan number in dollars.
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "据公司披露，R1的训练成本为29.4万美元，远低于外界猜测。"));
  docs.push_back(testing::make_document("b.md", "The training cost of R1 was $294,000, according to the paper's appendix."));
  docs.push_back(testing::make_document("c.md", "记者了解到，R1的训练成本为209万元人民币。"));
  document draft = testing::make_document("draft.md", "我们的稿件写道：R1的训练成本为209万美元。");
  draft.draft = true;
  docs.push_back(std::move(draft));
  const run_result run = testing::analyse(std::move(docs));
  const finding* training = nullptr;
  for (const finding& f : run.findings) {
    if (f.attribute == "training_cost" && f.unit == "USD") training = &f;
  }
  BOOST_TEST_REQUIRE(training != nullptr);
  BOOST_TEST(slip_id(*training) == "slip.currency");
  BOOST_TEST(training->assessed.likely_slip->message.find("c.md") != std::string::npos);
  // The fix is the currency word, not the dollar figure: no suggestion.
  BOOST_TEST(suggestion(*training).empty());
}

BOOST_AUTO_TEST_CASE(issue_14_a_page_too_loosely_linked_to_compare_still_supports_its_side) {
  // One outlet against one; a third page gives the first figure with its subject carried over
  // from the sentence before (too weak a link to set against another figure, not to count).
  const std::string weak = "R1 drew wide attention this week. The training cost was $294,000, the appendix says.";
  const run_result run = corpus({{"2025-09-18", "据公司披露，R1的训练成本为29.4万美元，远低于外界猜测。"},
                                 {"2025-09-18", "某自媒体文章称，R1的训练成本为31.2万美元。"},
                                 {"2025-09-18", weak}});
  const finding& f = only_contradiction(run);
  BOOST_TEST(f.claims.size() == 2u);  // the third page is no member of the finding
  BOOST_TEST(to_string(f.assessed.status) == "majority");
  BOOST_TEST(supported_text(run, f) == "29.4万美元");
  BOOST_TEST(f.assessed.sides[*f.assessed.supported_side].independent_sources == 2u);
  // A loose page with a third figure supports neither side.
  const run_result neither = corpus({{"2025-09-18", "据公司披露，R1的训练成本为29.4万美元，远低于外界猜测。"},
                                     {"2025-09-18", "某自媒体文章称，R1的训练成本为31.2万美元。"},
                                     {"2025-09-18", "R1 drew wide attention this week. The training cost was $350,000, the appendix says."}});
  BOOST_TEST(to_string(only_contradiction(neither).assessed.status) == "no_clear_majority");
}

BOOST_AUTO_TEST_CASE(issue_14_a_newer_odd_figure_may_be_an_update) {
  // Three outlets on the 18th, one a week later: the later figure may be a newer count, so the
  // majority names no side.
  const run_result run = corpus({{"2025-09-18", "据公司披露，R1的训练成本为12.5万美元，远低于外界猜测。"},
                                 {"2025-09-18", "The training cost of R1 was $125,000, according to the paper's appendix."},
                                 {"2025-09-18", "记者从多位业内人士处了解到，DeepSeek表示R1的训练成本是12.5万美元。"},
                                 {"2025-09-25", "最新消息显示，R1的训练成本为125万美元。"}});
  const finding& f = only_contradiction(run);
  BOOST_TEST(to_string(f.assessed.status) == "no_clear_majority");
  BOOST_TEST(slip_id(f) == "none");
}

BOOST_AUTO_TEST_CASE(issue_14_copies_do_not_make_a_majority) {
  // Two copies of one story (one source) against one outlet: no clear majority, nothing odd.
  const std::string copied = "网传消息称，在最新一期技术报告中，深度求索公司披露R1的训练成本为125万美元，这一数字令人意外。";
  const run_result run = corpus({{"2025-09-18", copied}, {"2025-09-19", "转载：" + copied}, {"2025-09-18", "据公司披露，R1的训练成本为12.5万美元。"}});
  const finding& f = only_contradiction(run);
  BOOST_TEST(to_string(f.assessed.status) == "no_clear_majority");
  BOOST_TEST(!f.assessed.supported_side.has_value());
  BOOST_TEST(f.assessed.odd_claims.empty());
  BOOST_TEST(slip_id(f) == "none");
  std::size_t sources = 0;
  for (const side_support& s : f.assessed.sides) sources += s.independent_sources;
  BOOST_TEST(sources == 2u);
}

BOOST_AUTO_TEST_CASE(issue_14_two_odd_values_name_no_slip) {
  const run_result run = corpus({{"2025-09-18", "据公司披露，R1的训练成本为12.5万美元，远低于外界猜测。"},
                                 {"2025-09-18", "The training cost of R1 was $125,000, according to the paper's appendix."},
                                 {"2025-09-19", "记者了解到，DeepSeek表示R1的训练成本是12.5万美元。"},
                                 {"2025-09-19", "Some blogs claimed the training cost of R1 was $1,250,000."},
                                 {"2025-09-19", "还有网帖说R1的训练成本为125.5万美元。"},
                                 {"2025-09-20", "A newsletter gave R1's training cost as $12,500,000 instead."},
                                 {"2025-09-20", "某论坛帖子称R1的训练成本为152万美元。"}});
  BOOST_TEST_REQUIRE(run.findings.size() == 1u);
  const finding& f = run.findings[0];
  // Three sources against four with four different values: no clear majority.
  BOOST_TEST(slip_id(f) == "none");
}

BOOST_AUTO_TEST_CASE(issue_14_draft_is_checked_against_the_published_side) {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "据公司披露，R1的训练成本为1250万元。"));
  document draft = testing::make_document("draft.md", "我们的稿件写道：R1的训练成本为1.25亿元。");
  draft.draft = true;
  docs.push_back(std::move(draft));
  const run_result run = testing::analyse(std::move(docs));
  const finding& f = only_contradiction(run);
  BOOST_TEST(to_string(f.assessed.status) == "published");
  BOOST_TEST(odd_texts(run, f) == std::vector<std::string>{"1.25亿元"});
  BOOST_TEST(slip_id(f) == "slip.power-of-ten");
  // Written the way the draft writes figures: Chinese scale words, the natural one.
  BOOST_TEST(suggestion(f) == "1250万元");
  // The draft is not a source: its side has a document and no independent source.
  for (const side_support& s : f.assessed.sides) {
    if (s.side != *f.assessed.supported_side) BOOST_TEST(s.independent_sources == 0u);
  }
}

BOOST_AUTO_TEST_CASE(issue_14_report_carries_the_assessment) {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "据公司披露，R1的训练成本为1250万元。"));
  document draft = testing::make_document("draft.md", "我们的稿件写道：R1的训练成本为1.25亿元。");
  draft.draft = true;
  docs.push_back(std::move(draft));
  run_result run = testing::analyse(std::move(docs));
  run.draft_mode = true;
  BOOST_TEST_REQUIRE(run.findings.size() == 1u);
  const nlohmann::json report = report_to_json(run);
  const nlohmann::json& a = report["findings"][0]["assessment"];
  BOOST_TEST(a["status"] == "published");
  BOOST_TEST(a["slip"]["id"] == "slip.power-of-ten");
  BOOST_TEST(a["slip"]["suggestion"] == "1250万元");
  BOOST_TEST(a["odd_claims"].size() == 1u);
  const nlohmann::json sarif = report_to_sarif(run);
  const nlohmann::json& result = sarif["runs"][0]["results"][0];
  BOOST_TEST(result["message"]["text"].get<std::string>().find("slip.power-of-ten") != std::string::npos);
  const nlohmann::json& replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0];
  BOOST_TEST(replacement["insertedContent"]["text"] == "1250万元");
  BOOST_TEST(replacement["deletedRegion"]["startLine"] == result["locations"][0]["physicalLocation"]["region"]["startLine"]);
  const std::string rdjsonl = report_to_rdjsonl(run);
  const nlohmann::json line = nlohmann::json::parse(rdjsonl.substr(0, rdjsonl.find('\n')));
  BOOST_TEST(line["suggestions"][0]["text"] == "1250万元");
  BOOST_TEST(line["suggestions"][0]["range"] == line["location"]["range"]);
  const std::string html = report_to_html(run);
  BOOST_TEST(html.find("Likely slip:") != std::string::npos);
  BOOST_TEST(html.find("odd figure") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue_14_superseded_figures_name_the_latest_and_a_stale_slip) {
  const run_result run = corpus({{"2025-01-07", "截至1月7日18时，地震已造成95人遇难。"}, {"2025-01-09", "截至1月9日12时，地震已造成126人遇难。"}});
  BOOST_TEST_REQUIRE(run.findings.size() == 1u);
  BOOST_TEST_REQUIRE(run.findings[0].rule == "superseded");
  const finding& f = run.findings[0];
  BOOST_TEST(to_string(f.assessed.status) == "latest");
  BOOST_TEST((f.assessed.supported_side == f.latest_side));
  BOOST_TEST(slip_id(f) == "slip.stale");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

const finding* finding_on(const run_result& run, const std::string& attribute) {
  for (const finding& f : run.findings) {
    if (f.attribute == attribute) return &f;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue_14_the_largest_figure_of_a_running_total_is_the_latest) {
  // Undated updates of one toll: two outlets still carry the older figure, one the newer. A toll
  // only grows, so the larger figure is the current one whatever the majority says.
  const run_result run = corpus({{"", "Typhoon Mawar has killed 12 people in Luzon, officials said on Monday."},
                                 {"", "台风玛娃已造成吕宋12人死亡。"},
                                 {"", "Typhoon Mawar has killed 15 people in Luzon, rescuers said."}});
  const finding* f = finding_on(run, "death_toll");
  BOOST_TEST_REQUIRE(f != nullptr);
  BOOST_TEST(to_string(f->assessed.status) == "latest");
  BOOST_TEST(to_string(f->assessed.basis) == "running_total");
  BOOST_TEST(supported_text(run, *f) == "15 people");
  const std::vector<std::string> odd = odd_texts(run, *f);
  BOOST_TEST(std::count(odd.begin(), odd.end(), "12 people") == 1);
  BOOST_TEST(slip_id(*f) == "slip.stale");
}

BOOST_AUTO_TEST_CASE(issue_14_a_count_that_changes_is_current_in_the_later_report) {
  // The people still missing fall as they are found; the report with the larger toll is the
  // later one, so its missing count is current, though two reports give the older one.
  const run_result run = corpus({{"", "Typhoon Mawar has killed 12 people in Luzon, and 8 people are missing."},
                                 {"", "台风玛娃已造成吕宋12人死亡，8人失踪。"},
                                 {"", "Typhoon Mawar has killed 15 people in Luzon, and 3 people are missing."}});
  const finding* f = finding_on(run, "missing_persons");
  BOOST_TEST_REQUIRE(f != nullptr);
  BOOST_TEST(to_string(f->assessed.status) == "latest");
  BOOST_TEST(to_string(f->assessed.basis) == "later_report");
  BOOST_TEST(supported_text(run, *f) == "3 people");
  BOOST_TEST_REQUIRE(f->assessed.likely_slip.has_value());
  BOOST_TEST(f->assessed.likely_slip->message.find("reports later") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue_14_running_totals_that_disagree_on_the_order_name_no_latest) {
  // One report has the larger toll, the other the larger count of injured: which is later is
  // unknown, so neither the toll nor the missing count names a current side.
  const run_result run = corpus({{"", "Typhoon Mawar has killed 15 people in Luzon, injured 100 and left 8 people missing."},
                                 {"", "Typhoon Mawar has killed 12 people in Luzon, injured 140 and left 3 people missing."}});
  for (const std::string attribute : {"death_toll", "missing_persons"}) {
    const finding* f = finding_on(run, attribute);
    BOOST_TEST_REQUIRE(f != nullptr);
    BOOST_TEST(to_string(f->assessed.status) == "no_clear_majority");
  }
}
