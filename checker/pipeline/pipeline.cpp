#include "pipeline/pipeline.h"

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

run_result run_check(const run_config& config, const lexicon& lex) {
  diagnostics diags;
  ingest_result ingested = ingest_paths(config.inputs, config.ingest, diags);
  run_result result = analyse(std::move(ingested.documents), lex, config.link, std::move(diags), config.progress);
  result.skipped = std::move(ingested.skipped);
  return result;
}

run_result analyse_documents(std::vector<document> documents, const lexicon& lex, const link_options& options,
                             diagnostics diags) {
  return analyse(std::move(documents), lex, options, std::move(diags), {});
}

}  // namespace checker
