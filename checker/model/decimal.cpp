#include "model/decimal.h"

#include <cmath>
#include <limits>

namespace checker {
namespace {

bool mul_overflows(std::int64_t a, std::int64_t b, std::int64_t* out) {
  return __builtin_mul_overflow(a, b, out);
}

// Brings `value` to `target` exponent (target <= value.exponent) if it fits in 64 bits.
std::optional<std::int64_t> mantissa_at(const decimal& value, std::int32_t target) {
  std::int64_t m = value.mantissa;
  for (std::int32_t e = value.exponent; e > target; --e) {
    if (mul_overflows(m, 10, &m)) return std::nullopt;
  }
  return m;
}

}  // namespace

std::optional<decimal> decimal::parse(std::string_view digits) {
  decimal out;
  bool seen_point = false;
  bool seen_digit = false;
  for (char c : digits) {
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    // Both steps can overflow: 922337203685477580 * 10 fits, adding 8 or 9 does not.
    if (mul_overflows(out.mantissa, 10, &out.mantissa)) return std::nullopt;
    if (__builtin_add_overflow(out.mantissa, c - '0', &out.mantissa)) return std::nullopt;
    if (seen_point) --out.exponent;
  }
  if (!seen_digit) return std::nullopt;
  return out;
}

std::string decimal::to_string() const {
  const bool negative = mantissa < 0;
  // Work on the unsigned magnitude so that INT64_MIN does not overflow.
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(mantissa)
                                     : static_cast<std::uint64_t>(mantissa);
  std::string digits = std::to_string(magnitude);
  std::string out;
  if (magnitude == 0) {
    out = "0";
  } else if (exponent >= 0) {
    out = digits + std::string(static_cast<std::size_t>(exponent), '0');
  } else {
    const std::size_t frac = static_cast<std::size_t>(-static_cast<std::int64_t>(exponent));
    if (digits.size() <= frac) digits.insert(0, frac - digits.size() + 1, '0');
    out = digits.substr(0, digits.size() - frac) + "." + digits.substr(digits.size() - frac);
    // Trailing zeros after the point carry precision, not value; the canonical text drops them.
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return negative && magnitude != 0 ? "-" + out : out;
}

decimal decimal::trimmed() const {
  decimal out = *this;
  if (out.mantissa == 0) return decimal{0, 0};
  while (out.mantissa % 10 == 0) {
    out.mantissa /= 10;
    ++out.exponent;
  }
  return out;
}

double decimal::to_double() const {
  return static_cast<double>(mantissa) * std::pow(10.0, exponent);
}

bool operator==(const decimal& a, const decimal& b) { return compare(a, b) == 0; }

int compare(const decimal& a, const decimal& b) {
  const int sign_a = (a.mantissa > 0) - (a.mantissa < 0);
  const int sign_b = (b.mantissa > 0) - (b.mantissa < 0);
  if (sign_a != sign_b) return sign_a < sign_b ? -1 : 1;
  if (sign_a == 0) return 0;
  const std::int32_t common = std::min(a.exponent, b.exponent);
  auto ma = mantissa_at(a, common);
  auto mb = mantissa_at(b, common);
  // The value already at the common exponent never overflows, so at most one of the two does;
  // that one is larger in magnitude than any mantissa that fits.
  if (!ma) return sign_a;
  if (!mb) return -sign_b;
  return (*ma > *mb) - (*ma < *mb);
}

std::optional<decimal> add(const decimal& a, const decimal& b) {
  const std::int32_t common = std::min(a.exponent, b.exponent);
  auto ma = mantissa_at(a, common);
  auto mb = mantissa_at(b, common);
  if (!ma || !mb) return std::nullopt;
  std::int64_t sum;
  if (__builtin_add_overflow(*ma, *mb, &sum)) return std::nullopt;
  return decimal{sum, common};
}

std::optional<decimal> subtract(const decimal& a, const decimal& b) { return add(a, negate(b)); }

std::optional<decimal> multiply(const decimal& a, const decimal& b) {
  std::int64_t product;
  if (mul_overflows(a.mantissa, b.mantissa, &product)) {
    auto ta = a.trimmed();
    auto tb = b.trimmed();
    if (mul_overflows(ta.mantissa, tb.mantissa, &product)) return std::nullopt;
    return decimal{product, ta.exponent + tb.exponent};
  }
  return decimal{product, a.exponent + b.exponent};
}

decimal scale10(const decimal& a, int power) { return decimal{a.mantissa, a.exponent + power}; }

decimal negate(const decimal& a) { return decimal{-a.mantissa, a.exponent}; }

}  // namespace checker
