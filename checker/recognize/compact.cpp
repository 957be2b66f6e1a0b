#include "recognize/compact.h"

#include <algorithm>

namespace checker::detail {
namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A Chinese character: three-byte UTF-8 of the CJK blocks U+3400..U+9FFF (lead bytes E3 and up
// to E9 with the block's second byte), which is where every Han character of news text lies.
bool is_han_lead(std::string_view s, std::size_t pos) {
  if (pos + 3 > s.size()) return false;
  const auto lead = static_cast<unsigned char>(s[pos]);
  if (lead >= 0xE4 && lead <= 0xE9) return true;
  return lead == 0xE3 && static_cast<unsigned char>(s[pos + 1]) >= 0x90;  // U+3400..U+3FFF
}

// The first byte of the character ending at `end` is a Han lead byte.
bool han_ends_at(std::string_view s, std::size_t end) { return end >= 3 && is_han_lead(s, end - 3); }

constexpr std::size_t most_spaces = 2;  // `2024  年`: typeset text; more is layout, not spacing

}  // namespace

compact_view::compact_view(std::string_view text) : original_(text) {
  std::size_t pos = 0;
  bool any = false;
  while (pos < text.size()) {
    if (text[pos] != ' ') {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && text[end] == ' ') ++end;
    const bool digit_then_han = pos > 0 && is_ascii_digit(text[pos - 1]) && end < text.size() && is_han_lead(text, end);
    const bool han_then_digit = han_ends_at(text, pos) && end < text.size() && is_ascii_digit(text[end]);
    if (end - pos <= most_spaces && (digit_then_han || han_then_digit)) {
      if (!any) {
        compact_.reserve(text.size());
        any = true;
      }
      for (std::size_t k = pos; k < end; ++k) removed_written_.push_back(k);
    }
    pos = end;
  }
  if (!any) return;
  std::size_t from = 0;
  for (std::size_t k = 0; k < removed_written_.size(); ++k) {
    const std::size_t at = removed_written_[k];
    compact_.append(text.substr(from, at - from));
    removed_.push_back(compact_.size());
    from = at + 1;
  }
  compact_.append(text.substr(from));
}

std::size_t compact_view::removed_before(std::size_t view_pos, bool inclusive) const {
  const auto it = inclusive ? std::upper_bound(removed_.begin(), removed_.end(), view_pos)
                            : std::lower_bound(removed_.begin(), removed_.end(), view_pos);
  return static_cast<std::size_t>(it - removed_.begin());
}

byte_span compact_view::to_view(byte_span written) const {
  if (removed_.empty()) return written;
  const auto before = [&](std::size_t pos) {
    return static_cast<std::size_t>(std::lower_bound(removed_written_.begin(), removed_written_.end(), pos) - removed_written_.begin());
  };
  return byte_span{written.begin - before(written.begin), written.end - before(written.end)};
}

byte_span compact_view::to_written(byte_span view) const {
  if (removed_.empty()) return view;
  // The begin moves past spaces dropped right before it; the end keeps only the spaces inside.
  return byte_span{view.begin + removed_before(view.begin, true), view.end + removed_before(view.end, false)};
}

}  // namespace checker::detail
