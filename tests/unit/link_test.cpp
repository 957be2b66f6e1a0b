#include <boost/test/unit_test.hpp>

#include "support/support.h"

using namespace checker;

namespace {

// `subject/attribute[qualifiers]` for each claim.
std::vector<std::string> links(const run_result& run) {
  std::vector<std::string> out;
  for (const claim& c : run.claims) {
    std::string q;
    for (const auto& item : c.qualifiers) q += (q.empty() ? "" : ",") + item;
    out.push_back(c.subject + "/" + c.attribute + (q.empty() ? "" : "[" + q + "]"));
  }
  return out;
}

}  // namespace

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

BOOST_AUTO_TEST_SUITE_END()
