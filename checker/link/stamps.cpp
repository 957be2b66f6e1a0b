// Moments and sources: as-of stamps, clock times, weekdays, datelines and credited agencies.
#include "link/annotations.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

namespace checker::detail {

namespace {

// `April 2 (UPI) --`, `Jan 5 (Reuters) -`: a date, the agency in brackets, then a dash.
bool before_credited_dash(std::string_view text, std::size_t at) {
  constexpr std::size_t longest_agency = 40;
  while (at < text.size() && text[at] == ' ') ++at;
  if (at >= text.size() || text[at] != '(') return false;
  const std::size_t close = text.find(')', at);
  if (close == std::string_view::npos || close - at > longest_agency) return false;
  std::size_t p = close + 1;
  while (p < text.size() && text[p] == ' ') ++p;
  return detail::starts_with(text, p, "-") || detail::starts_with(text, p, "—") || detail::starts_with(text, p, "–");
}

}  // namespace

// A wire dateline (北京2日电, 【…北京时间2024年01月09日讯】, `April 2 (UPI) --`) dates the
// report, not a fact.
// `date 2024-01-19` or `2024-01-19` opening a line: the page's own stamp, as a store or a
// content system prints it, not a date the text gives a fact.
bool opens_a_line_as_stamp(std::string_view text, const claim& c) {
  const std::string_view written = c.found.text;
  const bool iso = written.size() == 10 && written[4] == '-' && written[7] == '-' &&
                   std::all_of(written.begin(), written.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == '-'; });
  if (!iso) return false;
  const std::size_t line = text.rfind('\n', c.found.span.begin == 0 ? 0 : c.found.span.begin - 1);
  std::string lead(text.substr(line == std::string_view::npos ? 0 : line + 1,
                               c.found.span.begin - (line == std::string_view::npos ? 0 : line + 1)));
  std::erase_if(lead, [](char ch) { return ch == ' ' || ch == ':' || ch == '\t'; });
  return lead.empty() || lead == "date" || lead == "Date" || lead == "Published" || lead == "published" || lead == "日期" ||
         lead == "发布时间" || lead == "更新时间" || lead == "时间";
}

bool is_dateline(std::string_view text, const claim& c) {
  if (c.found.kind != claim_kind::date) return false;
  if (opens_a_line_as_stamp(text, c)) return true;
  const std::size_t end = c.found.span.end;
  for (std::string_view closing : {"电", "電", "讯", "訊", "】"}) {
    if (detail::starts_with(text, end, closing)) return true;
  }
  return before_credited_dash(text, end);
}

// `1900年以来`, `since 2008`: a date that opens a period others are counted over, not the date
// of a fact.
bool opens_a_period(std::string_view text, const claim& c) {
  if (c.found.kind != claim_kind::date) return false;
  const std::size_t after = detail::skip_spaces(text, c.found.span.end);
  if (detail::starts_with(text, after, "以来") || detail::starts_with(text, after, "以來")) return true;
  const std::size_t before = detail::skip_spaces_back(text, c.found.span.begin);
  const bool after_since = before >= 6 && (text.substr(before - 6, 6) == " since" || text.substr(before - 6, 6) == " Since");
  return after_since || (before == 5 && text.substr(0, 5) == "Since");
}

std::optional<unsigned> weekday_at(std::string_view text, std::size_t pos) {
  static constexpr std::string_view english[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  for (unsigned d = 0; d < 7; ++d) {
    if (text.substr(pos, english[d].size()) == english[d]) return d;
  }
  static constexpr std::string_view days[] = {"日", "一", "二", "三", "四", "五", "六"};
  for (std::string_view prefix : {"星期", "礼拜", "周"}) {
    if (text.substr(pos, prefix.size()) != prefix) continue;
    for (unsigned d = 0; d < 7; ++d) {
      if (text.substr(pos + prefix.size(), days[d].size()) == days[d]) return d;
    }
    if (text.substr(pos + prefix.size(), 3) == "天") return 0u;
  }
  return std::nullopt;
}

namespace {

// `3.30 p.m.`, `3:30pm`, `11 pm`, `9 a.m.` at `pos`: `T15:30`; empty when there is none. The
// half-day word is required: `3.30` alone is a figure or a score, not a time.
std::string english_clock(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t p = pos;
  int hour = 0;
  while (p < end && is_digit(text[p]) && p - pos < 2) hour = hour * 10 + (text[p++] - '0');
  if (p == pos) return {};
  int minute = 0;
  if (p + 2 < end && (text[p] == '.' || text[p] == ':') && is_digit(text[p + 1]) && is_digit(text[p + 2])) {
    minute = (text[p + 1] - '0') * 10 + (text[p + 2] - '0');
    p += 3;
  }
  p = detail::skip_spaces(text, p);
  bool afternoon = false;
  bool found = false;
  for (std::string_view half : {"p.m.", "pm", "PM", "P.M.", "a.m.", "am", "AM", "A.M."}) {
    if (text.substr(p, half.size()) == half && (p + half.size() >= end || !is_alpha(text[p + half.size()]))) {
      afternoon = half[0] == 'p' || half[0] == 'P';
      found = true;
      break;
    }
  }
  if (!found || hour < 1 || hour > 12 || minute > 59) return {};
  if (afternoon && hour < 12) hour += 12;
  if (!afternoon && hour == 12) hour = 0;
  return fmt::format("T{:02}:{:02}", hour, minute);
}

}  // namespace

std::string clock_after(std::string_view text, std::size_t pos, std::size_t end) {
  pos = detail::skip_spaces(text, pos);
  bool afternoon = false;
  for (std::string_view part : {"凌晨", "上午", "早上", "中午", "下午", "晚上", "傍晚", "晚"}) {
    if (text.substr(pos, part.size()) == part) {
      afternoon = part == "下午" || part == "晚上" || part == "傍晚" || part == "晚";
      pos += part.size();
      break;
    }
  }
  std::size_t p = pos;
  int hour = 0;
  while (p < end && is_digit(text[p]) && p - pos < 2) hour = hour * 10 + (text[p++] - '0');
  if (p > pos && !(text.substr(p, 3) == "时" || text.substr(p, 3) == "点")) return english_clock(text, pos, end);
  if (p == pos) return {};
  p += 3;
  int minute = 0;
  const std::size_t minute_begin = p;
  while (p < end && is_digit(text[p]) && p - minute_begin < 2) minute = minute * 10 + (text[p++] - '0');
  if (p > minute_begin && text.substr(p, 3) != "分") minute = 0;
  if (afternoon && hour < 12) hour += 12;
  if (hour > 24 || minute > 59) return {};
  return fmt::format("T{:02}:{:02}", hour, minute);
}

std::string stamp_moment(const claim& when, const std::optional<civil_date>& published) {
  if (when.date && when.status == resolution::resolved) {
    if (when.date->grain == date_grain::day) return when.date->first.iso();
    if (when.date->grain == date_grain::month) return when.date->first.iso().substr(0, 7);
    return {};
  }
  const auto& parts = when.found.date;
  if (!parts || !parts->day || parts->month || parts->year || !published) return {};
  int year = published->year;
  unsigned month = published->month;
  if (*parts->day > published->day) {  // the 19th, published on the 3rd: last month's
    if (month == 1) {
      month = 12;
      --year;
    } else {
      --month;
    }
  }
  const auto day = civil_date::make(year, month, *parts->day);
  return day ? day->iso() : std::string();
}

std::vector<attribution> find_attributions(std::string_view text, byte_span span, const lexicon& lex) {
  std::vector<attribution> out;
  for (const cue& named : find_cues(text, span, lex.known_sources)) {
    std::size_t lead = detail::skip_spaces_back(text, named.begin);
    if (lead >= span.begin + 4 && text.substr(lead - 4, 4) == "the ") lead = detail::skip_spaces_back(text, lead - 4);
    bool credited = lex.attribution_before.longest_ending_at(text, lead).has_value();
    std::size_t after = detail::skip_spaces(text, named.end);
    for (std::string_view open : {"（", "("}) {
      if (text.substr(after, open.size()) == open) {
        const std::size_t close = text.find(open == "（" ? "）" : ")", after);
        if (close != std::string_view::npos && close < span.end && close - after < 40) {
          after = detail::skip_spaces(text, close + (open == "（" ? 3 : 1));
        }
      }
    }
    if (!credited && after < span.end) {
      // 美国地质调查所(USGS)则测得, 也表示: a linking adverb may stand before the verb.
      for (std::string_view adverb : {"\xE5\x88\x99\xE6\x98\xAF", "\xE5\x88\x99", "\xE4\xB9\x9F", "\xE4\xBA\xA6", "also "}) {  // 则是 则 也 亦
        if (text.substr(after, adverb.size()) == adverb) {
          after = detail::skip_spaces(text, after + adverb.size());
          break;
        }
      }
      const auto verb = lex.attribution_after.longest_at(text, after);
      credited = verb && detail::word_boundary(text, after + verb->length);
    }
    if (credited) out.push_back(attribution{named.begin, lex.source_names[named.payload]});
  }
  return out;
}

std::vector<std::set<std::string>> sources_by_document(std::size_t count, const std::vector<std::map<std::size_t, sentence_context>>& contexts) {
  std::vector<std::set<std::string>> out(count);
  for (std::size_t doc = 0; doc < count && doc < contexts.size(); ++doc) {
    for (const auto& entry : contexts[doc]) {
      for (const attribution& a : entry.second.attributions) out[doc].insert(a.source);
    }
  }
  return out;
}

std::size_t after_time_zone_words(std::string_view text, std::size_t pos) {
  static constexpr std::string_view zones[] = {"北京时间", "当地时间", "台北时间", "香港时间", "Beijing time", "local time"};
  for (std::string_view zone : zones) {
    if (text.substr(pos, zone.size()) == zone) return skip_spaces(text, pos + zone.size());
  }
  return pos;
}

}  // namespace checker::detail
