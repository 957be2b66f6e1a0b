#include "report/quote.h"

#include <string_view>

namespace checker {
namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

quote_parts quote_of(const run_result& run, const claim& c) {
  const std::string_view text = run.documents[c.document].text;
  const auto& sentences = run.sentences[c.document];
  const byte_span figure = c.found.span;
  if (c.found.sentence >= sentences.size() || figure.end > text.size()) return {{}, c.found.text, {}};
  const byte_span sentence = sentences[c.found.sentence].span;
  if (figure.begin < sentence.begin || figure.end > sentence.end) return {{}, c.found.text, {}};
  quote_parts out;
  out.figure = std::string(text.substr(figure.begin, figure.size()));

  std::size_t begin = sentence.begin;
  if (figure.begin - sentence.begin > max_quote_side_bytes) {
    begin = figure.begin - max_quote_side_bytes;
    while (begin < figure.begin && is_continuation_byte(text[begin])) ++begin;
    out.before = "…";
  }
  out.before += text.substr(begin, figure.begin - begin);

  std::size_t end = sentence.end;
  bool cut_after = false;
  if (sentence.end - figure.end > max_quote_side_bytes) {
    end = figure.end + max_quote_side_bytes;
    while (end > figure.end && is_continuation_byte(text[end])) --end;
    cut_after = true;
  }
  out.after = std::string(text.substr(figure.end, end - figure.end));
  if (cut_after) out.after += "…";
  return out;
}

}  // namespace checker
