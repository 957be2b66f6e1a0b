// Issue 13: the mechanisms that make the checker right on real coverage, each on sentences
// written for this project in the style of wire copy and Hong Kong, Taiwan and mainland papers.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

#include "support/support.h"

using namespace checker;

namespace {

using testing::corpus;
using testing::claim_with_text;
using testing::has_qualifier;
using testing::contradictions;

}  // namespace

BOOST_AUTO_TEST_SUITE(real_coverage)

BOOST_AUTO_TEST_CASE(issue_13_each_figure_of_a_casualty_list_takes_its_own_predicate) {
  const run_result zh = testing::analyse_text("强震已造成全县7人死亡、215人受伤，另有58人受困、3人失联。", "2025-03-02");
  BOOST_TEST(claim_with_text(zh, "7人").attribute == "death_toll");
  BOOST_TEST(claim_with_text(zh, "215人").attribute == "injured");
  BOOST_TEST(claim_with_text(zh, "58人").attribute == "trapped_persons");
  BOOST_TEST(claim_with_text(zh, "3人").attribute == "missing_persons");
  // 12死340伤: a cue right after a figure is that figure's, not the next one's.
  const run_result terse = testing::analyse_text("山区强震最新统计12死340伤56人受困。", "2025-03-02");
  BOOST_TEST(claim_with_text(terse, "56人").attribute == "trapped_persons");
}

BOOST_AUTO_TEST_CASE(issue_13_a_figure_with_an_unknown_predicate_takes_no_borrowed_cue) {
  // 受雇 is no cue: the 40 are not dead, whatever else the sentence says.
  const run_result run = testing::analyse_text("矿难造成5人遇难，矿上另有40人轮班。", "2025-03-02");
  BOOST_TEST(claim_with_text(run, "5人").attribute == "death_toll");
  BOOST_TEST(claim_with_text(run, "40人").attribute.empty());
  // People counted with no word about them say nothing: several attributes count people.
  const run_result bare = testing::analyse_text("该镇人口约有5200人。", "2025-03-02");
  BOOST_TEST(claim_with_text(bare, "5200人").attribute != "death_toll");
}

BOOST_AUTO_TEST_CASE(issue_13_one_document_giving_two_values_is_not_contradicting_itself) {
  // Two editions priced in one sentence: the key (game, price) is too coarse, not the writer wrong.
  const run_result run = corpus({{"2025-03-02", "《山海行》标准版售价198元，豪华版售价268元。"},
                                 {"2025-03-03", "《山海行》的售价为198元。"}});
  BOOST_TEST(contradictions(run) == 0u);
  BOOST_TEST(has_qualifier(claim_with_text(run, "268元"), "edition_deluxe"));
  // The same game's price given twice in one report with nothing to tell them apart: left out.
  const run_result same_doc = corpus({{"2025-03-02", "《山海行》售价198元。据悉，《山海行》售价为268元。"}});
  BOOST_TEST(contradictions(same_doc) == 0u);
}

BOOST_AUTO_TEST_CASE(issue_13_a_release_date_given_twice_in_one_document_is_a_slip) {
  // A date that happens once for good, named with its subject in each sentence: reported.
  const run_result run = corpus({{"2025-03-02", "2023年5月8日，ZetaPhone X2正式发布。本周的评测显示，ZetaPhone X2于2024年5月8日发布。"}});
  BOOST_TEST(contradictions(run) == 1u);
}

BOOST_AUTO_TEST_CASE(issue_13_magnitudes_are_compared_only_by_agency) {
  // Agencies legitimately differ: 7.3 from one and 7.5 from another are no contradiction, and a
  // magnitude with no agency anywhere in its report cannot be placed.
  const run_result run = corpus({{"2025-03-02", "据中国地震台网测定，海域发生7.3级地震。"},
                                 {"2025-03-02", "日本气象厅录得此次地震为7.5级。"},
                                 {"2025-03-02", "海域今晨发生7.1级地震。"}});
  BOOST_TEST(contradictions(run) == 0u);
  // Two reports crediting one agency with different figures disagree.
  const run_result same_agency = corpus({{"2025-03-02", "据中国地震台网测定，海域发生7.3级地震。"},
                                         {"2025-03-02", "中国地震台网测定，此次地震震级为6.9级。"}});
  BOOST_TEST(contradictions(same_agency) == 1u);
}

BOOST_AUTO_TEST_CASE(issue_13_a_forecast_governs_the_clauses_after_it) {
  const run_result run = testing::analyse_text("分析机构预计，乐观情况下该片票房可达80亿元。", "2025-03-02");
  BOOST_TEST(has_qualifier(claim_with_text(run, "80亿元"), "expected"));
  const run_result en = testing::analyse_text("Analysts had expected revenue of $4.2 billion, but the company reported $4.5 billion.", "2025-03-02");
  BOOST_TEST(has_qualifier(claim_with_text(en, "$4.2 billion"), "consensus"));
}

BOOST_AUTO_TEST_CASE(issue_13_a_possible_figure_is_not_a_reported_one) {
  const run_result run = corpus({{"2025-03-02", "按首周销量估算，《山海行》收入可能已超过20亿元。"}, {"2025-03-03", "《山海行》收入为12亿元。"}});
  BOOST_TEST(has_qualifier(claim_with_text(run, "超过20亿元"), "possible"));
  BOOST_TEST(contradictions(run) == 0u);
}

BOOST_AUTO_TEST_CASE(issue_13_places_in_a_figures_own_phrase_make_different_facts) {
  const run_result run = corpus({{"2025-03-02", "地震造成四川省32人死亡。"}, {"2025-03-02", "地震共造成47人死亡。"}});
  BOOST_TEST(has_qualifier(claim_with_text(run, "32人"), "place:CN-SC"));
  BOOST_TEST(contradictions(run) == 0u);
  // A place that names the event is not where the figure holds.
  const run_result event = testing::analyse_text("花莲地震已造成9人死亡。", "2024-04-04");
  BOOST_TEST(std::none_of(claim_with_text(event, "9人").qualifiers.begin(), claim_with_text(event, "9人").qualifiers.end(),
                          [](const std::string& q) { return q.rfind("place:", 0) == 0; }));
}

BOOST_AUTO_TEST_CASE(issue_13_figures_inside_names_and_datelines_are_not_facts) {
  const run_result run = testing::analyse_text("（本报记者北京2日电）探测器「天宫5号」今天成功着陆。", "2024-06-02");
  for (const claim& c : run.claims) {
    const bool ok = c.attribute.empty() || c.found.text == "今天";
    BOOST_TEST(ok, c.found.text);
  }
  const run_result en = testing::analyse_text("The probe was carried by a Long March-5 rocket launched on May 3.", "2024-05-04");
  BOOST_TEST(std::none_of(en.claims.begin(), en.claims.end(), [](const claim& c) { return c.found.text == "March" && !c.attribute.empty(); }));
}

BOOST_AUTO_TEST_CASE(issue_13_names_given_as_examples_and_titles_in_corner_brackets) {
  const run_result run = testing::analyse_text("以《山海行》为代表的「暑期档」创下60.5亿元票房。", "2025-09-01");
  BOOST_TEST(claim_with_text(run, "60.5亿元").subject == "暑期档");
  const run_result en = testing::analyse_text("The Chang'e-7 lander touched down on June 2.", "2026-06-03");
  BOOST_TEST(claim_with_text(en, "June 2").subject == "Chang'e-7");
}

BOOST_AUTO_TEST_CASE(issue_13_momentary_readings_need_their_moment) {
  // Concurrent players at two unstated moments of a launch day do not contradict.
  const run_result run = corpus({{"2025-03-02", "《山海行》在线玩家同时在线人数突破80万。"}, {"2025-03-03", "《山海行》同时在线人数达到120万。"}});
  BOOST_TEST(contradictions(run) == 0u);
}

BOOST_AUTO_TEST_CASE(issue_13_agreeing_values_tie_wordings_of_a_subject_across_scripts) {
  // 8.35亿元 in both tells the reader that Mountain Sea Trail and 《山海行》 are one game.
  const run_result run = corpus({{"2025-03-02", "《山海行》首月营收为8.35亿元，首日销量为120万份。"},
                                 {"2025-03-03", "Mountain Sea Trail made revenue of 835 million yuan in its first month; first-day sales were 150 million copies."}});
  const claim& en = claim_with_text(run, "835 million yuan");
  BOOST_TEST(en.subject == claim_with_text(run, "8.35亿元").subject);
  const bool tied = en.link_basis.find("tied") != std::string::npos || claim_with_text(run, "8.35亿元").link_basis.find("tied") != std::string::npos;
  BOOST_TEST(tied);
}

BOOST_AUTO_TEST_CASE(issue_13_a_value_many_subjects_share_ties_none_of_them) {
  // Five phones at one price are five phones, whatever script the sixth is named in.
  const run_result run = corpus({{"2025-03-02", "Nova X1 is priced at 2,999 yuan."},
                                 {"2025-03-02", "Nova X2 is priced at 2,999 yuan."},
                                 {"2025-03-02", "Nova X3 is priced at 2,999 yuan."},
                                 {"2025-03-02", "Nova X4 is priced at 2,999 yuan."},
                                 {"2025-03-02", "Nova X5 is priced at 2,999 yuan."},
                                 {"2025-03-02", "《星河一号》售价为2999元。"}});
  for (const claim& c : run.claims) BOOST_TEST(c.link_basis.find("tied") == std::string::npos, c.found.text << " " << c.link_basis);
}

BOOST_AUTO_TEST_CASE(issue_13_links_inherited_from_far_back_are_listed_not_compared) {
  // The second report never names the game near its figure and is mainly about a platform.
  const run_result run = corpus({{"2025-03-02", "《山海行》售价为198元。"},
                                 {"2025-03-03", "Steam平台今年推出多项活动。Steam用户增长迅速。据悉，售价为268元。"}});
  BOOST_TEST(contradictions(run) == 0u);
}

BOOST_AUTO_TEST_CASE(issue_13_english_clock_times_are_not_figures) {
  const run_result run = testing::analyse_text("The game had 1.2 million players online as of 3.30 p.m. and 900,000 by 11pm.", "2025-03-02");
  for (const claim& c : run.claims) {
    BOOST_TEST(c.found.text != "3.30");
    BOOST_TEST(c.found.text != "11");
  }
}

BOOST_AUTO_TEST_CASE(issue_13_a_venue_is_not_what_a_figure_is_about) {
  // The contest a model is scored in, the platforms a game launches on: where, not who.
  const run_result zh = testing::analyse_text("Kestrel-2在MATH-500上的准确率为91.2%。", "2025-03-02");
  BOOST_TEST(claim_with_text(zh, "91.2%").subject == "Kestrel-2");
  const run_result listed = testing::analyse_text("《山海行》登陆PS5、Steam、WeGame平台，售价198元。", "2025-03-02");
  BOOST_TEST(claim_with_text(listed, "198元").subject == "山海行");
  const run_result en = testing::analyse_text("Kestrel 2 reached an accuracy of 91.2% on MATH-500.", "2025-03-02");
  BOOST_TEST(claim_with_text(en, "91.2%").subject == "Kestrel 2");
  // A name before its figure with no venue word stays the subject.
  const run_result plain = testing::analyse_text("周末Steam的同时在线人数达到3700万。", "2025-03-02");
  BOOST_TEST(claim_with_text(plain, "3700万").subject == "Steam");
}

BOOST_AUTO_TEST_CASE(issue_13_a_credited_source_is_not_what_a_figure_is_about) {
  const run_result zh = testing::analyse_text("据GameTrack统计，《山海行》同时在线玩家数达到120万。", "2025-03-02");
  BOOST_TEST(claim_with_text(zh, "120万").subject == "山海行");
  const run_result shows = testing::analyse_text("《山海行》发售首日，GameTrack数据显示同时在线玩家数达到120万。", "2025-03-02");
  BOOST_TEST(claim_with_text(shows, "120万").subject == "山海行");
  const run_result en = testing::analyse_text("According to GameTrack, Mountain Sea had 1.2 million concurrent players.", "2025-03-02");
  BOOST_TEST(claim_with_text(en, "1.2 million").subject == "Mountain Sea");
}

BOOST_AUTO_TEST_CASE(issue_13_a_numbered_chinese_name_is_a_subject) {
  // 天舟九号, 神舟18号: two characters, a numeral and 号 name a craft; 本月6号 is a day.
  const run_result run = testing::analyse_text("天舟九号于2025年7月15日发射升空。", "2025-07-16");
  BOOST_TEST(claim_with_text(run, "2025年7月15日").subject == "天舟九号");
  const run_result day = testing::analyse_text("本月6号，该公司发布了新机型。", "2025-07-16");
  for (const claim& c : day.claims) BOOST_TEST(c.subject != "本月6号");
  // House numbers are no names: 中山路40号, 高山40号.
  const run_result address = testing::analyse_text("位于中山路8号的仓库和丰滨高山40号的民宅共有5人受困。", "2025-07-16");
  BOOST_TEST(claim_with_text(address, "5人").subject.empty());
}

BOOST_AUTO_TEST_CASE(issue_13_a_cue_word_inside_a_figure_qualifies_nothing) {
  // `May` the month is not `may` the modality.
  const run_result run = testing::analyse_text("Tianzhou-9 docked with the station on May 16.", "2025-07-16");
  BOOST_TEST(!has_qualifier(claim_with_text(run, "May 16"), "possible"));
}

BOOST_AUTO_TEST_CASE(issue_13_a_name_romanised_is_the_same_name) {
  // 天舟九号 and Tianzhou-9 spell one key once romanised: one craft, one docking date.
  const run_result run = corpus({{"2025-07-20", "天舟九号于2025年7月16日抵达空间站。"},
                                 {"2025-07-20", "Tianzhou-9 arrived at the space station on July 18, 2025."}});
  const claim& zh = claim_with_text(run, "2025年7月16日");
  const claim& en = claim_with_text(run, "July 18, 2025");
  BOOST_TEST(zh.subject == en.subject);
  BOOST_TEST(contradictions(run) == 1u);
  // Names that only look alike in one script are not tied: two different Latin names stay two.
  const run_result latin = corpus({{"2025-07-20", "Tianzhou-9 arrived on July 16, 2025."},
                                   {"2025-07-20", "Tian Zhou 9 arrived on July 18, 2025."}});
  BOOST_TEST(claim_with_text(latin, "July 16, 2025").subject != claim_with_text(latin, "July 18, 2025").subject);
}

BOOST_AUTO_TEST_CASE(issue_13_a_calendar_date_is_local_to_its_time_zone) {
  // 06:10 on 2 June in Beijing is 1 June in New York: both pages are right.
  const run_result across = corpus({{"2025-06-03", "北京时间2025年6月2日6时10分，天舟九号在月球背面着陆。"},
                                    {"2025-06-03", "Tianzhou-9 landed on the far side of the moon on June 1, 2025 (EDT)."}});
  BOOST_TEST(contradictions(across) == 0u);
  BOOST_TEST(claim_with_text(across, "June 1, 2025").utc_offset_minutes.value_or(0) == -240);
  BOOST_TEST(claim_with_text(across, "2025年6月2日6时10分").utc_offset_minutes.value_or(0) == 480);
  // A date in English with no zone named may be in any zone: a day either side is no slip...
  const run_result unknown = corpus({{"2025-06-03", "天舟九号于2025年6月2日在月球背面着陆。"},
                                     {"2025-06-03", "Tianzhou-9 landed on the far side of the moon on June 1, 2025."}});
  BOOST_TEST(contradictions(unknown) == 0u);
  BOOST_TEST(!claim_with_text(unknown, "June 1, 2025").utc_offset_minutes.has_value());
  // ...but dates further apart, or a day apart in one zone, cannot be one instant.
  const run_result far = corpus({{"2025-06-03", "天舟九号于2025年6月2日在月球背面着陆。"},
                                 {"2025-06-03", "Tianzhou-9 landed on the far side of the moon on May 30, 2025."}});
  BOOST_TEST(contradictions(far) == 1u);
  const run_result same_zone = corpus({{"2025-06-03", "天舟九号于2025年6月2日在月球背面着陆。"},
                                       {"2025-06-03", "天舟九号于2025年6月1日在月球背面着陆。"}});
  BOOST_TEST(contradictions(same_zone) == 1u);
}

BOOST_AUTO_TEST_CASE(issue_13_a_clock_time_alone_stamps_the_publication_day) {
  const run_result en = testing::analyse_text("Mountain Sea had 1.2 million concurrent players as of 3.30 p.m.", "2025-03-02");
  BOOST_TEST(claim_with_text(en, "1.2 million").as_of == "2025-03-02T15:30");
  const run_result zh = testing::analyse_text("截至下午3时，《山海行》同时在线玩家数达到120万。", "2025-03-02");
  BOOST_TEST(claim_with_text(zh, "120万").as_of == "2025-03-02T15:00");
  // No half-day word, no clock: `as of 3.30` could be anything.
  const run_result bare = testing::analyse_text("Mountain Sea had 1.2 million concurrent players as of 3.30 in the index.", "2025-03-02");
  BOOST_TEST(claim_with_text(bare, "1.2 million").as_of.empty());
}

BOOST_AUTO_TEST_CASE(issue_13_english_casualty_counts_without_people_are_people) {
  // "and 38 injured", "126 dead", "188 others injured": the word after the number is who is
  // counted; a number written in words opening the sentence is no subject.
  const run_result run = testing::analyse_text(
      "Forty-one people were confirmed dead and 38 injured after the quake. By evening the quake had left 126 dead and 188 others injured.",
      "2025-03-02");
  std::map<std::string, std::string> attribute;
  for (const claim& c : run.claims) {
    attribute[c.found.text] = c.attribute;
    BOOST_TEST(c.subject != "Forty-one");
  }
  BOOST_TEST(attribute["38 injured"] == "injured");
  BOOST_TEST(attribute["126 dead"] == "death_toll");
  BOOST_TEST(attribute["188 others"] == "injured");
}

BOOST_AUTO_TEST_CASE(issue_13_an_official_body_that_reports_a_toll_is_not_its_subject) {
  const run_result run = testing::analyse_text(
      "The earthquake killed 62 people, the National Rescue Agency said on Monday.", "2025-03-02");
  const auto it = std::find_if(run.claims.begin(), run.claims.end(), [](const claim& c) { return c.found.text == "62 people"; });
  BOOST_REQUIRE(it != run.claims.end());
  BOOST_TEST(it->subject == "earthquake");
}

BOOST_AUTO_TEST_CASE(issue_13_forecasts_of_uncredited_authors_are_listed_not_compared) {
  // Two brokers' notes expect different profits for one year: opinions, not one fact.
  const run_result run = corpus({{"2025-03-26", "Profit forecast: the note expects Lanqiao Motors' net profit of 55.9 billion yuan in 2025."},
                                 {"2025-03-27", "Lanqiao Motors' net profit is forecast at 81.0 billion yuan in 2025."}});
  BOOST_TEST(has_qualifier(claim_with_text(run, "55.9 billion yuan"), "expected"));
  BOOST_TEST(contradictions(run) == 0u);
  const run_result zh = corpus({{"2025-03-26", "机构预计蓝桥汽车2025年净利润为559亿元。"}, {"2025-03-27", "另一家券商预测蓝桥汽车2025年净利润810亿元。"}});
  BOOST_TEST(contradictions(zh) == 0u);
  // The same figures reported as results still contradict each other.
  const run_result reported = corpus({{"2025-03-26", "Lanqiao Motors reported net profit of 55.9 billion yuan in 2024."},
                                      {"2025-03-27", "Lanqiao Motors reported net profit of 81.0 billion yuan in 2024."}});
  BOOST_TEST(contradictions(reported) == 1u);
}

BOOST_AUTO_TEST_CASE(issue_13_a_range_in_number_words_is_one_interval) {
  const run_result run = testing::analyse_text("The carmaker is forecasting sales of five to six million vehicles next year.", "2025-03-26");
  const claim& range = claim_with_text(run, "five to six million vehicles");
  BOOST_REQUIRE(range.interval.high.has_value());
  BOOST_TEST(range.interval.high->to_string() == "6000000.5");
  BOOST_TEST(compare(*range.interval.low, decimal{5000000, 0}) <= 0);
}

BOOST_AUTO_TEST_CASE(issue_13_a_single_month_is_not_the_year) {
  // February's deliveries and the year's are two facts, whatever the missing year says.
  const run_result run = corpus({{"2025-03-05", "Lanqiao's monthly sales jumped 160% in February to 318,000 vehicles."},
                                 {"2025-03-06", "Lanqiao's sales reached 4.27 million vehicles."}});
  BOOST_TEST(has_qualifier(claim_with_text(run, "318,000 vehicles"), "single_month"));
  BOOST_TEST(claim_with_text(run, "318,000 vehicles").attribute == "unit_sales");
  BOOST_TEST(contradictions(run) == 0u);
  const run_result zh = testing::analyse_text("蓝桥汽车2月单月销量达31.8万辆。", "2025-03-05");
  BOOST_TEST(has_qualifier(claim_with_text(zh, "31.8万辆"), "single_month"));
}

BOOST_AUTO_TEST_CASE(issue_13_all_but_counts_the_rest_of_the_group) {
  const run_result run = testing::analyse_text("The ferry capsized with all but two people on board killed.", "2025-03-05");
  BOOST_TEST(claim_with_text(run, "two people").attribute.empty());
  const run_result zh = testing::analyse_text("除了3名船员，船上乘客全部遇难。", "2025-03-05");
  BOOST_TEST(claim_with_text(zh, "3名").attribute.empty());
}

BOOST_AUTO_TEST_CASE(issue_13_a_group_of_the_dead_is_not_the_toll) {
  const run_result run = testing::analyse_text("The dead included 41 women, 38 men and 9 others not yet identified.", "2025-03-05");
  BOOST_TEST(has_qualifier(claim_with_text(run, "41 women"), "group:women"));
  BOOST_TEST(has_qualifier(claim_with_text(run, "9 others"), "group:others"));
  const run_result zh = testing::analyse_text("遇难者中有3名外籍游客。", "2025-03-05");
  BOOST_TEST(has_qualifier(claim_with_text(zh, "3名"), "group:外籍"));
  // After a toll, "others" is everyone else, not a group.
  const run_result rest = testing::analyse_text("The blaze killed 44 people and left more than 250 others missing.", "2025-11-27");
  BOOST_TEST(!has_qualifier(claim_with_text(rest, "more than 250 others"), "group:others"));
  // A toll with nine others of another report is not that report's toll.
  const run_result two = corpus({{"2025-03-05", "The crash killed 88 people."}, {"2025-03-06", "The crash killed 9 others besides the crew."}});
  BOOST_TEST(contradictions(two) == 0u);
}

BOOST_AUTO_TEST_CASE(issue_13_a_compass_word_or_a_nationality_is_no_subject) {
  const run_result run = testing::analyse_text("A South Korean airliner crashed, killing 179 people.", "2025-03-05");
  BOOST_TEST(claim_with_text(run, "179 people").subject != "South");
  BOOST_TEST(claim_with_text(run, "179 people").subject != "South Korean");
}

BOOST_AUTO_TEST_CASE(issue_13_a_conversion_in_brackets_has_room_for_the_rate) {
  // Two outlets convert one yuan price at slightly different rates: no contradiction.
  const run_result run = corpus({{"2024-09-10", "The Lanqiao Fold costs 19,999 yuan (US$2,812) in its base model."},
                                 {"2024-09-11", "The Lanqiao Fold costs 19,999 yuan (US$2,800) in its base model."}});
  BOOST_TEST(has_qualifier(claim_with_text(run, "US$2,812"), "converted"));
  BOOST_TEST(contradictions(run) == 0u);
  const run_result zh = testing::analyse_text("蓝桥折叠屏售价19999元，约合2800美元。", "2024-09-10");
  BOOST_TEST(has_qualifier(claim_with_text(zh, "约合2800美元"), "converted"));
  BOOST_TEST(!has_qualifier(claim_with_text(zh, "19999元"), "converted"));
  // A conversion ten times off is still a slip.
  const run_result slip = corpus({{"2024-09-10", "The Lanqiao Fold costs 19,999 yuan (US$2,812) in its base model."},
                                  {"2024-09-11", "The Lanqiao Fold costs 19,999 yuan (US$28,120) in its base model."}});
  BOOST_TEST(contradictions(slip) == 1u);
}

BOOST_AUTO_TEST_CASE(issue_13_a_place_where_a_named_company_did_something_is_not_the_subject) {
  const run_result run = testing::analyse_text("Last quarter Lanqiao ranked fourth in Brazil with 2.6 million phones shipped.", "2024-09-10");
  BOOST_TEST(claim_with_text(run, "2.6 million phones").subject != "Brazil");
  // With no other name the place is what the sentence is about.
  const run_result alone = testing::analyse_text("Unemployment in Brazil fell to 6.2% in the quarter.", "2024-09-10");
  BOOST_TEST(claim_with_text(alone, "6.2%").subject == "Brazil");
}

BOOST_AUTO_TEST_CASE(issue_13_a_cue_after_an_ascii_comma_is_the_next_figures) {
  // Mirrors write Chinese with ASCII commas: 受伤 after `126人,` is the 188's, not the 126's.
  const run_result run = testing::analyse_text("地震造成的死亡人数增加到126人,受伤人数达到188人。", "2025-01-08");
  BOOST_TEST(claim_with_text(run, "126人").attribute == "death_toll");
  BOOST_TEST(claim_with_text(run, "188人").attribute == "injured");
  // With nothing between, the cue still closes the figure before it: 12死340伤.
  const run_result terse = testing::analyse_text("山区强震最新统计12死340伤。", "2025-03-02");
  BOOST_TEST(claim_with_text(terse, "340伤").attribute == "injured");
  BOOST_TEST(claim_with_text(terse, "12死").attribute == "death_toll");
}

BOOST_AUTO_TEST_CASE(issue_13_trade_balances_and_preorders_are_attributes) {
  const run_result run = testing::analyse_text("Lanqiao's trade surplus reached $1.19 trillion in 2025.", "2026-01-14");
  BOOST_TEST(claim_with_text(run, "$1.19 trillion").attribute == "trade_surplus");
  const run_result zh = testing::analyse_text("蓝桥折叠屏预约量已突破370万。", "2024-09-12");
  BOOST_TEST(claim_with_text(zh, "突破370万").attribute == "preorders");
}

BOOST_AUTO_TEST_CASE(issue_13_a_quoted_clause_in_corner_brackets_is_no_title) {
  // Taiwanese papers quote witnesses in 「」: a quote with a figure and its measure is no name.
  const run_result run = testing::analyse_text("目击者说「差80公尺就掉下去」，事故已造成19人遇难。", "2024-05-01");
  BOOST_TEST(claim_with_text(run, "19人").subject != "差80公尺就掉下去");
  // A title ending in its number is still one.
  const run_result title = testing::analyse_text("電影「山海行2」上映首日票房達3億元。", "2025-02-01");
  BOOST_TEST(claim_with_text(title, "3億元").subject == "山海行2");
}

BOOST_AUTO_TEST_CASE(issue_13_a_bare_number_after_a_toll_cue_is_the_toll) {
  const run_result run = testing::analyse_text("The death toll has risen to 24 after part of a motorway collapsed.", "2024-05-02");
  const claim& toll = claim_with_text(run, "24");
  BOOST_TEST(toll.attribute == "death_toll");
  BOOST_TEST(toll.unit == "count:person");
  const run_result zh = testing::analyse_text("高速公路塌方事故的死亡人数已升至48。", "2024-05-02");
  BOOST_TEST(claim_with_text(zh, "48").attribute == "death_toll");
  // A number before the cue is not taken: "24 lanes ... killed" says nothing of a toll.
  const run_result other = testing::analyse_text("Since 2019 the bridge has carried traffic.", "2024-05-02");
  BOOST_TEST(claim_with_text(other, "2019").attribute != "death_toll");
}

BOOST_AUTO_TEST_CASE(issue_13_a_weekday_alone_is_not_held_against_another) {
  // Published a week apart, both writers mean the same Tuesday; one looks ahead, one back.
  const run_result run = corpus({{"2024-09-08", "Lanqiao's Aurora 7 launch is scheduled for Tuesday morning."},
                                 {"2024-09-14", "Lanqiao's Aurora 7 launch took place on Tuesday morning."}});
  BOOST_TEST(contradictions(run) == 0u);
}

BOOST_AUTO_TEST_CASE(issue_13_the_same_day_before_a_clause_is_that_clauses_day) {
  const run_result run = testing::analyse_text("On 3 September Lanqiao opened orders. Rivals struck on the same day Apple unveiled its phones.", "2024-09-10");
  BOOST_TEST(std::none_of(run.claims.begin(), run.claims.end(), [](const claim& c) { return c.found.text == "the same day"; }));
  const run_result chained = testing::analyse_text("On 3 September Lanqiao opened orders, and sales began the same day.", "2024-09-10");
  BOOST_TEST(claim_with_text(chained, "the same day").date.has_value());
}

BOOST_AUTO_TEST_CASE(issue_13_a_name_in_camel_case_is_a_name) {
  const run_result run = testing::analyse_text("The base 128GB iPhone 16 starts at $799 in the US.", "2024-09-10");
  BOOST_TEST(claim_with_text(run, "$799").subject == "iPhone 16");
  BOOST_TEST(claim_with_text(run, "$799").attribute == "price");
}

BOOST_AUTO_TEST_CASE(issue_13_an_identifier_is_no_name) {
  const run_result run = testing::analyse_text("Photo sp20241102: the storm killed 14 people.", "2024-09-10");
  BOOST_TEST(claim_with_text(run, "14 people").subject != "sp20241102");
}

BOOST_AUTO_TEST_CASE(issue_13_a_quarter_or_the_stated_period_is_not_the_year) {
  // A quarter named without its year, and "during the period", are not the year's figure.
  const run_result run = corpus({{"2025-03-18", "Lanqiao reported a 48% rise in fourth-quarter revenue to 109 billion yuan."},
                                 {"2025-03-19", "Lanqiao's revenue reached 365 billion yuan."}});
  BOOST_TEST(has_qualifier(claim_with_text(run, "109 billion yuan"), "single_quarter"));
  BOOST_TEST(contradictions(run) == 0u);
  const run_result zh = corpus({{"2025-03-18", "期间内，蓝桥家电业务收入增长51%至309亿元。"}, {"2025-03-19", "蓝桥家电业务收入达到1041亿元。"}});
  BOOST_TEST(has_qualifier(claim_with_text(zh, "309亿元"), "stated_period"));
}

BOOST_AUTO_TEST_CASE(issue_13_votes_are_compared_only_within_one_named_election) {
  // The election a count belongs to is part of its key; the nearest one named before it wins,
  // so a party-list share after a presidential one is a different fact.
  const run_result zh = testing::analyse_text(
      "在13日举行的总统选举中，林志远得票558万票，得票率40.1%。同日的立委选举，其政党的政党票得票率为36.2%。", "2024-01-14");
  BOOST_TEST(claim_with_text(zh, "40.1%").attribute == "vote_share");
  BOOST_TEST(has_qualifier(claim_with_text(zh, "40.1%"), "election_presidential"));
  BOOST_TEST(claim_with_text(zh, "558万").attribute == "vote_count");
  BOOST_TEST(has_qualifier(claim_with_text(zh, "36.2%"), "election_party_list"));
  const run_result en = testing::analyse_text("In the legislative election, the Harbour Party won 51 seats.", "2024-01-14");
  BOOST_TEST(claim_with_text(en, "51").attribute == "seats_won");
  BOOST_TEST(has_qualifier(claim_with_text(en, "51"), "election_legislative"));
  // A count of votes with no election named could be any of the day's votes: listed, not compared.
  const run_result bare = corpus({{"2024-01-14", "The Harbour Party won 40.1% of the vote."},
                                  {"2024-01-15", "The Harbour Party won 36.2% of the vote."}});
  BOOST_TEST(claim_with_text(bare, "40.1%").attribute.empty());
  BOOST_TEST(contradictions(bare) == 0u);
  // One election named on both sides: two shares of it cannot both be right.
  const run_result named = corpus({{"2024-01-14", "The Harbour Party won 40.1% of the vote in the presidential election."},
                                   {"2024-01-15", "The Harbour Party won 42.6% of the vote in the presidential election."}});
  BOOST_TEST(contradictions(named) == 1u);
}

BOOST_AUTO_TEST_CASE(issue_13_a_players_totals_name_the_game_season_or_career) {
  const run_result zh = testing::analyse_text("他本场比赛击出3支全垒打，本赛季累计54支全垒打。", "2024-09-20");
  BOOST_TEST(claim_with_text(zh, "3支").attribute == "home_runs");
  BOOST_TEST(has_qualifier(claim_with_text(zh, "3支"), "sports_single_game"));
  BOOST_TEST(has_qualifier(claim_with_text(zh, "54支"), "sports_season"));
  // A game's three home runs and a season's fifty-four are not one fact...
  const run_result apart = corpus({{"2024-09-20", "Ken Kato hit 3 home runs in a single game on Thursday."},
                                   {"2024-09-21", "Ken Kato has hit 54 home runs this season."}});
  BOOST_TEST(contradictions(apart) == 0u);
  // ...and a count that names neither could be either: listed, not compared.
  const run_result bare = corpus({{"2024-09-20", "Ken Kato hit 3 home runs."}, {"2024-09-21", "Ken Kato hit 54 home runs."}});
  BOOST_TEST(claim_with_text(bare, "54").attribute.empty());
  BOOST_TEST(contradictions(bare) == 0u);
  // Two season totals of one player on one day are comparable.
  const run_result season = corpus({{"2024-09-21", "Ken Kato of the Harbour Hawks has hit 54 home runs this season."},
                                    {"2024-09-21", "Ken Kato of the Harbour Hawks has hit 51 home runs this season."}});
  BOOST_TEST(claim_with_text(season, "54").attribute == "home_runs");
  BOOST_TEST(contradictions(season) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
