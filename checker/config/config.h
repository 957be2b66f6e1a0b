#pragma once
// The project file, `factcheck.json`: per-project defaults (corpus, report folder, formats) and
// vocabulary (subjects with their aliases, lexicon entries). Validated against
// `schemas/project.schema.json`. Reads one file; a missing or malformed file is fatal, because
// a run with half a configuration would report the wrong things without saying so.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lexicon/lexicon.h"

namespace checker {

/// A loaded project file. Paths are already resolved against the file's folder.
struct project_config {
  std::string path;                   // the file read
  std::vector<std::string> corpus;    // default inputs; empty: none declared
  std::optional<std::string> out;     // default report folder
  std::vector<std::string> formats;   // default report formats; empty: none declared
  std::optional<std::string> baseline;  // default baseline file
  std::optional<std::string> fail_on;   // default threshold: error, warning, info or none
  std::optional<std::string> archive;   // default claim archive of the `archive` commands
  nlohmann::json vocabulary;          // lexicon fragment: `lexicon` entries plus `subjects`
};

/// The name looked for in the working folder when no `--project` is given.
inline constexpr const char* default_project_file = "factcheck.json";

/// Reads and validates `path`. Throws `checker::error` naming the file and the problem.
project_config load_project(const std::string& path);

/// Parses project JSON already in memory (`path` is used in messages and to resolve paths).
project_config parse_project(const std::string& path, const std::string& text);

/// Adds the project's subjects and lexicon entries to `lex`.
void apply_project(const project_config& project, lexicon& lex);

}  // namespace checker
