// Issue 16, end to end: the corpus stored in GB18030 and UTF-16 gives the same claims and
// findings as in UTF-8 and says how each file was read; --encoding forces one (an unknown name
// is a usage error); a draft piped in on standard input; a .docx draft; a broken .docx is named
// and the run goes on.
// https://factcheck.invalid/issues/16
#include <set>
#include <sstream>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "e2e/cli_support.h"
#include "lexicon/schema.h"
#include "support/convert.h"

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The claim lines of `extract` output, parsed (diagnostics share the stream).
std::vector<nlohmann::json> claim_lines(const std::string& out) {
  std::vector<nlohmann::json> claims;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.front() == '{') claims.push_back(nlohmann::json::parse(line));
  }
  return claims;
}

// What must not change with the encoding: the figure, its value and its fact.
std::vector<std::string> essence(const std::vector<nlohmann::json>& claims) {
  std::vector<std::string> out;
  for (const auto& c : claims) out.push_back(c["text"].dump() + c["value"].dump() + c["subject"].dump() + c["attribute"].dump());
  return out;
}

std::multiset<std::string> findings_of(const nlohmann::json& report) {
  std::multiset<std::string> out;
  for (const auto& f : report["findings"]) {
    std::string line = f["kind"].get<std::string>() + " " + f["subject"].get<std::string>() + "/" + f["attribute"].get<std::string>();
    for (const auto& c : f["claims"]) line += " " + c["text"].get<std::string>();
    out.insert(line);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(issue_16_cli)

BOOST_AUTO_TEST_CASE(issue_16_corpus_in_gb18030_and_utf16_gives_the_same_report) {
  const fs::path in = scratch("issue16-encoded");
  const fs::path corpus = fs::path(FACTCHECK_SOURCE_DIR) / "corpus";
  for (const auto& entry : fs::directory_iterator(corpus)) {
    const std::string text = slurp(entry.path());
    const std::string name = entry.path().filename().string();
    // Chinese files as GB18030 (found by the detector), English ones as UTF-16LE with a mark.
    const std::string bytes = name.rfind("zh-", 0) == 0 ? *checker::testing::to_encoding(text, "GB18030")
                                                         : "\xFF\xFE" + *checker::testing::to_encoding(text, "UTF-16LE");
    std::ofstream(in / name, std::ios::binary) << bytes;
  }
  const fs::path out_utf8 = scratch("issue16-out-utf8");
  const fs::path out_encoded = scratch("issue16-out-encoded");
  const outcome a = run("check corpus --format json --out " + quote(out_utf8.string()));
  const outcome b = run("check " + quote(in.string()) + " --format json --out " + quote(out_encoded.string()));
  BOOST_TEST(a.exit_code == b.exit_code, b.out);
  const nlohmann::json ra = read_json(out_utf8 / "report.json");
  const nlohmann::json rb = read_json(out_encoded / "report.json");
  BOOST_TEST(checker::validate_against("report.schema.json", rb).empty());
  BOOST_TEST(findings_of(ra) == findings_of(rb));
  BOOST_TEST(ra["claims"].size() == rb["claims"].size());
  for (const auto& doc : rb["documents"]) {
    const std::string id = doc["id"];
    BOOST_TEST_CONTEXT(id) {
      BOOST_TEST(doc["encoding"]["name"] == (id.rfind("zh-", 0) == 0 ? "GB18030" : "UTF-16LE"));
      BOOST_TEST(doc["encoding"]["origin"] == (id.rfind("zh-", 0) == 0 ? "detected" : "bom"));
    }
  }
  for (const auto& doc : ra["documents"]) BOOST_TEST(doc["encoding"]["origin"] == "default");
}

BOOST_AUTO_TEST_CASE(issue_16_extract_says_how_a_file_was_read) {
  const fs::path in = scratch("issue16-extract");
  const std::string text = slurp(fs::path(FACTCHECK_SOURCE_DIR) / "corpus" / "zh-guancha-training-cost.md");
  std::ofstream(in / "gb.md", std::ios::binary) << *checker::testing::to_encoding(text, "GB18030");
  const outcome original = run("extract corpus/zh-guancha-training-cost.md");
  const outcome detected = run("extract " + quote((in / "gb.md").string()));
  const outcome forced = run("extract --encoding GBK " + quote((in / "gb.md").string()));
  BOOST_TEST(detected.exit_code == 0, detected.out);
  const auto want = essence(claim_lines(original.out));
  BOOST_REQUIRE(!want.empty());
  BOOST_TEST(essence(claim_lines(detected.out)) == want, boost::test_tools::per_element());
  BOOST_TEST(essence(claim_lines(forced.out)) == want, boost::test_tools::per_element());
  for (const auto& c : claim_lines(detected.out)) {
    BOOST_TEST(checker::validate_against("claim.schema.json", c).empty());
    BOOST_TEST(c["encoding"]["name"] == "GB18030");
    BOOST_TEST(c["encoding"]["origin"] == "detected");
  }
  for (const auto& c : claim_lines(forced.out)) BOOST_TEST(c["encoding"]["origin"] == "forced");
  for (const auto& c : claim_lines(original.out)) BOOST_TEST(c["encoding"]["name"] == "UTF-8");
}

BOOST_AUTO_TEST_CASE(issue_16_an_unknown_encoding_name_is_a_usage_error) {
  const outcome check = run("check corpus --encoding klingon-8 --out " + quote(scratch("issue16-bad-encoding").string()));
  BOOST_TEST(check.exit_code == 2);
  BOOST_TEST(check.out.find("unknown encoding 'klingon-8'") != std::string::npos, check.out);
  const outcome extract = run("extract --encoding klingon-8 corpus");
  BOOST_TEST(extract.exit_code == 2);
}

BOOST_AUTO_TEST_CASE(issue_16_a_draft_piped_in_on_standard_input) {
  const fs::path in = scratch("issue16-stdin");
  std::ofstream(in / "draft.md") << "---\npublished: 2025-01-28\n---\nDeepSeek发布R1，训练成本为600万美元。\n";
  const fs::path out = scratch("issue16-stdin-out");
  const outcome piped = run("check corpus --draft - --stdin-name my-draft.md --format json --out " + quote(out.string()) +
                            " < " + quote((in / "draft.md").string()));
  BOOST_TEST(piped.exit_code != 2, piped.out);
  const nlohmann::json report = read_json(out / "report.json");
  bool found = false;
  for (const auto& doc : report["documents"]) {
    if (doc["id"] == "my-draft.md") {
      found = true;
      BOOST_TEST(doc["draft"] == true);
      BOOST_TEST(doc["format"] == "markdown");
    }
  }
  BOOST_TEST(found);
  const outcome extract = run("extract - < " + quote((in / "draft.md").string()));
  BOOST_TEST(extract.exit_code == 0, extract.out);
  const auto claims = claim_lines(extract.out);
  BOOST_REQUIRE(!claims.empty());
  BOOST_TEST(claims.front()["document"] == "stdin");
}

BOOST_AUTO_TEST_CASE(issue_16_a_docx_draft_and_a_broken_one) {
  const fs::path in = scratch("issue16-docx");
  const std::string text = slurp(fs::path(FACTCHECK_SOURCE_DIR) / "corpus" / "zh-guancha-training-cost.md");
  std::ofstream(in / "draft.docx", std::ios::binary) << checker::testing::make_docx(text);
  std::ofstream(in / "broken.docx", std::ios::binary) << "this was never a zip";
  std::ofstream(in / "good.md") << "---\npublished: 2025-09-18\n---\nR1的训练成本为29.4万美元。\n";
  const outcome original = run("extract corpus/zh-guancha-training-cost.md");
  const outcome docx = run("extract " + quote((in / "draft.docx").string()));
  BOOST_TEST(essence(claim_lines(docx.out)) == essence(claim_lines(original.out)), boost::test_tools::per_element());
  const outcome folder = run("extract " + quote(in.string()));
  BOOST_TEST(folder.exit_code == 0, folder.out);
  BOOST_TEST(folder.out.find("broken.docx: is not a Word .docx file") != std::string::npos, folder.out);
  BOOST_TEST(folder.out.find("[ingest.bad-package]") != std::string::npos, folder.out);
  bool good_read = false;
  for (const auto& c : claim_lines(folder.out)) good_read = good_read || c["document"] == "good.md";
  BOOST_TEST(good_read);
}

BOOST_AUTO_TEST_SUITE_END()
