// libFuzzer target for ingest (issue 6): the first byte picks how the rest is read (plain text,
// Markdown with front matter, HTML), then the document is built and checked for what the later
// stages and the reports rely on: its text is valid UTF-8 and every span of it maps back inside
// the original bytes. Built by .ci/fuzz with clang (-fsanitize=fuzzer,address,undefined).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <unicode/utf8.h>

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr checker::document_format formats[] = {checker::document_format::text, checker::document_format::markdown,
                                                         checker::document_format::html};
  const checker::document_format format = formats[data[0] % 3];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  checker::diagnostics diags;
  const auto doc = checker::ingest_bytes("fuzz", bytes, format, diags);
  if (!doc) {
    if (diags.empty()) __builtin_trap();  // a refused file always says why
    return 0;
  }
  if (!valid_utf8(doc->text)) __builtin_trap();
  const checker::byte_span whole = doc->original_span(checker::byte_span{0, doc->text.size()});
  if (whole.begin > whole.end || whole.end > bytes.size()) __builtin_trap();
  for (std::size_t at = 0; at < doc->text.size(); at += 97) {
    const checker::byte_span piece = doc->original_span(checker::byte_span{at, std::min(at + 13, doc->text.size())});
    if (piece.begin > piece.end || piece.end > bytes.size()) __builtin_trap();
  }
  for (const checker::diagnostic& d : diags) {
    if (d.id.empty() || d.message.empty()) __builtin_trap();
  }
  return 0;
}
