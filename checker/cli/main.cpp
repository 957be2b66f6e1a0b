// factcheck: the command line on top of checker_core. Parses arguments, runs the pipeline,
// writes reports, prints a summary and maps the outcome to an exit code:
// 0 nothing new at or above the --fail-on severity, 1 new findings, 2 usage, configuration or input error.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>

#include "archive/archive.h"
#include "baseline/baseline.h"
#include "config/config.h"
#include "lexicon/embedded.h"
#include "lexicon/lexicon.h"
#include "pipeline/pipeline.h"
#include "report/report.h"

namespace {

using namespace checker;

constexpr int exit_clean = 0;
constexpr int exit_findings = 1;
constexpr int exit_error = 2;

struct terminal {
  bool color = false;
  std::string paint(std::string_view code, std::string_view text) const {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

// Lines printed per diagnostic id before the rest are only counted: a corpus of shuffled digits
// gives thousands of invalid dates, and one line each would bury everything else.
constexpr std::size_t diagnostics_shown_per_id = 5;

// `file: message [id]`, or `file:line:column: ...` when the problem has a place in a document
// that was read (columns in characters, as editors count them). The first few of each id are
// printed, then how many more there are and where they all are (`all_of_them`).
void print_diagnostics(const run_result& run, std::string_view all_of_them) {
  std::map<std::string_view, const document*> by_path;
  for (const document& doc : run.documents) by_path.emplace(doc.path, &doc);
  std::map<std::string_view, std::size_t> per_id;
  for (const diagnostic& d : run.diags) {
    if (d.level == diagnostic_level::note) continue;
    if (++per_id[d.id] > diagnostics_shown_per_id) continue;
    const auto doc = by_path.find(d.file);
    if (d.offset && doc != by_path.end() && *d.offset <= doc->second->original.size()) {
      fmt::print(stderr, "factcheck: {}:{}:{}: {} [{}]\n", d.file, doc->second->line_column(*d.offset).first,
                 doc->second->code_point_column(*d.offset), d.message, d.id);
    } else {
      fmt::print(stderr, "factcheck: {}: {} [{}]\n", d.file, d.message, d.id);
    }
  }
  for (const auto& [id, count] : per_id) {
    if (count > diagnostics_shown_per_id) {
      fmt::print(stderr, "factcheck: {} input problem(s) [{}], the first {} shown; {} more {}\n", count, id,
                 diagnostics_shown_per_id, count - diagnostics_shown_per_id, all_of_them);
    }
  }
}

std::string value_of(const claim& c) {
  if (c.date) return c.date->grain == date_grain::day ? c.date->first.iso() : c.date->first.iso() + ".." + c.date->last.iso();
  return c.value ? c.value->to_string() + " " + c.unit : std::string("?");
}

std::string where(const run_result& run, const claim& c) {
  const document& doc = run.documents[c.document];
  return fmt::format("{}:{}:{}", doc.id, doc.line_column(c.original_span.begin).first, doc.code_point_column(c.original_span.begin));
}

// Only findings at or above the threshold that the baseline does not hold fail the run.
bool fails(const finding& f, std::optional<severity> threshold) {
  return threshold && f.state != baseline_state::unchanged && f.level >= *threshold;
}

void print_summary(const run_result& run, const terminal& term, const std::vector<std::string>& written,
                   std::optional<severity> threshold) {
  std::size_t linked = 0;
  for (const claim& c : run.claims) linked += c.linked() ? 1 : 0;
  std::map<std::string, std::size_t> by_rule;
  std::size_t failing = 0;
  std::size_t unchanged = 0;
  for (const finding& f : run.findings) {
    ++by_rule[f.rule];
    failing += fails(f, threshold) ? 1 : 0;
    unchanged += f.state == baseline_state::unchanged ? 1 : 0;
    if (f.state == baseline_state::unchanged) continue;  // in the baseline: counted, not repeated
    const std::string level = f.level == severity::error     ? term.paint("1;31", "error")
                              : f.level == severity::warning ? term.paint("1;33", "warning")
                                                             : term.paint("1;36", "info");
    const std::string tag = f.state == baseline_state::new_finding ? " (new)" : "";
    if (f.rule == "derived_mismatch" || f.rule == "superseded") {
      fmt::print("{}{}: {}\n", level, tag, f.message);
    } else {
      fmt::print("{}{}: {} · {}{} ({}, confidence {:.2f})\n", level, tag, term.paint("1", f.subject), f.attribute,
                 f.qualifiers.empty() ? std::string() : fmt::format(" [{}]", fmt::join(f.qualifiers, ", ")), f.difference, f.confidence);
    }
    for (std::size_t k = 0; k < f.claims.size(); ++k) {
      const claim& c = run.claims[f.claims[k]];
      const bool draft = run.documents[c.document].draft;
      fmt::print("  [{}] {}{}  {}  = {}\n", f.sides[k] + 1, draft ? "draft " : "", where(run, c), term.paint("33", c.found.text),
                 value_of(c));
    }
    // Issue 14: which side the sources support, and the likely slip, in one line.
    if (f.rule != "derived_mismatch") fmt::print("  {}\n", assessment_summary(run, f));
  }
  if (run.draft_mode && !run.confirmations.empty()) {
    fmt::print("{} figure(s) in the draft agree with the published sources:\n", run.confirmations.size());
    for (const confirmation& k : run.confirmations) {
      const claim& c = run.claims[k.claim];
      std::vector<std::string> sources;
      for (std::size_t i : k.sources) sources.push_back(run.documents[run.claims[i].document].id);
      sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
      fmt::print("  {} {}  {} · {} = {}  (confirmed by {})\n", term.paint("32", "ok"), where(run, c), c.subject, c.attribute,
                 c.found.text, fmt::join(sources, ", "));
    }
  }
  for (const recorded_finding& r : run.fixed) {
    fmt::print("{}: {} · {} is in the baseline but no longer occurs (--prune-baseline drops it)\n", term.paint("32", "fixed"),
               r.subject, r.attribute);
  }
  fmt::print("{} document(s), {} claim(s), {} linked to a fact, {} contradiction(s)", run.documents.size(), run.claims.size(), linked,
             by_rule["contradiction"]);
  if (by_rule["derived_mismatch"] > 0) fmt::print(", {} derived mismatch(es)", by_rule["derived_mismatch"]);
  if (by_rule["superseded"] > 0) fmt::print(", {} superseded figure(s)", by_rule["superseded"]);
  if (run.baseline_used) fmt::print("; {} new, {} in the baseline, {} fixed", run.findings.size() - unchanged, unchanged, run.fixed.size());
  if (!run.skipped.empty()) fmt::print(", {} file(s) skipped", run.skipped.size());
  fmt::print("\n");
  if (threshold) {
    fmt::print("{} finding(s) at or above {} fail the run\n", failing, to_string(*threshold));
  }
  for (const std::string& path : written) fmt::print("wrote {}\n", path);
}

std::set<std::string> parse_formats(const std::string& list) {
  std::set<std::string> formats;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) continue;
    if (item != "json" && item != "html" && item != "sarif" && item != "rdjsonl") {
      throw error(fmt::format("unknown report format '{}'; use json, html, sarif or rdjsonl, comma-separated", item));
    }
    formats.insert(item);
  }
  return formats;
}

/// The project file named by `--project`, else `factcheck.json` in the working folder if there is one.
std::optional<project_config> find_project(const std::string& named) {
  if (!named.empty()) return load_project(named);
  std::error_code ignored;
  if (std::filesystem::is_regular_file(default_project_file, ignored)) return load_project(default_project_file);
  return std::nullopt;
}

struct check_request {
  std::vector<std::string> paths;
  std::vector<std::string> drafts;
  std::string out_dir = "reports";
  std::string formats = "json,html";
  std::string claims = "all";
  bool out_given = false;
  bool formats_given = false;
  std::uintmax_t max_file_bytes = 64u * 1024u * 1024u;
  unsigned jobs = 0;
  bool quiet = false;
  std::string project;
  std::string baseline;
  std::string write_baseline;
  bool prune_baseline = false;
  std::string fail_on;
  std::string encoding;
  std::string stdin_name = "stdin";
  std::string source_root = ".";
  std::string archive;  // --archive: published documents come from this archive
};

// `-` among the paths names standard input: read it once, in binary, up to one byte over the
// size limit (so an oversized pipe is refused, not read to the end).
std::optional<piped_document> read_standard_input(const std::vector<std::string>& paths, const std::string& name,
                                                  std::uintmax_t max_bytes) {
  if (std::find(paths.begin(), paths.end(), "-") == paths.end()) return std::nullopt;
  if (name.empty() || name == "-") throw error("--stdin-name needs a name (such as draft.md), not an empty name or '-'");
  piped_document piped;
  piped.name = name;
  char buffer[65536];
  while (piped.bytes.size() <= max_bytes) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, stdin);
    if (n == 0) break;
    piped.bytes.append(buffer, n);
  }
  if (std::ferror(stdin) != 0) throw error("standard input could not be read");
  return piped;
}

// A bad --encoding is a usage error: say so before anything is read.
void check_encoding(const std::string& name) {
  if (!name.empty() && !encoding_converter(name)) {
    throw error(fmt::format("unknown encoding '{}' for --encoding; use UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, GB2312, "
                            "Big5 or Big5-HKSCS (or another name ICU knows)",
                            name));
  }
}

// SARIF's SRCROOT: `--source-root` made absolute (code scanning runs from the checkout's root,
// so the working folder is the default). Without a trailing separator, so that paths compare.
sarif_options sarif_paths(const std::string& source_root) {
  std::error_code failed;
  sarif_options options;
  options.working_folder = std::filesystem::current_path(failed);
  if (failed) throw error(fmt::format("the working folder cannot be read: {}", failed.message()));
  std::filesystem::path root = (options.working_folder / source_root).lexically_normal();
  if (!root.has_filename() && root.has_relative_path()) root = root.parent_path();
  options.source_root = root;
  return options;
}

// The analysis version of this build with this project's vocabulary: archives record it, so
// that records of another lexicon or code version are never mixed with this one's.
std::string current_analysis_version(const std::optional<project_config>& project) {
  std::string text;
  for (const char* name : {"lexicon.json", "places.json"}) {
    if (const auto data = embedded_file(name)) text += *data;
  }
  if (project) text += project->vocabulary.dump();
  return analysis_version(text);
}

// The archive `named` on the command line, else the project file's, else the default.
std::string archive_location(const std::string& named, const std::optional<project_config>& project) {
  if (!named.empty()) return named;
  if (project && project->archive) return *project->archive;
  return default_archive;
}

// Refuses an archive whose records another analysis made: mixing them would compare figures
// read by two different rule sets.
void require_version(archive_store& store, const std::string& version) {
  const std::string stored = store.stored_analysis_version();
  if (!stored.empty() && stored != version) {
    throw error(fmt::format("archive {}: its records were made by analysis version {}, this factcheck is {}; run "
                            "`factcheck archive refresh --archive {}` to analyse them again",
                            store.location(), stored, version, store.location()));
  }
}

// Progress on stderr, only for a person watching a terminal; CI logs stay clean.
std::function<void(std::size_t, std::size_t)> progress_printer(bool quiet, const char* verb) {
  if (quiet || isatty(STDERR_FILENO) == 0 || std::getenv("CI") != nullptr) return {};
  return [verb](std::size_t done, std::size_t total) {
    if (total >= 20) fmt::print(stderr, "\r  {} {}/{} documents", verb, done, total);
    if (total >= 20 && done == total) fmt::print(stderr, "\n");
  };
}

int run_check_command(const check_request& request) {
  lexicon lex = load_builtin_lexicon();
  const std::optional<project_config> project = find_project(request.project);
  std::string format_list = request.formats;
  std::string out_dir = request.out_dir;
  std::vector<std::string> inputs = request.paths;
  std::string baseline_path = request.baseline;
  std::string fail_on = request.fail_on;
  if (project) {
    apply_project(*project, lex);
    if (!request.formats_given && !project->formats.empty()) format_list = fmt::format("{}", fmt::join(project->formats, ","));
    if (!request.out_given && project->out) out_dir = *project->out;
    if (inputs.empty()) inputs = project->corpus;
    if (baseline_path.empty() && project->baseline) baseline_path = *project->baseline;
    if (fail_on.empty() && project->fail_on) fail_on = *project->fail_on;
  }
  if (fail_on.empty()) fail_on = "warning";
  std::optional<severity> threshold = severity_from(fail_on);
  if (!threshold && fail_on != "none") throw error(fmt::format("unknown --fail-on level '{}'; use error, warning, info or none", fail_on));
  if (request.prune_baseline && baseline_path.empty()) {
    throw error("--prune-baseline needs a baseline: give --baseline FILE (or `baseline` in the project file)");
  }
  const std::set<std::string> formats = parse_formats(format_list);
  const std::optional<claim_selection> claims = claim_selection_from(request.claims);
  if (!claims) throw error(fmt::format("unknown --claims value '{}'; use all, linked or findings", request.claims));
  check_encoding(request.encoding);
  const bool quiet = request.quiet;
  run_config config;
  config.inputs = inputs.empty() ? std::vector<std::string>{"corpus"} : inputs;
  // With an archive, the published documents are the archive's (plus any PATH given).
  if (!request.archive.empty()) config.inputs = request.paths;
  config.drafts = request.drafts;
  config.ingest.max_file_bytes = request.max_file_bytes;
  config.ingest.encoding = request.encoding;
  config.jobs = request.jobs;
  // A missing or broken baseline stops the run before anything is read: gating on a baseline
  // that silently failed to load would pass CI for the wrong reason.
  if (!baseline_path.empty()) config.baseline = read_baseline(baseline_path);
  std::vector<std::string> all_paths = config.inputs;
  all_paths.insert(all_paths.end(), config.drafts.begin(), config.drafts.end());
  config.ingest.standard_input = read_standard_input(all_paths, request.stdin_name, request.max_file_bytes);
  // Progress only for a person watching a terminal; CI logs stay clean.
  config.progress = progress_printer(quiet, "analysed");
  run_result run;
  if (!request.archive.empty()) {
    const std::unique_ptr<archive_store> store = open_archive(request.archive, archive_access::existing);
    require_version(*store, current_analysis_version(project));
    if (!config.drafts.empty()) {
      // Only the archived documents that could meet a draft's figures are read (issue 15).
      run = run_draft_check(config, *store, lex);
    } else {
      std::vector<archive_record> archived = store->load_all(request.jobs);
      if (archived.empty() && config.inputs.empty()) {
        throw error(fmt::format("archive {}: holds no document; add some with `factcheck archive add PATH... --archive {}`",
                                store->location(), store->location()));
      }
      const std::size_t count = archived.size();
      run = run_check(config, std::move(archived), lex);
      run.archive = run_result::archive_reading{count, true};
    }
  } else {
    run = run_check(config, lex);
  }
  print_diagnostics(run, formats.count("json") > 0 ? "are listed in report.json" : "are listed in report.json with --format json");
  if (run.documents.empty()) {
    fmt::print(stderr, "factcheck: no document could be read from {}; nothing was checked\n",
               request.archive.empty() ? fmt::format("{}", fmt::join(config.inputs, ", ")) : archive_display_name(request.archive));
    return exit_error;
  }
  if (run.draft_mode && std::none_of(run.documents.begin(), run.documents.end(), [](const document& d) { return d.draft; })) {
    fmt::print(stderr, "factcheck: no draft could be read from {}; nothing was checked\n", fmt::join(config.drafts, ", "));
    return exit_error;
  }
  std::vector<std::string> written;
  const auto write = [&](const std::string& name, const std::string& content) {
    const std::string path = out_dir + "/" + name;
    write_file_atomically(path, content);
    written.push_back(path);
  };
  if (formats.count("json") > 0) {
    const std::string path = out_dir + "/report.json";
    write_file_atomically(path, [&](const chunk_sink& sink) { write_report_json(run, sink, *claims); });
    written.push_back(path);
  }
  if (formats.count("html") > 0) {
    const std::string path = out_dir + "/report.html";
    write_file_atomically(path, [&](const chunk_sink& sink) { write_report_html(run, sink); });
    written.push_back(path);
  }
  if (formats.count("sarif") > 0) write("report.sarif", dump_json(report_to_sarif(run, sarif_paths(request.source_root)), 2) + "\n");
  if (formats.count("rdjsonl") > 0) write("report.rdjsonl", report_to_rdjsonl(run));
  if (!request.write_baseline.empty()) {
    std::vector<recorded_finding> records;
    for (const finding& f : run.findings) records.push_back(record_finding(f, run.documents, run.claims));
    write_file_atomically(request.write_baseline, baseline_text(records));
    written.push_back(request.write_baseline);
  }
  if (request.prune_baseline) {
    std::vector<recorded_finding> kept;
    for (const recorded_finding& r : *config.baseline) {
      if (std::find(run.fixed.begin(), run.fixed.end(), r) == run.fixed.end()) kept.push_back(r);
    }
    write_file_atomically(baseline_path, baseline_text(kept));
    written.push_back(baseline_path);
  }
  terminal term;
  term.color = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  if (!quiet) print_summary(run, term, written, threshold);
  const bool any_failing = std::any_of(run.findings.begin(), run.findings.end(), [&](const finding& f) { return fails(f, threshold); });
  return any_failing ? exit_findings : exit_clean;
}

struct extract_request {
  std::vector<std::string> files;
  std::string format = "claims";
  std::string project;
  std::string encoding;
  std::string stdin_name = "stdin";
};

void print_ingest_diagnostics(const diagnostics& diags) {
  for (const diagnostic& d : diags) {
    if (d.level != diagnostic_level::note) fmt::print(stderr, "factcheck: {}: {} [{}]\n", d.file, d.message, d.id);
  }
}

// `extract --format jsonl`: one archive record a line, for `archive import` (the map step of
// a parallel extraction).
int extract_records(const run_config& config, const lexicon& lex, const std::string& version) {
  diagnostics diags;
  ingest_result in = ingest_paths(config.inputs, config.ingest, diags);
  print_ingest_diagnostics(diags);
  const std::size_t read = in.documents.size();
  for (const archive_record& r : make_archive_records(std::move(in.documents), diags, lex, config.link, config.jobs, {})) {
    std::cout << record_to_json(r, version).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return read == 0 ? exit_error : exit_clean;
}

struct archive_request {
  std::string action;              // add, remove, list, stats, refresh, import
  std::vector<std::string> items;  // paths, document ids or JSONL files
  std::string archive;
  std::string project;
  std::string encoding;
  std::uintmax_t max_file_bytes = 64u * 1024u * 1024u;
  unsigned jobs = 0;
  bool quiet = false;
};

// Stores `records` that are new or changed; an unchanged document costs a hash comparison.
int store_records(archive_store& store, std::vector<archive_record> records, const std::string& version, bool quiet,
                  std::size_t unchanged, unsigned jobs) {
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t claims = 0;
  const std::size_t given = records.size() + unchanged;
  std::vector<std::string> ids;
  for (const archive_record& r : records) ids.push_back(r.doc.id);
  const std::map<std::string, std::string> hashes = store.hashes_of(ids);
  std::erase_if(records, [&](const archive_record& r) {
    const auto stored = hashes.find(r.doc.id);
    if (stored != hashes.end() && stored->second == r.hash) return true;
    ++(stored != hashes.end() ? replaced : added);
    claims += r.claims.size();
    return false;
  });
  if (!records.empty()) store.write(records, {}, version, false, jobs);
  if (!quiet) {
    fmt::print("archive {}: {} document(s) added, {} replaced, {} unchanged; {} claim(s) stored\n", store.location(), added,
               replaced, given - added - replaced, claims);
  }
  return exit_clean;
}

int archive_add(archive_store& store, const archive_request& request, const lexicon& lex, const std::string& version) {
  if (request.items.empty()) throw error("archive add needs one or more files or folders");
  check_encoding(request.encoding);
  diagnostics diags;
  ingest_options options;
  options.max_file_bytes = request.max_file_bytes;
  options.encoding = request.encoding;
  options.jobs = request.jobs;
  ingest_result in = ingest_paths(request.items, options, diags);
  print_ingest_diagnostics(diags);
  if (in.documents.empty()) {
    fmt::print(stderr, "factcheck: no document could be read from {}; nothing was added\n", fmt::join(request.items, ", "));
    return exit_error;
  }
  // Only new and changed documents are analysed.
  const std::size_t read = in.documents.size();
  std::vector<std::string> ids;
  for (const document& d : in.documents) ids.push_back(d.id);
  const std::map<std::string, std::string> hashes = store.hashes_of(ids);
  std::erase_if(in.documents, [&](const document& d) {
    const auto stored = hashes.find(d.id);
    return stored != hashes.end() && stored->second == content_hash(d);
  });
  std::vector<archive_record> records =
      make_archive_records(std::move(in.documents), diags, lex, {}, request.jobs, progress_printer(request.quiet, "analysed"));
  // Counted before the call: the order in which arguments are evaluated is unspecified, and
  // `records` may be moved from before its size is read.
  const std::size_t unchanged = read - records.size();
  return store_records(store, std::move(records), version, request.quiet, unchanged, request.jobs);
}

int archive_import(archive_store& store, const archive_request& request, const std::string& version) {
  if (request.items.empty()) throw error("archive import needs one or more JSONL files (from `factcheck extract --format jsonl`)");
  std::vector<archive_record> records;
  for (const std::string& file : request.items) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw error(fmt::format("{}: cannot read (does it exist?)", file));
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
      if (line.empty()) continue;
      const std::string where = fmt::format("{}:{}", file, number);
      nlohmann::json data;
      try {
        data = nlohmann::json::parse(line);
      } catch (const nlohmann::json::exception& e) {
        throw error(fmt::format("{}: not JSON: {}; nothing was imported into {}", where, e.what(), store.location()));
      }
      records.push_back(record_from_json(data, where, version));
    }
  }
  return store_records(store, std::move(records), version, request.quiet, 0, request.jobs);
}

int archive_remove(archive_store& store, const archive_request& request, const std::string& version) {
  if (request.items.empty()) throw error("archive remove needs one or more document ids (as `archive list` prints them)");
  for (const std::string& id : request.items) {
    if (!store.hash_of(id)) {
      throw error(fmt::format("archive {}: holds no document {} (see `factcheck archive list`); nothing was removed",
                              store.location(), id));
    }
  }
  const std::size_t removed = store.write({}, request.items, version, false, request.jobs);
  if (!request.quiet) fmt::print("archive {}: {} document(s) removed\n", store.location(), removed);
  return exit_clean;
}

// Analyses every stored document again from its stored content (no file is read), with this
// factcheck's analysis, and records the new version.
int archive_refresh(archive_store& store, const archive_request& request, const lexicon& lex, const std::string& version) {
  std::vector<document> docs;
  diagnostics diags;
  for (archive_record& r : store.load_all(request.jobs)) {
    diags.insert(diags.end(), r.ingest_diags.begin(), r.ingest_diags.end());
    docs.push_back(std::move(r.doc));
  }
  const std::size_t count = docs.size();
  std::vector<archive_record> records =
      make_archive_records(std::move(docs), diags, lex, {}, request.jobs, progress_printer(request.quiet, "analysed"));
  store.write(records, {}, version, true, request.jobs);
  if (!request.quiet) fmt::print("archive {}: {} document(s) analysed again with analysis version {}\n", store.location(), count, version);
  return exit_clean;
}

int run_archive_command(const archive_request& request) {
  lexicon lex = load_builtin_lexicon();
  const std::optional<project_config> project = find_project(request.project);
  if (project) apply_project(*project, lex);
  const std::string version = current_analysis_version(project);
  const std::string location = archive_location(request.archive, project);
  const bool creates = request.action == "add" || request.action == "import";
  const std::unique_ptr<archive_store> store = open_archive(location, creates ? archive_access::create : archive_access::existing);
  if (request.action == "refresh") return archive_refresh(*store, request, lex, version);
  if (request.action == "list") {
    for (const archive_entry& e : store->list()) {
      fmt::print("{}\t{}\t{} claims\t{} linked\t{}\n", e.id, e.published.empty() ? "-" : e.published, e.claims, e.linked, e.path);
    }
    return exit_clean;
  }
  if (request.action == "stats") {
    const archive_summary s = store->summary();
    fmt::print("archive {}\nschema version {}\nanalysis version {}{}\n{} document(s), {} claim(s), {} linked to a fact, {} fact key(s)\n",
               s.location, s.schema_version, s.analysis_version.empty() ? "(none yet)" : s.analysis_version,
               s.analysis_version.empty() || s.analysis_version == version
                   ? ""
                   : fmt::format(" (this factcheck is {}: run `factcheck archive refresh --archive {}`)", version, s.location),
               s.documents, s.claims, s.linked, s.fact_keys);
    return exit_clean;
  }
  require_version(*store, version);
  if (request.action == "add") return archive_add(*store, request, lex, version);
  if (request.action == "import") return archive_import(*store, request, version);
  return archive_remove(*store, request, version);
}

int run_extract_command(const extract_request& request) {
  lexicon lex = load_builtin_lexicon();
  const std::optional<project_config> project = find_project(request.project);
  if (project) apply_project(*project, lex);
  check_encoding(request.encoding);
  run_config config;
  config.inputs = request.files;
  config.ingest.encoding = request.encoding;
  config.ingest.standard_input = read_standard_input(request.files, request.stdin_name, config.ingest.max_file_bytes);
  if (request.format == "jsonl") return extract_records(config, lex, current_analysis_version(project));
  if (request.format != "claims") throw error(fmt::format("unknown extract format '{}'; use claims or jsonl", request.format));
  const run_result run = run_check(config, lex);
  print_diagnostics(run, "are not shown");
  for (const claim& c : run.claims) {
    nlohmann::json item = claim_to_json(run, c);
    item["encoding"] = encoding_json(run.documents[c.document]);
    std::cout << dump_json(item) << '\n';
  }
  return run.documents.empty() ? exit_error : exit_clean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "factcheck: checks a set of Chinese and English documents against each other and reports figures about one fact "
      "that cannot all be true (dates, money, counts, durations, percentages).\n\n"
      "Exit codes: 0 nothing new at or above the --fail-on severity, 1 new findings, 2 usage, configuration or "
      "input error."};
  app.set_version_flag("--version", "factcheck 0.1.0");
  app.require_subcommand(1);

  check_request request;
  CLI::App* check = app.add_subcommand("check", "Check documents against each other and write reports");
  check->add_option("paths", request.paths,
                    "Files and folders to check (.txt, .md, .html, .docx, .odt; - reads standard input); default: the project "
                    "file's corpus, else corpus/");
  CLI::Option* out_option = check->add_option("--out", request.out_dir, "Folder for the reports")->capture_default_str();
  CLI::Option* format_option =
      check->add_option("--format", request.formats,
                        "Report formats, comma-separated: json (report.json), html (report.html), sarif (report.sarif, SARIF "
                        "2.1.0 for code scanning), rdjsonl (report.rdjsonl, review comments)")
          ->capture_default_str();
  check->add_option("--claims", request.claims,
                    "Claims listed in report.json: all (the default: a handful of documents or a CI run makes a small "
                    "report, and the figures that were not linked or not compared are what an editor looks for), linked "
                    "(only claims linked to a fact) or findings (only claims a finding or confirmation cites: for large "
                    "corpora). Findings always carry their claims; the summary counts all")
      ->capture_default_str();
  check->add_option("--draft", request.drafts,
                    "Check these files as drafts against PATHs: report only findings that involve a draft, and list the "
                    "draft's figures that the published sources confirm (repeat the option or separate with commas; - "
                    "reads the draft from standard input)")
      ->allow_extra_args(false)
      ->delimiter(',');
  check->add_option("--baseline", request.baseline,
                    "Findings recorded in this file do not fail the run; recorded findings that no longer occur are listed "
                    "as fixed (default: the project file's `baseline`)");
  check->add_option("--write-baseline", request.write_baseline, "Write the current findings to this baseline file");
  check->add_flag("--prune-baseline", request.prune_baseline, "Drop the fixed findings from the --baseline file");
  check->add_option("--fail-on", request.fail_on,
                    "Lowest severity of a new finding that makes the exit code 1: error, warning, info or none "
                    "(default: the project file's `fail_on`, else warning)");
  check->add_option("--max-file-size", request.max_file_bytes,
                    "Refuse documents larger than this (bytes, or with a unit: 200MB, 1GiB); default 64 MiB")
      ->transform(CLI::AsSizeValue(false));
  check->add_option("-j,--jobs", request.jobs,
                    "Threads that read and analyse documents; 0 means one per core. Reports are byte-identical whatever "
                    "the number")
      ->capture_default_str();
  check->add_flag("-q,--quiet", request.quiet, "Print nothing but problems");
  const std::string project_help = fmt::format(
      "Project file with subjects, aliases, lexicon entries and defaults (schemas/project.schema.json); "
      "default: {} in the working folder, if present",
      default_project_file);
  check->add_option("--project", request.project, project_help);
  const std::string encoding_help =
      "Read every document in this encoding (UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, GB2312, Big5, Big5-HKSCS, or "
      "another name ICU knows) instead of choosing one per file from its byte order mark, its declaration (<meta "
      "charset>, 'encoding:' front matter) or ICU's charset detector";
  const std::string stdin_help = "Name of the document read from standard input (`-`); its extension says how to read "
                                 "it (.md, .html, .docx, ...)";
  check->add_option("--encoding", request.encoding, encoding_help);
  check->add_option("--stdin-name", request.stdin_name, stdin_help)->capture_default_str();
  check->add_option("--source-root", request.source_root,
                    "Folder that report.sarif's locations are relative to (declared as SRCROOT, as code scanning "
                    "expects); documents outside it keep absolute file:// URIs")
      ->capture_default_str();

  extract_request extract_args;
  CLI::App* extract = app.add_subcommand("extract", "Print every claim found, one JSON object a line (for inspection)");
  extract->add_option("files", extract_args.files, "Files or folders to read; - reads standard input")->required();
  extract->add_option("--project", extract_args.project, project_help);
  extract->add_option("--encoding", extract_args.encoding, encoding_help);
  extract->add_option("--stdin-name", extract_args.stdin_name, stdin_help)->capture_default_str();

  extract->add_option("--format", extract_args.format,
                      "claims: one claim a line, for inspection; jsonl: one archive record (a document and its claims) a "
                      "line, for `archive import`")
      ->capture_default_str();

  archive_request archive_args;
  CLI::App* archive = app.add_subcommand("archive", "Keep published documents in a claim archive and manage it");
  archive->require_subcommand(1);
  const std::string archive_help = fmt::format(
      "The archive: a SQLite file (default: the project file's `archive`, else {})", default_archive);
  const auto archive_action = [&](const char* name, const char* help, const char* items_help) {
    CLI::App* sub = archive->add_subcommand(name, help);
    if (items_help != nullptr) sub->add_option("items", archive_args.items, items_help);
    sub->add_option("--archive", archive_args.archive, archive_help);
    sub->add_option("--project", archive_args.project, project_help);
    sub->add_flag("-q,--quiet", archive_args.quiet, "Print nothing but problems");
    sub->callback([&archive_args, name] { archive_args.action = name; });
    return sub;
  };
  CLI::App* archive_add_cmd = archive_action(
      "add", "Read, analyse and store documents; unchanged ones are skipped, changed ones replaced (one transaction)",
      "Files and folders to add");
  archive_add_cmd->add_option("-j,--jobs", archive_args.jobs, "Threads that analyse documents and encode their records; 0 means one per core");
  archive_add_cmd->add_option("--encoding", archive_args.encoding, encoding_help);
  archive_add_cmd->add_option("--max-file-size", archive_args.max_file_bytes, "Refuse documents larger than this")
      ->transform(CLI::AsSizeValue(false));
  archive_action("import", "Store the records of JSONL files written by `extract --format jsonl` (one transaction)",
                 "JSONL files");
  archive_action("remove", "Remove documents by id (one transaction)", "Document ids, as `archive list` prints them");
  archive_action("list", "List the documents: id, published, claims, linked claims, path (tab-separated)", nullptr);
  archive_action("stats", "Print the archive's versions and counts", nullptr);
  archive_action("refresh", "Analyse every stored document again with this factcheck (after an upgrade or a lexicon change)",
                 nullptr)
      ->add_option("-j,--jobs", archive_args.jobs, "Threads that analyse documents and encode their records; 0 means one per core");
  check->add_option("--archive", request.archive,
                    "Check the documents of this claim archive (`factcheck archive add`), with --draft FILE the drafts "
                    "against them, without reading their files again");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_error;
  }
  try {
    if (check->parsed()) {
      request.out_given = out_option->count() > 0;
      request.formats_given = format_option->count() > 0;
      return run_check_command(request);
    }
    if (archive->parsed()) return run_archive_command(archive_args);
    return run_extract_command(extract_args);
  } catch (const checker::error& e) {
    fmt::print(stderr, "factcheck: error: {}\n", e.what());
    return exit_error;
  } catch (const std::exception& e) {
    // A bug or an exhausted resource; say so rather than crash.
    fmt::print(stderr, "factcheck: internal error: {}\n", e.what());
    return exit_error;
  }
}
