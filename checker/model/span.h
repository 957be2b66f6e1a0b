#pragma once
#include <cstddef>

namespace checker {

/// A half-open range of UTF-8 byte offsets `[begin, end)`.
struct byte_span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(const byte_span&, const byte_span&) = default;
};

}  // namespace checker
