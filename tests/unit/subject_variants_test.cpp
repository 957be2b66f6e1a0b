// Issue 13: subjects that are one thing written several ways, and figures whose nearest name is a
// bystander (a platform, a store, a source work, a maker). Sentences written for this project.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "link/annotations.h"
#include "support/support.h"

using namespace checker;

namespace {

using testing::corpus;
using testing::claim_with_text;
using testing::has_qualifier;
using testing::contradictions;

std::string alias_of(const std::map<std::string, std::string>& aliases, const std::string& name) {
  const auto it = aliases.find(name);
  return it == aliases.end() ? name : it->second;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(subject_variants)

BOOST_AUTO_TEST_CASE(issue_13_spellings_of_one_title_are_one_subject) {
  // Separators, 之, spaces and case; the sequel numeral a subtitle makes redundant; the main
  // title written alone.
  const std::map<std::string, std::size_t> mentions = {{"星海2之远征", 3}, {"星海:远征", 2}, {"星海之远征", 1}, {"星海2", 4},
                                                       {"StarVoyage", 1}, {"Star Voyage", 2}, {"晨光:序章", 2}, {"晨光", 1}};
  const auto aliases = detail::title_variant_aliases(mentions);
  BOOST_TEST(alias_of(aliases, "星海2之远征") == "星海2");
  BOOST_TEST(alias_of(aliases, "星海:远征") == "星海2");
  BOOST_TEST(alias_of(aliases, "星海之远征") == "星海2");
  BOOST_TEST(alias_of(aliases, "StarVoyage") == "Star Voyage");
  BOOST_TEST(alias_of(aliases, "晨光") == "晨光:序章");
}

BOOST_AUTO_TEST_CASE(issue_13_a_first_work_is_not_its_sequel) {
  // 星海 beside 星海2: the bare main title may be the first film; and two works share 晨光.
  const std::map<std::string, std::size_t> mentions = {{"星海2之远征", 3}, {"星海之远征", 1}, {"星海", 2},        {"星海之启航", 1},
                                                       {"晨光:序章", 2},   {"晨光:终章", 2},  {"晨光", 1},        {"Dawn 2", 2},
                                                       {"Dawn", 2},        {"总之", 1}};
  const auto aliases = detail::title_variant_aliases(mentions);
  BOOST_TEST(alias_of(aliases, "星海") == "星海");
  BOOST_TEST(alias_of(aliases, "星海之启航") == "星海之启航");
  BOOST_TEST(alias_of(aliases, "星海之远征") == "星海2之远征");
  BOOST_TEST(alias_of(aliases, "晨光") == "晨光");
  BOOST_TEST(alias_of(aliases, "晨光:序章") != alias_of(aliases, "晨光:终章"));
  BOOST_TEST(alias_of(aliases, "Dawn") == "Dawn");
}

BOOST_AUTO_TEST_CASE(issue_13_title_spellings_meet_in_one_comparison) {
  const run_result run = corpus({{"2025-03-02", "《星海:远征》上映首周票房为12.34亿元。"},
                                 {"2025-03-03", "「星海之遠征」上映首週票房為15.67億元。"}});
  BOOST_TEST(claim_with_text(run, "12.34亿元").subject == claim_with_text(run, "15.67億元").subject);
  BOOST_TEST(contradictions(run) == 1u);
}

BOOST_AUTO_TEST_CASE(issue_13_a_latin_short_form_of_a_chinese_title_is_that_title) {
  // English coverage keeps a Chinese title's subtitle in pinyin, alone or after a translated main
  // title: Yuanzheng and Star Sea: Yuanzheng are 星海:远征.
  const std::map<std::string, std::size_t> mentions = {{"星海:远征", 4}, {"Yuanzheng", 2}, {"Star Sea: Yuanzheng", 1}, {"Dawn", 3}};
  std::map<std::string, std::string> variants;
  detail::tie_short_forms_across_scripts(mentions, variants, testing::test_lexicon());
  BOOST_TEST(alias_of(variants, "Yuanzheng") == "星海:远征");
  BOOST_TEST(alias_of(variants, "Star Sea: Yuanzheng") == "星海:远征");
  BOOST_TEST(alias_of(variants, "Dawn") == "Dawn");
  // Two Chinese works share the subtitle: the pinyin could be either, so it is neither.
  const std::map<std::string, std::size_t> shared = {{"星海:远征", 2}, {"晨光:远征", 2}, {"Yuanzheng", 2}};
  std::map<std::string, std::string> none;
  detail::tie_short_forms_across_scripts(shared, none, testing::test_lexicon());
  BOOST_TEST(alias_of(none, "Yuanzheng") == "Yuanzheng");
  // A Chinese name with no subtitle is tied whole by cross_script_aliases, not here.
  const std::map<std::string, std::size_t> bare = {{"远征号", 2}, {"Yuanzheng", 2}};
  std::map<std::string, std::string> untouched;
  detail::tie_short_forms_across_scripts(bare, untouched, testing::test_lexicon());
  BOOST_TEST(untouched.empty());
  // A place is a place, whatever Chinese name with a subtitle opens with it.
  const std::map<std::string, std::size_t> place = {{"北京:城市记忆", 2}, {"Beijing", 5}};
  std::map<std::string, std::string> kept;
  detail::tie_short_forms_across_scripts(place, kept, testing::test_lexicon());
  BOOST_TEST(alias_of(kept, "Beijing") == "Beijing");
}

BOOST_AUTO_TEST_CASE(issue_13_a_chinese_title_and_its_pinyin_short_form_meet_in_one_comparison) {
  const run_result run = corpus({{"2025-03-02", "《星海:远征》的标准版售价为198元。"},
                                 {"2025-03-03", "The standard edition of Yuanzheng sells for 228 yuan."}});
  BOOST_TEST(claim_with_text(run, "198元").subject == claim_with_text(run, "228 yuan").subject);
  BOOST_TEST(contradictions(run) == 1u);
  // The same pinyin beside two works with that subtitle stays apart: nothing is compared.
  const run_result two = corpus({{"2025-03-02", "《星海:远征》的标准版售价为198元。《晨光:远征》的标准版售价为98元。"},
                                 {"2025-03-03", "The standard edition of Yuanzheng sells for 228 yuan."}});
  BOOST_TEST(claim_with_text(two, "228 yuan").subject != claim_with_text(two, "198元").subject);
  BOOST_TEST(contradictions(two) == 0u);
}

BOOST_AUTO_TEST_CASE(issue_13_two_chinese_translations_of_one_sequel_meet_on_one_agreeing_value) {
  // A mainland and a Taiwan title of one foreign sequel keep its numeral; one precise agreeing
  // value (and the other facts they share mostly agreeing) ties them, so their disagreement shows.
  const run_result run = corpus({{"2025-12-01", "《飞驰天际2》首日票房为3亿元，首周票房为5.12亿元，累计票房达12.34亿元。"},
                                 {"2025-12-01", "截至昨日，「翱翔天際2」累計票房已達12.34億元。「翱翔天際2」首週票房則為5.87億元，首日票房為3億元。"}});
  BOOST_TEST(claim_with_text(run, "5.12亿元").subject == claim_with_text(run, "5.87億元").subject);
  BOOST_TEST(contradictions(run) == 1u);
  // Different numerals are different films, whatever they share.
  const run_result other = corpus({{"2025-12-01", "《飞驰天际2》首日票房为3亿元，首周票房为5.12亿元，累计票房达12.34亿元。"},
                                   {"2025-12-01", "截至昨日，「翱翔天際3」累計票房已達12.34億元。「翱翔天際3」首週票房則為5.87億元，首日票房為3億元。"}});
  BOOST_TEST(claim_with_text(other, "5.12亿元").subject != claim_with_text(other, "5.87億元").subject);
  BOOST_TEST(contradictions(other) == 0u);
}

BOOST_AUTO_TEST_CASE(issue_13_a_store_or_platform_is_not_what_a_price_is_about) {
  // Steam与Epic商店: a venue noun after names makes them venues; the price is the game's.
  const run_result zh = corpus({{"2025-03-02", "《山海行》定于三月发售。Steam与Epic商店页面已开放预购，标准版售价198元。"}});
  BOOST_TEST(claim_with_text(zh, "198元").subject == "山海行");
  // PC标准版: a name that says which version is no subject either.
  const run_result version = corpus({{"2025-03-02", "《山海行》全球同步发售，游戏PC标准版售价198元。"}});
  BOOST_TEST(claim_with_text(version, "198元").subject == "山海行");
  const run_result en = corpus({{"2025-03-02", "Mountain Trail will be sold on several stores. On the Steam store the standard edition costs $39.99."}});
  BOOST_TEST(claim_with_text(en, "$39.99").subject != "Steam");
}

BOOST_AUTO_TEST_CASE(issue_13_a_bracketed_title_before_an_edition_is_the_work_not_a_platform) {
  // 《X》标准版: the standard edition of the work X; PC标准版 stays the PC version, no subject.
  const run_result title = testing::analyse_text("《星海:远征》标准版售价为198元，豪华版售价为268元。", "2025-03-02");
  BOOST_TEST(claim_with_text(title, "198元").subject == "星海:远征");
  BOOST_TEST(has_qualifier(claim_with_text(title, "198元"), "edition_standard"));
  const run_result hk = testing::analyse_text("「星海：遠征」標準版售價為198元。", "2025-03-02");
  BOOST_TEST(claim_with_text(hk, "198元").subject != "");
  const run_result platform = testing::analyse_text("《星海:远征》将于5月登陆PC，PC标准版售价为198元。", "2025-03-02");
  BOOST_TEST(claim_with_text(platform, "198元").subject != "PC");
}

BOOST_AUTO_TEST_CASE(issue_13_a_source_work_or_a_maker_is_not_what_a_figure_is_about) {
  // 取材自古典小说《山海经》: the novel is what the game draws on, not what its cost is about.
  const run_result zh = corpus({{"2025-03-02", "《山海行》的故事取材自古典名著《山海经》，开发成本约为3亿元。"}});
  BOOST_TEST(claim_with_text(zh, "约为3亿元").subject == "山海行");
  // 由X研发的Y: the studio made the game.
  const run_result maker = corpus({{"2025-03-02", "由青木工作室研发的《山海行》售价为198元。"}});
  BOOST_TEST(claim_with_text(maker, "198元").subject == "山海行");
  const run_result en = corpus({{"2025-03-02", "Mountain Trail, based on the novel Old Roads, cost $40 million to make."}});
  BOOST_TEST(claim_with_text(en, "$40 million").subject == "Mountain Trail");
}

BOOST_AUTO_TEST_CASE(issue_13_a_parenthesis_with_its_own_figure_qualifies_that_figure) {
  const run_result zh = testing::analyse_text("《山海行》标准版售价198元（海外定价29.99美元）。", "2025-03-02");
  BOOST_TEST(!has_qualifier(claim_with_text(zh, "198元"), "overseas"));
  const run_result en = testing::analyse_text("Mountain Trail costs 198 yuan (overseas price $29.99).", "2025-03-02");
  BOOST_TEST(!has_qualifier(claim_with_text(en, "198 yuan"), "overseas"));
}

BOOST_AUTO_TEST_CASE(issue_13_rates_are_qualifiers) {
  // A cost per hour of play and a total cost are different facts.
  const run_result run = corpus({{"2025-03-02", "《山海行》每小时的开发成本约为1500万元。"}, {"2025-03-03", "《山海行》的开发成本为3亿元。"}});
  BOOST_TEST(has_qualifier(claim_with_text(run, "约为1500万元"), "per_hour"));
  BOOST_TEST(contradictions(run) == 0u);
  const run_result en = testing::analyse_text("Mountain Trail cost $2 million per hour of play to develop.", "2025-03-02");
  BOOST_TEST(has_qualifier(claim_with_text(en, "$2 million per hour"), "per_hour"));
}

BOOST_AUTO_TEST_CASE(issue_13_a_figure_with_nothing_named_takes_the_main_subject) {
  // Nothing named in the sentence or the few before: the document's main subject, not nobody.
  const std::string opening = "《山海行》昨日上线，首日售出120万份。《山海行》的售价为198元。\n\n官方表示服务器已经扩容。玩家反响热烈。评论区一片好评。\n\n";
  const run_result zh = corpus({{"2025-03-02", opening + "随后的周末，同时在线玩家峰值达到215万人。"}});
  BOOST_TEST(claim_with_text(zh, "215万人").subject == "山海行");
  BOOST_TEST(claim_with_text(zh, "215万人").link_confidence >= 0.65);
  // A date with nothing named dates the page as often as the news: left unlinked.
  const run_result date = corpus({{"2025-03-02", opening + "发布时间：2025年3月2日"}});
  BOOST_TEST(claim_with_text(date, "2025年3月2日").subject.empty());
  const std::string en_opening = "Mountain Trail launched on Monday and sold 1.2 million copies. Mountain Trail costs $39.99.\n\n"
                                 "The studio said servers were expanded. Players were pleased. Reviews were warm.\n\n";
  const run_result en = corpus({{"2025-03-02", en_opening + "Over the weekend, peak concurrent players reached 2.15 million."}});
  BOOST_TEST(claim_with_text(en, "2.15 million").subject == "Mountain Trail");
}

BOOST_AUTO_TEST_CASE(issue_13_a_pronoun_does_not_point_back_to_an_overtaken_rival) {
  const run_result en = testing::analyse_text(
      "Mountain Trail has now overtaken Starfall: Last Light at the box office, as it now sits at $1.23 billion.", "2025-03-02");
  BOOST_TEST(claim_with_text(en, "$1.23 billion").subject == "Mountain Trail");
  const run_result zh = testing::analyse_text("《山海行》本周超越《星落》，其累计票房达到12.34亿元。", "2025-03-02");
  BOOST_TEST(claim_with_text(zh, "12.34亿元").subject == "山海行");
}

BOOST_AUTO_TEST_CASE(issue_13_a_clause_dating_an_event_sets_no_period_for_the_figures_after_it) {
  // The pre-orders opened in May; the price after it is not May's price.
  const run_result zh = testing::analyse_text("《山海行》商店页面已于2024年5月开放预购，标准版售价198元。", "2024-08-02");
  BOOST_TEST(!has_qualifier(claim_with_text(zh, "198元"), "period:2024-05-01..2024-05-31"));
  const run_result en = testing::analyse_text("Mountain Trail opened pre-orders in May 2024, and the standard edition costs $39.99.", "2024-08-02");
  BOOST_TEST(!has_qualifier(claim_with_text(en, "$39.99"), "period:2024-05-01..2024-05-31"));
  // A clause that opens with the period and holds a figure of its own still sets it.
  const run_result listed = testing::analyse_text("今年上半年，星河公司手机出货量为1200万台，同比增长15%。", "2025-08-02");
  BOOST_TEST(std::any_of(claim_with_text(listed, "15%").qualifiers.begin(), claim_with_text(listed, "15%").qualifiers.end(),
                         [](const std::string& q) { return q.rfind("period:", 0) == 0; }));
}

BOOST_AUTO_TEST_SUITE_END()
