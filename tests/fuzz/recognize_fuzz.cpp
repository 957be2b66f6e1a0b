// libFuzzer target for the text stages (issue 3): any bytes as a Markdown document with front
// matter, through ingest, segment, recognise, normalise and link. Crashes, sanitizer reports,
// hangs and leaks are failures. Built by .ci/fuzz with clang (-fsanitize=fuzzer,address,undefined).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/ingest.h"
#include "lexicon/lexicon.h"
#include "pipeline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const checker::lexicon lex = checker::load_builtin_lexicon();  // built once per fuzzing process
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  checker::diagnostics diags;
  auto doc = checker::ingest_bytes("fuzz.md", bytes, checker::document_format::markdown, diags);
  if (!doc) return 0;
  std::vector<checker::document> docs;
  docs.push_back(std::move(*doc));
  const checker::run_result run = checker::analyse_documents(std::move(docs), lex, checker::link_options{}, diags);
  for (const checker::claim& c : run.claims) {
    // Spans must stay inside the text they came from.
    if (c.found.span.end > run.documents[0].text.size() || c.found.span.begin > c.found.span.end) __builtin_trap();
  }
  return 0;
}
