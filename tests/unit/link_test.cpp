#include <boost/test/unit_test.hpp>

#include "support/support.h"

using namespace checker;

using testing::links;

BOOST_AUTO_TEST_SUITE(link_stage)

BOOST_AUTO_TEST_CASE(respectively_distributes_in_chinese_and_english) {
  const auto zh = links(testing::analyse_text("R1-Zero和R1都在512张H800 GPU上训练，训练时长分别为198个小时和80个小时。"));
  const std::vector<std::string> zh_expected{"R1/gpu_count", "R1-Zero/training_time", "R1/training_time"};
  BOOST_TEST(zh == zh_expected, boost::test_tools::per_element());
  const auto en = links(testing::analyse_text("R1-Zero and R1 were trained on 512 H800 GPUs for 198 hours and 80 hours respectively."));
  BOOST_TEST(en[1] == "R1-Zero/training_time");
  BOOST_TEST(en[2] == "R1/training_time");
}

BOOST_AUTO_TEST_CASE(respectively_with_a_count_mismatch_is_not_guessed) {
  // The English summary lists one model and two durations: neither is linked.
  const run_result run = testing::analyse_text("The training of the R1 model used 512 H800 GPUs for 198 hours and 80 hours respectively.");
  BOOST_TEST(run.claims[1].subject.empty());
  BOOST_TEST(run.claims[2].subject.empty());
  bool reported = false;
  for (const auto& d : run.diags) reported = reported || d.id == "link.respectively-mismatch";
  BOOST_TEST(reported);
}

BOOST_AUTO_TEST_CASE(aliases_merge_an_organisation_prefix) {
  const run_result run = testing::analyse_text("DeepSeek-R1的训练成本为29.4万美元。DeepSeek的R1模型于2025年1月20日发布。");
  BOOST_TEST(run.claims[0].subject == "R1");
  BOOST_TEST(run.claims[1].subject == "R1");
}

BOOST_AUTO_TEST_CASE(from_to_changes_are_start_and_end_not_rivals) {
  const auto got = links(testing::analyse_text("R1-Zero的准确率从15.6%提升至71%；如果多次尝试，准确率可以达到86.7%。"));
  const std::vector<std::string> expected{"R1-Zero/accuracy[change:from]", "R1-Zero/accuracy[change:to]",
                                          "R1-Zero/accuracy[repeated_attempts]"};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(conditions_in_parentheses_belong_to_the_figure_before_them) {
  const auto got = links(testing::analyse_text("DeepSeek的API价格：每百万输入tokens最低只要0.5元(缓存命中)/2元(缓存未命中)。"));
  const std::vector<std::string> expected{"DeepSeek/api_price[cache_hit,input]", "DeepSeek/api_price[cache_miss,input]"};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dates_link_to_the_product_their_cue_names) {
  const auto got = links(testing::analyse_text("2023年1月20日，DeepSeek-R1模型以开源方式发布。2025年1月20日，DeepSeek又推出了新模型DeepSeek-R1。"));
  const std::vector<std::string> expected{"R1/release_date", "R1/release_date"};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_figure_before_de_describes_the_noun_after_it) {
  const auto got = links(testing::analyse_text("DeepSeek成立于2023年7月17日，背后是成立于2012年的对冲基金公司幻方量化。"));
  BOOST_TEST(got[0] == "DeepSeek/founding_date");
  // 幻方量化 is a known subject in the lexicon, so the noun after 的 resolves to its canonical name.
  BOOST_TEST(got[1] == "High-Flyer/founding_date");
}

BOOST_AUTO_TEST_CASE(a_generic_subject_belongs_to_the_name_before_it) {
  const auto got = links(testing::analyse_text("OpenAI首席执行官2023年曾表示，基础模型的训练成本“远超”1亿美元。"));
  BOOST_TEST(got.back() == "OpenAI base model/training_cost");
}

BOOST_AUTO_TEST_CASE(a_sentence_without_a_subject_inherits_the_focus) {
  const run_result run = testing::analyse_text("R1的训练总成本为29.4万美元。不到30万美元的训练成本，远低于同行。");
  BOOST_TEST(run.claims[1].subject == "R1");
  BOOST_TEST(run.claims[1].link_basis.rfind("inherited", 0) == 0);
  BOOST_TEST(run.claims[1].link_confidence < run.claims[0].link_confidence);
}

BOOST_AUTO_TEST_CASE(a_pronoun_points_back_past_an_event_name) {
  const run_result run = testing::analyse_text("R1 learned to reason through reinforcement learning. On the AIME 2024 competition it reached an accuracy of 77.9%.");
  BOOST_REQUIRE(run.claims.size() == 1u);
  BOOST_TEST(run.claims[0].subject == "R1");
  BOOST_TEST(run.claims[0].attribute == "accuracy");
}

BOOST_AUTO_TEST_CASE(figures_without_a_cue_stay_unlinked) {
  const run_result run = testing::analyse_text("印度新闻网站Devdiscourse在19日也称，美国公司开始反思。");
  for (const claim& c : run.claims) BOOST_TEST(!c.linked());
}

// Issue 4: what each figure is about, on text of both languages.
BOOST_AUTO_TEST_CASE(issue_4_known_subjects_match_in_any_script) {
  const auto got = links(testing::analyse_text("受DeepSeek的冲击，英伟达股价在2025年1月24日下跌了3.12%。"));
  BOOST_TEST(got.back() == "Nvidia/share_price_change[period:2025-01-24]");
}

BOOST_AUTO_TEST_CASE(issue_4_grouped_qualifiers_take_the_nearest_cue) {
  const auto en = links(testing::analyse_text(
      "DeepSeek charges 2 yuan per million input tokens on a cache miss and 0.5 yuan per million input tokens on a cache hit."));
  BOOST_TEST(en[0] == "DeepSeek/api_price[cache_miss,input]");
  BOOST_TEST(en[1] == "DeepSeek/api_price[cache_hit,input]");
  const auto zh = links(testing::analyse_text("大桥通车后，小型客车的通行费为45元，货车为90元。"));
  BOOST_TEST(zh[0].find("toll[passenger_car]") != std::string::npos);
  BOOST_TEST(zh[1].find("toll[truck]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue_4_a_figure_listed_after_another_shares_its_attribute) {
  const run_result run = testing::analyse_text("R1 was trained for 80 hours, while R1-Zero needed about eight days.");
  BOOST_TEST(run.claims[1].subject == "R1-Zero");
  BOOST_TEST(run.claims[1].attribute == "training_time");
  BOOST_TEST(run.claims[1].link_confidence < run.claims[0].link_confidence);  // a weaker basis
}

BOOST_AUTO_TEST_CASE(issue_4_a_date_in_the_clause_is_the_period_of_its_figures) {
  const auto zh = links(testing::analyse_text("2024年，DeepSeek营收从2023年的100亿元增长至120亿元。"));
  BOOST_TEST(zh[2] == "DeepSeek/revenue[period:2023-01-01..2023-12-31]");
  BOOST_TEST(zh[3] == "DeepSeek/revenue[change:to,period:2024-01-01..2024-12-31]");
  // A date that is a fact of its own (a release date) is no period; a date beside a verb of
  // saying dates the statement.
  const auto launch = links(testing::analyse_text("Nova 12于8月11日发布，起售价为3999元。"));
  BOOST_TEST(launch[1] == "Nova 12/price");
  const auto said = links(testing::analyse_text("OpenAI首席执行官2023年曾表示，训练成本远超1亿美元。"));
  BOOST_TEST(said.back() == "OpenAI/training_cost");
}

BOOST_AUTO_TEST_CASE(issue_4_a_change_is_named_after_the_measure_before_it) {
  const auto zh = links(testing::analyse_text("今年上半年，星河公司手机出货量为1200万台，同比增长15%。"));
  BOOST_TEST(zh.back().find("/shipments_growth[") != std::string::npos);
  const auto en = links(testing::analyse_text("Hengtai Robotics said revenue rose 20% in 2024."));
  BOOST_TEST(en[0] == "Hengtai Robotics/revenue_growth[period:2024-01-01..2024-12-31]");
}

BOOST_AUTO_TEST_CASE(issue_4_a_comparison_figure_is_a_difference_not_a_price) {
  const auto zh = links(testing::analyse_text("Nova 12起售价为3999元，比上一代Nova 11的3499元高出500元。"));
  BOOST_TEST(zh[0] == "Nova 12/price");
  BOOST_TEST(zh[1] == "Nova 11/price");
  BOOST_TEST(zh[2] == "Nova 11/price[difference]");
  const auto en = links(testing::analyse_text("The Nova 12 starts at a price of 3,999 yuan, 500 yuan more than the Nova 11."));
  BOOST_TEST(en[1].find("[difference]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue_4_an_ordinary_word_opening_a_sentence_is_not_a_name) {
  const run_result run = testing::analyse_text("Planners expect 35,000 vehicles a day. Training R1 cost $294,000.");
  BOOST_TEST(run.claims[0].subject.empty());
  BOOST_TEST(run.claims[1].subject == "R1");
  BOOST_TEST(run.claims[1].attribute == "training_cost");
}

BOOST_AUTO_TEST_CASE(issue_4_declared_aliases_merge_names_across_languages) {
  lexicon lex = load_builtin_lexicon();
  extend_lexicon(lex, nlohmann::json::parse(R"({"subjects": [{"name": "Lingang Bay Bridge", "aliases": ["临港湾大桥"]}]})"));
  std::vector<document> docs{testing::make_document("a.md", "临港湾大桥全长12.6公里。"),
                             testing::make_document("b.md", "The Lingang Bay Bridge is 16.2 km long.")};
  const run_result run = analyse_documents(std::move(docs), lex, {});
  BOOST_REQUIRE(run.findings.size() == 1u);
  BOOST_TEST(run.findings[0].subject == "Lingang Bay Bridge");
  BOOST_TEST(run.findings[0].attribute == "length");
}

BOOST_AUTO_TEST_CASE(issue_13_a_version_number_before_a_chinese_comma_stays_in_the_name) {
  // The comma after `Nova 12` is the Chinese sentence's pause: the figure's subject is Nova 12,
  // not the older Nova. In English, `Nova 12, 13 ...` stays a list and the name stops before it.
  const run_result zh = testing::analyse_text("华为新机Nova 12,自上周五正式开卖以来，售价为3999元。");
  BOOST_TEST_REQUIRE(!zh.claims.empty());
  BOOST_TEST(zh.claims.back().subject == "Nova 12");
}

BOOST_AUTO_TEST_CASE(issue_13_a_wire_dateline_dates_the_report_not_a_fact) {
  // `April 2 (UPI) --` opens a wire story: the launch date is June 5, the dateline is no value.
  const run_result run = testing::analyse_text("April 2 (UPI) -- Nintendo said it will launch the console on June 5.", "2025-04-02");
  BOOST_TEST_REQUIRE(run.claims.size() == 2u);
  BOOST_TEST(run.claims[0].attribute.empty());
  BOOST_TEST(run.claims[1].attribute == "release_date");
}

BOOST_AUTO_TEST_SUITE_END()
