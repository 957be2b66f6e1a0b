// factcheck: the command line on top of checker_core. Parses arguments, runs the pipeline,
// writes reports, prints a summary and maps the outcome to an exit code:
// 0 no contradiction, 1 at least one, 2 usage or input error (nothing could be checked).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>

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

void print_diagnostics(const run_result& run) {
  for (const diagnostic& d : run.diags) {
    if (d.level == diagnostic_level::note) continue;
    fmt::print(stderr, "factcheck: {}: {} [{}]\n", d.file, d.message, d.id);
  }
}

void print_summary(const run_result& run, const terminal& term, const std::vector<std::string>& written) {
  std::size_t linked = 0;
  for (const claim& c : run.claims) linked += c.linked() ? 1 : 0;
  for (const finding& f : run.findings) {
    const std::string level = f.level == severity::error ? term.paint("1;31", "error") : term.paint("1;33", "warning");
    if (f.rule == "derived_mismatch") {
      fmt::print("{}: {}\n", level, f.message);
    } else {
      fmt::print("{}: {} · {}{} ({}, confidence {:.2f})\n", level, term.paint("1", f.subject), f.attribute,
                 f.qualifiers.empty() ? std::string() : fmt::format(" [{}]", fmt::join(f.qualifiers, ", ")), f.difference, f.confidence);
    }
    for (std::size_t k = 0; k < f.claims.size(); ++k) {
      const claim& c = run.claims[f.claims[k]];
      std::string value = c.date ? (c.date->grain == date_grain::day ? c.date->first.iso() : c.date->first.iso() + ".." + c.date->last.iso())
                                 : (c.value ? c.value->to_string() + " " + c.unit : std::string("?"));
      const auto [line, column] = run.documents[c.document].line_column(c.original_span.begin);
      fmt::print("  [{}] {}:{}:{}  {}  = {}\n", f.sides[k] + 1, run.documents[c.document].id, line, column,
                 term.paint("33", c.found.text), value);
    }
  }
  std::size_t contradictions = 0;
  for (const finding& f : run.findings) contradictions += f.rule == "contradiction" ? 1 : 0;
  fmt::print("{} document(s), {} claim(s), {} linked to a fact, {} contradiction(s)", run.documents.size(), run.claims.size(), linked,
             contradictions);
  if (run.findings.size() > contradictions) fmt::print(", {} derived mismatch(es)", run.findings.size() - contradictions);
  if (!run.skipped.empty()) fmt::print(", {} file(s) skipped", run.skipped.size());
  fmt::print("\n");
  for (const std::string& path : written) fmt::print("wrote {}\n", path);
}

std::set<std::string> parse_formats(const std::string& list) {
  std::set<std::string> formats;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) continue;
    if (item != "json" && item != "html") throw error(fmt::format("unknown report format '{}'; use json, html or json,html", item));
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
  std::string out_dir = "reports";
  std::string formats = "json,html";
  bool out_given = false;
  bool formats_given = false;
  std::uintmax_t max_file_bytes = 64u * 1024u * 1024u;
  bool quiet = false;
  std::string project;
};

int run_check_command(const check_request& request) {
  lexicon lex = load_builtin_lexicon();
  const std::optional<project_config> project = find_project(request.project);
  std::string format_list = request.formats;
  std::string out_dir = request.out_dir;
  std::vector<std::string> inputs = request.paths;
  if (project) {
    apply_project(*project, lex);
    if (!request.formats_given && !project->formats.empty()) format_list = fmt::format("{}", fmt::join(project->formats, ","));
    if (!request.out_given && project->out) out_dir = *project->out;
    if (inputs.empty()) inputs = project->corpus;
  }
  const std::set<std::string> formats = parse_formats(format_list);
  const bool quiet = request.quiet;
  run_config config;
  config.inputs = inputs.empty() ? std::vector<std::string>{"corpus"} : inputs;
  config.ingest.max_file_bytes = request.max_file_bytes;
  // Progress only for a person watching a terminal; CI logs stay clean.
  const bool show_progress = !quiet && isatty(STDERR_FILENO) != 0 && std::getenv("CI") == nullptr;
  if (show_progress) {
    config.progress = [](std::size_t done, std::size_t total) {
      if (total >= 20) fmt::print(stderr, "\r  analysed {}/{} documents", done, total);
      if (total >= 20 && done == total) fmt::print(stderr, "\n");
    };
  }
  const run_result run = run_check(config, lex);
  print_diagnostics(run);
  if (run.documents.empty()) {
    fmt::print(stderr, "factcheck: no document could be read from {}; nothing was checked\n", fmt::join(config.inputs, ", "));
    return exit_error;
  }
  std::vector<std::string> written;
  if (formats.count("json") > 0) {
    const std::string path = out_dir + "/report.json";
    write_file_atomically(path, report_to_json(run).dump(2) + "\n");
    written.push_back(path);
  }
  if (formats.count("html") > 0) {
    const std::string path = out_dir + "/report.html";
    write_file_atomically(path, report_to_html(run));
    written.push_back(path);
  }
  terminal term;
  term.color = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  if (!quiet) print_summary(run, term, written);
  return run.findings.empty() ? exit_clean : exit_findings;
}

int run_extract_command(const std::vector<std::string>& files, const std::string& project_path) {
  lexicon lex = load_builtin_lexicon();
  if (const std::optional<project_config> project = find_project(project_path)) apply_project(*project, lex);
  run_config config;
  config.inputs = files;
  const run_result run = run_check(config, lex);
  print_diagnostics(run);
  for (const claim& c : run.claims) std::cout << claim_to_json(run, c).dump() << '\n';
  return run.documents.empty() ? exit_error : exit_clean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "factcheck: checks a set of Chinese and English documents against each other and reports figures about one fact "
      "that cannot all be true (dates, money, counts, durations, percentages).\n\n"
      "Exit codes: 0 no contradiction, 1 at least one contradiction, 2 usage or input error."};
  app.set_version_flag("--version", "factcheck 0.1.0");
  app.require_subcommand(1);

  check_request request;
  CLI::App* check = app.add_subcommand("check", "Check documents against each other and write reports");
  check->add_option("paths", request.paths,
                    "Files and folders to check (.txt, .md, .html); default: the project file's corpus, else corpus/");
  CLI::Option* out_option = check->add_option("--out", request.out_dir, "Folder for the reports")->capture_default_str();
  CLI::Option* format_option =
      check->add_option("--format", request.formats, "Report formats, comma-separated: json, html")->capture_default_str();
  check->add_option("--max-file-size", request.max_file_bytes, "Refuse documents larger than this many bytes")->capture_default_str();
  check->add_flag("-q,--quiet", request.quiet, "Print nothing but problems");
  const std::string project_help = fmt::format(
      "Project file with subjects, aliases, lexicon entries and defaults (schemas/project.schema.json); "
      "default: {} in the working folder, if present",
      default_project_file);
  check->add_option("--project", request.project, project_help);

  std::vector<std::string> extract_files;
  std::string extract_project;
  CLI::App* extract = app.add_subcommand("extract", "Print every claim found, one JSON object a line (for inspection)");
  extract->add_option("files", extract_files, "Files or folders to read")->required();
  extract->add_option("--project", extract_project, project_help);

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
    return run_extract_command(extract_files, extract_project);
  } catch (const checker::error& e) {
    fmt::print(stderr, "factcheck: error: {}\n", e.what());
    return exit_error;
  } catch (const std::exception& e) {
    // A bug or an exhausted resource; say so rather than crash.
    fmt::print(stderr, "factcheck: internal error: {}\n", e.what());
    return exit_error;
  }
}
