// Throughput of the recogniser on a generated corpus (issue 3). Not a test: run by bench/run.sh.
//
// Builds documents from the sentences of corpus/ and tests/data/recognition_gold.json with every
// digit redrawn (so no two documents are alike), streams them one at a time through ingest,
// segment, recognise and normalise on one thread, and prints MB/s and peak memory. Memory is
// sampled at a fifth of the corpus and at the end: it must not grow with the corpus, since only
// claim counts are kept.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ingest/ingest.h"
#include "lexicon/lexicon.h"
#include "normalize/normalize.h"
#include "recognize/recognize.h"
#include "segment/segment.h"

namespace {

using clock_type = std::chrono::steady_clock;

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

std::vector<std::string> source_sentences(const std::string& root) {
  std::vector<std::string> out;
  std::ifstream gold(root + "/tests/data/recognition_gold.json");
  for (const auto& item : nlohmann::json::parse(gold)["cases"]) out.push_back(item["text"]);
  for (const auto& entry : std::filesystem::directory_iterator(root + "/corpus")) {
    std::ifstream in(entry.path());
    std::string line;
    bool in_front_matter = false;
    while (std::getline(in, line)) {
      if (line == "---") {
        in_front_matter = !in_front_matter;
        continue;
      }
      if (!in_front_matter && line.size() > 20) out.push_back(line);
    }
  }
  return out;
}

// A document of about `bytes` bytes: sentences drawn at random with every ASCII digit redrawn.
std::string make_document(const std::vector<std::string>& sentences, std::mt19937& random, std::size_t bytes) {
  std::string text = "---\npublished: 2025-09-18\nsource: bench\n---\n";
  std::uniform_int_distribution<std::size_t> pick(0, sentences.size() - 1);
  std::uniform_int_distribution<int> digit(0, 9);
  while (text.size() < bytes) {
    std::string sentence = sentences[pick(random)];
    for (char& c : sentence) {
      if (c >= '1' && c <= '9') c = static_cast<char>('1' + digit(random) % 9);
    }
    text += sentence;
    text += random() % 4 == 0 ? "\n\n" : "\n";
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  std::string root = ".";
  double target_mb = 64;
  std::string sample_path;
  std::size_t sample_bytes = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--root" && i + 1 < argc) root = argv[++i];
    else if (arg == "--mb" && i + 1 < argc) target_mb = std::stod(argv[++i]);
    else if (arg == "--sample" && i + 2 < argc) {
      sample_path = argv[++i];
      sample_bytes = std::stoul(argv[++i]);
    } else {
      fmt::print(stderr, "usage: factcheck_bench [--root DIR] [--mb N] [--sample FILE BYTES]\n");
      return 2;
    }
  }
  const checker::lexicon lex = checker::load_builtin_lexicon();
  const std::vector<std::string> sentences = source_sentences(root);
  std::mt19937 random(20250918);
  checker::segmenter splitter;

  const std::size_t target = static_cast<std::size_t>(target_mb * 1e6);
  constexpr std::size_t document_bytes = 8 * 1024;
  std::size_t total_bytes = 0;
  std::size_t documents = 0;
  std::size_t claims = 0;
  long rss_at_fifth = 0;
  std::string sample;
  clock_type::duration analysing{};
  clock_type::duration recognising{};
  clock_type::duration recognising_and_normalising{};
  while (total_bytes < target) {
    const std::string text = make_document(sentences, random, document_bytes);
    if (sample.size() < sample_bytes) sample += text.substr(text.find("---\n", 4) + 4);
    const auto start = clock_type::now();
    checker::diagnostics diags;
    auto doc = checker::ingest_bytes(fmt::format("doc{}.md", documents), text, checker::document_format::markdown, diags);
    const auto sentences_of_doc = splitter.split(*doc);
    const auto recognise_start = clock_type::now();
    const auto mentions = checker::recognize(*doc, sentences_of_doc, lex);
    recognising += clock_type::now() - recognise_start;
    const auto found = checker::normalize(*doc, documents, mentions, lex, diags);
    const auto end = clock_type::now();
    analysing += end - start;
    recognising_and_normalising += end - recognise_start;
    claims += found.size();
    total_bytes += text.size();
    ++documents;
    if (rss_at_fifth == 0 && total_bytes >= target / 5) rss_at_fifth = peak_rss_kib();
  }
  if (!sample_path.empty()) {
    sample.resize(std::min(sample.size(), sample_bytes));
    while (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80) sample.pop_back();
    if (!sample.empty() && static_cast<unsigned char>(sample.back()) >= 0xC0) sample.pop_back();
    std::ofstream(sample_path, std::ios::binary) << sample;
  }
  const auto seconds = [](clock_type::duration d) { return std::chrono::duration<double>(d).count(); };
  const double mb = static_cast<double>(total_bytes) / 1e6;
  fmt::print(
      "{{\"tool\":\"factcheck\",\"bytes\":{},\"documents\":{},\"claims\":{},\"seconds\":{:.3f},\"mb_per_s\":{:.1f},"
      "\"recognise_normalise_mb_per_s\":{:.1f},\"recognise_only_mb_per_s\":{:.1f},\"peak_rss_kib_at_fifth\":{},"
      "\"peak_rss_kib_at_end\":{}}}\n",
      total_bytes, documents, claims, seconds(analysing), mb / seconds(analysing), mb / seconds(recognising_and_normalising),
      mb / seconds(recognising), rss_at_fifth, peak_rss_kib());
  return 0;
}
