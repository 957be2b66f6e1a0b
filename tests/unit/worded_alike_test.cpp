// Issue 13: figures worded alike in two documents are one fact (link/worded_alike.cpp). A repost
// or an update repeats a report's sentences with some figures changed, and a list names each
// figure's place right before it. Sentences written for this project.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "support/support.h"

using namespace checker;

namespace {

using testing::corpus;

std::vector<const finding*> contradictions(const run_result& run) {
  std::vector<const finding*> out;
  for (const finding& f : run.findings) {
    if (f.rule == "contradiction" || f.rule == "superseded") out.push_back(&f);
  }
  return out;
}

bool found_between(const run_result& run, const std::string& a, const std::string& b) {
  for (const finding* f : contradictions(run)) {
    bool has_a = false;
    bool has_b = false;
    for (std::size_t i : f->claims) {
      has_a = has_a || run.claims[i].found.text == a;
      has_b = has_b || run.claims[i].found.text == b;
    }
    if (has_a && has_b) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(worded_alike)

BOOST_AUTO_TEST_CASE(issue_13_a_list_of_places_repeated_with_one_count_changed_is_one_fact_per_place) {
  // No cue word says what the counts are; the places before them and the copied list do.
  const run_result run = corpus({{"2025-05-10", "山洪过后，各安置点人数如下：青石小学120人、河湾村委会35人、北岭卫生院18人、东坡祠堂42人。"},
                                 {"2025-05-10", "山洪過後，各安置點人數如下：青石小學120人、河灣村委會35人、北嶺衛生院26人、東坡祠堂42人。"}});
  BOOST_TEST(found_between(run, "18人", "26人"));
  BOOST_TEST(contradictions(run).size() == 1u);  // the places that agree are not findings
  const auto it = std::find_if(run.claims.begin(), run.claims.end(), [](const claim& c) { return c.found.text == "18人"; });
  BOOST_REQUIRE(it != run.claims.end());
  BOOST_TEST(it->subject == "北岭卫生院");
  BOOST_TEST(it->link_basis.find("worded alike") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue_13_an_english_repost_with_a_changed_figure_is_one_fact) {
  const run_result run = corpus(
      {{"2025-05-10", "Rescue teams said the flood had cut off three valleys, and the shelter at Granite Ridge now holds 412 people, officials added."},
       {"2025-05-10", "Rescue teams said the flood had cut off three valleys, and the shelter at Granite Ridge now holds 421 people, officials said."}});
  BOOST_TEST(found_between(run, "412 people", "421 people"));
}

BOOST_AUTO_TEST_CASE(issue_13_the_same_words_before_a_figure_in_unrelated_sentences_are_not_one_fact) {
  // The four tokens before the figures agree, but the sentences are not versions of one another.
  const run_result run = corpus({{"2025-05-10", "山洪过后，青石小学接收了安置人数120人，其中老人占一半以上，食物和饮水充足。"},
                                 {"2025-06-02", "暑期开学前，教育局公布各校招生计划，青石小学接收了安置人数95人，另设两个新班级。"}});
  BOOST_TEST(contradictions(run).empty());
}

BOOST_AUTO_TEST_CASE(issue_13_a_figure_placed_by_other_qualifiers_is_not_aligned_across_them) {
  // The same list for two different years: the qualifier the linker reads keeps them apart.
  const run_result run = corpus({{"2025-05-10", "2023年各安置点人数如下：青石小学120人、河湾村委会35人、北岭卫生院18人。"},
                                 {"2025-05-10", "2024年各安置点人数如下：青石小学120人、河湾村委会35人、北岭卫生院26人。"}});
  BOOST_TEST(!found_between(run, "18人", "26人"));
}

BOOST_AUTO_TEST_CASE(issue_13_a_converted_amount_in_brackets_is_not_aligned) {
  // `（约…美元）` restates the figure before it at some rate; two outlets' rates differ.
  const run_result run = corpus({{"2025-05-10", "该片内地票房累计突破100亿元人民币（约13.9亿美元），刷新多项纪录。"},
                                 {"2025-05-10", "该片内地票房累计突破100亿元人民币（约13.7亿美元），刷新多项纪录。"}});
  BOOST_TEST(!found_between(run, "约13.9亿美元", "约13.7亿美元"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(trims_and_sources)

BOOST_AUTO_TEST_CASE(issue_13_a_trim_written_with_ban_qualifies_its_line_and_is_no_subject) {
  // Two trims' ranges on their own lines of one spec list are two facts, not a contradiction,
  // and neither the trim word nor the rating cycle is what the figures are about.
  const run_result run = corpus({{"2025-04-01", "青禾E5发布。\n- 标准版：售价18.99万元起，CLTC续航650公里。\n- Pro 版：售价22.99万元，CLTC续航720公里。\n"},
                                 {"2025-04-01", "青禾E5今日上市，Pro版CLTC续航720公里，标准版续航650公里。"}});
  for (const claim& c : run.claims) {
    BOOST_TEST(c.subject != "Pro");
    BOOST_TEST(c.subject != "CLTC");
  }
  BOOST_TEST(contradictions(run).empty());
  const auto pro = std::find_if(run.claims.begin(), run.claims.end(), [](const claim& c) { return c.found.text == "720公里"; });
  BOOST_REQUIRE(pro != run.claims.end());
  BOOST_TEST((std::find(pro->qualifiers.begin(), pro->qualifiers.end(), "edition:pro") != pro->qualifiers.end()));
  BOOST_TEST((std::find(pro->qualifiers.begin(), pro->qualifiers.end(), "cycle_cltc") != pro->qualifiers.end()));
}

BOOST_AUTO_TEST_CASE(issue_13_an_agency_then_a_linking_adverb_then_its_verb_credits_the_figure) {
  // 则测得 / 也表示: the adverb between the agency and its verb does not hide the credit, so the
  // second agency's magnitude is its own and the next sentence's figure is not the first one's.
  const run_result run = testing::analyse_text(
      "中国地震台网测定，山区发生6.6级地震，美国地质调查所(USGS)则测得规模7.0。当天最强一次余震达规模5.1。", "2025-03-01");
  const auto usgs = std::find_if(run.claims.begin(), run.claims.end(), [](const claim& c) { return c.found.text == "7.0"; });
  BOOST_REQUIRE(usgs != run.claims.end());
  BOOST_TEST((std::find(usgs->qualifiers.begin(), usgs->qualifiers.end(), "source:USGS") != usgs->qualifiers.end()));
}

BOOST_AUTO_TEST_CASE(issue_13_a_name_ending_in_a_trim_word_is_the_product_in_that_edition) {
  // `Lumen Q7 Max` and `Q7的Max版` name one trim of one product: the two prices are one fact.
  const run_result run = corpus({{"2025-04-01", "The Lumen Q7 Max sells for 259,900 yuan, the company said."},
                                 {"2025-04-01", "Lumen Q7今日发布，Max版售价为25.99万元。"}});
  const auto en = std::find_if(run.claims.begin(), run.claims.end(), [](const claim& c) { return c.found.text == "259,900 yuan"; });
  BOOST_REQUIRE(en != run.claims.end());
  BOOST_TEST(en->subject == "Lumen Q7");
  BOOST_TEST((std::find(en->qualifiers.begin(), en->qualifiers.end(), "edition:max") != en->qualifiers.end()));
}

BOOST_AUTO_TEST_SUITE_END()
