#include "pipeline/pipeline.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <iterator>
#include <memory>
#include <mutex>
#include <map>
#include <set>

#include <fmt/format.h>

#include "baseline/baseline.h"
#include "compare/compare.h"
#include "link/link.h"
#include "normalize/normalize.h"
#include "recognize/recognize.h"
#include "util/parallel.h"

namespace checker {
namespace {

// What an archive already holds of a document: its analysis up to link.
struct prepared_analysis {
  std::vector<sentence> sentences;
  std::vector<claim> claims;
  diagnostics diags;
};

run_result analyse(std::vector<document> documents, const lexicon& lex, const link_options& options, diagnostics diags,
                   const std::function<void(std::size_t, std::size_t)>& progress, unsigned jobs,
                   std::map<std::string, prepared_analysis> prepared = {}) {
  run_result result;
  result.diags = std::move(diags);
  result.documents = std::move(documents);
  // Segment, recognise and normalise each document on its own (one segmenter per thread: ICU's
  // iterator is not shareable), in two passes. The first splits sentences and counts each
  // document's figures; the second recognises them again (cheap, and always the same) and
  // normalises them straight into the document's place in one vector. A claim is close to 1 KiB:
  // collecting claims per document and then merging them held every claim twice at the peak
  // (issue 15: 100,000 documents took 1.8 GB).
  const std::size_t count = result.documents.size();
  result.sentences.resize(count);
  std::vector<std::unique_ptr<segmenter>> splitters(resolve_jobs(jobs));
  std::vector<std::size_t> first_claim(count + 1, 0);
  for_each_index(count, jobs, [&](std::size_t i, unsigned worker) {
    const document& doc = result.documents[i];
    // An archived document (never a draft) comes with its analysis up to link.
    if (const auto ready = doc.draft ? prepared.end() : prepared.find(doc.id); ready != prepared.end()) {
      result.sentences[i] = std::move(ready->second.sentences);
      first_claim[i + 1] = ready->second.claims.size();
      return;
    }
    if (!splitters[worker]) splitters[worker] = std::make_unique<segmenter>();
    result.sentences[i] = splitters[worker]->split(doc);
    first_claim[i + 1] = recognize(doc, result.sentences[i], lex).size();
  });
  for (std::size_t i = 0; i < count; ++i) first_claim[i + 1] += first_claim[i];
  result.claims.resize(first_claim[count]);
  std::vector<diagnostics> slot_diags(count);
  std::atomic<std::size_t> done{0};
  std::mutex progress_mutex;
  for_each_index(count, jobs, [&](std::size_t i, unsigned) {
    const document& doc = result.documents[i];
    std::vector<claim> claims;
    if (const auto ready = doc.draft ? prepared.end() : prepared.find(doc.id); ready != prepared.end()) {
      // Only the claims' document index is this run's.
      claims = std::move(ready->second.claims);
      for (claim& c : claims) c.document = i;
      slot_diags[i] = std::move(ready->second.diags);
    } else {
      const std::vector<mention> mentions = recognize(doc, result.sentences[i], lex);
      claims = normalize(doc, i, mentions, lex, slot_diags[i]);
    }
    assert(claims.size() == first_claim[i + 1] - first_claim[i]);  // one claim per mention, as counted in the first pass
    std::move(claims.begin(), claims.end(), result.claims.begin() + static_cast<std::ptrdiff_t>(first_claim[i]));
    if (progress) {
      const std::lock_guard lock(progress_mutex);
      progress(++done, count);
    }
  });
  for (diagnostics& d : slot_diags) {
    result.diags.insert(result.diags.end(), std::make_move_iterator(d.begin()), std::make_move_iterator(d.end()));
  }
  result.claims = link(result.documents, result.sentences, std::move(result.claims), lex, options, result.diags);
  result.findings = compare(result.documents, result.sentences, result.claims, lex);
  return result;
}

}  // namespace

namespace {

// Draft mode, superseded figures: a draft that gives a figure an older stamp gave, when a later
// one exists, must be fixed whoever else printed the older figure: a warning naming the latest.
void flag_draft_repeating_older(run_result& result, finding& f) {
  if (!f.latest_side) return;
  const auto is_draft = [&](std::size_t claim) { return result.documents[result.claims[claim].document].draft; };
  std::optional<std::size_t> older_in_draft;
  std::optional<std::size_t> latest_published;
  for (std::size_t k = 0; k < f.claims.size(); ++k) {
    const bool latest = f.sides[k] == *f.latest_side;
    if (is_draft(f.claims[k]) && !latest && !older_in_draft) older_in_draft = f.claims[k];
    if (!is_draft(f.claims[k]) && latest && !latest_published) latest_published = f.claims[k];
  }
  if (!older_in_draft || !latest_published) return;
  const claim& latest = result.claims[*latest_published];
  f.level = severity::warning;
  f.message = fmt::format("{} {}: the draft gives {}, an older figure; the latest is {} as of {} in {}", f.subject, f.attribute,
                          result.claims[*older_in_draft].found.text, latest.found.text, latest.as_of,
                          result.documents[latest.document].id);
}

// Draft mode: keep the findings where a draft figure stands on a side that no published claim
// supports. A draft that agrees with some published sources, in a fact the sources already
// disagree about among themselves, is not what the editor has to fix.
void keep_draft_findings(run_result& result) {
  const auto is_draft = [&](std::size_t claim) { return result.documents[result.claims[claim].document].draft; };
  for (finding& f : result.findings) {
    if (f.rule == "superseded") flag_draft_repeating_older(result, f);
  }
  std::erase_if(result.findings, [&](const finding& f) {
    if (f.rule == "superseded") return f.level != severity::warning;
    for (std::size_t k = 0; k < f.claims.size(); ++k) {
      if (!is_draft(f.claims[k])) continue;
      bool supported = false;
      for (std::size_t j = 0; j < f.claims.size(); ++j) {
        if (f.sides[j] == f.sides[k] && !is_draft(f.claims[j])) supported = true;
      }
      if (!supported || f.rule == "derived_mismatch") return false;
    }
    return true;
  });
}

// True when some form a subject of the document may take in some corpus (its subject keys) ends
// in a trim word: in that corpus the trim may become an `edition:` qualifier (trims.cpp).
bool may_split_a_trim(const std::vector<std::string>& subject_keys, const lexicon& lex) {
  const auto lower = [](std::string text) {
    for (char& ch : text) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    return text;
  };
  return std::any_of(subject_keys.begin(), subject_keys.end(), [&](const std::string& key) {
    const std::string k = lower(key);
    return std::any_of(lex.trim_words.begin(), lex.trim_words.end(), [&](const std::string& word) { return k.ends_with(lower(word)); });
  });
}

// Issue 15: marks the claims of `record` (`linked`, the document linked alone) that the subject-tie
// pass counts in every corpus holding the document, with the qualifiers they have alone, each with
// a subject among the names of its own sentence (so within the record's subject keys). What of
// linking depends on the corpus is the wording of subjects (canonical names) and main subjects;
// a claim is settled when neither can change whether it counts or what its run is:
// - its subject is a name of its clause or sentence (`clause`, `sentence`), chosen by the text
//   alone: not inherited (the confidence of an inherited subject depends on the main subject), not
//   a pronoun's, a generic noun's or a distributed one;
// - no figure of its sentence counts a named thing (`512块H800芯片`): whether a name is what is
//   counted compares its corpus-wide wording;
// - it has no `edition:` qualifier and no subject key of the document ends in a trim word (a
//   subject's trim becomes a qualifier, trims.cpp).
// Confidence, hedge, status and the value come from the text, as do attribute, unit and the other
// qualifiers.
void mark_settled_claims(archive_record& record, const std::vector<claim>& linked, const lexicon& lex) {
  if (record.claims.size() != linked.size() || may_split_a_trim(record.subject_keys, lex)) return;
  std::set<std::size_t> counting;  // sentences with a figure that counts a named thing
  for (const claim& c : linked) {
    if (c.found.kind == claim_kind::count && c.found.amount && !c.found.amount->counted.empty()) counting.insert(c.found.sentence);
  }
  for (std::size_t i = 0; i < linked.size(); ++i) {
    const claim& c = linked[i];
    const bool named_here = c.link_basis.rfind("clause", 0) == 0 || c.link_basis.rfind("sentence", 0) == 0;
    record.claims[i].settled = named_here && counts_toward_subject_ties(c) && !has_edition(c) && counting.count(c.found.sentence) == 0 &&
                               !record.claims[i].value_key.empty();
  }
}

// Issue 15: what a draft check reads of `record` without decoding it: the names alias merging
// counts, the keys of every subject its claims could take in any corpus, and what linking it looks up.
void index_names(archive_record& record, const std::vector<sentence>& sentences, const std::vector<claim>& unlinked,
                 const std::vector<claim>& linked, const lexicon& lex, name_keys& keyer) {
  const document_names names = names_of_document(record.doc, sentences, unlinked, lex);
  for (const auto& [name, count] : names.mentions) {
    const std::optional<std::string> own = keyer.romanised_key(name);
    record.names.push_back(indexed_name{name, count, names.organisations.count(name) > 0, own.value_or("")});
  }
  std::set<std::string> keys;
  std::set<std::string> prefixes;
  std::set<std::string> romanised;
  for (const std::string& name : names.nearby_subjects) keys.merge(keyer.keys(name));
  // A subject that is no name (the noun after 的, an event's kind) is the same in every corpus.
  for (const claim& c : linked) {
    if (!c.subject.empty()) keys.merge(keyer.keys(c.subject));
  }
  for (const std::string& name : names.nearby) {
    prefixes.merge(keyer.prefixes(name));
    romanised.merge(keyer.romanised(name));
  }
  record.subject_keys.assign(keys.begin(), keys.end());
  record.name_prefixes.assign(prefixes.begin(), prefixes.end());
  record.name_romanised.assign(romanised.begin(), romanised.end());
  mark_settled_claims(record, linked, lex);
}

}  // namespace

run_result run_check(const run_config& config, const lexicon& lex) { return run_check(config, {}, lex); }

run_result run_check(const run_config& config, std::vector<archive_record> archived, const lexicon& lex) {
  std::vector<document> published;
  diagnostics published_diags;
  std::map<std::string, prepared_analysis> prepared;
  for (archive_record& r : archived) {
    published_diags.insert(published_diags.end(), r.ingest_diags.begin(), r.ingest_diags.end());
    prepared[r.doc.id] = prepared_analysis{std::move(r.sentences), std::move(r.unlinked), std::move(r.analysis_diags)};
    published.push_back(std::move(r.doc));
  }
  archived.clear();
  diagnostics read_diags;
  ingest_options ingest = config.ingest;
  ingest.jobs = config.jobs;
  ingest_result ingested;
  if (!config.inputs.empty()) ingested = ingest_paths(config.inputs, ingest, read_diags);
  if (!published.empty()) {
    // A document read from a path is the newer copy of an archived one with its id.
    std::set<std::string> read_ids;
    for (const document& d : ingested.documents) read_ids.insert(d.id);
    std::set<std::string> replaced_paths;
    std::erase_if(published, [&](const document& d) {
      if (read_ids.count(d.id) == 0) return false;
      replaced_paths.insert(d.path);
      prepared.erase(d.id);
      return true;
    });
    std::erase_if(published_diags, [&](const diagnostic& d) { return replaced_paths.count(d.file) > 0; });
    // Ingest returns documents in id order; archived ones join them in that order.
    ingested.documents.insert(ingested.documents.end(), std::make_move_iterator(published.begin()),
                              std::make_move_iterator(published.end()));
    std::stable_sort(ingested.documents.begin(), ingested.documents.end(),
                     [](const document& a, const document& b) { return a.id < b.id; });
  }
  diagnostics diags = std::move(published_diags);
  diags.insert(diags.end(), std::make_move_iterator(read_diags.begin()), std::make_move_iterator(read_diags.end()));
  if (!config.drafts.empty()) {
    ingest_result drafts = ingest_paths(config.drafts, ingest, diags);
    // A draft that also sits in the corpus folder is read once, as a draft.
    std::set<std::string> draft_paths;
    for (document& d : drafts.documents) {
      d.draft = true;
      draft_paths.insert(d.path);
    }
    std::erase_if(ingested.documents, [&](const document& d) { return draft_paths.count(d.path) > 0; });
    std::set<std::string> ids;
    for (const document& d : ingested.documents) ids.insert(d.id);
    for (document& d : drafts.documents) {
      if (ids.count(d.id) > 0) d.id = "draft/" + d.id;  // never two documents with one id
      ingested.documents.push_back(std::move(d));
    }
    std::stable_sort(ingested.documents.begin(), ingested.documents.end(),
                     [](const document& a, const document& b) { return a.id < b.id; });
    ingested.skipped.insert(ingested.skipped.end(), drafts.skipped.begin(), drafts.skipped.end());
  }
  run_result result =
      analyse(std::move(ingested.documents), lex, config.link, std::move(diags), config.progress, config.jobs, std::move(prepared));
  result.skipped = std::move(ingested.skipped);
  if (!config.drafts.empty()) {
    result.draft_mode = true;
    keep_draft_findings(result);
    result.confirmations = confirm_drafts(result.documents, result.claims, lex);
  }
  if (config.baseline) {
    result.baseline_used = true;
    result.fixed = apply_baseline(result.findings, *config.baseline);
  }
  return result;
}

namespace {

// More candidates than this and a draft check reads the whole archive: one common name in a draft
// would otherwise fetch most of it one indexed lookup at a time.
constexpr std::size_t max_candidate_documents = 20000;

// The documents of a value read first when counting its subjects: enough to find more than
// `max_subjects_per_tie_value` documents of unrelated subjects among them when the value is common.
constexpr std::size_t settled_sample = 24;
// At most this many when the sample was not enough; past it the value's documents are read.
constexpr std::size_t settled_retry = 2000;

// Of `values` (`subject_tie_key`s), those that more than `max_subjects_per_tie_value` subjects
// state in every corpus holding the archive, so that the subject-tie pass counts none of them
// as evidence. Documents with pairwise disjoint subject keys have distinct subjects in any
// corpus (two names that become one subject share a key, `name_keys`); each document counted
// states the value in a claim that counts toward ties in any corpus with that key (`settled`).
// The documents are taken greedily in id order: a lower bound on the subjects, never more.
std::set<std::string> settled_values(archive_reader& reader, const std::set<std::string>& values,
                                     const std::vector<std::string>& leave_out) {
  std::set<std::string> out;
  std::vector<std::string> retry;
  const auto judge = [&](const std::map<std::string, std::map<std::string, std::vector<std::string>>>& found, std::size_t limit) {
    for (const auto& [value, documents] : found) {
      std::set<std::string> taken;
      std::size_t distinct = 0;
      for (const auto& [id, keys] : documents) {
        const bool disjoint = !keys.empty() && std::none_of(keys.begin(), keys.end(), [&](const std::string& k) { return taken.count(k) > 0; });
        if (!disjoint) continue;
        taken.insert(keys.begin(), keys.end());
        if (++distinct > max_subjects_per_tie_value) break;
      }
      if (distinct > max_subjects_per_tie_value) {
        out.insert(value);
      } else if (limit == settled_sample && documents.size() == limit) {
        retry.push_back(value);
      }
    }
  };
  judge(reader.settled_documents({values.begin(), values.end()}, leave_out, settled_sample), settled_sample);
  if (!retry.empty()) judge(reader.settled_documents(retry, leave_out, settled_retry), settled_retry);
  return out;
}

// What the draft check reads: candidate records and the archive's names for them.
struct candidate_set {
  std::map<std::string, archive_record> records;  // by id
  std::vector<std::string> leave_out;              // archived documents a draft replaces (same path)
};

// The archive's names for linking `drafts` and the candidates as the whole archive would.
std::shared_ptr<const corpus_names> names_for(archive_reader& reader, const candidate_set& set, const run_result& drafts,
                                              name_keys& keyer, const lexicon& lex) {
  std::set<std::string> prefixes;
  std::set<std::string> romanised;
  for (const auto& entry : set.records) {
    prefixes.insert(entry.second.name_prefixes.begin(), entry.second.name_prefixes.end());
    romanised.insert(entry.second.name_romanised.begin(), entry.second.name_romanised.end());
  }
  std::vector<document_names> own;
  for (std::size_t d = 0; d < drafts.documents.size(); ++d) {
    std::vector<claim> claims;
    for (const claim& c : drafts.claims) {
      if (c.document == d) claims.push_back(c);
    }
    own.push_back(names_of_document(drafts.documents[d], drafts.sentences[d], claims, lex));
    for (const std::string& name : own.back().nearby) {
      prefixes.merge(keyer.prefixes(name));
      romanised.merge(keyer.romanised(name));
    }
  }
  auto names = std::make_shared<corpus_names>(reader.names({prefixes.begin(), prefixes.end()}, {romanised.begin(), romanised.end()},
                                                           set.leave_out));
  // The drafts are part of the corpus they are checked in.
  for (const document_names& d : own) {
    names->organisations.insert(d.organisations.begin(), d.organisations.end());
    for (const auto& [name, count] : d.mentions) names->mentions[name] += count;
  }
  return names;
}

// The keys of the drafts' subjects in `run`: every archived document holding a name that can
// become one of them in some corpus holds one of these keys (`name_keys`). A subject made of an
// owner and a noun (`DeepSeek base model`) adds the keys of its owner's name.
std::set<std::string> draft_subject_keys(const run_result& run, name_keys& keyer, const lexicon& lex) {
  std::set<std::string> out;
  for (std::size_t d = 0; d < run.documents.size(); ++d) {
    if (!run.documents[d].draft) continue;
    std::vector<claim> claims;
    std::set<std::string> subjects;
    for (const claim& c : run.claims) {
      if (c.document != d) continue;
      claims.push_back(c);
      if (!c.subject.empty()) subjects.insert(c.subject);
    }
    for (const std::string& subject : subjects) out.merge(keyer.keys(subject));
    for (const std::string& name : names_of_document(run.documents[d], run.sentences[d], claims, lex).nearby_subjects) {
      std::set<std::string> keys = keyer.keys(name);
      const bool owner = std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
        return key.front() == '=' && std::any_of(subjects.begin(), subjects.end(), [&](const std::string& subject) {
                 return subject.size() > key.size() && subject.compare(0, key.size() - 1, key, 1) == 0 && subject[key.size() - 1] == ' ';
               });
      });
      if (owner) out.merge(keys);
    }
  }
  return out;
}

std::vector<archive_record> records_of(const candidate_set& set) {
  std::vector<archive_record> out;
  out.reserve(set.records.size());
  for (const auto& entry : set.records) out.push_back(entry.second);
  return out;
}

// Reads `ids` not read yet into `set`; false when the set would grow past the limit.
bool add_candidates(archive_reader& reader, candidate_set& set, const std::vector<std::string>& ids, unsigned jobs) {
  std::vector<std::string> wanted;
  for (const std::string& id : ids) {
    if (set.records.count(id) == 0 && std::find(set.leave_out.begin(), set.leave_out.end(), id) == set.leave_out.end()) {
      wanted.push_back(id);
    }
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  if (set.records.size() + wanted.size() > max_candidate_documents) return false;
  for (archive_record& r : reader.load(wanted, jobs)) {
    const std::string id = r.doc.id;
    set.records.emplace(id, std::move(r));
  }
  return true;
}

run_result full_load(const run_config& config, archive_store& store, const lexicon& lex, const std::string& why) {
  std::vector<archive_record> all = store.load_all(config.jobs);
  const std::size_t count = all.size();
  run_result result = run_check(config, std::move(all), lex);
  result.diags.push_back(diagnostic{"archive.full-load", diagnostic_level::note, store.location(),
                                    fmt::format("the draft was checked against every archived document ({}): {}", count, why),
                                    std::nullopt});
  result.archive = run_result::archive_reading{count, true};
  return result;
}

}  // namespace

run_result run_draft_check(const run_config& config, archive_store& store, const lexicon& lex) {
  assert(!config.drafts.empty());
  if (!config.inputs.empty()) return full_load(config, store, lex, "documents were given beside the archive");
  if (!store.has_candidate_index()) {
    return full_load(config, store, lex,
                     fmt::format("its records predate the candidate index; run `factcheck archive refresh --archive {}` to build it",
                                 store.location()));
  }
  // The drafts linked on their own: their names and subjects are what candidates are found by.
  run_config alone = config;
  alone.baseline.reset();
  alone.progress = {};
  const run_result drafts = run_check(alone, lex);
  name_keys keyer(lex, config.link);
  std::set<std::string> fetched = draft_subject_keys(drafts, keyer, lex);
  std::vector<std::string> draft_paths;
  std::vector<std::string> draft_ids;
  for (const document& d : drafts.documents) {
    draft_paths.push_back(d.path);
    draft_ids.push_back(d.id);  // an archived document of a draft's id makes it `draft/ID`
  }
  candidate_set set;
  std::unique_ptr<archive_reader> reader = store.read();
  set.leave_out = reader->documents_at_paths(draft_paths);
  std::vector<std::string> first = reader->documents_with_keys({fetched.begin(), fetched.end()});
  first.insert(first.end(), draft_ids.begin(), draft_ids.end());
  const auto too_many = [&] {
    reader.reset();
    return full_load(config, store, lex, fmt::format("more than {} candidate documents", max_candidate_documents));
  };
  if (!add_candidates(*reader, set, first, config.jobs)) return too_many();
  run_config linked = config;
  linked.link.corpus = names_for(*reader, set, drafts, keyer, lex);
  run_result result = run_check(linked, records_of(set), lex);
  // Linked with the archive's names, a draft's subject may take another form than alone (an
  // organisation prefix dropped, another script's wording): fetch by that form's keys too.
  for (int round = 0;; ++round) {
    std::vector<std::string> missing;
    for (const std::string& key : draft_subject_keys(result, keyer, lex)) {
      if (fetched.insert(key).second) missing.push_back(key);
    }
    if (missing.empty()) break;
    if (round == 2) {
      reader.reset();
      return full_load(config, store, lex, "the drafts' subjects kept changing as candidates were added");
    }
    if (!add_candidates(*reader, set, reader->documents_with_keys(missing), config.jobs)) return too_many();
    linked.link.corpus = names_for(*reader, set, drafts, keyer, lex);
    result = run_check(linked, records_of(set), lex);
  }
  // The subject-tie pass compares precise values across the corpus: every document stating one
  // of the values of the drafts' subjects joins, so that its evidence is counted in full.
  std::set<std::string> subjects;
  for (const claim& c : result.claims) {
    if (result.documents[c.document].draft && !c.subject.empty()) subjects.insert(c.subject);
  }
  // Only the values the pass counts (its runs hold no other claim); each claim of those subjects
  // is linked here as in the whole archive. The run key leaves out editions, so the documents read
  // are a superset of each run.
  std::set<std::string> values;
  std::set<std::string> with_edition;  // keys standing for more than one run: only all of them read
  for (const claim& c : result.claims) {
    if (subjects.count(c.subject) == 0 || !counts_toward_subject_ties(c)) continue;
    if (std::string key = subject_tie_key(c); !key.empty()) {
      if (has_edition(c)) with_edition.insert(key);
      values.insert(std::move(key));
    }
  }
  std::set<std::string> exact;  // keys whose claims here hold no edition: the key is their run's
  std::set_difference(values.begin(), values.end(), with_edition.begin(), with_edition.end(), std::inserter(exact, exact.end()));
  // A value that more subjects state than the pass counts gives no evidence: its documents need
  // not be read (bench/README.md, "Draft checks at 350,000 documents").
  const std::set<std::string> settled = settled_values(*reader, exact, set.leave_out);
  std::vector<std::string> unsettled;
  std::set_difference(values.begin(), values.end(), settled.begin(), settled.end(), std::back_inserter(unsettled));
  const std::size_t before = set.records.size();
  if (!add_candidates(*reader, set, reader->documents_with_values(unsettled), config.jobs)) return too_many();
  if (set.records.size() != before) {
    linked.link.corpus = names_for(*reader, set, drafts, keyer, lex);
    result = run_check(linked, records_of(set), lex);
  }
  reader.reset();
  // The drafts' subjects as the pass left them too: a tie renames a draft claim's subject.
  for (const claim& c : result.claims) {
    if (result.documents[c.document].draft && !c.subject.empty()) subjects.insert(c.subject);
  }
  const bool tied = std::any_of(result.claims.begin(), result.claims.end(), [&](const claim& c) {
    return (result.documents[c.document].draft || subjects.count(c.subject) > 0) &&
           c.link_basis.find("by agreeing values") != std::string::npos;
  });
  if (tied || could_tie_subjects(result.claims, subjects, settled)) {
    return full_load(config, store, lex, "a draft's subject shares a precise value with another subject, which may tie them");
  }
  result.archive = run_result::archive_reading{set.records.size(), false};
  return result;
}

run_result analyse_documents(std::vector<document> documents, const lexicon& lex, const link_options& options,
                             diagnostics diags) {
  return analyse(std::move(documents), lex, options, std::move(diags), {}, 1);
}

std::vector<archive_record> make_archive_records(std::vector<document> documents, const diagnostics& ingest_diags,
                                                 const lexicon& lex, const link_options& options, unsigned jobs,
                                                 const std::function<void(std::size_t, std::size_t)>& progress) {
  std::map<std::string, diagnostics> by_file;
  for (const diagnostic& d : ingest_diags) by_file[d.file].push_back(d);
  std::vector<archive_record> records(documents.size());
  std::vector<std::unique_ptr<segmenter>> splitters(resolve_jobs(jobs));
  std::vector<std::unique_ptr<name_keys>> keyers(resolve_jobs(jobs));
  std::atomic<std::size_t> done{0};
  std::mutex progress_mutex;
  // Each document alone: its index must not depend on which documents were added with it.
  for_each_index(documents.size(), jobs, [&](std::size_t i, unsigned worker) {
    if (!splitters[worker]) splitters[worker] = std::make_unique<segmenter>();
    if (!keyers[worker]) keyers[worker] = std::make_unique<name_keys>(lex, options);
    document& doc = documents[i];
    const std::vector<std::vector<sentence>> sentences{splitters[worker]->split(doc)};
    const std::vector<mention> mentions = recognize(doc, sentences[0], lex);
    diagnostics diags;
    std::vector<claim> unlinked = normalize(doc, 0, mentions, lex, diags);
    std::vector<document> alone(1);
    alone[0] = std::move(doc);
    diagnostics link_diags;
    const std::vector<claim> claims = link(alone, sentences, unlinked, lex, options, link_diags);
    const auto own = by_file.find(alone[0].path);
    records[i] = make_record(std::move(alone[0]), own == by_file.end() ? diagnostics{} : own->second, claims);
    index_names(records[i], sentences[0], unlinked, claims, lex, *keyers[worker]);
    records[i].sentences = sentences[0];
    records[i].unlinked = std::move(unlinked);
    records[i].analysis_diags = std::move(diags);
    if (progress) {
      const std::lock_guard lock(progress_mutex);
      progress(++done, documents.size());
    }
  });
  return records;
}

}  // namespace checker
