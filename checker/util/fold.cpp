#include "util/fold.h"

#include <memory>
#include <optional>
#include <vector>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace checker {
namespace {

// CJK Extension A, the Unified Ideographs and the Compatibility Ideographs: every character
// ICU's transform changes lies here, and all of them are three bytes in UTF-8.
struct ideograph_range {
  UChar32 first;
  UChar32 last;
};
constexpr ideograph_range ranges[] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};

// Simplified form of each ideograph in `ranges`, 0 when it has none (indexed by position).
class fold_table {
 public:
  fold_table() {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::Transliterator> transform(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    std::size_t size = 0;
    for (const ideograph_range& r : ranges) size += static_cast<std::size_t>(r.last - r.first + 1);
    simplified_.assign(size, 0);
    if (U_FAILURE(status) || !transform) return;  // without ICU's data: no folding, never wrong
    icu::UnicodeString all;
    for (const ideograph_range& r : ranges) {
      for (UChar32 c = r.first; c <= r.last; ++c) all.append(c);
    }
    icu::UnicodeString folded = all;
    transform->transliterate(folded);
    // The transform maps one character to one; if a rule ever did otherwise, keep nothing
    // rather than misalign the table.
    if (folded.length() != all.length()) return;
    for (int32_t i = 0; i < all.length(); ++i) {
      const char16_t from = all.charAt(i);
      const char16_t to = folded.charAt(i);
      if (from != to && index_of(from) && to >= 0x0800 && !U16_IS_SURROGATE(to)) simplified_[*index_of(from)] = to;
    }
  }

  // The Simplified form of `c`, or `c`.
  UChar32 fold(UChar32 c) const {
    const auto index = index_of(c);
    return index && simplified_[*index] != 0 ? static_cast<UChar32>(simplified_[*index]) : c;
  }

 private:
  static std::optional<std::size_t> index_of(UChar32 c) {
    std::size_t base = 0;
    for (const ideograph_range& r : ranges) {
      if (c >= r.first && c <= r.last) return base + static_cast<std::size_t>(c - r.first);
      base += static_cast<std::size_t>(r.last - r.first + 1);
    }
    return std::nullopt;
  }

  std::vector<char16_t> simplified_;
};

}  // namespace

std::string fold_traditional(std::string_view text) {
  // Immutable once built (C++ guarantees one thread builds it); no state changes after that.
  static const fold_table table;
  std::string out;
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0x3400 || i - start != 3) continue;
    const UChar32 simple = table.fold(c);
    if (simple == c) continue;
    if (out.empty()) out.assign(text);
    int32_t at = start;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(out.data()), at, n, simple, error);
    (void)error;  // both are three bytes: the write stays inside the character it replaces
  }
  return out;
}

}  // namespace checker
