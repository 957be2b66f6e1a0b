// Issue 16: real text read from legacy encodings gives the same claims, at the same lines and
// columns, and the same findings as the UTF-8 original. Documents of corpus/ and, where
// ../shared/realnews exists, of four of its clusters are converted at test time with ICU to
// GB18030, GBK, Big5 (where every character has a Big5 form) and UTF-16LE/BE with a byte order
// mark, then read twice: letting ingest choose the encoding, and with it forced.
// https://factcheck.invalid/issues/16
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>
#include <iterator>

#include "ingest/ingest.h"
#include "support/convert.h"
#include "support/support.h"

using namespace checker;

namespace {

struct source_text {
  std::string id;
  std::string group;  // corpus or the realnews cluster
  std::string utf8;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The validation clusters (myanmar-earthquake-2025, china-gdp-2024) are never read.
std::vector<source_text> sources() {
  std::vector<source_text> out;
  for (const std::string& path : testing::files_in(FACTCHECK_SOURCE_DIR "/corpus")) {
    out.push_back({path.substr(path.rfind('/') + 1), "corpus", read_file(path)});
  }
  for (const char* cluster : {"black-myth-wukong-2024", "nezha2-box-office-2025", "hualien-earthquake-2024",
                              "change6-lunar-samples-2024"}) {
    for (const std::string& path : testing::files_in(std::string(FACTCHECK_SOURCE_DIR "/../shared/realnews/") + cluster + "/docs")) {
      out.push_back({path.substr(path.rfind('/') + 1), cluster, read_file(path)});
    }
  }
  return out;
}

std::size_t non_ascii_characters(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) == 0xC0 ? 1 : 0;
  return n;
}

document_format format_of(const std::string& id) {
  return id.size() > 3 && id.substr(id.size() - 3) == ".md" ? document_format::markdown : document_format::text;
}

// Each claim as `text = value @line:column`, in order.
std::vector<std::string> claims_of(const run_result& run) {
  std::vector<std::string> out;
  for (const claim& c : run.claims) {
    const document& doc = run.documents[c.document];
    out.push_back(c.found.text + " = " + testing::dump(c) + " @" + std::to_string(doc.line_column(c.original_span.begin).first) +
                  ":" + std::to_string(doc.code_point_column(c.original_span.begin)) + " " + c.subject + "/" + c.attribute);
  }
  return out;
}

std::vector<std::string> findings_of(const run_result& run) {
  std::vector<std::string> out;
  for (const finding& f : run.findings) {
    std::string line = f.rule + " " + f.subject + "/" + f.attribute + ":";
    for (std::size_t k : f.claims) line += " " + run.claims[k].found.text;
    out.push_back(line);
  }
  return out;
}

struct target {
  std::string converter;  // what the test converts with
  std::string mark;       // byte order mark written before the text
  std::string read_as;    // the encoding ingest should report
};

const std::vector<target> targets{{"GB18030", "", "GB18030"},
                                  {"GBK", "", "GB18030"},
                                  {"Big5", "", "Big5"},
                                  {"UTF-16LE", "\xFF\xFE", "UTF-16LE"},
                                  {"UTF-16BE", "\xFE\xFF", "UTF-16BE"}};

document read(const source_text& source, const std::string& bytes, const std::string& forced = {}) {
  diagnostics diags;
  auto doc = ingest_bytes(source.id, bytes, format_of(source.id), diags, forced);
  BOOST_REQUIRE_MESSAGE(doc.has_value(), source.id);
  return *doc;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(issue_16_real_text)

BOOST_AUTO_TEST_CASE(issue_16_claims_and_positions_survive_every_encoding) {
  const std::vector<source_text> all = sources();
  BOOST_REQUIRE(all.size() >= 5u);
  std::size_t compared = 0;
  std::size_t detected = 0;
  for (const source_text& source : all) {
    const run_result original = testing::analyse({read(source, source.utf8)});
    const std::vector<std::string> expected = claims_of(original);
    for (const target& t : targets) {
      const auto converted = testing::to_encoding(source.utf8, t.converter);
      if (!converted || *converted == source.utf8) continue;  // not representable, or pure ASCII
      const std::string bytes = t.mark + *converted;
      BOOST_TEST_CONTEXT(source.group << "/" << source.id << " in " << t.converter) {
        const document chosen = read(source, bytes);
        // Enough Chinese for ICU's detector (or a byte order mark): it must name the encoding.
        // English text with a few curly quotes is left to --encoding (the detector abstains).
        if (!t.mark.empty() || non_ascii_characters(source.utf8) >= 40) {
          BOOST_TEST(chosen.encoding == t.read_as);
          if (chosen.encoding == t.read_as) {
            BOOST_TEST(claims_of(testing::analyse({chosen})) == expected, boost::test_tools::per_element());
            ++detected;
          }
        }
        const document forced = read(source, bytes, t.converter);
        BOOST_TEST(forced.encoding == t.read_as);
        BOOST_TEST(claims_of(testing::analyse({forced})) == expected, boost::test_tools::per_element());
        ++compared;
      }
    }
  }
  BOOST_TEST_MESSAGE("issue 16: " << compared << " conversions compared, " << detected << " read without --encoding");
  BOOST_TEST(compared >= 10u);
}

// The cluster read together: a GB18030 file with enough Chinese is detected, the others (English
// with a few curly quotes) named with --encoding, as a user would; UTF-16 has its mark.
BOOST_AUTO_TEST_CASE(issue_16_findings_survive_gb18030_and_utf16) {
  std::map<std::string, std::vector<source_text>> groups;
  for (source_text& s : sources()) groups[s.group].push_back(std::move(s));
  for (const auto& [group, members] : groups) {
    for (const std::string converter : {"GB18030", "UTF-16LE"}) {
      BOOST_TEST_CONTEXT(group << " in " << converter) {
        std::vector<document> originals;
        std::vector<document> converted;
        for (const source_text& s : members) {
          originals.push_back(read(s, s.utf8));
          const auto bytes = testing::to_encoding(s.utf8, converter);
          const bool named = converter == "GB18030" && non_ascii_characters(s.utf8) < 40;
          converted.push_back(bytes ? read(s, (converter == "UTF-16LE" ? "\xFF\xFE" : "") + *bytes, named ? converter : "")
                                    : originals.back());
        }
        const run_result before = testing::analyse(std::move(originals));
        const run_result after = testing::analyse(std::move(converted));
        BOOST_TEST(findings_of(after) == findings_of(before), boost::test_tools::per_element());
        BOOST_TEST(claims_of(after) == claims_of(before), boost::test_tools::per_element());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(issue_16_a_docx_made_from_a_corpus_document_gives_its_claims) {
  // The body of a corpus document, one line a paragraph; its front matter in the core
  // properties' place is kept as front matter (it wins there too).
  const std::string utf8 = read_file(FACTCHECK_SOURCE_DIR "/corpus/zh-guancha-training-cost.md");
  diagnostics diags;
  auto md = ingest_bytes("zh-guancha-training-cost", utf8, document_format::markdown, diags);
  auto docx = ingest_bytes("zh-guancha-training-cost", testing::make_docx(utf8), document_format::docx, diags);
  BOOST_REQUIRE(md.has_value());
  BOOST_REQUIRE(docx.has_value());
  const run_result from_md = testing::analyse({*md});
  const run_result from_docx = testing::analyse({*docx});
  BOOST_REQUIRE(!from_md.claims.empty());
  BOOST_REQUIRE(from_docx.claims.size() == from_md.claims.size());
  for (std::size_t i = 0; i < from_md.claims.size(); ++i) {
    const claim& a = from_md.claims[i];
    const claim& b = from_docx.claims[i];
    BOOST_TEST(b.found.text == a.found.text);
    BOOST_TEST(testing::dump(b) == testing::dump(a));
    BOOST_TEST(b.subject == a.subject);
    // The markdown has no blank-line paragraphs of its own beyond its lines, so paragraph N
    // of the .docx is line N of the file.
    BOOST_TEST(docx->line_column(b.original_span.begin).first == md->line_column(a.original_span.begin).first);
    BOOST_TEST(docx->code_point_column(b.original_span.begin) == md->code_point_column(a.original_span.begin));
  }
}

BOOST_AUTO_TEST_SUITE_END()
