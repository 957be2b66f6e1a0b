#include "support/convert.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <unistd.h>

namespace checker::testing {

std::optional<std::string> to_encoding(const std::string& utf8, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(name.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) throw std::runtime_error("no ICU converter " + name);
  // Stop at a character the encoding lacks instead of writing a substitute.
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(text.length()) * 4 + 16, '\0');
  const int32_t length = ucnv_fromUChars(converter.get(), out.data(), static_cast<int32_t>(out.size()), text.getBuffer(),
                                         text.length(), &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& files) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("factcheck-zip-" + std::to_string(::getpid()) + ".zip");
  std::filesystem::remove(path);
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open failed");
  for (const auto& [name, bytes] : files) {
    // libzip reads the buffers at zip_close, so they must outlive this loop: `files` does.
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (source == nullptr || zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(source);
      zip_discard(archive);
      throw std::runtime_error("zip_file_add failed for " + name);
    }
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  std::ifstream in(path, std::ios::binary);
  std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return out;
}

namespace {

std::string escape_xml(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '\r') continue;
    else out += c;
  }
  return out;
}

// A paragraph with its text split over two runs, as Word writes them (the split falls on a
// character boundary: the first space, if any).
std::string paragraph(const std::string& line) {
  const std::size_t cut = line.find(' ');
  if (cut == std::string::npos) return "<w:p><w:r><w:t xml:space=\"preserve\">" + escape_xml(line) + "</w:t></w:r></w:p>";
  return "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" +
         escape_xml(line.substr(0, cut)) + "</w:t></w:r><w:r><w:t xml:space=\"preserve\">" + escape_xml(line.substr(cut)) +
         "</w:t></w:r></w:p>";
}

constexpr const char* word_namespaces =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

}  // namespace

std::string make_docx(const std::string& text, const std::string& title, const std::string& modified,
                      const std::string& footnote) {
  std::string body;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string line = text.substr(pos, eol - pos);
    if (line.find('\t') != std::string::npos) {
      body += "<w:tbl><w:tr>";
      std::size_t cell = 0;
      while (cell <= line.size()) {
        std::size_t tab = line.find('\t', cell);
        if (tab == std::string::npos) tab = line.size();
        body += "<w:tc>" + paragraph(line.substr(cell, tab - cell)) + "</w:tc>";
        cell = tab + 1;
      }
      body += "</w:tr></w:tbl>";
    } else {
      body += paragraph(line);
    }
    pos = eol + 1;
  }
  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back("[Content_Types].xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                     "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                     "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                     "<Override PartName=\"/word/document.xml\" "
                     "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                     "</Types>");
  files.emplace_back("word/document.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document ") +
                                              word_namespaces + "><w:body>" + body + "<w:sectPr/></w:body></w:document>");
  if (!footnote.empty()) {
    files.emplace_back("word/footnotes.xml",
                       std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:footnotes ") + word_namespaces +
                           "><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                           "<w:footnote w:id=\"1\">" + paragraph(footnote) + "</w:footnote></w:footnotes>");
  }
  if (!title.empty() || !modified.empty()) {
    files.emplace_back("docProps/core.xml",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cp:coreProperties "
                       "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" + escape_xml(title) +
                           "</dc:title><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + modified +
                           "</dcterms:modified></cp:coreProperties>");
  }
  return make_zip(files);
}

std::vector<std::string> files_in(const std::string& folder) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.is_regular_file()) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace checker::testing
