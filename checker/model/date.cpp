#include "model/date.h"

#include <fmt/format.h>

namespace checker {

std::optional<civil_date> civil_date::make(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok() || year < 1 || year > 9999) return std::nullopt;
  return civil_date{year, month, day};
}

std::optional<civil_date> civil_date::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t i = starts[f]; i < starts[f] + lengths[f]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (text[i] - '0');
    }
  }
  return make(fields[0], static_cast<unsigned>(fields[1]), static_cast<unsigned>(fields[2]));
}

civil_date civil_date::from_days(std::chrono::sys_days days) {
  const std::chrono::year_month_day ymd{days};
  return civil_date{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                    static_cast<unsigned>(ymd.day())};
}

std::chrono::sys_days civil_date::days() const {
  return std::chrono::sys_days{std::chrono::year_month_day{
      std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}}};
}

std::string civil_date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

unsigned civil_date::days_in_month(int year, unsigned month) {
  const std::chrono::year_month_day_last last{std::chrono::year{year},
                                              std::chrono::month_day_last{std::chrono::month{month}}};
  return static_cast<unsigned>(last.day());
}

}  // namespace checker
