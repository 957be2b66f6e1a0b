#include "model/document.h"

#include <algorithm>

namespace checker {
namespace {

// The run holding text offset `offset`: the last run that begins at or before it.
const offset_run* run_at(const std::vector<offset_run>& runs, std::size_t offset) {
  auto it = std::upper_bound(runs.begin(), runs.end(), offset,
                             [](std::size_t o, const offset_run& r) { return o < r.text_begin; });
  if (it == runs.begin()) return runs.empty() ? nullptr : &runs.front();
  return &*(it - 1);
}

}  // namespace

byte_span document::original_span(byte_span text_span) const {
  const offset_run* first = run_at(runs, text_span.begin);
  if (first == nullptr) return text_span;
  const auto start = [](const offset_run& run, std::size_t offset) {
    return run.exact ? std::min(run.original_begin + (offset - std::min(offset, run.text_begin)),
                                run.original_end)
                     : run.original_begin;
  };
  byte_span out{start(*first, text_span.begin), 0};
  if (text_span.end <= text_span.begin) {
    out.end = out.begin;
    return out;
  }
  const offset_run* last = run_at(runs, text_span.end - 1);
  out.end = last->exact ? start(*last, text_span.end - 1) + 1 : last->original_end;
  return out;
}

std::pair<std::size_t, std::size_t> document::line_column(std::size_t original_offset) const {
  if (line_starts.empty()) return {1, original_offset + 1};
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), original_offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts.begin());
  return {line, original_offset - line_starts[line - 1] + 1};
}

std::size_t document::code_point_column(std::size_t original_offset) const {
  const auto [line, byte_column] = line_column(original_offset);
  const std::size_t line_start = original_offset + 1 - byte_column;
  if (original.empty()) return byte_column;
  const std::size_t end = std::min(original_offset, original.size());
  std::size_t column = 1;
  for (std::size_t i = std::min(line_start, end); i < end; ++i) {
    // Count every byte that starts a character (not a UTF-8 continuation byte).
    if ((static_cast<unsigned char>(original[i]) & 0xC0) != 0x80) ++column;
  }
  (void)line;
  return column;
}

}  // namespace checker
