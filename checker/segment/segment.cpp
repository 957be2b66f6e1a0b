#include "segment/segment.h"

#include <algorithm>
#include <memory>
#include <string_view>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

namespace checker {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || c == '.' || c == ',';
}

// Where to cut an over-long piece [begin, end) so that the first part is at most `limit` bytes:
// after the last clause mark (，；：、;:) in the window, else after the last space, else at the
// last character boundary that does not cut a figure or word. Always returns a point in
// (begin, begin + limit], so every cut makes progress.
std::size_t cut_point(const std::string& text, std::size_t begin, std::size_t limit) {
  const std::size_t window_end = begin + limit;
  const std::size_t window_floor = begin + limit / 2;  // a cut much earlier would waste the window
  static constexpr std::string_view clause_marks[] = {"\xEF\xBC\x8C", "\xEF\xBC\x9B", "\xEF\xBC\x9A", "\xE3\x80\x81", "; ", ": ", ", "};
  std::size_t best = 0;
  for (std::string_view mark : clause_marks) {
    const std::size_t found = std::string_view(text).substr(window_floor, window_end - window_floor).rfind(mark);
    if (found != std::string_view::npos) best = std::max(best, window_floor + found + mark.size());
  }
  if (best != 0) return best;
  for (std::size_t i = window_end; i > window_floor; --i) {
    if (is_space(text[i - 1])) return i;
  }
  std::size_t cut = window_end;
  while (cut > window_floor && (is_continuation_byte(text[cut]) || (is_word_byte(text[cut]) && is_word_byte(text[cut - 1])))) --cut;
  while (cut > begin + 1 && is_continuation_byte(text[cut])) --cut;  // never split a character
  return cut;
}

// Trims ASCII and ideographic white space and appends a non-empty sentence.
void push_one(const std::string& text, std::size_t begin, std::size_t end, std::vector<sentence>& out) {
  for (;;) {
    if (begin < end && is_space(text[begin])) {
      ++begin;
    } else if (end - begin >= 3 && text.compare(begin, 3, "\xE3\x80\x80") == 0) {  // U+3000
      begin += 3;
    } else {
      break;
    }
  }
  while (end > begin && is_space(text[end - 1])) --end;
  if (end > begin) out.push_back(sentence{byte_span{begin, end}});
}

// Appends [begin, end) as one sentence, or as several when it is longer than
// `max_sentence_bytes`. Text with no sentence end (a table flattened to one line, a generated
// file) would otherwise make one sentence of megabytes, and linking, which looks across a
// sentence for each figure, would grow with the square of its length.
void push_trimmed(const std::string& text, std::size_t begin, std::size_t end, std::vector<sentence>& out) {
  while (end - begin > max_sentence_bytes) {
    const std::size_t cut = cut_point(text, begin, max_sentence_bytes);
    push_one(text, begin, cut, out);
    begin = cut;
  }
  push_one(text, begin, end, out);
}

}  // namespace

struct segmenter::rules {
  std::unique_ptr<icu::BreakIterator> breaker;  // null when ICU's data is missing
};

segmenter::segmenter() : rules_(std::make_unique<rules>()) {
  UErrorCode status = U_ZERO_ERROR;
  // English rules with ICU's abbreviation suppressions (`ss=standard`: no break after "Jan." or
  // "Mr.") serve Chinese (。！？) as well; no default locale is read.
  rules_->breaker.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::createFromName("en@ss=standard"), status));
  if (U_FAILURE(status)) rules_->breaker.reset();
}

segmenter::~segmenter() = default;

std::vector<sentence> segmenter::split(const document& doc) {
  std::vector<sentence> out;
  icu::BreakIterator* breaker = rules_->breaker.get();
  const std::string& text = doc.text;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = breaker != nullptr ? utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status) : nullptr;
  if (U_FAILURE(status) || utext == nullptr) {
    if (utext != nullptr) utext_close(utext);
    // Without ICU's data the text is split at line breaks only: degraded, never lost.
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n') {
        push_trimmed(text, begin, i, out);
        begin = i + 1;
      }
    }
    return out;
  }
  breaker->setText(utext, status);
  int32_t begin = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; begin = end, end = breaker->next()) {
    // ICU breaks after a paragraph separator; split again at any line break inside.
    std::size_t piece_begin = static_cast<std::size_t>(begin);
    const std::size_t piece_end = static_cast<std::size_t>(end);
    for (std::size_t i = piece_begin; i < piece_end; ++i) {
      if (text[i] == '\n') {
        push_trimmed(text, piece_begin, i, out);
        piece_begin = i + 1;
      }
    }
    push_trimmed(text, piece_begin, piece_end, out);
  }
  // The iterator must not keep pointing into this document's text.
  breaker->setText(icu::UnicodeString());
  utext_close(utext);
  return out;
}

std::vector<sentence> segment(const document& doc) { return segmenter().split(doc); }

}  // namespace checker
