#include "compare/compare.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "compare/rules.h"

namespace checker {

namespace detail {

std::string fingerprint_of(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return fmt::format("{:016x}", hash);
}

std::string value_key(const claim& c) {
  if (c.date) {
    if (c.date->clock) return c.date->first.iso() + c.date->clock->text;
    if (c.date->grain == date_grain::day) return c.date->first.iso();
    return c.date->first.iso() + ".." + c.date->last.iso();
  }
  return c.value ? c.value->to_string() : std::string("?");
}

}  // namespace detail

std::vector<finding> compare(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                             const std::vector<claim>& claims, const lexicon& lex) {
  std::vector<finding> findings = detail::find_contradictions(docs, claims, lex);
  std::vector<finding> derived = detail::find_derived_mismatches(docs, claims, lex);
  findings.insert(findings.end(), std::make_move_iterator(derived.begin()), std::make_move_iterator(derived.end()));
  // Issue 14: weigh each finding's sides by independent sources, then name the likely slip.
  const std::vector<std::size_t> source_of = detail::independent_sources(docs, claims);
  const detail::report_order order = detail::order_reports(findings, docs, claims, lex);
  detail::assess(findings, docs, claims, source_of, order, lex);
  detail::name_slips(findings, docs, claims, lex);
  // Draft mode: the figures of drafts no finding holds, compared by subject or wording; they come
  // assessed and with their slip named (check mode has no drafts: its findings are unchanged).
  std::vector<finding> slipped = detail::find_draft_slips(docs, sentences, claims, lex, findings, source_of);
  findings.insert(findings.end(), std::make_move_iterator(slipped.begin()), std::make_move_iterator(slipped.end()));
  std::stable_sort(findings.begin(), findings.end(), [](const finding& a, const finding& b) {
    return std::tie(a.rule, a.subject, a.attribute, a.qualifiers, a.unit, a.fingerprint) <
           std::tie(b.rule, b.subject, b.attribute, b.qualifiers, b.unit, b.fingerprint);
  });
  return findings;
}

std::vector<confirmation> confirm_drafts(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex) {
  return detail::find_confirmations(docs, claims, lex);
}

}  // namespace checker
