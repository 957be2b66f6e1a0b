#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "lexicon/embedded.h"
#include "lexicon/lexicon.h"
#include "lexicon/schema.h"

using namespace checker;

BOOST_AUTO_TEST_SUITE(lexicon_data)

BOOST_AUTO_TEST_CASE(shipped_lexicon_matches_its_schema) {
  const auto data = nlohmann::json::parse(*embedded_file("lexicon.json"));
  BOOST_TEST(validate_against("lexicon.schema.json", data).empty());
  const lexicon lex = load_builtin_lexicon();
  BOOST_TEST(!lex.attributes.empty());
  BOOST_TEST(lex.is_not_subject("GPU"));
  BOOST_TEST(!lex.is_not_subject("DeepSeek"));
}

BOOST_AUTO_TEST_CASE(schema_rejects_a_broken_entry) {
  auto data = nlohmann::json::parse(*embedded_file("lexicon.json"));
  data["currencies"][0]["code"] = "dollars";  // not an ISO 4217 code
  BOOST_TEST(!validate_against("lexicon.schema.json", data).empty());
}

BOOST_AUTO_TEST_CASE(word_set_matches_longest_first) {
  word_set words;
  words.add("元", 1);
  words.add("元人民币", 2);
  const std::string text = "209万元人民币";
  auto at = words.longest_at(text, text.find("元"));
  BOOST_REQUIRE(at.has_value());
  BOOST_TEST(at->payload == 2u);
  auto ending = words.longest_ending_at(text, text.size());
  BOOST_REQUIRE(ending.has_value());
  BOOST_TEST(ending->payload == 2u);
}

BOOST_AUTO_TEST_CASE(project_entries_extend_the_lexicon) {
  lexicon lex = load_builtin_lexicon();
  const std::size_t before = lex.attributes.size();
  extend_lexicon(lex, nlohmann::json::parse(R"({"attributes": [{"id": "death_toll", "dims": ["count"], "cues": ["遇难", "killed"]}]})"));
  BOOST_TEST(lex.attributes.size() == before + 1);
  const std::string text = "已有12人遇难";
  BOOST_TEST(lex.attribute_cues.longest_at(text, text.find("遇难")).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
