#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "ingest/ingest.h"
#include "support/convert.h"

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

// Issue 15: a walked file's id is its path under the folder as given, taken lexically (no
// readlink or stat per component); however the folder is spelled, the ids are the same, so an
// archive add of the same folder finds its documents unchanged. A symbolic link keeps the id of
// the file it resolves to, as before (here the linked file's, so both are named by their paths).
BOOST_AUTO_TEST_CASE(issue_15_folder_ids_do_not_depend_on_how_the_folder_is_written) {
  temp_folder folder("spelled-ids");
  fs::create_directories(folder.path / "sub");
  folder.write("a.md", "青禾X3的售价为2999元。");
  folder.write("sub/c.md", "The Qinghe X3 is priced at 2,999 yuan.");
  for (const std::string& root : {folder.path.string(), folder.path.string() + "/", (folder.path / "sub" / "..").string(),
                                  (folder.path / ".").string()}) {
    diagnostics diags;
    const auto result = ingest_paths({root}, ingest_options{}, diags);
    BOOST_TEST_REQUIRE(result.documents.size() == 2u, root);
    BOOST_TEST(result.documents[0].id == "a.md", root);
    BOOST_TEST(result.documents[1].id == "sub/c.md", root);
  }
  fs::create_symlink(fs::path("sub") / "c.md", folder.path / "link.md");
  diagnostics diags;
  const auto result = ingest_paths({folder.path.string()}, ingest_options{}, diags);
  BOOST_TEST_REQUIRE(result.documents.size() == 3u);
  BOOST_TEST(result.documents[0].id == (folder.path / "link.md").string());
  BOOST_TEST(result.documents[1].id == (folder.path / "sub" / "c.md").string());
  BOOST_TEST(result.documents[2].id == "a.md");
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

// Issue 16 (reading news as it is actually stored): encodings, Word drafts, standard input.
// https://factcheck.invalid/issues/16
namespace {

// The bytes of `doc`'s original file that the span of `needle` in its text maps to.
std::string original_of(const document& doc, const std::string& needle) {
  const std::size_t at = doc.text.find(needle);
  BOOST_REQUIRE(at != std::string::npos);
  const byte_span span = doc.original_span({at, at + needle.size()});
  return doc.original.substr(span.begin, span.size());
}

std::pair<std::size_t, std::size_t> where(const document& doc, const std::string& needle) {
  const std::size_t at = doc.text.find(needle);
  BOOST_REQUIRE(at != std::string::npos);
  const std::size_t offset = doc.original_span({at, at + needle.size()}).begin;
  return {doc.line_column(offset).first, doc.code_point_column(offset)};
}

// Two Simplified lines and an English one, with figures in the middle of lines.
const std::string simplified =
    "---\npublished: 2024-04-03\n---\n"
    "据统计，该片首周末票房约为12.5亿元，观影人次超过3100万。\n"
    "In its second week the film earned another 8 billion yuan.\n"
    "截至3日下午，累计票房达到人民币45.6亿元。\n";
const std::string traditional = "花蓮外海發生規模7.2地震，已造成9人死亡、逾900人受傷。\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(issue_16_encodings)

BOOST_AUTO_TEST_CASE(issue_16_gb18030_is_detected_and_spans_point_at_its_bytes) {
  const std::string gb = *testing::to_encoding(simplified, "GB18030");
  diagnostics diags;
  auto doc = ingest_bytes("gb.md", gb, document_format::markdown, diags);
  auto utf8 = ingest_bytes("gb.md", simplified, document_format::markdown, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->encoding == "GB18030");
  BOOST_TEST(to_string(doc->encoding_chosen_by) == "detected");
  BOOST_TEST(doc->text == utf8->text);
  BOOST_TEST(doc->published->iso() == "2024-04-03");
  BOOST_TEST(original_of(*doc, "45.6亿元") == *testing::to_encoding("45.6亿元", "GB18030"));
  BOOST_TEST(original_of(*doc, "3100万") == *testing::to_encoding("3100万", "GB18030"));
  for (const std::string needle : {"12.5亿元", "8 billion", "45.6亿元", "3100万"}) {
    BOOST_TEST_CONTEXT(needle) { BOOST_TEST((where(*doc, needle) == where(*utf8, needle))); }
  }
  BOOST_TEST(diags.empty());
}

BOOST_AUTO_TEST_CASE(issue_16_big5_is_detected_and_columns_count_characters) {
  const std::string big5 = *testing::to_encoding(traditional + traditional, "Big5");
  diagnostics diags;
  auto doc = ingest_bytes("big5.txt", big5, document_format::text, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->encoding == "Big5");
  BOOST_TEST(doc->text.find("規模7.2地震") != std::string::npos);
  BOOST_TEST((where(*doc, "7.2") == std::pair<std::size_t, std::size_t>{1, 9}));
  BOOST_TEST(original_of(*doc, "逾900人") == *testing::to_encoding("逾900人", "Big5"));
}

BOOST_AUTO_TEST_CASE(issue_16_utf16_with_a_byte_order_mark_is_read_not_skipped_as_binary) {
  for (const auto& [name, mark] : {std::pair<std::string, std::string>{"UTF-16LE", "\xFF\xFE"}, {"UTF-16BE", "\xFE\xFF"}}) {
    BOOST_TEST_CONTEXT(name) {
      const std::string bytes = mark + *testing::to_encoding(simplified, name);
      diagnostics diags;
      auto doc = ingest_bytes("wide.md", bytes, document_format::markdown, diags);
      BOOST_REQUIRE(doc.has_value());
      BOOST_TEST(doc->encoding == name);
      BOOST_TEST(to_string(doc->encoding_chosen_by) == "bom");
      BOOST_TEST(doc->published->iso() == "2024-04-03");
      BOOST_TEST((where(*doc, "45.6亿元") == std::pair<std::size_t, std::size_t>{6, 17}));
      BOOST_TEST(original_of(*doc, "8 billion") == *testing::to_encoding("8 billion", name));
    }
  }
}

BOOST_AUTO_TEST_CASE(issue_16_declarations_choose_the_encoding) {
  diagnostics diags;
  const std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                           "<title>票房</title></head><body><p>首日票房为4.8亿元。</p></body></html>";
  auto html = ingest_bytes("a.html", *testing::to_encoding(page, "GB18030"), document_format::html, diags);
  BOOST_REQUIRE(html.has_value());
  BOOST_TEST(html->encoding == "GB18030");
  BOOST_TEST(to_string(html->encoding_chosen_by) == "meta");
  BOOST_TEST(html->metadata.title.value == "票房");
  BOOST_TEST(original_of(*html, "4.8亿元") == *testing::to_encoding("4.8亿元", "GB18030"));

  const std::string front = "---\nencoding: big5\n---\n" + traditional;
  auto text = ingest_bytes("b.md", *testing::to_encoding(front, "Big5"), document_format::markdown, diags);
  BOOST_REQUIRE(text.has_value());
  BOOST_TEST(to_string(text->encoding_chosen_by) == "front_matter");
  BOOST_TEST(text->text == traditional);
  BOOST_TEST((where(*text, "9人") == std::pair<std::size_t, std::size_t>{4, 18}));
  for (const diagnostic& d : diags) BOOST_TEST((d.level == diagnostic_level::note), d.id);
}

BOOST_AUTO_TEST_CASE(issue_16_forced_encoding_wins) {
  diagnostics diags;
  const std::string big5 = *testing::to_encoding(traditional, "Big5");
  auto doc = ingest_bytes("c.txt", big5, document_format::text, diags, "big5");
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(to_string(doc->encoding_chosen_by) == "forced");
  BOOST_TEST(doc->text == traditional);
  // Forced UTF-16LE reads a file without a byte order mark (no NUL-byte refusal).
  auto wide = ingest_bytes("d.txt", *testing::to_encoding("The toll rose to 9.\n", "UTF-16LE"), document_format::text, diags,
                           "UTF-16LE");
  BOOST_REQUIRE(wide.has_value());
  BOOST_TEST(wide->text == "The toll rose to 9.\n");
  BOOST_TEST(!encoding_converter("no-such-encoding").has_value());
  BOOST_TEST(*encoding_converter("GBK") == "GB18030");
  ingest_options options;
  options.encoding = "no-such-encoding";
  BOOST_CHECK_THROW(ingest_paths({"corpus"}, options, diags), checker::error);
}

BOOST_AUTO_TEST_CASE(issue_16_valid_utf8_stays_utf8) {
  // Short and pure ASCII, or UTF-8 Chinese: never handed to the detector.
  for (const std::string& text : {std::string("Up 5% in 2024."), simplified, std::string("成本")}) {
    diagnostics diags;
    auto doc = ingest_bytes("u.md", text, document_format::markdown, diags);
    BOOST_REQUIRE(doc.has_value());
    BOOST_TEST(doc->encoding == "UTF-8");
    BOOST_TEST(to_string(doc->encoding_chosen_by) == "default");
    BOOST_TEST(doc->decoding.empty());
  }
}

BOOST_AUTO_TEST_CASE(issue_16_wrong_and_unknown_declarations_are_reported) {
  diagnostics diags;
  // Saved again as UTF-8, the page still says gbk: its bytes win, with a warning.
  auto resaved = ingest_bytes("r.html", "<meta charset=\"gbk\"><p>票房为4.8亿元。</p>", document_format::html, diags);
  BOOST_REQUIRE(resaved.has_value());
  BOOST_TEST(resaved->encoding == "UTF-8");
  BOOST_TEST(has_diagnostic(diags, "ingest.encoding-mismatch"));
  // Declared US-ASCII for GB18030 bytes: every Chinese character fails to decode.
  diags.clear();
  const std::string gb = *testing::to_encoding("---\nencoding: us-ascii\n---\n据统计，票房约为12.5亿元，观影人次超过3100万，创下纪录。\n", "GB18030");
  auto wrong = ingest_bytes("w.md", gb, document_format::markdown, diags);
  BOOST_REQUIRE(wrong.has_value());
  BOOST_TEST(has_diagnostic(diags, "ingest.bad-encoding"));
  BOOST_TEST(diags.front().offset.has_value());
  diags.clear();
  auto unknown = ingest_bytes("x.md", "---\nencoding: klingon-8\n---\nUp 5% in 2024.\n", document_format::markdown, diags);
  BOOST_REQUIRE(unknown.has_value());
  BOOST_TEST(has_diagnostic(diags, "ingest.unknown-encoding"));
  BOOST_TEST(diags.front().message.find("klingon-8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue_16_undetectable_bytes_are_read_as_utf8_with_a_warning) {
  std::string noise;
  for (int i = 0; i < 64; ++i) noise += static_cast<char>(0x80 + (i * 37) % 0x7F);
  diagnostics diags;
  auto doc = ingest_bytes("n.txt", "Revenue rose 12%. " + noise, document_format::text, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->encoding == "UTF-8");
  BOOST_TEST(has_diagnostic(diags, "ingest.undetected-encoding"));
  BOOST_TEST(has_diagnostic(diags, "ingest.invalid-utf8"));
}

BOOST_AUTO_TEST_CASE(issue_16_offsets_compose_through_html_and_decoding) {
  // An entity, tags and GB18030 text: each figure's span is still its own bytes.
  const std::string page = "<html><head><meta charset=\"GB18030\"></head><body><p>营收&amp;利润：<b>收入</b>增长了12.5%，"
                           "达到3.2亿元。</p></body></html>";
  const std::string gb = *testing::to_encoding(page, "GB18030");
  diagnostics diags;
  auto doc = ingest_bytes("e.html", gb, document_format::html, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(original_of(*doc, "12.5%") == "12.5%");
  BOOST_TEST(original_of(*doc, "3.2亿元") == *testing::to_encoding("3.2亿元", "GB18030"));
  BOOST_TEST(original_of(*doc, "&") == "&amp;");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(issue_16_word_drafts)

BOOST_AUTO_TEST_CASE(issue_16_docx_paragraphs_tables_footnotes_and_properties) {
  const std::string docx = testing::make_docx("据统计，票房约为12.5亿元。\nThe toll rose to 9 on Wednesday.\n城市\t人口约为230万", "首映报告",
                                              "2024-04-03T08:00:00Z", "Figures as of 3 April, up 4%.");
  diagnostics diags;
  auto doc = ingest_bytes("draft.docx", docx, document_format::docx, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->text == "据统计，票房约为12.5亿元。\nThe toll rose to 9 on Wednesday.\n城市\t人口约为230万\nFigures as of 3 April, up 4%.\n");
  BOOST_TEST(doc->metadata.title.value == "首映报告");
  BOOST_TEST(doc->published->iso() == "2024-04-03");
  BOOST_TEST(doc->metadata.published.evidence == "docProps/core.xml modified");
  BOOST_TEST(to_string(doc->encoding_chosen_by) == "container");
  // Line N is paragraph N (a table row is one), columns count characters in it.
  BOOST_TEST((where(*doc, "230万") == std::pair<std::size_t, std::size_t>{3, 8}));
  BOOST_TEST((where(*doc, "4%") == std::pair<std::size_t, std::size_t>{4, 27}));
}

BOOST_AUTO_TEST_CASE(issue_16_odt_headings_paragraphs_notes_and_tables) {
  const std::string ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                         "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                         "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"";
  const std::string content =
      "<office:document-content " + ns + "><office:body><office:text><text:h>票房</text:h>"
      "<text:p>首日票房为<text:span>4.8亿元</text:span><text:s text:c=\"2\"/>人次<text:note><text:note-citation>1"
      "</text:note-citation><text:note-body><text:p>截至3日晚。</text:p></text:note-body></text:note></text:p>"
      "<table:table><table:table-row><table:table-cell><text:p>城市</text:p></table:table-cell><table:table-cell>"
      "<text:p>230万</text:p></table:table-cell></table:table-row></table:table></office:text></office:body>"
      "</office:document-content>";
  const std::string meta =
      "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:meta><dc:title>首映</dc:title>"
      "<dc:date>2024-04-03T08:00:00</dc:date></office:meta></office:document-meta>";
  diagnostics diags;
  auto doc = ingest_bytes("draft.odt", testing::make_zip({{"content.xml", content}, {"meta.xml", meta}}), document_format::odt, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->text == "票房\n首日票房为4.8亿元  人次\n截至3日晚。\n城市\t230万\n");
  BOOST_TEST(doc->metadata.title.value == "首映");
  BOOST_TEST(doc->published->iso() == "2024-04-03");
}

BOOST_AUTO_TEST_CASE(issue_16_front_matter_in_a_docx_wins_over_its_properties) {
  const std::string docx = testing::make_docx("---\npublished: 2025-02-01\n---\n票房突破100亿元。", "旧标题", "2025-03-09T00:00:00Z");
  diagnostics diags;
  auto doc = ingest_bytes("fm.docx", docx, document_format::docx, diags);
  BOOST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->published->iso() == "2025-02-01");
  BOOST_TEST(doc->metadata.title.value == "旧标题");
  BOOST_TEST(doc->text == "票房突破100亿元。\n");
}

BOOST_AUTO_TEST_CASE(issue_16_broken_packages_are_skipped_with_a_reason) {
  diagnostics diags;
  BOOST_TEST(!ingest_bytes("a.docx", "not a zip at all", document_format::docx, diags).has_value());
  BOOST_TEST(has_diagnostic(diags, "ingest.bad-package"));
  BOOST_TEST(diags.back().message.find("not a zip") != std::string::npos);
  diags.clear();
  BOOST_TEST(!ingest_bytes("b.docx", testing::make_zip({{"hello.txt", "hi"}}), document_format::docx, diags).has_value());
  BOOST_TEST(diags.back().message.find("word/document.xml") != std::string::npos);
  diags.clear();
  BOOST_TEST(!ingest_bytes("c.docx", testing::make_zip({{"word/document.xml", "<w:document><unclosed>"}}), document_format::docx, diags)
                  .has_value());
  BOOST_TEST(has_diagnostic(diags, "ingest.bad-package"));
  // 8 MB of one letter packs to a few KB: over the 100:1 ratio, refused before it is unpacked.
  diags.clear();
  const std::string bomb = testing::make_zip({{"word/document.xml", std::string(8u * 1024u * 1024u, 'a')}});
  BOOST_TEST(bomb.size() < 100'000u);
  BOOST_TEST(!ingest_bytes("d.docx", bomb, document_format::docx, diags).has_value());
  BOOST_TEST(has_diagnostic(diags, "ingest.zip-bomb"));
}

BOOST_AUTO_TEST_CASE(issue_16_standard_input_is_a_document_named_by_its_name) {
  ingest_options options;
  options.standard_input = piped_document{"draft.md", "---\npublished: 2024-04-03\n---\n票房约为12.5亿元。\n"};
  diagnostics diags;
  const ingest_result result = ingest_paths({"-"}, options, diags);
  BOOST_REQUIRE(result.documents.size() == 1u);
  BOOST_TEST(result.documents[0].id == "draft.md");
  BOOST_TEST((result.documents[0].format == document_format::markdown));
  BOOST_TEST(result.documents[0].published->iso() == "2024-04-03");
  options.standard_input->bytes = std::string(2000, 'x');
  options.max_file_bytes = 1000;
  BOOST_TEST(ingest_paths({"-"}, options, diags).documents.empty());
  BOOST_TEST(has_diagnostic(diags, "ingest.too-large"));
}

BOOST_AUTO_TEST_SUITE_END()
