#include "config/config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "lexicon/schema.h"
#include "model/diagnostic.h"

namespace checker {

project_config parse_project(const std::string& path, const std::string& text) {
  nlohmann::json data;
  try {
    data = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse errors, and numbers out of range (1E6666)
    throw error(fmt::format("{}: not valid JSON: {}", path, e.what()));
  }
  const auto problems = validate_against("project.schema.json", data);
  if (!problems.empty()) {
    throw error(fmt::format("{}: does not match schemas/project.schema.json: {}{}", path, problems.front(),
                            problems.size() > 1 ? fmt::format(" (and {} more)", problems.size() - 1) : std::string()));
  }
  project_config project;
  project.path = path;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  auto resolve = [&](const std::string& p) {
    const std::filesystem::path candidate(p);
    return (candidate.is_absolute() || folder.empty() ? candidate : folder / candidate).lexically_normal().string();
  };
  for (const auto& p : data.value("corpus", nlohmann::json::array())) project.corpus.push_back(resolve(p.get<std::string>()));
  if (data.contains("out")) project.out = resolve(data["out"].get<std::string>());
  for (const auto& f : data.value("formats", nlohmann::json::array())) project.formats.push_back(f.get<std::string>());
  if (data.contains("baseline")) project.baseline = resolve(data["baseline"].get<std::string>());
  if (data.contains("archive")) project.archive = resolve(data["archive"].get<std::string>());
  if (data.contains("fail_on")) project.fail_on = data["fail_on"].get<std::string>();
  project.vocabulary = data.value("lexicon", nlohmann::json::object());
  if (data.contains("subjects")) {
    nlohmann::json& subjects = project.vocabulary["subjects"];
    if (!subjects.is_array()) subjects = nlohmann::json::array();
    for (const auto& s : data["subjects"]) subjects.push_back(s);
  }
  return project;
}

project_config load_project(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(fmt::format("{}: cannot read the project file (does it exist?)", path));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_project(path, text.str());
}

void apply_project(const project_config& project, lexicon& lex) { extend_lexicon(lex, project.vocabulary); }

}  // namespace checker
