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

// Issue 6: text with no sentence end (a flattened table, a generated file) is cut into pieces no
// longer than max_sentence_bytes, at clause marks, and never through a figure.
BOOST_AUTO_TEST_CASE(an_endless_chinese_line_is_cut_at_clause_marks) {
  std::string body;
  for (int i = 0; i < 400; ++i) body += "R1的训练成本为29.4万美元，";
  const auto got = sentences_of(body);
  BOOST_TEST(got.size() > 4u);
  std::size_t total = 0;
  for (const std::string& piece : got) {
    BOOST_TEST(piece.size() <= max_sentence_bytes);
    BOOST_TEST(piece.rfind("R1的", 0) == 0u, piece.substr(0, 20));          // starts after a comma
    BOOST_TEST(piece.substr(piece.size() - 3) == "，");                  // ends on one
    total += piece.size();
  }
  BOOST_TEST(total == body.size());
}

BOOST_AUTO_TEST_CASE(an_endless_run_without_marks_is_cut_between_characters_and_not_inside_figures) {
  std::string cjk;
  for (int i = 0; i < 3000; ++i) cjk += "训";
  for (const std::string& piece : sentences_of(cjk)) {
    BOOST_TEST(piece.size() <= max_sentence_bytes);
    BOOST_TEST(piece.size() % 3 == 0u);  // whole three-byte characters only
  }
  std::string digits;
  for (int i = 0; i < 300; ++i) digits += "1234567890 ";
  for (const std::string& piece : sentences_of(digits)) BOOST_TEST(piece.size() % 11 == 10u, piece.size());
  std::string letters(5000, 'a');
  letters += " 12345";
  const auto pieces = sentences_of(letters);
  BOOST_TEST(pieces.size() > 2u);
  BOOST_TEST(pieces.back().substr(pieces.back().size() - 6) == " 12345");
}

BOOST_AUTO_TEST_SUITE_END()
