#pragma once
// Calendar dates as plain values. std::chrono's civil calendar does the arithmetic and the
// validity check (2月30日 is not ok()); no stage reads the clock or the time zone.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace checker {

/// A valid proleptic Gregorian date.
struct civil_date {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;

  /// `std::nullopt` when the fields do not name a real day.
  static std::optional<civil_date> make(int year, unsigned month, unsigned day);
  /// Parses `YYYY-MM-DD`; `std::nullopt` on anything else or an impossible date.
  static std::optional<civil_date> parse_iso(std::string_view text);
  static civil_date from_days(std::chrono::sys_days days);
  std::chrono::sys_days days() const;
  std::string iso() const;
  static unsigned days_in_month(int year, unsigned month);

  friend auto operator<=>(const civil_date&, const civil_date&) = default;
};

}  // namespace checker
