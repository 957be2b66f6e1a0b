#pragma once
// Spaced Chinese figures (Taiwan and Hong Kong pages, converters): `2024 年 1 月 1 日`,
// `下午 4 時許`, `約 12.5 萬美元`. The scanners read figures as written in one piece, so
// recognition runs on a compact view of the text without the spaces between an Arabic digit and
// a Chinese character, and spans found there are mapped back to the text as written.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/claim.h"

namespace checker::detail {

class compact_view {
 public:
  /// The view of `text`; when nothing is spaced it holds no copy and maps spans unchanged.
  explicit compact_view(std::string_view text);

  std::string_view text() const { return compact_.empty() && removed_.empty() ? original_ : std::string_view(compact_); }
  /// A span of the text as written, in the view (a sentence).
  byte_span to_view(byte_span written) const;
  /// A span of the view, in the text as written (a figure): the spaces inside it come back.
  byte_span to_written(byte_span view) const;

 private:
  std::size_t removed_before(std::size_t view_pos, bool inclusive) const;

  std::string_view original_;
  std::string compact_;
  // Positions in the view before which one byte of the written text (a space) was dropped,
  // ascending; a position repeats when several spaces were dropped there.
  std::vector<std::size_t> removed_;
  std::vector<std::size_t> removed_written_;  // the same spaces' offsets in the written text
};

}  // namespace checker::detail
