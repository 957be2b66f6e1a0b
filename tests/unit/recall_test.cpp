// Issue 13, sixth session: recall on real coverage without a false alarm. Dates written without
// a year on undated pages, a day beside its own time of day, figures agreeing with both sides of
// a finding, and lists of figures under a heading that names the measure. Sentences written for
// this project in the style of game, film and space coverage.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "support/support.h"

using namespace checker;

namespace {

using testing::corpus;

const claim& claim_with_text(const run_result& run, const std::string& text, std::size_t document = 0) {
  const auto it = std::find_if(run.claims.begin(), run.claims.end(),
                               [&](const claim& c) { return c.found.text == text && c.document == document; });
  BOOST_REQUIRE_MESSAGE(it != run.claims.end(), "no claim '" << text << "' in document " << document);
  return *it;
}

std::vector<const finding*> contradictions(const run_result& run) {
  std::vector<const finding*> out;
  for (const finding& f : run.findings) {
    if (f.rule == "contradiction" || f.rule == "superseded") out.push_back(&f);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(recall)

BOOST_AUTO_TEST_CASE(issue_13_a_year_less_date_of_a_one_value_fact_takes_the_fact_s_year) {
  // An undated page names the day only; a dated page names the year. A release happens once, so
  // the undated page's 9月12日 is that release's, in that year: 9月12日 vs 9月15日 disagree.
  const run_result run = corpus({{"", "《星海纪元》已于9月12日上午10点在全平台发售。"},
                                 {"2025-09-20", "《星海纪元》于2025年9月15日发售。"}});
  const claim& undated = claim_with_text(run, "9月12日上午10点", 0);
  BOOST_TEST((undated.status == resolution::resolved));
  BOOST_TEST(testing::value_text(undated).rfind("2025-09-12", 0) == 0u);
  BOOST_TEST(contradictions(run).size() == 1u);
  // The same in English: an undated wire copy's `June 25` against a dated page's landing.
  const run_result en = corpus({{"", "The Lunar-9 capsule landed on June 25, the agency said."},
                                {"2026-07-02", "The Lunar-9 capsule landed on 2026年7月1日."}});
  BOOST_TEST(testing::value_text(claim_with_text(en, "June 25", 0)).rfind("2026-06-25", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(issue_13_a_year_less_date_stays_unresolved_without_a_one_value_fact) {
  // Sales counted on a day can be counted on any day: no year is taken from another page.
  const run_result run = corpus({{"", "《星海纪元》9月12日的销量达到50万份。"},
                                 {"2025-09-20", "《星海纪元》2025年9月15日的销量达到80万份。"}});
  BOOST_TEST((claim_with_text(run, "9月12日", 0).status == resolution::unresolved));
  // Other pages naming two different years for the release give no year to take.
  const run_result split = corpus({{"", "《星海纪元》于9月12日发售。"},
                                   {"2025-09-20", "《星海纪元》于2025年9月15日发售。"},
                                   {"2024-09-20", "《星海纪元》于2024年9月12日发售。"}});
  BOOST_TEST((claim_with_text(split, "9月12日", 0).status == resolution::unresolved));
  // A date near the new year takes the year that brings it nearest the others' (30 Dec of the
  // year before, not of the same year): no contradiction is made by the choice of year.
  const run_result turn = corpus({{"", "《星海纪元》于12月30日发售。"},
                                  {"2026-01-20", "《星海纪元》于2026年1月2日发售。"}});
  BOOST_TEST(testing::value_text(claim_with_text(turn, "12月30日", 0)) == "2025-12-30");
}

BOOST_AUTO_TEST_CASE(issue_13_a_date_s_verb_may_follow_a_list_of_venues) {
  // 于PC、PS5及Xbox平台同步解锁: the list after the date names platforms, not figures.
  const run_result run = testing::analyse_text("《星海纪元》将在2025年9月12日0点于PC、PS5及Xbox平台同步解锁。", "2025-09-01");
  BOOST_TEST(claim_with_text(run, "2025年9月12日0点").attribute == "release_date");
  const run_result en = testing::analyse_text("Starfall Era went on sale on 12 September 2025 on PC, PS5 and Xbox.", "2025-09-01");
  BOOST_TEST(claim_with_text(en, "12 September 2025").attribute == "release_date");
}

BOOST_AUTO_TEST_CASE(issue_13_a_day_beside_its_time_and_a_figure_agreeing_with_both_sides_bridge_nothing) {
  // One page gives the day and then midnight; another 10:00; a third the day alone. The day
  // agrees with both times, so it must neither hide the disagreement nor be listed on a side.
  const run_result run = corpus({{"2025-09-01", "《星海纪元》将于2025年9月12日发售。《星海纪元》将在北京时间9月12日0点同步解锁。"},
                                 {"2025-09-01", "《星海纪元》于2025年9月12日10时上线。"},
                                 {"2025-09-13", "《星海纪元》昨日9月12日上线。"}});
  const auto found = contradictions(run);
  BOOST_REQUIRE(found.size() == 1u);
  for (std::size_t i : found.front()->claims) {
    BOOST_TEST(run.claims[i].date.has_value());
    BOOST_TEST(run.claims[i].date->clock.has_value());  // only the two times are on its sides
  }
  // English: 1,500 to 2,500 agrees with 1,800 and 2,300 and is listed on neither side.
  const run_result en = corpus({{"2025-09-01", "Starfall Studio had 1,800 employees at the end of June."},
                                {"2025-09-01", "Starfall Studio had 2,300 employees at the end of June."},
                                {"2025-09-01", "Starfall Studio had 1,500 to 2,500 employees at the end of June."}});
  const auto found_en = contradictions(en);
  BOOST_REQUIRE(found_en.size() == 1u);
  for (std::size_t i : found_en.front()->claims) BOOST_TEST(en.claims[i].found.text != "1,500 to 2,500 employees");
}

BOOST_AUTO_TEST_CASE(issue_13_items_under_a_heading_take_its_measure) {
  // A ranked list: the heading names the measure, each line a title and its figure.
  const run_result run = corpus({{"2025-03-01", "影史全球票房最高的电影依次为:\n\n1.「Sky Harbor」/29.23亿美元\n\n2.「Iron Tide」/27.9亿美元\n"},
                                 {"2025-03-02", "Iron Tide has a box office of $2.1 billion worldwide, the studio said."}});
  BOOST_TEST(claim_with_text(run, "29.23亿美元").attribute == "box_office");
  BOOST_TEST(claim_with_text(run, "27.9亿美元").attribute == "box_office");
  // English, bulleted.
  const run_result en = testing::analyse_text("The highest-grossing films of the year so far:\n\n- Sky Harbor: $1.2 billion\n\n- Iron Tide: $950 million\n", "2025-03-01");
  BOOST_TEST(claim_with_text(en, "$950 million").attribute == "box_office");
  // No colon, no heading: a line before a list that does not introduce it lends nothing.
  const run_result plain = testing::analyse_text("影史全球票房最高的电影很多。\n\n1.「Sky Harbor」/29.23亿美元\n", "2025-03-01");
  BOOST_TEST(claim_with_text(plain, "29.23亿美元").attribute.empty());
  // An item with two figures the measure fits says which is which no more than the heading does.
  const run_result two = testing::analyse_text("全球票房最高的电影:\n\n1.「Sky Harbor」/29.23亿美元/3.1亿美元\n", "2025-03-01");
  BOOST_TEST(claim_with_text(two, "29.23亿美元").attribute.empty());
}

BOOST_AUTO_TEST_CASE(issue_13_a_time_alone_in_a_stated_zone_takes_the_nearest_day_of_the_fact) {
  // 07:40 in Beijing is 23:40 GMT the day before. A page saying the quake struck at 9 a.m. GMT is
  // eight hours off whatever day it meant; one saying 11:40 p.m. GMT agrees.
  const run_result off = corpus({{"2025-05-06", "海域5月6日上午7时40分发生强烈地震。"},
                                 {"2025-05-06", "The earthquake occurred at 9 a.m. (GMT) as people were heading to work."}});
  BOOST_TEST(testing::value_text(claim_with_text(off, "9 a.m.", 1)).rfind("2025-05-06", 0) == 0u);
  BOOST_TEST(contradictions(off).size() == 1u);
  const run_result agrees = corpus({{"2025-05-06", "海域5月6日上午7时40分发生强烈地震。"},
                                    {"2025-05-06", "The earthquake occurred at 11:40 p.m. (GMT) while most people slept."}});
  BOOST_TEST(testing::value_text(claim_with_text(agrees, "11:40 p.m.", 1)).rfind("2025-05-05", 0) == 0u);
  BOOST_TEST(contradictions(agrees).empty());
  // A time whose zone the text does not state could be any day's: left unresolved.
  const run_result unzoned = corpus({{"2025-05-06", "海域5月6日上午7时40分发生强烈地震。"},
                                     {"2025-05-06", "The earthquake occurred at 9 a.m. as people were heading to work."}});
  BOOST_TEST((claim_with_text(unzoned, "9 a.m.", 1).status == resolution::unresolved));
}

BOOST_AUTO_TEST_CASE(issue_13_a_zone_in_brackets_after_a_time_is_the_brackets_figure_s) {
  // `7:40am (23:40 GMT)`: GMT is the bracketed time's zone, not 7:40's.
  const run_result run = testing::analyse_text("A strong earthquake hit the coast on 6 May 2025 at 7:40am (23:40 GMT).", "2025-05-06");
  BOOST_TEST(!claim_with_text(run, "6 May 2025 at 7:40am").utc_offset_minutes.has_value());
  const run_result zh = testing::analyse_text("地震发生于2025年5月6日7时40分（北京时间）。", "2025-05-06");
  BOOST_TEST(claim_with_text(zh, "2025年5月6日7时40分").utc_offset_minutes.value_or(0) == 480);
}

BOOST_AUTO_TEST_CASE(issue_13_a_place_before_an_event_noun_names_the_event) {
  // The Hualien-style `the Yilan earthquake` is the coverage's earthquake, as 宜兰地震 is.
  const run_result run = testing::analyse_text("The Yilan earthquake struck at a depth of 12 kilometers.", "2025-05-06");
  BOOST_TEST(claim_with_text(run, "12 kilometers").subject == "earthquake");
  const run_result zh = testing::analyse_text("宜兰地震的震源深度为12公里。", "2025-05-06");
  BOOST_TEST(claim_with_text(zh, "12公里").subject == "earthquake");
}

BOOST_AUTO_TEST_CASE(issue_13_setting_off_for_home_is_not_coming_home) {
  // 启程返回地球 is the day a probe leaves; the return is the day it lands.
  const run_result run = testing::analyse_text("探测器于2025年6月29日从月球启程返回地球，返回器于2025年7月3日返回地球。", "2025-07-04");
  BOOST_TEST(claim_with_text(run, "2025年6月29日").attribute == "departure_date");
  BOOST_TEST(claim_with_text(run, "2025年7月3日").attribute == "return_date");
  const run_result en = testing::analyse_text("The orbiter departed lunar orbit on June 29, 2025.", "2025-07-04");
  BOOST_TEST(claim_with_text(en, "June 29, 2025").attribute == "departure_date");
}

BOOST_AUTO_TEST_CASE(issue_13_amounts_and_terms_are_no_names) {
  // CNY191.8 is an amount with its currency glued on; ASP and YoY are terms, not companies.
  const run_result run = testing::analyse_text("Zenith posted CNY191.8 billion in revenue, and its ASP rose 9 percent YoY.", "2025-03-20");
  for (const claim& c : run.claims) {
    BOOST_TEST(c.subject.find("CNY") == std::string::npos);
    BOOST_TEST(c.subject != "ASP");
    BOOST_TEST(c.subject != "YoY");
  }
  // Any currency code of the lexicon, and a place turned into a describing word.
  const run_result hk = testing::analyse_text("Shares closed at HKD59.15, the Beijing-based maker said, after it shipped 40 million units.", "2025-03-20");
  for (const claim& c : hk.claims) {
    BOOST_TEST(c.subject.find("HKD") == std::string::npos);
    BOOST_TEST(c.subject != "Beijing-based");
  }
  const run_result zh = testing::analyse_text("Zenith去年收入达RMB500亿元，ASP同比上升9%。", "2025-03-20");
  for (const claim& c : zh.claims) {
    BOOST_TEST(c.subject.find("RMB") == std::string::npos);
    BOOST_TEST(c.subject != "ASP");
  }
}

BOOST_AUTO_TEST_CASE(issue_13_a_field_label_before_a_colon_is_no_name) {
  // An infobox line: `Landing Date` labels the value, it is not what landed.
  const run_result run = testing::analyse_text("Lunar-9 mission facts.\n\n- Landing Date: 25 June 2026, 06:07 UTC\n", "2026-07-01");
  BOOST_TEST(claim_with_text(run, "25 June 2026, 06:07").subject != "Landing Date");
  const run_result shipments = testing::analyse_text("Zenith results.\n\nGlobal Smartphone Shipments: 168.6 million units\n", "2026-03-20");
  BOOST_TEST(claim_with_text(shipments, "168.6 million units").subject != "Global Smartphone Shipments");
  // A name before a colon that names no measure is still a name.
  const run_result named = testing::analyse_text("Zenith Motors: deliveries reached 120,000 vehicles in 2025.", "2026-03-20");
  BOOST_TEST(claim_with_text(named, "120,000 vehicles").subject == "Zenith Motors");
}

BOOST_AUTO_TEST_CASE(issue_13_money_taken_home_is_takings) {
  const run_result run = testing::analyse_text("Sky Harbor has so far managed to take home $1.2 billion in its home market alone.", "2025-03-01");
  BOOST_TEST(claim_with_text(run, "$1.2 billion").attribute == "revenue");
  const run_result zh = testing::analyse_text("《天港》在本土市场已进账12亿元。", "2025-03-01");
  BOOST_TEST(claim_with_text(zh, "12亿元").attribute == "revenue");
}

BOOST_AUTO_TEST_CASE(issue_13_this_work_points_back_to_the_work_not_its_maker) {
  // 本作 / the game: the figure is the game's, though its studio is named closer to it.
  const run_result run = corpus({{"2025-03-01", "《天港》是一款动作游戏。星河工作室创办人曾透露本作的开发成本约为3亿元。"}});
  BOOST_TEST(claim_with_text(run, "约为3亿元").subject == "天港");
  const run_result en = corpus({{"2025-03-01", "Sky Harbor is an action game. Nova Studio founder Li Wei said the game cost $40 million to develop."}});
  BOOST_TEST(claim_with_text(en, "$40 million").subject == "Sky Harbor");
}

BOOST_AUTO_TEST_SUITE_END()
