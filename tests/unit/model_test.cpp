#include <boost/test/unit_test.hpp>

#include "model/date.h"
#include "model/decimal.h"
#include "model/document.h"

using namespace checker;

BOOST_AUTO_TEST_SUITE(model)

BOOST_AUTO_TEST_CASE(decimal_keeps_exact_values_and_precision) {
  // 29.4万 is 294000 exactly, with the precision of the 0.1万 digit.
  const decimal wan = scale10(*decimal::parse("29.4"), 4);
  BOOST_TEST(wan.to_string() == "294000");
  BOOST_TEST(wan.exponent == 3);
  BOOST_TEST(subtract(wan, wan.half_unit())->to_string() == "293500");
  // 16.4亿: a binary double makes 1639999999.9999998; the decimal does not.
  BOOST_TEST(scale10(*decimal::parse("16.4"), 8).to_string() == "1640000000");
  BOOST_TEST(decimal::parse("0.5")->to_string() == "0.5");
  BOOST_TEST(multiply(*decimal::parse("2.09"), decimal{1, 6})->to_string() == "2090000");
}

// Issue 16: found by recognize_fuzz (seed tests/fuzz/corpus/recognize/regression-issue-16-
// mantissa-add-overflow.md): the multiplication fitted, the added digit overflowed (UB).
BOOST_AUTO_TEST_CASE(issue_16_parse_refuses_a_mantissa_that_overflows_on_its_last_digit) {
  BOOST_TEST(decimal::parse("9223372036854775807").has_value());
  BOOST_TEST(!decimal::parse("9223372036854775808").has_value());
  BOOST_TEST(!decimal::parse("9223372036854775809").has_value());
  BOOST_TEST(!decimal::parse("92233720368547758.09").has_value());
}

BOOST_AUTO_TEST_CASE(decimal_compares_across_exponents) {
  BOOST_TEST(compare(decimal{294, 3}, decimal{294000, 0}) == 0);
  BOOST_TEST(compare(decimal{2935, 2}, decimal{294, 3}) < 0);
  BOOST_TEST(compare(decimal{-1, 0}, decimal{0, 0}) < 0);
  // A mantissa that overflows at the common exponent is simply the larger one.
  BOOST_TEST(compare(decimal{9, 30}, decimal{1, -5}) > 0);
}

BOOST_AUTO_TEST_CASE(decimal_refuses_what_it_cannot_hold) {
  BOOST_TEST(!decimal::parse(std::string(400, '9')).has_value());
  BOOST_TEST(!decimal::parse("1.2.3").has_value());
  BOOST_TEST(!multiply(decimal{999999999999, 0}, decimal{999999999999, 0}).has_value());
}

BOOST_AUTO_TEST_CASE(dates_reject_impossible_days) {
  BOOST_TEST(!civil_date::make(2025, 2, 30).has_value());
  BOOST_TEST(!civil_date::make(2025, 13, 1).has_value());
  BOOST_TEST(civil_date::make(2024, 2, 29).has_value());
  BOOST_TEST(civil_date::parse_iso("2025-09-18")->iso() == "2025-09-18");
  BOOST_TEST(!civil_date::parse_iso("2025-9-18").has_value());
}

BOOST_AUTO_TEST_CASE(document_maps_spans_back_to_original_bytes) {
  document doc;
  doc.text = "AB&CD";
  // "AB" at 10, "&" came from "&amp;" at 12..17, "CD" at 17.
  doc.runs = {{0, 2, 10, 12, true}, {2, 3, 12, 17, false}, {3, 5, 17, 19, true}};
  BOOST_TEST(doc.original_span({0, 2}).begin == 10u);
  BOOST_TEST(doc.original_span({0, 2}).end == 12u);
  BOOST_TEST(doc.original_span({2, 3}).begin == 12u);
  BOOST_TEST(doc.original_span({2, 3}).end == 17u);
  BOOST_TEST(doc.original_span({1, 5}).end == 19u);
}

// Issue 16: a run of characters 3 bytes wide in the text and 2 in the file (GBK), as decoding
// makes: every character maps to its own 2 bytes, and columns count characters.
BOOST_AUTO_TEST_CASE(issue_16_runs_of_wide_characters_map_character_by_character) {
  document doc;
  doc.text = "ab\xE4\xB8\x80\xE4\xBA\x8C\xE4\xB8\x89z";  // ab一二三z
  doc.original = "ab\xD2\xBB\xB6\xFE\xC8\xFDz";
  doc.runs = {{0, 2, 0, 2, true, 1, 1}, {2, 11, 2, 8, true, 3, 2}, {11, 12, 8, 9, true, 1, 1}};
  doc.decoding = doc.runs;
  doc.line_starts = {0};
  BOOST_TEST(doc.original_span({5, 8}).begin == 4u);  // 二
  BOOST_TEST(doc.original_span({5, 8}).end == 6u);
  BOOST_TEST(doc.original_span({2, 12}).end == 9u);
  BOOST_TEST(doc.code_point_column(6) == 5u);  // 三 is the fifth character
  BOOST_TEST(doc.code_point_column(8) == 6u);  // z
}

// Issue 14: reviewdog columns count UTF-8 bytes within the line. In a UTF-8 file that is the
// byte column; in a GBK file each 2-byte Chinese character is 3 bytes once decoded.
BOOST_AUTO_TEST_CASE(issue_14_utf8_columns_count_decoded_bytes) {
  document doc;
  doc.text = "ab\xE4\xB8\x80\xE4\xBA\x8C\xE4\xB8\x89z";  // ab一二三z
  doc.original = "ab\xD2\xBB\xB6\xFE\xC8\xFDz";
  doc.runs = {{0, 2, 0, 2, true, 1, 1}, {2, 11, 2, 8, true, 3, 2}, {11, 12, 8, 9, true, 1, 1}};
  doc.decoding = doc.runs;
  doc.line_starts = {0};
  BOOST_TEST(doc.utf8_column(2) == 3u);  // 一
  BOOST_TEST(doc.utf8_column(6) == 9u);  // 三: after a, b, 一 and 二 (1 + 1 + 3 + 3 bytes)
  BOOST_TEST(doc.utf8_column(8) == 12u);  // z

  // UTF-8, two lines; the second holds an astral character: 4 bytes, one code point.
  document utf8;
  utf8.text = utf8.original = "x\n\xF0\x9F\x98\x80\xE7\xBA\xA6 5 km";  // x / 😀约 5 km
  utf8.line_starts = {0, 2};
  const std::size_t five = utf8.original.find('5');
  BOOST_TEST(utf8.line_column(five).first == 2u);
  BOOST_TEST(utf8.utf8_column(five) == 9u);
  BOOST_TEST(utf8.code_point_column(five) == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
