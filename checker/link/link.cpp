#include "link/link.h"

#include <algorithm>
#include <chrono>
#include <set>

#include <fmt/format.h>

#include "recognize/scanner.h"

namespace checker {
namespace {

using detail::has_digit;
using detail::is_alnum;
using detail::is_alpha;
using detail::is_digit;
using detail::is_upper;

enum class name_type { product, organisation, generic };

/// A subject named in a sentence.
struct name_mention {
  byte_span span;
  std::string text;  // as written, cleaned (`H800GPU` -> `H800`)
  name_type type = name_type::organisation;
  bool event = false;  // a generic noun that is a subject by itself (the earthquake)
};


std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t space = s.find(' ', pos);
    const std::size_t end = space == std::string_view::npos ? s.size() : space;
    if (end > pos) words.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

// The last word of `name` is a month: `January 20` is a date, not a product.
bool is_month_name(std::string_view name) {
  const std::size_t space = name.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? name : name.substr(space + 1);
  static constexpr std::string_view months[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                                "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
                                                "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};
  return std::find(std::begin(months), std::end(months), last) != std::end(months);
}

// True when only spaces, quotes and Markdown heading marks come before `pos` in the sentence.
bool starts_sentence(std::string_view text, byte_span sentence, std::size_t pos) {
  for (std::size_t i = sentence.begin; i < pos; ++i) {
    if (text[i] != ' ' && text[i] != '#' && text[i] != '"' && text[i] != '\'' && text[i] != '\n') return false;
  }
  return true;
}

// `Planners`, `Training`: one capital then lower-case letters only.
bool is_plain_capitalised(std::string_view token) {
  if (token.size() < 2 || !is_upper(token.front())) return false;
  return std::all_of(token.begin() + 1, token.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

// Names in one sentence: Latin-script names (runs of capitalised or digit-bearing tokens),
// titles in 《》 and the lexicon's generic subjects (base model, 基础模型).
std::vector<name_mention> find_names(std::string_view text, byte_span sentence, const lexicon& lex) {
  std::vector<name_mention> names;
  std::size_t pos = sentence.begin;
  while (pos < sentence.end) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c >= 0x80 || !is_alpha(text[pos]) || pos == sentence.begin || !is_alnum(text[pos - 1])) {
      // A measuring agency (USGS, 中国地震台网) credits figures; it is never what they are about.
      if (auto source = lex.known_sources.longest_at(text, pos);
          source && pos + source->length <= sentence.end && (c >= 0x80 || detail::word_boundary(text, pos + source->length))) {
        pos += source->length;
        continue;
      }
      // Declared and well-known names in any script: 英伟达, 临港湾大桥, 《自然》.
      if (auto known = lex.known_subjects.longest_at(text, pos);
          known && pos + known->length <= sentence.end && (c >= 0x80 || detail::word_boundary(text, pos + known->length))) {
        const std::string& name = lex.subject_names[known->payload];
        names.push_back(name_mention{byte_span{pos, pos + known->length}, name,
                                     has_digit(name) ? name_type::product : name_type::organisation});
        pos += known->length;
        continue;
      }
    }
    if (c < 0x80 && is_alpha(text[pos]) && (pos == sentence.begin || !is_alnum(text[pos - 1]))) {
      std::size_t end = detail::latin_token_end(text, pos, sentence.end);
      std::string_view token = text.substr(pos, end - pos);
      if (!is_upper(token.front()) && !has_digit(token)) {
        // An event named by its kind is lower case in English: the quake. (Owned nouns such as
        // "base model" are left to the names around them, as before.)
        if (auto generic = lex.generic_subjects.longest_at(text, pos);
            generic && lex.generic_subject_standalone[generic->payload] && pos + generic->length <= sentence.end &&
            detail::word_boundary(text, pos + generic->length)) {
          names.push_back(name_mention{byte_span{pos, pos + generic->length}, lex.generic_subject_ids[generic->payload],
                                       name_type::generic, true});
          pos += generic->length;
          continue;
        }
        pos = end;
        continue;
      }
      // A capitalised ordinary word opening a sentence is not a name: "Planners expect ...".
      if (starts_sentence(text, sentence, pos) && is_plain_capitalised(token) &&
          !(end + 1 < sentence.end && text[end] == ' ' && (is_upper(text[end + 1]) || is_digit(text[end + 1])))) {
        pos = end;
        continue;
      }
      // Join capitalised words: Hugging Face, Lewis Tunstall, DeepSeek R1.
      std::size_t name_end = end;
      while (name_end + 1 < sentence.end && text[name_end] == ' ' && is_upper(text[name_end + 1])) {
        const std::size_t next_end = detail::latin_token_end(text, name_end + 1, sentence.end);
        name_end = next_end;
      }
      // A product name may end in a small version number: Nova 12, Llama 3.
      if (name_end + 1 < sentence.end && text[name_end] == ' ' && is_digit(text[name_end + 1]) &&
          !is_month_name(text.substr(pos, name_end - pos))) {
        std::size_t digits_end = name_end + 1;
        while (digits_end < sentence.end && (is_digit(text[digits_end]) || (text[digits_end] == '.' && digits_end + 1 < sentence.end &&
                                                                            is_digit(text[digits_end + 1])))) {
          ++digits_end;
        }
        const std::string_view number = text.substr(name_end + 1, digits_end - name_end - 1);
        if (number.substr(0, number.find('.')).size() <= 2 && (digits_end >= sentence.end || !is_alnum(text[digits_end])) &&
            !(digits_end < sentence.end && (text[digits_end] == ',' || text[digits_end] == '%')) &&
            !lex.is_not_subject(split_words(text.substr(pos, name_end - pos)).back())) {
          name_end = digits_end;
        }
      }
      std::string_view full = text.substr(pos, name_end - pos);
      std::vector<std::string_view> words = split_words(full);
      // "Training R1 cost ...": an ordinary word opening the sentence is not part of the name.
      if (words.size() >= 2 && starts_sentence(text, sentence, pos) && is_plain_capitalised(words.front()) && has_digit(words[1]) &&
          std::any_of(words[1].begin(), words[1].end(), [](char ch) { return is_alpha(ch); })) {
        words.erase(words.begin());
      }
      while (!words.empty() && lex.is_not_subject(words.front())) words.erase(words.begin());
      while (!words.empty() && lex.is_not_subject(words.back())) words.pop_back();
      if (!words.empty()) {
        const std::size_t begin = static_cast<std::size_t>(words.front().data() - text.data());
        // "The China Earthquake Networks Center": once "The" is dropped, an agency's name.
        if (auto source = lex.known_sources.longest_at(text, begin); source && detail::word_boundary(text, begin + source->length)) {
          pos = std::max(name_end, begin + source->length);
          continue;
        }
        const std::size_t stop = static_cast<std::size_t>(words.back().data() + words.back().size() - text.data());
        const std::string name(detail::without_gpu_suffix(text.substr(begin, stop - begin)));
        names.push_back(name_mention{byte_span{begin, stop}, name,
                                     has_digit(name) ? name_type::product : name_type::organisation});
      }
      pos = name_end;
      continue;
    }
    if (detail::starts_with(text, pos, "《")) {
      const std::size_t close = text.find("》", pos);
      if (close != std::string_view::npos && close < sentence.end && close - pos <= 60) {
        names.push_back(name_mention{byte_span{pos, close + 3}, std::string(text.substr(pos + 3, close - pos - 3)),
                                     name_type::organisation});
        pos = close + 3;
        continue;
      }
    }
    if (auto generic = lex.generic_subjects.longest_at(text, pos); generic && pos + generic->length <= sentence.end) {
      names.push_back(name_mention{byte_span{pos, pos + generic->length}, lex.generic_subject_ids[generic->payload],
                                   name_type::generic, lex.generic_subject_standalone[generic->payload]});
      pos += generic->length;
      continue;
    }
    std::size_t n = 0;
    detail::decode(text, pos, &n);
    pos += n;
  }
  return names;
}

// Clause boundaries inside a sentence: Chinese and ASCII commas, semicolons and colons (an
// ASCII comma between digits is a thousands separator, not a boundary).
std::vector<byte_span> clause_breaks(std::string_view text, byte_span sentence) {
  std::vector<byte_span> breaks;
  for (std::size_t pos = sentence.begin; pos < sentence.end;) {
    std::size_t n = 0;
    detail::decode(text, pos, &n);
    const std::string_view ch = text.substr(pos, n);
    const bool ascii_break = (ch == "," || ch == ";" || ch == ":") &&
                             !(pos > sentence.begin && is_digit(text[pos - 1]) && pos + 1 < sentence.end && is_digit(text[pos + 1]));
    // ` - ` separates bullet points in pages flattened to one line.
    const bool bullet = (ch == "-" || ch == "–" || ch == "—") && pos > sentence.begin && text[pos - 1] == ' ' &&
                        pos + n < sentence.end && text[pos + n] == ' ';
    if (ascii_break || bullet || ch == "，" || ch == "；" || ch == "：" || ch == "！" || ch == "？") breaks.push_back(byte_span{pos, pos + n});
    pos += n;
  }
  return breaks;
}

byte_span clause_of(const std::vector<byte_span>& breaks, byte_span sentence, std::size_t offset) {
  byte_span clause = sentence;
  for (const byte_span& b : breaks) {
    if (b.begin < offset) clause.begin = b.end;
    if (b.begin >= offset) {
      clause.end = b.begin;
      break;
    }
  }
  return clause;
}

// The clause before `clause` in the same sentence, if any.
std::optional<byte_span> previous_clause(const std::vector<byte_span>& breaks, byte_span sentence, byte_span clause) {
  if (clause.begin <= sentence.begin) return std::nullopt;
  for (const byte_span& b : breaks) {
    if (b.end == clause.begin) return clause_of(breaks, sentence, b.begin > sentence.begin ? b.begin - 1 : sentence.begin);
  }
  return std::nullopt;
}

struct cue {
  std::size_t begin;
  std::size_t end;
  std::size_t payload;
};

bool ascii_boundaries_ok(std::string_view text, std::size_t begin, std::size_t end) {
  const bool starts_alpha = is_alpha(text[begin]);
  const bool ends_alpha = is_alpha(text[end - 1]);
  if (starts_alpha && begin > 0 && is_alpha(text[begin - 1])) return false;
  if (ends_alpha && end < text.size() && is_alpha(text[end])) {
    // Allow English plurals and past forms: releases, released (cues list the common ones).
    return false;
  }
  return true;
}

// The longest word at `pos`; a capital letter that opens a word also matches a lower-case cue
// ("Training R1 cost" holds the cue `training`).
std::optional<word_set::match> cue_at(std::string_view text, std::size_t pos, const word_set& words) {
  auto m = words.longest_at(text, pos);
  if (is_upper(text[pos]) && (pos == 0 || !is_alpha(text[pos - 1]))) {
    std::string lowered(text.substr(pos, std::min<std::size_t>(48, text.size() - pos)));
    lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
    if (auto lower = words.longest_at(lowered, 0); lower && (!m || lower->length > m->length)) m = lower;
  }
  return m;
}

std::vector<cue> find_cues(std::string_view text, byte_span span, const word_set& words) {
  std::vector<cue> out;
  for (std::size_t pos = span.begin; pos < span.end;) {
    if (auto m = cue_at(text, pos, words); m && pos + m->length <= span.end && ascii_boundaries_ok(text, pos, pos + m->length)) {
      out.push_back(cue{pos, pos + m->length, m->payload});
      pos += m->length;
      continue;
    }
    std::size_t n = 0;
    detail::decode(text, pos, &n);
    pos += n;
  }
  return out;
}

std::string claim_dimension(const claim& c) {
  switch (c.found.kind) {
    case claim_kind::date: return "date";
    case claim_kind::money: return "money";
    case claim_kind::percent: return "percent";
    case claim_kind::duration: return "duration";
    case claim_kind::count: return "count:" + (c.found.amount ? c.found.amount->counted : std::string());
    case claim_kind::number: return "number:" + (c.found.amount ? c.found.amount->unit : std::string());
  }
  return "number";
}

bool dimension_fits(const attribute_entry& attribute, const std::string& dimension, bool exact_only);

// The first attribute cued by cue word `target` that takes figures of `dimension`.
std::optional<std::size_t> fitting_attribute(const lexicon& lex, std::size_t target, const std::string& dimension) {
  for (std::size_t a : lex.attribute_cue_targets[target]) {
    if (dimension_fits(lex.attributes[a], dimension, false)) return a;
  }
  return std::nullopt;
}

bool dimension_fits(const attribute_entry& attribute, const std::string& dimension, bool exact_only) {
  for (const std::string& d : attribute.dims) {
    if (d == dimension) return true;
    if (!exact_only && d == "count" && dimension.rfind("count:", 0) == 0) return true;
    if (!exact_only && d == "number" && dimension.rfind("number:", 0) == 0) return true;
  }
  return false;
}

std::size_t distance(byte_span a, byte_span b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}

/// Canonical subject names for the whole corpus: declared aliases first, then an organisation
/// prefix dropped from a product name (`DeepSeek-R1` -> `R1` when `DeepSeek` stands alone).
class alias_table {
 public:
  alias_table(const std::set<std::string>& organisations, const std::map<std::string, std::string>& declared,
              const std::map<std::string, std::string>& known)
      : organisations_(organisations), declared_(declared), known_(known) {}

  std::string canonical(const std::string& name) const {
    if (auto it = declared_.find(name); it != declared_.end()) return it->second;
    if (auto it = known_.find(name); it != known_.end()) return it->second;
    for (char sep : {'-', ' '}) {
      const std::size_t at = name.find(sep);
      if (at == std::string::npos) continue;
      const std::string prefix = name.substr(0, at);
      const std::string rest = name.substr(at + 1);
      if (organisations_.count(prefix) > 0 && !rest.empty() && is_alpha(rest.front()) && has_digit(rest)) {
        return canonical(rest);
      }
    }
    return name;
  }

 private:
  const std::set<std::string>& organisations_;
  const std::map<std::string, std::string>& declared_;
  const std::map<std::string, std::string>& known_;
};

// The weekday named at `pos` (0 Sunday .. 6 Saturday): Tuesday, 周二, 星期二, 禮拜二 (read as 礼拜二).
std::optional<unsigned> weekday_at(std::string_view text, std::size_t pos) {
  static constexpr std::string_view english[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  for (unsigned d = 0; d < 7; ++d) {
    if (text.substr(pos, english[d].size()) == english[d]) return d;
  }
  static constexpr std::string_view days[] = {"日", "一", "二", "三", "四", "五", "六"};
  for (std::string_view prefix : {"星期", "礼拜", "周"}) {
    if (text.substr(pos, prefix.size()) != prefix) continue;
    for (unsigned d = 0; d < 7; ++d) {
      if (text.substr(pos + prefix.size(), days[d].size()) == days[d]) return d;
    }
    if (text.substr(pos + prefix.size(), 3) == "天") return 0u;
  }
  return std::nullopt;
}

// A clock time right after a date (8时47分, 下午3点, 4時 read as 4时): `T08:47`, or empty.
std::string clock_after(std::string_view text, std::size_t pos, std::size_t end) {
  pos = detail::skip_spaces(text, pos);
  bool afternoon = false;
  for (std::string_view part : {"凌晨", "上午", "早上", "中午", "下午", "晚上", "傍晚", "晚"}) {
    if (text.substr(pos, part.size()) == part) {
      afternoon = part == "下午" || part == "晚上" || part == "傍晚" || part == "晚";
      pos += part.size();
      break;
    }
  }
  std::size_t p = pos;
  int hour = 0;
  while (p < end && is_digit(text[p]) && p - pos < 2) hour = hour * 10 + (text[p++] - '0');
  if (p == pos || !(text.substr(p, 3) == "时" || text.substr(p, 3) == "点")) return {};
  p += 3;
  int minute = 0;
  const std::size_t minute_begin = p;
  while (p < end && is_digit(text[p]) && p - minute_begin < 2) minute = minute * 10 + (text[p++] - '0');
  if (p > minute_begin && text.substr(p, 3) != "分") minute = 0;
  if (afternoon && hour < 12) hour += 12;
  if (hour > 24 || minute > 59) return {};
  return fmt::format("T{:02}:{:02}", hour, minute);
}

// The moment a date after an as-of marker names: `2025-01-19` for a day, `2025-01` for a month.
// A bare day of the month (截至19日), which normalise leaves unresolved, is the latest such day
// on or before the publication date. Empty when it names neither.
std::string stamp_moment(const claim& when, const std::optional<civil_date>& published) {
  if (when.date && when.status == resolution::resolved) {
    if (when.date->grain == date_grain::day) return when.date->first.iso();
    if (when.date->grain == date_grain::month) return when.date->first.iso().substr(0, 7);
    return {};
  }
  const auto& parts = when.found.date;
  if (!parts || !parts->day || parts->month || parts->year || !published) return {};
  int year = published->year;
  unsigned month = published->month;
  if (*parts->day > published->day) {  // the 19th, published on the 3rd: last month's
    if (month == 1) {
      month = 12;
      --year;
    } else {
      --month;
    }
  }
  const auto day = civil_date::make(year, month, *parts->day);
  return day ? day->iso() : std::string();
}

// A source credited with the figures near it: 据中国地震台网测定, "according to USGS".
struct attribution {
  std::size_t at = 0;  // where the source's name begins
  std::string source;  // canonical name from the lexicon
};

// Sources named in `span` in a crediting frame: after an attribution word (据, according to
// [the]) or before a verb of reporting or measuring (测定, said), a parenthesised abbreviation
// in between allowed (美国地质调查局（USGS）称).
std::vector<attribution> find_attributions(std::string_view text, byte_span span, const lexicon& lex) {
  std::vector<attribution> out;
  for (const cue& named : find_cues(text, span, lex.known_sources)) {
    std::size_t lead = detail::skip_spaces_back(text, named.begin);
    if (lead >= span.begin + 4 && text.substr(lead - 4, 4) == "the ") lead = detail::skip_spaces_back(text, lead - 4);
    bool credited = lex.attribution_before.longest_ending_at(text, lead).has_value();
    std::size_t after = detail::skip_spaces(text, named.end);
    for (std::string_view open : {"（", "("}) {
      if (text.substr(after, open.size()) == open) {
        const std::size_t close = text.find(open == "（" ? "）" : ")", after);
        if (close != std::string_view::npos && close < span.end && close - after < 40) {
          after = detail::skip_spaces(text, close + (open == "（" ? 3 : 1));
        }
      }
    }
    if (!credited && after < span.end) {
      const auto verb = lex.attribution_after.longest_at(text, after);
      credited = verb && detail::word_boundary(text, after + verb->length);
    }
    if (credited) out.push_back(attribution{named.begin, lex.source_names[named.payload]});
  }
  return out;
}

struct sentence_context {
  byte_span span;
  std::vector<attribution> attributions;
  std::vector<name_mention> names;
  std::vector<byte_span> breaks;
  std::vector<cue> attribute_cues;
  std::vector<cue> pronouns;
  std::vector<cue> qualifier_cues;
};

// Groups of names joined only by coordinators: `R1-Zero和R1`, `R1-Zero and R1`.
std::vector<std::vector<std::size_t>> coordinated_groups(std::string_view text, const sentence_context& ctx, const lexicon& lex) {
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < ctx.names.size(); ++i) {
    if (ctx.names[i].type == name_type::generic) continue;
    if (!groups.empty()) {
      const name_mention& last = ctx.names[groups.back().back()];
      std::size_t gap_begin = detail::skip_spaces(text, last.span.end);
      std::size_t gap_end = detail::skip_spaces_back(text, ctx.names[i].span.begin);
      bool joined = gap_begin == gap_end;
      if (!joined && gap_begin < gap_end) {
        auto m = lex.coordinators.longest_at(text, gap_begin);
        joined = m && gap_begin + m->length == gap_end;
      }
      if (joined) {
        groups.back().push_back(i);
        continue;
      }
    }
    groups.push_back({i});
  }
  return groups;
}

// The offset of the `(` or `（` that encloses `offset` within `clause`, if any.
std::optional<std::size_t> enclosing_parenthesis(std::string_view text, byte_span clause, std::size_t offset) {
  std::optional<std::size_t> open;
  for (std::size_t pos = clause.begin; pos < offset && pos < text.size(); ++pos) {
    if (text[pos] == '(' || detail::starts_with(text, pos, "（")) open = pos;
    if (text[pos] == ')' || detail::starts_with(text, pos, "）")) open.reset();
  }
  return open;
}

// Length of the longest prefix of `s` that ends on a character boundary.
std::size_t complete_utf8_prefix(std::string_view s) {
  std::size_t start = s.size();
  while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return 0;
  const unsigned char lead = static_cast<unsigned char>(s[start - 1]);
  const std::size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  return s.size() - (start - 1) >= need ? s.size() : start - 1;
}

}  // namespace

std::vector<claim> link(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                        std::vector<claim> claims, const lexicon& lex, const link_options& options, diagnostics& diags) {
  // Sentence contexts for every sentence that holds a claim (and the ones before, for focus).
  std::vector<std::map<std::size_t, sentence_context>> contexts(docs.size());
  auto context_for = [&](std::size_t doc, std::size_t index) -> const sentence_context& {
    auto [it, inserted] = contexts[doc].try_emplace(index);
    if (inserted) {
      sentence_context& ctx = it->second;
      ctx.span = sentences[doc][index].span;
      const std::string_view text = docs[doc].match_text();
      ctx.names = find_names(text, ctx.span, lex);
      ctx.breaks = clause_breaks(text, ctx.span);
      ctx.attribute_cues = find_cues(text, ctx.span, lex.attribute_cues);
      ctx.qualifier_cues = find_cues(text, ctx.span, lex.qualifier_cues);
      ctx.pronouns = find_cues(text, ctx.span, lex.pronouns);
      ctx.attributions = find_attributions(text, ctx.span, lex);
    }
    return it->second;
  };

  // Organisation names seen on their own anywhere in the corpus, for alias merging.
  std::set<std::string> organisations;
  for (const claim& c : claims) {
    for (const name_mention& n : context_for(c.document, c.found.sentence).names) {
      if (n.type == name_type::organisation && n.text.find(' ') == std::string::npos && n.text.find('-') == std::string::npos) {
        organisations.insert(n.text);
      }
    }
  }
  const alias_table aliases(organisations, options.aliases, lex.subject_aliases);

  // Claims by (document, sentence), in order.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> by_sentence;
  for (std::size_t i = 0; i < claims.size(); ++i) by_sentence[{claims[i].document, claims[i].found.sentence}].push_back(i);

  std::vector<std::pair<std::size_t, std::string>> focus(docs.size(), {0, std::string()});  // (sentence, subject)
  std::vector<bool> focus_set(docs.size(), false);

  // Not a structured binding: clang 14 (the fuzz build) cannot capture one in the lambdas below.
  for (const auto& sentence_entry : by_sentence) {
    const auto& key = sentence_entry.first;
    const std::vector<std::size_t>& members = sentence_entry.second;
    const std::size_t doc = key.first;
    const std::size_t index = key.second;
    const std::string_view text = docs[doc].match_text();
    const sentence_context& ctx = context_for(doc, index);
    std::set<std::size_t> distributed;

    // 分别 / respectively: figures of one kind over the coordinated subjects, in order.
    for (const cue& r : find_cues(text, ctx.span, lex.respectively)) {
      const auto groups = coordinated_groups(text, ctx, lex);
      const std::vector<std::size_t>* chosen = nullptr;
      for (const auto& g : groups) {
        if (ctx.names[g.back()].span.end > r.begin) break;
        if (chosen == nullptr || g.size() >= 2 || chosen->size() < 2) chosen = &g;
      }
      if (chosen == nullptr) continue;
      const std::size_t list_end = ctx.names[chosen->back()].span.end;
      // 分别 comes before its figures, "respectively" after them.
      const bool figures_follow = !is_alpha(text[r.begin]);
      std::vector<std::size_t> after;
      for (std::size_t i : members) {
        const byte_span figure = claims[i].found.span;
        if (figure.begin >= list_end && (figures_follow || figure.end <= r.begin)) after.push_back(i);
      }
      if (after.empty()) continue;
      auto follows = [&](std::size_t a) { return figures_follow && claims[a].found.span.begin >= r.end; };
      const std::size_t nearest = *std::min_element(after.begin(), after.end(), [&](std::size_t a, std::size_t b) {
        if (follows(a) != follows(b)) return follows(a);
        return distance(claims[a].found.span, byte_span{r.begin, r.end}) < distance(claims[b].found.span, byte_span{r.begin, r.end});
      });
      std::vector<std::size_t> targets;
      for (std::size_t i : after) {
        if (claims[i].found.kind == claims[nearest].found.kind) targets.push_back(i);
      }
      if (targets.size() == chosen->size()) {
        for (std::size_t k = 0; k < targets.size(); ++k) {
          claims[targets[k]].subject = aliases.canonical(ctx.names[(*chosen)[k]].text);
          claims[targets[k]].link_basis = "respectively";
          claims[targets[k]].link_confidence = 0.85;
          distributed.insert(targets[k]);
        }
      } else {
        for (std::size_t i : targets) {
          claims[i].link_basis = "respectively-mismatch";
          distributed.insert(i);
        }
        diags.push_back(diagnostic{"link.respectively-mismatch", diagnostic_level::note, docs[doc].path,
                                   fmt::format("'{}' spreads {} figure(s) over {} subject(s); they are not compared",
                                               std::string(text.substr(r.begin, r.end - r.begin)), targets.size(), chosen->size()),
                                   docs[doc].original_span(byte_span{r.begin, r.end}).begin});
      }
    }

    std::optional<byte_span> from_clause;
    // Names that are what a count counts (512块H800芯片) are nobody's subject in this sentence.
    std::set<std::size_t> counted_names;
    for (std::size_t j : members) {
      const claim& counter = claims[j];
      if (counter.found.kind != claim_kind::count || !counter.found.amount || counter.found.amount->counted.empty()) continue;
      for (const name_mention& n : ctx.names) {
        if (n.span.begin >= counter.found.span.end && n.span.begin <= counter.found.span.end + 15 &&
            (n.text == counter.found.amount->counted || aliases.canonical(n.text) == counter.found.amount->counted)) {
          counted_names.insert(n.span.begin);
          // The maker named right before it belongs to the counted thing too: 1万张英伟达A100芯片.
          for (const name_mention& maker : ctx.names) {
            if (maker.span.begin >= counter.found.span.end && detail::skip_spaces(text, maker.span.end) == n.span.begin) {
              counted_names.insert(maker.span.begin);
            }
          }
        }
      }
    }
    // The subject a pronoun or a subjectless clause points back to: the nearest name earlier in
    // the sentence, else the subject in focus from the sentences before.
    auto inherited = [&](std::size_t before_offset) -> std::string {
      const name_mention* last = nullptr;
      for (const name_mention& n : ctx.names) {
        if (n.type != name_type::generic && n.span.end <= before_offset && counted_names.count(n.span.begin) == 0) last = &n;
      }
      if (last != nullptr) return aliases.canonical(last->text);
      if (focus_set[doc] && index - focus[doc].first <= 3) return focus[doc].second;
      // No figure named a subject lately: the first name of the sentence before.
      if (index > 0) {
        for (const name_mention& n : context_for(doc, index - 1).names) {
          if (n.type != name_type::generic) return aliases.canonical(n.text);
        }
      }
      return {};
    };
    // The nearest earlier figure of the sentence with the same kind and unit whose attribute came
    // from a cue word.
    auto list_attribute = [&](std::size_t current) -> std::optional<std::size_t> {
      std::optional<std::size_t> found;
      for (std::size_t j : members) {
        if (j == current) break;
        const claim& earlier = claims[j];
        if (earlier.found.kind == claims[current].found.kind && earlier.unit == claims[current].unit && !earlier.attribute.empty() &&
            earlier.link_basis.find("cue") != std::string::npos) {
          found = j;
        }
      }
      return found;
    };
    auto in_comparison = [&](std::size_t i) {
      const auto& q = claims[i].qualifiers;
      if (std::find(q.begin(), q.end(), "difference") != q.end()) return true;
      const byte_span clause = clause_of(ctx.breaks, ctx.span, claims[i].found.span.begin);
      return !find_cues(text, byte_span{clause.begin, claims[i].found.span.begin}, lex.comparison_markers).empty();
    };
    // The attribute of the nearest cue before `offset` in the sentence that names a measure (not
    // itself a change).
    auto measure_before = [&](const sentence_context& sc, std::size_t offset) -> std::optional<std::size_t> {
      std::optional<std::size_t> found;
      for (const cue& k : sc.attribute_cues) {
        if (k.end > offset) break;
        for (std::size_t a : lex.attribute_cue_targets[k.payload]) {
          if (!lex.attributes[a].change_of && lex.attributes[a].id.find("growth") == std::string::npos) {
            found = a;
            break;
          }
        }
      }
      return found;
    };
    // A date figure that fills a whole clause, apart from a preposition: `2024年，`, `On January 24,`.
    auto date_only_clause = [&](byte_span clause, const claim& date) {
      std::string rest = std::string(text.substr(clause.begin, date.found.span.begin - clause.begin)) +
                         std::string(text.substr(date.found.span.end, clause.end - date.found.span.end));
      std::erase(rest, ' ');
      return rest.empty() || rest == "On" || rest == "on" || rest == "In" || rest == "in" || rest == "在" || rest == "于";
    };
    auto period_text = [&](const claim& date) {
      return date.date->grain == date_grain::day || date.date->first == date.date->last
                 ? "period:" + date.date->first.iso()
                 : "period:" + date.date->first.iso() + ".." + date.date->last.iso();
    };
    // True when no figure of `current`'s kind comes before `date`: the date then opens the
    // sentence's figures of that kind rather than closing a parallel one ("3.12% on Friday,
    // January 24, and 17% on Monday" vs "shipped 12 million phones in the first half, up 15%").
    auto opens_figures_like = [&](const claim& date, std::size_t current) {
      for (std::size_t j : members) {
        const claim& other = claims[j];
        if (other.found.kind != claim_kind::date && other.found.kind == claims[current].found.kind &&
            other.found.span.begin < date.found.span.begin) {
          return false;
        }
      }
      return true;
    };
    // Moments that stamp the figures after them in this sentence: 截至19日8时47分 (the date
    // found there, and a clock time after it), 目前 (the publication date).
    std::vector<std::pair<std::size_t, std::string>> stamps;  // (where, moment)
    std::set<std::size_t> stamp_dates;                       // dates that are stamps, not periods
    const std::vector<cue> as_of_markers = find_cues(text, ctx.span, lex.as_of_markers);
    for (const cue& marker : as_of_markers) {
      const std::size_t at = detail::skip_spaces(text, marker.end);
      for (std::size_t j : members) {
        const claim& when = claims[j];
        if (when.found.kind != claim_kind::date || when.found.span.begin != at) continue;
        std::string moment = stamp_moment(when, docs[doc].published);
        if (moment.empty()) continue;
        if (moment.size() == 10) moment += clock_after(text, when.found.span.end, ctx.span.end);
        stamps.emplace_back(marker.begin, moment);
        stamp_dates.insert(j);
      }
      // "as of Tuesday evening", 截至周二: the latest such weekday on or before the publication date.
      if (docs[doc].published && (stamps.empty() || stamps.back().first != marker.begin)) {
        if (auto weekday = weekday_at(text, at)) {
          const std::chrono::sys_days published = docs[doc].published->days();
          const unsigned today = std::chrono::weekday(published).c_encoding();
          const unsigned back = (today + 7 - *weekday) % 7;
          stamps.emplace_back(marker.begin, civil_date::from_days(published - std::chrono::days(back)).iso());
        }
      }
    }
    if (docs[doc].published) {
      for (const cue& now : find_cues(text, ctx.span, lex.as_of_now)) {
        // 截至今日 holds 至今 across its two words: that is the marker's, not a second stamp.
        const bool inside_marker = std::any_of(as_of_markers.begin(), as_of_markers.end(),
                                               [&](const cue& m) { return now.begin < m.end + 6 && now.end > m.begin; });
        if (!inside_marker) stamps.emplace_back(now.begin, docs[doc].published->iso());
      }
    }
    std::sort(stamps.begin(), stamps.end());

    auto period_of = [&](std::size_t current, byte_span clause) -> std::optional<std::string> {
      const byte_span span = claims[current].found.span;
      const claim* in_clause = nullptr;
      const claim* opening = nullptr;
      const claim* trailing = nullptr;
      for (std::size_t j : members) {
        const claim& d = claims[j];
        if (d.found.kind != claim_kind::date || !d.date || d.status != resolution::resolved) continue;
        if (stamp_dates.count(j) > 0) continue;  // 截至8日: when the figure was counted, not what period it covers
        // 1月7日9时5分: a moment something happened, not a period that figures cover.
        if (!clock_after(text, d.found.span.end, ctx.span.end).empty()) continue;
        // A date that is itself a fact (发布于8月11日, founded in 2008) dates an event, not the
        // period of the figures around it.
        if (!d.attribute.empty()) continue;
        // 年底, early 2025: too vague to separate one period's figures from another's.
        if (d.found.date && (d.found.date->period == date_period::early || d.found.date->period == date_period::mid ||
                             d.found.date->period == date_period::late)) {
          continue;
        }
        // 2023年的100亿元: the date belongs to the figure right after 的 and to no other.
        const std::size_t after = d.found.span.end;
        const bool attached = detail::starts_with(text, after, "的");
        if (attached) {
          if (detail::skip_spaces(text, after + 3) == span.begin) return period_text(d);
          continue;
        }
        const byte_span date_clause = clause_of(ctx.breaks, ctx.span, d.found.span.begin);
        if (date_clause.begin == clause.begin) {
          if (in_clause == nullptr || distance(d.found.span, span) < distance(in_clause->found.span, span)) in_clause = &d;
        } else if (date_only_clause(date_clause, d) && date_clause.begin >= clause.end && date_clause.begin <= clause.end + 4) {
          trailing = &d;
        } else if (d.found.span.end <= clause.begin && opens_figures_like(d, current) &&
                   find_cues(text, date_clause, lex.reporting_verbs).empty()) {
          // 今年上半年公司出货量为1200万台，同比增长15%: a date earlier in the sentence sets the
          // period of the later clauses too, unless it closes a figure of the same kind.
          opening = &d;
        }
      }
      if (in_clause != nullptr) return period_text(*in_clause);
      if (trailing != nullptr) return period_text(*trailing);
      if (opening != nullptr) return period_text(*opening);
      return std::nullopt;
    };
    for (std::size_t i : members) {
      claim& c = claims[i];
      const byte_span span = c.found.span;
      const byte_span clause = clause_of(ctx.breaks, ctx.span, span.begin);
      const std::string dimension = claim_dimension(c);

      // Attribute: the nearest fitting cue in the clause, else in the sentence, else the
      // counted noun itself (8 experts -> reviewer_count).
      const cue* best = nullptr;
      std::size_t best_attribute = 0;
      bool in_clause = false;
      for (const cue& k : ctx.attribute_cues) {
        const std::optional<std::size_t> fitting = fitting_attribute(lex, k.payload, dimension);
        if (!fitting) continue;
        if (k.begin >= span.begin && k.end <= span.end) continue;
        // A cue that touches another figure of the same kind, and not this one, is that
        // figure's: 126人遇难、188人受伤 (the 188 are the injured), "killed 126 people and
        // injured 188".
        const auto touches = [&](byte_span figure) { return distance(byte_span{k.begin, k.end}, figure) <= 1; };
        if (!touches(span) && std::any_of(members.begin(), members.end(), [&](std::size_t other) {
              return other != i && claims[other].found.kind == c.found.kind && touches(claims[other].found.span);
            })) {
          continue;
        }
        const bool inside = k.begin >= clause.begin && k.end <= clause.end;
        if (best != nullptr && in_clause && !inside) continue;
        // 三天后, a week later (issue 12): counted from the date before it, so it dates a later
        // event; a cue outside its own clause belongs to that earlier date.
        if (!inside && c.found.date && c.found.date->shift && c.found.date->shift->from_preceding) continue;
        // A cue in another clause counts only close by: 2023年1月20日，DeepSeek-R1模型以开源方式发布.
        constexpr std::size_t max_cue_distance = 60;
        if (!inside && distance(byte_span{k.begin, k.end}, span) > max_cue_distance) continue;
        // Cues at about the same distance: the longer, more specific one wins
        // ("R1 cost just $294,000 to train" is a training cost, not a cost).
        const auto d_new = static_cast<long>(distance(byte_span{k.begin, k.end}, span));
        const auto d_best = best == nullptr ? 0L : static_cast<long>(distance(byte_span{best->begin, best->end}, span));
        const bool near_tie = best != nullptr && std::labs(d_new - d_best) <= 8;
        if (best == nullptr || (inside && !in_clause) ||
            (near_tie ? (k.end - k.begin) > (best->end - best->begin) : d_new < d_best)) {
          best = &k;
          best_attribute = *fitting;
          in_clause = inside;
        }
      }
      double confidence = 0.9;
      std::string basis;
      // A count whose noun is itself a cue says what it counts: 5,200 employees -> headcount.
      std::optional<std::size_t> noun_attribute;
      if (c.found.kind == claim_kind::count && c.found.amount && !c.found.amount->unit_text.empty()) {
        const std::string& noun = c.found.amount->unit_text;
        if (auto m = lex.attribute_cues.longest_at(noun, 0); m && m->length == noun.size()) {
          noun_attribute = fitting_attribute(lex, m->payload, dimension);
        }
      }
      const std::optional<std::size_t> listed = c.found.kind == claim_kind::date ? std::nullopt : list_attribute(i);
      if (noun_attribute) {
        c.attribute = lex.attributes[*noun_attribute].id;
        basis = "counted noun";
      } else if (listed && (best == nullptr || !in_clause)) {
        // A figure in a list after one with a cue shares it: 0.5元（缓存命中）或2元（缓存未命中）,
        // "cost $294,000, or about 2.09 million yuan".
        c.attribute = claims[*listed].attribute;
        basis = fmt::format("listed after {}", claims[*listed].found.text);
        confidence = 0.75;
      } else if (best != nullptr) {
        c.attribute = lex.attributes[best_attribute].id;
        if (lex.attributes[best_attribute].change_of) {
          // 营收...增幅为20%, shipped 12 million phones, up 15%: a change of the measure named before it.
          if (auto measure = measure_before(ctx, best->begin)) c.attribute = lex.attributes[*measure].id + "_growth";
        }
        basis = fmt::format("cue '{}'{}", std::string(text.substr(best->begin, best->end - best->begin)), in_clause ? "" : " in sentence");
        if (!in_clause) confidence = 0.75;
      } else if (c.found.kind == claim_kind::count) {
        for (const attribute_entry& a : lex.attributes) {
          if (dimension_fits(a, dimension, true)) {
            c.attribute = a.id;
            basis = "counted noun";
            confidence = 0.8;
            break;
          }
        }
      }

      // Qualifiers: condition words in the clause, and a parenthesis right after the figure.
      std::set<std::string> qualifiers;
      std::map<std::string, std::pair<std::size_t, std::size_t>> grouped;  // group -> (distance, qualifier)
      // A clause without figures before this one states a condition: 如果多次尝试，准确率达到86.7%.
      byte_span condition{clause.begin, clause.begin};
      if (auto before_clause = previous_clause(ctx.breaks, ctx.span, clause)) {
        const bool has_figure = std::any_of(members.begin(), members.end(), [&](std::size_t j) {
          return claims[j].found.span.begin >= before_clause->begin && claims[j].found.span.end <= before_clause->end;
        });
        if (!has_figure) condition = *before_clause;
      }
      for (const cue& q : ctx.qualifier_cues) {
        const bool in_condition = q.begin >= condition.begin && q.end <= condition.end && condition.size() > 0;
        if (!in_condition && (q.begin < clause.begin || q.end > clause.end)) continue;
        // A parenthesis belongs to the figure it follows: 0.5元(缓存命中)/2元(缓存未命中).
        if (lex.qualifier_adjacent[q.payload]) {
          // 高出500元, 500 yuan more than the Nova 11: the cue touches the figure.
          // Between two figures a Chinese cue leads the figure after it (3499元高出500元), an
          // English one follows the figure before it (500 yuan more than the Nova 11).
          const bool english = is_alpha(text[q.begin]);
          const bool before = !english && q.end <= span.begin && detail::skip_spaces_back(text, span.begin) == q.end;
          const bool after = english && q.begin >= span.end && detail::skip_spaces(text, span.end) == q.begin;
          if (!before && !after) continue;
        }
        const std::optional<std::size_t> open_paren = enclosing_parenthesis(text, clause, q.begin);
        if (open_paren && detail::skip_spaces(text, span.end) != *open_paren) continue;
        // Qualifiers of one group exclude each other: the figure takes the nearest cue
        // ("2 yuan ... on a cache miss and 0.5 yuan ... on a cache hit").
        const std::string& group = lex.qualifier_groups[q.payload];
        if (!group.empty()) {
          std::size_t d = distance(byte_span{q.begin, q.end}, span);
          if (q.end <= span.begin) {
            const std::string_view between = text.substr(q.end, span.begin - q.end);
            // "2 yuan ... on a cache miss and 0.5 yuan": the cue closes the figure before it.
            if (between.find(" and ") != std::string_view::npos || between.find(", ") != std::string_view::npos ||
                between.find("或") != std::string_view::npos) {
              d += 1000;
            }
          }
          auto [it, inserted] = grouped.try_emplace(group, d, q.payload);
          if (!inserted && d < it->second.first) it->second = {d, q.payload};
          continue;
        }
        qualifiers.insert(lex.qualifier_ids[q.payload]);
      }
      for (const auto& [group, nearest] : grouped) qualifiers.insert(lex.qualifier_ids[nearest.second]);
      // The period a figure is about: a date in its clause (2024年营收, fell 17% on January 27),
      // a date attached by 的 (2023年的100亿元), or a date standing alone as the sentence's
      // opening clause (2024年，...) or right after the clause (3.12% on Friday, January 24,).
      if (c.found.kind != claim_kind::date) {
        if (auto period = period_of(i, clause)) qualifiers.insert(*period);
      }
      // A duration in the clause that is no fact of its own is the window the figure covers:
      // 上映10天票房30亿元, 3 billion yuan in its first ten days.
      if (c.found.kind != claim_kind::date && c.found.kind != claim_kind::duration) {
        for (std::size_t j : members) {
          const claim& window = claims[j];
          if (window.found.kind != claim_kind::duration || !window.attribute.empty() || !window.value ||
              window.status != resolution::resolved || window.found.hedge != hedge_kind::none) {
            continue;
          }
          if (clause_of(ctx.breaks, ctx.span, window.found.span.begin).begin != clause.begin) continue;
          if (window.found.span.begin > span.begin) {
            // After the figure only as a window ("in its first ten days"); otherwise it may be
            // a fact of its own not linked yet ("cost 200 million yuan and runs 142 minutes").
            const std::size_t from = window.found.span.begin >= 16 ? window.found.span.begin - 16 : 0;
            const std::string_view lead = text.substr(from, window.found.span.begin - from);
            if (lead.find("first") == std::string_view::npos && lead.find("within") == std::string_view::npos) continue;
          }
          qualifiers.insert(fmt::format("within:{} {}", window.value->to_string(), window.unit));
        }
      }
      const std::size_t before = detail::skip_spaces_back(text, span.begin);
      if (auto to = lex.change_to.longest_ending_at(text, before); to && before - to->length >= ctx.span.begin) {
        // 提升至 always marks an end value; a bare 到/至/to only after a `from` figure in the clause.
        const bool verb = to->length > 3 && !is_alpha(text[before - to->length]);
        const bool word_ok = !is_alpha(text[before - to->length]) || detail::word_boundary(text, before - to->length);
        // "rose 20% to 12 billion": a change word earlier in the clause makes a bare `to` an end value.
        const bool after_change_word = !find_cues(text, byte_span{clause.begin, before - to->length}, lex.change_by).empty();
        if (word_ok && (verb || after_change_word || (from_clause && from_clause->begin == clause.begin))) {
          qualifiers.insert("change:to");
        }
      }
      if (auto from = lex.change_from.longest_ending_at(text, before); from && before - from->length >= ctx.span.begin &&
                                                                          (from->length == 3 || detail::word_boundary(text, before - from->length))) {
        qualifiers.insert("change:from");
        from_clause = clause;
      }
      // Who measured it: the source credited nearest before the figure in the sentence, else
      // the nearest after it ("..., USGS said").
      if (!ctx.attributions.empty() && c.found.kind != claim_kind::date) {
        const attribution* credited = nullptr;
        for (const attribution& a : ctx.attributions) {
          if (a.at < span.begin) credited = &a;
        }
        if (credited == nullptr) credited = &ctx.attributions.front();
        qualifiers.insert("source:" + credited->source);
      }
      c.qualifiers.assign(qualifiers.begin(), qualifiers.end());
      // The stamp before the figure in the sentence, else the first after it ("had killed 126
      // people as of January 8").
      if (c.found.kind != claim_kind::date) {
        for (const auto& [where, moment] : stamps) {
          if (where < span.begin) c.as_of = moment;
        }
        if (c.as_of.empty()) {
          for (const auto& [where, moment] : stamps) {
            if (where >= span.end) {
              c.as_of = moment;
              break;
            }
          }
        }
      }

      if (distributed.count(i) > 0) {
        if (c.subject.empty()) c.attribute.clear();  // respectively with no fit: not compared
        c.link_basis = c.link_basis + (basis.empty() ? "" : ", " + basis);
        if (!c.subject.empty()) c.link_confidence = std::min(c.link_confidence, confidence);
        continue;
      }

      // Subject.
      auto usable = [&](const name_mention& n) {
        // A name right after a figure is what it counts (512张H800), except an event named by its
        // kind: 6.8级地震 is the earthquake's magnitude.
        if (distance(n.span, span) == 0 && n.span.begin >= span.begin && !n.event) return false;
        return counted_names.count(n.span.begin) == 0;
      };
      const name_mention* chosen = nullptr;
      std::string subject_basis;
      // 成立于2012年的对冲基金公司幻方量化: the figure describes the noun after 的.
      if (c.found.kind == claim_kind::date && detail::starts_with(text, span.end, "的") && best != nullptr &&
          best->end <= span.begin && span.begin - best->end <= 3) {
        const std::size_t noun_begin = span.end + 3;
        const std::size_t noun_end = std::min(clause.end, noun_begin + 45);
        const name_mention* inside = nullptr;
        for (const name_mention& n : ctx.names) {
          if (n.span.begin >= noun_begin && n.span.end <= clause.end && n.type != name_type::generic) inside = &n;
        }
        std::string noun = inside != nullptr ? aliases.canonical(inside->text) : std::string(text.substr(noun_begin, noun_end - noun_begin));
        noun.resize(complete_utf8_prefix(noun));  // never cut a character in two
        for (std::string_view stop : {"。", "，", ",", ".", "；", ";", "！", "？"}) {
          noun = noun.substr(0, noun.find(stop));
        }
        c.subject = noun;
        c.link_basis = "attributive" + (basis.empty() ? "" : ", " + basis);
        c.link_confidence = std::min(0.7, confidence);
        continue;
      }
      // Dates follow their cue: the release of DeepSeek-R1 may sit in the next clause.
      const byte_span anchor = (c.found.kind == claim_kind::date && best != nullptr) ? byte_span{best->begin, best->end} : span;
      const byte_span focus_clause = clause_of(ctx.breaks, ctx.span, anchor.begin);
      const bool products_first = c.found.kind == claim_kind::date && best != nullptr;
      auto pick = [&](byte_span region, bool preceding_only) -> const name_mention* {
        const name_mention* found = nullptr;
        std::size_t found_distance = 0;
        bool found_product = false;
        for (const name_mention& n : ctx.names) {
          if (!usable(n) || n.span.begin < region.begin || n.span.end > region.end) continue;
          if (preceding_only && n.span.end > anchor.begin) continue;
          const bool product = n.type == name_type::product;
          const std::size_t d = distance(n.span, anchor) + (n.span.begin > anchor.begin ? 1 : 0);  // ties go to the name before
          if (found == nullptr || (products_first && product && !found_product) ||
              ((!products_first || product == found_product) && d < found_distance)) {
            found = &n;
            found_distance = d;
            found_product = product;
          }
        }
        return found;
      };
      if ((chosen = pick(focus_clause, !products_first))) {
        subject_basis = "clause";
      } else if ((chosen = pick(focus_clause, false))) {
        subject_basis = "clause";
      } else if ((chosen = pick(ctx.span, true))) {
        subject_basis = "sentence";
        confidence = std::min(confidence, 0.75);
      } else if ((chosen = pick(ctx.span, false))) {
        subject_basis = "sentence";
        confidence = std::min(confidence, 0.75);
      }
      std::string subject;
      if (chosen != nullptr && chosen->type == name_type::generic) {
        // `base model` alone is nobody's: qualify it with the name before it, or the focus.
        const name_mention* owner = nullptr;
        for (const name_mention& n : ctx.names) {
          if (n.type != name_type::generic && n.span.end <= chosen->span.begin) owner = &n;
        }
        if (owner != nullptr) {
          subject = aliases.canonical(owner->text) + " " + chosen->text;
        } else if (chosen->event) {
          subject = chosen->text;  // the earthquake: an event named by its kind
          confidence = std::min(confidence, 0.75);
        } else if (focus_set[doc] && index - focus[doc].first <= 3) {
          subject = focus[doc].second + " " + chosen->text;
          confidence = std::min(confidence, 0.6);
        }
        subject_basis = "generic noun";
      } else if (chosen != nullptr) {
        subject = aliases.canonical(chosen->text);
        // "On the AIME 2024 competition it reached 77.9%": a pronoun before the figure points back.
        const bool pronoun = std::any_of(ctx.pronouns.begin(), ctx.pronouns.end(), [&](const cue& p) {
          return p.begin >= chosen->span.end && p.begin >= clause.begin && p.end <= span.begin;
        });
        // "The company was founded in 2008 and is based in Suzhou": a pronoun before the figure
        // and the only name after it.
        const bool pronoun_then_name = chosen->span.begin >= span.end &&
                                       std::any_of(ctx.pronouns.begin(), ctx.pronouns.end(), [&](const cue& p) {
                                         return p.begin >= clause.begin && p.end <= span.begin;
                                       });
        if (pronoun_then_name) {
          if (std::string back = inherited(clause.begin); !back.empty()) {
            subject = back;
            subject_basis = "pronoun";
            confidence = std::min(confidence, 0.7);
          }
        } else if (pronoun && c.found.kind != claim_kind::date) {
          if (std::string back = inherited(clause.begin); !back.empty()) {
            subject = back;
            subject_basis = "pronoun";
            confidence = std::min(confidence, 0.7);
          }
        }
      } else if (std::string back = inherited(span.begin); !back.empty()) {
        subject = back;
        subject_basis = "inherited";
        confidence = std::min(confidence, 0.6);
      }
      c.subject = subject;
      c.link_confidence = subject.empty() || c.attribute.empty() ? 0.0 : confidence;
      c.link_basis = subject_basis + (basis.empty() ? "" : ", " + basis);
    }
    // The subject in focus for the sentences that follow: the last subject this sentence gave a
    // figure to, leaving out figures in a comparison (比上一代Nova 11的3499元, more than the
    // Nova 11), which mention another subject in passing.
    for (std::size_t i : members) {
      if (in_comparison(i)) continue;
      // A sentence that keeps inheriting the focus keeps it alive: the subject stays in focus
      // for as long as the text goes on talking about it.
      if (!claims[i].subject.empty() && !claims[i].attribute.empty() && claims[i].link_basis.rfind("pronoun", 0) != 0 &&
          claims[i].link_basis.rfind("generic", 0) != 0 && claims[i].link_basis.rfind("attributive", 0) != 0) {
        focus[doc] = {index, claims[i].subject};
        focus_set[doc] = true;
      }
    }
  }
  return claims;
}

}  // namespace checker
