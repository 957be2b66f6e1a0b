#pragma once
// Helpers for the end-to-end tests: run the real `factcheck` binary in a folder and capture its
// exit code and output; scratch folders under the system's temporary folder.

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

struct outcome {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

outcome run_in(const std::string& folder, const std::string& arguments) {
  const std::string command = std::string("cd ") + quote(folder) + " && CI=true " + quote(FACTCHECK_BINARY) + " " + arguments + " 2>&1";
  outcome result;
  FILE* pipe = popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  // In the sanitizer build a report aborts the binary; say which command hit it, whatever the
  // test goes on to check.
  BOOST_TEST(result.out.find("Sanitizer") == std::string::npos, arguments << "\n" << result.out);
  BOOST_TEST(result.out.find("runtime error:") == std::string::npos, arguments << "\n" << result.out);
  return result;
}

outcome run(const std::string& arguments) { return run_in(FACTCHECK_SOURCE_DIR, arguments); }

// One scratch folder per test process, so that two runs on one machine (a developer's and a CI
// job's) never touch each other's files; cli_test.cpp removes it when the tests end.
fs::path scratch_root() { return fs::temp_directory_path() / ("factcheck-cli-" + std::to_string(::getpid())); }

fs::path scratch(const std::string& name) {
  const fs::path path = scratch_root() / name;
  fs::remove_all(path);
  fs::create_directories(path);
  return path;
}

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}


}  // namespace
