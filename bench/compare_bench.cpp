// Link and compare at corpus scale (issue 4). Not a test: run by bench/run.sh or by hand.
//
// Generates N short documents (default 100,000) in Chinese and English about K subjects
// (default 5,000 product names), each stating a release date, a training cost, a training time,
// a GPU count and an accuracy change for its subject, with one document in fifty getting one
// figure wrong. Analyses every document (segment, recognise, normalise), then times link and
// compare over the whole corpus at once and prints the figures as JSON.
//
// With `--write DIR` it writes the same documents to DIR as files (doc000000.md, ...) and stops,
// so that the whole command (`factcheck check DIR`) can be measured on them (issue 15).
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "compare/compare.h"
#include "ingest/ingest.h"
#include "lexicon/lexicon.h"
#include "link/link.h"
#include "normalize/normalize.h"
#include "recognize/recognize.h"
#include "segment/segment.h"

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) { return std::chrono::duration<double>(clock_type::now() - start).count(); }

std::string make_document(std::size_t subject, bool chinese, bool wrong, std::mt19937& random) {
  const std::string name = fmt::format("Orion-{}", subject);
  const int day = static_cast<int>(subject % 27) + 1;
  const int cost = static_cast<int>(subject % 90) + 10;  // in units of 10,000 dollars
  const int hours = static_cast<int>(subject % 200) + 20;
  const int gpus = 256 * (static_cast<int>(subject % 8) + 1);
  std::uniform_int_distribution<int> which(0, 3);
  const int broken = wrong ? which(random) : -1;
  std::string text = "---\npublished: 2025-09-18\nsource: bench\n---\n";
  if (chinese) {
    text += fmt::format("{}于2025年1月{}日正式发布。", name, broken == 0 ? day + 1 : day);
    text += fmt::format("论文披露，{}的训练成本为{}万美元。", name, broken == 1 ? cost * 10 : cost);
    text += fmt::format("{}在{}块H800芯片上训练了{}个小时。", name, gpus, broken == 2 ? hours * 2 : hours);
    text += fmt::format("在AIME竞赛中，{}的准确率从15.6%提升至{}%。\n", name, broken == 3 ? 50 : 71);
  } else {
    text += fmt::format("{} was released on January {}, 2025. ", name, broken == 0 ? day + 1 : day);
    text += fmt::format("Training {} cost ${},000, the paper says. ", name, broken == 1 ? cost * 100 : cost * 10);
    text += fmt::format("{} was trained for {} hours on {} H800 GPUs. ", name, broken == 2 ? hours * 2 : hours, gpus);
    text += fmt::format("On AIME, the accuracy of {} rose from 15.6% to {}%.\n", name, broken == 3 ? 50 : 71);
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t document_count = 100000;
  std::size_t subject_count = 5000;
  std::string write_dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--documents" && i + 1 < argc) document_count = std::stoul(argv[++i]);
    else if (arg == "--subjects" && i + 1 < argc) subject_count = std::stoul(argv[++i]);
    else if (arg == "--write" && i + 1 < argc) write_dir = argv[++i];
    else {
      fmt::print(stderr, "usage: factcheck_compare_bench [--documents N] [--subjects K] [--write DIR]\n");
      return 2;
    }
  }
  std::mt19937 random(20250918);
  std::uniform_int_distribution<int> fifty(0, 49);
  if (!write_dir.empty()) {
    // The same documents as the in-process run below (same seed, same order), as files.
    std::filesystem::create_directories(write_dir);
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < document_count; ++i) {
      const std::string text = make_document(i % subject_count, i % 2 == 0, fifty(random) == 0, random);
      bytes += text.size();
      std::ofstream(std::filesystem::path(write_dir) / fmt::format("doc{:06}.md", i), std::ios::binary) << text;
    }
    fmt::print("{{\"documents\":{},\"bytes\":{},\"folder\":\"{}\"}}\n", document_count, bytes, write_dir);
    return 0;
  }
  const checker::lexicon lex = checker::load_builtin_lexicon();
  checker::segmenter splitter;
  checker::diagnostics diags;
  std::vector<checker::document> docs;
  std::vector<std::vector<checker::sentence>> sentences;
  std::vector<checker::claim> claims;
  std::size_t bytes = 0;
  const auto analyse_start = clock_type::now();
  for (std::size_t i = 0; i < document_count; ++i) {
    const std::string text = make_document(i % subject_count, i % 2 == 0, fifty(random) == 0, random);
    bytes += text.size();
    auto doc = checker::ingest_bytes(fmt::format("doc{:06}.md", i), text, checker::document_format::markdown, diags);
    sentences.push_back(splitter.split(*doc));
    const auto mentions = checker::recognize(*doc, sentences.back(), lex);
    auto found = checker::normalize(*doc, docs.size(), mentions, lex, diags);
    claims.insert(claims.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    docs.push_back(std::move(*doc));
  }
  const double analyse_seconds = seconds_since(analyse_start);
  const auto link_start = clock_type::now();
  claims = checker::link(docs, sentences, std::move(claims), lex, {}, diags);
  const double link_seconds = seconds_since(link_start);
  const auto compare_start = clock_type::now();
  const auto findings = checker::compare(docs, sentences, claims, lex);
  const double compare_seconds = seconds_since(compare_start);
  std::size_t linked = 0;
  for (const auto& c : claims) linked += c.linked() ? 1 : 0;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print(
      "{{\"documents\":{},\"subjects\":{},\"bytes\":{},\"claims\":{},\"linked\":{},\"findings\":{},"
      "\"analyse_seconds\":{:.2f},\"link_seconds\":{:.2f},\"compare_seconds\":{:.3f},\"peak_rss_mib\":{:.0f}}}\n",
      docs.size(), subject_count, bytes, claims.size(), linked, findings.size(), analyse_seconds, link_seconds, compare_seconds,
      static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
