#include "pipeline/pipeline.h"

#include <algorithm>
#include <set>

#include "baseline/baseline.h"
#include "compare/compare.h"
#include "link/link.h"
#include "normalize/normalize.h"
#include "recognize/recognize.h"

namespace checker {
namespace {

run_result analyse(std::vector<document> documents, const lexicon& lex, const link_options& options, diagnostics diags,
                   const std::function<void(std::size_t, std::size_t)>& progress) {
  run_result result;
  result.diags = std::move(diags);
  result.documents = std::move(documents);
  result.sentences.reserve(result.documents.size());
  segmenter splitter;
  for (std::size_t i = 0; i < result.documents.size(); ++i) {
    const document& doc = result.documents[i];
    result.sentences.push_back(splitter.split(doc));
    const std::vector<mention> mentions = recognize(doc, result.sentences.back(), lex);
    std::vector<claim> claims = normalize(doc, i, mentions, lex, result.diags);
    result.claims.insert(result.claims.end(), std::make_move_iterator(claims.begin()), std::make_move_iterator(claims.end()));
    if (progress) progress(i + 1, result.documents.size());
  }
  result.claims = link(result.documents, result.sentences, std::move(result.claims), lex, options, result.diags);
  result.findings = compare(result.documents, result.claims, lex);
  return result;
}

}  // namespace

namespace {

// Draft mode: keep the findings where a draft figure stands on a side that no published claim
// supports. A draft that agrees with some published sources, in a fact the sources already
// disagree about among themselves, is not what the editor has to fix.
void keep_draft_findings(run_result& result) {
  const auto is_draft = [&](std::size_t claim) { return result.documents[result.claims[claim].document].draft; };
  std::erase_if(result.findings, [&](const finding& f) {
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

}  // namespace

run_result run_check(const run_config& config, const lexicon& lex) {
  diagnostics diags;
  ingest_result ingested = ingest_paths(config.inputs, config.ingest, diags);
  if (!config.drafts.empty()) {
    ingest_result drafts = ingest_paths(config.drafts, config.ingest, diags);
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
  run_result result = analyse(std::move(ingested.documents), lex, config.link, std::move(diags), config.progress);
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

run_result analyse_documents(std::vector<document> documents, const lexicon& lex, const link_options& options,
                             diagnostics diags) {
  return analyse(std::move(documents), lex, options, std::move(diags), {});
}

}  // namespace checker
