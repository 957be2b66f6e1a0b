// libFuzzer target for the project file reader (issue 4): any bytes as factcheck.json, through
// JSON parsing, schema validation and the lexicon extension. A broken file must end in
// `checker::error` (exit 2 in the CLI), never in a crash or another exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"
#include "model/diagnostic.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const checker::lexicon base = checker::load_builtin_lexicon();  // built once per fuzzing process
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const checker::project_config project = checker::parse_project("fuzz/factcheck.json", text);
    checker::lexicon lex = base;
    checker::apply_project(project, lex);
  } catch (const checker::error&) {
    // The expected outcome for a broken file.
  }
  return 0;
}
