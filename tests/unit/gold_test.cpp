// Issue 3: recognition and normalisation measured against the hand-annotated gold files
// tests/data/recognition_gold*.json (issue 12 adds recognition_gold_dates.json). Reports precision
// and recall of recognition and the share of recognised figures whose normalised value and unit
// are exactly right, per file and in total, and fails below 0.95 in any file.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/support.h"

using namespace checker;

namespace {

struct score {
  std::size_t gold = 0;
  std::size_t predicted = 0;
  std::size_t matched = 0;
  std::size_t exact = 0;
  std::size_t sentences = 0;
  void add(const score& other) {
    gold += other.gold;
    predicted += other.predicted;
    matched += other.matched;
    exact += other.exact;
    sentences += other.sentences;
  }
};

double ratio(std::size_t a, std::size_t b) { return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b); }

// Every gold file, in name order: recognition_gold.json, recognition_gold_dates.json, ...
std::vector<std::filesystem::path> gold_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(FACTCHECK_SOURCE_DIR) + "/tests/data")) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("recognition_gold") && name.ends_with(".json")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Scores one gold file; adds to `by_language`.
score score_file(const nlohmann::json& gold, std::map<std::string, score>& by_language) {
  score total;
  for (const auto& item : gold["cases"]) {
    const std::string text = item["text"];
    const run_result run = testing::analyse_text(text, item["published"]);
    const std::string& analysed = run.documents[0].text;
    std::vector<bool> used(run.claims.size(), false);
    score& language = by_language[item["lang"]];
    ++total.sentences;
    std::size_t search_from = 0;
    for (const auto& mention : item["mentions"]) {
      const std::string wanted = mention["text"];
      const std::size_t at = analysed.find(wanted, search_from);
      BOOST_REQUIRE_MESSAGE(at != std::string::npos, "gold mention '" << wanted << "' not in '" << text << "'");
      search_from = at + wanted.size();
      const byte_span span{at, at + wanted.size()};
      ++total.gold;
      ++language.gold;
      std::optional<std::size_t> hit;
      for (std::size_t i = 0; i < run.claims.size() && !hit; ++i) {
        const byte_span got = run.claims[i].found.span;
        if (!used[i] && got.begin < span.end && span.begin < got.end) hit = i;
      }
      if (!hit) {
        BOOST_TEST_MESSAGE(fmt::format("missed: '{}' in '{}'", wanted, text));
        continue;
      }
      used[*hit] = true;
      ++total.matched;
      ++language.matched;
      const claim& c = run.claims[*hit];
      const bool kind_ok = to_string(c.found.kind) == mention["kind"].get<std::string>();
      const bool value_ok = testing::value_text(c) == mention["value"].get<std::string>();
      const bool unit_ok = c.unit == mention["unit"].get<std::string>();
      if (kind_ok && value_ok && unit_ok) {
        ++total.exact;
        ++language.exact;
      } else {
        BOOST_TEST_MESSAGE(fmt::format("inexact: '{}' in '{}': got {} {} {}, want {} {} {}", wanted, text, to_string(c.found.kind),
                                       testing::value_text(c), c.unit, mention["kind"].get<std::string>(),
                                       mention["value"].get<std::string>(), mention["unit"].get<std::string>()));
      }
    }
    for (std::size_t i = 0; i < run.claims.size(); ++i) {
      ++total.predicted;
      ++language.predicted;
      if (!used[i]) BOOST_TEST_MESSAGE(fmt::format("spurious: '{}' in '{}'", run.claims[i].found.text, text));
    }
  }
  return total;
}

std::string figures(const score& s) {
  return fmt::format("{} mentions in {} sentences, precision {:.3f}, recall {:.3f}, exact values {:.3f}", s.gold, s.sentences,
                     ratio(s.matched, s.predicted), ratio(s.matched, s.gold), ratio(s.exact, s.matched));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gold)

BOOST_AUTO_TEST_CASE(issue_3_recognition_precision_recall_and_exact_values) {
  const auto files = gold_files();
  BOOST_REQUIRE(files.size() >= 2u);  // recognition_gold.json and recognition_gold_dates.json (issue 12)
  score total;
  std::map<std::string, score> by_language;
  for (const auto& path : files) {
    std::ifstream in(path);
    BOOST_REQUIRE(in.good());
    const score file = score_file(nlohmann::json::parse(in), by_language);
    std::cout << fmt::format("gold file {}: {}\n", path.filename().string(), figures(file));
    BOOST_TEST_CONTEXT(path.filename().string()) {
      BOOST_TEST(ratio(file.matched, file.predicted) >= 0.95);
      BOOST_TEST(ratio(file.matched, file.gold) >= 0.95);
      BOOST_TEST(ratio(file.exact, file.matched) >= 0.95);
    }
    total.add(file);
  }
  for (const auto& [language, s] : by_language) {
    std::cout << fmt::format("gold {}: {} mentions, precision {:.3f}, recall {:.3f}, exact values {:.3f}\n", language, s.gold,
                             ratio(s.matched, s.predicted), ratio(s.matched, s.gold), ratio(s.exact, s.matched));
  }
  std::cout << fmt::format("gold all: {}\n", figures(total));
  BOOST_TEST(total.gold >= 300u);
  BOOST_TEST(ratio(total.matched, total.predicted) >= 0.95);
  BOOST_TEST(ratio(total.matched, total.gold) >= 0.95);
  BOOST_TEST(ratio(total.exact, total.matched) >= 0.95);
}

BOOST_AUTO_TEST_SUITE_END()
