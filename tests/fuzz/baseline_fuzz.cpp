// libFuzzer target for the baseline reader (issue 5): any bytes as a baseline file, through JSON
// parsing, schema validation, matching against findings and writing back. A broken file must end
// in `checker::error` (exit 2 in the CLI), never in a crash or another exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include "baseline/baseline.h"
#include "model/diagnostic.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const std::vector<checker::recorded_finding> records = checker::parse_baseline("fuzz/baseline.json", text);
    std::vector<checker::finding> none;
    checker::apply_baseline(none, records);
    // What is read back must write back to a file that reads the same.
    const std::string again = checker::baseline_text(records);
    if (checker::parse_baseline("fuzz/again.json", again).size() > records.size()) __builtin_trap();
  } catch (const checker::error&) {
    // The expected outcome for a broken file.
  }
  return 0;
}
