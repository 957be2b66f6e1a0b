#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "support/support.h"

using namespace checker;

namespace {

using testing::corpus;

}  // namespace

BOOST_AUTO_TEST_SUITE(compare_stage)

BOOST_AUTO_TEST_CASE(release_dates_two_years_apart_contradict) {
  const run_result run = corpus({{"2025-02-13", "2023年1月20日，DeepSeek-R1模型以开源方式发布。"},
                                 {"2025-09-19", "与今年1月发布DeepSeek-R1时的初版论文相比，新论文披露了更多细节。"},
                                 {"2025-09-18", "DeepSeek first released R1 on January 20, 2025."}});
  BOOST_REQUIRE(run.findings.size() == 1u);
  const finding& f = run.findings[0];
  BOOST_TEST(f.rule == "contradiction");
  BOOST_TEST(f.subject == "R1");
  BOOST_TEST(f.attribute == "release_date");
  BOOST_TEST(f.claims.size() == 3u);
  // 2023年1月20日 alone on one side; 今年1月 and January 20, 2025 agree on the other.
  std::size_t side_of_2023 = 99;
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    if (run.claims[f.claims[k]].found.text == "2023年1月20日") side_of_2023 = f.sides[k];
  }
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    const bool is_2023 = run.claims[f.claims[k]].found.text == "2023年1月20日";
    BOOST_TEST((f.sides[k] == side_of_2023) == is_2023);
  }
  // The gap between the nearest edges: 2023-01-20 to 2025-01-01, the start of 今年1月.
  BOOST_TEST(f.difference == "712 days apart");
  BOOST_TEST(f.fingerprint.size() == 16u);
}

BOOST_AUTO_TEST_CASE(a_month_agrees_with_a_day_inside_it) {
  const run_result run = corpus({{"2025-09-19", "今年1月发布DeepSeek-R1。"}, {"2025-02-13", "2025年1月20日，DeepSeek推出了DeepSeek-R1。"}});
  BOOST_TEST(run.findings.empty());
}

BOOST_AUTO_TEST_CASE(figures_agree_within_their_stated_precision) {
  const run_result run = corpus({{"2025-09-18", "R1的训练成本为29.4万美元。"},
                                 {"2025-09-18", "The training cost of R1 was $294,000."},
                                 {"2025-09-18", "R1的训练成本不到30万美元。"}});
  BOOST_TEST(run.findings.empty());
}

BOOST_AUTO_TEST_CASE(different_subjects_and_currencies_are_never_compared) {
  const run_result run = corpus({{"2025-09-18", "R1-Zero和R1分别训练了198个小时和80个小时。"},
                                 {"2025-09-18", "R1的训练成本为29.4万美元，约合人民币209万元。"},
                                 {"2025-09-19", "作为基础模型的V3，构建成本约为600万美元。"}});
  BOOST_TEST(run.findings.empty());
}

BOOST_AUTO_TEST_CASE(a_real_disagreement_in_money_is_found) {
  const run_result run = corpus({{"2025-09-18", "R1的训练成本为29.4万美元。"}, {"2025-09-18", "R1的训练成本为560万美元。"}});
  BOOST_REQUIRE(run.findings.size() == 1u);
  BOOST_TEST(run.findings[0].unit == "USD");
  BOOST_TEST(run.findings[0].difference.find("relative difference") == 0u);
}

BOOST_AUTO_TEST_CASE(fingerprints_do_not_depend_on_positions) {
  const run_result a = corpus({{"2025-09-18", "R1的训练成本为29.4万美元。"}, {"2025-09-18", "R1的训练成本为560万美元。"}});
  const run_result b = corpus({{"2025-09-18", "据悉，论文写道：R1的训练成本为29.4万美元。"}, {"2025-09-18", "另有报道说，R1的训练成本为560万美元。"}});
  BOOST_REQUIRE(a.findings.size() == 1u);
  BOOST_REQUIRE(b.findings.size() == 1u);
  BOOST_TEST(a.findings[0].fingerprint == b.findings[0].fingerprint);
}

// Issue 4: units convert where the conversion is fixed.
BOOST_AUTO_TEST_CASE(issue_4_hours_and_minutes_compare_on_one_axis) {
  const run_result agree = corpus({{"2025-10-01", "The Lingang Bay Bridge cut the journey to 40 minutes."},
                                   {"2025-10-01", "The Lingang Bay Bridge cut the journey to 0.67 hours."}});
  BOOST_TEST(agree.findings.empty());
  const run_result differ = corpus({{"2025-10-01", "The Lingang Bay Bridge cut the journey to 40 minutes."},
                                    {"2025-10-01", "The Lingang Bay Bridge cut the journey to 2 hours."}});
  BOOST_REQUIRE(differ.findings.size() == 1u);
  BOOST_TEST(differ.findings[0].unit == "minute");
  const finding& f = differ.findings[0];
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    const bool hours = differ.claims[f.claims[k]].unit == "hour";
    BOOST_TEST(f.factors[k].to_string() == (hours ? "60" : "1"));
  }
}

BOOST_AUTO_TEST_CASE(issue_4_derived_totals_are_recomputed_within_a_sentence) {
  const run_result run = corpus({{"2025-09-25", "A run on 256 GPUs for 100 hours, at $2 per GPU hour, comes to $51,200. "
                                                "Another took 300,000 GPU hours at $2.5 per GPU hour, or $900,000 in total."},
                                 {"2025-04-02", "公司营收从100亿元增长至120亿元，增幅达25%。现有员工5200人，其中35%即2080人从事研发。"},
                                 {"2025-03-28", "公司营收从100亿元增长至120亿元，增幅为20%。现有员工5200人，其中40%即2080人从事研发。"}});
  std::vector<std::string> stated;
  for (const finding& f : run.findings) {
    if (f.rule != "derived_mismatch") continue;
    for (std::size_t k = 0; k < f.claims.size(); ++k) {
      if (f.sides[k] == 1) stated.push_back(run.claims[f.claims[k]].found.text);
    }
  }
  std::sort(stated.begin(), stated.end());
  const std::vector<std::string> expected{"$900,000", "2080人", "25%"};
  BOOST_TEST(stated == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(issue_4_a_total_beside_only_some_of_its_inputs_is_left_alone) {
  // The price is stated but not the GPU hours: nothing to recompute (the seed's own sentence).
  const run_result run = corpus({{"2025-09-18", "若按H800每GPU小时2美元的租赁价格计算，R1的训练总成本为29.4万美元。"}});
  BOOST_TEST(run.findings.empty());
}

BOOST_AUTO_TEST_SUITE_END()
