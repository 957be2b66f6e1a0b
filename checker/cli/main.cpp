// factcheck: the command line on top of checker_core. Parses arguments, runs the pipeline,
// writes reports, prints a summary and maps the outcome to an exit code:
// 0 nothing new at or above the --fail-on severity, 1 new findings, 2 usage, configuration or input error.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>

#include "baseline/baseline.h"
#include "config/config.h"
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
  const bool show_progress = !quiet && isatty(STDERR_FILENO) != 0 && std::getenv("CI") == nullptr;
  if (show_progress) {
    config.progress = [](std::size_t done, std::size_t total) {
      if (total >= 20) fmt::print(stderr, "\r  analysed {}/{} documents", done, total);
      if (total >= 20 && done == total) fmt::print(stderr, "\n");
    };
  }
  const run_result run = run_check(config, lex);
  print_diagnostics(run, formats.count("json") > 0 ? "are listed in report.json" : "are listed in report.json with --format json");
  if (run.documents.empty()) {
    fmt::print(stderr, "factcheck: no document could be read from {}; nothing was checked\n", fmt::join(config.inputs, ", "));
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
  std::string project;
  std::string encoding;
  std::string stdin_name = "stdin";
};

int run_extract_command(const extract_request& request) {
  lexicon lex = load_builtin_lexicon();
  if (const std::optional<project_config> project = find_project(request.project)) apply_project(*project, lex);
  check_encoding(request.encoding);
  run_config config;
  config.inputs = request.files;
  config.ingest.encoding = request.encoding;
  config.ingest.standard_input = read_standard_input(request.files, request.stdin_name, config.ingest.max_file_bytes);
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
