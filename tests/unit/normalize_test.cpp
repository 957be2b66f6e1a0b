#include <boost/test/unit_test.hpp>

#include "support/support.h"

using namespace checker;

namespace {

claim only_claim(const run_result& run) {
  BOOST_REQUIRE(run.claims.size() == 1u);
  return run.claims.front();
}

std::string bounds(const claim& c) {
  return (c.interval.low ? c.interval.low->to_string() : "-inf") + std::string(c.interval.low_inclusive ? "[" : "(") + ".." +
         (c.interval.high ? c.interval.high->to_string() : "inf") + std::string(c.interval.high_inclusive ? "]" : ")");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(normalize_stage)

BOOST_AUTO_TEST_CASE(intervals_follow_the_stated_precision) {
  BOOST_TEST(bounds(only_claim(testing::analyse_text("成本为29.4万美元。"))) == "293500[..294500]");
  BOOST_TEST(bounds(only_claim(testing::analyse_text("about 2.09 million RMB"))) != "2085000[..2095000]");  // widened
  BOOST_TEST(bounds(only_claim(testing::analyse_text("it cost 2.09 million RMB"))) == "2085000[..2095000]");
  BOOST_TEST(bounds(only_claim(testing::analyse_text("it cost $294,000"))) == "293999.5[..294001)");  // cents dropped
}

BOOST_AUTO_TEST_CASE(issue_13_a_sum_in_whole_units_covers_the_cents_it_drops) {
  // `$449` is how outlets write a $449.99 price; `449.99美元` states its cents and stays exact.
  BOOST_TEST(bounds(only_claim(testing::analyse_text("The console sells for $449 in the US."))) == "448.5[..450)");
  BOOST_TEST(bounds(only_claim(testing::analyse_text("主机在美国售价449美元。"))) == "448.5[..450)");
  BOOST_TEST(bounds(only_claim(testing::analyse_text("主机在美国售价449.99美元。"))) == "449.985[..449.995]");
  // A scale word states no cents: 8000万美元 keeps its precision interval.
  BOOST_TEST(bounds(only_claim(testing::analyse_text("预算为8000万美元。"))) == "79995000[..80005000]");
}

BOOST_AUTO_TEST_CASE(hedges_change_the_interval) {
  // 约 widens by the lexicon's 5%: 600万 +- 0.5万 +- 30万.
  BOOST_TEST(bounds(only_claim(testing::analyse_text("约600万美元"))) == "5695000[..6305000]");
  BOOST_TEST(bounds(only_claim(testing::analyse_text("不到30万美元"))) == "0[..300000)");
  BOOST_TEST(bounds(only_claim(testing::analyse_text("超过1万张A100"))) == "10000(..inf]");
  BOOST_TEST(bounds(only_claim(testing::analyse_text("at least 8 experts"))) == "8[..inf]");
}

BOOST_AUTO_TEST_CASE(durations_convert_fixed_units) {
  const claim days = only_claim(testing::analyse_text("训练了6天"));
  BOOST_TEST(days.unit == "hour");
  BOOST_TEST(days.value->to_string() == "144");
  const claim years = only_claim(testing::analyse_text("历时两年"));
  BOOST_TEST(years.unit == "month");
  BOOST_TEST(years.value->to_string() == "24");
}

BOOST_AUTO_TEST_CASE(dates_resolve_against_the_publication_date) {
  const claim month = only_claim(testing::analyse_text("与今年1月发布时相比"));
  BOOST_TEST(month.date->first.iso() == "2025-01-01");
  BOOST_TEST(month.date->last.iso() == "2025-01-31");
  BOOST_TEST(month.date->anchor == "publication date 2025-09-18");
  const claim explicit_date = only_claim(testing::analyse_text("2023年1月20日发布"));
  BOOST_TEST(explicit_date.date->anchor == "explicit");
}

BOOST_AUTO_TEST_CASE(a_late_month_in_an_early_article_is_last_year) {
  const run_result run = testing::analyse_text("12月的访问量", "2025-02-13");
  BOOST_TEST(only_claim(run).date->first.iso() == "2024-12-01");
}

BOOST_AUTO_TEST_CASE(day_only_dates_take_the_preceding_month) {
  const run_result run = testing::analyse_text("路透社9月18日报道。印度网站在19日也发表评论。", "2025-09-19");
  BOOST_REQUIRE(run.claims.size() == 2u);
  BOOST_TEST(run.claims[1].date->first.iso() == "2025-09-19");
  BOOST_TEST(run.claims[1].date->anchor == "preceding month 2025-09");
}

BOOST_AUTO_TEST_CASE(without_a_publication_date_relative_dates_stay_unresolved) {
  const run_result run = testing::analyse_text("自今年年初发布R1以来，9月17日登上封面。", "");
  BOOST_REQUIRE(run.claims.size() == 2u);
  for (const claim& c : run.claims) {
    BOOST_TEST(to_string(c.status) == "unresolved");
    BOOST_TEST(!c.date.has_value());
  }
}

BOOST_AUTO_TEST_CASE(impossible_dates_are_invalid_not_normalised) {
  const run_result run = testing::analyse_text("2025年2月30日发布。");
  const claim& c = only_claim(run);
  BOOST_TEST(to_string(c.status) == "invalid");
  bool reported = false;
  for (const auto& d : run.diags) reported = reported || d.id == "normalize.invalid-date";
  BOOST_TEST(reported);
}

BOOST_AUTO_TEST_SUITE_END()
