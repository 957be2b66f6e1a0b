// libFuzzer target for issue 16's Word and OpenDocument reader: the first byte says .docx or
// .odt, the rest is the file. The zip and XML come from libzip and libxml2; what is checked is
// our side: no crash or leak, a refusal always says why, the text is UTF-8 and spans stay inside
// the unpacked text, whatever the archive holds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <unicode/utf8.h>

#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const checker::document_format format = data[0] % 2 == 0 ? checker::document_format::docx : checker::document_format::odt;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  checker::diagnostics diags;
  const auto doc = checker::ingest_bytes("fuzz", bytes, format, diags);
  if (!doc) {
    if (diags.empty() || diags.back().message.empty()) __builtin_trap();
    return 0;
  }
  for (int32_t i = 0, n = static_cast<int32_t>(doc->text.size()); i < n;) {
    UChar32 c = 0;
    U8_NEXT(doc->text.data(), i, n, c);
    if (c < 0) __builtin_trap();
  }
  const checker::byte_span whole = doc->original_span(checker::byte_span{0, doc->text.size()});
  if (whole.end > doc->original.size()) __builtin_trap();
  return 0;
}
