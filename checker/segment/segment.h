#pragma once
// Stage 2, segment: document -> sentences.
//
// Splits a document's text into sentences with ICU's sentence BreakIterator, working on the
// UTF-8 text directly so that every boundary is a byte offset into `document::text`. Line
// breaks end sentences (a heading or byline is its own sentence). It does not look inside
// sentences.

#include <vector>

#include "model/document.h"
#include "model/span.h"

namespace checker {

/// One sentence: its span in the document's text, without surrounding white space.
struct sentence {
  byte_span span;
};

/// Splits `doc.text` into sentences, in order; never empty sentences.
std::vector<sentence> segment(const document& doc);

}  // namespace checker
