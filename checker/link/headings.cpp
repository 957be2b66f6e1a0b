// Lists under a heading. Pages rank or tabulate figures as a heading line that names the measure
// and ends in a colon, then one line per item (`全球票房最高的电影：` / `1.《甲》/29.2亿美元` /
// `2.《乙》/27.9亿美元`): each item names its subject and figure but the measure only in the
// heading, so a reader takes it from there. An item takes the heading's cue when the item has no
// cue of its own, names its subject itself, and holds exactly one figure the cue can measure.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "link/annotations.h"
#include "link/passes.h"
#include "recognize/scanner.h"

namespace checker::detail {
namespace {

std::size_t trimmed_end(std::string_view text, byte_span span) {
  std::size_t end = span.end;
  while (end > span.begin && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == '\t')) --end;
  return end;
}

bool ends_with_colon(std::string_view text, byte_span span) {
  const std::size_t end = trimmed_end(text, span);
  const std::string_view full_width = "\xEF\xBC\x9A";  // ：
  return (end > span.begin && text[end - 1] == ':') ||
         (end >= span.begin + full_width.size() && text.substr(end - full_width.size(), full_width.size()) == full_width);
}

// Numbered items (`1.`, `2、`, `3)`, `4）`) and bulleted ones (`-`, `*`, `•`, `·`).
bool opens_list_item(std::string_view text, byte_span span) {
  std::size_t pos = skip_spaces(text, span.begin);
  for (std::string_view bullet : {"-", "*", "\xE2\x80\xA2", "\xC2\xB7"}) {  // - * • ·
    if (text.substr(pos, bullet.size()) == bullet) return true;
  }
  const std::size_t digits = pos;
  while (pos < span.end && pos - digits < 3 && text[pos] >= '0' && text[pos] <= '9') ++pos;
  if (pos == digits || pos >= span.end) return false;
  if (text[pos] == '.' || text[pos] == ')') return pos + 1 >= span.end || !(text[pos + 1] >= '0' && text[pos + 1] <= '9');  // not 1.5
  return text.substr(pos, 3) == "\xE3\x80\x81" || text.substr(pos, 3) == "\xEF\xBC\x89";  // 、 ）
}

// A sentence that is nothing but a list number (`1.`, `12、`, `1.「`).
bool marker_only(std::string_view text, byte_span span) {
  std::size_t pos = skip_spaces(text, span.begin);
  while (pos < span.end && text[pos] >= '0' && text[pos] <= '9') ++pos;
  if (pos < span.end && (text[pos] == '.' || text[pos] == ')')) ++pos;
  else if (text.substr(pos, 3) == "\xE3\x80\x81") pos += 3;  // 、
  // and the opening bracket of the item's title, which the segmenter may leave with it (`1.「`)
  pos = skip_spaces(text, pos);
  for (std::string_view open : {"\xE3\x80\x8C", "\xE3\x80\x8A", "\xE2\x80\x9C", "\xEF\xBC\x88", "(", "\"", "'"}) {  // 「 《 “ （
    if (text.substr(pos, open.size()) == open) {
      pos += open.size();
      break;
    }
  }
  return pos >= trimmed_end(text, span);
}

bool names_its_subject(const claim& c) {
  return c.link_basis.rfind("clause", 0) == 0 || c.link_basis.rfind("sentence", 0) == 0;
}

// Gives the items of one list (sentences `items` of document text `text`) the heading's cue.
void label_items(std::string_view text, const std::vector<cue>& heading_cues, const std::vector<sentence>& sentences,
                 const std::vector<std::size_t>& items, const std::map<std::size_t, std::vector<std::size_t>>& claims_of_sentence,
                 std::vector<claim>& claims, const lexicon& lex) {
  for (std::size_t k : items) {
    const auto found = claims_of_sentence.find(k);
    if (found == claims_of_sentence.end() || !find_cues(text, sentences[k].span, lex.attribute_cues).empty()) continue;
    std::optional<std::pair<std::size_t, std::size_t>> only;  // (claim, attribute)
    bool several = false;
    for (std::size_t i : found->second) {
      const claim& c = claims[i];
      if (c.found.kind == claim_kind::date) continue;
      for (auto cue = heading_cues.rbegin(); cue != heading_cues.rend(); ++cue) {
        if (auto attribute = fitting_attribute(lex, cue->payload, claim_dimension(c))) {
          several = several || only.has_value();
          only = std::pair{i, *attribute};
          break;
        }
      }
    }
    if (!only || several) continue;
    claim& c = claims[only->first];
    if (!c.attribute.empty() || c.subject.empty() || !names_its_subject(c) || c.status != resolution::resolved) continue;
    c.attribute = lex.attributes[only->second].id;
    c.link_basis += ", cue in the list's heading";
    c.link_confidence = 0.75;
  }
}

}  // namespace

void attributes_from_headings(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                              std::vector<claim>& claims, const lexicon& lex) {
  std::vector<std::map<std::size_t, std::vector<std::size_t>>> claims_of_sentence(docs.size());
  for (std::size_t i = 0; i < claims.size(); ++i) claims_of_sentence[claims[i].document][claims[i].found.sentence].push_back(i);
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (claims_of_sentence[d].empty()) continue;
    const std::string_view text = docs[d].match_text();
    std::vector<cue> heading_cues;
    std::vector<std::size_t> items;
    const auto close_list = [&]() {
      if (!heading_cues.empty() && !items.empty()) label_items(text, heading_cues, sentences[d], items, claims_of_sentence[d], claims, lex);
      heading_cues.clear();
      items.clear();
    };
    for (std::size_t k = 0; k < sentences[d].size(); ++k) {
      const byte_span span = sentences[d][k].span;
      if (!heading_cues.empty() && opens_list_item(text, span)) {
        items.push_back(k);
        // `1.` can end a sentence for the segmenter; what follows it on its line is the item.
        if (k + 1 < sentences[d].size() && marker_only(text, span)) items.push_back(++k);
        continue;
      }
      close_list();
      if (ends_with_colon(text, span)) heading_cues = find_cues(text, span, lex.attribute_cues);
    }
    close_list();
  }
}

}  // namespace checker::detail
