#pragma once
// An exact base-10 number: `mantissa * 10^exponent`. Parsed figures are kept in this form so
// that `29.4万` becomes exactly 294000 (mantissa 294, exponent 3) and the exponent still
// records the precision the writer stated. Arithmetic that would overflow returns
// `std::nullopt`; callers turn that into a diagnostic rather than a wrong value.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace checker {

/// An exact decimal. Two decimals with the same value may differ in representation
/// (`{294, 3}` and `{294000, 0}`); the exponent is the stated precision.
struct decimal {
  std::int64_t mantissa = 0;
  std::int32_t exponent = 0;

  /// Parses plain ASCII digits with an optional `.` fraction (no sign, no separators).
  static std::optional<decimal> parse(std::string_view digits);
  static decimal from_int(std::int64_t value) { return decimal{value, 0}; }

  /// The canonical plain text: `294000`, `29.4`, `-0.05`; never scientific notation.
  std::string to_string() const;
  /// The same value with trailing zeros moved into the exponent.
  decimal trimmed() const;
  /// Half a unit in the last stated digit: the precision interval's radius.
  decimal half_unit() const { return decimal{5, exponent - 1}; }
  bool is_zero() const { return mantissa == 0; }
  double to_double() const;  // only for tolerances and ratios, never for stored values

  friend bool operator==(const decimal& a, const decimal& b);
};

/// -1, 0 or 1 as `a` is less than, equal to or greater than `b`; exact.
int compare(const decimal& a, const decimal& b);
std::optional<decimal> add(const decimal& a, const decimal& b);
std::optional<decimal> subtract(const decimal& a, const decimal& b);
std::optional<decimal> multiply(const decimal& a, const decimal& b);
/// `a` times 10^power, exact (only the exponent changes).
decimal scale10(const decimal& a, int power);
decimal negate(const decimal& a);

}  // namespace checker
