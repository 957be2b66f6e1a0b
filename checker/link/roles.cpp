#include <algorithm>
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
  // A marker that holds its article (`at the`): the name is a venue only after both words.
  if (const auto whole = markers.longest_ending_at(text, end);
      whole && end >= floor + whole->length && end >= 4 && text.substr(end - 4, 4) == " the" &&
      (end - whole->length == floor || !ascii_word_char(text[end - whole->length - 1]))) {
    return true;
  }
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

// `《印度斯坦时报》13日报道`, `路透社报导`: an outlet that reports (报道, a word for news
// reporting only, with the day of the report between) is where the figures come from, not what
// they are about. `said` and 称 are left alone: a company says its own figures.
bool reports_news(std::string_view text, std::size_t pos, std::size_t limit) {
  std::size_t p = skip_spaces(text, pos);
  if (starts_with(text, p, "\xE3\x80\x8B")) p += 3;  // 》 closing the outlet's name
  std::size_t digits = 0;
  while (p + digits < limit && digits < 2 && text[p + digits] >= '0' && text[p + digits] <= '9') ++digits;
  if (digits > 0 && (starts_with(text, p + digits, "\xE6\x97\xA5") || starts_with(text, p + digits, "\xE5\x8F\xB7"))) {
    p += digits + 3;  // 13日, 13号: the day of the report
  }
  if (p >= limit) return false;
  return starts_with(text, p, "\xE6\x8A\xA5\xE9\x81\x93") || starts_with(text, p, "\xE6\x8A\xA5\xE5\xAF\xBC");  // 报道, 报导
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

// A marker before the name in its clause, a few words of description allowed between
// (取材自古典名著《西游记》, based on the classic novel X, overtaken Spider-Man: X) but no
// punctuation that ends a phrase.
bool marker_shortly_before(std::string_view text, byte_span sentence, std::size_t name_begin, const word_set& words) {
  constexpr std::size_t max_description = 15;  // five Chinese characters, or two or three English words
  const std::vector<cue> markers = find_cues(text, byte_span{sentence.begin, name_begin}, words);
  if (markers.empty() || name_begin - markers.back().end > max_description) return false;
  const std::string_view between = text.substr(markers.back().end, name_begin - markers.back().end);
  for (std::string_view mark : {",", "\xEF\xBC\x8C", "\xE3\x80\x81", ";", "(", "\xEF\xBC\x88"}) {
    if (between.find(mark) != std::string_view::npos) return false;
  }
  return true;
}

// Past a bracketed aside after a name, or the bracket that closes the name's own aside:
// 游戏科学(Game Science)研发的, (Game Science)研发的.
std::size_t past_aside(std::string_view text, std::size_t pos, std::size_t limit) {
  pos = skip_spaces(text, pos);
  for (std::string_view close : {")", "\xEF\xBC\x89"}) {
    if (starts_with(text, pos, close)) return skip_spaces(text, pos + close.size());
  }
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"\xEF\xBC\x88", "\xEF\xBC\x89"}}) {
    if (!starts_with(text, pos, open)) continue;
    constexpr std::size_t max_aside = 40;
    const std::size_t end = text.find(close, pos);
    if (end != std::string_view::npos && end < limit && end - pos <= max_aside) return skip_spaces(text, end + close.size());
  }
  return pos;
}

// PC标准版, the PS5 edition: a name that says which version of the subject a figure is about.
// A title in 《》 or 「」 names a work, never a platform: 《X》标准版 is the standard edition of X,
// and X is what its figures are about.
bool names_a_version(std::string_view text, byte_span name, const lexicon& lex) {
  if (starts_with(text, name.begin, "\xE3\x80\x8A") || starts_with(text, name.begin, "\xE3\x80\x8C")) return false;  // 《 「
  const std::size_t name_end = name.end;
  if (starts_with(text, name_end, "\xE7\x89\x88")) return true;  // 版
  const auto q = lex.qualifier_cues.longest_at(text, skip_spaces(text, name_end));
  return q && lex.qualifier_groups[q->payload] == "edition";
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
    // The National Fire Agency, the Ministry of Health: an official body reports figures; the
    // toll it gives is the event's, not the body's.
    const std::size_t last_space = n.text.rfind(' ');
    const std::string last_word = last_space == std::string::npos ? n.text : n.text.substr(last_space + 1);
    const std::string first_word = n.text.substr(0, n.text.find(' '));
    if (last_space != std::string::npos && names_local_area(last_word)) {
      n.role = name_role::venue;  // Kerr County, Balasore District: where, not who
    } else if (last_space != std::string::npos &&
        (std::binary_search(lex.official_body_words.begin(), lex.official_body_words.end(), last_word) ||
         std::binary_search(lex.official_body_words.begin(), lex.official_body_words.end(), first_word))) {
      n.role = name_role::credited;
    } else if (marker_ends_before(text, clause.begin, n.span.begin, lex.attribution_before) ||
               marker_starts_after(text, n.span.end, clause.end, lex.evidence_verbs) || reports_news(text, n.span.end, clause.end)) {
      n.role = name_role::credited;
    } else if (marker_shortly_before(text, ctx.span, n.span.begin, lex.overtaking_markers)) {
      n.role = name_role::compared;
    } else if (marker_shortly_before(text, ctx.span, n.span.begin, lex.source_work_markers) ||
               marker_starts_after(text, past_aside(text, n.span.end, clause.end), clause.end, lex.origin_markers_after)) {
      n.role = name_role::source_work;
    } else if (marker_ends_before(text, clause.begin, n.span.begin, lex.venue_markers) || names_a_version(text, n.span, lex)) {
      n.role = name_role::venue;
    } else if (previous != nullptr && previous->role == name_role::venue && previous->span.begin >= clause.begin &&
               previous->span.end <= n.span.begin &&
               listed_together(text, previous->span.end, n.span.begin, lex)) {
      n.role = name_role::venue;  // 登陆PC（Steam、Epic）、PS5: the whole list is where
    }
    previous = &n;
  }
  // "Huawei ranked fourth in China", 小米在中国卖出: a place where a named company or product did
  // something is where, not who. Only when the sentence names someone else: in "GDP in China
  // grew" the place is all the sentence names.
  auto whole_place = [&](const name_mention& n) {
    const auto m = lex.places.longest_at(n.text, 0);
    return m && m->length == n.text.size();
  };
  const bool names_another = std::any_of(ctx.names.begin(), ctx.names.end(), [&](const name_mention& n) {
    return n.type != name_type::generic && n.role == name_role::subject && !whole_place(n);
  });
  for (name_mention& n : ctx.names) {
    if (!names_another || n.type == name_type::generic || n.role != name_role::subject || !whole_place(n)) continue;
    if (marker_ends_before(text, ctx.span.begin, n.span.begin, lex.place_markers)) n.role = name_role::venue;
  }
  // Steam与Epic商店, the Steam and Epic stores: a venue noun after a name makes it and the names
  // listed right before it venues.
  for (std::size_t i = ctx.names.size(); i-- > 0;) {
    name_mention& n = ctx.names[i];
    if (n.type == name_type::generic || n.role != name_role::subject) continue;
    if (!marker_starts_after(text, n.span.end, ctx.span.end, lex.venue_nouns)) continue;
    n.role = name_role::venue;
    for (std::size_t k = i; k-- > 0;) {
      name_mention& before = ctx.names[k];
      if (before.type == name_type::generic || before.role != name_role::subject ||
          !listed_together(text, before.span.end, ctx.names[k + 1].span.begin, lex)) {
        break;
      }
      before.role = name_role::venue;
    }
  }
}

}  // namespace checker::detail
