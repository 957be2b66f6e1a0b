#pragma once
// Stage 2, segment: document -> sentences.
//
// Splits a document's text into sentences with ICU's sentence BreakIterator, working on the
// UTF-8 text directly so that every boundary is a byte offset into `document::text`. Line
// breaks end sentences (a heading or byline is its own sentence). Text longer than
// `max_sentence_bytes` without a sentence end is cut into pieces of at most that size, so the
// later stages' work per sentence stays bounded. It does not look inside sentences.

#include <cstddef>
#include <memory>
#include <vector>

#include "model/document.h"
#include "model/span.h"

namespace checker {

/// Longest sentence the segmenter returns. Longer runs without a sentence end are cut at a
/// clause mark, a space or a character boundary that keeps figures whole; real sentences in news
/// text are well under this.
inline constexpr std::size_t max_sentence_bytes = 2048;

/// One sentence: its span in the document's text, without surrounding white space.
struct sentence {
  byte_span span;
};

/// Splits documents into sentences. Building ICU's sentence rules with their abbreviation list
/// is costly, so a run builds one segmenter and reuses it for every document.
class segmenter {
 public:
  segmenter();
  ~segmenter();
  segmenter(const segmenter&) = delete;
  segmenter& operator=(const segmenter&) = delete;

  /// Splits `doc.text` into sentences, in order; never empty sentences.
  std::vector<sentence> split(const document& doc);

 private:
  struct rules;  // ICU's iterator, kept out of this header
  std::unique_ptr<rules> rules_;
};

/// One-off convenience: `segmenter().split(doc)`.
std::vector<sentence> segment(const document& doc);

}  // namespace checker
