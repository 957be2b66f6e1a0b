// Issue 6, end to end: broken and hostile input gives a named message and the run goes on;
// the size limit refuses a huge file by name; reports do not depend on file order or thread
// count; a run killed while writing leaves the previous reports whole.
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <sstream>
#include <set>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "e2e/cli_support.h"

namespace {

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

bool has_line(const std::string& out, const std::string& file, const std::string& id) {
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(file) != std::string::npos && line.find("[" + id + "]") != std::string::npos) return true;
  }
  return false;
}

const char* const good_document = "---\npublished: 2025-09-18\n---\nR1的训练成本为29.4万美元。\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(issue_6_robustness)

// Every kind of broken file from the issue in one folder: each is named with its problem and
// a stable id, nothing hangs (a named pipe would block a reader forever) and the good document
// is still checked, so the run exits 0.
BOOST_AUTO_TEST_CASE(each_broken_file_is_named_and_the_run_goes_on) {
  const fs::path in = scratch("broken");
  write_bytes(in / "good.md", good_document);
  write_bytes(in / "empty.md", "");
  write_bytes(in / "unclosed.md", "---\npublished: 2025-09-18\nR1的训练成本为29.4万美元。\n");
  write_bytes(in / "dates.md", "---\npublished: 2025-09-18\n---\n模型于2025年2月30日发布，另一版本于2025年13月上线。\n");
  write_bytes(in / "digits.txt", "R1的参数量为" + std::string(400, '9') + "个。The model cost $294,000.\n");
  std::string deep = "<html><body>";
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  write_bytes(in / "deep.html", deep + "<p>R1的训练成本为29.4万美元。");
  write_bytes(in / "unclosed.html", "<html><body><p>R1的训练成本为29.4万美元<span class=\"x");
  write_bytes(in / "nul.txt", std::string("R1\0binary", 9));
  write_bytes(in / "bad-utf8.txt", "R1\xC3\x28的训练成本为29.4万美元。");
  BOOST_REQUIRE(::mkfifo((in / "pipe.md").c_str(), 0600) == 0);
  fs::create_symlink("nowhere.md", in / "dangling.md");
  fs::create_symlink("loop-b.md", in / "loop-a.md");
  fs::create_symlink("loop-a.md", in / "loop-b.md");
  const bool can_deny = ::geteuid() != 0;  // root reads a file whatever its mode
  if (can_deny) {
    write_bytes(in / "locked.md", good_document);
    fs::permissions(in / "locked.md", fs::perms::none);
  }
  const fs::path out = scratch("broken-out");
  const outcome result = run("check " + quote(in.string()) + " --out " + quote(out.string()) + " -j 2");
  if (can_deny) fs::permissions(in / "locked.md", fs::perms::owner_all);
  BOOST_TEST(result.exit_code == 0, result.out);
  BOOST_TEST(has_line(result.out, "empty.md", "ingest.empty"), result.out);
  BOOST_TEST(has_line(result.out, "unclosed.md", "ingest.bad-front-matter"));
  BOOST_TEST(has_line(result.out, "dates.md:4:", "normalize.invalid-date"));  // with line and column
  BOOST_TEST(result.out.find("2025年2月30日") != std::string::npos);
  BOOST_TEST(result.out.find("month 13") != std::string::npos);
  BOOST_TEST(has_line(result.out, "digits.txt:1:", "normalize.overflow"));
  BOOST_TEST(has_line(result.out, "deep.html", "ingest.deep-html"));
  BOOST_TEST(has_line(result.out, "nul.txt", "ingest.binary"));
  BOOST_TEST(has_line(result.out, "bad-utf8.txt:1:3", "ingest.invalid-utf8"));
  BOOST_TEST(has_line(result.out, "pipe.md", "ingest.not-a-file"));
  BOOST_TEST(has_line(result.out, "dangling.md", "ingest.not-a-file"));
  BOOST_TEST(has_line(result.out, "loop-a.md", "ingest.not-a-file"));
  BOOST_TEST(result.out.find("loop of symbolic links") != std::string::npos);
  if (can_deny) BOOST_TEST(has_line(result.out, "locked.md", "ingest.unreadable"));

  const nlohmann::json report = read_json(out / "report.json");
  std::set<std::string> read;
  for (const auto& d : report["documents"]) read.insert(d["id"]);
  for (const char* id : {"good.md", "unclosed.md", "dates.md", "digits.txt", "deep.html", "unclosed.html", "bad-utf8.txt"}) {
    BOOST_TEST(read.count(id) == 1u, id);
  }
  std::set<std::string> skipped;
  for (const auto& s : report["skipped"]) skipped.insert(fs::path(s["file"].get<std::string>()).filename().string());
  for (const char* name : {"empty.md", "nul.txt", "pipe.md", "dangling.md", "loop-a.md", "loop-b.md"}) {
    BOOST_TEST(skipped.count(name) == 1u, name);
  }
  // The figures around the broken parts are still found: the deep and the unclosed HTML, the
  // repaired UTF-8, and the dollar figure after the 400-digit number.
  std::map<std::string, std::set<std::string>> figures;
  for (const auto& c : report["claims"]) figures[c["document"]].insert(c["text"]);
  BOOST_TEST(figures["deep.html"].count("29.4万美元") == 1u);
  BOOST_TEST(figures["unclosed.html"].count("29.4万美元") == 1u);
  BOOST_TEST(figures["bad-utf8.txt"].count("29.4万美元") == 1u);
  BOOST_TEST(figures["digits.txt"].count("$294,000") == 1u);
  for (const auto& c : report["claims"]) {
    if (c["document"] == "digits.txt" && c["text"].get<std::string>().size() > 300) BOOST_TEST(c["status"] == "invalid");
    if (c["document"] == "dates.md") BOOST_TEST(c["status"] == "invalid");
  }
}

// Paths that lead nowhere: each alone stops the run with exit 2 and a message that names it.
BOOST_AUTO_TEST_CASE(a_run_with_nothing_readable_exits_2_and_says_why) {
  const fs::path in = scratch("nothing");
  fs::create_directories(in / "no-documents");
  write_bytes(in / "no-documents" / "notes.pdf", "%PDF");
  fs::create_symlink("loop-b.md", in / "loop-a.md");
  fs::create_symlink("loop-a.md", in / "loop-b.md");
  const fs::path out = scratch("nothing-out");
  for (const std::string& target : {std::string("missing.md"), std::string("no-documents"), std::string("loop-a.md")}) {
    const outcome result = run("check " + quote((in / target).string()) + " --out " + quote(out.string()));
    BOOST_TEST(result.exit_code == 2, target << ": " << result.out);
    BOOST_TEST(result.out.find(target) != std::string::npos, result.out);
    BOOST_TEST(result.out.find("nothing was checked") != std::string::npos, result.out);
  }
}

// A 200 MB file is refused by name before a byte of it is read; the limit is configurable,
// with units, and the rest of the corpus is still checked.
BOOST_AUTO_TEST_CASE(a_200_mb_file_is_refused_by_the_size_limit) {
  const fs::path in = scratch("huge");
  write_bytes(in / "good.md", good_document);
  {
    std::ofstream(in / "huge.txt") << "R1的训练成本为29.4万美元，";
  }
  fs::resize_file(in / "huge.txt", 200u * 1024u * 1024u);  // sparse: costs no disk
  const fs::path out = scratch("huge-out");
  const outcome result = run("check " + quote(in.string()) + " --out " + quote(out.string()));
  BOOST_TEST(result.exit_code == 0, result.out);
  BOOST_TEST(has_line(result.out, "huge.txt", "ingest.too-large"), result.out);
  BOOST_TEST(result.out.find("--max-file-size") != std::string::npos);
  const outcome alone = run("check " + quote((in / "huge.txt").string()) + " --out " + quote(out.string()));
  BOOST_TEST(alone.exit_code == 2, alone.out);
  const outcome small_limit = run("check " + quote(in.string()) + " --max-file-size 1KiB --out " + quote(out.string()));
  BOOST_TEST(has_line(small_limit.out, "huge.txt", "ingest.too-large"));
  BOOST_TEST(small_limit.out.find("over the 1024 byte limit") != std::string::npos, small_limit.out);
}

// A long single line under the limit (no sentence end anywhere) finishes: every figure is
// found and the report stays proportional to the figures, not to the line's length squared.
BOOST_AUTO_TEST_CASE(a_long_single_line_finishes_with_every_figure) {
  const fs::path in = scratch("one-line");
  std::string line = "---\npublished: 2025-09-18\n---\n";
  const std::size_t repeats = 20000;  // 900 KB
  // Every piece differs (repeated sentences count once, as re-hosted pages repeat paragraphs).
  for (std::size_t i = 0; i < repeats; ++i) line += "Model" + std::to_string(i) + "的训练成本为29.4万美元，";
  write_bytes(in / "line.md", line);
  const fs::path out = scratch("one-line-out");
  const outcome result = run("check " + quote(in.string()) + " --format json --out " + quote(out.string()));
  BOOST_TEST(result.exit_code == 0, result.out);
  const nlohmann::json report = read_json(out / "report.json");
  BOOST_TEST(report["claims"].size() == repeats);
  BOOST_TEST(fs::file_size(out / "report.json") < repeats * 2000);
}

// The same corpus gives byte-identical report.json, report.sarif and baseline whether its
// files were created in another order, named in another order, or read on one thread or two.
BOOST_AUTO_TEST_CASE(reports_do_not_depend_on_file_order_or_threads) {
  const fs::path source = fs::path(FACTCHECK_SOURCE_DIR) / "corpus";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(source)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  BOOST_REQUIRE(files.size() >= 3u);
  const fs::path in = scratch("order");
  const fs::path corpus = in / "corpus";
  // The first run creates the files in name order; every later one in reverse.
  const std::vector<std::string> variants{"corpus -j 1", "corpus -j 2", "corpus -j 7"};
  std::string json, sarif, baseline;
  for (std::size_t v = 0; v < variants.size() + 1; ++v) {
    fs::remove_all(corpus);
    fs::create_directories(corpus);
    std::vector<fs::path> order = files;
    if (v > 0) std::reverse(order.begin(), order.end());
    for (const fs::path& f : order) fs::copy_file(f, corpus / f.filename());
    std::string arguments;
    if (v < variants.size()) {
      arguments = variants[v];
    } else {
      // The files named one by one, in reverse order.
      for (auto it = order.rbegin(); it != order.rend(); ++it) arguments += " " + quote("corpus/" + it->filename().string());
      arguments += " -j 2";
    }
    const fs::path out = in / "out";
    fs::remove_all(out);
    const outcome result = run_in(in.string(), "check " + arguments + " --format json,sarif --out out --write-baseline out/baseline.json");
    BOOST_TEST(result.exit_code == 1, result.out);
    if (v == 0) {
      json = read_bytes(out / "report.json");
      sarif = read_bytes(out / "report.sarif");
      baseline = read_bytes(out / "baseline.json");
      BOOST_TEST(!json.empty());
    } else if (v < variants.size()) {
      BOOST_TEST((read_bytes(out / "report.json") == json), "report.json differs for " << variants[v]);
      BOOST_TEST((read_bytes(out / "report.sarif") == sarif), "report.sarif differs for " << variants[v]);
      BOOST_TEST((read_bytes(out / "baseline.json") == baseline), "baseline differs for " << variants[v]);
    } else {
      // Named files keep their paths as given, which the report records; the findings, the
      // SARIF results and the baseline do not change.
      BOOST_TEST((read_json(out / "report.json")["findings"] == nlohmann::json::parse(json)["findings"]));
      BOOST_TEST((read_bytes(out / "baseline.json") == baseline));
    }
  }
}

// SIGKILL at many moments of a run that writes large reports over earlier ones: afterwards each
// report is either the earlier file, byte for byte, or the complete new one; never a torn file.
BOOST_AUTO_TEST_CASE(a_run_killed_while_writing_leaves_the_previous_reports_whole) {
  const fs::path in = scratch("kill");
  std::string big = "---\npublished: 2025-09-18\n---\n";
  for (int i = 0; i < 12000; ++i) {
    big += "Model" + std::to_string(i) + "的训练成本为29.4万美元，V" + std::to_string(i) + "的训练成本为557.6万美元。\n";
  }
  write_bytes(in / "big.md", big);
  const fs::path out = in / "out";
  fs::create_directories(out);
  const std::string previous_json = "{\"previous\": true}\n";
  const std::string previous_html = "<!doctype html><title>previous</title>\n";
  // The complete new reports, for comparison.
  const fs::path full = in / "full";
  BOOST_REQUIRE(run_in(in.string(), "check big.md -q --fail-on none --out full").exit_code == 0);
  const std::string new_json = read_bytes(full / "report.json");
  const std::string new_html = read_bytes(full / "report.html");
  BOOST_REQUIRE(new_json.size() > 5'000'000u);

  const auto started = std::chrono::steady_clock::now();
  BOOST_REQUIRE(run_in(in.string(), "check big.md -q --fail-on none --out full").exit_code == 0);
  const auto whole_run = std::chrono::steady_clock::now() - started;

  int killed_while_running = 0;
  const int steps = 6;
  for (int step = 1; step <= steps; ++step) {
    write_bytes(out / "report.json", previous_json);
    write_bytes(out / "report.html", previous_html);
    const pid_t child = ::fork();
    BOOST_REQUIRE(child >= 0);
    if (child == 0) {
      ::chdir(in.c_str());
      ::execl(FACTCHECK_BINARY, FACTCHECK_BINARY, "check", "big.md", "-q", "--fail-on", "none", "--out", "out",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(whole_run * step / steps);
    const bool was_running = ::kill(child, SIGKILL) == 0;
    int status = 0;
    ::waitpid(child, &status, 0);
    if (was_running && WIFSIGNALED(status)) ++killed_while_running;
    const std::string json = read_bytes(out / "report.json");
    const std::string html = read_bytes(out / "report.html");
    BOOST_TEST((json == previous_json || json == new_json), "step " << step << ": report.json torn, " << json.size() << " bytes");
    BOOST_TEST((html == previous_html || html == new_html), "step " << step << ": report.html torn, " << html.size() << " bytes");
  }
  BOOST_TEST(killed_while_running >= steps / 2);

  // Killed for certain in the middle of writing: a file size limit below the report's size
  // makes the kernel end the process (SIGXFSZ) inside its write of the temporary file.
  write_bytes(out / "report.json", previous_json);
  for (const auto& entry : fs::directory_iterator(out)) {
    if (entry.path().extension() == ".tmp") fs::remove(entry.path());  // left by the kills above
  }
  const pid_t child = ::fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    ::chdir(in.c_str());
    const rlimit limit{1'000'000, 1'000'000};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    ::execl(FACTCHECK_BINARY, FACTCHECK_BINARY, "check", "big.md", "-q", "--fail-on", "none", "--format", "json", "--out",
            "out", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  BOOST_TEST(WIFSIGNALED(status));
  BOOST_TEST((WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ));
  BOOST_TEST(read_bytes(out / "report.json") == previous_json);
  std::size_t partial = 0;
  for (const auto& entry : fs::directory_iterator(out)) partial += entry.path().extension() == ".tmp" ? 1 : 0;
  BOOST_TEST(partial == 1u);  // the torn temporary, hidden beside the report

  // Killed runs leave hidden temporaries; the next complete run removes them.
  BOOST_REQUIRE(run_in(in.string(), "check big.md -q --fail-on none --out out").exit_code == 0);
  for (const auto& entry : fs::directory_iterator(out)) {
    BOOST_TEST(entry.path().extension() != ".tmp", entry.path().filename().string());
  }
  BOOST_TEST((read_bytes(out / "report.json") == new_json));
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 7 end to end: published tolls stamped on two days are a superseded figure (info, the
// run passes); a draft that repeats the older toll is a warning that names the latest one.
BOOST_AUTO_TEST_CASE(issue_7_a_draft_repeating_a_superseded_toll_is_flagged_with_the_latest) {
  const fs::path in = scratch("superseded");
  fs::create_directories(in / "published");
  write_bytes(in / "published" / "day1.md", "---\npublished: 2025-01-07\n---\n截至7日12时，地震已造成95人遇难。\n");
  write_bytes(in / "published" / "day2.md", "---\npublished: 2025-01-08\n---\n截至8日8時，地震已造成126人遇難。\n");
  write_bytes(in / "draft.md", "---\npublished: 2025-01-09\n---\n截至7日12时，地震已造成95人遇难。\n");
  const outcome corpus = run_in(in.string(), "check published --out out --format json,html,sarif");
  BOOST_TEST(corpus.exit_code == 0, corpus.out);
  BOOST_TEST(corpus.out.find("superseded") != std::string::npos, corpus.out);
  const nlohmann::json report = read_json(in / "out" / "report.json");
  BOOST_REQUIRE(report["findings"].size() == 1u);
  BOOST_TEST(report["findings"][0]["kind"] == "superseded");
  BOOST_TEST(report["findings"][0]["severity"] == "info");
  const nlohmann::json sarif = read_json(in / "out" / "report.sarif");
  BOOST_TEST(sarif["runs"][0]["results"][0]["ruleId"] == "superseded");
  BOOST_TEST(read_bytes(in / "out" / "report.html").find("superseded") != std::string::npos);

  const outcome draft = run_in(in.string(), "check published --draft draft.md --out out-draft --format json,rdjsonl");
  BOOST_TEST(read_bytes(in / "out-draft" / "report.rdjsonl").find("the latest is 126人") != std::string::npos);
  BOOST_TEST(draft.exit_code == 1, draft.out);
  BOOST_TEST(draft.out.find("the draft gives 95人, an older figure; the latest is 126人 as of 2025-01-08T08:00") != std::string::npos,
             draft.out);
}
