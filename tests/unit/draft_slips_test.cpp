// Issue 14, pass "draft slips" (checker/compare/draft_slips.cpp): a draft figure that no fact key
// places is held against the published figures anchored to it by its subject or by the words
// right before it, and reported only when they agree and a named slip explains the difference.
// https://factcheck.invalid/issues/14
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "report/report.h"
#include "support/support.h"

using namespace checker;

namespace {

// Two published documents and a draft, analysed together (the compare stage sees the draft).
run_result with_draft(const std::string& first, const std::string& second, const std::string& draft_body, bool is_draft = true) {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", first, "2025-03-01"));
  docs.push_back(testing::make_document("b.md", second, "2025-03-02"));
  document draft = testing::make_document("draft.md", draft_body, "2025-03-03");
  draft.draft = is_draft;
  docs.push_back(std::move(draft));
  return testing::analyse(std::move(docs));
}

// The findings of the draft slips pass: their message says how the figure was matched.
std::vector<const finding*> slip_findings(const run_result& run) {
  std::vector<const finding*> out;
  for (const finding& f : run.findings) {
    if (f.message.find("; matched by ") != std::string::npos) out.push_back(&f);
  }
  return out;
}

const finding& only_slip_finding(const run_result& run) {
  const std::vector<const finding*> found = slip_findings(run);
  BOOST_TEST_REQUIRE(found.size() == 1u);
  return *found.front();
}

std::string odd_text(const run_result& run, const finding& f) {
  BOOST_TEST_REQUIRE(f.assessed.odd_claims.size() == 1u);
  return run.claims[f.assessed.odd_claims.front()].found.text;
}

std::string slip_id(const finding& f) { return f.assessed.likely_slip ? f.assessed.likely_slip->id : "none"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(draft_slips)

BOOST_AUTO_TEST_CASE(issue_14_draft_figure_without_attribute_is_matched_by_its_subject) {
  // The draft names R1 but no cue word says what the figure is: no fact key to compare under.
  const run_result run = with_draft("DeepSeek表示，R1的训练成本为29.4万美元，远低于同行。", "论文附录显示，R1的训练成本为29.4万美元。",
                                    "R1这次只花了294万美元，令人意外。");
  const finding& f = only_slip_finding(run);
  BOOST_TEST(f.rule == "contradiction");
  BOOST_TEST(to_string(f.assessed.status) == "published");
  BOOST_TEST(odd_text(run, f) == "294万美元");
  BOOST_TEST(slip_id(f) == "slip.power-of-ten");
  BOOST_TEST(f.assessed.likely_slip->suggestion == "29.4万美元");
  BOOST_TEST(f.message.find("matched by its subject R1") != std::string::npos);
  // Below a contradiction the text ties to one fact by its cue words.
  BOOST_TEST(f.confidence < 0.7);
  BOOST_TEST(to_string(f.level) == "warning");
  // Both published documents support the reference side.
  BOOST_TEST(f.assessed.sides[*f.assessed.supported_side].documents == 2u);
}

BOOST_AUTO_TEST_CASE(issue_14_draft_figure_is_matched_by_the_words_before_it_in_chinese) {
  // Nothing links these figures to a subject, and the texts share little besides the phrase.
  const run_result run = with_draft("气象部门预计本周末仍有降雨，提醒游客注意安全。据悉，山谷步道入口处的登记簿上写着4750名访客。",
                                    "The park office said little else on Monday.",
                                    "记者翻看了那本已经泛黄的册子，登记簿上写着4570名访客的名字，其中不少来自外省。");
  const finding& f = only_slip_finding(run);
  BOOST_TEST(odd_text(run, f) == "4570名");
  BOOST_TEST(slip_id(f) == "slip.digits-transposed");
  BOOST_TEST(f.assessed.likely_slip->suggestion == "4750名");
  BOOST_TEST(f.message.find("matched by the words around it") != std::string::npos);
  // The words before the figure stand for the subject no linker gave.
  BOOST_TEST(f.subject == "簿上写着");
}

BOOST_AUTO_TEST_CASE(issue_14_draft_figure_is_matched_by_the_words_before_it_in_english) {
  const run_result run = with_draft("Rain is expected again at the weekend. Separately, the visitor log at the valley trail gate listed 4,750 names.",
                                    "The visitor log at the valley trail gate listed 4,750 names on Monday, the park office said.",
                                    "Leafing through the old binder, our reporter found that the valley trail gate listed 47,500 names in all.");
  const finding& f = only_slip_finding(run);
  BOOST_TEST(odd_text(run, f) == "47,500");
  BOOST_TEST(slip_id(f) == "slip.power-of-ten");
  BOOST_TEST(f.assessed.likely_slip->suggestion == "4,750");
  BOOST_TEST(f.subject == "valley trail gate listed");
  // Draft mode keeps it: the draft's side has no published support.
  run_result kept = run;
  kept.draft_mode = true;
  const nlohmann::json report = report_to_json(kept);
  bool reported = false;
  for (const auto& g : report["findings"]) {
    if (g["assessment"]["slip"]["id"] == "slip.power-of-ten" && g["assessment"]["status"] == "published") reported = true;
  }
  BOOST_TEST(reported);
}

BOOST_AUTO_TEST_CASE(issue_14_same_number_in_another_currency_is_a_currency_slip) {
  const run_result run = with_draft("DeepSeek表示，R1的训练成本为29.4万美元，远低于同行。", "论文附录显示，R1的训练成本为29.4万美元。",
                                    "R1这次只花了29.4万港元，令人意外。");
  const finding& f = only_slip_finding(run);
  BOOST_TEST(slip_id(f) == "slip.currency");
  BOOST_TEST(odd_text(run, f) == "29.4万港元");
  // The number is right: there is no figure to put in its place.
  BOOST_TEST(f.assessed.likely_slip->suggestion.empty());
}

BOOST_AUTO_TEST_CASE(issue_14_currency_slip_at_another_precision) {
  // The draft rounds the number and changes the currency: still the same number, two currencies.
  const run_result run = with_draft("DeepSeek表示，R1的训练成本为29.4万美元，远低于同行。", "论文附录显示，R1的训练成本为29.4万美元。",
                                    "R1这次只花了29万港元，令人意外。");
  const finding& f = only_slip_finding(run);
  BOOST_TEST(slip_id(f) == "slip.currency");
  BOOST_TEST(f.assessed.likely_slip->suggestion.empty());
  // One significant digit says too little: 3万港元 is not 2.8万美元 rounded.
  const run_result one_digit = with_draft("DeepSeek表示，R1的训练成本为2.8万美元，远低于同行。", "论文附录显示，R1的训练成本为2.8万美元。",
                                          "R1这次只花了3万港元，令人意外。");
  BOOST_TEST(slip_findings(one_digit).empty());
}

BOOST_AUTO_TEST_CASE(issue_14_currency_slip_leaves_conversions_aside) {
  // The published side also converts the figure into yuan: a restatement, not a third value.
  const run_result run = with_draft("据公司披露，R1的训练成本为29.4万美元，约合人民币209万元。", "The training cost of R1 was $294,000, the paper says.",
                                    "A blog post said R1 was trained for just €294,000 in all.");
  const finding& f = only_slip_finding(run);
  BOOST_TEST(slip_id(f) == "slip.currency");
  BOOST_TEST(odd_text(run, f) == "just €294,000");
  BOOST_TEST(f.assessed.likely_slip->message.find("EUR for USD") != std::string::npos);
  // The number in two other currencies would leave the slip unclear: nothing is reported.
  const run_result two = with_draft("据公司披露，R1的训练成本为29.4万美元。", "The training cost of R1 was 294,000 yuan, the paper says.",
                                    "A blog post said R1 was trained for just €294,000 in all.");
  BOOST_TEST(slip_findings(two).empty());
}

BOOST_AUTO_TEST_CASE(issue_14_draft_figure_more_precise_than_the_published_one) {
  // The published sources cut the figure to 1.69亿; the draft's 1.968亿 swapped back is 1.698亿.
  const std::string first = "DeepSeek表示，R1的训练成本为1.69亿美元，远低于同行。";
  const std::string second = "论文附录显示，R1的训练成本为1.69亿美元。";
  const run_result run = with_draft(first, second, "R1这次只花了1.968亿美元，令人意外。");
  const finding& f = only_slip_finding(run);
  BOOST_TEST(odd_text(run, f) == "1.968亿美元");
  BOOST_TEST(slip_id(f) == "slip.digits-transposed");
  // The figure the sources cut, stated in full, is no slip (1.698亿 swapped back would be 1.689亿,
  // but cut it is 1.69亿), nor a figure under two units of the last digit away, which a later
  // estimate gives (2.264亿 against 2.25亿, though 2.246亿 would fit).
  BOOST_TEST(slip_findings(with_draft(first, second, "R1这次只花了1.698亿美元，令人意外。")).empty());
  BOOST_TEST(slip_findings(with_draft("DeepSeek表示，R1的训练成本为2.25亿美元，远低于同行。", "论文附录显示，R1的训练成本为2.25亿美元。",
                                      "R1这次只花了2.264亿美元，令人意外。"))
                 .empty());
}

BOOST_AUTO_TEST_CASE(issue_14_no_slip_relation_no_finding) {
  // 31万 is not a slip of 29.4万: two figures of one subject may be two facts.
  const run_result zh = with_draft("DeepSeek表示，R1的训练成本为29.4万美元，远低于同行。", "论文附录显示，R1的训练成本为29.4万美元。",
                                   "R1这次只花了31万美元，令人意外。");
  BOOST_TEST(slip_findings(zh).empty());
  const run_result en = with_draft("Rain is expected again at the weekend. Separately, the visitor log at the valley trail gate listed 4,750 names.",
                                   "The visitor log at the valley trail gate listed 4,750 names on Monday, the park office said.",
                                   "Leafing through the old binder, our reporter found that the valley trail gate listed 5,120 names in all.");
  BOOST_TEST(slip_findings(en).empty());
}

BOOST_AUTO_TEST_CASE(issue_14_published_sources_that_disagree_are_no_reference) {
  const run_result run = with_draft("DeepSeek表示，R1的训练成本为29.4万美元，远低于同行。", "论文附录显示，R1的训练成本为31.2万美元。",
                                    "R1这次只花了294万美元，令人意外。");
  BOOST_TEST(slip_findings(run).empty());
}

BOOST_AUTO_TEST_CASE(issue_14_small_numbers_need_more_than_the_subject) {
  // 12 and 21 are transposed digits by chance as often as by a slip: the subject alone (the
  // draft's figure has no attribute) does not tie them.
  const run_result by_subject = with_draft("据介绍，R1团队共有12名核心成员，DeepSeek表示。", "据介绍，R1团队共有12名核心成员。",
                                           "R1这次动用了21名工程师，令人意外。");
  BOOST_TEST(slip_findings(by_subject).empty());
  // The same words before the figure do.
  const run_result by_words = with_draft("据悉，山谷步道入口处的登记簿上写着12名访客。", "Nothing else was said on Monday.",
                                         "记者翻看了那本已经泛黄的册子，登记簿上写着21名访客的名字，其中不少来自外省。");
  const finding& f = only_slip_finding(by_words);
  BOOST_TEST(slip_id(f) == "slip.digits-transposed");
}

// Three published reports of a quake and a draft.
run_result quake_reports(const std::string& draft_body) {
  std::vector<document> docs;
  docs.push_back(testing::make_document("a.md", "中国地震台网测定，此次地震震级为7.3级。", "2025-03-01"));
  docs.push_back(testing::make_document("b.md", "据中国地震台网测定，此次地震震级为7.3级，震源深度12公里。", "2025-03-01"));
  docs.push_back(testing::make_document("c.md", "当地媒体报道，此次地震震级为7.2级，多栋建筑受损。", "2025-03-02"));
  document draft = testing::make_document("draft.md", draft_body, "2025-03-03");
  draft.draft = true;
  docs.push_back(std::move(draft));
  return testing::analyse(std::move(docs));
}

BOOST_AUTO_TEST_CASE(issue_14_draft_held_against_the_published_figures_of_its_own_fact_key) {
  // The quake's magnitudes disagree (an agency's and an uncredited page's), but the agency the
  // draft credits gives one value; the draft states it once and then slips (the draft disagrees
  // with itself, so no fact-key finding holds the figure).
  const run_result run = quake_reports("中国地震台网测定，此次地震震级为7.3级。中国地震台网测定，此次地震震级为3.7级，震源深度12公里。");
  const finding& f = only_slip_finding(run);
  BOOST_TEST(odd_text(run, f) == "3.7级");
  BOOST_TEST(slip_id(f) == "slip.digits-transposed");
  BOOST_TEST(f.assessed.likely_slip->suggestion == "7.3级");
  // An uncredited magnitude is no agency's figure: the fact key does not place it.
  const run_result uncredited = quake_reports("据报道，此次地震震级为7.3级。另据报道，此次地震震级为3.7级。");
  BOOST_TEST(slip_findings(uncredited).empty());
}

BOOST_AUTO_TEST_CASE(issue_14_check_mode_is_unchanged) {
  // The same documents, none of them a draft: the pass makes nothing.
  const run_result run = with_draft("DeepSeek表示，R1的训练成本为29.4万美元，远低于同行。", "论文附录显示，R1的训练成本为29.4万美元。",
                                    "R1这次只花了294万美元，令人意外。", false);
  BOOST_TEST(slip_findings(run).empty());
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 14, "key shared, no finding": two figures stated at the same precision one last digit
// apart touched at the half unit between them ([83.5, 84.5] and [84.5, 85.5]) and were taken to
// agree. A rounded figure covers a half-open interval: they are two values.
BOOST_AUTO_TEST_SUITE(half_open_precision)

BOOST_AUTO_TEST_CASE(issue_14_one_last_digit_apart_is_a_contradiction) {
  const run_result zh = testing::corpus({{"2025-09-18", "据公司披露，R1的训练成本为84万美元。"},
                                         {"2025-09-19", "记者了解到，R1的训练成本为85万美元。"}});
  BOOST_TEST(zh.findings.size() == 1u);
  const run_result en = testing::corpus({{"2025-09-18", "The training cost of R1 was $7.2 million, the paper says."},
                                         {"2025-09-19", "According to the appendix, the training cost of R1 was $7.3 million."}});
  BOOST_TEST(en.findings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(issue_14_a_coarser_figure_still_covers_a_finer_one) {
  // 7.24 lies inside what 7.2 covers, [7.15, 7.25): the coarser figure rounds the finer one.
  const run_result en = testing::corpus({{"2025-09-18", "The training cost of R1 was $7.2 million, the paper says."},
                                         {"2025-09-19", "According to the appendix, the training cost of R1 was $7.24 million."}});
  BOOST_TEST(en.findings.empty());
  const run_result zh = testing::corpus({{"2025-09-18", "据公司披露，R1的训练成本为84万美元。"},
                                         {"2025-09-19", "记者了解到，R1的训练成本约为85万美元。"}});
  // A hedged figure keeps its widened, closed interval: about 85万 reaches 84万.
  BOOST_TEST(zh.findings.empty());
}

BOOST_AUTO_TEST_SUITE_END()
