// Rule `derived_mismatch`: a figure that should follow from the figures stated beside it.
//
// Only within one sentence, where the writer visibly presents a computation: a total next to
// its inputs. Across sentences the inputs rarely describe the same total (a cost that also
// covers other runs), so this rule would guess there. Each check recomputes the total with
// interval arithmetic over the stated precision of every input, and reports only when the
// stated figure lies outside the whole range the inputs allow.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "compare/rules.h"
#include "recognize/scanner.h"

namespace checker::detail {
namespace {

struct range {
  double low = 0;
  double high = 0;
};

std::optional<range> range_of(const claim& c) {
  if (!c.interval.low || !c.interval.high || c.status != resolution::resolved) return std::nullopt;
  return range{c.interval.low->to_double(), c.interval.high->to_double()};
}

// Positive ranges only: the checks below multiply counts, durations and prices.
range times(range a, range b) { return range{a.low * b.low, a.high * b.high}; }

bool overlaps(range a, range b) {
  // A relative epsilon absorbs the rounding of doubles; the ranges themselves come from exact
  // decimals, so this never hides a real gap.
  const double epsilon = 1e-9 * std::max({std::fabs(a.high), std::fabs(b.high), 1.0});
  return a.low <= b.high + epsilon && b.low <= a.high + epsilon;
}

std::string number_text(double x) {
  if (std::fabs(x) >= 1000) return fmt::format("{:.0f}", x);
  return fmt::format("{:.4g}", x);
}

std::string range_text(range r) {
  const std::string low = number_text(r.low);
  const std::string high = number_text(r.high);
  return low == high ? low : low + " to " + high;
}

std::string currency_of(const std::string& unit) { return unit.substr(0, unit.find('/')); }

class sentence_checker {
 public:
  sentence_checker(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex,
                   std::vector<finding>& out)
      : docs_(docs), claims_(claims), lex_(lex), out_(out) {}

  void check(const std::vector<std::size_t>& members) {
    rate_product(members);
    share_of_total(members);
    stated_change(members);
  }

 private:
  const std::vector<document>& docs_;
  const std::vector<claim>& claims_;
  const lexicon& lex_;
  std::vector<finding>& out_;

  const claim& at(std::size_t i) const { return claims_[i]; }

  // GPUs x hours x price per GPU hour, or GPU hours x price per GPU hour = the stated total.
  void rate_product(const std::vector<std::size_t>& members) {
    for (std::size_t rate : members) {
      const claim& r = at(rate);
      if (r.found.kind != claim_kind::money || r.unit.find("/gpu_hour") == std::string::npos) continue;
      const std::string currency = currency_of(r.unit);
      std::vector<std::size_t> totals, gpu_hours, gpus, hours;
      for (std::size_t j : members) {
        const claim& c = at(j);
        if (j == rate) continue;
        if (c.found.kind == claim_kind::money && c.unit == currency) totals.push_back(j);
        if (c.found.kind == claim_kind::count && c.unit == "count:gpu_hour") gpu_hours.push_back(j);
        if (c.found.kind == claim_kind::count && c.attribute == "gpu_count") gpus.push_back(j);
        if (c.found.kind == claim_kind::duration && c.unit == "hour") hours.push_back(j);
      }
      // One total and one reading of the inputs, or the sentence is not a plain computation.
      if (totals.size() != 1) continue;
      std::vector<std::size_t> inputs;
      if (gpu_hours.size() == 1 && gpus.empty()) {
        inputs = {gpu_hours[0], rate};
      } else if (gpu_hours.empty() && gpus.size() == 1 && hours.size() == 1) {
        inputs = {gpus[0], hours[0], rate};
      } else {
        continue;
      }
      std::optional<range> product = range{1, 1};
      std::vector<std::string> factors;
      for (std::size_t i : inputs) {
        const auto part = range_of(at(i));
        if (!part) {
          product.reset();
          break;
        }
        product = times(*product, *part);
        factors.push_back(at(i).found.text);
      }
      const auto stated = range_of(at(totals[0]));
      if (!product || !stated || overlaps(*product, *stated)) continue;
      report(inputs, totals[0], *product, *stated, fmt::format("{} = {} {}", fmt::join(factors, " x "), range_text(*product), currency),
             at(totals[0]).attribute.empty() ? "total_cost" : at(totals[0]).attribute);
    }
  }

  // 其中40%即2080人, 40%, or 2,080 people: the part must be the percentage of the total before it.
  void share_of_total(const std::vector<std::size_t>& members) {
    for (std::size_t k = 0; k + 1 < members.size(); ++k) {
      const claim& p = at(members[k]);
      const claim& part = at(members[k + 1]);
      if (p.found.kind != claim_kind::percent || p.unit != "percent" || p.found.amount->range_end) continue;
      if (part.found.kind != claim_kind::count) continue;
      if (!joined_as_apposition(p, part)) continue;
      // The total: the nearest count before the percentage.
      std::optional<std::size_t> total;
      for (std::size_t j = 0; j < k; ++j) {
        if (at(members[j]).found.kind == claim_kind::count) total = members[j];
      }
      if (!total) continue;
      const auto share = range_of(p);
      const auto whole = range_of(at(*total));
      const auto stated = range_of(part);
      if (!share || !whole || !stated) continue;
      const range computed = times(range{share->low / 100.0, share->high / 100.0}, *whole);
      if (overlaps(computed, *stated)) continue;
      report({*total, members[k]}, members[k + 1], computed, *stated,
             fmt::format("{} of {} = {}", p.found.text, at(*total).found.text, range_text(computed)), "percentage_of_total");
    }
  }

  // Between a percentage and the count it restates only a joiner: 即, 也就是, `, or`, `(`.
  bool joined_as_apposition(const claim& p, const claim& part) const {
    const std::string_view text = docs_[p.document].match_text();
    if (part.found.span.begin < p.found.span.end) return false;
    std::string between(text.substr(p.found.span.end, part.found.span.begin - p.found.span.end));
    std::erase(between, ' ');
    for (std::string_view joiner : {"即", "，即", ",即", "也就是", "，也就是", ",or", "(", "（", "，约", "或"}) {
      if (between == joiner) return true;
    }
    return false;
  }

  // 从100亿元增长至120亿元，增幅为20%; rose 20% to 12 billion from 10 billion.
  void stated_change(const std::vector<std::size_t>& members) {
    std::optional<std::size_t> from, to;
    for (std::size_t j : members) {
      const auto& q = at(j).qualifiers;
      if (std::find(q.begin(), q.end(), "change:from") != q.end()) from = from ? from : j;
      if (std::find(q.begin(), q.end(), "change:to") != q.end()) to = to ? to : j;
    }
    if (!from || !to || at(*from).unit != at(*to).unit || at(*from).found.kind == claim_kind::date) return;
    for (std::size_t j : members) {
      if (j == *from || j == *to) continue;
      const claim& change = at(j);
      if (change.found.kind != claim_kind::percent || !preceded_by_change_word(change)) continue;
      const auto f = range_of(at(*from));
      const auto t = range_of(at(*to));
      const auto stated = range_of(change);
      if (!f || !t || !stated || f->low <= 0) continue;
      range computed;
      std::string how;
      if (change.unit == "percent" && at(*from).unit != "percent") {
        // Relative change over the whole range the two stated values allow.
        const bool rising = t->low >= f->high;
        const bool falling = t->high <= f->low;
        if (!rising && !falling) continue;
        computed = rising ? range{(t->low - f->high) / f->high * 100.0, (t->high - f->low) / f->low * 100.0}
                          : range{(f->low - t->high) / f->low * 100.0, (f->high - t->low) / f->high * 100.0};
        how = fmt::format("from {} to {} is a change of {}%", at(*from).found.text, at(*to).found.text, range_text(computed));
      } else if (change.unit == "percentage_point" && at(*from).unit == "percent") {
        computed = range{std::fabs(t->low - f->high), std::fabs(t->high - f->low)};
        if (computed.low > computed.high) std::swap(computed.low, computed.high);
        how = fmt::format("from {} to {} is a change of {} percentage points", at(*from).found.text, at(*to).found.text,
                          range_text(computed));
      } else {
        continue;  // a percent change of a percentage is ambiguous (relative or in points)
      }
      if (overlaps(computed, *stated)) continue;
      report({*from, *to}, j, computed, *stated, how, "stated_change");
    }
  }

  bool preceded_by_change_word(const claim& c) const {
    const std::string_view text = docs_[c.document].match_text();
    std::size_t before = skip_spaces_back(text, c.found.span.begin);
    // 增幅达 / 增长了: allow a one-character verb such as 达 or 为 after the change word.
    for (int extra = 0; extra < 2; ++extra) {
      if (auto m = lex_.change_by.longest_ending_at(text, before); m) {
        const std::size_t begin = before - m->length;
        return !is_alpha(text[begin]) || word_boundary(text, begin);
      }
      if (before < 3 || static_cast<unsigned char>(text[before - 3]) < 0xE0) return false;
      before -= 3;
    }
    return false;
  }

  void report(const std::vector<std::size_t>& inputs, std::size_t stated_claim, range computed, range stated,
              const std::string& how, const std::string& attribute) {
    const claim& total = at(stated_claim);
    finding f;
    f.rule = "derived_mismatch";
    // A subject only inherited from earlier sentences is a guess; the document names the place.
    const bool guessed = total.subject.empty() || total.link_basis.rfind("inherited", 0) == 0;
    f.subject = guessed ? docs_[total.document].id : total.subject;
    f.attribute = attribute;
    f.qualifiers = total.qualifiers;
    f.unit = total.unit;
    std::vector<std::pair<std::size_t, std::size_t>> listed;
    for (std::size_t i : inputs) listed.emplace_back(i, 0);
    listed.emplace_back(stated_claim, 1);
    std::sort(listed.begin(), listed.end(),
              [&](const auto& a, const auto& b) { return at(a.first).found.span.begin < at(b.first).found.span.begin; });
    std::string fingerprint_text = fmt::format("{}|{}|{}|{}", f.rule, docs_[total.document].id, f.attribute, f.unit);
    for (const auto& [i, side] : listed) {
      f.claims.push_back(i);
      f.sides.push_back(side);
      f.factors.push_back(decimal{1, 0});
      fingerprint_text += "|" + value_key(at(i));
    }
    f.fingerprint = fingerprint_of(fingerprint_text);
    // The arithmetic is certain once the figures are read; what can be wrong is the reading.
    f.confidence = 0.8;
    f.level = severity::error;
    const double gap = stated.low > computed.high ? stated.low - computed.high : computed.low - stated.high;
    const double base = std::max(std::fabs(computed.high), 1e-12);
    f.difference = attribute == "stated_change" ? fmt::format("{:.2g} points outside the computed range", gap)
                                                : fmt::format("off by {:.1f}% of the computed value", gap / base * 100.0);
    f.message = fmt::format("{}: {}, but the text says {} ({})", f.subject, how, total.found.text, f.difference);
    out_.push_back(std::move(f));
  }
};

}  // namespace

std::vector<finding> find_derived_mismatches(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex) {
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> by_sentence;
  for (std::size_t i = 0; i < claims.size(); ++i) by_sentence[{claims[i].document, claims[i].found.sentence}].push_back(i);
  std::vector<finding> findings;
  sentence_checker checker(docs, claims, lex, findings);
  for (auto& [key, members] : by_sentence) {
    std::sort(members.begin(), members.end(),
              [&](std::size_t a, std::size_t b) { return claims[a].found.span.begin < claims[b].found.span.begin; });
    checker.check(members);
  }
  return findings;
}

}  // namespace checker::detail
