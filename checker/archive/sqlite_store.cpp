// The embedded archive: one SQLite file in WAL mode. Every write is one IMMEDIATE transaction
// (the write lock is taken at BEGIN, so two writers queue on the busy timeout instead of one
// failing half way); a process killed mid-write leaves the last committed state.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "archive/archive.h"

namespace checker {
namespace {

// Long enough for another process's whole add to commit; the writer waits, then goes on.
constexpr int busy_timeout_ms = 120000;

constexpr const char* schema_sql = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  hash TEXT NOT NULL,
  source TEXT NOT NULL,
  published TEXT NOT NULL,
  claims INTEGER NOT NULL,
  linked INTEGER NOT NULL,
  record BLOB NOT NULL
);
CREATE TABLE claims (
  document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  fact_key TEXT NOT NULL,
  subject TEXT NOT NULL,
  attribute TEXT NOT NULL,
  unit TEXT NOT NULL,
  value TEXT NOT NULL,
  text TEXT NOT NULL,
  value_key TEXT NOT NULL DEFAULT '',
  settled INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document, ordinal)
);
CREATE INDEX claims_by_fact_key ON claims(fact_key) WHERE fact_key <> '';
)sql";

// Schema 2 (issue 15): what a draft check fetches its candidate documents by. Also the migration
// from schema 1, after `ALTER TABLE claims ADD COLUMN value_key`.
constexpr const char* candidate_index_sql = R"sql(
CREATE INDEX claims_by_value_key ON claims(value_key) WHERE value_key <> '';
CREATE INDEX documents_by_path ON documents(path);
CREATE TABLE names (
  document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  organisation INTEGER NOT NULL,
  romanised TEXT NOT NULL,
  PRIMARY KEY (document, name)
) WITHOUT ROWID;
CREATE INDEX names_by_name ON names(name);
CREATE INDEX names_by_romanised ON names(romanised) WHERE romanised <> '';
CREATE TABLE subject_keys (
  key TEXT NOT NULL,
  document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (key, document)
) WITHOUT ROWID;
CREATE INDEX subject_keys_by_document ON subject_keys(document);
)sql";

// Schema 3 (issue 15): the settled claims by value, with their document, so that a draft check
// counts a value's subjects from the index alone (no table row read). Also the migration from 2.
constexpr const char* settled_index_sql =
    "CREATE INDEX claims_settled_by_value_key ON claims(value_key, document) WHERE settled = 1";

// A list bound as one parameter: a JSON array that `json_each` opens in SQL.
std::string json_list(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class statement {
 public:
  statement(sqlite3* db, const std::string& location, const char* sql) : db_(db), location_(location) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail("prepare");
  }
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  ~statement() { sqlite3_finalize(stmt_); }
  // Bound without a copy (SQLITE_STATIC: a copy per value was a good part of an add's time), so
  // the text must outlive the statement's next reset; temporaries are refused at compile time.
  statement& bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
  }
  statement& bind(int i, std::string&& text) = delete;
  statement& bind(int i, std::int64_t n) {
    sqlite3_bind_int64(stmt_, i, n);
    return *this;
  }
  statement& bind_blob(int i, const std::vector<std::uint8_t>& bytes) {
    sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    return *this;
  }
  statement& bind_blob(int i, std::vector<std::uint8_t>&& bytes) = delete;
  /// True while there is a row.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail("step");
    return false;
  }
  void run() {
    step();
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p == nullptr ? std::string() : std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::vector<std::uint8_t> blob(int col) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
    return p == nullptr ? std::vector<std::uint8_t>() : std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(stmt_, col));
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw error(fmt::format("archive {}: {} failed: {}", location_, what, sqlite3_errmsg(db_)));
  }
  sqlite3* db_;
  const std::string& location_;
  sqlite3_stmt* stmt_ = nullptr;
};

class sqlite_store final : public archive_store {
 public:
  sqlite_store(const std::string& location, archive_access access) : location_(location) {
    std::error_code ignored;
    const bool exists = std::filesystem::exists(location, ignored);
    if (!exists && access == archive_access::existing) {
      throw error(fmt::format("archive {}: no such archive (make one with `factcheck archive add PATH... --archive {}`)",
                              location, location));
    }
    // One thread uses the connection: no mutex around every call.
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (access == archive_access::create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(location.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw error(fmt::format("archive {}: cannot open: {}", location, why));
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    try {
      prepare();
    } catch (const error&) {
      sqlite3_close(db_);
      db_ = nullptr;
      throw;
    }
  }
  sqlite_store(const sqlite_store&) = delete;
  sqlite_store& operator=(const sqlite_store&) = delete;
  ~sqlite_store() override { sqlite3_close(db_); }

  const std::string& location() const override { return location_; }

  std::string stored_analysis_version() override { return meta("analysis_version").value_or(""); }

  std::optional<std::string> hash_of(const std::string& id) override {
    statement q(db_, location_, "SELECT hash FROM documents WHERE id = ?1");
    q.bind(1, id);
    if (q.step()) return q.text(0);
    return std::nullopt;
  }

  std::map<std::string, std::string> hashes_of(const std::vector<std::string>& ids) override {
    std::map<std::string, std::string> out;
    statement q(db_, location_, "SELECT id, hash FROM documents WHERE id IN (SELECT value FROM json_each(?1))");
    const std::string list = json_list(ids);
    q.bind(1, list);
    while (q.step()) out.emplace(q.text(0), q.text(1));
    return out;
  }

  std::size_t write(const std::vector<archive_record>& records, const std::vector<std::string>& remove,
                    const std::string& version, bool refreshing, unsigned jobs) override {
    // The default cache (2 MiB) is far smaller than the index pages one add touches: a large add
    // wrote pages to the WAL, read them back and wrote them again. A fixed bound whatever the
    // archive's size, for writers only (a check reads few pages, or each once).
    exec("PRAGMA cache_size = -131072");
    exec("BEGIN IMMEDIATE");
    try {
      if (refreshing) require_same_documents(records);
      // Another process may have refreshed the archive since this one looked.
      if (const std::string stored = stored_analysis_version(); !refreshing && !stored.empty() && stored != version) {
        throw error(fmt::format("archive {}: its records were made by analysis version {}, this factcheck is {}; run "
                                "`factcheck archive refresh --archive {}` first",
                                location_, stored, version, location_));
      }
      std::size_t removed = 0;
      statement drop(db_, location_, "DELETE FROM documents WHERE id = ?1");
      for (const std::string& id : remove) {
        drop.bind(1, id).run();
        removed += static_cast<std::size_t>(sqlite3_changes(db_));
      }
      statement put(db_, location_,
                    "INSERT INTO documents (id, path, hash, source, published, claims, linked, record) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      statement add(db_, location_,
                    "INSERT INTO claims (document, ordinal, fact_key, subject, attribute, unit, value, text, value_key, settled) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
      statement add_name(db_, location_,
                         "INSERT INTO names (document, name, mentions, organisation, romanised) VALUES (?1, ?2, ?3, ?4, ?5)");
      statement add_key(db_, location_, "INSERT INTO subject_keys (key, document) VALUES (?1, ?2)");
      const auto put_one = [&](const archive_record& r, const std::vector<std::uint8_t>& blob) {
        std::int64_t linked = 0;
        for (const indexed_claim& k : r.claims) linked += k.fact_key.empty() ? 0 : 1;
        // A replaced document's index rows go with it (ON DELETE CASCADE); a new one costs one
        // lookup instead of one per table.
        drop.bind(1, r.doc.id).run();
        put.bind(1, r.doc.id).bind(2, r.doc.path).bind(3, r.hash).bind(4, r.doc.metadata.source.value);
        put.bind(5, r.doc.metadata.published.value).bind(6, static_cast<std::int64_t>(r.claims.size())).bind(7, linked);
        put.bind_blob(8, blob).run();
        for (std::size_t i = 0; i < r.claims.size(); ++i) {
          const indexed_claim& k = r.claims[i];
          add.bind(1, r.doc.id).bind(2, static_cast<std::int64_t>(i)).bind(3, k.fact_key).bind(4, k.subject);
          add.bind(5, k.attribute).bind(6, k.unit).bind(7, k.value).bind(8, k.text).bind(9, k.value_key);
          add.bind(10, std::int64_t{k.settled ? 1 : 0}).run();
        }
        for (const indexed_name& n : r.names) {
          add_name.bind(1, r.doc.id).bind(2, n.name).bind(3, static_cast<std::int64_t>(n.mentions));
          add_name.bind(4, std::int64_t{n.organisation ? 1 : 0}).bind(5, n.romanised).run();
        }
        for (const std::string& key : r.subject_keys) add_key.bind(1, key).bind(2, r.doc.id).run();
      };
      for_each_encoded(records, version, jobs, [&](std::span<const archive_record> chunk, const encoded_records& blobs) {
        for (std::size_t i = 0; i < chunk.size(); ++i) put_one(chunk[i], blobs[i]);
      });
      set_meta("analysis_version", version);
      if (refreshing) exec("DELETE FROM meta WHERE key = 'candidate_index'");
      exec("COMMIT");
      return removed;
    } catch (const error&) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  std::vector<archive_entry> list() override {
    std::vector<archive_entry> out;
    statement q(db_, location_, "SELECT id, path, hash, source, published, claims, linked FROM documents ORDER BY id");
    while (q.step()) {
      out.push_back(archive_entry{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), static_cast<std::size_t>(q.integer(5)),
                                  static_cast<std::size_t>(q.integer(6))});
    }
    return out;
  }

  archive_summary summary() override {
    archive_summary s;
    s.location = location_;
    s.schema_version = std::stoi(meta("schema_version").value_or("0"));
    s.analysis_version = stored_analysis_version();
    statement q(db_, location_, "SELECT count(*), coalesce(sum(claims), 0), coalesce(sum(linked), 0) FROM documents");
    if (q.step()) {
      s.documents = static_cast<std::size_t>(q.integer(0));
      s.claims = static_cast<std::size_t>(q.integer(1));
      s.linked = static_cast<std::size_t>(q.integer(2));
    }
    statement k(db_, location_, "SELECT count(DISTINCT fact_key) FROM claims WHERE fact_key <> ''");
    if (k.step()) s.fact_keys = static_cast<std::size_t>(k.integer(0));
    return s;
  }

  std::vector<archive_record> load_all(unsigned jobs) override {
    std::vector<stored_record> blobs;
    std::string version;
    // One read transaction: a writer committing meanwhile is not seen half way.
    exec("BEGIN");
    try {
      version = stored_analysis_version();
      statement q(db_, location_, "SELECT id, record FROM documents ORDER BY id");
      while (q.step()) blobs.emplace_back(q.text(0), q.blob(1));
      exec("COMMIT");
    } catch (const error&) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    return decode_records(std::move(blobs), location_, version, jobs);
  }

  std::unique_ptr<archive_reader> read() override;

  bool has_candidate_index() override { return meta("candidate_index").value_or("") != "missing"; }

 private:
  friend class sqlite_reader;
  // A refresh rewrites every record; a document added or changed by another process meanwhile
  // would keep the old analysis beside the new one.
  void require_same_documents(const std::vector<archive_record>& records) {
    statement count(db_, location_, "SELECT count(*) FROM documents");
    const bool same_count = count.step() && static_cast<std::size_t>(count.integer(0)) == records.size();
    const bool same_hashes = std::all_of(records.begin(), records.end(), [&](const archive_record& r) { return hash_of(r.doc.id) == r.hash; });
    if (!same_count || !same_hashes) {
      throw error(fmt::format("archive {}: changed by another process during the refresh; nothing was written, run it again",
                              location_));
    }
  }

  void exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string why = message != nullptr ? message : sqlite3_errmsg(db_);
      sqlite3_free(message);
      throw error(fmt::format("archive {}: {}", location_, why));
    }
  }

  // Two processes creating one archive at once: switching a new file to WAL needs it to itself,
  // and SQLite answers "locked" at once instead of waiting on the busy timeout; wait here.
  void enter_wal_mode() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (;;) {
      const int rc = sqlite3_exec(db_, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
      if (rc == SQLITE_OK) return;
      const int primary = rc & 0xff;
      if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline) {
        throw error(fmt::format("archive {}: {}", location_, sqlite3_errmsg(db_)));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  std::optional<std::string> meta(const char* key) {
    statement q(db_, location_, "SELECT value FROM meta WHERE key = ?1");
    const std::string name = key;
    q.bind(1, name);
    if (q.step()) return q.text(0);
    return std::nullopt;
  }

  void set_meta(const char* key, const std::string& value) {
    statement q(db_, location_, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
    const std::string name = key;
    q.bind(1, name).bind(2, value).run();
  }

  // Makes the tables of a new archive, or checks that an existing file is an archive this
  // version reads. SQLite reads a file lazily: a corrupt or foreign file shows up here.
  void prepare() {
    int tables = 0;
    {
      char* message = nullptr;
      const int rc = sqlite3_exec(
          db_, "SELECT count(*) FROM sqlite_master",
          [](void* out, int, char** values, char**) {
            *static_cast<int*>(out) = values[0] != nullptr ? std::atoi(values[0]) : 0;
            return 0;
          },
          &tables, &message);
      if (rc != SQLITE_OK) {
        const std::string why = message != nullptr ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        throw error(fmt::format("archive {}: not a factcheck archive, or damaged: {}", location_, why));
      }
    }
    exec("PRAGMA foreign_keys = ON");
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process still loses
    // nothing committed (the WAL is in the OS's hands); only a power cut or an OS crash may drop
    // the last commits, never corrupt the file. FULL cost a sync per add and per checkpoint.
    exec("PRAGMA synchronous = NORMAL");
    if (tables == 0) {
      enter_wal_mode();
      exec("BEGIN IMMEDIATE");
      // Two processes creating one archive at once: the second finds the first one's tables.
      if (!has_table("meta")) {
        exec(schema_sql);
        exec(candidate_index_sql);
        exec(settled_index_sql);
        set_meta("format", "factcheck-archive");
        set_meta("schema_version", std::to_string(archive_schema_version));
      }
      exec("COMMIT");
    }
    if (!has_table("meta") || meta("format").value_or("") != "factcheck-archive") {
      throw error(fmt::format("archive {}: a SQLite database, but not a factcheck archive (it has no factcheck meta table); "
                              "name another file with --archive",
                              location_));
    }
    const int version = std::stoi(meta("schema_version").value_or("0"));
    if (version > archive_schema_version) {
      throw error(fmt::format("archive {}: schema version {} was written by a newer factcheck (this one reads version {}); "
                              "use that version",
                              location_, version, archive_schema_version));
    }
    if (version < 1) throw error(fmt::format("archive {}: schema version {} is not one factcheck ever wrote", location_, version));
    // Older schemas are migrated here, one step at a time, each in its own transaction.
    if (version == 1) migrate_to_2();
    if (version <= 2) migrate_to_3();
  }

  // Schema 2 adds the candidate index of draft checks (issue 15). Its rows come from the records,
  // which schema 1 did not have: the analysis version changed with it, so the archive asks for
  // `archive refresh`, which fills them.
  void migrate_to_2() {
    migrate_from("1", "2", [&] {
      exec("ALTER TABLE claims ADD COLUMN value_key TEXT NOT NULL DEFAULT ''");
      exec(candidate_index_sql);
    });
  }

  // Schema 3 (issue 15) marks the claims that count toward subject ties in any corpus
  // (`claims.settled`), and `value_key` holds the qualifiers: a draft check skips a value that
  // more subjects state than the tie pass counts. The rows come from a refresh (the analysis
  // version changed with it); until then a draft check reads every record.
  void migrate_to_3() {
    migrate_from("2", "3", [&] {
      exec("ALTER TABLE claims ADD COLUMN settled INTEGER NOT NULL DEFAULT 0");
      exec(settled_index_sql);
    });
  }

  // One schema step in its own transaction: the step's statements, the new version, and the
  // candidate index marked missing until a refresh writes every record again. Skipped when
  // another process migrated the archive meanwhile.
  template <typename Step>
  void migrate_from(const char* from, const char* to, const Step& step) {
    exec("BEGIN IMMEDIATE");
    try {
      if (meta("schema_version").value_or("") == from) {
        step();
        set_meta("schema_version", to);
        set_meta("candidate_index", "missing");
      }
      exec("COMMIT");
    } catch (const error&) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  bool has_table(const char* name) {
    statement q(db_, location_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    const std::string table = name;
    q.bind(1, table);
    return q.step();
  }

  std::string location_;
  sqlite3* db_ = nullptr;
};

// One read transaction over the candidate index and the records.
class sqlite_reader final : public archive_reader {
 public:
  explicit sqlite_reader(sqlite_store& store) : store_(store) {
    store_.exec("BEGIN");
    version_ = store_.stored_analysis_version();
  }
  sqlite_reader(const sqlite_reader&) = delete;
  sqlite_reader& operator=(const sqlite_reader&) = delete;
  ~sqlite_reader() override { sqlite3_exec(store_.db_, "COMMIT", nullptr, nullptr, nullptr); }

  std::vector<std::string> documents_with_keys(const std::vector<std::string>& keys) override {
    return ids("SELECT DISTINCT document FROM subject_keys WHERE key IN (SELECT value FROM json_each(?1))", keys);
  }
  std::vector<std::string> documents_with_values(const std::vector<std::string>& value_keys) override {
    return ids("SELECT DISTINCT document FROM claims WHERE value_key IN (SELECT value FROM json_each(?1)) AND value_key <> ''",
               value_keys);
  }
  std::map<std::string, std::map<std::string, std::vector<std::string>>> settled_documents(
      const std::vector<std::string>& value_keys, const std::vector<std::string>& leave_out, std::size_t limit) override {
    std::map<std::string, std::map<std::string, std::vector<std::string>>> out;
    if (value_keys.empty()) return out;
    // The first `limit` documents of each value (row_number over the value's documents), then
    // their keys: a value many documents state costs `limit` of them, not all.
    statement q(store_.db_, store_.location_,
                "WITH d AS (SELECT DISTINCT value_key, document FROM claims "
                "WHERE value_key IN (SELECT value FROM json_each(?1)) AND value_key <> '' AND settled = 1 "
                "AND document NOT IN (SELECT value FROM json_each(?2))), "
                "r AS (SELECT value_key, document, row_number() OVER (PARTITION BY value_key ORDER BY document) AS n FROM d) "
                "SELECT r.value_key, r.document, s.key FROM r JOIN subject_keys s ON s.document = r.document "
                "WHERE ?3 = 0 OR r.n <= ?3");
    const std::string values = json_list(value_keys);
    const std::string left = json_list(leave_out);
    q.bind(1, values).bind(2, left).bind(3, static_cast<std::int64_t>(limit));
    while (q.step()) out[q.text(0)][q.text(1)].push_back(q.text(2));
    return out;
  }
  std::vector<std::string> documents_at_paths(const std::vector<std::string>& paths) override {
    return ids("SELECT id FROM documents WHERE path IN (SELECT value FROM json_each(?1))", paths);
  }
  corpus_names names(const std::vector<std::string>& prefixes, const std::vector<std::string>& romanised,
                     const std::vector<std::string>& leave_out) override {
    corpus_names out;
    statement orgs(store_.db_, store_.location_,
                   "SELECT DISTINCT name FROM names WHERE organisation = 1 AND name IN (SELECT value FROM json_each(?1)) "
                   "AND document NOT IN (SELECT value FROM json_each(?2))");
    const std::string prefix_list = json_list(prefixes);
    const std::string leave_out_list = json_list(leave_out);
    orgs.bind(1, prefix_list).bind(2, leave_out_list);
    while (orgs.step()) out.organisations.insert(orgs.text(0));
    statement counts(store_.db_, store_.location_,
                     "SELECT name, sum(mentions) FROM names WHERE romanised IN (SELECT value FROM json_each(?1)) "
                     "AND romanised <> '' AND document NOT IN (SELECT value FROM json_each(?2)) GROUP BY name");
    const std::string romanised_list = json_list(romanised);
    counts.bind(1, romanised_list).bind(2, leave_out_list);
    while (counts.step()) out.mentions[counts.text(0)] = static_cast<std::size_t>(counts.integer(1));
    return out;
  }
  std::vector<archive_record> load(const std::vector<std::string>& wanted, unsigned jobs) override {
    std::vector<stored_record> blobs;
    statement q(store_.db_, store_.location_, "SELECT id, record FROM documents WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id");
    const std::string list = json_list(wanted);
    q.bind(1, list);
    while (q.step()) blobs.emplace_back(q.text(0), q.blob(1));
    return decode_records(std::move(blobs), store_.location_, version_, jobs);
  }

 private:
  std::vector<std::string> ids(const char* sql, const std::vector<std::string>& values) {
    std::vector<std::string> out;
    if (values.empty()) return out;
    statement q(store_.db_, store_.location_, sql);
    const std::string list = json_list(values);
    q.bind(1, list);
    while (q.step()) out.push_back(q.text(0));
    return out;
  }
  sqlite_store& store_;
  std::string version_;
};

std::unique_ptr<archive_reader> sqlite_store::read() { return std::make_unique<sqlite_reader>(*this); }

}  // namespace

bool is_postgres_location(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<archive_store> open_archive(const std::string& location, archive_access access) {
  if (is_postgres_location(location)) return open_postgres_archive(location, access);
  return std::make_unique<sqlite_store>(location, access);
}

}  // namespace checker
