// libFuzzer target for issue 16's decoding: the first byte picks a forced encoding (or none:
// byte order mark, declaration or detector) and how the rest is read (text, Markdown, HTML).
// Checks what reports rely on: the text is valid UTF-8, every span maps inside the file, the
// decoding map covers the text in order, and lines and columns can be computed everywhere.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/utf8.h>

#include "ingest/detail.h"
#include "ingest/ingest.h"

namespace {

bool valid_utf8(std::string_view text) {
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    UChar32 c = 0;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Runs cover [0, text size) without gaps, in order, each inside the file.
void check_runs(const std::vector<checker::offset_run>& runs, std::size_t text_size, std::size_t file_size) {
  std::size_t at = 0;
  std::size_t original = 0;
  for (const checker::offset_run& run : runs) {
    if (run.text_begin != at || run.text_end < run.text_begin) __builtin_trap();
    if (run.original_begin < original || run.original_end < run.original_begin || run.original_end > file_size) __builtin_trap();
    if (run.exact && (run.text_width == 0 || run.original_width == 0 || (run.text_end - run.text_begin) % run.text_width != 0 ||
                      (run.original_end - run.original_begin) % run.original_width != 0)) {
      __builtin_trap();
    }
    at = run.text_end;
    original = run.original_begin;
  }
  if (at != text_size) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr const char* encodings[] = {"", "GB18030", "Big5", "Big5-HKSCS", "UTF-16LE", "UTF-16BE", "GBK", "UTF-8"};
  static constexpr checker::document_format formats[] = {checker::document_format::text, checker::document_format::markdown,
                                                         checker::document_format::html};
  const std::string encoding = encodings[data[0] % 8];
  const checker::document_format format = formats[(data[0] / 8) % 3];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  if (!encoding.empty() && encoding != "UTF-8") {
    const auto decoded = checker::detail::decode(bytes, 0, encoding);
    if (!decoded) __builtin_trap();  // every listed converter exists
    if (!valid_utf8(decoded->text)) __builtin_trap();
    check_runs(decoded->runs, decoded->text.size(), bytes.size());
  }

  checker::diagnostics diags;
  const auto doc = checker::ingest_bytes("fuzz", bytes, format, diags, encoding);
  if (!doc) {
    if (diags.empty()) __builtin_trap();  // a refused file always says why
    return 0;
  }
  if (!valid_utf8(doc->text)) __builtin_trap();
  if (!doc->decoding.empty()) check_runs(doc->decoding, doc->decoding.back().text_end, bytes.size());
  for (std::size_t at = 0; at < doc->text.size(); at += 61) {
    const checker::byte_span piece = doc->original_span(checker::byte_span{at, std::min(at + 7, doc->text.size())});
    if (piece.begin > piece.end || piece.end > bytes.size()) __builtin_trap();
    const auto [line, column] = doc->line_column(piece.begin);
    if (line == 0 || column == 0 || line > doc->line_starts.size()) __builtin_trap();
    if (doc->code_point_column(piece.begin) == 0 || doc->code_point_column(piece.begin) > column) __builtin_trap();
  }
  for (const checker::diagnostic& d : diags) {
    if (d.id.empty() || d.message.empty()) __builtin_trap();
    if (d.offset && *d.offset > bytes.size()) __builtin_trap();
  }
  return 0;
}
