// Metadata from front matter and from the text itself (bylines and time stamps).
#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "ingest/detail.h"
#include "model/date.h"

namespace checker::detail {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\''))) {
    s = s.substr(1, s.size() - 2);
  }
  return std::string(s);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max digits at `pos`; advances `pos`.
std::optional<int> read_int(std::string_view s, std::size_t& pos, std::size_t min_digits, std::size_t max_digits) {
  std::size_t start = pos;
  int value = 0;
  while (pos < s.size() && is_digit(s[pos]) && pos - start < max_digits) value = value * 10 + (s[pos++] - '0');
  if (pos - start < min_digits) {
    pos = start;
    return std::nullopt;
  }
  return value;
}

struct stamp {
  civil_date date;
  std::size_t begin;
  std::size_t end;
  bool has_time;
};

// A full date with year in `line`: 2025-09-18, 2025/09/18, 2025.09.18 or 2025年9月18日,
// optionally followed by a time of day.
std::optional<stamp> find_stamp(std::string_view line) {
  for (std::size_t i = 0; i + 8 <= line.size(); ++i) {
    if (!is_digit(line[i]) || (i > 0 && is_digit(line[i - 1]))) continue;
    std::size_t pos = i;
    auto year = read_int(line, pos, 4, 4);
    if (!year || *year < 1900 || *year > 2100) continue;
    std::optional<int> month;
    std::optional<int> day;
    if (pos < line.size() && (line[pos] == '-' || line[pos] == '/' || line[pos] == '.')) {
      const char sep = line[pos++];
      month = read_int(line, pos, 1, 2);
      if (!month || pos >= line.size() || line[pos] != sep) continue;
      ++pos;
      day = read_int(line, pos, 1, 2);
    } else if (line.substr(pos, 3) == "年") {
      pos += 3;
      month = read_int(line, pos, 1, 2);
      if (!month || line.substr(pos, 3) != "月") continue;
      pos += 3;
      day = read_int(line, pos, 1, 2);
      if (!day || (line.substr(pos, 3) != "日" && line.substr(pos, 3) != "号")) continue;
      pos += 3;
    }
    if (!month || !day) continue;
    auto date = civil_date::make(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
    if (!date) continue;
    // A time of day after the date marks a machine-written stamp.
    std::size_t after = pos;
    while (after < line.size() && (line[after] == ' ' || line[after] == 'T')) ++after;
    std::size_t probe = after;
    bool has_time = false;
    if (read_int(line, probe, 1, 2) && probe < line.size() && line[probe] == ':' && (++probe, read_int(line, probe, 2, 2))) {
      has_time = true;
      pos = probe;
    }
    return stamp{*date, i, pos, has_time};
  }
  return std::nullopt;
}

}  // namespace

front_matter read_front_matter(std::string_view text) {
  front_matter out;
  if (text.substr(0, 4) != "---\n" && text.substr(0, 5) != "---\r\n") return out;
  out.present = true;
  std::size_t pos = text.find('\n') + 1;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    const std::size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
    const std::string_view line = trim(text.substr(pos, (eol == std::string_view::npos ? text.size() : eol) - pos));
    if (line == "---" || line == "...") {
      out.closed = true;
      out.body_offset = next;
      return out;
    }
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && !line.empty() && line.front() != '#') {
      out.fields.emplace_back(std::string(trim(line.substr(0, colon))), unquote(line.substr(colon + 1)));
    }
    pos = next;
  }
  out.fields.clear();  // never closed: nothing in it can be trusted as metadata
  return out;
}

std::optional<std::string> iso_date_prefix(std::string_view text) {
  text = trim(text);
  if (text.size() < 10) return std::nullopt;
  auto date = civil_date::parse_iso(text.substr(0, 10));
  if (!date) return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  return date->iso();
}

std::optional<inferred_date> infer_publication_date(std::string_view text) {
  // Split into non-empty lines, remembering each line's text.
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = trim(text.substr(pos, eol - pos));
    if (!line.empty()) lines.push_back(line);
    pos = eol + 1;
  }
  // Bylines are short lines near the top; a stamp with a time of day may also close a page.
  constexpr std::size_t top_lines = 8;
  constexpr std::size_t bottom_lines = 3;
  constexpr std::size_t max_byline_bytes = 160;
  auto try_line = [&](std::string_view line, bool need_time) -> std::optional<inferred_date> {
    if (line.size() > max_byline_bytes) return std::nullopt;
    auto found = find_stamp(line);
    if (!found || (need_time && !found->has_time)) return std::nullopt;
    inferred_date out{found->date.iso(), std::string(line), {}};
    // `证券时报·2025-09-18 04:51`: an outlet before a middle dot names the source.
    std::string_view before = trim(line.substr(0, found->begin));
    for (std::string_view dot : {"·", "|", "丨"}) {
      if (before.size() > dot.size() && before.substr(before.size() - dot.size()) == dot) {
        std::string_view outlet = trim(before.substr(0, before.size() - dot.size()));
        const std::size_t paren = outlet.rfind(") ");
        if (paren != std::string_view::npos) outlet = trim(outlet.substr(paren + 2));
        if (!outlet.empty() && outlet.size() <= 40) out.source = std::string(outlet);
        break;
      }
    }
    return out;
  };
  for (std::size_t i = 0; i < lines.size() && i < top_lines; ++i) {
    if (auto found = try_line(lines[i], false)) return found;
  }
  for (std::size_t i = lines.size() > bottom_lines ? lines.size() - bottom_lines : 0; i < lines.size(); ++i) {
    if (i < top_lines) continue;
    if (auto found = try_line(lines[i], true)) return found;
  }
  return std::nullopt;
}

}  // namespace checker::detail
