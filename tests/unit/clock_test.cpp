// Issue 13: times of day written with dates (8月20日上午10时, June 1 at 22:23 UTC, 7:58am on
// Wednesday) and alone (14时7分, at 14:06 Beijing time), read, dated and compared as moments in
// UTC. Sentences written for this project.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "support/support.h"

using namespace checker;

namespace {

using testing::corpus;
using testing::claim_with_text;
using testing::contradictions;

std::string moment(const claim& c) {
  BOOST_REQUIRE(c.date.has_value());
  BOOST_REQUIRE(c.date->clock.has_value());
  return c.date->first.iso() + c.date->clock->text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(times_of_day)

BOOST_AUTO_TEST_CASE(issue_13_a_date_takes_the_time_of_day_written_after_it) {
  const run_result zh = testing::analyse_text(
      "强震于4月3日上午7时58分发生。新作定于8月20日10時上线。统计截至8月23日晚上9點整。前天（3日）早上7時58分许再次摇晃。", "2024-08-25");
  BOOST_TEST(moment(claim_with_text(zh, "4月3日上午7时58分")) == "2024-04-03T07:58");
  BOOST_TEST(moment(claim_with_text(zh, "8月20日10時")) == "2024-08-20T10:00");
  BOOST_TEST(moment(claim_with_text(zh, "8月23日晚上9點整")) == "2024-08-23T21:00");
  const claim& approximate = claim_with_text(zh, "前天（3日）早上7時58分许");
  BOOST_TEST(moment(approximate) == "2024-08-23T07:58");
  BOOST_TEST(approximate.date->clock->approximate);
  // No stray figure is left behind: the 10 of 10時 is part of the date.
  BOOST_TEST(std::none_of(zh.claims.begin(), zh.claims.end(), [](const claim& c) { return c.found.text == "10"; }));

  const run_result en = testing::analyse_text(
      "The probe touched down on June 1 at 22:23 UTC. Landing date: 25 June 2024, 06:07. The quake hit at 7:58am on Wednesday.",
      "2024-06-27");
  BOOST_TEST(moment(claim_with_text(en, "June 1 at 22:23")) == "2024-06-01T22:23");
  BOOST_TEST(moment(claim_with_text(en, "25 June 2024, 06:07")) == "2024-06-25T06:07");
  BOOST_TEST(moment(claim_with_text(en, "7:58am on Wednesday")) == "2024-06-26T07:58");
}

BOOST_AUTO_TEST_CASE(issue_13_the_half_day_word_sets_the_hour) {
  const run_result zh = testing::analyse_text("发布会于5月6日下午3时举行，彩排在5月6日凌晨2点半结束，晚会于5月6日晚间十点开始。", "2024-05-07");
  BOOST_TEST(moment(claim_with_text(zh, "5月6日下午3时")) == "2024-05-06T15:00");
  BOOST_TEST(moment(claim_with_text(zh, "5月6日凌晨2点半")) == "2024-05-06T02:30");
  BOOST_TEST(moment(claim_with_text(zh, "5月6日晚间十点")) == "2024-05-06T22:00");
  // 今晚8时: the day word named the evening already.
  const run_result tonight = testing::analyse_text("烟花表演今晚8时开始。", "2024-05-07");
  BOOST_TEST(moment(claim_with_text(tonight, "今晚8时")) == "2024-05-07T20:00");
  // 上午15时 cannot be: the date is kept, the impossible time is not read.
  const run_result odd = testing::analyse_text("会议于5月6日上午15时召开。", "2024-05-07");
  BOOST_TEST(!claim_with_text(odd, "5月6日").date->clock.has_value());
}

BOOST_AUTO_TEST_CASE(issue_13_a_time_alone_takes_the_day_named_just_before_it) {
  const run_result en = testing::analyse_text(
      "On Tuesday, the capsule came home to Inner Mongolia. It touched down at 14:06 Beijing time. The score stood at 3:30 late on.",
      "2024-06-25");
  BOOST_TEST(moment(claim_with_text(en, "14:06")) == "2024-06-25T14:06");
  // The same moment in another zone, in brackets, is not a second time.
  const run_result bracket = testing::analyse_text("On Wednesday the quake hit at 7:58am (23:58 GMT) near Hualien.", "2024-04-03");
  BOOST_TEST(std::none_of(bracket.claims.begin(), bracket.claims.end(), [](const claim& c) { return c.found.text == "23:58"; }));
  // A ratio or a score is no time of day.
  BOOST_TEST(std::none_of(en.claims.begin(), en.claims.end(), [](const claim& c) { return c.found.text == "3:30"; }));
  // Two sentences on, the day may be another event's: the time is listed, not dated.
  const run_result far = testing::analyse_text("6月4日，上升器起飞。此后一切顺利。各方反应热烈。天舟九号于14时7分着陆。", "2024-06-25");
  BOOST_TEST(!claim_with_text(far, "14时7分").date.has_value());
  // After an as-of word a time alone stamps the publication day, as before.
  const run_result stamped = testing::analyse_text("6月4日起飞。截至下午3时，共有120人报名。", "2024-06-25");
  BOOST_TEST(claim_with_text(stamped, "120人").as_of == "2024-06-25T15:00");
}

BOOST_AUTO_TEST_CASE(issue_13_moments_are_compared_in_utc) {
  // 10:00 and midnight on one day are two different launch times.
  const run_result launch = corpus({{"2024-08-21", "北京时间8月20日10时，《远山》正式上线。"},
                                    {"2024-08-21", "北京时间8月20日0点，《远山》正式上线。"}});
  BOOST_TEST(contradictions(launch) == 1u);
  // 06:07 UTC and 14:07 in Beijing are one moment; 14:06 is another.
  const run_result same = corpus({{"2024-06-26", "Tianzhou-9 landed on June 25 at 06:07 UTC in Inner Mongolia."},
                                  {"2024-06-26", "天舟九号于6月25日14时7分在内蒙古着陆。"}});
  BOOST_TEST(contradictions(same) == 0u);
  const run_result minute_off = corpus({{"2024-06-26", "天舟九号于6月25日14时7分在内蒙古着陆。"},
                                        {"2024-06-26", "天舟九号于6月25日14时6分在内蒙古着陆。"}});
  BOOST_TEST(contradictions(minute_off) == 1u);
  // A time to the hour covers its hour; `about` covers the half hour either side.
  const run_result hour = corpus({{"2024-06-26", "天舟九号于6月25日14时在内蒙古着陆。"}, {"2024-06-26", "天舟九号于6月25日14时7分在内蒙古着陆。"}});
  BOOST_TEST(contradictions(hour) == 0u);
  const run_result about = corpus({{"2024-04-04", "The quake struck Hualien on April 3 at about 8 a.m. (Taipei time)."},
                                   {"2024-04-04", "The quake struck Hualien on April 3 at 7:58 a.m. Taipei time."}});
  BOOST_TEST(contradictions(about) == 0u);
  const run_result later = corpus({{"2024-04-04", "The quake struck Hualien on April 3 at about 8 a.m. (Taipei time)."},
                                   {"2024-04-04", "The quake struck Hualien on April 3 at 9:40 a.m. Taipei time."}});
  BOOST_TEST(contradictions(later) == 1u);
  // A day alone holds any time of that day.
  const run_result day = corpus({{"2024-06-26", "天舟九号于6月25日在内蒙古着陆。"}, {"2024-06-26", "天舟九号于6月25日14时7分在内蒙古着陆。"}});
  BOOST_TEST(contradictions(day) == 0u);
}

BOOST_AUTO_TEST_CASE(issue_13_an_undated_page_naming_one_year_dates_its_months_and_days) {
  // No publication date: 4月5日 takes the one year the page names.
  const run_result one = testing::analyse_text("2024年4月3日，花莲外海发生强震。4月5日，搜救仍在进行。", "");
  BOOST_TEST(claim_with_text(one, "4月5日").date->first.iso() == "2024-04-05");
  const run_result en = testing::analyse_text("The quake struck on April 3, 2024. Rescuers were still searching on April 5.", "");
  BOOST_TEST(claim_with_text(en, "April 5").date->first.iso() == "2024-04-05");
  // Two years named: which one 8月20日 belongs to is a guess, so it is left unresolved.
  const run_result two = testing::analyse_text("该项目2018年2月立项，2024年初完成测试。8月20日正式上线。", "");
  BOOST_TEST(!claim_with_text(two, "8月20日").date.has_value());
  // One year named only as a month (a rival's launch), no full date: still a guess.
  const run_result rival = testing::analyse_text("对手去年在2023年5月推出新作。本作8月20日正式上线。", "");
  BOOST_TEST(!claim_with_text(rival, "8月20日").date.has_value());
}

BOOST_AUTO_TEST_CASE(issue_13_a_day_in_brackets_inside_today_is_a_date) {
  // Taiwan papers write 今(25)日 and 昨（24）日; with a month, 今(6/25)日 is a written date.
  const run_result tw = testing::analyse_text("探測器於今(6/25)日14時7分返回地面。昨（24）日進行了最後一次調整。", "2024-06-25");
  BOOST_TEST(moment(claim_with_text(tw, "今(6/25)日14時7分")) == "2024-06-25T14:07");
  BOOST_TEST(claim_with_text(tw, "昨（24）日").date->first.iso() == "2024-06-24");
  // The figure inside the brackets is no number of its own.
  BOOST_TEST(std::none_of(tw.claims.begin(), tw.claims.end(), [](const claim& c) { return c.found.text == "25" || c.found.text == "24"; }));
}

BOOST_AUTO_TEST_CASE(issue_13_a_time_zone_after_a_time_is_no_subject) {
  const run_result en = testing::analyse_text("The lander touched down on June 1 at 22:23 UTC.", "2024-06-03");
  const claim& landing = claim_with_text(en, "June 1 at 22:23");
  BOOST_TEST(landing.subject != "UTC");
  BOOST_TEST(landing.utc_offset_minutes.value_or(-1) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
