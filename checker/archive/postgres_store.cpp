// The shared archive: a PostgreSQL database reached with libpq, named by a `postgresql://` or
// `postgres://` URL. Same tables as the SQLite store (prefixed `factcheck_`, so that a database
// holding other tables is recognised as foreign), records as `bytea`.
//
// Writers: every write is one transaction that first takes a transaction-scoped advisory lock
// (`pg_advisory_xact_lock`), so writers on any number of machines queue for the few seconds a
// write takes, like SQLite's IMMEDIATE transactions; the analysis before it runs in parallel.
// Chosen over SERIALIZABLE with retries because a refresh must see every document unchanged
// and the analysis-version check must see the last committed version: with the lock taken
// first, READ COMMITTED gives both, with no retry loop and no serialisation failures to report.
// Readers take no lock: `load_all` reads in one REPEATABLE READ snapshot.
// Every value is a bound parameter (PQexecParams / PQexecPrepared), never spliced into SQL.
#include <libpq-fe.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "archive/archive.h"

namespace checker {
namespace {

// The advisory lock every writer of a factcheck archive takes ("fcarchiv" as 8 bytes).
constexpr const char* writer_lock_key = "7386017498862586230";

constexpr const char* schema_sql = R"sql(
CREATE TABLE IF NOT EXISTS factcheck_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS factcheck_documents (
  id TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  hash TEXT NOT NULL,
  source TEXT NOT NULL,
  published TEXT NOT NULL,
  claims BIGINT NOT NULL,
  linked BIGINT NOT NULL,
  record BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS factcheck_claims (
  document TEXT NOT NULL REFERENCES factcheck_documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  fact_key TEXT NOT NULL,
  subject TEXT NOT NULL,
  attribute TEXT NOT NULL,
  unit TEXT NOT NULL,
  value TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (document, ordinal)
);
CREATE INDEX IF NOT EXISTS factcheck_claims_by_fact_key ON factcheck_claims(fact_key) WHERE fact_key <> '';
)sql";

// Schema 2 (issue 15): the candidate index of draft checks; also the migration from schema 1.
constexpr const char* candidate_index_sql = R"sql(
ALTER TABLE factcheck_claims ADD COLUMN IF NOT EXISTS value_key TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS factcheck_claims_by_value_key ON factcheck_claims(value_key) WHERE value_key <> '';
CREATE INDEX IF NOT EXISTS factcheck_documents_by_path ON factcheck_documents(path);
CREATE TABLE IF NOT EXISTS factcheck_names (
  document TEXT NOT NULL REFERENCES factcheck_documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  mentions BIGINT NOT NULL,
  organisation BOOLEAN NOT NULL,
  romanised TEXT NOT NULL,
  PRIMARY KEY (document, name)
);
CREATE INDEX IF NOT EXISTS factcheck_names_by_name ON factcheck_names(name) WHERE organisation;
CREATE INDEX IF NOT EXISTS factcheck_names_by_romanised ON factcheck_names(romanised) WHERE romanised <> '';
CREATE TABLE IF NOT EXISTS factcheck_subject_keys (
  key TEXT NOT NULL,
  document TEXT NOT NULL REFERENCES factcheck_documents(id) ON DELETE CASCADE,
  PRIMARY KEY (key, document)
);
CREATE INDEX IF NOT EXISTS factcheck_subject_keys_by_document ON factcheck_subject_keys(document);
)sql";

// Schema 3 (issue 15): the claims that count toward subject ties in any corpus; also the
// migration from schema 2.
// The index holds the document too: counting a value's subjects reads no table row.
constexpr const char* settled_sql =
    "ALTER TABLE factcheck_claims ADD COLUMN IF NOT EXISTS settled BOOLEAN NOT NULL DEFAULT false; "
    "CREATE INDEX IF NOT EXISTS factcheck_claims_settled_by_value_key ON factcheck_claims(value_key, document) WHERE settled";

// A list bound as one `text[]` parameter (the array's text form, every element quoted).
std::string array_literal(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const std::string& v : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

// A result that clears itself.
class result {
 public:
  explicit result(PGresult* r) : r_(r) {}
  result(const result&) = delete;
  result& operator=(const result&) = delete;
  result(result&& other) noexcept : r_(std::exchange(other.r_, nullptr)) {}
  ~result() { PQclear(r_); }
  int rows() const { return PQntuples(r_); }
  std::string text(int row, int col) const {
    return std::string(PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col)));
  }
  std::int64_t integer(int row, int col) const { return std::stoll(text(row, col)); }
  std::vector<std::uint8_t> bytes(int row, int col) const {
    const auto* p = reinterpret_cast<const std::uint8_t*>(PQgetvalue(r_, row, col));
    return std::vector<std::uint8_t>(p, p + PQgetlength(r_, row, col));
  }
  PGresult* get() const { return r_; }

 private:
  PGresult* r_;
};

// A bound parameter: text, or binary bytes for a `bytea`.
struct param {
  const char* data;
  int length;
  int binary;
};

param text_param(const std::string& s) { return param{s.c_str(), static_cast<int>(s.size()), 0}; }

// The password of `url`, in its user part or its query, replaced by `***`: messages name the
// archive, never its secret.
std::string without_password(const std::string& url) {
  std::string out = url;
  const std::size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const std::size_t start = scheme + 3;
    const std::size_t end = std::min(out.find_first_of("/?", start), out.size());
    const std::size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
      const std::size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (std::size_t at = out.find("password="); at != std::string::npos; at = out.find("password=", at + 1)) {
    const bool is_key = at == 0 || out[at - 1] == '?' || out[at - 1] == '&';
    if (!is_key) continue;
    const std::size_t value = at + std::strlen("password=");
    const std::size_t end = std::min(out.find('&', value), out.size());
    out.replace(value, end - value, "***");
  }
  return out;
}

// libpq's messages end with a newline and may span lines; one line reads better after a name.
std::string one_line(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::string out;
  for (char c : message) {
    const char d = (c == '\n' || c == '\t') ? ' ' : c;
    if (d != ' ' || out.empty() || out.back() != ' ') out += d;
  }
  return out;
}

class postgres_store final : public archive_store {
 public:
  postgres_store(const std::string& url, archive_access access) : location_(without_password(url)) {
    // A host that drops packets would otherwise hold the command for minutes; a timeout in the
    // URL (`?connect_timeout=N`) overrides this one.
    const char* keys[] = {"connect_timeout", "dbname", nullptr};
    const char* values[] = {"15", url.c_str(), nullptr};
    conn_ = PQconnectdbParams(keys, values, 1);
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
      std::string why = conn_ != nullptr ? one_line(PQerrorMessage(conn_)) : "out of memory";
      // libpq quotes a URL it cannot parse whole, password included.
      for (std::size_t at = why.find(url); !url.empty() && at != std::string::npos; at = why.find(url, at + location_.size())) {
        why.replace(at, url.size(), location_);
      }
      PQfinish(conn_);
      conn_ = nullptr;
      throw error(fmt::format("archive {}: cannot connect to the PostgreSQL server: {}", location_, why));
    }
    try {
      if (PQsetClientEncoding(conn_, "UTF8") != 0) fail("setting the client encoding to UTF8");
      exec("SET client_min_messages = warning");
      prepare(access);
    } catch (const error&) {
      PQfinish(conn_);
      conn_ = nullptr;
      throw;
    }
  }
  postgres_store(const postgres_store&) = delete;
  postgres_store& operator=(const postgres_store&) = delete;
  ~postgres_store() override { PQfinish(conn_); }

  const std::string& location() const override { return location_; }

  std::string stored_analysis_version() override { return meta("analysis_version").value_or(""); }

  std::optional<std::string> hash_of(const std::string& id) override {
    const result r = query("SELECT hash FROM factcheck_documents WHERE id = $1", {text_param(id)});
    if (r.rows() > 0) return r.text(0, 0);
    return std::nullopt;
  }

  std::map<std::string, std::string> hashes_of(const std::vector<std::string>& ids) override {
    std::map<std::string, std::string> out;
    const std::string list = array_literal(ids);
    const result r = query("SELECT id, hash FROM factcheck_documents WHERE id = ANY($1::text[])", {text_param(list)});
    for (int i = 0; i < r.rows(); ++i) out.emplace(r.text(i, 0), r.text(i, 1));
    return out;
  }

  std::size_t write(const std::vector<archive_record>& records, const std::vector<std::string>& remove,
                    const std::string& version, bool refreshing, unsigned jobs) override {
    exec("BEGIN");
    try {
      lock_writers();
      if (refreshing) require_same_documents(records);
      if (const std::string stored = stored_analysis_version(); !refreshing && !stored.empty() && stored != version) {
        throw error(fmt::format("archive {}: its records were made by analysis version {}, this factcheck is {}; run "
                                "`factcheck archive refresh --archive {}` first",
                                location_, stored, version, location_));
      }
      std::size_t removed = 0;
      for (const std::string& id : remove) {
        const result r = query("DELETE FROM factcheck_documents WHERE id = $1", {text_param(id)});
        removed += static_cast<std::size_t>(std::stoul(PQcmdTuples(r.get())));
      }
      for_each_encoded(records, version, jobs,
                       [&](std::span<const archive_record> chunk, const encoded_records& blobs) { put_chunk(chunk, blobs); });
      set_meta("analysis_version", version);
      if (refreshing) exec("DELETE FROM factcheck_meta WHERE key = 'candidate_index'");
      exec("COMMIT");
      return removed;
    } catch (const error&) {
      PQclear(PQexec(conn_, "ROLLBACK"));
      throw;
    }
  }

  std::vector<archive_entry> list() override {
    std::vector<archive_entry> out;
    // Byte order, as SQLite's: the listing does not depend on the database's collation.
    const result r = query(
        "SELECT id, path, hash, source, published, claims, linked FROM factcheck_documents ORDER BY id COLLATE \"C\"", {});
    for (int i = 0; i < r.rows(); ++i) {
      out.push_back(archive_entry{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4),
                                  static_cast<std::size_t>(r.integer(i, 5)), static_cast<std::size_t>(r.integer(i, 6))});
    }
    return out;
  }

  // Counted in the database: the claims never travel to this process.
  archive_summary summary() override {
    archive_summary s;
    s.location = location_;
    exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      s.schema_version = std::stoi(meta("schema_version").value_or("0"));
      s.analysis_version = stored_analysis_version();
      const result d = query("SELECT count(*), coalesce(sum(claims), 0), coalesce(sum(linked), 0) FROM factcheck_documents", {});
      s.documents = static_cast<std::size_t>(d.integer(0, 0));
      s.claims = static_cast<std::size_t>(d.integer(0, 1));
      s.linked = static_cast<std::size_t>(d.integer(0, 2));
      const result k = query(
          "SELECT count(*) FROM (SELECT fact_key FROM factcheck_claims WHERE fact_key <> '' GROUP BY fact_key) AS groups", {});
      s.fact_keys = static_cast<std::size_t>(k.integer(0, 0));
      exec("COMMIT");
    } catch (const error&) {
      PQclear(PQexec(conn_, "ROLLBACK"));
      throw;
    }
    return s;
  }

  std::vector<archive_record> load_all(unsigned jobs) override {
    std::vector<stored_record> blobs;
    std::string version;
    // One snapshot: a writer committing meanwhile is not seen half way.
    exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      version = stored_analysis_version();
      const result r = query("SELECT id, record FROM factcheck_documents ORDER BY id COLLATE \"C\"", {}, 1);
      blobs.reserve(static_cast<std::size_t>(r.rows()));
      for (int i = 0; i < r.rows(); ++i) blobs.emplace_back(r.text(i, 0), r.bytes(i, 1));
      exec("COMMIT");
    } catch (const error&) {
      PQclear(PQexec(conn_, "ROLLBACK"));
      throw;
    }
    return decode_records(std::move(blobs), location_, version, jobs);
  }

  std::unique_ptr<archive_reader> read() override;

  bool has_candidate_index() override { return meta("candidate_index").value_or("") != "missing"; }

 private:
  friend class postgres_reader;
  [[noreturn]] void fail(const std::string& what) const {
    throw error(fmt::format("archive {}: {} failed: {}", location_, what, one_line(PQerrorMessage(conn_))));
  }

  // libpq's three parallel arrays for `params`.
  struct bound_params {
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    explicit bound_params(const std::vector<param>& params) {
      for (const param& p : params) {
        values.push_back(p.data);
        lengths.push_back(p.length);
        formats.push_back(p.binary);
      }
    }
    int count() const { return static_cast<int>(values.size()); }
  };

  // Runs `sql` with `params` bound; `binary_result` 1 asks for every column in binary form.
  result query(const char* sql, const std::vector<param>& params, int binary_result = 0) {
    const bound_params b(params);
    result r(PQexecParams(conn_, sql, b.count(), nullptr, b.values.data(), b.lengths.data(), b.formats.data(), binary_result));
    check(r, sql);
    return r;
  }

  result prepared(const char* name, const std::vector<param>& params) {
    const bound_params b(params);
    result r(PQexecPrepared(conn_, name, b.count(), b.values.data(), b.lengths.data(), b.formats.data(), 0));
    check(r, name);
    return r;
  }

  void check(const result& r, const char* what) const {
    const ExecStatusType status = r.get() == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(r.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const std::string statement(what, std::min<std::size_t>(std::strlen(what), 40));
      fail(fmt::format("`{}...`", statement));
    }
  }

  // A command without parameters (PQexec runs several at once: the schema).
  void exec(const char* sql) {
    const result r(PQexec(conn_, sql));
    check(r, sql);
  }

  void lock_writers() { query("SELECT pg_advisory_xact_lock($1::bigint)", {text_param(writer_lock_key)}); }

  // Writes a chunk of records and their index rows, replacing documents of the same ids, in a
  // few statements for the whole chunk (round trips were the cost of an add on PostgreSQL: five
  // per document). A chunk that names one document twice (an import of two shards holding it) is
  // cut before the second, which then replaces the first, as it would one at a time.
  void put_chunk(std::span<const archive_record> chunk, const encoded_records& blobs) {
    std::set<std::string> ids;
    std::size_t first = 0;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      if (ids.insert(chunk[i].doc.id).second) continue;
      put_batch(chunk.subspan(first, i - first), std::span<const std::vector<std::uint8_t>>(blobs).subspan(first, i - first));
      first = i;
      ids = {chunk[i].doc.id};
    }
    put_batch(chunk.subspan(first), std::span<const std::vector<std::uint8_t>>(blobs).subspan(first));
  }

  // `batch` holds each id once.
  void put_batch(std::span<const archive_record> batch, std::span<const std::vector<std::uint8_t>> blobs) {
    if (batch.empty()) return;
    if (!statements_prepared_) prepare_statements();
    std::vector<std::string> ids;
    for (const archive_record& r : batch) ids.push_back(r.doc.id);
    const std::string id_list = array_literal(ids);
    prepared("factcheck_clear", {text_param(id_list)});
    put_documents(batch, blobs);
    add_claims(batch);
    add_names(batch);
  }

  // The documents' rows, one statement of many rows (8 parameters each, 256 rows far below
  // libpq's 65535); only placeholders are generated, the values are bound.
  void put_documents(std::span<const archive_record> batch, std::span<const std::vector<std::uint8_t>> blobs) {
    std::vector<std::string> counts;
    counts.reserve(batch.size() * 2);  // never reallocated: params point into it
    std::vector<param> params;
    std::string sql = "INSERT INTO factcheck_documents (id, path, hash, source, published, claims, linked, record) VALUES ";
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const archive_record& r = batch[i];
      std::int64_t linked = 0;
      for (const indexed_claim& k : r.claims) linked += k.fact_key.empty() ? 0 : 1;
      counts.push_back(std::to_string(r.claims.size()));
      counts.push_back(std::to_string(linked));
      const std::size_t n = params.size();
      sql += fmt::format("{}(${}, ${}, ${}, ${}, ${}, ${}::bigint, ${}::bigint, ${}::bytea)", i == 0 ? "" : ", ", n + 1, n + 2,
                         n + 3, n + 4, n + 5, n + 6, n + 7, n + 8);
      const std::initializer_list<const std::string*> row = {&r.doc.id, &r.doc.path, &r.hash, &r.doc.metadata.source.value,
                                                             &r.doc.metadata.published.value, &counts[counts.size() - 2],
                                                             &counts.back()};
      for (const std::string* field : row) params.push_back(text_param(*field));
      params.push_back(param{reinterpret_cast<const char*>(blobs[i].data()), static_cast<int>(blobs[i].size()), 1});
    }
    sql +=
        " ON CONFLICT (id) DO UPDATE SET path = EXCLUDED.path, hash = EXCLUDED.hash, source = EXCLUDED.source, "
        "published = EXCLUDED.published, claims = EXCLUDED.claims, linked = EXCLUDED.linked, record = EXCLUDED.record";
    query(sql.c_str(), params);
  }

  // The claim index rows of a batch, one statement of arrays (`unnest`) whatever their number.
  void add_claims(std::span<const archive_record> batch) {
    std::vector<std::vector<std::string>> columns(10);
    for (const archive_record& r : batch) {
      for (std::size_t i = 0; i < r.claims.size(); ++i) {
        const indexed_claim& k = r.claims[i];
        const std::initializer_list<std::string> row = {r.doc.id, std::to_string(i), k.fact_key, k.subject, k.attribute,
                                                        k.unit,   k.value,           k.text,     k.value_key,
                                                        k.settled ? "t" : "f"};
        std::size_t c = 0;
        for (const std::string& field : row) columns[c++].push_back(field);
      }
    }
    if (columns[0].empty()) return;
    std::vector<std::string> arrays;
    for (const std::vector<std::string>& column : columns) arrays.push_back(array_literal(column));
    std::vector<param> params;
    for (const std::string& a : arrays) params.push_back(text_param(a));
    query("INSERT INTO factcheck_claims (document, ordinal, fact_key, subject, attribute, unit, value, text, value_key, settled) "
          "SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], "
          "$8::text[], $9::text[], $10::boolean[])",
          params);
  }

  // The candidate index of a batch (issue 15): its names and its subject keys, each table in one
  // statement of arrays.
  void add_names(std::span<const archive_record> batch) {
    std::vector<std::string> documents, names, mentions, organisations, romanised, key_documents, keys;
    for (const archive_record& r : batch) {
      for (const indexed_name& n : r.names) {
        documents.push_back(r.doc.id);
        names.push_back(n.name);
        mentions.push_back(std::to_string(n.mentions));
        organisations.push_back(n.organisation ? "t" : "f");
        romanised.push_back(n.romanised);
      }
      for (const std::string& key : r.subject_keys) {
        keys.push_back(key);
        key_documents.push_back(r.doc.id);
      }
    }
    if (!names.empty()) {
      const std::string a = array_literal(documents), b = array_literal(names), c = array_literal(mentions),
                        d = array_literal(organisations), e = array_literal(romanised);
      query("INSERT INTO factcheck_names (document, name, mentions, organisation, romanised) "
            "SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::boolean[], $5::text[])",
            {text_param(a), text_param(b), text_param(c), text_param(d), text_param(e)});
    }
    if (!keys.empty()) {
      const std::string a = array_literal(keys), b = array_literal(key_documents);
      query("INSERT INTO factcheck_subject_keys (key, document) SELECT * FROM unnest($1::text[], $2::text[])",
            {text_param(a), text_param(b)});
    }
  }

  void prepare_statements() {
    const std::pair<const char*, const char*> statements[] = {
        // One round trip for the three index tables of the replaced documents of a batch.
        {"factcheck_clear",
         "WITH c AS (DELETE FROM factcheck_claims WHERE document = ANY($1::text[])), "
         "n AS (DELETE FROM factcheck_names WHERE document = ANY($1::text[])) "
         "DELETE FROM factcheck_subject_keys WHERE document = ANY($1::text[])"},
    };
    for (const auto& [name, sql] : statements) {
      const result r(PQprepare(conn_, name, sql, 0, nullptr));
      check(r, name);
    }
    statements_prepared_ = true;
  }

  // A refresh rewrites every record; a document added or changed by another writer meanwhile
  // would keep the old analysis beside the new one.
  void require_same_documents(const std::vector<archive_record>& records) {
    const result count = query("SELECT count(*) FROM factcheck_documents", {});
    const bool same_count = static_cast<std::size_t>(count.integer(0, 0)) == records.size();
    const bool same_hashes =
        std::all_of(records.begin(), records.end(), [&](const archive_record& r) { return hash_of(r.doc.id) == r.hash; });
    if (!same_count || !same_hashes) {
      throw error(fmt::format("archive {}: changed by another process during the refresh; nothing was written, run it again",
                              location_));
    }
  }

  std::optional<std::string> meta(const std::string& key) {
    const result r = query("SELECT value FROM factcheck_meta WHERE key = $1", {text_param(key)});
    if (r.rows() > 0) return r.text(0, 0);
    return std::nullopt;
  }

  void set_meta(const std::string& key, const std::string& value) {
    query("INSERT INTO factcheck_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
          {text_param(key), text_param(value)});
  }

  bool has_meta_table() {
    const result r = query("SELECT to_regclass('factcheck_meta') IS NOT NULL", {});
    return r.text(0, 0) == "t";
  }

  // Tables of the current schema that are not factcheck's: a database that holds them is not
  // an archive to write into.
  std::int64_t foreign_tables() {
    const result r = query(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE 'factcheck\\_%'",
        {});
    return r.integer(0, 0);
  }

  // Makes the tables of a new archive (under the writers' lock: two writers creating one archive
  // at once both find it made), or checks that the database is an archive this version reads.
  void prepare(archive_access access) {
    if (!has_meta_table()) {
      if (foreign_tables() > 0) {
        throw error(fmt::format("archive {}: a PostgreSQL database, but not a factcheck archive (it has tables of its own and "
                                "no factcheck_meta table); name an empty database",
                                location_));
      }
      if (access == archive_access::existing) {
        throw error(fmt::format("archive {}: no such archive (make one with `factcheck archive add PATH... --archive {}`)",
                                location_, location_));
      }
      exec("BEGIN");
      try {
        lock_writers();
        if (!has_meta_table()) {
          exec(schema_sql);
          exec(candidate_index_sql);
          exec(settled_sql);
          set_meta("format", "factcheck-archive");
          set_meta("schema_version", std::to_string(archive_schema_version));
        }
        exec("COMMIT");
      } catch (const error&) {
        PQclear(PQexec(conn_, "ROLLBACK"));
        throw;
      }
    }
    if (meta("format").value_or("") != "factcheck-archive") {
      throw error(fmt::format("archive {}: a PostgreSQL database, but not a factcheck archive (its factcheck_meta table does "
                              "not say so); name another database",
                              location_));
    }
    int version = 0;
    try {
      version = std::stoi(meta("schema_version").value_or("0"));
    } catch (const std::exception&) {
      version = 0;
    }
    if (version > archive_schema_version) {
      throw error(fmt::format("archive {}: schema version {} was written by a newer factcheck (this one reads version {}); "
                              "use that version",
                              location_, version, archive_schema_version));
    }
    if (version < 1) throw error(fmt::format("archive {}: schema version {} is not one factcheck ever wrote", location_, version));
    if (version == 1) migrate_to_2();
    if (version <= 2) migrate_to_3();
  }

  // Schema 2 adds the candidate index of draft checks (issue 15); `archive refresh` fills it (the
  // analysis version changed with it, so the archive asks for one).
  void migrate_to_2() { migrate_from("1", "2", candidate_index_sql); }

  // Schema 3 marks the claims that count toward subject ties in any corpus and puts the
  // qualifiers in `value_key`; a refresh fills them (the analysis version changed with it).
  void migrate_to_3() { migrate_from("2", "3", settled_sql); }

  // One schema step in its own transaction, writers locked out: the step's statements, the new
  // version, and the candidate index marked missing until a refresh writes every record again.
  // Skipped when another writer migrated the archive meanwhile.
  void migrate_from(const char* from, const char* to, const char* step_sql) {
    exec("BEGIN");
    try {
      lock_writers();
      if (meta("schema_version").value_or("") == from) {
        exec(step_sql);
        set_meta("schema_version", to);
        set_meta("candidate_index", "missing");
      }
      exec("COMMIT");
    } catch (const error&) {
      PQclear(PQexec(conn_, "ROLLBACK"));
      throw;
    }
  }

  std::string location_;
  PGconn* conn_ = nullptr;
  bool statements_prepared_ = false;
};

// One REPEATABLE READ snapshot over the candidate index and the records; each list is one
// parameter (`= ANY($1::text[])`), each lookup one round trip.
class postgres_reader final : public archive_reader {
 public:
  explicit postgres_reader(postgres_store& store) : store_(store) {
    store_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    version_ = store_.stored_analysis_version();
  }
  postgres_reader(const postgres_reader&) = delete;
  postgres_reader& operator=(const postgres_reader&) = delete;
  ~postgres_reader() override { PQclear(PQexec(store_.conn_, "COMMIT")); }

  std::vector<std::string> documents_with_keys(const std::vector<std::string>& keys) override {
    return ids("SELECT DISTINCT document FROM factcheck_subject_keys WHERE key = ANY($1::text[])", keys);
  }
  std::vector<std::string> documents_with_values(const std::vector<std::string>& value_keys) override {
    return ids("SELECT DISTINCT document FROM factcheck_claims WHERE value_key = ANY($1::text[]) AND value_key <> ''", value_keys);
  }
  std::map<std::string, std::map<std::string, std::vector<std::string>>> settled_documents(
      const std::vector<std::string>& value_keys, const std::vector<std::string>& leave_out, std::size_t limit) override {
    std::map<std::string, std::map<std::string, std::vector<std::string>>> out;
    if (value_keys.empty()) return out;
    const std::string values = array_literal(value_keys), left = array_literal(leave_out), most = std::to_string(limit);
    // The first `limit` documents of each value, then their keys, in one round trip.
    const result r = store_.query(
        "WITH d AS (SELECT DISTINCT value_key, document FROM factcheck_claims "
        "WHERE value_key = ANY($1::text[]) AND value_key <> '' AND settled AND NOT (document = ANY($2::text[]))), "
        "r AS (SELECT value_key, document, row_number() OVER (PARTITION BY value_key ORDER BY document COLLATE \"C\") AS n FROM d) "
        "SELECT r.value_key, r.document, s.key FROM r JOIN factcheck_subject_keys s ON s.document = r.document "
        "WHERE $3::bigint = 0 OR r.n <= $3::bigint",
        {text_param(values), text_param(left), text_param(most)});
    for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)][r.text(i, 1)].push_back(r.text(i, 2));
    return out;
  }
  std::vector<std::string> documents_at_paths(const std::vector<std::string>& paths) override {
    return ids("SELECT id FROM factcheck_documents WHERE path = ANY($1::text[])", paths);
  }
  corpus_names names(const std::vector<std::string>& prefixes, const std::vector<std::string>& romanised,
                     const std::vector<std::string>& leave_out) override {
    corpus_names out;
    const std::string p = array_literal(prefixes), r = array_literal(romanised), l = array_literal(leave_out);
    const result orgs = store_.query(
        "SELECT DISTINCT name FROM factcheck_names WHERE organisation AND name = ANY($1::text[]) AND NOT (document = ANY($2::text[]))",
        {text_param(p), text_param(l)});
    for (int i = 0; i < orgs.rows(); ++i) out.organisations.insert(orgs.text(i, 0));
    const result counts = store_.query(
        "SELECT name, sum(mentions) FROM factcheck_names WHERE romanised = ANY($1::text[]) AND romanised <> '' "
        "AND NOT (document = ANY($2::text[])) GROUP BY name",
        {text_param(r), text_param(l)});
    for (int i = 0; i < counts.rows(); ++i) out.mentions[counts.text(i, 0)] = static_cast<std::size_t>(counts.integer(i, 1));
    return out;
  }
  std::vector<archive_record> load(const std::vector<std::string>& wanted, unsigned jobs) override {
    std::vector<stored_record> blobs;
    const std::string list = array_literal(wanted);
    const result r = store_.query("SELECT id, record FROM factcheck_documents WHERE id = ANY($1::text[]) ORDER BY id COLLATE \"C\"",
                                  {text_param(list)}, 1);
    for (int i = 0; i < r.rows(); ++i) blobs.emplace_back(r.text(i, 0), r.bytes(i, 1));
    return decode_records(std::move(blobs), store_.location_, version_, jobs);
  }

 private:
  std::vector<std::string> ids(const char* sql, const std::vector<std::string>& values) {
    std::vector<std::string> out;
    if (values.empty()) return out;
    const std::string list = array_literal(values);
    const result r = store_.query(sql, {text_param(list)});
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
  }
  postgres_store& store_;
  std::string version_;
};

std::unique_ptr<archive_reader> postgres_store::read() { return std::make_unique<postgres_reader>(*this); }

}  // namespace

std::unique_ptr<archive_store> open_postgres_archive(const std::string& url, archive_access access) {
  return std::make_unique<postgres_store>(url, access);
}

std::string archive_display_name(const std::string& location) {
  return is_postgres_location(location) ? without_password(location) : location;
}

}  // namespace checker
