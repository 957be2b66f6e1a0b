#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "ingest/ingest.h"

using namespace checker;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp folder, removed at the end of the test.
struct temp_folder {
  fs::path path;
  explicit temp_folder(const std::string& name) : path(fs::temp_directory_path() / ("factcheck-test-" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~temp_folder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return (path / name).string();
  }
};

bool has_diagnostic(const diagnostics& diags, const std::string& id) {
  for (const auto& d : diags) {
    if (d.id == id) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest)

BOOST_AUTO_TEST_CASE(reads_front_matter_and_maps_body_offsets) {
  const std::string file = "---\nsource: 证券时报\npublished: 2025-09-18\ntitle: \"R1\"\n---\nR1的训练总成本为29.4万美元。\n";
  diagnostics diags;
  auto doc = ingest_bytes("a.md", file, document_format::markdown, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->metadata.source.value == "证券时报");
  BOOST_TEST(doc->metadata.title.value == "R1");
  BOOST_TEST(doc->published->iso() == "2025-09-18");
  BOOST_TEST((doc->metadata.published.origin == field_origin::front_matter));
  const std::size_t at = doc->text.find("29.4");
  const byte_span original = doc->original_span({at, at + 4});
  BOOST_TEST(file.substr(original.begin, original.size()) == "29.4");
}

BOOST_AUTO_TEST_CASE(unclosed_front_matter_is_reported_and_read_as_text) {
  diagnostics diags;
  auto doc = ingest_bytes("a.md", "---\nsource: x\nR1发布于2025年1月20日。\n", document_format::markdown, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(has_diagnostic(diags, "ingest.bad-front-matter"));
  BOOST_TEST(doc->text.find("2025年1月20日") != std::string::npos);
  BOOST_TEST(!doc->metadata.source.present());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_and_the_rest_is_kept) {
  const std::string file = "abc\xFF\xFE" "def 成本为29.4万美元";
  diagnostics diags;
  auto doc = ingest_bytes("bad.txt", file, document_format::text, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_REQUIRE(has_diagnostic(diags, "ingest.invalid-utf8"));
  BOOST_TEST(*diags.front().offset == 3u);
  BOOST_TEST(doc->text.find("\xEF\xBF\xBD") != std::string::npos);
  const std::size_t at = doc->text.find("29.4");
  const byte_span original = doc->original_span({at, at + 4});
  BOOST_TEST(file.substr(original.begin, original.size()) == "29.4");
}

BOOST_AUTO_TEST_CASE(binary_and_empty_files_are_skipped_with_a_reason) {
  diagnostics diags;
  BOOST_TEST(!ingest_bytes("x.txt", std::string("ab\0cd", 5), document_format::text, diags).has_value());
  BOOST_TEST(has_diagnostic(diags, "ingest.binary"));
  BOOST_TEST(!ingest_bytes("y.txt", "  \n\n", document_format::text, diags).has_value());
  BOOST_TEST(has_diagnostic(diags, "ingest.empty"));
}

BOOST_AUTO_TEST_CASE(html_drops_scripts_styles_and_navigation) {
  const std::string page =
      "<html><head><title>DeepSeek成本</title><meta property=\"article:published_time\" content=\"2025-09-19T08:00:00+08:00\">"
      "<style>p{color:red}</style><script>var cost = 999;</script></head><body>"
      "<nav>首页 &gt; 资讯 2024年1月1日</nav><div class=\"related-posts\">相关文章 100万</div>"
      "<p>R1的训练成本为29.4万美元&#xff0c; 约合人民币209万元。</p><footer>联系电话 400-800-8888</footer></body></html>";
  diagnostics diags;
  auto doc = ingest_bytes("page.html", page, document_format::html, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->text.find("var cost") == std::string::npos);
  BOOST_TEST(doc->text.find("color") == std::string::npos);
  BOOST_TEST(doc->text.find("首页") == std::string::npos);
  BOOST_TEST(doc->text.find("相关文章") == std::string::npos);
  BOOST_TEST(doc->text.find("联系电话") == std::string::npos);
  BOOST_TEST(doc->text.find("29.4万美元， 约合") != std::string::npos);  // &#xff0c; decoded
  BOOST_TEST(doc->metadata.title.value == "DeepSeek成本");
  BOOST_TEST(doc->published->iso() == "2025-09-19");
  const std::size_t at = doc->text.find("29.4");
  const byte_span original = doc->original_span({at, at + 4});
  BOOST_TEST(page.substr(original.begin, original.size()) == "29.4");
}

BOOST_AUTO_TEST_CASE(deeply_nested_html_does_not_exhaust_the_stack) {
  std::string page;
  for (int i = 0; i < 50000; ++i) page += "<div>";
  page += "深处有512张H800";
  diagnostics diags;
  auto doc = ingest_bytes("deep.html", page, document_format::html, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->text.find("512张H800") != std::string::npos);
  bool flattened = false;
  for (const auto& d : diags) flattened = flattened || d.id == "ingest.deep-html";
  BOOST_TEST(flattened);
}

BOOST_AUTO_TEST_CASE(infers_the_date_and_outlet_from_a_byline) {
  // The shape of a page saved as text: summary first, title and byline at the end.
  diagnostics diags;
  auto doc = ingest_bytes("s.txt", "The R1 model was trained for 80 hours.\nDeepSeek打破历史\n证券时报·2025-09-18 04:51",
                          document_format::text, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->published->iso() == "2025-09-18");
  BOOST_TEST((doc->metadata.published.origin == field_origin::inferred));
  BOOST_TEST(doc->metadata.published.evidence == "证券时报·2025-09-18 04:51");
  BOOST_TEST(doc->metadata.source.value == "证券时报");
}

BOOST_AUTO_TEST_CASE(without_any_date_says_so) {
  diagnostics diags;
  auto doc = ingest_bytes("n.txt", "自今年年初发布R1以来，外界一直关注R2。", document_format::text, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(!doc->published.has_value());
  BOOST_TEST(has_diagnostic(diags, "ingest.no-date"));
}

BOOST_AUTO_TEST_CASE(reads_folders_in_sorted_order_with_manifest_metadata) {
  temp_folder folder("manifest");
  folder.write("b.md", "R1于2025年1月20日发布。");
  folder.write("a.txt", "DeepSeek released R1 on January 20, 2025.");
  folder.write("notes.csv", "ignored,1,2");
  folder.write("corpus.json", R"({"documents": {"b.md": {"source": "观察者网", "published": "2025-09-19"}}})");
  diagnostics diags;
  auto result = ingest_paths({folder.path.string()}, ingest_options{}, diags);
  BOOST_REQUIRE(result.documents.size() == 2u);
  BOOST_TEST(result.documents[0].id == "a.txt");
  BOOST_TEST(result.documents[1].id == "b.md");
  BOOST_TEST(result.documents[1].metadata.source.value == "观察者网");
  BOOST_TEST((result.documents[1].metadata.source.origin == field_origin::manifest));
  BOOST_TEST(result.skipped.empty());
}

BOOST_AUTO_TEST_CASE(a_broken_manifest_is_reported_and_the_documents_still_read) {
  temp_folder folder("broken-manifest");
  folder.write("a.md", "R1于2025年1月20日发布。");
  folder.write("corpus.json", "{\"documents\": [");
  diagnostics diags;
  auto result = ingest_paths({folder.path.string()}, ingest_options{}, diags);
  BOOST_TEST(result.documents.size() == 1u);
  BOOST_REQUIRE(has_diagnostic(diags, "ingest.bad-manifest"));
  for (const auto& d : diags) {
    if (d.id == "ingest.bad-manifest") BOOST_TEST(d.file.find("corpus.json") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(bad_paths_are_skipped_with_clear_reasons) {
  temp_folder folder("bad-paths");
  const std::string pdf = folder.write("report.pdf", "%PDF-1.4");
  const std::string docx = folder.write("report.docx", "PK");  // issue 16: not a zip after all
  fs::create_directories(folder.path / "empty");
  fs::create_directory_symlink(folder.path, folder.path / "empty" / "loop");  // a link loop
  diagnostics diags;
  auto result = ingest_paths({(folder.path / "missing.md").string(), pdf, docx, (folder.path / "empty").string()},
                             ingest_options{}, diags);
  BOOST_TEST(result.documents.empty());
  BOOST_TEST(has_diagnostic(diags, "ingest.not-found"));
  BOOST_TEST(has_diagnostic(diags, "ingest.unknown-format"));
  BOOST_TEST(has_diagnostic(diags, "ingest.bad-package"));
  BOOST_TEST(has_diagnostic(diags, "ingest.no-documents"));
  BOOST_TEST(result.skipped.size() == 4u);
}

BOOST_AUTO_TEST_CASE(files_over_the_size_limit_are_refused) {
  temp_folder folder("too-large");
  const std::string big = folder.write("big.txt", std::string(2048, 'a'));
  diagnostics diags;
  ingest_options options;
  options.max_file_bytes = 1024;
  auto result = ingest_paths({big}, options, diags);
  BOOST_TEST(result.documents.empty());
  BOOST_TEST(has_diagnostic(diags, "ingest.too-large"));
}

// Found by ingest_fuzz: gumbo decodes an out-of-range numeric reference into bytes that are not
// UTF-8, which made report.json throw. Text and title are valid UTF-8, the figure still maps.
BOOST_AUTO_TEST_CASE(out_of_range_character_references_become_replacement_characters) {
  diagnostics diags;
  const std::string html = "<title>&#12222222222;标题</title><p>&#99999999999;R1的训练成本为29.4万美元。</p>";
  auto doc = ingest_bytes("ref.html", html, document_format::html, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->text.find("\xEF\xBF\xBD" "R1的训练成本为29.4万美元") != std::string::npos, doc->text);
  BOOST_TEST(doc->metadata.title.value.find("标题") != std::string::npos);
  for (const std::string* s : {&doc->text, &doc->metadata.title.value}) {
    for (std::size_t i = 0; i < s->size(); ++i) BOOST_TEST(static_cast<unsigned char>((*s)[i]) < 0xF8u);
  }
  const std::size_t figure = doc->text.find("29.4万美元");
  const byte_span original = doc->original_span(byte_span{figure, figure + std::string("29.4万美元").size()});
  BOOST_TEST(html.substr(original.begin, original.size()) == "29.4万美元");
}

// Ingest with several threads gives the same documents and diagnostics, in the same order.
BOOST_AUTO_TEST_CASE(reading_on_several_threads_gives_the_same_result) {
  temp_folder folder("threads");
  for (int i = 0; i < 40; ++i) {
    folder.write("doc" + std::to_string(i) + ".md", "---\npublished: 2025-09-18\n---\nR1的训练成本为" + std::to_string(i) + "万美元。\n");
  }
  folder.write("bad.txt", std::string("R1\xFF", 3));
  folder.write("empty.md", "");
  ingest_options one;
  one.jobs = 1;
  ingest_options four;
  four.jobs = 4;
  diagnostics diags_one, diags_four;
  const auto first = ingest_paths({folder.path.string()}, one, diags_one);
  const auto second = ingest_paths({folder.path.string()}, four, diags_four);
  BOOST_REQUIRE(first.documents.size() == second.documents.size());
  for (std::size_t i = 0; i < first.documents.size(); ++i) {
    BOOST_TEST(first.documents[i].id == second.documents[i].id);
    BOOST_TEST(first.documents[i].text == second.documents[i].text);
  }
  BOOST_TEST((diags_one == diags_four));
  BOOST_TEST(diags_one.size() >= 2u);
  BOOST_TEST(first.skipped.size() == second.skipped.size());
}

BOOST_AUTO_TEST_SUITE_END()
