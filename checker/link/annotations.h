#pragma once
// Internal to checker/link: the annotations the link stage reads in each sentence (names, clause
// breaks, cue words, credited sources, stamps) and the functions that find them, one group per
// file (names.cpp, clauses.cpp, cues.cpp, stamps.cpp, subjects.cpp). Only the link stage's own
// files include this header.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"
#include "model/claim.h"
#include "model/date.h"
#include "model/span.h"
#include "recognize/scanner.h"

namespace checker::detail {

enum class name_type { product, organisation, generic };

/// What a name does in its sentence. Only a `subject` can be what a figure is about: a `venue`
/// is where something happens (登陆PC、PS5平台, on Steam, 在AIME上), a `credited` name is where
/// a figure comes from (据SteamDB, SteamDB数据显示), a `source_work` is what the subject comes
/// from: a work it draws on (改编自《西游记》, based on the novel X) or its maker (X研发的, developed by X).
/// A `compared` name is one the subject overtakes or is measured against (超越X, overtook X): a
/// figure next to it may be its own, but a pronoun after it does not point back to it.
enum class name_role { subject, venue, credited, source_work, compared };

/// A subject named in a sentence.
struct name_mention {
  byte_span span;
  std::string text;  // as written, cleaned (`H800GPU` -> `H800`)
  name_type type = name_type::organisation;
  bool event = false;  // a generic noun that is a subject by itself (the earthquake)
  name_role role = name_role::subject;
};

struct cue {
  std::size_t begin;
  std::size_t end;
  std::size_t payload;
};

// A source credited with the figures near it: 据中国地震台网测定, "according to USGS".
struct attribution {
  std::size_t at = 0;  // where the source's name begins
  std::string source;  // canonical name from the lexicon
};

struct sentence_context {
  byte_span span;
  std::vector<attribution> attributions;
  std::vector<name_mention> names;
  std::vector<byte_span> breaks;
  std::vector<cue> attribute_cues;
  std::vector<cue> pronouns;
  std::vector<cue> qualifier_cues;
};

/// Canonical subject names for the whole corpus: declared aliases first, then an organisation
/// prefix dropped from a product name (`DeepSeek-R1` -> `R1` when `DeepSeek` stands alone).
class alias_table {
 public:
  alias_table(const std::set<std::string>& organisations, const std::map<std::string, std::string>& declared,
              const std::map<std::string, std::string>& known, const std::map<std::string, std::string>& romanised)
      : organisations_(organisations), declared_(declared), known_(known), romanised_(romanised) {}

  std::string canonical(const std::string& name) const {
    if (auto it = declared_.find(name); it != declared_.end()) return it->second;
    if (auto it = known_.find(name); it != known_.end()) return it->second;
    if (auto it = romanised_.find(name); it != romanised_.end()) return canonical_once(it->second);
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
  // The romanised tie's target through the declared and known aliases only (no second tie).
  std::string canonical_once(const std::string& name) const {
    if (auto it = declared_.find(name); it != declared_.end()) return it->second;
    if (auto it = known_.find(name); it != known_.end()) return it->second;
    return name;
  }
  const std::set<std::string>& organisations_;
  const std::map<std::string, std::string>& declared_;
  const std::map<std::string, std::string>& known_;
  const std::map<std::string, std::string>& romanised_;
};

/// Names that spell one key once romanised (ICU Han-Latin, numerals as digits): 嫦娥六号 and
/// Chang'e-6. Takes each name as written with its number of mentions; gives each tied name the
/// wording mentioned most. Only names that meet across scripts, on keys of four or more. (romanised.cpp)
std::map<std::string, std::string> cross_script_aliases(const std::map<std::string, std::size_t>& mentions);
/// Spellings of one title that the corpus holds (titles.cpp): names equal but for separators
/// (`:`, `：`, `·`, `之`), spaces and case (黑神话:悟空, 黑神话之悟空); a main title and subtitle
/// with and without the sequel numeral (哪吒2之魔童闹海, 哪吒之魔童闹海); a main title or a
/// subtitle written alone (黑神话, 悟空) when it stands for one work only and no numbered sibling
/// (哪吒 beside 哪吒2) exists. Takes names with their mentions; gives each tied name the wording
/// mentioned most.
std::map<std::string, std::string> title_variant_aliases(const std::map<std::string, std::size_t>& mentions);
/// The spelling-free forms through which `title_variant_aliases` may tie `name` to another name
/// (issue 15: an archive finds the documents whose titles a draft's may be a spelling of).
std::set<std::string> title_keys(const std::string& name);
/// A Latin name that, romanised, spells a part of exactly one Chinese title with a subtitle
/// (`Wukong`, `Black Myth: Wukong` and 黑神话:悟空) is that work: adds the tie to `variants`
/// (name -> wording), after the title spellings and whole-name ties are in it. (script_short_forms.cpp)
void tie_short_forms_across_scripts(const std::map<std::string, std::size_t>& mentions, std::map<std::string, std::string>& variants,
                                    const lexicon& lex);
/// The text holds a CJK ideograph (written in Chinese). (romanised.cpp)
/// A CJK ideograph (the Unified Ideographs and Extension A): a character of a Chinese word.
inline bool is_han_char(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }
bool has_han(std::string_view text);

// Names in a sentence: Latin-script names, titles in 《》 and 「」, known and generic subjects. (names.cpp)
bool inside_a_name(const std::vector<name_mention>& names, byte_span figure);
/// Names in one sentence: Latin-script names (runs of capitalised or digit-bearing tokens),
/// titles in 《》 and the lexicon's generic subjects (base model, 基础模型).
/// `titles`, when given, are titles the corpus writes in 《》 elsewhere: found unbracketed too.
std::vector<name_mention> find_names(std::string_view text, byte_span sentence, const lexicon& lex, const word_set* titles = nullptr);
/// Titles the documents write in 《》 (or in 「」, four characters or more), of three Chinese
/// characters or more: a page that names the work once in brackets may write it bare elsewhere,
/// and another page may never bracket it. (names.cpp)
word_set bracketed_titles(const std::vector<std::string_view>& texts);
/// Adds to `names` the Chinese spellings of the corpus's pinyin names: runs of two to four Han
/// characters whose romanisation spells a capitalised Latin word, or two such words, of five
/// letters or more (华为 for Huawei, 赵心童 for Zhao Xintong); not the lexicon's own words
/// (places, agencies, cues). (pinyin_names.cpp)
void add_han_spellings_of_latin_names(const std::vector<std::string_view>& texts, const lexicon& lex, word_set& names);
/// A name given as an example of something larger (以《哪吒2》为代表的春节档, such as X): the
/// figures are about the larger thing.
bool is_example(std::string_view text, byte_span name);
/// Groups of names joined only by coordinators: `R1-Zero和R1`, `R1-Zero and R1`.
std::vector<std::vector<std::size_t>> coordinated_groups(std::string_view text, const sentence_context& ctx, const lexicon& lex);

/// The place a figure holds for: the nearest place named before it in its phrase, else the first
/// after it, leaving out places that name an event (花莲地震) or a time zone (北京时间).
/// True when the word ending at `word_end` names a trim or edition: `Max 版`, `Pro版`.
bool names_an_edition(std::string_view text, std::size_t word_end, std::size_t limit);
/// The trim a region writes as a word and 版, as a qualifier (`edition:max`), the last one.
std::optional<std::string> written_edition(std::string_view text, byte_span region);
/// The edition label opening a sentence (`标准版：`, `- Max 版:`), whose figures are all that
/// edition's; `groups` are the lexicon's qualifier groups.
std::optional<byte_span> edition_label(std::string_view text, byte_span sentence, const word_set& qualifier_cues,
                                       const std::vector<std::string>& groups);
/// `SU7 Max`, `Mate 60 Pro`: a subject ending in a trim word of the lexicon is the product, with
/// the trim as its edition (`edition:max`), as `Max 版` is; unless an edition is already set.
void split_trims_from_subjects(std::vector<claim>& claims, const lexicon& lex);
/// The place a figure holds in: a gazetteer place in its phrase, before it first. `surroundings`,
/// when given, tells whether the text names the area about the place (`around Beijing`, 北京周边).
std::optional<std::size_t> place_of_figure(std::string_view text, byte_span phrase, byte_span figure, const lexicon& lex,
                                           bool* surroundings = nullptr);
/// A town the gazetteer lacks, named with its administrative suffix right before a figure
/// (轮岛市81人): its written name, or nothing.
std::optional<std::string> local_place_before(std::string_view text, byte_span phrase, byte_span figure);
/// True for the last word of an English name of a local area (`County` in Kerr County).
bool names_local_area(std::string_view last_word);
/// A local area the gazetteer lacks, named in English in the figure's clause (`Kerr County, where
/// 43 people died`, `killed 6 in Travis County`): its name, the one before the figure first.
std::optional<std::string> local_area_in(std::string_view text, byte_span clause, byte_span figure, const lexicon& lex);
/// The company unit a money or percentage figure is about: the last segment noun of the lexicon
/// before it in its sentence, with its modifiers (`consumer business` -> `segment:consumer`,
/// `ICT基础设施业务` -> `segment:基础设施`). (segments.cpp)
std::optional<std::string> segment_before(std::string_view text, byte_span sentence, byte_span figure, const word_set& segment_nouns);
/// The line of business a measure names right before its cue (`gaming revenue`, 游戏收入 ->
/// `segment:gaming`, `segment:游戏`); nothing for the company's whole (total revenue, 营业收入,
/// Tencent revenue). (segments.cpp)
std::optional<std::string> segment_of_measure(std::string_view text, byte_span sentence, byte_span cue);
/// `In Qinghai, ...`: the place that opens a sentence before a comma.
std::optional<std::size_t> opening_place(std::string_view text, byte_span sentence, const lexicon& lex);

// Roles: venues and credited sources among a sentence's names. (roles.cpp)
/// Marks the names that follow a venue marker (在, 登陆, on, via), with the names listed after
/// them (登陆PC（Steam、Epic）、PS5), as venues, and the names a source marker credits (据X,
/// X数据显示) as credited. Needs `ctx.names` and `ctx.breaks`.
void mark_name_roles(std::string_view text, sentence_context& ctx, const lexicon& lex);

// Time zones of dates. (zones.cpp)
/// Sets `c.utc_offset_minutes` and `c.zone_basis` for a date: the zone named nearest in its
/// clause (北京时间, UTC; a zone in brackets only when they follow the date), else the zone of
/// dates written in Chinese when the date is (6月2日), else none.
void assign_time_zone(claim& c, std::string_view text, byte_span clause, const lexicon& lex);

// Clauses and phrases: where a figure's clause and list item begin and end. (clauses.cpp)
/// Clause boundaries inside a sentence: Chinese and ASCII commas, semicolons and colons (an
/// ASCII comma between digits is a thousands separator, not a boundary).
std::vector<byte_span> clause_breaks(std::string_view text, byte_span sentence);
byte_span clause_of(const std::vector<byte_span>& breaks, byte_span sentence, std::size_t offset);
/// The clause before `clause` in the same sentence, if any.
std::optional<byte_span> previous_clause(const std::vector<byte_span>& breaks, byte_span sentence, byte_span clause);
/// The list item a figure stands in: its clause cut at the enumeration marks around it
/// (`、`, ` and `), so in 13人遇难、1145人受伤 each figure has its own phrase.
byte_span phrase_of(std::string_view text, byte_span clause, byte_span figure);
/// Chinese words follow the figure inside its phrase (442人受困): the figure has a predicate of
/// its own. Brackets and what they hold are an aside, not a predicate.
bool has_own_words_after(std::string_view text, std::size_t from, std::size_t to, const lexicon& lex);
/// A complement marker (`all but`, `除了`) stands right before the figure at `figure_begin`: the
/// figure counts the rest of a group, not what the sentence's cue counts.
bool after_complement_marker(std::string_view text, std::size_t figure_begin, std::size_t sentence_begin, const lexicon& lex);
/// The group a count of people counts when it is one group of those the sentence counts (`85
/// women`, `10 others`, `3名外籍游客`): the counted word, from the lexicon's `subgroup_words`.
std::optional<std::string> subgroup_counted(std::string_view text, const claim& count, const lexicon& lex);
/// The money figure `current` restates the money figure right before it in another currency
/// (`19,999 yuan (US$2,800)`, `约合2800美元`, `or about $2,800`): a conversion at some rate.
bool converts_figure_before(std::string_view text, const std::vector<std::size_t>& sentence_claims, const std::vector<claim>& claims,
                            std::size_t current, const lexicon& lex);
/// The offset of the `(` or `（` that encloses `offset` within `clause`, if any.
std::optional<std::size_t> enclosing_parenthesis(std::string_view text, byte_span clause, std::size_t offset);
/// Length of the longest prefix of `s` that ends on a character boundary.
std::size_t complete_utf8_prefix(std::string_view s);
std::size_t distance(byte_span a, byte_span b);

/// Bytes between `from` and `to` outside parentheses: how far apart two figures of a list are.
std::size_t unbracketed_length(std::string_view text, std::size_t from, std::size_t to);

// Cue words: lexicon words found in a span, and which attribute a cue gives a figure. (cues.cpp)
std::vector<cue> find_cues(std::string_view text, byte_span span, const word_set& words);
std::string claim_dimension(const claim& c);
bool dimension_fits(const attribute_entry& attribute, const std::string& dimension, bool exact_only);
/// The first attribute cued by cue word `target` that takes figures of `dimension`.
std::optional<std::size_t> fitting_attribute(const lexicon& lex, std::size_t target, const std::string& dimension);
/// The attribute that alone takes figures of exactly `dimension`, if only one does.
/// The attribute named `attribute` may take figures of `dimension`.
bool dimension_fits_attribute(const lexicon& lex, const std::string& attribute, const std::string& dimension);
std::optional<std::size_t> sole_attribute_counting(const lexicon& lex, const std::string& dimension);
bool is_measured(const lexicon& lex, const std::string& attribute);

/// The claim's value lies within the bounds its attribute can take (a magnitude is 0 to 10).
bool within_attribute_range(const lexicon& lex, const claim& c);

/// The unit an attribute is measured in when its figures are plain numbers (`magnitude` for a
/// magnitude), or empty.
std::string unit_of_attribute(const lexicon& lex, const std::string& attribute);

// Moments and sources: as-of stamps, clock times, weekdays, datelines and credited agencies. (stamps.cpp)
/// Past a time zone named before a moment (截至北京时间17日): where the moment begins.
std::size_t after_time_zone_words(std::string_view text, std::size_t pos);
/// 北京2日电, 台北3日電: a day followed by the wire's 电.
bool is_dateline(std::string_view text, const claim& c);
/// 1900年以来, since 2008: a date that opens a period, not a fact's date.
bool opens_a_period(std::string_view text, const claim& c);
/// The weekday named at `pos` (0 Sunday .. 6 Saturday): Tuesday, 周二, 星期二, 禮拜二 (read as 礼拜二).
std::optional<unsigned> weekday_at(std::string_view text, std::size_t pos);
/// A clock time right after a date (8时47分, 下午3点, 4時 read as 4时): `T08:47`, or empty.
std::string clock_after(std::string_view text, std::size_t pos, std::size_t end);
/// The moment a date after an as-of marker names: `2025-01-19` for a day, `2025-01` for a month.
/// A bare day of the month (截至19日), which normalise leaves unresolved, is the latest such day
/// on or before the publication date. Empty when it names neither.
std::string stamp_moment(const claim& when, const std::optional<civil_date>& published);
/// Sources named in `span` in a crediting frame: after an attribution word (据, according to
/// [the]) or before a verb of reporting or measuring (测定, said), a parenthesised abbreviation
/// in between allowed (美国地质调查局（USGS）称).
std::vector<attribution> find_attributions(std::string_view text, byte_span span, const lexicon& lex);
/// The agencies each document credits anywhere in the sentences that hold figures.
std::vector<std::set<std::string>> sources_by_document(std::size_t count, const std::vector<std::map<std::size_t, sentence_context>>& contexts);

// What each document is mainly about. (subjects.cpp)
/// What each document is mainly about: the name it gives most often in the sentences that hold
/// figures (at least twice; the earliest wins a tie). Empty when no name recurs.
std::vector<std::string> main_subject_by_document(std::size_t count, const std::vector<std::map<std::size_t, sentence_context>>& contexts,
                                                  const alias_table& aliases);

}  // namespace checker::detail
