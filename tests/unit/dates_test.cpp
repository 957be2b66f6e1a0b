// Issue 12 (dates half): every date form news writes, read and resolved against the publication
// date (https://factcheck.invalid/issues/12). Sentences in both languages, written for these
// tests; expectations are dumps (`date{2025-09-17}`, `date{2025-09-08..2025-09-14 week}`).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "support/support.h"

using namespace checker;
namespace bdata = boost::unit_test::data;

namespace {

struct date_case {
  const char* published;
  const char* text;
  std::vector<std::string> expected;  // dumps, in text order
};

std::ostream& operator<<(std::ostream& out, const date_case& c) { return out << c.text; }

// 2025-09-18 is a Thursday; its ISO week runs from Monday 2025-09-15 to Sunday 2025-09-21.
const std::vector<date_case> weekday_cases{
    {"2025-09-18", "公司周三宣布了新的定价方案。", {"date{2025-09-17}"}},
    {"2025-09-18", "公司週三宣佈了新的定價方案。", {"date{2025-09-17}"}},
    {"2025-09-18", "星期一上午，工人们回到了车间。", {"date{2025-09-15}"}},
    {"2025-09-18", "礼拜五那场雨下了整整一夜。", {"date{2025-09-12}"}},
    {"2025-09-18", "周四，市政府召开新闻发布会。", {"date{2025-09-18}"}},  // publication day itself
    {"2025-09-18", "新馆将于周六正式开放。", {"date{2025-09-20}"}},      // future cue: on or after
    {"2025-09-18", "上周三的暴雨淹没了街道。", {"date{2025-09-10}"}},
    {"2025-09-18", "下周一起，这条路实行单行。", {"date{2025-09-22}"}},
    {"2025-09-18", "本周末，城区将有大范围降雨。", {"date{2025-09-20..2025-09-21 range}"}},
    {"2025-09-18", "上周，该市新开放了一座湿地公园。", {"date{2025-09-08..2025-09-14 week}"}},
    {"2025-09-18", "下下周，新学期的课程表才会公布。", {"date{2025-09-29..2025-10-05 week}"}},
    {"2025-09-18", "本周，油价出现了小幅回落。", {"date{2025-09-15..2025-09-21 week}"}},
    {"2025-09-18", "上週五的餘震不大。", {"date{2025-09-12}"}},
    {"2025-09-18", "每周三下午都有免费讲座。", {}},
    {"2025-09-18", "黑色星期五的促销已经结束。", {}},
    {"2025-09-18", "周年庆典和周边产品都卖光了。", {}},
    {"2025-09-18", "活动于9月17日（周三）开幕。", {"date{2025-09-17}"}},  // the weekday repeats the date
    {"2025-09-18", "The minister said on Wednesday that talks would resume.", {"date{2025-09-17}"}},
    {"2025-09-18", "The new rules take effect next Monday.", {"date{2025-09-22}"}},
    {"2025-09-18", "Shares fell sharply last Friday.", {"date{2025-09-12}"}},
    {"2025-09-18", "The council meets this Wednesday.", {"date{2025-09-17}"}},
    {"2025-09-18", "The festival will open on Saturday.", {"date{2025-09-20}"}},
    {"2025-09-18", "Last week the regulator fined a bank.", {"date{2025-09-08..2025-09-14 week}"}},
    {"2025-09-18", "Crowds are expected this weekend.", {"date{2025-09-20..2025-09-21 range}"}},
    {"2025-09-18", "Deliveries in week 31 beat forecasts.", {"date{2025-07-28..2025-08-03 week}"}},
    {"2025-09-18", "Deliveries in week 31 of 2024 beat forecasts.", {"date{2024-07-29..2024-08-04 week}"}},
    {"2025-09-18", "Black Friday and Cyber Monday sales were flat.", {}},
    {"2025-09-18", "The port reopened on Tuesday, Sept. 16 after repairs.", {"date{2025-09-16}"}},
    {"2025-09-18", "营业时间：周一至周五。", {}},                   // every week, not one
    {"2025-09-18", "The office is open Monday to Friday.", {}},
    {"2025-09-18", "The vote took place this past Sunday.", {"date{2025-09-14}"}},
    {"2025-09-18", "The vote takes place this coming Sunday.", {"date{2025-09-21}"}},
    {"2025-09-18", "It closed a week ago.", {"date{2025-09-08..2025-09-14 week}"}},
};

const std::vector<date_case> day_word_cases{
    {"2025-09-18", "明日起，地铁延长运营时间。", {"date{2025-09-19}"}},
    {"2025-09-18", "后天，新的航线将正式开通。", {"date{2025-09-20}"}},
    {"2025-09-18", "今晚，演唱会将在体育场举行。", {"date{2025-09-18}"}},
    {"2025-09-18", "昨晚的大风刮倒了几棵树。", {"date{2025-09-17}"}},
    {"2025-09-18", "今早，市区出现大雾。", {"date{2025-09-18}"}},
    {"2025-09-18", "後天恢復部分班次。", {"date{2025-09-20}"}},
    {"2025-09-18", "先天与后天的因素都有影响。", {}},
    {"2025-09-18", "The museum will reopen the day after tomorrow.", {"date{2025-09-20}"}},
    {"2025-09-18", "Firefighters were called out last night and again tonight.", {"date{2025-09-17}", "date{2025-09-18}"}},
};

// Relative periods: a date when a marker says from when, a duration otherwise.
const std::vector<date_case> shift_cases{
    {"2025-09-18", "5年前，这里还是一片农田。", {"date{2020-01-01..2020-12-31 year}"}},
    {"2025-09-18", "3个月前，该公司更换了首席执行官。", {"date{2025-06-01..2025-06-30 month}"}},
    {"2025-09-18", "1周前，这条隧道刚刚贯通。", {"date{2025-09-08..2025-09-14 week}"}},
    {"2025-09-18", "前1周，双方还在谈判。", {"date{2025-09-08..2025-09-14 week}"}},
    {"2025-09-18", "十年前，这座桥还没有建成。", {"date{2015-01-01..2015-12-31 year}"}},
    {"2025-09-18", "评审结果将在三天后公布。", {"date{2025-09-21}"}},
    {"2025-09-18", "工程于9月1日开工，三天后完成了地基。", {"date{2025-09-01}", "date{2025-09-04}"}},
    {"2025-09-18", "这项改造持续5年。", {"duration{60 month}"}},
    {"2025-09-18", "审批耗时3个月。", {"duration{3 month}"}},
    {"2025-09-18", "The plant closed two months ago.", {"date{2025-07-01..2025-07-31 month}"}},
    {"2025-09-18", "The company was founded 5 years ago.", {"date{2020-01-01..2020-12-31 year}"}},
    {"2025-09-18", "The line will reopen in two weeks.", {"date{2025-09-29..2025-10-05 week}"}},
    {"2025-09-18", "The vote is set for two days after today.", {"date{2025-09-20}"}},
    {"2025-09-18", "The bank cut rates on Sept. 2, 2025, and three days later the bond market rallied.",
     {"date{2025-09-02}", "date{2025-09-05}"}},
    {"2025-09-18", "Sales doubled in two years.", {"duration{24 month}"}},
    {"2025-09-18", "大楼建于1986年，十年后进行了第一次翻修。", {"date{1986-01-01..1986-12-31 year}", "date{1996-01-01..1996-12-31 year}"}},
    {"2025-09-18", "该游戏在开卖三天后就登上了榜首。", {"duration{72 hour}"}},  // from an event: a duration
};

const std::vector<date_case> numeral_cases{
    {"2025-09-18", "本月十日，全市开展了消防演练。", {"date{2025-09-10}"}},
    {"2025-09-18", "二零零四年八月十五，大桥通车。", {"date{2004-08-15}"}},
    {"2025-09-18", "二〇二四年，全省夏粮再获丰收。", {"date{2024-01-01..2024-12-31 year}"}},
    {"2025-09-18", "十月一日起，新规正式施行。", {"date{2025-10-01}"}},
    {"2025-09-18", "展览于8月20日开幕，三十一日闭幕。", {"date{2025-08-20}", "date{2025-08-31}"}},
    {"2025-09-18", "十日内完成整改。", {"duration{240 hour}"}},  // a duration, not the tenth
};

const std::vector<date_case> numeric_cases{
    {"2025-09-18", "The law came into force on 1/1/2016.", {"date{2016-01-01}"}},
    {"2025-09-18", "The deal was approved on 20/11/2016.", {"date{2016-11-20}"}},
    {"2025-09-18", "Registration closes on 10/10.", {"date{2025-10-10}"}},
    {"2025-09-18", "The treaty was signed on Dec. 31 , 1994, in Paris.", {"date{1994-12-31}"}},
    {"2025-09-18", "It was signed on 04th Jan 2019 in Geneva.", {"date{2019-01-04}"}},
    {"2025-09-18", "Workers rallied on the 1st of May.", {"date{2025-05-01}"}},
    {"2025-09-18", "新品于5.12正式开售。", {"date{2025-05-12}"}},
    {"2025-09-18", "5.12地震已经过去多年。", {"date{unresolved}"}},
    {"2025-09-18", "该项目于20161016完成验收。", {"date{2016-10-16}"}},
    {"2025-09-18", "芮氏规模7.2地震造成多处停电。", {"number{7.2 magnitude}"}},
};

const std::vector<date_case> range_cases{
    {"2025-09-18", "1995-1997年，他在这所中学任教。", {"date{1995-01-01..1997-12-31 range}"}},
    {"2025-09-18", "Output grew steadily over 2014-2018.", {"date{2014-01-01..2018-12-31 range}"}},
    {"2025-09-18", "Exports rose in Jan-Feb 2017.", {"date{2017-01-01..2017-02-28 range}"}},
    {"2025-09-18", "2019年6月1日-6月30日，热线受理投诉上千件。", {"date{2019-06-01..2019-06-30 range}"}},
    {"2025-09-18", "活动时间为9月1日至30日。", {"date{2025-09-01..2025-09-30 range}"}},
    {"2025-09-18", "The trial ran from May 3 to May 9, 2024.", {"date{2024-05-03..2024-05-09 range}"}},
    {"2025-09-18", "May 3-9, 2024 was the busiest week.", {"date{2024-05-03..2024-05-09 range}"}},
    {"2025-01-10", "12月30日至1月2日，景区免费开放。", {"date{2024-12-30..2025-01-02 range}"}},
    {"2025-09-18", "2022-2023年艺术类统考", {"date{2022-01-01..2023-12-31 range}"}},
};

// Month and day without a year, across year ends: the year nearest publication in which the
// date exists, looking at most 31 days ahead.
const std::vector<date_case> year_end_cases{
    {"2024-01-15", "2月29日，邮局推出闰日纪念邮戳。", {"date{2024-02-29}"}},
    {"2025-01-15", "2月29日是闰日。", {"date{2024-02-29}"}},
    {"2024-12-28", "新线路计划于1月3日开通。", {"date{2025-01-03}"}},
    {"2025-01-05", "12月30日，新线路开通。", {"date{2024-12-30}"}},
    {"2024-12-28", "The line opens on Jan. 3.", {"date{2025-01-03}"}},
};

void check(const date_case& c) {
  const run_result run = testing::analyse_text(c.text, c.published);
  const std::vector<std::string> got = testing::dump_all(run);
  BOOST_TEST(got == c.expected, boost::test_tools::per_element());
}

claim only_claim(const run_result& run) {
  BOOST_REQUIRE(run.claims.size() == 1u);
  return run.claims.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dates)

BOOST_DATA_TEST_CASE(issue_12_weekdays_and_weeks, bdata::make(weekday_cases), c) { check(c); }
BOOST_DATA_TEST_CASE(issue_12_day_words, bdata::make(day_word_cases), c) { check(c); }
BOOST_DATA_TEST_CASE(issue_12_relative_periods_are_dates_durations_stay, bdata::make(shift_cases), c) { check(c); }
BOOST_DATA_TEST_CASE(issue_12_chinese_numeral_dates, bdata::make(numeral_cases), c) { check(c); }
BOOST_DATA_TEST_CASE(issue_12_numeric_dates, bdata::make(numeric_cases), c) { check(c); }
BOOST_DATA_TEST_CASE(issue_12_ranges_are_one_interval, bdata::make(range_cases), c) { check(c); }
BOOST_DATA_TEST_CASE(issue_12_month_day_across_year_ends, bdata::make(year_end_cases), c) { check(c); }

BOOST_AUTO_TEST_CASE(issue_12_anchor_is_recorded) {
  BOOST_TEST(only_claim(testing::analyse_text("上周三，大桥合龙。")).date->anchor == "publication date 2025-09-18");
  BOOST_TEST(only_claim(testing::analyse_text("It opened two weeks ago.")).date->anchor == "publication date 2025-09-18");
  const run_result chained = testing::analyse_text("9月1日开工，两天后停工。");
  BOOST_REQUIRE(chained.claims.size() == 2u);
  BOOST_TEST(chained.claims[1].date->anchor == "preceding date 2025-09-01");
}

BOOST_AUTO_TEST_CASE(issue_12_ambiguous_day_month_order_is_said) {
  const run_result run = testing::analyse_text("The contract was signed on 3/4/2016.");
  const claim c = only_claim(run);
  BOOST_TEST(c.date->first.iso() == "2016-03-04");
  BOOST_TEST(c.date->anchor.find("ambiguous") != std::string::npos);
  bool noted = false;
  for (const auto& d : run.diags) noted = noted || d.id == "normalize.ambiguous-date";
  BOOST_TEST(noted);
  // Only the day-first reading is near publication: a dateline.
  const claim dateline = only_claim(testing::analyse_text("Updated 03/04/2024", "2024-04-03"));
  BOOST_TEST(dateline.date->first.iso() == "2024-04-03");
  BOOST_TEST(dateline.date->anchor.find("day/month") != std::string::npos);
  // A part over 12 settles the order: no note.
  const run_result settled = testing::analyse_text("The contract was signed on 20/4/2016.");
  BOOST_TEST(only_claim(settled).date->anchor == "explicit");
}

BOOST_AUTO_TEST_CASE(issue_12_numbers_that_look_like_dates_stay_numbers) {
  // A price, a score, a fraction and an identifier: no date among them.
  for (const char* text : {"这款饮料售价5.12元。", "The home side won 3/4 of its matches.", "比分定格在3/4。",
                           "订单号20161016已发货。", "增长了5.12%。"}) {
    BOOST_TEST_CONTEXT(text) {
      for (const claim& c : testing::analyse_text(text).claims) BOOST_TEST(to_string(c.found.kind) != "date");
    }
  }
}

BOOST_AUTO_TEST_CASE(issue_12_without_publication_date_relative_forms_stay_unresolved) {
  for (const char* text : {"上周三，大桥合龙。", "5年前，这里还是农田。", "The plant closed last Friday."}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(to_string(only_claim(testing::analyse_text(text, "")).status) == "unresolved"); }
  }
}

BOOST_AUTO_TEST_CASE(issue_16_a_numeric_date_with_a_part_too_long_for_any_date_is_refused_without_overflow) {
  // Found by a one-hour recognize_fuzz run: the third part of 1/1/... was read into an int,
  // digit by digit, past its range (UBSan). Such a part is no day, month or year.
  for (const char* text : {"记者于1/2/123456789012345发来报道。", "The file was dated 12/31/99999999999 by mistake.",
                           "5.1234567890123地震后重建。"}) {
    const run_result run = testing::analyse_text(text);
    for (const claim& c : run.claims) {
      if (c.date) BOOST_TEST(c.date->first.year < 10000);
    }
  }
}

BOOST_AUTO_TEST_CASE(issue_13_a_month_and_day_after_a_future_cue_lie_ahead_of_publication) {
  // In an April article, a June date after `will` or 将于 is this June, not last June; without
  // a future cue a date two months ahead is still read as last year's (a look back).
  for (const char* text : {"The studio will release the sequel on June 5.", "该片将于6月5日在全国上映。"}) {
    BOOST_TEST_CONTEXT(text) {
      const claim c = only_claim(testing::analyse_text(text, "2025-04-02"));
      BOOST_TEST_REQUIRE(c.date.has_value());
      BOOST_TEST(c.date->first.iso() == "2025-06-05");
    }
  }
  const claim past = only_claim(testing::analyse_text("该片于6月5日在全国上映。", "2025-04-02"));
  BOOST_TEST_REQUIRE(past.date.has_value());
  BOOST_TEST(past.date->first.iso() == "2024-06-05");
}

BOOST_AUTO_TEST_SUITE_END()
