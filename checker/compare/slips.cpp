// Issue 14, pass "slips": the kind of slip that turns a finding's supported figure into the odd
// one, named only when the numbers show it and only one kind fits (no slip is better than a
// wrong one). All arithmetic is on exact decimals.
//
// Kinds (stable ids, documented in docs/findings.md):
// - `slip.stale`: a superseded finding's older figure, or an older report's figure of a running
//   total or of a count that changes while a story is reported;
// - `slip.year`: two dates equal but for the year;
// - `slip.power-of-ten`: the same digits times 10, 100, 1,000 or 10,000 (a scale word or a
//   decimal point); one significant digit only when no other fact has the odd value;
// - `slip.digits-transposed`: the same digits with two neighbours swapped (4,750 / 4,570);
// - `slip.digit-wrong`: one digit differs, not the last one stated (that is what updates and
//   rounding do), in a figure of three digits or more;
// - `slip.rounding`: the supported figure cut or rounded to a coarser precision than the odd
//   figure states (60.7% given as 60%), off by under 2%;
// - `slip.unit`: the supported figure's number in another unit of the same measure (3 days /
//   3 hours);
// - `slip.neighbouring-fact`: the value another fact of the corpus has (another year's,
//   another region's figure, a forecast), at two significant digits or more.
// - `slip.currency`: the supported figure's number in another currency (16.98亿美元 /
//   16.98亿港元). Currencies never share a contradiction (they do not convert): only the draft
//   slips pass (draft_slips.cpp) puts two currencies in one finding, for one number.
// `slip.conversion` is an id no finding names yet.
#include <algorithm>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "compare/rules.h"

namespace checker::detail {
namespace {

// A claim's value on the finding's axis.
std::optional<decimal> axis_value(const finding& f, const std::vector<claim>& claims, std::size_t i) {
  const claim& c = claims[i];
  if (!c.value) return std::nullopt;
  const auto at = std::find(f.claims.begin(), f.claims.end(), i);
  const decimal factor = at == f.claims.end() ? decimal{1, 0} : f.factors[static_cast<std::size_t>(at - f.claims.begin())];
  return multiply(*c.value, factor);
}

bool same_value(const claim& a, const claim& b) {
  if (a.date || b.date) {
    const auto clock_text = [](const date_value& d) { return d.clock ? d.clock->text : std::string(); };
    return a.date && b.date && a.date->first == b.date->first && a.date->last == b.date->last && clock_text(*a.date) == clock_text(*b.date);
  }
  return a.value && b.value && *a.value == *b.value;
}

// The supported side's figure: the value most of its claims give (a side may hold 29.4万 and
// "about 300,000"); among equals one without a hedge word, then one of the odd figure's form (a
// day for a day, the same unit as written), then the one stated most precisely, then the first.
std::size_t reference_claim(const std::vector<std::size_t>& side, const std::vector<claim>& claims, const claim& odd) {
  const auto same_form = [&](const claim& c) {
    if (c.date || odd.date) {
      return c.date && odd.date && c.date->grain == odd.date->grain && c.date->clock.has_value() == odd.date->clock.has_value();
    }
    return c.found.amount && odd.found.amount && c.found.amount->factor == odd.found.amount->factor;
  };
  std::size_t best = side.front();
  std::size_t best_count = 0;
  for (std::size_t i : side) {
    const std::size_t count =
        static_cast<std::size_t>(std::count_if(side.begin(), side.end(), [&](std::size_t j) { return same_value(claims[i], claims[j]); }));
    // A figure without a hedge word (仅, just, 不到) is the one to quote back.
    const auto rank = [&](std::size_t j) { return std::pair{claims[j].found.hedge == hedge_kind::none, same_form(claims[j])}; };
    const bool better_form = rank(i) > rank(best);
    const bool more_precise = rank(i) == rank(best) && claims[i].value && claims[best].value &&
                              claims[i].value->exponent < claims[best].value->exponent;
    if (count > best_count || (count == best_count && (better_form || more_precise))) {
      best = i;
      best_count = count;
    }
  }
  return best;
}

// The digits of `a` and `b` written at their common exponent: 4750 and 4570 -> "475", "457".
std::optional<std::pair<std::string, std::string>> aligned_digits(const decimal& a, const decimal& b) {
  const decimal ta = a.trimmed();
  const decimal tb = b.trimmed();
  if (ta.mantissa <= 0 || tb.mantissa <= 0) return std::nullopt;
  const std::int32_t e = std::min(ta.exponent, tb.exponent);
  const auto digits = [&](const decimal& d) { return std::to_string(d.mantissa) + std::string(static_cast<std::size_t>(d.exponent - e), '0'); };
  if (ta.exponent - e > 6 || tb.exponent - e > 6) return std::nullopt;
  return std::pair{digits(ta), digits(tb)};
}

std::string times_words(int power) {
  switch (power) {
    case 1: return "ten times";
    case 2: return "a hundred times";
    case 3: return "a thousand times";
    case 4: return "ten thousand times";
    case -1: return "a tenth of";
    case -2: return "a hundredth of";
    case -3: return "a thousandth of";
    case -4: return "a ten-thousandth of";
  }
  return "";
}

// `odd` truncated or rounded half away from zero at exponent `e`.
bool cut_to(const decimal& exact, std::int32_t e, const decimal& coarse) {
  if (exact.exponent >= e) return false;
  std::int64_t m = exact.mantissa;
  std::int64_t truncated = m;
  std::int64_t last_dropped = 0;
  for (std::int32_t k = exact.exponent; k < e; ++k) {
    last_dropped = std::llabs(truncated % 10);
    truncated /= 10;
  }
  const decimal cut{truncated, e};
  const decimal rounded{truncated + (last_dropped >= 5 ? (m < 0 ? -1 : 1) : 0), e};
  return compare(cut, coarse) == 0 || compare(rounded, coarse) == 0;
}

}  // namespace

bool same_number_as_stated(const decimal& a, const decimal& b) {
  if (compare(a, b) == 0) return true;
  const decimal ta = a.trimmed();
  const decimal tb = b.trimmed();
  const decimal& coarse = ta.exponent > tb.exponent ? ta : tb;
  const decimal& fine = ta.exponent > tb.exponent ? tb : ta;
  if (coarse.mantissa > -10 && coarse.mantissa < 10) return false;  // one digit says too little
  return cut_to(fine, coarse.exponent, coarse);
}

namespace {

struct slip_context {
  const finding& f;
  const std::vector<document>& docs;
  const std::vector<claim>& claims;
  std::size_t reference;  // the supported figure's claim
  std::size_t odd;        // the odd figure's claim
  bool moves = false;     // the figure moves while the story is reported (a toll): updates change its last digit
};

using candidate = std::pair<std::string, std::string>;  // (id, message)

std::optional<candidate> year_slip(const slip_context& x) {
  const claim& r = x.claims[x.reference];
  const claim& o = x.claims[x.odd];
  if (!r.date || !o.date || r.date->grain != o.date->grain) return std::nullopt;
  if (r.date->grain != date_grain::day && r.date->grain != date_grain::month) return std::nullopt;
  // Another time of day too: more than the year differs. A time on one side only is the same day
  // stated more precisely (2023年8月20日10时 / 2024年8月20日): only the year differs.
  if (r.date->clock && o.date->clock && r.date->clock->text != o.date->clock->text) return std::nullopt;
  if (r.date->clock.has_value() != o.date->clock.has_value() && r.date->grain != date_grain::day) return std::nullopt;
  if (r.date->first.year == o.date->first.year || r.date->first.month != o.date->first.month ||
      (r.date->grain == date_grain::day && r.date->first.day != o.date->first.day)) {
    return std::nullopt;
  }
  return candidate{"slip.year", fmt::format("the same date in another year ({} for {}, as in {})", o.date->first.year, r.date->first.year,
                                            r.found.text)};
}

// `single_digit`: also when the digits are one (1 / 10): the caller then makes sure no other fact
// of the corpus has the odd value, which would make the same digits a coincidence.
std::optional<candidate> power_of_ten_slip(const decimal& ref, const decimal& odd, const claim& r, bool single_digit) {
  const decimal tr = ref.trimmed();
  const decimal to = odd.trimmed();
  if (tr.mantissa != to.mantissa || (!single_digit && tr.mantissa > -10 && tr.mantissa < 10)) return std::nullopt;
  const int power = to.exponent - tr.exponent;
  if (power == 0 || std::abs(power) > 4) return std::nullopt;
  return candidate{"slip.power-of-ten",
                   fmt::format("{} the supported {}: a power-of-ten slip (a scale word or a decimal point)", times_words(power), r.found.text)};
}

std::optional<candidate> digit_slip(const decimal& ref, const decimal& odd, const claim& r, bool moves) {
  const auto digits = aligned_digits(ref, odd);
  if (!digits || digits->first.size() != digits->second.size() || digits->first.size() < 2) return std::nullopt;
  const std::string& a = digits->first;
  const std::string& b = digits->second;
  std::vector<std::size_t> differ;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k] != b[k]) differ.push_back(k);
  }
  if (differ.size() == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] && a[differ[1]] == b[differ[0]]) {
    return candidate{"slip.digits-transposed", fmt::format("the digits of the supported {} with two neighbours swapped", r.found.text)};
  }
  // The last stated digit is what updates and roundings change: not evidence of a slip, unless
  // the figure does not move over time, both state it to the same precision and the digits are
  // two or more apart (50.3亿 and 50.6亿 for a film's fixed total: 50.35 rounds and truncates
  // to 50.4 and 50.3, but nothing gives 50.6 from 50.3).
  const std::string stated_a = std::to_string(ref.trimmed().mantissa);
  const std::string stated_b = std::to_string(odd.trimmed().mantissa);
  const bool last_of_same_precision = !moves && stated_a.size() == stated_b.size() && differ.size() == 1 &&
                                      differ[0] + 1 == a.size() && std::abs(a[differ[0]] - b[differ[0]]) >= 2;
  if (differ.size() == 1 && a.size() >= 3 && ((differ[0] + 1 < stated_a.size() && differ[0] + 1 < a.size()) || last_of_same_precision)) {
    return candidate{"slip.digit-wrong", fmt::format("one digit differs from the supported {}", r.found.text)};
  }
  return std::nullopt;
}

std::optional<candidate> rounding_slip(const decimal& ref, const decimal& odd, const claim& r) {
  const std::int32_t e = odd.trimmed().exponent;
  if (!cut_to(ref.trimmed(), e, odd)) return std::nullopt;
  // Off by under 2%: a wider gap is another figure, not the same one cut short.
  const auto gap = subtract(ref, odd);
  const auto gap50 = gap ? multiply(*gap, decimal{50, 0}) : std::nullopt;
  if (!gap50 || compare(gap50->mantissa < 0 ? negate(*gap50) : *gap50, ref.mantissa < 0 ? negate(ref) : ref) > 0) return std::nullopt;
  return candidate{"slip.rounding", fmt::format("the supported {} cut or rounded beyond the precision the figure states", r.found.text)};
}

std::optional<candidate> unit_slip(const slip_context& x) {
  const claim& r = x.claims[x.reference];
  const claim& o = x.claims[x.odd];
  if (!r.found.amount || !o.found.amount || r.found.amount->factor == o.found.amount->factor) return std::nullopt;
  if (!(r.found.amount->value == o.found.amount->value)) return std::nullopt;
  return candidate{"slip.unit", fmt::format("the number of the supported {} in another unit ({} for {})", r.found.text,
                                            o.found.amount->unit_text, r.found.amount->unit_text)};
}

std::optional<candidate> currency_slip(const slip_context& x) {
  const claim& r = x.claims[x.reference];
  const claim& o = x.claims[x.odd];
  if (r.found.kind != claim_kind::money || o.found.kind != claim_kind::money || r.unit == o.unit) return std::nullopt;
  if (!r.found.amount || !o.found.amount || !same_number_as_stated(r.found.amount->value, o.found.amount->value)) return std::nullopt;
  return candidate{"slip.currency", fmt::format("the number of the supported {} in another currency ({} for {})", r.found.text, o.unit, r.unit)};
}

// The odd figure's very number in another currency, as a published source gives this fact
// (突破100亿美元 where another outlet writes 突破100亿元 and the supported side converts it): the
// currency word slipped, though the supported figure is written in the odd one's currency.
std::optional<candidate> currency_of_another_source(const slip_context& x) {
  const claim& o = x.claims[x.odd];
  if (o.found.kind != claim_kind::money || !o.found.amount) return std::nullopt;
  for (const claim& n : x.claims) {
    if (x.docs[n.document].draft || n.status != resolution::resolved || n.found.kind != claim_kind::money || !n.found.amount) continue;
    if (n.subject != x.f.subject || n.attribute != x.f.attribute || n.qualifiers != o.qualifiers || n.unit == o.unit) continue;
    if (n.unit == x.claims[x.reference].unit || n.found.hedge != o.found.hedge || !same_number_as_stated(n.found.amount->value, o.found.amount->value)) {
      continue;
    }
    return candidate{"slip.currency", fmt::format("the number of {} in {} in another currency ({} for {})", n.found.text, x.docs[n.document].id,
                                                  o.unit, n.unit)};
  }
  return std::nullopt;
}

// A figure the draft itself gives for another fact, elsewhere in its text: in a list of places or
// titles, the row above or below copied into this one (84 people at one school given again for a
// mine). Only in a draft: the draft's figure is the one in question there, and its own other
// figures are what its writer had before their eyes.
bool drafts_own_other_figure(const slip_context& x, const claim& n, const claim& o) {
  return &n != &o && n.document == o.document && x.docs[o.document].draft &&
         (n.found.span.end <= o.found.span.begin || o.found.span.end <= n.found.span.begin);
}

// The same value stated for another fact that shares the subject or the attribute, or that the
// draft gives elsewhere (or that value cut or rounded to the odd figure's precision). With
// `single_digit` false, a value of one significant digit (10, 3) is too common to name.
std::optional<candidate> neighbouring_slip(const slip_context& x, bool single_digit = false) {
  const claim& o = x.claims[x.odd];
  if (!single_digit && o.value && o.value->trimmed().mantissa < 10 && o.value->trimmed().mantissa > -10) return std::nullopt;
  if (o.date && o.date->grain != date_grain::day) return std::nullopt;
  for (std::size_t i = 0; i < x.claims.size(); ++i) {
    const claim& n = x.claims[i];
    if (!n.linked() || n.status != resolution::resolved || n.unit != o.unit) continue;
    const bool own = drafts_own_other_figure(x, n, o);
    if (x.docs[n.document].draft && !own) continue;
    if (n.subject != x.f.subject && n.attribute != x.f.attribute && !own) continue;
    if (n.subject == x.f.subject && n.attribute == x.f.attribute && n.qualifiers == x.f.qualifiers) continue;
    // The same value, or the neighbour's figure cut or rounded to the odd figure's precision
    // (16.98億 given as $1.69 billion: a writer copying a figure may shorten it, but cannot add
    // the digits a more precise odd figure states).
    const bool as_stated = !n.date && !o.date && n.value && o.value && o.value->trimmed().exponent >= n.value->trimmed().exponent &&
                           same_number_as_stated(*n.value, *o.value);
    if (!same_value(n, o) && !as_stated) continue;
    std::string what = n.subject + " " + n.attribute;
    if (!n.qualifiers.empty()) what += fmt::format(" [{}]", fmt::join(n.qualifiers, ", "));
    return candidate{"slip.neighbouring-fact",
                     fmt::format("the value of a neighbouring fact: {} is {} in {}", what, n.found.text, x.docs[n.document].id)};
  }
  return std::nullopt;
}

// `value` rounded half away from zero to `digits` significant digits (2.32 billion to two: 2.3
// billion); nothing when it has no more digits than that.
std::optional<decimal> rounded_to_digits(const decimal& value, std::size_t digits) {
  const decimal t = value.trimmed();
  const std::size_t own = std::to_string(t.mantissa < 0 ? -t.mantissa : t.mantissa).size();
  if (own <= digits) return std::nullopt;
  std::int64_t m = t.mantissa;
  std::int64_t last_dropped = 0;
  for (std::size_t k = digits; k < own; ++k) {
    last_dropped = std::llabs(m % 10);
    m /= 10;
  }
  if (last_dropped >= 5) m += m < 0 ? -1 : 1;
  return decimal{m, t.exponent + static_cast<std::int32_t>(own - digits)};
}

// The supported figure stated more precisely than the odd one (23.20億美元 against $3.2 billion):
// a writer who slips rounds first, so the digits to compare are the supported figure's rounded
// to as many significant digits as the odd figure states, two at least (one says too little).
// Only the slips that keep the digits (a power of ten, two neighbours swapped) are read there:
// a last digit one apart is what rounding itself does.
std::vector<candidate> rounded_reference_slips(const decimal& ref, const decimal& odd, const claim& r) {
  const decimal t = odd.trimmed();
  const std::size_t odd_digits = std::to_string(t.mantissa < 0 ? -t.mantissa : t.mantissa).size();
  const auto rounded = odd_digits >= 2 ? rounded_to_digits(ref, odd_digits) : std::nullopt;
  if (!rounded) return {};
  std::vector<candidate> out;
  if (auto scaled = power_of_ten_slip(*rounded, odd, r, false)) {
    scaled->second += fmt::format(" (the supported figure rounded to {} significant digits)", odd_digits);
    out.push_back(std::move(*scaled));
  }
  if (auto swapped = digit_slip(*rounded, odd, r, true); swapped && swapped->first == "slip.digits-transposed") {
    swapped->second += fmt::format(" (the supported figure rounded to {} significant digits)", odd_digits);
    out.push_back(std::move(*swapped));
  }
  return out;
}

// Whether `v` is a value `ref` allows as stated: `v` rounded or cut to the last digit `ref`
// states gives `ref` (2.923 billion and 2.96 billion are values `$2.9 billion` allows; writers cut
// 16.98億 to `$1.69 billion` as often as they round it).
bool within_stated_precision(const decimal& v, const decimal& ref) {
  const decimal t = ref.trimmed();
  const auto low = subtract(t, t.half_unit());
  const auto high = add(t, decimal{1, t.exponent});
  return low && high && compare(v, *low) >= 0 && compare(v, *high) < 0;
}

// The supported figure stated less precisely than the odd one (`$2.9 billion` against
// 22.93億美元): rounding the odd figure would lose the very digits a slip moved, so the slip is
// undone on the odd figure instead, and named when exactly one undoing gives a value the
// supported figure allows as stated. Two neighbours swapped back (22.93 -> 29.23, which `$2.9
// billion` allows) must move a digit the supported figure states; a power of ten undone must land
// inside its precision. The supported figure must state two significant digits at least (one
// says too little), the odd figure more than it does (otherwise the other readings apply), and
// the two must be two units or more of the supported figure's last stated digit apart.
std::vector<candidate> precise_odd_slips(const decimal& ref, const decimal& odd, const claim& r) {
  const decimal tr = ref.trimmed();
  const decimal to = odd.trimmed();
  if (tr.mantissa <= 0 || to.mantissa <= 0) return {};
  const std::string ref_digits = std::to_string(tr.mantissa);
  const std::string odd_digits = std::to_string(to.mantissa);
  if (ref_digits.size() < 2 || odd_digits.size() <= ref_digits.size()) return {};
  // Within two units of the supported figure's last stated digit (16.98億 against $1.69 billion,
  // 22.64億 against $2.25 billion) is what truncation, rounding and a later estimate give: no slip.
  const auto gap = subtract(to, tr);
  const auto gap_abs = gap && gap->mantissa < 0 ? negate(*gap) : gap;
  if (!gap_abs || compare(*gap_abs, decimal{2, tr.exponent}) < 0) return {};
  std::vector<candidate> out;
  std::vector<int> powers;
  for (int p = -4; p <= 4; ++p) {
    if (p != 0 && within_stated_precision(scale10(to, -p), tr)) powers.push_back(p);
  }
  if (powers.size() == 1) {
    out.push_back(candidate{"slip.power-of-ten",
                            fmt::format("{} the supported {}: a power-of-ten slip (a scale word or a decimal point; the odd figure's "
                                        "digits are within the precision the supported figure states)",
                                        times_words(powers.front()), r.found.text)});
  }
  // The leading digits at one place value: a swap keeps the magnitude.
  const auto lead = [](const decimal& d, const std::string& digits) { return d.exponent + static_cast<std::int32_t>(digits.size()); };
  if (lead(tr, ref_digits) != lead(to, odd_digits)) return out;
  std::vector<std::pair<std::size_t, std::string>> swaps;  // (position, the digits swapped back)
  for (std::size_t i = 0; i + 1 < odd_digits.size(); ++i) {
    if (odd_digits[i] == odd_digits[i + 1] || (i == 0 && odd_digits[1] == '0')) continue;
    std::string back = odd_digits;
    std::swap(back[i], back[i + 1]);
    if (within_stated_precision(decimal{std::stoll(back), to.exponent}, tr)) swaps.emplace_back(i, back);
  }
  if (swaps.size() == 1 && swaps.front().first < ref_digits.size()) {
    out.push_back(candidate{"slip.digits-transposed",
                            fmt::format("two neighbouring digits swapped (digits {} for {}): swapped back, the figure is one the "
                                        "supported {} allows as stated",
                                        odd_digits, swaps.front().second, r.found.text)});
  }
  return out;
}

// Every kind that fits; the caller names one only when exactly one does.
std::vector<candidate> candidates(const slip_context& x) {
  std::vector<candidate> out;
  const auto keep = [&](std::optional<candidate> c) {
    if (c) out.push_back(std::move(*c));
  };
  const claim& r = x.claims[x.reference];
  keep(year_slip(x));
  const auto ref = axis_value(x.f, x.claims, x.reference);
  const auto odd = axis_value(x.f, x.claims, x.odd);
  // Two currencies never convert on the axis: their numbers are compared for the currency slip
  // only (29万港元 is not 29.4万美元 rounded, it is the number in the wrong currency).
  const claim& o = x.claims[x.odd];
  const bool two_currencies = r.found.kind == claim_kind::money && o.found.kind == claim_kind::money && r.unit != o.unit;
  if (ref && odd && !r.date && !two_currencies) {
    // 1人 / 10人: one digit times ten is a power-of-ten slip unless another fact of the corpus
    // has the odd value (then the digits agree by chance).
    std::optional<candidate> scaled = power_of_ten_slip(*ref, *odd, r, false);
    if (!scaled && !neighbouring_slip(x, true)) scaled = power_of_ten_slip(*ref, *odd, r, true);
    keep(scaled);
    const auto digits = digit_slip(*ref, *odd, r, x.moves);
    keep(digits);
    if (!scaled && !digits) {
      for (candidate& c : rounded_reference_slips(*ref, *odd, r)) out.push_back(std::move(c));
      for (candidate& c : precise_odd_slips(*ref, *odd, r)) out.push_back(std::move(c));
    }
    keep(rounding_slip(*ref, *odd, r));
    keep(unit_slip(x));
  }
  if (ref && odd && !r.date) {
    const auto currency = currency_slip(x);
    keep(currency ? currency : currency_of_another_source(x));
  }
  keep(neighbouring_slip(x));
  return out;
}

// --- Suggestions: the supported figure written the way the odd figure is written. ---

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::string with_commas(const std::string& plain) {
  const std::size_t point = plain.find('.');
  std::string whole = plain.substr(0, point);
  const std::string rest = point == std::string::npos ? "" : plain.substr(point);
  for (std::size_t k = whole.size(); k > 3; k -= 3) whole.insert(k - 3, ",");
  return whole + rest;
}

// The year of a date written out in `text`, replaced; empty when the year is not written once
// as four ASCII digits.
std::string rewrite_year(const std::string& text, int from, int to) {
  const std::string year = std::to_string(from);
  const std::size_t at = text.find(year);
  if (at == std::string::npos || text.find(year, at + 1) != std::string::npos) return "";
  if ((at > 0 && ascii_digit(text[at - 1])) || (at + year.size() < text.size() && ascii_digit(text[at + year.size()]))) return "";
  return text.substr(0, at) + std::to_string(to) + text.substr(at + year.size());
}

// `target` (in the odd claim's written unit) written as the odd claim writes its number: the
// same digits style, grouping and scale-word family. Empty when the text is not simple (two
// numbers, numerals in words, a scale the lexicon does not place).
std::string rewrite_amount(const claim& odd, const decimal& target, const lexicon& lex) {
  const std::string& text = odd.found.text;
  const std::size_t begin = static_cast<std::size_t>(std::find_if(text.begin(), text.end(), ascii_digit) - text.begin());
  if (begin == text.size()) return "";
  std::size_t end = begin;
  while (end < text.size() && (ascii_digit(text[end]) || ((text[end] == ',' || text[end] == '.') && end + 1 < text.size() && ascii_digit(text[end + 1])))) {
    ++end;
  }
  if (std::any_of(text.begin() + static_cast<std::ptrdiff_t>(end), text.end(), ascii_digit)) return "";
  std::string plain = text.substr(begin, end - begin);
  const bool grouped = plain.find(',') != std::string::npos;
  std::erase(plain, ',');
  const auto written = decimal::parse(plain);
  if (!written) return "";
  std::size_t word_at = end;
  while (word_at < text.size() && text[word_at] == ' ') ++word_at;
  const auto scale = lex.scales.longest_at(text, word_at);
  const int power = scale ? static_cast<int>(scale->payload) : 0;
  // The number read back with its scale must be the claim's own: otherwise the text holds more
  // than digits and a scale word (一千二百万, a range) and is left alone.
  if (!odd.found.amount || compare(scale10(*written, power), odd.found.amount->value) != 0) return "";
  std::string word = scale ? text.substr(word_at, scale->length) : "";
  int new_power = power;
  if (scale) {
    const auto own = std::find_if(lex.scale_words.begin(), lex.scale_words.end(), [&](const scale_word& w) { return w.word == word; });
    if (own != lex.scale_words.end() && !own->family.empty()) {
      // The largest word of the family that leaves a number of one or more: 1250万, 1.25亿.
      const scale_word* best = nullptr;
      for (const scale_word& w : lex.scale_words) {
        if (w.family != own->family || compare(target, decimal{1, w.power}) < 0) continue;
        if (best == nullptr || w.power > best->power) best = &w;
      }
      if (best != nullptr) {
        word = best->word;
        new_power = best->power;
      }
    }
  }
  std::string number = scale10(target, -new_power).trimmed().to_string();
  if (grouped) number = with_commas(number);
  const std::size_t word_end = scale ? word_at + scale->length : end;
  return text.substr(0, begin) + number + (scale ? text.substr(end, word_at - end) + word : "") + text.substr(word_end);
}

std::string suggestion(const slip_context& x, const lexicon& lex) {
  const claim& r = x.claims[x.reference];
  const claim& o = x.claims[x.odd];
  if (r.date && o.date) {
    const bool only_year = r.date->grain == o.date->grain && r.date->first.month == o.date->first.month &&
                           r.date->first.day == o.date->first.day && r.date->last.month == o.date->last.month &&
                           r.date->last.day == o.date->last.day;
    return only_year ? rewrite_year(o.found.text, o.date->first.year, r.date->first.year) : "";
  }
  if (!r.found.amount || !o.found.amount) return "";
  // Only when both figures take the same road to the axis; otherwise the target would need a
  // division the decimals may not hold exactly.
  const auto at = [&](std::size_t i) { return static_cast<std::size_t>(std::find(x.f.claims.begin(), x.f.claims.end(), i) - x.f.claims.begin()); };
  if (!(r.found.amount->factor == o.found.amount->factor) || !(x.f.factors[at(x.reference)] == x.f.factors[at(x.odd)])) return "";
  if (r.found.amount->range_end || o.found.amount->range_end) return "";
  return rewrite_amount(o, r.found.amount->value, lex);
}

// The odd claims the slip is about: in draft mode the draft's, else all of them.
std::vector<std::size_t> odd_in_question(const finding& f, const std::vector<document>& docs, const std::vector<claim>& claims) {
  std::vector<std::size_t> drafted;
  for (std::size_t i : f.assessed.odd_claims) {
    if (docs[claims[i].document].draft) drafted.push_back(i);
  }
  return drafted.empty() ? f.assessed.odd_claims : drafted;
}

// Why the odd figure is an older one, in plain words.
std::string stale_message(latest_basis basis, const claim& odd, const claim& latest, const document& latest_doc) {
  switch (basis) {
    case latest_basis::running_total:
      return fmt::format("an older figure of a running total ({}): it only grows, and the latest report gives {} in {}", odd.found.text,
                         latest.found.text, latest_doc.id);
    case latest_basis::later_report:
      return fmt::format("an older figure ({}): {} reports later (its running totals are larger) and gives {}", odd.found.text,
                         latest_doc.id, latest.found.text);
    case latest_basis::stamped: break;
  }
  return fmt::format("an older figure ({} as of {}); the latest is {} as of {} in {}", odd.found.text, odd.as_of, latest.found.text,
                     latest.as_of, latest_doc.id);
}

}  // namespace

void name_slips(std::vector<finding>& findings, const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex) {
  for (finding& f : findings) {
    assessment& a = f.assessed;
    a.likely_slip.reset();
    if (!a.supported_side || a.odd_claims.empty()) continue;
    std::vector<std::size_t> supported;
    for (std::size_t k = 0; k < f.claims.size(); ++k) {
      if (f.sides[k] == *a.supported_side) supported.push_back(f.claims[k]);
    }
    if (supported.empty()) continue;
    const std::vector<std::size_t> odd = odd_in_question(f, docs, claims);
    const slip_context x{f, docs, claims, reference_claim(supported, claims, claims[odd.front()]), odd.front(),
                         over_time_of(f, lex) != change_over_time::none};
    a.reference = x.reference;
    if (a.status == assessment_status::latest) {
      const claim& r = claims[x.reference];
      const claim& o = claims[x.odd];
      a.likely_slip = slip{"slip.stale", stale_message(a.basis, o, r, docs[r.document]), suggestion(x, lex), x.odd};
      continue;
    }
    // One slip explains all the odd figures only when they are one value.
    const bool one_value = std::all_of(odd.begin(), odd.end(), [&](std::size_t i) { return same_value(claims[i], claims[x.odd]); });
    if (!one_value) continue;
    const std::vector<candidate> found = candidates(x);
    if (found.size() != 1) continue;
    // A currency slip: the fix is the currency word, not the number (the rewrite would keep the
    // odd currency), so nothing is suggested.
    const bool currency_only = found.front().first == "slip.currency";
    a.likely_slip = slip{found.front().first, found.front().second, currency_only ? std::string() : suggestion(x, lex), x.odd};
  }
}

}  // namespace checker::detail
