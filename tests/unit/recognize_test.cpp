#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "support/support.h"

using namespace checker;
namespace bdata = boost::unit_test::data;

namespace {

struct recognition_case {
  const char* text;
  std::vector<std::string> expected;  // dumps, in text order
};

std::ostream& operator<<(std::ostream& out, const recognition_case& c) { return out << c.text; }

// Real sentences from the two languages, in the forms news text uses (published 2025-09-18).
const std::vector<recognition_case> cases{
    {"R1的训练总成本为29.4万美元（约合人民币209万元）。", {"money{294000 USD}", "money{2090000 CNY ~}"}},
    {"DeepSeek puts the training cost of R1 at $294,000 (about 2.09 million RMB).", {"money{294000 USD $?}", "money{2090000 CNY ~}"}},
    {"US$6 million and €3.5 billion and £20 and 12亿元", {"money{6000000 USD}", "money{3500000000 EUR}", "money{20 GBP}", "money{1200000000 CNY}"}},
    {"R1-Zero和R1都在512张H800 GPU上完成训练，训练时长分别为198个小时和80个小时。",
     {"count{512 count:H800}", "duration{198 hour}", "duration{80 hour}"}},
    {"R1-Zero and R1 were trained on 512 H800 GPUs for 198 hours and 80 hours respectively.",
     {"count{512 count:H800}", "duration{198 hour}", "duration{80 hour}"}},
    {"H800、GPT-4o、DeepSeek-V3.1、R1和Llama2都是名字。", {}},
    {"原文见https://www.ebaa.cn/58662.html，或写信到756005163@qq.com。", {}},
    {"引用标注[3][4]，股票代码600193，客服电话400-800-8888，更新于04:51。", {}},
    {"R1-Zero的准确率从15.6%提升至71%。", {"percent{15.6 percent}", "percent{71 percent}"}},
    {"训练时只激活5%至10%的专家网络。", {"percent{5..10 percent}"}},
    {"ranges like 5-10% and between 5 and 10 percent", {"percent{5..10 percent}", "percent{5..10 percent}"}},
    {"百分之七十一的用户", {"percent{71 percent}"}},
    {"它的API定价只有GPT-4o的三十分之一。", {"number{0.0333333333333333 fraction}"}},
    {"一共有8位外部专家参与审稿，eight external experts in all.", {"count{8 count:expert}", "count{8 count:expert}"}},
    {"a mixture-of-experts network with 671 billion parameters", {"count{671000000000 count:parameter}"}},
    {"算力储备超过1万张英伟达A100芯片", {"count{10000 count:A100 >}"}},
    {"在12-28nm的成熟制程上", {"number{12..28 nanometre}"}},
    // Issue 12: 两周后 is a date two weeks after the preceding date (none here), not a duration.
    {"同行评审历经半年，两周后又用了3天。", {"duration{6 month}", "date{unresolved}", "duration{72 hour}"}},
    {"二十九万四千人", {"count{294000 count:person}"}},
    // A list of places: what 22人 counts ends at the 、; the 台 begins the next item.
    {"山顶旅馆安置了451人、客运站22人、台湾大学宿舍9人。", {"count{451 count:person}", "count{22 count:person}", "count{9 count:person}"}},
    {"访问量暴增了164%，达到1180万次。", {"percent{164 percent}", "count{11800000 count:次}"}},
    {"不到30万美元的训练成本，约600万美元，近80亿美元，80%以上，仅0.5元",
     {"money{300000 USD <}", "money{6000000 USD ~}", "money{8000000000 USD <~}", "percent{80 percent >}", "money{0.5 CNY =}"}},
    {"若按H800每GPU小时2美元的租赁价格计算", {"money{2 USD/gpu_hour}"}},
    {"at $2 per GPU hour", {"money{2 USD/gpu_hour $?}"}},
    {"三倍的速度，3x faster", {"number{3 times}", "number{3 times}"}},
    {"全文64页，a 64-page paper", {"count{64 count:page}", "count{64 count:page}"}},
    {"第三位，一个模型，一是采用，三大变化", {}},
    {"2025年9月17日、2025-09-18 04:51和September 17, 2025", {"date{2025-09-17}", "date{2025-09-18}", "date{2025-09-17}"}},
    {"17 Sep 2025 and Jan. 20", {"date{2025-09-17}", "date{2025-01-20}"}},
    {"今年1月，去年，明年", {"date{2025-01-01..2025-01-31 month}", "date{2024-01-01..2024-12-31 year}", "date{2026-01-01..2026-12-31 year}"}},
    {"9月17日出版，18日报道，次日转载。", {"date{2025-09-17}", "date{2025-09-18}", "date{2025-09-19}"}},
    {"本月，上月，昨天，4小时前", {"date{2025-09-01..2025-09-30 month}", "date{2025-08-01..2025-08-31 month}", "date{2025-09-17}", "date{2025-09-18}"}},
    {"今年年初，上半年，2025年第三季度", {"date{2025-01-01..2025-04-30 year}", "date{2025-01-01..2025-06-30 half}", "date{2025-07-01..2025-09-30 quarter}"}},
    {"early 2025, Q3 2025, this year, last year", {"date{2025-01-01..2025-04-30 year}", "date{2025-07-01..2025-09-30 quarter}",
                                                   "date{2025-01-01..2025-12-31 year}", "date{2024-01-01..2024-12-31 year}"}},
    {"2月30日和13月", {"date{invalid}", "date{invalid}"}},
    {"the AIME 2024 competition, founded in 2023", {"date{2023-01-01..2023-12-31 year}"}},
    {"全角数字１２３４５张", {"count{12345 count:张}"}},
    {"2022-2023年艺术类统考", {"date{2022-01-01..2023-12-31 range}"}},  // issue 12: a year range is one date interval
};

}  // namespace

BOOST_AUTO_TEST_SUITE(recognize_stage)

BOOST_DATA_TEST_CASE(recognises_figures_as_news_text_writes_them, bdata::make(cases), c) {
  const run_result run = testing::analyse_text(c.text);
  const std::vector<std::string> got = testing::dump_all(run);
  BOOST_TEST(got == c.expected, boost::test_tools::per_element());
}

// Issue 12: the number, percentage and currency forms Recognizers-Text's specifications test,
// in sentences written for this project. Each would read wrong (or not at all) without its rule.
const std::vector<recognition_case> issue_12_cases{
    {"受需求疲软影响，该公司净利润同比-22.2%，营收负3.9%。", {"percent{-22.2 percent}", "percent{-3.9 percent}"}},
    {"全市常住人口为5万4千6百人，比上年增加3万4000人。", {"count{54600 count:person}", "count{34000 count:person}"}},
    {"央行数据显示，居民存款余额达四十九兆九千五百亿元。", {"money{49950000000000 CNY}"}},
    {"商场全场打九折，部分商品七成五新，会员再享千分之五返现，手续费万分之三。",
     {"percent{90 percent}", "percent{75 percent}", "percent{0.5 percent}", "percent{0.03 percent}"}},
    {"票价为五元三毛，停车费50元6角。", {"money{5.3 CNY}", "money{50.6 CNY}"}},
    {"他花了三块钱买水，又切成三块蛋糕。", {"money{3 CNY}", "count{3 count:块}"}},
    {"交易额为４，５６５亿元，增长百分之五十五点五。", {"money{456500000000 CNY}", "percent{55.5 percent}"}},
    {"参与人数达一百五十二，一些人来自外地，大家一起努力，十分辛苦。", {"number{152 number}"}},
    {"售价为8人民币 1美元。", {"money{8 CNY}", "money{1 USD}"}},
    {"详情见 https://example.com/search?q=30%25%2020% 页面。", {}},
    {"华为三折叠手机发布，成为焦点，一成不变的设计被打破。", {}},
    {"Exports fell by .5 percent and imports by -2.1%.", {"percent{0.5 percent}", "percent{-2.1 percent}"}},
    {"Fifty two delegates and three hundred and thirty one observers attended.",
     {"count{52 count:delegates}", "count{331 count:observers}"}},
    {"About two-thirds of the budget went to roads; 13 lakh households got aid worth 10 bln rupees.",
     {"number{0.666666666666667 fraction}", "count{1300000 count:households}", "money{10000000000 INR}"}},
    {"The survey covered 1 234 567 people, or 1.3x10^6 in round terms.", {"count{1234567 count:person}", "number{1300000 number}"}},
    {"A ticket costs 10 €, a coffee 50 cents, and the sandwich was USD115 or 115USD.",
     {"money{10 EUR}", "money{0.5 USD}", "money{115 USD}", "money{115 USD}"}},
    {"The fee is 3 dollars 50 cents, down from one and a half dollars.", {"money{3.5 USD}", "money{1.5 USD}"}},
    {"No one expected the billion-dollar deal; one of them said so.", {}},
    {"The city has 3 million and a half residents.", {"count{3500000 count:person}"}},
};

BOOST_DATA_TEST_CASE(issue_12_numbers_percentages_and_currency, bdata::make(issue_12_cases), c) {
  const run_result run = testing::analyse_text(c.text);
  const std::vector<std::string> got = testing::dump_all(run);
  BOOST_TEST(got == c.expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(keeps_the_exact_text_and_original_span) {
  const run_result run = testing::analyse_text("据论文介绍，训练成本约为600万美元左右。");
  BOOST_REQUIRE(run.claims.size() == 1u);
  BOOST_TEST(run.claims[0].found.text == "约为600万美元左右");
  BOOST_TEST(to_string(run.claims[0].found.hedge) == "approximate");
}

BOOST_AUTO_TEST_CASE(issue_13_headline_capitals_keep_the_scale_word) {
  const run_result run = testing::analyse_text("The Film Has Collected Over $2 Billion Worldwide");
  BOOST_REQUIRE(run.claims.size() == 1u);
  BOOST_TEST(run.claims[0].found.text == "$2 Billion");
  BOOST_TEST(testing::value_text(run.claims[0]) == "2000000000");
}

BOOST_AUTO_TEST_SUITE_END()
