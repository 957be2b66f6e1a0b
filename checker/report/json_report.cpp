#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "report/report.h"
#include "report/quote.h"

namespace checker {
namespace {

std::string origin_name(field_origin origin) {
  switch (origin) {
    case field_origin::front_matter: return "front_matter";
    case field_origin::manifest: return "manifest";
    case field_origin::inferred: return "inferred";
    case field_origin::file_name: return "file_name";
    case field_origin::missing: return "missing";
  }
  return "missing";
}

std::string format_name(document_format format) {
  switch (format) {
    case document_format::text: return "text";
    case document_format::markdown: return "markdown";
    case document_format::html: return "html";
    case document_format::docx: return "docx";
    case document_format::odt: return "odt";
  }
  return "text";
}

std::string level_name(diagnostic_level level) {
  switch (level) {
    case diagnostic_level::note: return "note";
    case diagnostic_level::warning: return "warning";
    case diagnostic_level::error: return "error";
  }
  return "note";
}

nlohmann::json field_json(const metadata_field& field) {
  nlohmann::json out = {{"origin", origin_name(field.origin)}};
  out["value"] = field.present() ? nlohmann::json(field.value) : nlohmann::json(nullptr);
  if (!field.evidence.empty()) out["evidence"] = field.evidence;
  return out;
}

}  // namespace

nlohmann::json encoding_json(const document& doc) {
  nlohmann::json out = {{"name", doc.encoding}, {"origin", to_string(doc.encoding_chosen_by)}};
  if (!doc.encoding_evidence.empty()) out["evidence"] = doc.encoding_evidence;
  return out;
}

namespace {

nlohmann::json optional_decimal(const std::optional<decimal>& value) {
  return value ? nlohmann::json(value->to_string()) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json claim_to_json(const run_result& run, const claim& c) {
  nlohmann::json out;
  out["id"] = c.id;
  out["document"] = run.documents[c.document].id;
  out["kind"] = to_string(c.found.kind);
  out["text"] = c.found.text;
  out["span"] = {{"begin", c.original_span.begin}, {"end", c.original_span.end}};
  out["sentence"] = quote_of(run, c).whole();
  out["unit"] = c.unit;
  out["hedge"] = to_string(c.found.hedge);
  if (!c.found.hedge_text.empty()) out["hedge_text"] = c.found.hedge_text;
  out["status"] = to_string(c.status);
  if (!c.status_reason.empty()) out["status_reason"] = c.status_reason;
  if (c.date) {
    out["value"] = c.date->grain == date_grain::day ? c.date->first.iso() : c.date->first.iso() + "/" + c.date->last.iso();
    out["interval"] = {{"low", c.date->first.iso()}, {"high", c.date->last.iso()}, {"low_inclusive", true}, {"high_inclusive", true}};
    out["grain"] = to_string(c.date->grain);
    out["anchor"] = c.date->anchor;
    if (c.date->clock) {
      // 2024-04-03T07:58, with the time zone below when the text gives one.
      out["value"] = c.date->first.iso() + c.date->clock->text;
      out["time"] = {{"text", c.date->clock->text.substr(1)},
                     {"from_second", c.date->clock->first_second},
                     {"to_second", c.date->clock->end_second},
                     {"approximate", c.date->clock->approximate}};
    }
  } else if (c.found.kind == claim_kind::date) {
    out["value"] = nullptr;
    out["interval"] = nullptr;
  } else {
    out["value"] = optional_decimal(c.value);
    if (c.status == resolution::resolved) {
      out["interval"] = {{"low", optional_decimal(c.interval.low)},
                         {"high", optional_decimal(c.interval.high)},
                         {"low_inclusive", c.interval.low_inclusive},
                         {"high_inclusive", c.interval.high_inclusive}};
    } else {
      out["interval"] = nullptr;
    }
  }
  if (c.found.amount) {
    const amount_parts& a = *c.found.amount;
    if (!a.counted.empty() && c.found.kind == claim_kind::count) out["counted"] = a.counted;
    if (!a.per.empty()) out["per"] = a.per;
    if (a.currency_assumed) out["currency_assumed"] = true;
    if (!a.unit_text.empty()) out["unit_text"] = a.unit_text;
  }
  out["subject"] = c.subject.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.subject);
  out["attribute"] = c.attribute.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.attribute);
  out["qualifiers"] = c.qualifiers;
  out["link"] = {{"confidence", c.link_confidence}, {"basis", c.link_basis}};
  if (!c.as_of.empty()) out["as_of"] = c.as_of;
  if (c.utc_offset_minutes) {
    const int minutes = *c.utc_offset_minutes;
    const int magnitude = minutes < 0 ? -minutes : minutes;
    out["time_zone"] = {{"offset", fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60)},
                        {"basis", c.zone_basis}};
  }
  return out;
}

nlohmann::json assessment_json(const run_result& run, const assessment& a) {
  const auto ids = [&](const std::vector<std::size_t>& claims) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i : claims) out.push_back(run.claims[i].id);
    return out;
  };
  nlohmann::json sides = nlohmann::json::array();
  for (const side_support& s : a.sides) {
    sides.push_back({{"side", s.side}, {"documents", s.documents}, {"independent_sources", s.independent_sources}, {"claims", ids(s.claims)}});
  }
  nlohmann::json out = {{"status", to_string(a.status)},
                        {"supported_side", a.supported_side ? nlohmann::json(*a.supported_side) : nlohmann::json(nullptr)},
                        {"sides", sides},
                        {"odd_claims", ids(a.odd_claims)}};
  if (a.status == assessment_status::latest) out["basis"] = to_string(a.basis);
  if (a.likely_slip) {
    out["slip"] = {{"id", a.likely_slip->id}, {"message", a.likely_slip->message}};
    if (!a.likely_slip->suggestion.empty()) out["slip"]["suggestion"] = a.likely_slip->suggestion;
  }
  return out;
}

std::string to_string(claim_selection selection) {
  switch (selection) {
    case claim_selection::all: return "all";
    case claim_selection::linked: return "linked";
    case claim_selection::findings: return "findings";
  }
  return "all";
}

std::optional<claim_selection> claim_selection_from(std::string_view name) {
  for (claim_selection s : {claim_selection::all, claim_selection::linked, claim_selection::findings}) {
    if (name == to_string(s)) return s;
  }
  return std::nullopt;
}

namespace {

// Which claims the `claims` array lists, one flag per claim of the run.
std::vector<bool> selected_claims(const run_result& run, claim_selection selection) {
  std::vector<bool> keep(run.claims.size(), selection == claim_selection::all);
  if (selection == claim_selection::linked) {
    for (std::size_t i = 0; i < run.claims.size(); ++i) keep[i] = run.claims[i].linked();
  } else if (selection == claim_selection::findings) {
    for (const finding& f : run.findings) {
      for (std::size_t i : f.claims) keep[i] = true;
    }
    for (const confirmation& k : run.confirmations) {
      keep[k.claim] = true;
      for (std::size_t i : k.sources) keep[i] = true;
    }
  }
  return keep;
}

nlohmann::json document_json(const run_result& run, std::size_t i, std::size_t claims) {
  const document& doc = run.documents[i];
  return {{"id", doc.id},
          {"path", doc.path},
          {"format", format_name(doc.format)},
          {"encoding", encoding_json(doc)},
          {"metadata",
           {{"source", field_json(doc.metadata.source)},
            {"published", field_json(doc.metadata.published)},
            {"url", field_json(doc.metadata.url)},
            {"title", field_json(doc.metadata.title)}}},
          {"sentences", run.sentences[i].size()},
          {"claims", claims},
          {"draft", doc.draft}};
}

std::vector<std::size_t> claims_per_document(const run_result& run) {
  std::vector<std::size_t> counts(run.documents.size(), 0);
  for (const claim& c : run.claims) ++counts[c.document];
  return counts;
}

// The whole report; with `with_arrays` false the `documents` and `claims` arrays are left empty
// for the streaming writer to fill in place.
nlohmann::json build_report(const run_result& run, bool with_arrays, claim_selection selection) {
  nlohmann::json out;
  out["tool"] = {{"name", "factcheck"}, {"version", "0.1.0"}};
  out["schema_version"] = 1;
  out["claims_included"] = to_string(selection);
  nlohmann::json documents = nlohmann::json::array();
  if (with_arrays) {
    const std::vector<std::size_t> counts = claims_per_document(run);
    for (std::size_t i = 0; i < run.documents.size(); ++i) documents.push_back(document_json(run, i, counts[i]));
  }
  out["documents"] = std::move(documents);
  const std::vector<bool> keep = with_arrays ? selected_claims(run, selection) : std::vector<bool>();
nlohmann::json claims = nlohmann::json::array();
  std::size_t linked = 0;
  std::size_t unresolved = 0;
  std::size_t invalid = 0;
  std::map<std::string, std::size_t> by_kind;
  for (std::size_t i = 0; i < run.claims.size(); ++i) {
    const claim& c = run.claims[i];
    if (with_arrays && keep[i]) claims.push_back(claim_to_json(run, c));
    linked += c.linked() ? 1 : 0;
    unresolved += c.status == resolution::unresolved ? 1 : 0;
    invalid += c.status == resolution::invalid ? 1 : 0;
    ++by_kind[to_string(c.found.kind)];
  }
  out["claims"] = std::move(claims);
  nlohmann::json findings = nlohmann::json::array();
  std::map<std::string, std::size_t> by_severity;
  std::map<std::string, std::size_t> by_rule;
  std::size_t new_findings = 0;
  for (const finding& f : run.findings) {
    nlohmann::json evidence = nlohmann::json::array();
    for (std::size_t k = 0; k < f.claims.size(); ++k) {
      nlohmann::json item = claim_to_json(run, run.claims[f.claims[k]]);
      item["side"] = f.sides[k];
      if (k < f.factors.size() && !(f.factors[k] == decimal{1, 0})) item["factor"] = f.factors[k].to_string();
      evidence.push_back(std::move(item));
    }
    findings.push_back({{"kind", f.rule},
                        {"severity", to_string(f.level)},
                        {"subject", f.subject},
                        {"attribute", f.attribute},
                        {"qualifiers", f.qualifiers},
                        {"unit", f.unit},
                        {"message", f.message},
                        {"difference", f.difference},
                        {"confidence", f.confidence},
                        {"fingerprint", f.fingerprint},
                        {"baseline_state", to_string(f.state)},
                        {"claims", evidence}});
    if (f.latest_side) findings.back()["latest_side"] = *f.latest_side;
    findings.back()["assessment"] = assessment_json(run, f.assessed);
    if (f.state == baseline_state::new_finding) ++new_findings;
    ++by_severity[to_string(f.level)];
    ++by_rule[f.rule];
  }
  out["findings"] = std::move(findings);  // not a copy: with thousands of findings this array is the largest part of the skeleton
  nlohmann::json skipped = nlohmann::json::array();
  for (const skipped_file& s : run.skipped) skipped.push_back({{"file", s.file}, {"reason", s.reason}, {"message", s.message}});
  out["skipped"] = skipped;
  nlohmann::json diags = nlohmann::json::array();
  for (const diagnostic& d : run.diags) {
    nlohmann::json item = {{"id", d.id}, {"level", level_name(d.level)}, {"file", d.file}, {"message", d.message}};
    item["offset"] = d.offset ? nlohmann::json(*d.offset) : nlohmann::json(nullptr);
    diags.push_back(std::move(item));
  }
  out["diagnostics"] = std::move(diags);
  out["mode"] = run.draft_mode ? "draft" : "corpus";
  if (run.archive) {
    out["archive"] = {{"documents_loaded", run.archive->documents_loaded}, {"full_load", run.archive->full_load}};
  }
  nlohmann::json confirmed = nlohmann::json::array();
  for (const confirmation& k : run.confirmations) {
    nlohmann::json sources = nlohmann::json::array();
    for (std::size_t i : k.sources) sources.push_back(run.claims[i].id);
    confirmed.push_back({{"claim", run.claims[k.claim].id}, {"sources", sources}});
  }
  out["confirmed"] = confirmed;
  nlohmann::json fixed = nlohmann::json::array();
  for (const recorded_finding& r : run.fixed) {
    fixed.push_back({{"fingerprint", r.fingerprint},
                     {"kind", r.kind},
                     {"severity", r.severity},
                     {"subject", r.subject},
                     {"attribute", r.attribute},
                     {"qualifiers", r.qualifiers},
                     {"unit", r.unit},
                     {"values", r.values}});
  }
  out["baseline"] = {{"used", run.baseline_used}, {"fixed", fixed}};
  out["summary"] = {{"documents", run.documents.size()},
                    {"skipped", run.skipped.size()},
                    {"claims", run.claims.size()},
                    {"linked", linked},
                    {"unresolved", unresolved},
                    {"invalid", invalid},
                    {"claims_by_kind", by_kind},
                    {"findings", run.findings.size()},
                    {"findings_by_kind", by_rule},
                    {"findings_by_severity", by_severity},
                    {"new_findings", run.baseline_used ? new_findings : run.findings.size()},
                    {"fixed_findings", run.fixed.size()},
                    {"confirmed", run.confirmations.size()}};
  return out;
}

}  // namespace

nlohmann::json report_to_json(const run_result& run, claim_selection selection) { return build_report(run, true, selection); }

std::string dump_json(const nlohmann::json& value, int indent) {
  // A stray invalid byte must never cost the whole report: it is written as U+FFFD.
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// Writes the items `next` yields (nullopt ends) as the elements of a top-level array, indented
// as `dump_json(..., 2)` indents them.
void stream_array_items(const chunk_sink& sink, const std::function<std::optional<nlohmann::json>()>& next) {
  bool first = true;
  std::string item;
  for (std::optional<nlohmann::json> value = next(); value; value = next()) {
    item = dump_json(*value, 2);
    sink(first ? "\n    " : ",\n    ");
    first = false;
    std::size_t from = 0;
    for (std::size_t nl = item.find('\n'); nl != std::string::npos; from = nl + 1, nl = item.find('\n', from)) {
      sink(std::string_view(item).substr(from, nl + 1 - from));
      sink("    ");
    }
    sink(std::string_view(item).substr(from));
  }
  if (!first) sink("\n  ");
}

}  // namespace

void write_report_json(const run_result& run, const chunk_sink& sink, claim_selection selection) {
  // Everything but the documents and the claims is small. Those two (one entry per file and per
  // figure, hundreds of thousands in a large corpus) are serialised one at a time into the place
  // the full dump would put them, so memory does not grow with the report and the bytes equal
  // `dump_json(report_to_json(run, selection), 2)`.
  const std::string skeleton = dump_json(build_report(run, false, selection), 2);
  const std::vector<std::size_t> counts = claims_per_document(run);
  const std::vector<bool> keep = selected_claims(run, selection);
  std::size_t next_document = 0;
  std::size_t next_claim = 0;
  struct hole {
    std::size_t at;  // just after the array's '['
    std::function<std::optional<nlohmann::json>()> next;
  };
  std::vector<hole> holes;
  const auto find_hole = [&](std::string_view empty_array, std::function<std::optional<nlohmann::json>()> next) {
    const std::size_t at = skeleton.find(empty_array);  // a raw newline is never inside a JSON string
    if (at == std::string::npos) throw error("internal error: report.json lacks an array to fill");
    holes.push_back({at + empty_array.size() - 1, std::move(next)});
  };
  find_hole("\n  \"documents\": []", [&]() -> std::optional<nlohmann::json> {
    if (next_document == run.documents.size()) return std::nullopt;
    const std::size_t i = next_document++;
    return document_json(run, i, counts[i]);
  });
  find_hole("\n  \"claims\": []", [&]() -> std::optional<nlohmann::json> {
    while (next_claim < run.claims.size() && !keep[next_claim]) ++next_claim;
    if (next_claim == run.claims.size()) return std::nullopt;
    return claim_to_json(run, run.claims[next_claim++]);
  });
  std::sort(holes.begin(), holes.end(), [](const hole& a, const hole& b) { return a.at < b.at; });
  std::size_t from = 0;
  for (const hole& h : holes) {
    sink(std::string_view(skeleton).substr(from, h.at - from));
    stream_array_items(sink, h.next);
    from = h.at;
  }
  sink(std::string_view(skeleton).substr(from));
  sink("\n");
}

namespace {

// Temporaries of this file left by runs that were killed before their rename: the process named
// in the file name no longer exists. Those of a live process (a concurrent run) are left alone.
void remove_abandoned_temporaries(const std::filesystem::path& folder, const std::string& name) {
  namespace fs = std::filesystem;
  const std::string prefix = "." + name + ".";
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (file.size() <= prefix.size() + 4 || file.compare(0, prefix.size(), prefix) != 0 || !file.ends_with(".tmp")) continue;
    const std::string rest = file.substr(prefix.size());
    char* end_of_pid = nullptr;
    const long pid = std::strtol(rest.c_str(), &end_of_pid, 10);
    if (pid <= 0 || end_of_pid == rest.c_str() || *end_of_pid != '.') continue;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::function<void(const chunk_sink&)>& fill) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code ec;
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::create_directories(folder, ec);
  if (ec) throw error(fmt::format("cannot create folder {}: {}", folder.string(), ec.message()));
  // A hidden temporary beside the target (a rename is atomic only within one file system),
  // named after this process so that two runs writing the same report never share one.
  int fd = -1;
  fs::path temporary;
  for (int attempt = 0; fd < 0; ++attempt) {
    temporary = folder / fmt::format(".{}.{}.{}.tmp", target.filename().string(), ::getpid(), attempt);
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && (errno != EEXIST || attempt > 100)) {
      throw error(fmt::format("cannot write {}: {}; check that the folder is writable", temporary.string(), std::strerror(errno)));
    }
  }
  const auto write_all = [&](std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw error(fmt::format("writing {} failed: {} (disk full?); {} is unchanged", temporary.string(), std::strerror(errno), path));
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  };
  try {
    std::string buffer;
    buffer.reserve(1 << 16);
    fill([&](std::string_view piece) {
      if (buffer.size() + piece.size() > buffer.capacity()) {
        write_all(buffer);
        buffer.clear();
      }
      if (piece.size() >= buffer.capacity()) {
        write_all(piece);
      } else {
        buffer.append(piece);
      }
    });
    write_all(buffer);
    // On disk before the rename: after a crash or power loss the target is the old file or the
    // whole new one, never an empty or partial one.
    if (::fsync(fd) != 0) throw error(fmt::format("flushing {} failed: {}; {} is unchanged", temporary.string(), std::strerror(errno), path));
  } catch (...) {
    ::close(fd);
    fs::remove(temporary, ec);
    throw;
  }
  if (::close(fd) != 0) {
    const std::string reason = std::strerror(errno);
    fs::remove(temporary, ec);
    throw error(fmt::format("writing {} failed: {}; {} is unchanged", temporary.string(), reason, path));
  }
  fs::rename(temporary, target, ec);
  if (ec) {
    const std::string reason = ec.message();
    fs::remove(temporary, ec);
    throw error(fmt::format("cannot replace {}: {}", path, reason));
  }
  remove_abandoned_temporaries(folder, target.filename().string());
  // Make the rename itself durable; a folder that cannot be opened or synced changes nothing.
  const int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd >= 0) {
    (void)::fsync(folder_fd);
    ::close(folder_fd);
  }
}

void write_file_atomically(const std::string& path, const std::string& content) {
  write_file_atomically(path, [&](const chunk_sink& sink) { sink(content); });
}

}  // namespace checker
