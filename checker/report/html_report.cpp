// report.html: one self-contained page (no scripts, fonts or styles from elsewhere). Every
// piece of document text goes through `escape`; a Content-Security-Policy forbids scripts.
#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "report/report.h"
#include "report/quote.h"

namespace checker {
namespace {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

constexpr std::string_view style = R"css(
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#f6f7f9;--err:#b3261e;--warn:#9a6700;--ok:#1a7f37;--side0:#2f6fde;--side1:#d1495b;--side2:#2a9d8f;--side3:#8e5cd9}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
header{background:#fff;border-bottom:1px solid var(--line);padding:20px 32px}h1{margin:0 0 4px;font-size:22px}h2{font-size:18px;margin:32px 0 12px}
main{padding:0 32px 48px;max-width:1200px}.muted{color:var(--muted)}
.stats{display:flex;gap:12px;flex-wrap:wrap;margin-top:16px}.stat{background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:110px}
.stat b{display:block;font-size:22px}.stat.bad b{color:var(--err)}.stat.good b{color:var(--ok)}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:16px 0}
.card h3{margin:0;font-size:17px}.badge{display:inline-block;font-size:12px;font-weight:600;border-radius:999px;padding:1px 9px;margin-right:6px;vertical-align:2px}
.computation{font-family:ui-monospace,monospace;background:#fff7e6;border-left:3px solid #e0a030;padding:8px 12px;margin:12px 0}
.badge.error{background:#fde7e6;color:var(--err)}.badge.warning{background:#fff4d6;color:var(--warn)}.badge.info{background:#e8f0fe;color:#1a4fb5}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:14px;margin-top:12px}
.side{border-left:4px solid var(--side0);padding:4px 0 4px 12px}.side.s1{border-color:var(--side1)}.side.s2{border-color:var(--side2)}.side.s3{border-color:var(--side3)}
.claim{margin:0 0 12px}.claim .doc{font-size:13px;color:var(--muted)}.claim blockquote{margin:4px 0;padding:6px 10px;background:var(--bg);border-radius:6px}
mark{background:#ffe58a;padding:0 2px;border-radius:3px;font-weight:600}.value{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.axis{position:relative;height:var(--h);margin:14px 0 4px;border-top:1px solid var(--line)}
.bar{position:absolute;height:14px;border-radius:4px;background:var(--side0);min-width:6px;opacity:.85}.bar.s1{background:var(--side1)}.bar.s2{background:var(--side2)}.bar.s3{background:var(--side3)}
.bar span{position:absolute;left:calc(100% + 6px);white-space:nowrap;font-size:12px;top:-2px}.bar.right span{left:auto;right:calc(100% + 6px)}
.axis{overflow:visible}
.ticks{display:flex;justify-content:space-between;font-size:12px;color:var(--muted)}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--bg)}details{margin:12px 0}summary{cursor:pointer;font-weight:600}code{font-size:12px}
input.filter{position:absolute;opacity:0;pointer-events:none}
.filters{margin-top:16px;display:grid;gap:6px}.filter-row{display:flex;flex-wrap:wrap;gap:6px;align-items:center}.filter-row>span{min-width:72px;font-size:13px}
.filters label{cursor:pointer;border:1px solid var(--line);border-radius:999px;padding:2px 10px;font-size:13px;background:#fff;user-select:none}
.badge.new{background:#fde7e6;color:var(--err)}.badge.known{background:#eceff3;color:var(--muted)}.badge.draft{background:#e6f4ea;color:var(--ok)}
.claim.draft blockquote{outline:2px solid #9ad0a8}
.support{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:10px 0 0;font-size:13px}.support .chip{border-left:4px solid var(--side0);background:var(--bg);border-radius:4px;padding:2px 8px}
.support .chip.s1{border-color:var(--side1)}.support .chip.s2{border-color:var(--side2)}.support .chip.s3{border-color:var(--side3)}.support .chip.supported{font-weight:600;outline:1px solid var(--ok)}
.slip{background:#fdecea;border-left:3px solid var(--err);padding:8px 12px;margin:10px 0}.badge.odd{background:#fde7e6;color:var(--err)}.badge.supported{background:#e6f4ea;color:var(--ok)}
.claim.odd mark{background:#ffc9c4;text-decoration:underline wavy var(--err)}
main{counter-reset:shown}.finding{counter-increment:shown}.shown::before{content:counter(shown) " "}
)css";

std::string sentence_with_mark(const run_result& run, const claim& c) {
  const quote_parts quote = quote_of(run, c);
  return escape(quote.before) + "<mark>" + escape(quote.figure) + "</mark>" + escape(quote.after);
}

std::string value_text(const claim& c) {
  if (c.date) {
    if (c.date->clock) return c.date->first.iso() + " " + c.date->clock->text.substr(1);
    return c.date->grain == date_grain::day ? c.date->first.iso()
                                            : fmt::format("{} to {} ({})", c.date->first.iso(), c.date->last.iso(), to_string(c.date->grain));
  }
  if (!c.value) return "(unresolved)";
  const auto bound = [](const std::optional<decimal>& d) { return d ? d->to_string() : std::string("∞"); };
  return fmt::format("{} {} [{}{}, {}{}]", c.value->to_string(), c.unit, c.interval.low_inclusive ? "" : "(", bound(c.interval.low),
                     bound(c.interval.high), c.interval.high_inclusive ? "" : ")");
}

std::pair<double, double> axis_range(const claim& c) {
  if (c.date) {
    return {static_cast<double>(c.date->first.days().time_since_epoch().count()),
            static_cast<double>(c.date->last.days().time_since_epoch().count() + 1)};
  }
  const double point = c.value ? c.value->to_double() : 0.0;
  const double low = c.interval.low ? c.interval.low->to_double() : point;
  const double high = c.interval.high ? c.interval.high->to_double() : point * 1.5 + 1;
  return {low, high};
}

std::string axis_label(const claim& c, double x) {
  if (c.date) return civil_date::from_days(std::chrono::sys_days{std::chrono::days{static_cast<long>(x)}}).iso();
  return fmt::format("{:.6g}", x);
}

// The claims of a finding as bars on one shared axis, so the gap shows at a glance.
std::string render_axis(const run_result& run, const finding& f) {
  double low = 0;
  double high = 0;
  bool first = true;
  auto scaled_range = [&](std::size_t k) {
    auto [a, b] = axis_range(run.claims[f.claims[k]]);
    const double factor = k < f.factors.size() ? f.factors[k].to_double() : 1.0;
    return std::pair<double, double>{a * factor, b * factor};
  };
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    auto [a, b] = scaled_range(k);
    low = first ? a : std::min(low, a);
    high = first ? b : std::max(high, b);
    first = false;
  }
  const double pad = (high - low) * 0.04 + 1e-9;
  low -= pad;
  high += pad;
  std::string out = fmt::format("<div class=\"axis\" style=\"--h:{}px\">", f.claims.size() * 22 + 6);
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    const claim& c = run.claims[f.claims[k]];
    auto [a, b] = scaled_range(k);
    const double left = (a - low) / (high - low) * 100.0;
    const double width = std::max(0.6, (b - a) / (high - low) * 100.0);
    // Labels of bars in the right half go to their left, so they never run off the card.
    out += fmt::format("<div class=\"bar s{}{}\" style=\"left:{:.2f}%;width:{:.2f}%;top:{}px\"><span>{} · {}</span></div>", f.sides[k] % 4,
                       left + width / 2 > 50.0 ? " right" : "", left, width, k * 22 + 6, escape(c.found.text),
                       escape(run.documents[c.document].id));
  }
  out += "</div>";
  const claim& any = run.claims[f.claims.front()];
  const std::string unit = any.date ? std::string() : " " + f.unit;  // values on the axis are in the finding's unit
  out += fmt::format("<div class=\"ticks\"><span>{}{}</span><span>{}{}</span></div>", escape(axis_label(any, low + pad)), escape(unit),
                     escape(axis_label(any, high - pad)), escape(unit));
  return out;
}

// Issue 14: each side's support as a chip (documents, independent sources), the supported
// side outlined, and the likely slip in plain words.
std::string render_assessment(const assessment& a) {
  std::string out = "<div class=\"support\">";
  switch (a.status) {
    case assessment_status::majority: out += "<b>Supported by a clear majority of independent sources:</b>"; break;
    case assessment_status::latest:
      if (a.basis == latest_basis::running_total) out += "<b>A running total only grows: the latest figure is current:</b>";
      else if (a.basis == latest_basis::later_report) out += "<b>The latest report's figure is current:</b>";
      else out += "<b>The latest figure is current:</b>";
      break;
    case assessment_status::published: out += "<b>The published sources are the reference:</b>"; break;
    case assessment_status::no_clear_majority: out += "<b>No clear majority:</b>"; break;
  }
  for (const side_support& s : a.sides) {
    const bool supported = a.supported_side == s.side;
    out += fmt::format("<span class=\"chip s{}{}\">side {}{}: {} document{} · {} independent</span>", s.side % 4, supported ? " supported" : "",
                       s.side + 1, supported ? " (supported)" : "", s.documents, s.documents == 1 ? "" : "s", s.independent_sources);
  }
  out += "</div>";
  if (a.likely_slip) {
    out += fmt::format("<p class=\"slip\"><b>Likely slip:</b> {} <code>{}</code>", escape(a.likely_slip->message), escape(a.likely_slip->id));
    if (!a.likely_slip->suggestion.empty()) out += fmt::format(" · suggested: <mark>{}</mark>", escape(a.likely_slip->suggestion));
    out += "</p>";
  }
  return out;
}

std::string document_line(const document& doc) {
  std::string out = escape(doc.id);
  if (doc.metadata.source.present()) out += " · " + escape(doc.metadata.source.value);
  if (doc.metadata.published.present()) {
    out += " · " + escape(doc.metadata.published.value);
    if (doc.metadata.published.origin == field_origin::inferred) out += " (inferred)";
  }
  const std::string& url = doc.metadata.url.value;
  // Only web links become links: a `javascript:` or `data:` URL in front matter stays text.
  if (doc.metadata.url.present() && (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0)) {
    out += fmt::format(" · <a href=\"{}\" rel=\"noopener noreferrer\">link</a>", escape(url));
  } else if (doc.metadata.url.present()) {
    out += " · " + escape(url);
  }
  return out;
}

// Filters without script: one radio group per filter, placed before <main> so that CSS sibling
// selectors can hide the cards that do not match. The groups combine (severity and subject and
// document), and a CSS counter shows how many cards are left.
struct filter_group {
  std::string name;                     // `sev`, `sub`, `doc`
  std::string label;                    // shown before the buttons
  std::vector<std::string> values;      // shown on the buttons
};

std::string filter_inputs(const std::vector<filter_group>& groups) {
  std::string out;
  for (const filter_group& g : groups) {
    out += fmt::format("<input type=\"radio\" name=\"{0}\" id=\"{0}-all\" class=\"filter\" checked>", g.name);
    for (std::size_t i = 0; i < g.values.size(); ++i) {
      out += fmt::format("<input type=\"radio\" name=\"{0}\" id=\"{0}-{1}\" class=\"filter\">", g.name, i);
    }
  }
  return out + "\n";
}

std::string filter_bar(const std::vector<filter_group>& groups) {
  std::string out = "<nav class=\"filters\" aria-label=\"Filter findings\">";
  for (const filter_group& g : groups) {
    out += fmt::format("<div class=\"filter-row\"><span class=\"muted\">{}</span><label for=\"{}-all\" data-filter=\"{}-all\">all</label>",
                       escape(g.label), g.name, g.name);
    for (std::size_t i = 0; i < g.values.size(); ++i) {
      out += fmt::format("<label for=\"{0}-{1}\" data-filter=\"{0}-{1}\">{2}</label>", g.name, i, escape(g.values[i]));
    }
    out += "</div>";
  }
  return out + "</nav>\n";
}

std::string filter_css(const std::vector<filter_group>& groups) {
  std::string out;
  for (const filter_group& g : groups) {
    out += fmt::format("#{0}-all:checked~header label[for={0}-all]", g.name);
    for (std::size_t i = 0; i < g.values.size(); ++i) out += fmt::format(",#{0}-{1}:checked~header label[for={0}-{1}]", g.name, i);
    out += "{background:var(--ink);color:#fff;border-color:var(--ink)}\n";
    for (std::size_t i = 0; i < g.values.size(); ++i) {
      out += fmt::format("#{0}-{1}:checked~main .finding:not(.{0}-{1}){{display:none}}\n", g.name, i);
    }
  }
  return out;
}

template <typename Key>
std::size_t index_of(const std::vector<Key>& values, const Key& value) {
  return static_cast<std::size_t>(std::find(values.begin(), values.end(), value) - values.begin());
}

// The same in a sorted vector, in logarithmic time: thousands of findings each look up their
// subject and documents.
template <typename Key>
std::size_t sorted_index_of(const std::vector<Key>& values, const Key& value) {
  return static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), value) - values.begin());
}

}  // namespace

namespace {

// Rows of the documents table beyond those with a finding or an input problem: a corpus of
// 100,000 documents would otherwise make a page no browser opens; report.json lists them all.
constexpr std::size_t max_quiet_document_rows = 500;
// Input problems listed per diagnostic id; the rest are counted (all are in report.json).
constexpr std::size_t max_problem_rows_per_id = 50;
// Filters with more buttons than this are left out: a row of thousands helps nobody.
constexpr std::size_t max_filter_values = 200;

struct document_counts {
  std::size_t claims = 0;
  std::size_t linked = 0;
  std::size_t findings = 0;
  std::size_t problems = 0;
};

// Per document: claims, linked claims, findings citing it and input problems in its file.
std::vector<document_counts> count_per_document(const run_result& run) {
  std::vector<document_counts> counts(run.documents.size());
  for (const claim& c : run.claims) {
    ++counts[c.document].claims;
    counts[c.document].linked += c.linked() ? 1 : 0;
  }
  for (const finding& f : run.findings) {
    std::vector<std::size_t> docs;
    for (std::size_t i : f.claims) docs.push_back(run.claims[i].document);
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    for (std::size_t d : docs) ++counts[d].findings;
  }
  std::map<std::string_view, std::size_t> by_path;
  for (std::size_t i = 0; i < run.documents.size(); ++i) by_path.emplace(run.documents[i].path, i);
  for (const diagnostic& d : run.diags) {
    const auto it = by_path.find(d.file);
    if (it != by_path.end()) ++counts[it->second].problems;
  }
  return counts;
}

// The documents table: every document with a finding or an input problem, then the others up
// to a bound, then how many more there are.
void write_documents(const run_result& run, std::string& out, const std::function<void()>& flush) {
  const std::vector<document_counts> counts = count_per_document(run);
  out += "<h2>Documents</h2>\n<table class=\"documents\"><tr><th>id</th><th>source</th><th>published</th><th>title</th><th>claims</th>"
         "<th>linked</th><th>findings</th><th>input problems</th></tr>";
  const auto field = [](const metadata_field& f) {
    if (!f.present()) return std::string("<span class=\"muted\">unknown</span>");
    std::string text = escape(f.value);
    if (f.origin == field_origin::inferred) text += " <span class=\"muted\">(inferred from “" + escape(f.evidence) + "”)</span>";
    return text;
  };
  std::size_t quiet_shown = 0;
  std::size_t quiet_left = 0;
  for (std::size_t i = 0; i < run.documents.size(); ++i) {
    const document_counts& n = counts[i];
    const bool notable = n.findings > 0 || n.problems > 0 || run.documents[i].draft;
    if (!notable && quiet_shown == max_quiet_document_rows) {
      ++quiet_left;
      continue;
    }
    quiet_shown += notable ? 0 : 1;
    const document& doc = run.documents[i];
    out += fmt::format("<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                       notable ? "notable" : "quiet", escape(doc.id), field(doc.metadata.source), field(doc.metadata.published),
                       field(doc.metadata.title), n.claims, n.linked, n.findings, n.problems);
    flush();
  }
  out += "</table>\n";
  if (quiet_left > 0) {
    out += fmt::format("<p class=\"muted more-documents\">and {} more document(s) with no finding and no input problem; report.json "
                       "lists every document and claim.</p>\n",
                       quiet_left);
  }
}

// Input problems: a count per diagnostic id, then the first of each id.
void write_problems(const run_result& run, std::string& out, const std::function<void()>& flush) {
  if (run.skipped.empty() && run.diags.empty()) return;
  std::map<std::string, std::size_t> per_id;
  for (const diagnostic& d : run.diags) ++per_id[d.id];
  out += "<h2>Input problems</h2>\n<table class=\"problem-counts\"><tr><th>id</th><th>count</th></tr>";
  for (const auto& [id, count] : per_id) out += fmt::format("<tr><td><code>{}</code></td><td>{}</td></tr>", escape(id), count);
  out += "</table>\n<table class=\"problems\"><tr><th>file</th><th>id</th><th>message</th></tr>";
  std::map<std::string, std::size_t> shown;
  for (const diagnostic& d : run.diags) {
    if (shown[d.id]++ >= max_problem_rows_per_id) continue;
    out += fmt::format("<tr><td>{}</td><td><code>{}</code></td><td>{}</td></tr>", escape(d.file), escape(d.id), escape(d.message));
    flush();
  }
  out += "</table>\n";
  for (const auto& [id, count] : per_id) {
    if (count > max_problem_rows_per_id) {
      out += fmt::format("<p class=\"muted\">and {} more <code>{}</code> (all in report.json)</p>\n", count - max_problem_rows_per_id,
                         escape(id));
    }
  }
}

}  // namespace

std::string report_to_html(const run_result& run) {
  std::string page;
  write_report_html(run, [&](std::string_view piece) { page.append(piece); });
  return page;
}

void write_report_html(const run_result& run, const chunk_sink& sink) {
  std::size_t linked = 0;
  for (const claim& c : run.claims) linked += c.linked() ? 1 : 0;
  std::map<std::string, std::size_t> by_severity;
  std::map<std::string, std::size_t> by_rule;
  std::size_t new_findings = 0;
  for (const finding& f : run.findings) {
    ++by_severity[to_string(f.level)];
    ++by_rule[f.rule];
    new_findings += f.state == baseline_state::unchanged ? 0 : 1;
  }

  // Filter values, in a stable order: severities by rank, subjects and documents sorted.
  std::vector<std::string> severities;
  for (const char* level : {"error", "warning", "info"}) {
    if (by_severity.count(level) > 0) severities.push_back(level);
  }
  std::vector<std::string> subjects;
  std::vector<std::size_t> finding_documents;
  for (const finding& f : run.findings) {
    subjects.push_back(f.subject);
    for (std::size_t i : f.claims) finding_documents.push_back(run.claims[i].document);
  }
  std::sort(subjects.begin(), subjects.end());
  subjects.erase(std::unique(subjects.begin(), subjects.end()), subjects.end());
  std::sort(finding_documents.begin(), finding_documents.end());
  finding_documents.erase(std::unique(finding_documents.begin(), finding_documents.end()), finding_documents.end());
  std::vector<std::string> document_names;
  for (std::size_t d : finding_documents) document_names.push_back(run.documents[d].id);
  std::vector<filter_group> groups{{"sev", "severity", severities}, {"sub", "subject", subjects}, {"doc", "document", document_names}};
  std::erase_if(groups, [](const filter_group& g) { return g.values.size() > max_filter_values; });

  // The page goes to `sink` in pieces of about 64 KiB: never the whole page in memory.
  std::string out;
  const auto flush = [&] {
    if (out.size() >= (1u << 16)) {
      sink(out);
      out.clear();
    }
  };
  out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>factcheck report</title>\n<style>";
  out += style;
  out += filter_css(groups);
  out += "</style></head><body>\n";
  out += filter_inputs(groups);
  out += "<header><h1>factcheck report</h1>";
  out += fmt::format("<div class=\"muted\">{} across {} document(s){}.</div>",
                     run.draft_mode ? "Figures in the draft checked against the published sources" : "Figures about one fact that cannot all be true",
                     run.documents.size(), run.baseline_used ? ", compared with a baseline" : "");
  out += "<div class=\"stats\">";
  out += fmt::format("<div class=\"stat\"><b>{}</b>documents</div>", run.documents.size());
  out += fmt::format("<div class=\"stat\"><b>{}</b>claims · {} linked to a fact</div>", run.claims.size(), linked);
  out += fmt::format("<div class=\"stat {}\" id=\"stat-contradictions\"><b>{}</b>contradictions</div>",
                     by_rule["contradiction"] == 0 ? "good" : "bad", by_rule["contradiction"]);
  if (by_rule["superseded"] > 0) out += fmt::format("<div class=\"stat\"><b>{}</b>superseded figures</div>", by_rule["superseded"]);
  out += fmt::format("<div class=\"stat {}\"><b>{}</b>derived figures that do not add up</div>", by_rule["derived_mismatch"] == 0 ? "good" : "bad",
                     by_rule["derived_mismatch"]);
  out += fmt::format("<div class=\"stat\"><b>{}</b>errors · {} warnings · {} info</div>", by_severity["error"], by_severity["warning"],
                     by_severity["info"]);
  if (run.baseline_used) {
    out += fmt::format("<div class=\"stat {}\"><b>{}</b>new · {} in the baseline · {} fixed</div>", new_findings == 0 ? "good" : "bad",
                       new_findings, run.findings.size() - new_findings, run.fixed.size());
  }
  if (run.draft_mode) out += fmt::format("<div class=\"stat good\"><b>{}</b>draft figures confirmed</div>", run.confirmations.size());
  if (!run.skipped.empty()) out += fmt::format("<div class=\"stat bad\"><b>{}</b>files skipped</div>", run.skipped.size());
  out += "</div>";
  if (!run.findings.empty()) out += filter_bar(groups);
  out += "</header>\n<main>\n<h2>Findings</h2>\n";
  if (run.findings.empty()) out += "<p class=\"muted\">No contradictions and no derived figures that fail to add up.</p>\n";
  for (const finding& f : run.findings) {
    std::string classes = fmt::format("card finding sev-{} sub-{}", index_of(severities, to_string(f.level)), sorted_index_of(subjects, f.subject));
    std::vector<std::size_t> docs_here;
    for (std::size_t i : f.claims) docs_here.push_back(run.claims[i].document);
    std::sort(docs_here.begin(), docs_here.end());
    docs_here.erase(std::unique(docs_here.begin(), docs_here.end()), docs_here.end());
    for (std::size_t d : docs_here) classes += fmt::format(" doc-{}", sorted_index_of(finding_documents, d));
    out += fmt::format("<section class=\"{}\" data-severity=\"{}\" data-subject=\"{}\" data-kind=\"{}\">", classes, to_string(f.level),
                       escape(f.subject), escape(f.rule));
    const std::string state = f.state == baseline_state::new_finding ? "<span class=\"badge new\">new</span>"
                              : f.state == baseline_state::unchanged ? "<span class=\"badge known\">in baseline</span>"
                                                                      : "";
    out += fmt::format("<h3><span class=\"badge {0}\">{0}</span>{3}{1} · {2}</h3>", to_string(f.level), escape(f.subject), escape(f.attribute),
                       state);
    std::string qualifiers;
    for (const std::string& q : f.qualifiers) qualifiers += (qualifiers.empty() ? "" : ", ") + q;
    out += fmt::format("<div class=\"muted\">{} · {} · confidence {:.2f}{} · <code>{}</code></div>",
                       f.rule == "contradiction" ? "contradiction"
                       : f.rule == "superseded" ? "superseded: a later-stamped figure replaces the earlier"
                                                : "derived figure does not add up",
                       escape(f.difference), f.confidence,
                       qualifiers.empty() ? "" : " · when " + escape(qualifiers), f.fingerprint);
    if (f.rule != "derived_mismatch") out += render_assessment(f.assessed);
    // A derived mismatch mixes units (GPUs, hours, dollars): its message carries the arithmetic.
    if (f.rule == "superseded") {
      out += "<p class=\"computation\">" + escape(f.message) + "</p>";
      out += render_axis(run, f);
    } else if (f.rule == "contradiction") {
      out += render_axis(run, f);
    } else {
      out += "<p class=\"computation\">" + escape(f.message) + "</p>";
    }
    std::size_t side_count = 0;
    for (std::size_t s : f.sides) side_count = std::max(side_count, s + 1);
    out += "<div class=\"sides\">";
    for (std::size_t s = 0; s < side_count; ++s) {
      out += fmt::format("<div class=\"side s{}\">", s % 4);
      for (std::size_t k = 0; k < f.claims.size(); ++k) {
        if (f.sides[k] != s) continue;
        const claim& c = run.claims[f.claims[k]];
        const bool draft = run.documents[c.document].draft;
        const std::vector<std::size_t>& odd = f.assessed.odd_claims;
        const bool is_odd = std::find(odd.begin(), odd.end(), f.claims[k]) != odd.end();
        const bool is_supported = f.assessed.supported_side == s;
        out += fmt::format("<div class=\"claim{}{}\"><div class=\"doc\">{}{}{}</div>", draft ? " draft" : "", is_odd ? " odd" : "",
                           draft ? "<span class=\"badge draft\">draft</span>" : "",
                           is_odd ? "<span class=\"badge odd\">odd figure</span>"
                                  : is_supported ? "<span class=\"badge supported\">supported</span>" : "",
                           document_line(run.documents[c.document]));
        out += "<blockquote>" + sentence_with_mark(run, c) + "</blockquote>";
        out += fmt::format("<div class=\"value\">{}{}</div></div>", escape(value_text(c)),
                           c.date ? " · " + escape(c.date->anchor) : std::string());
      }
      out += "</div>";
    }
    out += "</div></section>\n";
    flush();
  }
  if (!run.findings.empty()) out += "<p class=\"muted shown\">findings shown</p>\n";
  if (run.draft_mode) {
    out += fmt::format("<h2>Confirmed figures in the draft</h2>\n");
    if (run.confirmations.empty()) out += "<p class=\"muted\">No figure of the draft is confirmed by a published source.</p>\n";
    else out += "<table class=\"confirmed\"><tr><th>draft figure</th><th>fact</th><th>value</th><th>confirmed by</th></tr>";
    for (const confirmation& k : run.confirmations) {
      const claim& c = run.claims[k.claim];
      std::string sources;
      for (std::size_t i : k.sources) {
        const claim& p = run.claims[i];
        sources += fmt::format("<div>{}: “{}”</div>", escape(run.documents[p.document].id), escape(p.found.text));
      }
      out += fmt::format("<tr><td>{}</td><td>{} · {}</td><td class=\"value\">{}</td><td>{}</td></tr>", sentence_with_mark(run, c),
                         escape(c.subject), escape(c.attribute), escape(value_text(c)), sources);
      flush();
    }
    if (!run.confirmations.empty()) out += "</table>\n";
  }
  if (!run.fixed.empty()) {
    out += "<h2>Fixed since the baseline</h2>\n<table><tr><th>fact</th><th>values recorded</th><th>fingerprint</th></tr>";
    for (const recorded_finding& r : run.fixed) {
      std::string values;
      for (const std::string& v : r.values) values += "<div>" + escape(v) + "</div>";
      out += fmt::format("<tr><td>{} · {}</td><td>{}</td><td><code>{}</code></td></tr>", escape(r.subject), escape(r.attribute), values,
                         escape(r.fingerprint));
    }
    out += "</table>\n";
  }

  write_documents(run, out, flush);
  write_problems(run, out, flush);
  out += "</main></body></html>\n";
  sink(out);
}

}  // namespace checker
