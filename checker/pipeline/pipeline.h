#pragma once
// The whole check: ingest -> segment -> recognise -> normalise -> link -> compare. This is
// the only place that knows the order of the stages; it does no I/O beyond ingest's reading.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "ingest/ingest.h"
#include "lexicon/lexicon.h"
#include "link/link.h"
#include "model/claim.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "model/finding.h"
#include "segment/segment.h"

namespace checker {

struct run_config {
  std::vector<std::string> inputs;  // files and folders
  /// Draft mode: documents checked against `inputs`; only findings that involve a draft are
  /// kept, and draft figures that agree with the published ones are listed as confirmed.
  std::vector<std::string> drafts;
  /// Findings recorded earlier: each finding is marked new or unchanged against it.
  std::optional<std::vector<recorded_finding>> baseline;
  ingest_options ingest;
  /// Threads that read and analyse documents (0: one per core); the result never depends on it.
  unsigned jobs = 0;
  link_options link;
  /// Called after each document is read and analysed (for progress display); may be empty.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Everything a run produced, in stable order: documents by id, claims by (document, offset),
/// findings by fact key.
struct run_result {
  std::vector<document> documents;
  std::vector<std::vector<sentence>> sentences;  // parallel to documents
  std::vector<claim> claims;
  std::vector<finding> findings;
  std::vector<skipped_file> skipped;
  diagnostics diags;
  bool draft_mode = false;
  std::vector<confirmation> confirmations;  // draft mode: draft figures the published ones confirm
  bool baseline_used = false;
  std::vector<recorded_finding> fixed;      // baseline findings that no longer occur
  /// A check over an archive: how many archived documents it read, and whether it read them all
  /// (a draft check reads only its candidates unless it had to fall back; issue 15).
  struct archive_reading {
    std::size_t documents_loaded = 0;
    bool full_load = false;
  };
  std::optional<archive_reading> archive;
};

/// Runs every stage on `config.inputs` (and `config.drafts`) with `lex`, then applies the
/// draft filter and the baseline.
run_result run_check(const run_config& config, const lexicon& lex);

/// As `run_check`, with `archived` documents (read and analysed up to link when they were
/// archived) checked along with `config.inputs`; a document of `config.inputs` with an archived
/// document's id replaces it. Linking and comparison run over all of them, so the result is the
/// same as a plain check reading the same documents from files.
run_result run_check(const run_config& config, std::vector<archive_record> archived, const lexicon& lex);

/// Draft mode against an archive (issue 15): reads only the archived documents that could share a
/// group with a draft claim (by subject keys, and by precise values for the subject-tie pass),
/// links them with the archive's names as the whole archive would, and gives the findings and
/// confirmations of `run_check` over every archived document. Where that cannot be guaranteed
/// (too many candidates, a possible subject tie, PATH inputs) it reads every document instead and
/// says why in an `archive.full-load` note. `config.drafts` must not be empty.
run_result run_draft_check(const run_config& config, archive_store& store, const lexicon& lex);

/// The claims of documents already in memory (the `extract` command and tests).
run_result analyse_documents(std::vector<document> documents, const lexicon& lex, const link_options& options,
                             diagnostics diags = {});

/// Archive records of `documents` (`archive add`, `archive refresh`, `extract --format jsonl`):
/// each document analysed and linked on its own for the claim index; `ingest_diags` are shared
/// out to the documents whose file they name. `progress` may be empty.
std::vector<archive_record> make_archive_records(std::vector<document> documents, const diagnostics& ingest_diags,
                                                 const lexicon& lex, const link_options& options, unsigned jobs,
                                                 const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace checker
