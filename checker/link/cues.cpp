// Cue words: lexicon words found in a span, and which attribute a cue gives a figure.
#include "link/annotations.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

namespace checker::detail {

namespace {

bool ascii_boundaries_ok(std::string_view text, std::size_t begin, std::size_t end) {
  const bool starts_alpha = is_alpha(text[begin]);
  const bool ends_alpha = is_alpha(text[end - 1]);
  if (starts_alpha && begin > 0 && is_alpha(text[begin - 1])) return false;
  if (ends_alpha && end < text.size() && is_alpha(text[end])) {
    // Allow English plurals and past forms: releases, released (cues list the common ones).
    return false;
  }
  return true;
}

// The longest word at `pos`; a capital letter that opens a word also matches a lower-case cue
// ("Training R1 cost" holds the cue `training`).
std::optional<word_set::match> cue_at(std::string_view text, std::size_t pos, const word_set& words) {
  auto m = words.longest_at(text, pos);
  if (is_upper(text[pos]) && (pos == 0 || !is_alpha(text[pos - 1]))) {
    std::string lowered(text.substr(pos, std::min<std::size_t>(48, text.size() - pos)));
    lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
    if (auto lower = words.longest_at(lowered, 0); lower && (!m || lower->length > m->length)) m = lower;
  }
  return m;
}

}  // namespace

std::vector<cue> find_cues(std::string_view text, byte_span span, const word_set& words) {
  std::vector<cue> out;
  for (std::size_t pos = span.begin; pos < span.end;) {
    if (auto m = cue_at(text, pos, words); m && pos + m->length <= span.end && ascii_boundaries_ok(text, pos, pos + m->length)) {
      if (m->payload != lexicon::idiom_payload) out.push_back(cue{pos, pos + m->length, m->payload});
      pos += m->length;
      continue;
    }
    std::size_t n = 0;
    detail::decode(text, pos, &n);
    pos += n;
  }
  return out;
}

std::string claim_dimension(const claim& c) {
  switch (c.found.kind) {
    case claim_kind::date: return "date";
    case claim_kind::money: return "money";
    case claim_kind::percent: return "percent";
    case claim_kind::duration: return "duration";
    case claim_kind::count: return "count:" + (c.found.amount ? c.found.amount->counted : std::string());
    case claim_kind::number: return "number:" + (c.found.amount ? c.found.amount->unit : std::string());
  }
  return "number";
}

bool dimension_fits(const attribute_entry& attribute, const std::string& dimension, bool exact_only) {
  for (const std::string& d : attribute.dims) {
    if (d == dimension) return true;
    if (!exact_only && d == "count" && dimension.rfind("count:", 0) == 0) return true;
    if (!exact_only && d == "number" && dimension.rfind("number:", 0) == 0) return true;
  }
  return false;
}

std::optional<std::size_t> fitting_attribute(const lexicon& lex, std::size_t target, const std::string& dimension) {
  for (std::size_t a : lex.attribute_cue_targets[target]) {
    if (dimension_fits(lex.attributes[a], dimension, false)) return a;
  }
  return std::nullopt;
}

bool dimension_fits_attribute(const lexicon& lex, const std::string& attribute, const std::string& dimension) {
  return std::any_of(lex.attributes.begin(), lex.attributes.end(),
                     [&](const attribute_entry& a) { return a.id == attribute && dimension_fits(a, dimension, false); });
}

std::optional<std::size_t> sole_attribute_counting(const lexicon& lex, const std::string& dimension) {
  std::optional<std::size_t> found;
  for (std::size_t a = 0; a < lex.attributes.size(); ++a) {
    if (!dimension_fits(lex.attributes[a], dimension, true)) continue;
    if (found) return std::nullopt;
    found = a;
  }
  return found;
}

bool is_measured(const lexicon& lex, const std::string& attribute) {
  return std::any_of(lex.attributes.begin(), lex.attributes.end(), [&](const attribute_entry& a) { return a.id == attribute && a.measured; });
}

bool within_attribute_range(const lexicon& lex, const claim& c) {
  if (!c.value) return true;
  for (const attribute_entry& a : lex.attributes) {
    if (a.id != c.attribute) continue;
    if (a.minimum && compare(*c.value, *a.minimum) < 0) return false;
    if (a.maximum && compare(*c.value, *a.maximum) > 0) return false;
  }
  return true;
}

std::string unit_of_attribute(const lexicon& lex, const std::string& attribute) {
  for (const attribute_entry& a : lex.attributes) {
    if (a.id != attribute) continue;
    for (const std::string& d : a.dims) {
      if (d.rfind("number:", 0) == 0 && d.size() > 7) return d.substr(7);
    }
  }
  return {};
}

}  // namespace checker::detail
