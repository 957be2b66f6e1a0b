#include <boost/test/unit_test.hpp>

#include "segment/segment.h"
#include "support/support.h"

using namespace checker;

namespace {

std::vector<std::string> sentences_of(const std::string& body) {
  const document doc = testing::make_document("s.md", body);
  std::vector<std::string> out;
  for (const sentence& s : segment(doc)) out.push_back(doc.text.substr(s.span.begin, s.span.size()));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(segment_stage)

BOOST_AUTO_TEST_CASE(splits_chinese_sentences_and_lines) {
  const auto got = sentences_of("# 标题\n\nR1的训练成本为29.4万美元。V3.1于今年8月21日发布！真的吗？\n证券时报");
  const std::vector<std::string> expected{"# 标题", "R1的训练成本为29.4万美元。", "V3.1于今年8月21日发布！", "真的吗？", "证券时报"};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(splits_english_sentences_without_breaking_numbers) {
  const auto got = sentences_of("R1 cost $294,000 to train. It reached 77.9% on AIME 2024. DeepSeek-V3.1 followed.");
  const std::vector<std::string> expected{"R1 cost $294,000 to train.", "It reached 77.9% on AIME 2024.", "DeepSeek-V3.1 followed."};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(spans_are_byte_offsets_into_the_text) {
  const document doc = testing::make_document("s.md", "第一句。第二句有512张H800。");
  const auto sentences = segment(doc);
  BOOST_REQUIRE(sentences.size() == 2u);
  BOOST_TEST(doc.text.substr(sentences[1].span.begin, sentences[1].span.size()) == "第二句有512张H800。");
}

BOOST_AUTO_TEST_SUITE_END()
