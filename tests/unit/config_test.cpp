// Issue 4: the project file (factcheck.json) and its schema.
#include <boost/test/unit_test.hpp>

#include "config/config.h"
#include "model/diagnostic.h"

using namespace checker;

BOOST_AUTO_TEST_SUITE(config_stage)

BOOST_AUTO_TEST_CASE(reads_defaults_and_resolves_paths_against_the_file) {
  const project_config project = parse_project(
      "/work/site/factcheck.json",
      R"({"corpus": ["articles", "/abs/drafts"], "out": "build/reports", "formats": ["json"],
          "subjects": [{"name": "Nvidia", "aliases": ["英伟达"]}],
          "lexicon": {"attributes": [{"id": "death_toll", "dims": ["count:person"], "cues": ["遇难", "died"]}]}})");
  const std::vector<std::string> corpus{"/work/site/articles", "/abs/drafts"};
  BOOST_TEST(project.corpus == corpus, boost::test_tools::per_element());
  BOOST_TEST(*project.out == "/work/site/build/reports");
  BOOST_TEST(project.formats == std::vector<std::string>{"json"}, boost::test_tools::per_element());
  lexicon lex = load_builtin_lexicon();
  const std::size_t before = lex.attributes.size();
  apply_project(project, lex);
  BOOST_TEST(lex.attributes.size() == before + 1);
  BOOST_TEST(lex.subject_aliases.at("英伟达") == "Nvidia");
}

BOOST_AUTO_TEST_CASE(issue_13_a_project_file_adds_places) {
  const project_config project = parse_project(
      "/work/site/factcheck.json",
      R"({"lexicon": {"places": [{"id": "TW-HUA-xiulin", "kind": "county", "parent": "TW-HUA",
                                   "names": ["秀林乡", "秀林鄉", "Xiulin Township"]}]}})");
  lexicon lex = load_builtin_lexicon();
  apply_project(project, lex);
  const std::string text = "秀林乡";
  BOOST_REQUIRE(lex.place_at(text, 0).has_value());
  BOOST_TEST(lex.within(*lex.place_at(text, 0), "TW-HUA"));
  BOOST_CHECK_THROW(parse_project("site/factcheck.json", R"({"lexicon": {"places": [{"id": "x", "kind": "city", "names": ["Xx"]}]}})"),
                    error);
}

BOOST_AUTO_TEST_CASE(rejects_bad_json_and_unknown_fields_naming_the_file) {
  for (const std::string& text : {std::string("{ corpus: "), std::string(R"({"colour": "blue"})"),
                                 std::string(R"({"subjects": [{"aliases": ["x"]}]})"),
                                 std::string(R"({"lexicon": {"attributes": [{"id": "x", "dims": ["weight"], "cues": ["重"]}]}})"),
                                 // Found by project_fuzz: a number out of range is a JSON error too, not a crash.
                                 std::string(R"({"subjects": 666666666E6666})")}) {
    BOOST_TEST_CONTEXT(text) {
      try {
        parse_project("site/factcheck.json", text);
        BOOST_FAIL("accepted a broken project file");
      } catch (const error& e) {
        BOOST_TEST(std::string(e.what()).find("site/factcheck.json") != std::string::npos);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_an_error_that_names_it) {
  BOOST_CHECK_EXCEPTION(load_project("/nonexistent/factcheck.json"), error, [](const error& e) {
    return std::string(e.what()).find("/nonexistent/factcheck.json") != std::string::npos;
  });
}

BOOST_AUTO_TEST_SUITE_END()
