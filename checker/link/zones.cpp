// Which calendar a date is written in. A calendar date is local: the landing at 06:23 on 2 June
// in Beijing happened on 1 June in New York, and pages in the two places both tell it right.
// Compare reads a date as the span of UTC it covers in its zone, so dates a day apart in
// different zones are not taken for a contradiction.
#include "link/annotations.h"

#include <fmt/format.h>

#include "recognize/scanner.h"

namespace checker::detail {

void assign_time_zone(claim& c, std::string_view text, byte_span clause, const lexicon& lex) {
  const byte_span span = c.found.span;
  // `9:40 a.m. Taipei time`, `8 a.m. (GMT)`: a zone written right after the date is its own,
  // whatever the full stops of a.m. do to the clause.
  std::size_t after = skip_spaces(text, span.end);
  if (after < text.size() && text[after] == '(') after = skip_spaces(text, after + 1);
  // Not when the brackets hold a time of their own: `当地时间8日23时10分(北京时间9日6时10分)`.
  const auto converted = [&](std::size_t zone_end) {
    const std::size_t next = skip_spaces(text, zone_end);
    return next < text.size() && is_digit(text[next]);
  };
  if (const auto zone = lex.time_zones.longest_at(text, after);
      zone && (after + zone->length >= text.size() || !is_alpha(text[after + zone->length])) && !converted(after + zone->length)) {
    c.utc_offset_minutes = lex.zone_offsets[zone->payload];
    c.zone_basis = fmt::format("stated '{}'", text.substr(after, zone->length));
    return;
  }
  const cue* nearest = nullptr;
  std::size_t nearest_distance = 0;
  const std::vector<cue> zones = find_cues(text, clause, lex.time_zones);
  for (const cue& z : zones) {
    // `7:58am (23:58 GMT)`: a zone in brackets belongs to what the brackets hold, even when they
    // follow the date; one that opens brackets right after the date (`June 2 (UTC)`) was taken above.
    if (enclosing_parenthesis(text, clause, z.begin)) continue;
    const std::size_t d = distance(byte_span{z.begin, z.end}, span);
    if (nearest == nullptr || d < nearest_distance) {
      nearest = &z;
      nearest_distance = d;
    }
  }
  // 当地时间晚间11时11分, 11 pm local time: the clock of the place where it happened, which the
  // text does not name; not China's, though written in Chinese.
  // It competes with the named zones by distance: `当地时间8日23时11分（北京时间9日6时11分）`.
  bool local_time = false;
  for (std::string_view word : {std::string_view("当地时间"), std::string_view("local time")}) {
    for (std::size_t at = text.substr(0, clause.end).find(word, clause.begin); at != std::string_view::npos;
         at = text.substr(0, clause.end).find(word, at + word.size())) {
      if (enclosing_parenthesis(text, clause, at) != enclosing_parenthesis(text, clause, span.begin)) continue;
      const std::size_t d = distance(byte_span{at, at + word.size()}, span);
      if (nearest == nullptr || d < nearest_distance) local_time = true;
    }
  }
  if (local_time) {
    c.zone_basis = "local time of the place, not named";
  } else if (nearest != nullptr) {
    c.utc_offset_minutes = lex.zone_offsets[nearest->payload];
    c.zone_basis = fmt::format("stated '{}'", text.substr(nearest->begin, nearest->end - nearest->begin));
  } else if (lex.chinese_dates_zone && has_han(c.found.text)) {
    c.utc_offset_minutes = *lex.chinese_dates_zone;
    c.zone_basis = "written in Chinese";
  }
}

}  // namespace checker::detail
