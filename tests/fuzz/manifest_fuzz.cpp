// libFuzzer target for the corpus.json manifest reader (issue 6): any bytes are either a
// manifest that matched its schema or exactly one `ingest.bad-manifest` diagnostic; never a
// crash or an exception. Built by .ci/fuzz with clang (-fsanitize=fuzzer,address,undefined).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/detail.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  checker::diagnostics diags;
  const auto manifest = checker::detail::parse_manifest(text, "corpus.json", diags);
  if (manifest.has_value() == !diags.empty()) __builtin_trap();
  if (manifest) {
    for (const auto& [path, entry] : *manifest) {
      for (const auto& [key, value] : entry.fields) (void)checker::detail::iso_date_prefix(value);
    }
  } else if (diags.size() != 1 || diags.front().id != "ingest.bad-manifest") {
    __builtin_trap();
  }
  return 0;
}
