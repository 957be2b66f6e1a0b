// Figures worded alike across documents (issue 13): a copy, a repost or an update of one report
// repeats its sentences with the figures changed, and a list such as `天祥邮局9人、天祥天主堂22人`
// names each figure's place right before it. Whatever the lexicon knows of such a sentence, two
// figures with the same words around them, in sentences that share much of their wording, are
// one fact; a careful reader lines the two texts up the same way.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "link/link.h"
#include "link/passes.h"
#include "recognize/scanner.h"

namespace checker::detail {
namespace {

constexpr std::size_t left_tokens_kept = 8;
constexpr std::size_t key_left_tokens = 4;  // the tokens right before a figure that must agree
constexpr std::size_t left_window_bytes = 120;
constexpr std::size_t right_window_bytes = 24;
// Versions of one sentence: at least half of the shorter one's token pairs recur in the other.
constexpr double minimum_sentence_overlap = 0.5;
// Versions of one report: the documents share at least this share of the shorter one's runs of
// four tokens. Coverage of one event by different outlets shares a few phrases (0.01 typically,
// under 0.2 nine times in ten); a repost or an update of one report shares most of its text.
// Without it, sentences that only look alike (`营业收入同比增长…`, `净利润同比增长…`) were taken
// for versions of one another.
constexpr double minimum_document_overlap = 0.3;
constexpr double aligned_confidence = 0.7;        // compared, below a link the text states itself
const std::string figure_token = "#";

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0; }

bool is_punctuation_code(char32_t c) {
  if (c < 0x80) return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  return (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
         c == 0xB7 || c == 0x2014;
}

bool is_punctuation(const std::string& token) {
  if (token == figure_token) return false;
  std::size_t length = 0;
  return is_punctuation_code(decode(token, 0, &length));
}

// Tokens of `text`: a Latin word (lower case), a run of digits (`#`: the other figures of a
// sentence may change between copies too), or any other character on its own (a Chinese
// character, a punctuation mark, full-width forms read as their ASCII ones). Spaces separate.
std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length = 0;
    char32_t c = decode(text, pos, &length);
    if (length == 0) length = 1;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // ，０Ａ -> ,0A
    if (is_space(c)) {
      pos += length;
      continue;
    }
    if ((c >= '0' && c <= '9')) {
      std::size_t end = pos + length;
      while (end < text.size()) {
        std::size_t next_length = 0;
        char32_t next = decode(text, end, &next_length);
        if (next >= 0xFF01 && next <= 0xFF5E) next -= 0xFEE0;
        const bool inside = (next >= '0' && next <= '9') || ((next == '.' || next == ',') && end + next_length < text.size() &&
                                                             is_digit(text[end + next_length]));
        if (!inside || next_length == 0) break;
        end += next_length;
      }
      out.push_back(figure_token);
      pos = end;
      continue;
    }
    if (is_alpha(text[pos])) {  // an ASCII letter; full-width ones stand alone below
      std::string word;
      std::size_t end = pos;
      while (end < text.size() && (is_alpha(text[end]) || text[end] == '\'')) {
        word += static_cast<char>(text[end] >= 'A' && text[end] <= 'Z' ? text[end] - 'A' + 'a' : text[end]);
        ++end;
      }
      out.push_back(std::move(word));
      pos = end;
      continue;
    }
    // Full-width forms were read as their ASCII ones above; any other character as written.
    out.push_back(c < 0x80 ? std::string(1, static_cast<char>(c)) : std::string(text.substr(pos, length)));
    pos += length;
  }
  return out;
}

struct wording {
  std::vector<std::string> left;  // nearest first
  std::string key;                // the key tokens before, the first token after, the unit
};

// The wording around claim `c` in its sentence, or nothing when it cannot place a figure: too
// few words around it, another figure right before it, or an opening bracket (a converted
// amount, `（约14亿美元）`, restates the figure before it).
std::optional<wording> wording_of(const claim& c, std::string_view text, byte_span sentence) {
  if (c.found.span.begin < sentence.begin || c.found.span.end > sentence.end) return std::nullopt;
  // Only the text near the figure: enough bytes for the kept tokens in either script. A cut
  // inside the sentence may halve a word, so the first token of a cut window is dropped.
  std::size_t left_begin = c.found.span.begin - std::min(c.found.span.begin - sentence.begin, left_window_bytes);
  while (left_begin < c.found.span.begin && (static_cast<unsigned char>(text[left_begin]) & 0xC0) == 0x80) ++left_begin;
  std::vector<std::string> left = tokens_of(text.substr(left_begin, c.found.span.begin - left_begin));
  if (left_begin > sentence.begin && !left.empty()) left.erase(left.begin());
  const std::size_t right_length = std::min(sentence.end - c.found.span.end, right_window_bytes);
  std::vector<std::string> right = tokens_of(text.substr(c.found.span.end, right_length));
  if (c.found.span.end + right_length < sentence.end && right.size() == 1 && right.front().size() >= right_window_bytes) right.clear();
  if (left.size() < key_left_tokens || right.empty()) return std::nullopt;
  std::reverse(left.begin(), left.end());
  if (left.size() > left_tokens_kept) left.resize(left_tokens_kept);
  if (left.front() == "(" || left.front() == "[" || left.front() == "\xE3\x80\x90") return std::nullopt;  // 【
  std::size_t words = 0;
  for (std::size_t i = 0; i + 1 < key_left_tokens; ++i) {
    if (left[i] == figure_token) return std::nullopt;
    if (!is_punctuation(left[i])) ++words;
  }
  if (words < 2) return std::nullopt;
  wording out;
  for (std::size_t i = 0; i < key_left_tokens; ++i) out.key += left[i] + '\x1f';
  out.key += right.front() + '\x1f' + c.unit;
  out.left = std::move(left);
  return out;
}

// The words both texts put right before the figure, up to a punctuation mark or another
// figure (`天祥邮局`, `peak of`): what the aligned figures are about when neither text names it.
std::string subject_from(const std::vector<std::string>& left, const std::vector<std::string>& other) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < left.size() && i < other.size() && left[i] == other[i]; ++i) {
    const std::string& t = left[i];
    if (t == figure_token || is_punctuation(t) || words.size() == 6) break;
    words.push_back(t);
  }
  std::reverse(words.begin(), words.end());
  std::string out;
  for (const std::string& w : words) {
    const bool latin = !w.empty() && static_cast<unsigned char>(w[0]) < 0x80;
    if (latin && !out.empty() && static_cast<unsigned char>(out.back()) < 0x80) out += ' ';
    out += w;
  }
  return out;
}

// How much of the shorter sentence the other repeats: shared token pairs over the shorter's.
double overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  const std::set<std::string>& shorter = a.size() <= b.size() ? a : b;
  const std::set<std::string>& longer = a.size() <= b.size() ? b : a;
  if (shorter.empty()) return 0.0;
  std::size_t shared = 0;
  for (const std::string& t : shorter) shared += longer.count(t);
  return static_cast<double>(shared) / static_cast<double>(shorter.size());
}

bool surely_linked(const claim& c) { return c.linked() && c.link_confidence >= 0.65; }

// The attribute a cue of the figure's own gave it, if any.
std::string cue_attribute(const claim& c) {
  const bool own = c.link_basis.find("cue '") != std::string::npos && c.link_basis.find("listed after") == std::string::npos;
  return own ? c.attribute : std::string();
}

// A link worth copying: the text placed the figure through a cue of its own, not through the
// figure before it in a list (`540人受困，其中天祥84人`: the 84 is the place's, and a copy that
// reads it as the total misplaces it) or the subject of earlier sentences.
bool placed_by_its_own_cue(const claim& c) {
  return surely_linked(c) && c.link_basis.find("cue '") != std::string::npos &&
         c.link_basis.find("listed after") == std::string::npos && c.link_basis.rfind("inherited", 0) != 0;
}

// Two claims worded alike may be one fact when nothing the linker read tells them apart.
bool compatible(const claim& a, const claim& b) {
  if (a.document == b.document || a.qualifiers != b.qualifiers) return false;
  if (!a.subject.empty() && !b.subject.empty() && a.subject != b.subject) return false;
  if (!a.attribute.empty() && !b.attribute.empty() && a.attribute != b.attribute) return false;
  return !(surely_linked(a) && surely_linked(b));  // both placed already: compare decides
}

// The figures of a corpus grouped by wording, with what choosing a partner reads about their
// sentences. Built only around figures the linker could not place surely.
class aligner {
 public:
  aligner(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences, std::vector<claim>& claims)
      : docs_(docs), sentences_(sentences), claims_(claims) {}

  void run() {
    group_by_wording();
    snapshot_members();
    if (before_.empty()) return;
    for (const auto& entry : by_key_) {
      if (entry.second.size() < 2) continue;
      for (std::size_t i : entry.second) {
        if (surely_linked(before_.at(i))) continue;
        if (const std::optional<std::size_t> partner = best_partner(i, entry.second)) link_to(i, *partner);
      }
    }
  }

 private:
  std::optional<wording> wording_for(std::size_t i) const {
    const claim& c = claims_[i];
    if (c.status != resolution::resolved || c.found.kind == claim_kind::date || c.unit.empty() || c.unit == "number") return std::nullopt;
    const std::vector<sentence>& doc_sentences = sentences_[c.document];
    if (c.found.sentence >= doc_sentences.size()) return std::nullopt;
    return wording_of(c, docs_[c.document].match_text(), doc_sentences[c.found.sentence].span);
  }

  // The wordings of figures the linker could not place surely, then the placed figures that
  // share one: a corpus where the text places every figure costs one look at each.
  void group_by_wording() {
    for (bool placed : {false, true}) {
      for (std::size_t i = 0; i < claims_.size(); ++i) {
        if (surely_linked(claims_[i]) != placed) continue;
        std::optional<wording> w = wording_for(i);
        if (!w) continue;
        if (placed && by_key_.count(w->key) == 0) continue;
        by_key_[w->key].push_back(i);
        wordings_.emplace(i, std::move(*w));
      }
      if (by_key_.empty()) return;
    }
  }

  // Partners are read as the linker left them: a copy of the claims that have one, and the
  // dates written in their sentences.
  void snapshot_members() {
    std::set<std::pair<std::size_t, std::size_t>> member_sentences;
    for (const auto& entry : by_key_) {
      if (entry.second.size() < 2) continue;
      for (std::size_t i : entry.second) {
        before_.emplace(i, claims_[i]);
        member_sentences.emplace(claims_[i].document, claims_[i].found.sentence);
      }
    }
    for (const claim& c : claims_) {
      if (c.found.kind == claim_kind::date && member_sentences.count({c.document, c.found.sentence}) > 0) {
        dates_in_sentence_[{c.document, c.found.sentence}].insert(c.found.text);
      }
    }
  }

  const std::set<std::string>& token_pairs_of_sentence(const claim& c) {
    auto [it, inserted] = sentence_tokens_.try_emplace({c.document, c.found.sentence});
    if (inserted) {
      const byte_span span = sentences_[c.document][c.found.sentence].span;
      const std::vector<std::string> tokens = tokens_of(docs_[c.document].match_text().substr(span.begin, span.end - span.begin));
      for (std::size_t k = 0; k + 1 < tokens.size(); ++k) it->second.insert(tokens[k] + '\x1f' + tokens[k + 1]);
    }
    return it->second;
  }

  const std::set<std::string>& token_runs_of_document(std::size_t doc) {
    auto [it, inserted] = document_runs_.try_emplace(doc);
    if (inserted) {
      const std::vector<std::string> tokens = tokens_of(docs_[doc].match_text());
      for (std::size_t k = 0; k + 3 < tokens.size(); ++k) {
        it->second.insert(tokens[k] + '\x1f' + tokens[k + 1] + '\x1f' + tokens[k + 2] + '\x1f' + tokens[k + 3]);
      }
    }
    return it->second;
  }

  bool versions_of_one_report(std::size_t a, std::size_t b) {
    const auto key = std::minmax(a, b);
    auto [it, inserted] = report_pairs_.try_emplace(key, false);
    if (inserted) it->second = overlap(token_runs_of_document(a), token_runs_of_document(b)) >= minimum_document_overlap;
    return it->second;
  }

  // Versions of one sentence that name different dates (a list for 2023 and the same list for
  // 2024) are about different periods, unless both figures are stamped (`截至5日` then
  // `截至6日`: an update of one fact, which compare reads as such).
  bool same_dates(const claim& a, const claim& b) const {
    if (!a.as_of.empty() && !b.as_of.empty()) return true;
    const auto da = dates_in_sentence_.find({a.document, a.found.sentence});
    const auto db = dates_in_sentence_.find({b.document, b.found.sentence});
    if (da == dates_in_sentence_.end() || db == dates_in_sentence_.end()) return true;
    return std::any_of(da->second.begin(), da->second.end(), [&](const std::string& d) { return db->second.count(d) > 0; });
  }

  // The partner of figure `i` among the figures worded as it is: one the text placed through a
  // cue of its own first, then the sentence repeated most closely.
  std::optional<std::size_t> best_partner(std::size_t i, const std::vector<std::size_t>& members) {
    std::optional<std::size_t> best;
    double best_overlap = 0.0;
    for (std::size_t j : members) {
      if (!compatible(before_.at(i), before_.at(j)) || !same_dates(before_.at(i), before_.at(j))) continue;
      if (!versions_of_one_report(before_.at(i).document, before_.at(j).document)) continue;
      const double shared = overlap(token_pairs_of_sentence(before_.at(i)), token_pairs_of_sentence(before_.at(j)));
      if (shared < minimum_sentence_overlap) continue;
      const bool placed = placed_by_its_own_cue(before_.at(j));
      const bool best_placed = best && placed_by_its_own_cue(before_.at(*best));
      if (!best || placed > best_placed || (placed == best_placed && shared > best_overlap)) {
        best = j;
        best_overlap = shared;
      }
    }
    return best;
  }

  void link_to(std::size_t i, std::size_t j) {
    const claim& partner = before_.at(j);
    std::string subject;
    std::string attribute;
    if (placed_by_its_own_cue(partner)) {
      subject = partner.subject;
      attribute = partner.attribute;
    } else {
      // Neither is placed: both take the words before the figure, and the attribute a cue of
      // either gives (the same for both, whichever is linked first).
      subject = subject_from(wordings_.at(i).left, wordings_.at(j).left);
      attribute = cue_attribute(before_.at(i));
      if (attribute.empty()) attribute = cue_attribute(partner);
      if (attribute.empty()) attribute = "figure";
    }
    if (subject.empty()) return;
    claim& c = claims_[i];
    c.subject = subject;
    c.attribute = attribute;
    c.link_confidence = aligned_confidence;
    c.link_basis = "worded alike in " + docs_[partner.document].id + (c.link_basis.empty() ? "" : ", " + c.link_basis);
  }

  const std::vector<document>& docs_;
  const std::vector<std::vector<sentence>>& sentences_;
  std::vector<claim>& claims_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
  std::map<std::size_t, wording> wordings_;
  std::map<std::size_t, claim> before_;
  std::map<std::pair<std::size_t, std::size_t>, std::set<std::string>> dates_in_sentence_;
  std::map<std::pair<std::size_t, std::size_t>, std::set<std::string>> sentence_tokens_;
  std::map<std::size_t, std::set<std::string>> document_runs_;
  std::map<std::pair<std::size_t, std::size_t>, bool> report_pairs_;
};

}  // namespace

void link_figures_worded_alike(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                               std::vector<claim>& claims) {
  aligner(docs, sentences, claims).run();
}

}  // namespace checker::detail

namespace checker {

std::string figure_wording_key(const document& doc, const std::vector<sentence>& sentences, const claim& c) {
  if (c.found.sentence >= sentences.size()) return "";
  const auto w = detail::wording_of(c, doc.match_text(), sentences[c.found.sentence].span);
  // The key ends with the unit: the caller compares units itself (a currency slip changes it).
  return w ? w->key.substr(0, w->key.size() - c.unit.size()) : std::string();
}

}  // namespace checker
