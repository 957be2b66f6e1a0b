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

// The original offset where the character holding text offset `offset` begins (exact runs),
// or the run's start (inexact runs).
std::size_t character_start(const offset_run& run, std::size_t offset) {
  if (!run.exact) return run.original_begin;
  const std::size_t into = offset - std::min(offset, run.text_begin);
  const std::size_t text_width = std::max<std::size_t>(run.text_width, 1);
  return std::min(run.original_begin + into / text_width * run.original_width, run.original_end);
}

// How far into its line a decoded file's offset `end` lies, counted through the decoding
// runs from `line_start`: in characters, or in the UTF-8 bytes those characters decode to.
// Each exact run holds (overlap / width) characters of `text_width` UTF-8 bytes; each replaced
// sequence counts once (its replacement's bytes).
std::size_t decoded_columns(const std::vector<offset_run>& decoding, std::size_t line_start, std::size_t end, bool utf8_bytes) {
  std::size_t columns = 0;
  // The runs are in file order, so start at the line's first run.
  auto it = std::upper_bound(decoding.begin(), decoding.end(), line_start,
                             [](std::size_t o, const offset_run& r) { return o < r.original_end; });
  for (; it != decoding.end() && it->original_begin < end; ++it) {
    const std::size_t b = std::max(it->original_begin, line_start);
    const std::size_t e = std::min(it->original_end, end);
    if (e <= b) continue;
    if (!it->exact) {
      columns += utf8_bytes ? it->text_end - it->text_begin : 1;
      continue;
    }
    const std::size_t characters = (e - b + it->original_width - 1) / std::max<std::size_t>(it->original_width, 1);
    columns += utf8_bytes ? characters * std::max<std::size_t>(it->text_width, 1) : characters;
  }
  return columns;
}

}  // namespace

std::string to_string(encoding_origin origin) {
  switch (origin) {
    case encoding_origin::bom: return "bom";
    case encoding_origin::meta: return "meta";
    case encoding_origin::front_matter: return "front_matter";
    case encoding_origin::detected: return "detected";
    case encoding_origin::fallback: return "default";
    case encoding_origin::forced: return "forced";
    case encoding_origin::container: return "container";
  }
  return "default";
}

byte_span document::original_span(byte_span text_span) const {
  const offset_run* first = run_at(runs, text_span.begin);
  if (first == nullptr) return text_span;
  byte_span out{character_start(*first, text_span.begin), 0};
  if (text_span.end <= text_span.begin) {
    out.end = out.begin;
    return out;
  }
  const offset_run* last = run_at(runs, text_span.end - 1);
  out.end = last->exact ? std::min<std::size_t>(character_start(*last, text_span.end - 1) + last->original_width, last->original_end)
                        : last->original_end;
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
  (void)line;
  const std::size_t line_start = original_offset + 1 - byte_column;
  if (original.empty()) return byte_column;
  const std::size_t end = std::min(original_offset, original.size());
  std::size_t column = 1;
  if (!decoding.empty()) return column + decoded_columns(decoding, line_start, end, false);
  for (std::size_t i = std::min(line_start, end); i < end; ++i) {
    // Count every byte that starts a character (not a UTF-8 continuation byte).
    if ((static_cast<unsigned char>(original[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

std::size_t document::utf8_column(std::size_t original_offset) const {
  const auto [line, byte_column] = line_column(original_offset);
  (void)line;
  if (decoding.empty() || original.empty()) return byte_column;
  const std::size_t line_start = original_offset + 1 - byte_column;
  return 1 + decoded_columns(decoding, line_start, std::min(original_offset, original.size()), true);
}

}  // namespace checker
