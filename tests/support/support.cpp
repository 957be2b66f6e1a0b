#include "support/support.h"

#include <algorithm>

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include "ingest/ingest.h"

namespace checker::testing {

const claim& claim_with_text(const run_result& run, const std::string& text) {
  const auto it = std::find_if(run.claims.begin(), run.claims.end(), [&](const claim& c) { return c.found.text == text; });
  BOOST_REQUIRE_MESSAGE(it != run.claims.end(), "no claim '" << text << "'");
  return *it;
}

bool has_qualifier(const claim& c, const std::string& q) { return std::find(c.qualifiers.begin(), c.qualifiers.end(), q) != c.qualifiers.end(); }

std::size_t contradictions(const run_result& run) {
  return static_cast<std::size_t>(std::count_if(run.findings.begin(), run.findings.end(), [](const finding& f) {
    return f.rule == "contradiction" || f.rule == "superseded";
  }));
}

const lexicon& test_lexicon() {
  static const lexicon lex = load_builtin_lexicon();  // tests only: one immutable copy
  return lex;
}

document make_document(const std::string& id, const std::string& body, const std::string& published) {
  std::string text = published.empty() ? body : "---\npublished: " + published + "\nsource: test\n---\n" + body;
  diagnostics diags;
  auto doc = ingest_bytes(id, text, document_format::markdown, diags);
  if (!doc) throw std::runtime_error("test document could not be built");
  return *doc;
}

run_result analyse(std::vector<document> documents) {
  return analyse_documents(std::move(documents), test_lexicon(), link_options{});
}

run_result corpus(const std::vector<std::pair<std::string, std::string>>& documents) {
  std::vector<document> docs;
  for (const auto& [published, body] : documents) docs.push_back(make_document("d" + std::to_string(docs.size()) + ".md", body, published));
  return analyse(std::move(docs));
}

run_result analyse_text(const std::string& body, const std::string& published) {
  std::vector<document> docs;
  docs.push_back(make_document("test.md", body, published));
  return analyse(std::move(docs));
}

namespace {

std::string hedge_mark(hedge_kind hedge) {
  switch (hedge) {
    case hedge_kind::approximate: return " ~";
    case hedge_kind::nearly: return " <~";
    case hedge_kind::more_than: return " >";
    case hedge_kind::at_least: return " >=";
    case hedge_kind::less_than: return " <";
    case hedge_kind::at_most: return " <=";
    case hedge_kind::exact: return " =";
    case hedge_kind::none: return "";
  }
  return "";
}

}  // namespace

std::string value_text(const claim& c) {
  if (c.status == resolution::invalid || (c.found.kind != claim_kind::date && !c.value)) return "invalid";
  if (c.found.kind == claim_kind::date) {
    if (!c.date) return "unresolved";
    return c.date->first == c.date->last ? c.date->first.iso() : c.date->first.iso() + "/" + c.date->last.iso();
  }
  std::string value = c.value->to_string();
  if (c.found.amount && c.found.amount->range_end) {
    value += ".." + multiply(*c.found.amount->range_end, c.found.amount->factor).value_or(decimal{}).to_string();
  }
  return value;
}

std::string dump(const claim& c) {
  const std::string kind = to_string(c.found.kind);
  if (c.found.kind == claim_kind::date) {
    if (c.status == resolution::invalid) return kind + "{invalid}";
    if (!c.date) return kind + "{unresolved}";
    if (c.date->grain == date_grain::day) return fmt::format("{}{{{}}}", kind, c.date->first.iso());
    return fmt::format("{}{{{}..{} {}}}", kind, c.date->first.iso(), c.date->last.iso(), to_string(c.date->grain));
  }
  const std::string value = value_text(c);
  if (value == "invalid") return kind + "{invalid}";
  return fmt::format("{}{{{} {}{}{}}}", kind, value, c.unit, hedge_mark(c.found.hedge),
                     c.found.amount && c.found.amount->currency_assumed ? " $?" : "");
}

std::vector<std::string> dump_all(const run_result& run) {
  std::vector<std::string> out;
  for (const claim& c : run.claims) out.push_back(dump(c));
  return out;
}

std::vector<std::string> links(const run_result& run) {
  std::vector<std::string> out;
  for (const claim& c : run.claims) {
    std::string q;
    for (const auto& item : c.qualifiers) q += (q.empty() ? "" : ",") + item;
    out.push_back(c.subject + "/" + c.attribute + (q.empty() ? "" : "[" + q + "]"));
  }
  return out;
}

}  // namespace checker::testing
