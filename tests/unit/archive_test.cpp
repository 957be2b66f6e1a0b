// Issue 15: archive records (hash, claim index, JSON form), the SQLite store, and a check over
// archived documents against a check of the same documents read afresh.
#include "archive/archive.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <set>

#include <boost/test/unit_test.hpp>

#include "support/support.h"

namespace checker {
namespace {

namespace fs = std::filesystem;

const std::vector<std::pair<std::string, std::string>> sample = {
    {"2025-04-01", "青禾科技周二发布了扫地机器人青禾X3。青禾X3的售价为2999元，电池续航为180分钟。"},
    {"2025-04-02", "青禾科技新品青禾X3的售价为3299元，电池续航为180分钟。"},
    {"2025-04-01", "Qinghe Technology launched the Qinghe X3 robot vacuum on Tuesday. The Qinghe X3 is priced at 2,999 yuan."},
    {"2025-04-03", "The Qinghe X3 from Qinghe Technology is priced at 3,299 yuan, the company said."},
};

std::vector<document> sample_documents() {
  std::vector<document> docs;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    docs.push_back(testing::make_document("d" + std::to_string(i) + ".md", sample[i].second, sample[i].first));
  }
  return docs;
}

std::vector<archive_record> sample_records() {
  return make_archive_records(sample_documents(), {}, testing::test_lexicon(), {}, 1, {});
}

// The record after a trip through its JSON text, as `extract --format jsonl` and `import` do.
archive_record round_trip(const archive_record& r) {
  const std::string line = record_to_json(r, "v1").dump();
  return record_from_json(nlohmann::json::parse(line), "test", "v1");
}

std::string finding_dump(const run_result& run) {
  std::string out;
  for (const finding& f : run.findings) {
    out += f.rule + " " + f.subject + "/" + f.attribute + ":";
    for (std::size_t c : f.claims) out += " " + run.claims[c].id;
    out += "\n";
  }
  return out;
}

struct scratch_file {
  fs::path path = fs::temp_directory_path() / ("factcheck-archive-unit-" + std::to_string(::getpid()) + ".db");
  scratch_file() { clean(); }
  ~scratch_file() { clean(); }
  void clean() const {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ignored);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(archive)

BOOST_AUTO_TEST_CASE(records_keep_chinese_and_english_documents_whole) {
  for (const archive_record& r : sample_records()) {
    const archive_record back = round_trip(r);
    BOOST_TEST(back.doc.id == r.doc.id);
    BOOST_TEST(back.doc.text == r.doc.text);
    BOOST_TEST(back.doc.original == r.doc.original);
    BOOST_TEST(back.doc.runs.size() == r.doc.runs.size());
    BOOST_TEST(back.doc.line_starts == r.doc.line_starts);
    BOOST_TEST(back.doc.published.has_value());
    BOOST_TEST(back.doc.metadata.published.value == r.doc.metadata.published.value);
    BOOST_TEST(back.hash == r.hash);
    BOOST_TEST(back.claims.size() == r.claims.size());
  }
}

BOOST_AUTO_TEST_CASE(the_index_keys_linked_prices_in_both_languages) {
  const std::vector<archive_record> records = sample_records();
  std::size_t keyed_prices = 0;
  for (const archive_record& r : records) {
    for (const indexed_claim& k : r.claims) {
      if (k.unit == "CNY" && !k.fact_key.empty()) {
        ++keyed_prices;
        BOOST_TEST(k.fact_key.find(k.subject + "|" + k.attribute + "|") == 0, k.fact_key);
      }
    }
  }
  BOOST_TEST(keyed_prices == 4u);
}

BOOST_AUTO_TEST_CASE(the_hash_sees_a_changed_figure_or_date) {
  const std::vector<document> docs = sample_documents();
  BOOST_TEST(content_hash(docs[0]) == content_hash(sample_documents()[0]));
  document edited = testing::make_document("d0.md", "青禾科技周二发布了扫地机器人青禾X3。青禾X3的售价为2899元。", "2025-04-01");
  BOOST_TEST(content_hash(edited) != content_hash(docs[0]));
  document redated = testing::make_document("d2.md", sample[2].second, "2025-04-05");
  BOOST_TEST(content_hash(redated) != content_hash(docs[2]));
}

BOOST_AUTO_TEST_CASE(issue_15_foreign_tampered_and_other_version_records_are_refused) {
  const archive_record r = sample_records()[0];
  BOOST_CHECK_THROW(record_from_json(nlohmann::json::parse(R"({"id": "d0.md#1", "value": "2999"})"), "x", ""), error);
  nlohmann::json tampered = record_to_json(r, "v1");
  tampered["document"]["text"] = "青禾X3的售价为1999元。";
  tampered["document"]["original"] = "6Z2S";  // base64 of other bytes
  BOOST_CHECK_THROW(record_from_json(tampered, "x", "v1"), error);
  BOOST_CHECK_THROW(record_from_json(record_to_json(r, "v1"), "x", "v2"), error);
  try {
    record_from_json(record_to_json(r, "v1"), "shard.jsonl:7", "v2");
  } catch (const error& e) {
    BOOST_TEST(std::string(e.what()).find("shard.jsonl:7: made by analysis version v1") == 0, e.what());
  }
}

BOOST_AUTO_TEST_CASE(issue_15_a_check_over_archived_documents_equals_a_plain_check) {
  const run_result plain = testing::analyse(sample_documents());
  BOOST_TEST_REQUIRE(!plain.findings.empty());
  std::vector<archive_record> archived;
  for (const archive_record& r : sample_records()) archived.push_back(round_trip(r));
  const run_result from_archive = run_check(run_config{}, std::move(archived), testing::test_lexicon());
  BOOST_TEST(finding_dump(from_archive) == finding_dump(plain));
  BOOST_TEST(testing::links(from_archive) == testing::links(plain));
}

BOOST_AUTO_TEST_CASE(issue_15_sqlite_store_adds_replaces_and_removes_in_transactions) {
  const scratch_file file;
  std::vector<archive_record> records = sample_records();
  {
    const auto store = open_archive(file.path.string(), archive_access::create);
    BOOST_TEST(store->stored_analysis_version().empty());
    store->write(records, {}, "v1", false, 1);
    BOOST_TEST(store->hash_of("d1.md").value_or("") == records[1].hash);
    BOOST_TEST(!store->hash_of("d9.md").has_value());
    const archive_summary s = store->summary();
    BOOST_TEST(s.documents == 4u);
    BOOST_TEST(s.schema_version == archive_schema_version);
    BOOST_TEST(s.analysis_version == "v1");
    // Another analysis version is never written beside this one.
    BOOST_CHECK_THROW(store->write({records[0]}, {}, "v2", false, 1), error);
  }
  const auto store = open_archive(file.path.string(), archive_access::existing);
  const std::size_t removed = store->write({}, {"d0.md", "d9.md"}, "v1", false, 1);
  BOOST_TEST(removed == 1u);
  const std::vector<archive_entry> entries = store->list();
  BOOST_TEST_REQUIRE(entries.size() == 3u);
  BOOST_TEST(entries[0].id == "d1.md");
  BOOST_TEST(entries[0].published == "2025-04-02");
  const std::vector<archive_record> loaded = store->load_all(2);
  BOOST_TEST_REQUIRE(loaded.size() == 3u);
  BOOST_TEST(loaded[2].doc.text == records[3].doc.text);
  // A refresh that misses a document writes nothing.
  BOOST_CHECK_THROW(store->write({loaded[0], loaded[1]}, {}, "v2", true, 1), error);
  BOOST_TEST(store->stored_analysis_version() == "v1");
  store->write(loaded, {}, "v2", true, 1);
  BOOST_TEST(store->stored_analysis_version() == "v2");
}

// Records are encoded a chunk (256) at a time on worker threads while the previous chunk is
// written: every record must still be stored once, in order, with its own blob.
BOOST_AUTO_TEST_CASE(issue_15_records_encoded_a_chunk_at_a_time_are_stored_in_order) {
  std::vector<document> docs;
  for (std::size_t i = 0; i < 600; ++i) {
    const std::string price = std::to_string(2000 + i);
    const std::string text = i % 2 == 0 ? "青禾科技表示，青禾X" + std::to_string(i) + "的售价为" + price + "元。"
                                         : "Qinghe said the Qinghe X" + std::to_string(i) + " costs " + price + " yuan.";
    char id[16];
    std::snprintf(id, sizeof id, "d%03zu.md", i);
    docs.push_back(testing::make_document(id, text, "2025-04-01"));
  }
  const std::vector<archive_record> records = make_archive_records(docs, {}, testing::test_lexicon(), {}, 2, {});
  std::vector<std::string> order;
  bool same = true;
  for_each_encoded(records, "v1", 2, [&](std::span<const archive_record> chunk, const encoded_records& blobs) {
    BOOST_TEST(chunk.size() == blobs.size());
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      order.push_back(chunk[i].doc.id);
      same = same && blobs[i] == nlohmann::json::to_cbor(record_to_json(chunk[i], "v1"));
    }
  });
  BOOST_TEST_REQUIRE(order.size() == records.size());
  for (std::size_t i = 0; i < records.size(); ++i) BOOST_TEST(order[i] == records[i].doc.id);
  BOOST_TEST(same);
  // Through the store: each document comes back whole, its index rows with it, and replacing
  // one (its rows go with the old row) leaves no stale claim behind.
  const scratch_file file;
  const auto store = open_archive(file.path.string(), archive_access::create);
  store->write(records, {}, "v1", false, 2);
  BOOST_TEST(store->summary().documents == 600u);
  const std::size_t claims = store->summary().claims;
  BOOST_TEST(claims >= 600u);
  std::vector<archive_record> again(records.begin(), records.begin() + 300);
  store->write(again, {}, "v1", false, 2);
  BOOST_TEST(store->summary().claims == claims);
  const std::vector<archive_record> loaded = store->load_all(2);
  BOOST_TEST_REQUIRE(loaded.size() == 600u);
  BOOST_TEST(loaded[299].doc.text == records[299].doc.text);
  BOOST_TEST(loaded[599].unlinked.size() == records[599].unlinked.size());
  const std::unique_ptr<archive_reader> reader = store->read();
  BOOST_TEST(reader->documents_with_values({records[599].claims.front().value_key}).size() == 1u);
}

BOOST_AUTO_TEST_CASE(issue_15_missing_archive_is_not_created_by_a_reader) {
  const scratch_file file;
  BOOST_CHECK_THROW(open_archive(file.path.string(), archive_access::existing), error);
  BOOST_TEST(!fs::exists(file.path));
  BOOST_CHECK_THROW(open_archive("postgresql://localhost/claims", archive_access::existing), error);
}

BOOST_AUTO_TEST_CASE(issue_15_postgresql_urls_are_shown_without_their_password) {
  BOOST_TEST(is_postgres_location("postgresql://db.example.org/news"));
  BOOST_TEST(is_postgres_location("postgres://db.example.org/news"));
  BOOST_TEST(!is_postgres_location("newsroom.db"));
  BOOST_TEST(!is_postgres_location("archives/postgresql://x.db"));
  BOOST_TEST(archive_display_name("postgresql://editor:s3cret@db.example.org:5433/news") ==
             "postgresql://editor:***@db.example.org:5433/news");
  // An `@` inside the password: the user part ends at the last one.
  BOOST_TEST(archive_display_name("postgres://editor:p@ss@db/news") == "postgres://editor:***@db/news");
  BOOST_TEST(archive_display_name("postgresql://db/news?user=editor&password=s3cret&sslmode=require") ==
             "postgresql://db/news?user=editor&password=***&sslmode=require");
  BOOST_TEST(archive_display_name("postgresql://editor@db/news") == "postgresql://editor@db/news");
  BOOST_TEST(archive_display_name("postgresql://db/news?application_name=a@b:c") == "postgresql://db/news?application_name=a@b:c");
  // A file name is shown as it is, whatever it contains.
  BOOST_TEST(archive_display_name("password=1.db") == "password=1.db");
}

BOOST_AUTO_TEST_CASE(issue_15_name_keys_meet_for_names_that_can_become_one_subject) {
  const lexicon& lex = testing::test_lexicon();
  const link_options options;
  name_keys keyer(lex, options);
  const auto shared = [&](const std::string& a, const std::string& b) {
    std::set<std::string> both;
    const std::set<std::string> ka = keyer.keys(a);
    const std::set<std::string> kb = keyer.keys(b);
    std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(), std::inserter(both, both.begin()));
    return both;
  };
  // An organisation prefix that another document may show standing alone.
  BOOST_TEST(shared("Zenlo X7", "X7").count("=X7") == 1u);
  BOOST_TEST(shared("Zenlo-X7", "X7").count("=X7") == 1u);
  BOOST_TEST((keyer.prefixes("Zenlo X7") == std::set<std::string>{"Zenlo"}));
  BOOST_TEST(keyer.prefixes("X7").empty());
  // One name in two scripts: characters (numerals as digits) and pinyin.
  BOOST_TEST(shared("嫦娥六号", "Chang'e-6").count("r:change6") == 1u);
  BOOST_TEST(shared("天穹7", "Tianqiong 7").count("r:tianqiong7") == 1u);
  BOOST_TEST(keyer.romanised_key("天穹7").value_or("") == "tianqiong7");
  // Names that no corpus makes one share nothing.
  BOOST_TEST(shared("Zenlo X7", "Zenlo X8").empty());
  BOOST_TEST(shared("天穹7", "天穹8").empty());
}

BOOST_AUTO_TEST_CASE(issue_15_records_hold_the_candidate_index_and_the_store_fetches_by_it) {
  const scratch_file file;
  const std::vector<archive_record> records = sample_records();
  // Both languages: 青禾X3 and Qinghe X3 are named, and their prices are precise values.
  for (const archive_record& r : records) {
    BOOST_TEST(!r.subject_keys.empty(), r.doc.id);
    BOOST_TEST(!r.names.empty(), r.doc.id);
    const archive_record back = round_trip(r);
    BOOST_TEST((back.subject_keys == r.subject_keys));
    BOOST_TEST((back.name_prefixes == r.name_prefixes));
    BOOST_TEST(back.names.size() == r.names.size());
  }
  const auto has_value = [](const archive_record& r, const std::string& key) {
    return std::any_of(r.claims.begin(), r.claims.end(), [&](const indexed_claim& k) { return k.value_key == key; });
  };
  BOOST_TEST(has_value(records[0], R"(["price","CNY",[],"2999"])"));
  BOOST_TEST(has_value(records[3], R"(["price","CNY",[],"3299"])"));
  const auto store = open_archive(file.path.string(), archive_access::create);
  store->write(records, {}, "v1", false, 1);
  BOOST_TEST(store->has_candidate_index());
  const std::unique_ptr<archive_reader> reader = store->read();
  // 青禾X3 is `X3` in the Chinese pages; `Qinghe X3` may become `X3` where Qinghe stands alone.
  std::vector<std::string> by_key = reader->documents_with_keys({"=X3"});
  std::sort(by_key.begin(), by_key.end());
  BOOST_TEST((by_key == std::vector<std::string>{"d0.md", "d1.md", "d2.md", "d3.md"}));
  BOOST_TEST((reader->documents_with_keys({"r:qinghex3"}) == std::vector<std::string>{"d2.md", "d3.md"}));
  BOOST_TEST(reader->documents_with_keys({"=nothing"}).empty());
  BOOST_TEST((reader->documents_with_values({R"(["price","CNY",[],"3299"])"}) == std::vector<std::string>{"d1.md", "d3.md"}));
  BOOST_TEST((reader->documents_at_paths({records[2].doc.path}) == std::vector<std::string>{"d2.md"}));
  BOOST_TEST((records[2].name_prefixes == std::vector<std::string>{"Qinghe"}));
  // Mentions of every name of one romanised key, over the archive less the documents left out.
  const corpus_names all = reader->names({"Qinghe"}, {"qinghex3"}, {});
  BOOST_TEST(all.organisations.empty());  // only ever `Qinghe Technology`, never Qinghe alone
  BOOST_TEST(all.mentions.at("Qinghe X3") == 3u);
  BOOST_TEST(reader->names({}, {"qinghex3"}, {"d2.md"}).mentions.at("Qinghe X3") == 1u);
  const std::vector<archive_record> two = reader->load({"d3.md", "d1.md", "d9.md"}, 1);
  BOOST_TEST_REQUIRE(two.size() == 2u);
  BOOST_TEST(two[0].doc.id == "d1.md");
}

// Issue 15 (https://github.com/factcheck/factcheck/issues/15), the draft check at a million
// documents: a claim is `settled` when the subject-tie pass counts it in any corpus holding its
// document, with its qualifiers; the store gives, per value, the documents of settled claims and
// their subject keys.
BOOST_AUTO_TEST_CASE(issue_15_claims_named_in_their_clause_are_settled_and_the_store_lists_them_by_value) {
  const std::vector<std::pair<std::string, std::string>> texts = {
      // The price names its model in its clause; the revenue inherits the company (its confidence
      // depends on what the document is mainly about, so on how the corpus words its names).
      {"zh.md", "岳明科技的扫地机器人岳明K5售价为2688元。公司表示，2024年营收为12.34亿元。"},
      {"en.md", "The Yueming K5 robot vacuum is priced at 2,688 yuan. The company said its revenue in 2024 was 1.234 billion yuan."},
      // A name ending in a trim word: in some corpus the trim becomes an edition qualifier.
      {"trim.md", "The Yueming K5 Pro is priced at 2,688 yuan."},
      {"other.md", "新款平板T30本周开售，T30的售价为2688元。"},
      // An edition written as a word and 版: a qualifier of the figure, left out of the key.
      {"edition.md", "岳明K5 Max 版的售价为2688元。"},
  };
  std::vector<document> docs;
  for (const auto& [id, text] : texts) docs.push_back(testing::make_document(id, text, "2025-04-01"));
  const std::vector<archive_record> records = make_archive_records(docs, {}, testing::test_lexicon(), {}, 1, {});
  const std::string price = R"(["price","CNY",[],"2688"])";
  const auto settled = [&](std::size_t record, const std::string& attribute) {
    std::vector<bool> out;
    for (const indexed_claim& k : records[record].claims) {
      if (k.attribute == attribute) out.push_back(k.settled);
    }
    return out;
  };
  BOOST_TEST((settled(0, "price") == std::vector<bool>{true}));
  BOOST_TEST((settled(1, "price") == std::vector<bool>{true}));
  BOOST_TEST((settled(0, "revenue") == std::vector<bool>{false}));
  BOOST_TEST((settled(1, "revenue") == std::vector<bool>{false}));
  BOOST_TEST((settled(2, "price") == std::vector<bool>{false}));
  BOOST_TEST((settled(3, "price") == std::vector<bool>{true}));
  BOOST_TEST((settled(4, "price") == std::vector<bool>{false}));
  // The trim and the edition are qualifiers (`edition:pro`, `edition:max`), not in the key.
  for (std::size_t r : {2u, 4u}) {
    const auto k = std::find_if(records[r].claims.begin(), records[r].claims.end(), [](const indexed_claim& c) { return c.attribute == "price"; });
    BOOST_TEST_REQUIRE((k != records[r].claims.end()));
    BOOST_TEST(k->fact_key.find("edition:") != std::string::npos, k->fact_key);
    BOOST_TEST(k->value_key == price);
  }
  BOOST_TEST((round_trip(records[0]).claims == records[0].claims), "the flag survives the JSON form");
  const scratch_file file;
  const auto store = open_archive(file.path.string(), archive_access::create);
  store->write(records, {}, "v1", false, 1);
  const std::unique_ptr<archive_reader> reader = store->read();
  const auto all = reader->settled_documents({price, "[]"}, {}, 0);
  BOOST_TEST_REQUIRE(all.size() == 1u);
  std::vector<std::string> ids;
  for (const auto& [id, keys] : all.at(price)) {
    ids.push_back(id);
    BOOST_TEST((keys == records[id == "en.md" ? 1 : id == "zh.md" ? 0 : 3].subject_keys), id);
  }
  BOOST_TEST((ids == std::vector<std::string>{"en.md", "other.md", "zh.md"}));
  // The first by id only, and never a document left out.
  BOOST_TEST(reader->settled_documents({price}, {}, 1).at(price).size() == 1u);
  BOOST_TEST(reader->settled_documents({price}, {"en.md"}, 1).at(price).count("other.md") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace checker
