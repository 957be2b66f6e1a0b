#include "baseline/baseline.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lexicon/schema.h"
#include "model/diagnostic.h"

namespace checker {
namespace {

std::string value_text(const claim& c) {
  if (c.date) {
    return c.date->grain == date_grain::day ? c.date->first.iso() : c.date->first.iso() + ".." + c.date->last.iso();
  }
  return c.value ? c.value->to_string() + " " + c.unit : std::string("?");
}

bool record_order(const recorded_finding& a, const recorded_finding& b) {
  return std::tie(a.kind, a.subject, a.attribute, a.fingerprint) < std::tie(b.kind, b.subject, b.attribute, b.fingerprint);
}

}  // namespace

recorded_finding record_finding(const finding& f, const std::vector<document>& docs, const std::vector<claim>& claims) {
  recorded_finding r{f.fingerprint, f.rule, to_string(f.level), f.subject, f.attribute, f.qualifiers, f.unit, {}};
  for (std::size_t i : f.claims) {
    const claim& c = claims[i];
    r.values.push_back(fmt::format("{}: {} = {}", docs[c.document].id, c.found.text, value_text(c)));
  }
  std::sort(r.values.begin(), r.values.end());
  return r;
}

std::vector<recorded_finding> parse_baseline(const std::string& path, const std::string& text) {
  nlohmann::json data;
  try {
    data = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw error(fmt::format("{}: the baseline is not valid JSON: {}. Write a new one with --write-baseline.", path, e.what()));
  }
  const auto problems = validate_against("baseline.schema.json", data);
  if (!problems.empty()) {
    throw error(fmt::format("{}: the baseline does not match schemas/baseline.schema.json: {}. Write a new one with --write-baseline.",
                            path, problems.front()));
  }
  std::vector<recorded_finding> out;
  for (const auto& item : data["findings"]) {
    out.push_back(recorded_finding{item["fingerprint"], item["kind"], item["severity"], item["subject"], item["attribute"],
                                   item["qualifiers"].get<std::vector<std::string>>(), item["unit"],
                                   item["values"].get<std::vector<std::string>>()});
  }
  return out;
}

std::vector<recorded_finding> read_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(fmt::format("{}: cannot read the baseline (does it exist? write one with --write-baseline)", path));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_baseline(path, text.str());
}

std::string baseline_text(std::vector<recorded_finding> records) {
  std::sort(records.begin(), records.end(), record_order);
  records.erase(std::unique(records.begin(), records.end(),
                            [](const recorded_finding& a, const recorded_finding& b) { return a.fingerprint == b.fingerprint; }),
                records.end());
  nlohmann::json findings = nlohmann::json::array();
  for (const recorded_finding& r : records) {
    // nlohmann::json keeps keys sorted, so the file is stable byte for byte.
    findings.push_back({{"fingerprint", r.fingerprint},
                        {"kind", r.kind},
                        {"severity", r.severity},
                        {"subject", r.subject},
                        {"attribute", r.attribute},
                        {"qualifiers", r.qualifiers},
                        {"unit", r.unit},
                        {"values", r.values}});
  }
  const nlohmann::json out{{"tool", "factcheck"}, {"baseline_version", 1}, {"findings", findings}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::vector<recorded_finding> apply_baseline(std::vector<finding>& findings, const std::vector<recorded_finding>& baseline) {
  std::set<std::string> recorded;
  for (const recorded_finding& r : baseline) recorded.insert(r.fingerprint);
  std::set<std::string> seen;
  for (finding& f : findings) {
    f.state = recorded.count(f.fingerprint) > 0 ? baseline_state::unchanged : baseline_state::new_finding;
    seen.insert(f.fingerprint);
  }
  std::vector<recorded_finding> fixed;
  for (const recorded_finding& r : baseline) {
    if (seen.count(r.fingerprint) == 0) fixed.push_back(r);
  }
  std::sort(fixed.begin(), fixed.end(), record_order);
  return fixed;
}

}  // namespace checker
