// Roles of names: which names in a sentence can be what its figures are about.
//
// Real coverage names far more than its subject: the platforms a game launches on, the contest a
// model is scored in, the database a figure is read from. The nearest name in a clause is then
// often a venue or a source, and a figure about the story's subject would be filed under it.
// Word order says which is which: a name right after a venue marker (在Steam上, on Steam) is
// where, and a name that a source marker credits (据SteamDB, SteamDB数据显示) is whence.
#include "link/annotations.h"

#include "recognize/scanner.h"

namespace checker::detail {
namespace {

bool ascii_word_char(char c) { return static_cast<unsigned char>(c) < 0x80 && is_alnum(c); }

// A marker word that ends right before `pos` (spaces and an English article between allowed),
// starting on a word boundary when it is ASCII: `on` in `Revolution` is no marker.
bool marker_ends_before(std::string_view text, std::size_t floor, std::size_t pos, const word_set& markers) {
  std::size_t end = skip_spaces_back(text, pos);
  for (std::string_view article : {"the", "The"}) {
    if (end >= floor + article.size() && text.substr(end - article.size(), article.size()) == article &&
        (end - article.size() == floor || !ascii_word_char(text[end - article.size() - 1]))) {
      const std::size_t before = skip_spaces_back(text, end - article.size());
      if (before < end - article.size()) end = before;  // only when a space separates them
      break;
    }
  }
  if (end <= floor) return false;
  const auto m = markers.longest_ending_at(text, end);
  if (!m || end - m->length < floor) return false;
  const std::size_t begin = end - m->length;
  return !ascii_word_char(text[begin]) || begin == floor || !ascii_word_char(text[begin - 1]);
}

bool marker_starts_after(std::string_view text, std::size_t pos, std::size_t limit, const word_set& markers) {
  const std::size_t begin = skip_spaces(text, pos);
  if (begin >= limit) return false;
  const auto m = markers.longest_at(text, begin);
  if (!m || begin + m->length > limit) return false;
  const std::size_t end = begin + m->length;
  return !ascii_word_char(text[end - 1]) || end == limit || !ascii_word_char(text[end]);
}

// Only list punctuation, brackets and coordinators between two names: they are one list.
bool listed_together(std::string_view text, std::size_t from, std::size_t to, const lexicon& lex) {
  std::size_t pos = skip_spaces(text, from);
  while (pos < to) {
    if (text[pos] == '(' || text[pos] == ')' || text[pos] == '/') {
      pos = skip_spaces(text, pos + 1);
      continue;
    }
    bool stepped = false;
    for (std::string_view bracket : {"（", "）", "、"}) {
      if (text.substr(pos, bracket.size()) == bracket) {
        pos = skip_spaces(text, pos + bracket.size());
        stepped = true;
        break;
      }
    }
    if (stepped) continue;
    const auto m = lex.coordinators.longest_at(text, pos);
    if (!m || pos + m->length > to) return false;
    pos = skip_spaces(text, pos + m->length);
  }
  return true;
}

}  // namespace

void mark_name_roles(std::string_view text, sentence_context& ctx, const lexicon& lex) {
  const name_mention* previous = nullptr;
  for (name_mention& n : ctx.names) {
    if (n.type == name_type::generic) {
      previous = nullptr;
      continue;
    }
    const byte_span clause = clause_of(ctx.breaks, ctx.span, n.span.begin);
    if (marker_ends_before(text, clause.begin, n.span.begin, lex.attribution_before) ||
        marker_starts_after(text, n.span.end, clause.end, lex.evidence_verbs)) {
      n.role = name_role::credited;
    } else if (marker_ends_before(text, clause.begin, n.span.begin, lex.venue_markers)) {
      n.role = name_role::venue;
    } else if (previous != nullptr && previous->role == name_role::venue && previous->span.begin >= clause.begin &&
               previous->span.end <= n.span.begin &&
               listed_together(text, previous->span.end, n.span.begin, lex)) {
      n.role = name_role::venue;  // 登陆PC（Steam、Epic）、PS5: the whole list is where
    }
    previous = &n;
  }
}

}  // namespace checker::detail
