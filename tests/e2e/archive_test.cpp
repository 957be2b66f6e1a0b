// Issue 15 (the claim archive): `archive add/remove/list/stats/refresh/import`, `check
// --archive` and `check --draft --archive` against a plain check, and bad archives.
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "e2e/cli_support.h"

namespace {

nlohmann::json read_report(const fs::path& folder) { return read_json(folder / "report.json"); }

// What must not differ between a plain check and an archive check: the documents, every claim
// (value, subject, attribute, qualifiers, quote, place), the findings and the summary.
nlohmann::json essentials(nlohmann::json report) {
  // Problems of files that were never archived (skipped, not a document) are not repeated.
  report.erase("diagnostics");
  report.erase("archive");  // how many archived documents were read: only an archive check says
  return report;
}

// What a draft check must give as a plain check does (issue 15): findings, confirmations, baseline
// and every claim of a draft, with its links.
nlohmann::json draft_essentials(const nlohmann::json& report) {
  std::set<std::string> drafts;
  for (const nlohmann::json& d : report["documents"]) {
    if (d.value("draft", false)) drafts.insert(d["id"].get<std::string>());
  }
  nlohmann::json claims = nlohmann::json::array();
  for (const nlohmann::json& c : report["claims"]) {
    if (drafts.count(c["document"].get<std::string>()) > 0) claims.push_back(c);
  }
  return {{"findings", report["findings"]}, {"confirmed", report["confirmed"]}, {"baseline", report["baseline"]},
          {"mode", report["mode"]}, {"draft_claims", claims}, {"findings_summary", report["summary"]["findings_by_kind"]}};
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

void sql(const fs::path& db, const std::string& statement) {
  sqlite3* handle = nullptr;
  BOOST_REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(handle, statement.c_str(), nullptr, nullptr, &message);
  BOOST_TEST(rc == SQLITE_OK, (message != nullptr ? message : ""));
  sqlite3_free(message);
  sqlite3_close(handle);
}

// The PostgreSQL server of the tests: `FACTCHECK_TEST_POSTGRES_URL` when set, else the one ctest
// started for them (the `postgres_start` fixture writes its URL to a file). Neither: the
// PostgreSQL cases are not run, and say so.
std::optional<std::string> postgres_server(const char* test) {
  const char* url = std::getenv("FACTCHECK_TEST_POSTGRES_URL");
  if (url != nullptr && *url != '\0') return std::string(url);
#ifdef FACTCHECK_POSTGRES_URL_FILE
  std::ifstream file(FACTCHECK_POSTGRES_URL_FILE);
  std::string started;
  if (std::getline(file, started) && !started.empty()) return started;
#endif
  std::cerr << "NOTICE: " << test << ": the PostgreSQL cases were NOT run (set FACTCHECK_TEST_POSTGRES_URL, "
            << "e.g. to the URL `bash .ci/postgres start DIR` prints)\n";
  BOOST_TEST_MESSAGE("PostgreSQL cases not run: FACTCHECK_TEST_POSTGRES_URL is not set");
  return std::nullopt;
}

// Runs `statement` on the database at `url`; a server that cannot be reached fails the test.
void postgres_sql(const std::string& url, const std::string& statement) {
  PGconn* conn = PQconnectdb(url.c_str());
  BOOST_REQUIRE_MESSAGE(PQstatus(conn) == CONNECTION_OK, "the test PostgreSQL server cannot be reached: " << PQerrorMessage(conn));
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);  // "does not exist, skipping"
  PGresult* result = PQexec(conn, statement.c_str());
  const ExecStatusType status = PQresultStatus(result);
  BOOST_TEST((status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK), statement << ": " << PQerrorMessage(conn));
  PQclear(result);
  PQfinish(conn);
}

// The one value `query` returns on the database at `url`.
std::string postgres_value(const std::string& url, const std::string& query) {
  PGconn* conn = PQconnectdb(url.c_str());
  BOOST_REQUIRE_MESSAGE(PQstatus(conn) == CONNECTION_OK, "the test PostgreSQL server cannot be reached: " << PQerrorMessage(conn));
  PGresult* result = PQexec(conn, query.c_str());
  const bool one = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1;
  BOOST_TEST(one, query << ": " << PQerrorMessage(conn));
  const std::string value = one ? PQgetvalue(result, 0, 0) : "";
  PQclear(result);
  PQfinish(conn);
  return value;
}

// An empty database `fc_NAME` on the test server (made again if it exists); its URL.
std::string fresh_postgres(const std::string& server, const std::string& name) {
  std::string database = "fc_";
  for (char c : name) database += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '_';
  postgres_sql(server, "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
  postgres_sql(server, "CREATE DATABASE \"" + database + "\"");
  const std::size_t authority = server.find("://") + 3;
  const std::size_t slash = server.find('/', authority);
  const std::size_t query = server.find('?', authority);
  const std::string base = server.substr(0, std::min(slash, query));
  return base + "/" + database + (query == std::string::npos ? "" : server.substr(query));
}

// Plain check of `folder` and archive check of the same documents: same findings, same exit code.
// `archive` is the archive to fill (empty: a SQLite file in the scratch folder).
void expect_same_findings(const std::string& name, const fs::path& folder, const std::string& draft = {},
                          const std::string& archive = {}) {
  const fs::path work = scratch("archive-same-" + name);
  const std::string db = quote(archive.empty() ? (work / "a.db").string() : archive);
  const std::string draft_option = draft.empty() ? std::string() : " --draft " + quote(draft);
  const outcome plain = run("check " + quote(folder.string()) + draft_option + " --format json --out " + quote((work / "plain").string()) + " -q");
  const outcome added = run("archive add " + quote(folder.string()) + " --archive " + db + " -q");
  BOOST_TEST_REQUIRE(added.exit_code == 0, name << ": " << added.out);
  const outcome archived = run("check --archive " + db + draft_option + " --format json --out " + quote((work / "archived").string()) + " -q");
  BOOST_TEST(plain.exit_code == archived.exit_code, name << ": " << plain.out << "\n---\n" << archived.out);
  const nlohmann::json a = essentials(read_report(work / "plain"));
  const nlohmann::json b = essentials(read_report(work / "archived"));
  BOOST_TEST(a["findings"].size() == b["findings"].size(), name);
  if (draft.empty()) {
    BOOST_TEST((a == b), name << ": the archive check differs from the plain check");
  } else {
    // A draft check reads only the archived documents that could meet the drafts' figures: its
    // findings, confirmations and the drafts' claims are the plain check's.
    BOOST_TEST((draft_essentials(a) == draft_essentials(b)), name << ": the archive draft check differs from the plain check");
  }
}

// The same, on both backends: SQLite, and PostgreSQL when a test server is given.
void expect_same_findings_on_both(const std::optional<std::string>& server, const std::string& name, const fs::path& folder,
                                  const std::string& draft = {}) {
  expect_same_findings(name, folder, draft);
  if (server) expect_same_findings(name + "-pg", folder, draft, fresh_postgres(*server, name));
}

std::string count_line(const std::string& stats) {
  const auto at = stats.find("document(s)");
  return at == std::string::npos ? stats : stats.substr(stats.rfind('\n', at) + 1, at - stats.rfind('\n', at) - 1);
}

constexpr const char* zh_doc =
    "---\ntitle: 新品发布\npublished: 2025-03-02\n---\n青禾科技周日发布了新款扫地机器人“青禾X3”。青禾X3的售价为2999元，续航时间为180分钟。\n";
constexpr const char* en_doc =
    "---\ntitle: Launch\npublished: 2025-03-03\n---\nQinghe Technology unveiled its new robot vacuum, the Qinghe X3, on Sunday. The "
    "Qinghe X3 sells for 3,499 yuan and runs for 180 minutes on one charge.\n";


// Issue 15: a draft check must find the archived documents that share a subject with a draft
// only through what the whole archive makes of their names, and must read no other.
// Published: a Chinese page naming a game in characters (《天穹7》), an English page naming a
// phone with its maker (Zenlo X7), an English page where Zenlo stands alone (so that everywhere
// `Zenlo X7` is `X7`), and five pages about something else.
void write_candidate_archive(const fs::path& folder) {
  write_text(folder / "game-zh.md", "---\ntitle: 上线\npublished: 2024-06-28\n---\n国产游戏《天穹7》周二上线，《天穹7》的售价为298元。\n");
  write_text(folder / "phone-en.md",
             "---\ntitle: Phone\npublished: 2024-06-28\n---\nThe Zenlo X7 went on sale this week. The Zenlo X7 sells for 2,499 yuan.\n");
  write_text(folder / "maker-en.md", "---\ntitle: Maker\npublished: 2024-06-27\n---\nAnalysts expect Zenlo to ship 150,000 phones this year.\n");
  write_text(folder / "film-zh.md", "---\ntitle: 票房\npublished: 2024-06-28\n---\n动画电影《远山之旅人》周五上映，《远山之旅人》的首周票房为4.5亿元。\n");
  for (int i = 1; i <= 5; ++i) {
    write_text(folder / fmt::format("robot-{}.md", i),
               fmt::format("---\ntitle: Robot\npublished: 2025-02-0{}\n---\nBluefin Robotics shipped {}2,345 units of its Arm{} robot. "
                           "The Arm{} costs 4,99{} dollars.\n",
                           i, i, i, i, i));
  }
}

// The draft check of `draft` against `archive` (filled from `folder`) and the plain check: same
// findings, at least one, and only `loaded` archived documents read (no full load).
void expect_found_among_candidates(const std::string& name, const fs::path& folder, const fs::path& draft, const std::string& archive,
                                   std::size_t loaded) {
  const fs::path work = scratch("archive-candidates-" + name);
  const outcome plain = run("check " + quote(folder.string()) + " --draft " + quote(draft.string()) + " --format json --out " +
                            quote((work / "plain").string()) + " -q");
  const outcome checked = run("check --archive " + quote(archive) + " --draft " + quote(draft.string()) + " --format json --out " +
                              quote((work / "archived").string()) + " -q");
  BOOST_TEST(plain.exit_code == 1, name << ": " << plain.out);
  BOOST_TEST(checked.exit_code == 1, name << ": " << checked.out);
  const nlohmann::json a = read_report(work / "plain");
  const nlohmann::json b = read_report(work / "archived");
  BOOST_TEST(a["findings"].size() >= 1u, name);
  BOOST_TEST((draft_essentials(a) == draft_essentials(b)), name << ": the archive draft check differs from the plain check");
  BOOST_TEST(b["archive"]["full_load"] == false, name);
  BOOST_TEST(b["archive"]["documents_loaded"] == loaded, name << ": " << b["archive"].dump());
}

void expect_candidates_found(const std::string& name, const std::string& archive) {
  const fs::path work = scratch("archive-candidates-" + name);
  write_candidate_archive(work / "published");
  // In the other script: 天穹7 and Tianqiong 7 are one name once romanised.
  write_text(work / "draft-romanised.md",
             "---\ntitle: Draft\npublished: 2024-06-30\n---\nThe game Tianqiong 7 launched on Tuesday. Tianqiong 7 sells for 328 yuan.\n");
  // By its model alone: Zenlo stands alone in another page, so the archive's `Zenlo X7` is `X7`.
  write_text(work / "draft-prefix.md", "---\ntitle: 草稿\npublished: 2024-06-30\n---\n新款手机X7本周开售，X7的售价为2999元。\n");
  const std::string db = archive.empty() ? (work / "a.db").string() : archive;
  const outcome added = run("archive add " + quote((work / "published").string()) + " --archive " + quote(db) + " -q");
  BOOST_TEST_REQUIRE(added.exit_code == 0, added.out);
  expect_found_among_candidates(name + "-romanised", work / "published", work / "draft-romanised.md", db, 1);
  expect_found_among_candidates(name + "-prefix", work / "published", work / "draft-prefix.md", db, 1);
  // Another spelling of a title: 远山：旅人 is 远山之旅人 (titles.cpp), found through its title keys.
  write_text(work / "draft-title.md", "---\ntitle: 草稿\npublished: 2024-06-30\n---\n动画电影《远山：旅人》周五上映，《远山：旅人》的首周票房为5.5亿元。\n");
  expect_found_among_candidates(name + "-title", work / "published", work / "draft-title.md", db, 1);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(archive)

BOOST_AUTO_TEST_CASE(issue_15_archive_check_gives_the_plain_check_findings) {
  const std::optional<std::string> server = postgres_server("issue_15_archive_check_gives_the_plain_check_findings");
  expect_same_findings_on_both(server, "corpus", fs::path(FACTCHECK_SOURCE_DIR) / "corpus");
  const fs::path seeds = fs::path(FACTCHECK_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (fs::exists(seeds)) expect_same_findings_on_both(server, "seeds", seeds);
  // The tuning clusters only: the validation clusters are never run here.
  for (const char* cluster : {"black-myth-wukong-2024", "change6-lunar-samples-2024", "hualien-earthquake-2024", "nezha2-box-office-2025"}) {
    const fs::path docs = fs::path(FACTCHECK_SOURCE_DIR) / ".." / "shared" / "realnews" / cluster / "docs";
    if (fs::exists(docs)) expect_same_findings_on_both(server, cluster, docs);
  }
}

BOOST_AUTO_TEST_CASE(issue_15_draft_against_the_archive_gives_the_plain_draft_findings) {
  const fs::path work = scratch("archive-draft");
  write_text(work / "published" / "zh.md", zh_doc);
  write_text(work / "published" / "en.md", en_doc);
  write_text(work / "draft.md",
             "---\ntitle: Draft\npublished: 2025-03-04\n---\n青禾科技的青禾X3售价为3999元，续航时间为180分钟。\n");
  const std::optional<std::string> server = postgres_server("issue_15_draft_against_the_archive_gives_the_plain_draft_findings");
  expect_same_findings_on_both(server, "draft", work / "published", (work / "draft.md").string());
  // A draft named from inside the archived folder is read once, as a draft, in both checks.
  expect_same_findings_on_both(server, "corpus-draft", fs::path(FACTCHECK_SOURCE_DIR) / "corpus",
                       (fs::path(FACTCHECK_SOURCE_DIR) / "corpus" / "zh-guancha-training-cost.md").string());
}

BOOST_AUTO_TEST_CASE(issue_15_draft_check_reads_only_the_documents_that_share_a_name_with_the_draft) {
  const std::optional<std::string> server = postgres_server("issue_15_draft_check_reads_only_the_documents_that_share_a_name_with_the_draft");
  expect_candidates_found("sqlite", "");
  if (server) expect_candidates_found("pg", fresh_postgres(*server, "candidates"));
}

BOOST_AUTO_TEST_CASE(issue_15_a_draft_value_that_may_tie_subjects_makes_the_check_read_the_whole_archive) {
  const fs::path work = scratch("archive-tie");
  write_candidate_archive(work / "published");
  // Two wordings of one film, tied by the agreeing precise box office (subject_ties.cpp): the
  // evidence may come from any document, so the whole archive is read, and said so.
  write_text(work / "published" / "film-en.md",
             "---\ntitle: Film\npublished: 2024-06-27\n---\nThe box office of Nebula Arc reached 1.234 billion yuan.\n");
  write_text(work / "draft.md", "---\ntitle: 草稿\npublished: 2024-06-30\n---\n电影《星弧》的票房为12.34亿元。\n");
  const std::optional<std::string> server = postgres_server("issue_15_a_draft_value_that_may_tie_subjects_makes_the_check_read_the_whole_archive");
  std::vector<std::string> archives{(work / "a.db").string()};
  if (server) archives.push_back(fresh_postgres(*server, "tie"));
  for (const std::string& db : archives) {
    BOOST_TEST_REQUIRE(run("archive add " + quote((work / "published").string()) + " --archive " + quote(db) + " -q").exit_code == 0);
    const fs::path out = work / (db.find("://") == std::string::npos ? "sqlite" : "pg");
    run("check " + quote((work / "published").string()) + " --draft " + quote((work / "draft.md").string()) + " --format json --out " +
        quote((out / "plain").string()) + " -q");
    run("check --archive " + quote(db) + " --draft " + quote((work / "draft.md").string()) + " --format json --out " +
        quote((out / "archived").string()) + " -q");
    const nlohmann::json a = read_report(out / "plain");
    const nlohmann::json b = read_report(out / "archived");
    BOOST_TEST((draft_essentials(a) == draft_essentials(b)), db);
    BOOST_TEST(b["archive"]["full_load"] == true, db);
    BOOST_TEST(b["archive"]["documents_loaded"] == 10, db);
    const bool noted = std::any_of(b["diagnostics"].begin(), b["diagnostics"].end(),
                                   [](const nlohmann::json& d) { return d["id"] == "archive.full-load"; });
    BOOST_TEST(noted, db);
  }
}

// Issue 15 (https://github.com/factcheck/factcheck/issues/15), a draft against a million documents:
// the archived price of the draft's robot is also the price of other products, each named in its
// own clause. More of them than the subject-tie pass counts (over four subjects in the run) and
// their documents are not read; as many as it counts and they are. `unrelated` products are
// written; the last `sharing` of them share a model number (`X5`), which may make them one subject
// in some corpus, so they count once.
void expect_shared_value_bound(const std::string& name, const std::string& archive, int unrelated, int sharing, std::size_t loaded) {
  const fs::path work = scratch("archive-bound-" + name);
  write_text(work / "published" / "k8-zh.md",
             "---\ntitle: 新品\npublished: 2025-03-01\n---\n澄川科技发布了扫地机器人K8。K8的售价为3999元，续航时间为150分钟。\n");
  const char* products[][2] = {
      {"t30-zh", "新款平板T30本周开售，T30的售价为3999元。"},
      {"h12-zh", "新款耳机H12周末开售，H12的售价为3999元。"},
      {"v9-en", "The Palsa V9 laptop went on sale this week. The Palsa V9 sells for 3,999 yuan."},
      {"m6-en", "Drayton released the Drayton M6 camera. The Drayton M6 sells for 3,999 yuan."},
      {"x5-en", "The Norvik X5 speaker went on sale. The Norvik X5 sells for 3,999 yuan."},
      {"x5b-en", "The Tasca X5 monitor went on sale. The Tasca X5 sells for 3,999 yuan."},
  };
  for (int i = 0; i < unrelated; ++i) {
    const int k = i < unrelated - sharing ? i : 6 - sharing + (i - (unrelated - sharing));
    write_text(work / "published" / (std::string(products[k][0]) + ".md"),
               std::string("---\ntitle: Item\npublished: 2025-03-02\n---\n") + products[k][1] + "\n");
  }
  write_text(work / "draft.md", "---\ntitle: 草稿\npublished: 2025-03-09\n---\n新款扫地机器人K8开售，K8的售价为4299元。\n");
  const std::string db = archive.empty() ? (work / "a.db").string() : archive;
  BOOST_TEST_REQUIRE(run("archive add " + quote((work / "published").string()) + " --archive " + quote(db) + " -q").exit_code == 0);
  expect_found_among_candidates(name, work / "published", work / "draft.md", db, loaded);
}

BOOST_AUTO_TEST_CASE(issue_15_a_value_more_subjects_state_than_the_tie_pass_counts_is_not_read) {
  const std::optional<std::string> server = postgres_server("issue_15_a_value_more_subjects_state_than_the_tie_pass_counts_is_not_read");
  for (const bool pg : {false, true}) {
    if (pg && !server) continue;
    const auto archive = [&](const std::string& name) { return pg ? fresh_postgres(*server, "bound-" + name) : std::string(); };
    const std::string tag = pg ? "-pg" : "";
    // K8 and four products, two Chinese and two English: five subjects, only K8's document read.
    expect_shared_value_bound("four" + tag, archive("four"), 4, 0, 1);
    // K8 and three products: four subjects may tie, so their documents are read.
    expect_shared_value_bound("three" + tag, archive("three"), 3, 0, 4);
    // Four products of which two are `... X5`: no more than four subjects are certain; all read.
    expect_shared_value_bound("shared-key" + tag, archive("shared"), 4, 2, 5);
  }
}

BOOST_AUTO_TEST_CASE(issue_15_a_schema_1_archive_is_migrated_and_refreshed_into_a_candidate_index) {
  // What schema 1 was: no candidate index; schema 2: no `settled` claims, no qualifiers in
  // `value_key`. Each is migrated on open to schema 3.
  const std::pair<const char*, const char*> olds[] = {
      {"1", "DROP TABLE names; DROP TABLE subject_keys; DROP INDEX claims_by_value_key; DROP INDEX documents_by_path; "
            "DROP INDEX claims_settled_by_value_key; ALTER TABLE claims DROP COLUMN value_key; ALTER TABLE claims DROP COLUMN settled; "
            "UPDATE meta SET value = '1' WHERE key = 'schema_version'"},
      {"2", "DROP INDEX claims_settled_by_value_key; ALTER TABLE claims DROP COLUMN settled; UPDATE meta SET value = '2' WHERE key = 'schema_version'"},
  };
  for (const auto& [version, downgrade] : olds) {
    const fs::path work = scratch(std::string("archive-schema-") + version);
    write_candidate_archive(work / "published");
    write_text(work / "draft.md", "---\ntitle: 草稿\npublished: 2024-06-30\n---\n新款手机X7本周开售，X7的售价为2999元。\n");
    const std::string db = quote((work / "a.db").string());
    BOOST_TEST_REQUIRE(run("archive add " + quote((work / "published").string()) + " --archive " + db + " -q").exit_code == 0);
    sql(work / "a.db", downgrade);
    // Migrated on open; until a refresh fills the index, a draft check reads everything and says so.
    const outcome stats = run("archive stats --archive " + db);
    BOOST_TEST(stats.out.find("schema version 3") != std::string::npos, version << ": " << stats.out);
    const outcome whole = run("check --archive " + db + " --draft " + quote((work / "draft.md").string()) + " --format json --out " +
                              quote((work / "whole").string()) + " -q");
    BOOST_TEST(whole.exit_code == 1, whole.out);
    const nlohmann::json before = read_report(work / "whole");
    BOOST_TEST(before["archive"]["full_load"] == true, version);
    BOOST_TEST(before.dump().find("archive refresh") != std::string::npos, version);
    BOOST_TEST_REQUIRE(run("archive refresh --archive " + db + " -q").exit_code == 0);
    const outcome checked = run("check --archive " + db + " --draft " + quote((work / "draft.md").string()) + " --format json --out " +
                                quote((work / "out").string()) + " -q");
    BOOST_TEST(checked.exit_code == 1, checked.out);
    const nlohmann::json report = read_report(work / "out");
    BOOST_TEST(report["archive"]["full_load"] == false, version);
    BOOST_TEST(report["archive"]["documents_loaded"] == 1, version);
  }
}

BOOST_AUTO_TEST_CASE(issue_15_unchanged_documents_are_skipped_and_changed_ones_replaced) {
  const fs::path work = scratch("archive-add");
  write_text(work / "docs" / "zh.md", zh_doc);
  write_text(work / "docs" / "en.md", en_doc);
  const std::string db = " --archive " + quote((work / "a.db").string());
  const outcome first = run("archive add " + quote((work / "docs").string()) + db);
  BOOST_TEST(first.exit_code == 0, first.out);
  BOOST_TEST(first.out.find("2 document(s) added, 0 replaced, 0 unchanged") != std::string::npos, first.out);
  const outcome again = run("archive add " + quote((work / "docs").string()) + db);
  BOOST_TEST(again.out.find("0 document(s) added, 0 replaced, 2 unchanged") != std::string::npos, again.out);
  write_text(work / "docs" / "en.md", std::string(en_doc) + "It weighs 3.2 kilograms.\n");
  const outcome changed = run("archive add " + quote((work / "docs").string()) + db);
  BOOST_TEST(changed.out.find("0 document(s) added, 1 replaced, 1 unchanged") != std::string::npos, changed.out);
  const outcome list = run("archive list" + db);
  BOOST_TEST(list.exit_code == 0);
  BOOST_TEST(list.out.find("en.md\t2025-03-03") != std::string::npos, list.out);
  BOOST_TEST(list.out.find("zh.md\t2025-03-02") != std::string::npos, list.out);
  const outcome removed = run("archive remove en.md" + db);
  BOOST_TEST(removed.exit_code == 0, removed.out);
  const outcome stats = run("archive stats" + db);
  BOOST_TEST(stats.out.find("1 document(s)") != std::string::npos, stats.out);
  BOOST_TEST(stats.out.find("schema version 3") != std::string::npos, stats.out);
  const outcome missing = run("archive remove nothing.md" + db);
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.out.find("holds no document nothing.md") != std::string::npos, missing.out);
}

BOOST_AUTO_TEST_CASE(issue_15_a_file_that_cannot_be_read_is_reported_and_the_rest_added) {
  const fs::path work = scratch("archive-skipped");
  write_text(work / "docs" / "zh.md", zh_doc);
  write_text(work / "docs" / "broken.md", std::string("abc\0def", 7));
  const outcome added = run_in(work.string(), "archive add docs --archive a.db");
  BOOST_TEST(added.exit_code == 0, added.out);
  BOOST_TEST(added.out.find("[ingest.binary]") != std::string::npos, added.out);
  BOOST_TEST(added.out.find("1 document(s) added") != std::string::npos, added.out);
  const outcome nothing = run_in(work.string(), "archive add docs/broken.md --archive a.db");
  BOOST_TEST(nothing.exit_code == 2, nothing.out);
  BOOST_TEST(nothing.out.find("nothing was added") != std::string::npos, nothing.out);
}

BOOST_AUTO_TEST_CASE(issue_15_project_file_names_the_archive) {
  const fs::path work = scratch("archive-project");
  write_text(work / "docs" / "zh.md", zh_doc);
  write_text(work / "factcheck.json", R"({"archive": "store/claims.db"})");
  fs::create_directories(work / "store");
  const outcome added = run_in(work.string(), "archive add docs");
  BOOST_TEST(added.exit_code == 0, added.out);
  BOOST_TEST(fs::exists(work / "store" / "claims.db"));
  BOOST_TEST(!fs::exists(work / "factcheck-archive.db"));
}

BOOST_AUTO_TEST_CASE(issue_15_extract_jsonl_then_import_gives_the_same_archive) {
  const fs::path work = scratch("archive-import");
  write_text(work / "docs" / "zh.md", zh_doc);
  write_text(work / "docs" / "en.md", en_doc);
  const outcome extracted = run_in(work.string(), "extract docs --format jsonl > shard.jsonl");
  BOOST_TEST_REQUIRE(extracted.exit_code == 0, extracted.out);
  const outcome imported = run_in(work.string(), "archive import shard.jsonl --archive imported.db");
  BOOST_TEST(imported.exit_code == 0, imported.out);
  BOOST_TEST(imported.out.find("2 document(s) added") != std::string::npos, imported.out);
  run_in(work.string(), "archive add docs --archive added.db");
  BOOST_TEST(run_in(work.string(), "archive list --archive imported.db").out == run_in(work.string(), "archive list --archive added.db").out);
  const outcome unknown = run_in(work.string(), "extract docs --format xml");
  BOOST_TEST(unknown.exit_code == 2);
  BOOST_TEST(unknown.out.find("unknown extract format 'xml'") != std::string::npos, unknown.out);
  const outcome a = run_in(work.string(), "check --archive imported.db --format json --out a -q");
  const outcome b = run_in(work.string(), "check docs --format json --out b -q");
  BOOST_TEST(a.exit_code == b.exit_code);
  BOOST_TEST((essentials(read_report(work / "a")) == essentials(read_report(work / "b"))));
}

BOOST_AUTO_TEST_CASE(issue_15_a_line_that_is_not_a_record_imports_nothing) {
  const fs::path work = scratch("archive-bad-jsonl");
  write_text(work / "docs" / "zh.md", zh_doc);
  run_in(work.string(), "extract docs --format jsonl > good.jsonl");
  std::ifstream good(work / "good.jsonl");
  std::string line;
  std::getline(good, line);
  write_text(work / "mixed.jsonl", line + "\n{\"id\": \"doc#1\", \"value\": 3}\n");
  const outcome bad = run_in(work.string(), "archive import mixed.jsonl --archive a.db");
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.out.find("mixed.jsonl:2: not an archive record") != std::string::npos, bad.out);
  write_text(work / "broken.jsonl", "{\"factcheck_archive_record\": 1\n");
  const outcome broken = run_in(work.string(), "archive import broken.jsonl --archive a.db");
  BOOST_TEST(broken.exit_code == 2);
  BOOST_TEST(broken.out.find("broken.jsonl:1: not JSON") != std::string::npos, broken.out);
  const outcome stats = run_in(work.string(), "archive stats --archive a.db");
  BOOST_TEST(stats.out.find("0 document(s)") != std::string::npos, stats.out);
}

BOOST_AUTO_TEST_CASE(issue_15_corrupt_foreign_and_newer_archives_are_refused) {
  const fs::path work = scratch("archive-bad");
  write_text(work / "docs" / "zh.md", zh_doc);
  write_text(work / "garbage.db", std::string(4096, 'x'));
  const outcome garbage = run_in(work.string(), "archive add docs --archive garbage.db");
  BOOST_TEST(garbage.exit_code == 2);
  BOOST_TEST(garbage.out.find("archive garbage.db: not a factcheck archive, or damaged") != std::string::npos, garbage.out);
  sql(work / "foreign.db", "CREATE TABLE people (name TEXT)");
  const outcome foreign = run_in(work.string(), "check --archive foreign.db");
  BOOST_TEST(foreign.exit_code == 2);
  BOOST_TEST(foreign.out.find("archive foreign.db: a SQLite database, but not a factcheck archive") != std::string::npos, foreign.out);
  const outcome none = run_in(work.string(), "archive list --archive missing.db");
  BOOST_TEST(none.exit_code == 2);
  BOOST_TEST(none.out.find("archive missing.db: no such archive") != std::string::npos, none.out);
  BOOST_TEST(!fs::exists(work / "missing.db"));
  BOOST_TEST(run_in(work.string(), "archive add docs --archive newer.db").exit_code == 0);
  sql(work / "newer.db", "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  const outcome newer = run_in(work.string(), "archive add docs --archive newer.db");
  BOOST_TEST(newer.exit_code == 2);
  BOOST_TEST(newer.out.find("schema version 99 was written by a newer factcheck") != std::string::npos, newer.out);
}

BOOST_AUTO_TEST_CASE(issue_15_another_analysis_version_needs_a_refresh) {
  const fs::path work = scratch("archive-version");
  write_text(work / "docs" / "zh.md", zh_doc);
  write_text(work / "docs" / "en.md", en_doc);
  BOOST_TEST(run_in(work.string(), "archive add docs --archive a.db").exit_code == 0);
  // A project vocabulary changes what the analysis finds: the archive's records are of another version.
  write_text(work / "factcheck.json", R"({"subjects": [{"name": "Qinghe X3", "aliases": ["青禾X3"]}]})");
  for (const char* command : {"check --archive a.db", "archive add docs --archive a.db"}) {
    const outcome refused = run_in(work.string(), command);
    BOOST_TEST(refused.exit_code == 2, command);
    BOOST_TEST(refused.out.find("archive a.db: its records were made by analysis version") != std::string::npos, refused.out);
    BOOST_TEST(refused.out.find("run `factcheck archive refresh --archive a.db`") != std::string::npos, refused.out);
  }
  const outcome stats = run_in(work.string(), "archive stats --archive a.db");
  BOOST_TEST(stats.out.find("run `factcheck archive refresh --archive a.db`") != std::string::npos, stats.out);
  const outcome refreshed = run_in(work.string(), "archive refresh --archive a.db");
  BOOST_TEST(refreshed.exit_code == 0, refreshed.out);
  BOOST_TEST(refreshed.out.find("2 document(s) analysed again") != std::string::npos, refreshed.out);
  const outcome checked = run_in(work.string(), "check --archive a.db --format json --out a -q");
  const outcome plain = run_in(work.string(), "check docs --format json --out b -q");
  BOOST_TEST(checked.exit_code == plain.exit_code, checked.out);
  BOOST_TEST((essentials(read_report(work / "a")) == essentials(read_report(work / "b"))));
  // A record made with the old vocabulary is refused on import.
  fs::remove(work / "factcheck.json");
  run_in(work.string(), "extract docs --format jsonl > old.jsonl");
  write_text(work / "factcheck.json", R"({"subjects": [{"name": "Qinghe X3", "aliases": ["青禾X3"]}]})");
  const outcome old = run_in(work.string(), "archive import old.jsonl --archive a.db");
  BOOST_TEST(old.exit_code == 2);
  BOOST_TEST(old.out.find("old.jsonl:1: made by analysis version") != std::string::npos, old.out);
}

BOOST_AUTO_TEST_CASE(issue_15_two_processes_adding_at_once_lose_nothing) {
  const fs::path work = scratch("archive-concurrent");
  for (int i = 0; i < 40; ++i) {
    write_text(work / "one" / fmt::format("a{:02}.md", i), zh_doc);
    write_text(work / "two" / fmt::format("b{:02}.md", i), en_doc);
  }
  // run_in runs `cd FOLDER && factcheck ARGS`: `--version` is only there to get into the folder.
  const outcome both = run_in(work.string(), fmt::format("--version > /dev/null; {0} archive add one --archive a.db -q & "
                                                          "{0} archive add two --archive a.db -q; wait",
                                                          quote(FACTCHECK_BINARY)));
  BOOST_TEST(both.out.find("error") == std::string::npos, both.out);
  const outcome stats = run_in(work.string(), "archive stats --archive a.db");
  BOOST_TEST(stats.out.find("80 document(s)") != std::string::npos, stats.out);
}

BOOST_AUTO_TEST_CASE(issue_15_a_killed_add_leaves_the_last_committed_archive) {
  const fs::path work = scratch("archive-killed");
  write_text(work / "first" / "zh.md", zh_doc);
  BOOST_TEST(run_in(work.string(), "archive add first --archive base.db").exit_code == 0);
  for (int i = 0; i < 600; ++i) write_text(work / "many" / fmt::format("d{:03}.md", i), std::string(en_doc) + std::to_string(i) + "\n");
  // Kills spread over the add (reading, analysing, writing, committing): every one of them
  // leaves all of the add or none of it.
  std::set<std::string> seen;
  for (const char* delay : {"0.05", "0.2", "0.35", "0.5", "0.65", "0.8", "1.0"}) {
    fs::copy_file(work / "base.db", work / "a.db", fs::copy_options::overwrite_existing);
    for (const char* suffix : {"a.db-wal", "a.db-shm"}) fs::remove(work / suffix);
    run_in(work.string(), fmt::format("--version > /dev/null; {} archive add many --archive a.db -q -j 1 & sleep {}; "
                                      "kill -9 $! 2>/dev/null; wait",
                                      quote(FACTCHECK_BINARY), delay));
    const outcome stats = run_in(work.string(), "archive stats --archive a.db");
    BOOST_TEST(stats.exit_code == 0, stats.out);
    const std::string counts = count_line(stats.out);
    BOOST_TEST((counts == "1 " || counts == "601 "), delay << ": " << stats.out);
    seen.insert(counts);
    BOOST_TEST(run_in(work.string(), "check --archive a.db --format json --out r -q").exit_code != 2);
  }
  BOOST_TEST_MESSAGE("archive sizes after the kills: " << seen.size() << " distinct");
}

BOOST_AUTO_TEST_CASE(issue_15_baselines_formats_and_exit_codes_work_with_the_archive) {
  const fs::path work = scratch("archive-baseline");
  write_text(work / "docs" / "zh.md", zh_doc);
  write_text(work / "docs" / "en.md", en_doc);
  write_text(work / "docs" / "zh2.md", "---\ntitle: 评测\npublished: 2025-03-05\n---\n青禾科技的青禾X3售价为3999元。\n");
  BOOST_TEST(run_in(work.string(), "archive add docs --archive a.db -q").exit_code == 0);
  const outcome plain = run_in(work.string(), "check docs --write-baseline base.json --format json,sarif --out p");
  BOOST_TEST_REQUIRE(plain.exit_code == 1, plain.out);
  const outcome archived = run_in(work.string(), "check --archive a.db --format json,sarif --out a");
  BOOST_TEST(archived.exit_code == 1, archived.out);
  BOOST_TEST(fs::exists(work / "a" / "report.sarif"));
  const outcome gated = run_in(work.string(), "check --archive a.db --baseline base.json --format json --out b");
  BOOST_TEST(gated.exit_code == 0, gated.out);
  BOOST_TEST(gated.out.find("in the baseline") != std::string::npos, gated.out);
  BOOST_TEST(run_in(work.string(), "check --archive a.db --fail-on none --format json --out c -q").exit_code == 0);
}

BOOST_AUTO_TEST_CASE(issue_15_a_path_given_with_the_archive_replaces_the_archived_copy) {
  const fs::path work = scratch("archive-and-path");
  write_text(work / "docs" / "zh.md", zh_doc);
  write_text(work / "docs" / "en.md", en_doc);
  BOOST_TEST(run_in(work.string(), "archive add docs --archive a.db").exit_code == 0);
  const outcome both = run_in(work.string(), "check docs --archive a.db --format json --out r -q --fail-on none");
  BOOST_TEST(both.exit_code == 0, both.out);
  BOOST_TEST(read_report(work / "r")["documents"].size() == 2u);
}

BOOST_AUTO_TEST_CASE(issue_15_two_writers_at_once_on_postgresql_lose_nothing) {
  const std::optional<std::string> server = postgres_server("issue_15_two_writers_at_once_on_postgresql_lose_nothing");
  if (!server) return;
  const fs::path work = scratch("archive-pg-concurrent");
  for (int i = 0; i < 40; ++i) {
    write_text(work / "one" / fmt::format("a{:02}.md", i), zh_doc);
    write_text(work / "two" / fmt::format("b{:02}.md", i), en_doc);
  }
  const std::string url = quote(fresh_postgres(*server, "concurrent"));
  // Both start on an empty database: both make the tables, and both write, at once.
  const outcome both = run_in(work.string(), fmt::format("--version > /dev/null; {0} archive add one --archive {1} -q & "
                                                          "{0} archive add two --archive {1} -q; wait",
                                                          quote(FACTCHECK_BINARY), url));
  BOOST_TEST(both.out.find("error") == std::string::npos, both.out);
  const outcome stats = run_in(work.string(), "archive stats --archive " + url);
  BOOST_TEST(stats.out.find("80 document(s)") != std::string::npos, stats.out);
  const outcome list = run_in(work.string(), "archive list --archive " + url);
  BOOST_TEST(std::count(list.out.begin(), list.out.end(), '\n') == 80, list.out);
  // And they give what one writer adding both folders gives.
  const std::string single = quote(fresh_postgres(*server, "single"));
  BOOST_TEST(run_in(work.string(), "archive add one two -q --archive " + single).exit_code == 0);
  BOOST_TEST(run_in(work.string(), "archive list --archive " + single).out == list.out);
}

BOOST_AUTO_TEST_CASE(issue_15_postgresql_add_replace_refresh_import_and_remove) {
  const std::optional<std::string> server = postgres_server("issue_15_postgresql_add_replace_refresh_import_and_remove");
  if (!server) return;
  const fs::path work = scratch("archive-pg-lifecycle");
  write_text(work / "docs" / "zh.md", zh_doc);
  write_text(work / "docs" / "en.md", en_doc);
  const std::string url = fresh_postgres(*server, "lifecycle");
  const std::string db = " --archive " + quote(url);
  const outcome first = run_in(work.string(), "archive add docs" + db);
  BOOST_TEST(first.exit_code == 0, first.out);
  BOOST_TEST(first.out.find("2 document(s) added, 0 replaced, 0 unchanged") != std::string::npos, first.out);
  const outcome again = run_in(work.string(), "archive add docs" + db);
  BOOST_TEST(again.out.find("0 document(s) added, 0 replaced, 2 unchanged") != std::string::npos, again.out);
  write_text(work / "docs" / "en.md", std::string(en_doc) + "It weighs 3.2 kilograms.\n");
  const outcome changed = run_in(work.string(), "archive add docs" + db);
  BOOST_TEST(changed.out.find("0 document(s) added, 1 replaced, 1 unchanged") != std::string::npos, changed.out);
  const outcome list = run_in(work.string(), "archive list" + db);
  BOOST_TEST(list.out.find("en.md\t2025-03-03") != std::string::npos, list.out);
  // The same records through extract and import.
  BOOST_TEST(run_in(work.string(), "extract docs --format jsonl > shard.jsonl").exit_code == 0);
  const std::string imported = " --archive " + quote(fresh_postgres(*server, "imported"));
  BOOST_TEST(run_in(work.string(), "archive import shard.jsonl -q" + imported).exit_code == 0);
  BOOST_TEST(run_in(work.string(), "archive list" + imported).out == list.out);
  // Another vocabulary: refused until a refresh, then the plain check's findings.
  write_text(work / "factcheck.json", R"({"subjects": [{"name": "Qinghe X3", "aliases": ["青禾X3"]}]})");
  const outcome refused = run_in(work.string(), "check" + db);
  BOOST_TEST(refused.exit_code == 2, refused.out);
  BOOST_TEST(refused.out.find("run `factcheck archive refresh --archive " + url + "`") != std::string::npos, refused.out);
  const outcome refreshed = run_in(work.string(), "archive refresh" + db);
  BOOST_TEST(refreshed.out.find("2 document(s) analysed again") != std::string::npos, refreshed.out);
  const outcome checked = run_in(work.string(), "check --format json --out a -q" + db);
  const outcome plain = run_in(work.string(), "check docs --format json --out b -q");
  BOOST_TEST(checked.exit_code == plain.exit_code, checked.out);
  BOOST_TEST((essentials(read_report(work / "a")) == essentials(read_report(work / "b"))));
  const outcome removed = run_in(work.string(), "archive remove en.md" + db);
  BOOST_TEST(removed.exit_code == 0, removed.out);
  const outcome stats = run_in(work.string(), "archive stats" + db);
  BOOST_TEST(stats.out.find("1 document(s)") != std::string::npos, stats.out);
  BOOST_TEST(stats.out.find("schema version 3") != std::string::npos, stats.out);
  const outcome missing = run_in(work.string(), "archive remove nothing.md" + db);
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.out.find("holds no document nothing.md") != std::string::npos, missing.out);
}

// Adds `work/docs` to the PostgreSQL archive `url` and to `work/a.db`, checks that both list the
// same documents and claim counts, and returns PostgreSQL's listing.
outcome add_to_both_backends(const fs::path& work, const std::string& url) {
  BOOST_TEST(run_in(work.string(), "archive add docs -q --archive " + url).exit_code == 0);
  BOOST_TEST(run_in(work.string(), "archive add docs -q --archive a.db").exit_code == 0);
  outcome on_postgres = run_in(work.string(), "archive list --archive " + url);
  BOOST_TEST(on_postgres.out == run_in(work.string(), "archive list --archive a.db").out);
  return on_postgres;
}

BOOST_AUTO_TEST_CASE(issue_15_postgresql_stores_every_claim_of_a_long_document) {
  const std::optional<std::string> server = postgres_server("issue_15_postgresql_stores_every_claim_of_a_long_document");
  if (!server) return;
  const fs::path work = scratch("archive-pg-long");
  // More claims than one index statement carries (500): the rows go in several statements.
  std::string zh = "---\ntitle: 长文\npublished: 2025-03-06\n---\n";
  std::string en = "---\ntitle: Long\npublished: 2025-03-06\n---\n";
  for (int i = 0; i < 700; ++i) {
    zh += fmt::format("第{}号仓库存放了{}台扫地机器人。\n", i, 100 + i);
    en += fmt::format("Warehouse {} holds {} robot vacuums.\n", i, 100 + i);
  }
  write_text(work / "docs" / "zh.md", zh);
  write_text(work / "docs" / "en.md", en);
  const std::string bare_url = fresh_postgres(*server, "long");
  const std::string url = quote(bare_url);
  const outcome on_postgres = add_to_both_backends(work, url);
  // Each document has at least its 700 sentences' figures (the numbers in the names count too).
  std::istringstream lines(on_postgres.out);
  int documents = 0;
  unsigned long claims = 0;
  for (std::string line; std::getline(lines, line); ++documents) {
    const std::size_t count = line.find('\t', line.find('\t') + 1) + 1;
    BOOST_TEST(std::stoul(line.substr(count)) >= 700u, line);
    claims += std::stoul(line.substr(count));
  }
  BOOST_TEST(documents == 2);
  // Every claim has its index row.
  BOOST_TEST(postgres_value(bare_url, "SELECT count(*) FROM factcheck_claims") == std::to_string(claims));
}

// Rows are written a chunk of 256 documents at a time, in a few statements per chunk: more
// documents than one chunk, and an import of two shards that both hold every document (one id
// twice in a chunk), must give the same archive on both backends, every index row included.
BOOST_AUTO_TEST_CASE(issue_15_postgresql_writes_chunks_of_documents_and_ids_given_twice) {
  const std::optional<std::string> server = postgres_server("issue_15_postgresql_writes_chunks_of_documents_and_ids_given_twice");
  if (!server) return;
  const fs::path work = scratch("archive-pg-chunks");
  for (int i = 0; i < 300; ++i) {
    const std::string body = i % 2 == 0 ? fmt::format("青禾科技表示，青禾R{}的售价为{}元，续航时间为{}小时。\n", i, 1000 + i, 2 + i % 20)
                                         : fmt::format("Qinghe said the Qinghe R{} is priced at {} yuan and runs for {} hours.\n", i,
                                                       1000 + i, 2 + i % 20);
    write_text(work / "docs" / fmt::format("d{:03}.md", i), fmt::format("---\ntitle: Item {}\npublished: 2025-03-06\n---\n{}", i, body));
  }
  const std::string bare_url = fresh_postgres(*server, "chunks");
  const std::string url = quote(bare_url);
  const outcome on_postgres = add_to_both_backends(work, url);
  BOOST_TEST(std::count(on_postgres.out.begin(), on_postgres.out.end(), '\n') == 300);
  const std::string claims = postgres_value(bare_url, "SELECT count(*) FROM factcheck_claims");
  const std::string keys = postgres_value(bare_url, "SELECT count(*) FROM factcheck_subject_keys");
  const std::string names = postgres_value(bare_url, "SELECT count(*) FROM factcheck_names");
  BOOST_TEST(std::stoul(claims) >= 600u);
  // Two shards holding the same documents, imported into an empty archive at once: the second
  // copy replaces the first, and no index row is left twice.
  BOOST_TEST(run_in(work.string(), "extract docs --format jsonl > shard.jsonl").exit_code == 0);
  // Within one chunk (100 + 100 records): without the cut, PostgreSQL refuses an upsert that
  // touches a row twice.
  {
    std::ifstream shard(work / "shard.jsonl");
    std::ofstream small(work / "small.jsonl");
    std::string line;
    for (int i = 0; i < 100 && std::getline(shard, line); ++i) small << line << '\n';
  }
  const std::string small_url = fresh_postgres(*server, "chunks_small");
  const outcome small = run_in(work.string(), "archive import small.jsonl small.jsonl -q --archive " + quote(small_url));
  BOOST_TEST(small.exit_code == 0, small.out);
  BOOST_TEST(postgres_value(small_url, "SELECT count(*) FROM factcheck_documents") == "100");
  const std::string twice_url = fresh_postgres(*server, "chunks_twice");
  const outcome twice = run_in(work.string(), "archive import shard.jsonl shard.jsonl --archive " + quote(twice_url));
  BOOST_TEST(twice.exit_code == 0, twice.out);
  BOOST_TEST(run_in(work.string(), "archive list --archive " + quote(twice_url)).out == on_postgres.out);
  BOOST_TEST(postgres_value(twice_url, "SELECT count(*) FROM factcheck_claims") == claims);
  BOOST_TEST(postgres_value(twice_url, "SELECT count(*) FROM factcheck_subject_keys") == keys);
  BOOST_TEST(postgres_value(twice_url, "SELECT count(*) FROM factcheck_names") == names);
  const outcome on_sqlite = run_in(work.string(), "archive import shard.jsonl shard.jsonl --archive b.db");
  BOOST_TEST(on_sqlite.exit_code == 0, on_sqlite.out);
  BOOST_TEST(run_in(work.string(), "archive list --archive b.db").out == on_postgres.out);
  // A draft against either archive finds the same.
  write_text(work / "draft.md", "---\ntitle: Draft\npublished: 2025-09-18\n---\n青禾科技的青禾R12售价为999元。\n");
  const outcome draft_pg = run_in(work.string(), "check --draft draft.md --format json --out p -q --archive " + url);
  const outcome draft_lite = run_in(work.string(), "check --draft draft.md --format json --out q -q --archive b.db");
  BOOST_TEST(draft_pg.exit_code == draft_lite.exit_code, draft_pg.out);
  BOOST_TEST(read_report(work / "p")["findings"] == read_report(work / "q")["findings"]);
  BOOST_TEST(!read_report(work / "p")["findings"].empty());
}

BOOST_AUTO_TEST_CASE(issue_15_an_unreachable_postgresql_server_is_named_without_its_password) {
  const fs::path work = scratch("archive-pg-unreachable");
  write_text(work / "docs" / "zh.md", zh_doc);
  // Port 1 on the loopback: nobody listens there.
  for (const char* command : {"archive add docs --archive 'postgresql://editor:hunter2@127.0.0.1:1/news'",
                              "check --archive 'postgres://editor:hunter2@127.0.0.1:1/news?password=hunter2'",
                              "archive stats --archive 'postgresql://editor:hunter2@127.0.0.1:1/news'"}) {
    const outcome refused = run_in(work.string(), command);
    BOOST_TEST(refused.exit_code == 2, command << "\n" << refused.out);
    BOOST_TEST(refused.out.find("://editor:***@127.0.0.1:1/news") != std::string::npos, refused.out);
    BOOST_TEST(refused.out.find("cannot connect to the PostgreSQL server") != std::string::npos, refused.out);
    BOOST_TEST(refused.out.find("hunter2") == std::string::npos, refused.out);
  }
  // A URL libpq cannot parse: it quotes it in its message, the password must not follow.
  const outcome malformed = run_in(work.string(), "archive stats --archive 'postgresql://editor:hunter2@[::1/news'");
  BOOST_TEST(malformed.exit_code == 2, malformed.out);
  BOOST_TEST(malformed.out.find("cannot connect to the PostgreSQL server") != std::string::npos, malformed.out);
  BOOST_TEST(malformed.out.find("hunter2") == std::string::npos, malformed.out);
}

BOOST_AUTO_TEST_CASE(issue_15_foreign_and_newer_postgresql_databases_are_refused) {
  const std::optional<std::string> server = postgres_server("issue_15_foreign_and_newer_postgresql_databases_are_refused");
  if (!server) return;
  const fs::path work = scratch("archive-pg-bad");
  write_text(work / "docs" / "zh.md", zh_doc);
  const std::string foreign = fresh_postgres(*server, "foreign");
  postgres_sql(foreign, "CREATE TABLE people (name TEXT)");
  for (const char* command : {"archive add docs --archive ", "check --archive "}) {
    const outcome refused = run_in(work.string(), command + quote(foreign));
    BOOST_TEST(refused.exit_code == 2, refused.out);
    BOOST_TEST(refused.out.find("archive " + foreign + ": a PostgreSQL database, but not a factcheck archive") != std::string::npos,
               refused.out);
  }
  // A login the server refuses (no such role): named, without the password.
  const std::size_t authority = server->find("://") + 3;
  const std::size_t at = server->find('@', authority);
  const std::string stranger =
      server->substr(0, authority) + "nobody_here:hunter2@" + server->substr(at == std::string::npos ? authority : at + 1);
  const outcome login = run_in(work.string(), "archive stats --archive " + quote(stranger));
  BOOST_TEST(login.exit_code == 2, login.out);
  BOOST_TEST(login.out.find("nobody_here:***@") != std::string::npos, login.out);
  BOOST_TEST(login.out.find("cannot connect to the PostgreSQL server") != std::string::npos, login.out);
  BOOST_TEST(login.out.find("hunter2") == std::string::npos, login.out);
  const std::string empty = fresh_postgres(*server, "empty");
  const outcome none = run_in(work.string(), "archive list --archive " + quote(empty));
  BOOST_TEST(none.exit_code == 2);
  BOOST_TEST(none.out.find("archive " + empty + ": no such archive") != std::string::npos, none.out);
  const std::string newer = fresh_postgres(*server, "newer");
  BOOST_TEST(run_in(work.string(), "archive add docs -q --archive " + quote(newer)).exit_code == 0);
  postgres_sql(newer, "UPDATE factcheck_meta SET value = '99' WHERE key = 'schema_version'");
  const outcome refused = run_in(work.string(), "archive add docs --archive " + quote(newer));
  BOOST_TEST(refused.exit_code == 2);
  BOOST_TEST(refused.out.find("schema version 99 was written by a newer factcheck") != std::string::npos, refused.out);
}

BOOST_AUTO_TEST_SUITE_END()
