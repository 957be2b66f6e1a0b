#pragma once
// The claim archive (issue 15): documents read and analysed once, stored, and checked later
// without reading their files again. documents (+ their claims) -> a store -> documents.
//
// A record holds what a plain check needs of one document: the ingested document itself (text,
// offset map, metadata and where it came from, the original bytes), the ingest diagnostics it
// raised, a content hash, and an index of its claims by fact key (the document linked on its
// own). The store is behind `archive_store` so that a shared backend (PostgreSQL) can be added
// beside the embedded one (SQLite) without changing the commands. What is corpus-wide (alias
// merging, subject ties, comparison) is not stored: `check --archive` recomputes it over the
// stored documents, so the findings are those of a plain check (docs/archive.md). A draft check
// reads only candidate documents through `archive_reader` (names, subject keys, precise values).
// This stage does not analyse or compare; the pipeline and the CLI do.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "link/link.h"
#include "model/claim.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "segment/segment.h"

namespace checker {

/// The layout of the archive's tables and records; bumped when either changes.
inline constexpr int archive_schema_version = 3;

/// One claim of a record as the index keeps it: enough to find candidate groups by fact key.
struct indexed_claim {
  std::string fact_key;  // subject, attribute, qualifiers and unit joined by `|`; empty if unlinked
  std::string subject;
  std::string attribute;
  std::string unit;
  std::string value;     // the normalised value (`1.2e9`, `2025-01-02`), or empty
  std::string text;      // as written
  /// `subject_tie_key` of the claim (attribute, unit, qualifiers but editions, value) when the
  /// subject-tie pass could count its value, else empty: a draft check finds by it the documents
  /// whose figures could tie subjects (issue 15).
  std::string value_key;
  /// True when the claim is evidence to the subject-tie pass in any corpus, with the qualifiers it
  /// has alone (schema 3): a draft check counts the subjects stating a value by it
  /// (`mark_settled_claims` in pipeline.cpp says when it holds).
  bool settled = false;
  bool operator==(const indexed_claim&) const = default;
};

/// A name of a record as alias merging counts it (issue 15): mentioned `mentions` times in the
/// document's sentences that hold a figure; `romanised` is its romanised key, or empty.
struct indexed_name {
  std::string name;
  std::size_t mentions = 0;
  bool organisation = false;
  std::string romanised;
};

/// One archived document.
struct archive_record {
  document doc;
  diagnostics ingest_diags;  // what ingest said about this file when it was added
  std::string hash;          // `content_hash(doc)`
  /// The analysis that no other document changes: the sentences, the claims as normalise made
  /// them (before linking; `document` is meaningless until loaded) and normalise's diagnostics.
  std::vector<sentence> sentences;
  std::vector<claim> unlinked;
  diagnostics analysis_diags;
  std::vector<indexed_claim> claims;  // the index: the claims linked with this document alone
  /// What a draft check reads without decoding the record (issue 15; empty in records of schema 1).
  std::vector<indexed_name> names;          // the names alias merging counts
  std::vector<std::string> subject_keys;    // `name_keys::keys` of its names and of its claims' subjects
  std::vector<std::string> name_prefixes;   // organisation prefixes its names look up when linked
  std::vector<std::string> name_romanised;  // romanised keys its names look up when linked
};

/// A row of `archive list`.
struct archive_entry {
  std::string id;
  std::string path;
  std::string hash;
  std::string source;
  std::string published;
  std::size_t claims = 0;
  std::size_t linked = 0;
};

/// What `archive stats` prints.
struct archive_summary {
  std::string location;
  int schema_version = 0;
  std::string analysis_version;
  std::size_t documents = 0;
  std::size_t claims = 0;
  std::size_t linked = 0;
  std::size_t fact_keys = 0;
};

/// A 64-bit FNV-1a hash (hex) of what makes `doc` what it is: its id, bytes, format,
/// encoding and metadata. It detects change; it is not a cryptographic digest.
std::string content_hash(const document& doc);

/// The record of `doc`: `claims` are its claims (linked on its own), `ingest_diags` what ingest
/// reported about its file.
archive_record make_record(document doc, diagnostics ingest_diags, const std::vector<claim>& claims);

/// The version of the analysis that made a record: the code's constant and a hash of the
/// lexicon data (`lexicon_text`, the built-in lexicon plus a project's vocabulary).
std::string analysis_version(const std::string& lexicon_text);

/// A record as one JSON object (a line of `extract --format jsonl`, and the stored form).
nlohmann::json record_to_json(const archive_record& record, const std::string& version);

/// Reads a record written by `record_to_json`. Throws `checker::error` saying what is wrong
/// (prefixed by `where`) when `data` is not one, or was made by another analysis version than
/// `expected_version` (unless that is empty).
archive_record record_from_json(const nlohmann::json& data, const std::string& where, const std::string& expected_version);
/// A stored document's id with its record as the backends keep it (CBOR).
using stored_record = std::pair<std::string, std::vector<std::uint8_t>>;
/// Decodes the records a backend read from archive `location`, on `jobs` threads (decoding is most
/// of the cost of a load), freeing each blob once read. Throws `checker::error` naming the
/// document whose record is unreadable or of another analysis version.
std::vector<archive_record> decode_records(std::vector<stored_record> blobs, const std::string& location,
                                           const std::string& version, unsigned jobs);

/// The stored forms of a chunk of records (the CBOR of `record_to_json`), one per record.
using encoded_records = std::vector<std::vector<std::uint8_t>>;
/// Calls `store(chunk, blobs)` for consecutive chunks of `records`, in order, `blobs[i]` being the
/// stored form of `chunk[i]`. Chunks are encoded on `jobs` threads while the previous one is
/// stored, so that a write of many documents neither encodes them on one thread nor holds every
/// blob at once; a backend may write a chunk's rows in a few statements.
void for_each_encoded(const std::vector<archive_record>& records, const std::string& version, unsigned jobs,
                      const std::function<void(std::span<const archive_record>, const encoded_records&)>& store);

/// How a command opens an archive.
enum class archive_access {
  create,   // add, import: made if missing
  existing, // check, list, stats, remove, refresh: must exist
};

class archive_reader;

/// A store of records. Every method throws `checker::error` naming the archive on failure; a
/// write either happens whole or not at all.
class archive_store {
 public:
  virtual ~archive_store() = default;
  /// Where the archive is (a file name or a URL), for messages.
  virtual const std::string& location() const = 0;
  /// The analysis version its records were made by; empty for an archive with no record yet.
  virtual std::string stored_analysis_version() = 0;
  /// The stored hash of document `id`, if archived.
  virtual std::optional<std::string> hash_of(const std::string& id) = 0;
  /// The stored hashes of those of `ids` that are archived, in one query (an add of many
  /// unchanged documents costs one round trip, not one per document).
  virtual std::map<std::string, std::string> hashes_of(const std::vector<std::string>& ids) = 0;
  /// In one transaction: stores `records` (replacing documents of the same id and their claims),
  /// removes the documents `remove` names, and records `version` as the archive's analysis
  /// version. Returns how many of `remove` were archived. Unless `refreshing`, an archive of
  /// another analysis version is refused; when `refreshing`, `records` must be every archived
  /// document, unchanged since they were loaded, or nothing is written. Records are encoded on
  /// `jobs` threads (0: one per core); rows are written on this one.
  virtual std::size_t write(const std::vector<archive_record>& records, const std::vector<std::string>& remove,
                            const std::string& version, bool refreshing, unsigned jobs) = 0;
  /// Every document, by id.
  virtual std::vector<archive_entry> list() = 0;
  virtual archive_summary summary() = 0;
  /// Every record, by id (`check --archive`, `archive refresh`), decoded on `jobs` threads
  /// (0: one per core).
  virtual std::vector<archive_record> load_all(unsigned jobs) = 0;
  /// Starts a read of one snapshot (one transaction) for a draft check; `load_all` may not be
  /// called while it lives.
  virtual std::unique_ptr<archive_reader> read() = 0;
  /// False for an archive migrated from schema 1 and not refreshed since: its records lack the
  /// candidate index, and a draft check reads every document.
  virtual bool has_candidate_index() = 0;
};

/// What a draft check fetches of an archive instead of every record (issue 15). Lists are
/// looked up in one indexed query each (PostgreSQL: `= ANY($1)`).
class archive_reader {
 public:
  virtual ~archive_reader() = default;
  /// Documents with one of `keys` among their subject keys.
  virtual std::vector<std::string> documents_with_keys(const std::vector<std::string>& keys) = 0;
  /// Documents with a claim whose `value_key` is one of `value_keys`.
  virtual std::vector<std::string> documents_with_values(const std::vector<std::string>& value_keys) = 0;
  /// For each of `value_keys`, the documents (at most `limit` of them, the first by id; 0: all)
  /// with a `settled` claim of that key, leaving out `leave_out`, each with its subject keys.
  /// value key -> document -> its subject keys, in one query.
  virtual std::map<std::string, std::map<std::string, std::vector<std::string>>> settled_documents(
      const std::vector<std::string>& value_keys, const std::vector<std::string>& leave_out, std::size_t limit) = 0;
  /// Documents read from one of `paths`.
  virtual std::vector<std::string> documents_at_paths(const std::vector<std::string>& paths) = 0;
  /// The organisations among `prefixes` and the mentions of every name whose romanised key is
  /// one of `romanised`, over the archived documents except `leave_out`.
  virtual corpus_names names(const std::vector<std::string>& prefixes, const std::vector<std::string>& romanised,
                             const std::vector<std::string>& leave_out) = 0;
  /// The records of `ids`, by id, decoded on `jobs` threads.
  virtual std::vector<archive_record> load(const std::vector<std::string>& ids, unsigned jobs) = 0;
};

/// The default archive when neither `--archive` nor the project file names one.
inline constexpr const char* default_archive = "factcheck-archive.db";

/// Opens the archive at `location`: a file name (SQLite) or a `postgresql://` / `postgres://`
/// URL (PostgreSQL). A file or database that is not a factcheck archive, an unreadable or corrupt
/// one, one of a newer schema, or a server that cannot be reached, is an error naming it.
std::unique_ptr<archive_store> open_archive(const std::string& location, archive_access access);

/// True when `location` names a PostgreSQL archive.
bool is_postgres_location(const std::string& location);

/// The PostgreSQL store (postgres_store.cpp); `open_archive` chooses it.
std::unique_ptr<archive_store> open_postgres_archive(const std::string& url, archive_access access);

/// `location` as messages show it: a URL's password replaced by `***`.
std::string archive_display_name(const std::string& location);

}  // namespace checker
