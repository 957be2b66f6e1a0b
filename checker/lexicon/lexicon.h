#pragma once
// The lexicon: cue words for recognise and link, read from `schemas/lexicon.json` (embedded)
// and validated against `schemas/lexicon.schema.json`. Takes JSON, returns value types; no
// other stage parses the lexicon's JSON.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/claim.h"
#include "model/decimal.h"

namespace checker {

/// A set of words, each with a payload index, matched longest first at a byte position.
class word_set {
 public:
  void add(std::string word, std::size_t payload);
  struct match {
    std::size_t length = 0;
    std::size_t payload = 0;
  };
  /// The longest word that starts at `pos` in `text`.
  std::optional<match> longest_at(std::string_view text, std::size_t pos) const;
  /// The longest word that ends exactly at `pos` in `text`.
  std::optional<match> longest_ending_at(std::string_view text, std::size_t pos) const;
  bool empty() const { return words_.empty(); }

 private:
  struct entry {
    std::string word;
    std::size_t payload;
  };
  std::vector<entry> words_;  // in the order added
  // Indexes into words_, longest first and in the order added among equal lengths, so the
  // first hit in a bucket is the longest match. Kept sorted on each add by one insertion, not
  // a re-sort, so that building a set of thousands of words stays linear in practice.
  // Words of two bytes or more are bucketed by their first (last) two bytes: CJK words share a
  // handful of lead bytes, so a one-byte key left buckets of hundreds of words (a gazetteer of
  // thousands of places) to be tried at every position.
  std::unordered_map<std::uint16_t, std::vector<std::uint32_t>> by_first_two_;
  std::unordered_map<std::uint16_t, std::vector<std::uint32_t>> by_last_two_;
  // One bit per two-byte key that has a bucket: most positions of a text start no word, and the
  // bit says so before any hashing.
  std::vector<std::uint64_t> first_two_seen_ = std::vector<std::uint64_t>(1024);
  std::vector<std::uint64_t> last_two_seen_ = std::vector<std::uint64_t>(1024);
  std::vector<std::vector<std::uint32_t>> single_bytes_ = std::vector<std::vector<std::uint32_t>>(256);
  void insert_sorted(std::vector<std::uint32_t>& bucket, std::uint32_t index) const;
};

struct unit_entry {
  claim_kind kind;
  std::string unit;
  decimal factor;
};

struct hedge_entry {
  hedge_kind kind;
  std::optional<decimal> margin;  // relative widening for approximate and nearly
};

/// A fixed conversion used when comparing: one `unit` is `factor` `base`.
struct unit_conversion {
  std::string unit;
  std::string base;
  decimal factor;
};

/// How a fact's figure moves while a developing story is reported (issue 14): a running total
/// (a death toll, a box office) only `grows`; a count of people still missing or trapped
/// `changes` either way. Figures of such facts that disagree are usually an older and a newer
/// report, not a slip, and the newer report is the current figure.
enum class change_over_time { none, grows, changes };

struct attribute_entry {
  std::string id;
  std::vector<std::string> dims;  // `date`, `money`, `count:GPU`, ...
  bool change_of = false;         // a change of the measure cued before it: `<measure>_growth`
  /// One value per subject for good (a release date, a founding date): two values of it in one
  /// document are a slip, not two facts. Other attributes vary by edition, place or moment, so
  /// one document's differing values under a coarse key are taken as different facts.
  bool single_valued = false;
  /// Measured by an agency (magnitude, focal depth): figures are compared only when the source
  /// is known, since agencies legitimately disagree.
  bool measured = false;
  /// A reading that changes from moment to moment (concurrent users): figures are compared only
  /// when stamped with their moment or marked as the peak.
  bool momentary = false;
  /// The values the attribute can take, when bounded (a magnitude: 0 to 10).
  std::optional<decimal> minimum;
  std::optional<decimal> maximum;
  change_over_time over_time = change_over_time::none;
  /// A qualifier group the figure must carry to be compared (`election` for a count of votes:
  /// a presidential and a legislative vote give different counts to one party or person);
  /// empty when any figure of the attribute may be compared.
  std::string requires_qualifier_group;
};

/// A place of the gazetteer (`schemas/places.json`): a country, a first-level division or a city.
struct place_entry {
  std::string id;      // ISO 3166-1 / 3166-2 code, or `<parent>-<slug>`: `CN-ZJ`, `TW-HUA`, `US-chicago`
  std::string kind;    // country, province, state, county, city, region
  std::string parent;  // id of the containing place; empty for countries (and Taiwan)
  std::string name;    // the first English name, for reports: `Zhejiang` (the first name if none)
};

/// How a weekday named with an English modifier is placed (issue 12): `this Wednesday` in the
/// publication week, `last Friday` the latest one before publication, `next Monday` the first after.
enum class weekday_rule { in_week, before, after };

/// The date words recognise reads (issue 12). Payloads of the offset lists are offsets biased
/// by `date_lexicon::bias`, so that word sets keep unsigned payloads.
struct date_lexicon {
  static constexpr std::size_t bias = 64;
  word_set weekdays;            // payload 1 (Monday) .. 7 (Sunday): Monday, Wednesday
  word_set weekday_prefixes;    // 星期, 礼拜, 周: a weekday character follows
  word_set weekday_characters;  // payload 1..7, 8 for the weekend: 一 .. 日, 天; 末
  word_set weeks;               // payload bias + weeks from the publication week: 上周, 下下周, last week
  word_set weekends;            // payload bias + weeks: this weekend, last weekend
  word_set weekday_modifiers;   // payload: weekday_rule; English words before a weekday
  word_set weekday_blockers;    // Black Friday, 黑色星期五: a name, not a date
  word_set days;                // payload bias + days from publication: 明日, 后天, 今晚, tonight
  word_set future_cues;         // 将于, will: a bare weekday after one lies ahead
  word_set relative_units;      // payload: date_grain (day, week, month, year): 天, 个月, weeks
  word_set ago_markers;         // 前, ago: N units before publication
  word_set later_markers;       // 后, later: N units after the preceding date in the text
  word_set ahead_markers;       // from now, after today: N units after publication
  word_set ahead_prefixes;      // in, 再过: N units after publication
  word_set before_prefixes;     // 前 (前1周): N units before publication
  word_set week_numbers;        // week (week 31): an ISO week number follows
  word_set cues_before;         // 于, on: a numeric date (5.12, 20161016, 11/20) may follow
  word_set event_nouns;         // 地震, 事件: a numeric date before one names an event's day
  word_set numeric_blockers;    // 规模, magnitude: the number after one is not a date (规模7.2地震)
  word_set day_parts;           // payload: half_day; 上午, 下午, 晚上 before a time of day
  word_set time_hedges_before;  // 约, about, around: the time after one is approximate
  word_set time_hedges_after;   // 许, 左右: the time before one is approximate
};

/// The part of the day a word before a Chinese time of day names (a `day_parts` payload).
enum class half_day : std::size_t { none = 0, morning = 1, noon = 2, afternoon = 3, night = 4 };

/// A scale word with the family it belongs to (`zh-hans`: 万, 亿): a figure is rewritten with
/// words of its own family (issue 14's suggestions). Empty family: never used for rewriting.
struct scale_word {
  std::string word;
  int power = 0;
  std::string family;
};

/// Every word list the stages use, indexed for matching.
struct lexicon {
  word_set scales;            // payload: power of ten
  std::vector<scale_word> scale_words;  // the same words, in the order given
  word_set currency_prefixes; // payload: index into currency_codes
  word_set currency_suffixes;
  std::vector<std::string> currency_codes;
  /// Cents, pence, 角, 分: payload indexes `currency_subunit_entries`.
  word_set currency_subunits;
  struct subunit_entry {
    std::string code;
    decimal factor;
    bool alone = false;  // money by itself (50 cents), not only after a main-unit amount (3元5角)
  };
  std::vector<subunit_entry> currency_subunit_entries;
  std::string dollar_symbol = "$";
  std::string dollar_assumed = "USD";
  word_set units;             // payload: index into unit_entries
  std::vector<unit_entry> unit_entries;
  word_set classifiers;
  word_set numeral_names;     // 双十一, 十八大: a numeral inside a name is no figure
  word_set counted_nouns;     // payload: index into counted_ids
  std::vector<std::string> counted_ids;
  word_set hedges_before;     // payload: index into hedge_entries
  word_set hedges_after;
  std::vector<hedge_entry> hedge_entries;
  word_set attribute_cues;    // payload: index into attribute_cue_targets
  /// The payload of an idiom in attribute_cues (came out on top): a phrase read as one word
  /// so that the cue inside it is never taken.
  static constexpr std::size_t idiom_payload = static_cast<std::size_t>(-1);
  std::vector<std::vector<std::size_t>> attribute_cue_targets;  // indexes into attributes
  std::vector<attribute_entry> attributes;
  word_set qualifier_cues;    // payload: index into qualifier_ids
  std::vector<std::string> qualifier_ids;
  std::vector<std::string> qualifier_groups;  // parallel to qualifier_ids; empty: no group
  std::vector<bool> qualifier_adjacent;       // parallel to qualifier_ids: only right next to the figure
  std::vector<bool> qualifier_rest_of_sentence;  // parallel to qualifier_ids: every figure after the cue in its sentence
  word_set change_from;
  word_set change_to;
  word_set change_by;         // words before a stated change: 增长, rose
  std::vector<unit_conversion> conversions;
  word_set per_units;         // payload: index into per_unit_ids
  std::vector<std::string> per_unit_ids;
  word_set known_subjects;    // names and aliases; payload: index into subject_names
  std::vector<std::string> subject_names;
  std::map<std::string, std::string> subject_aliases;  // name or alias as written -> canonical name
  word_set known_sources;     // agencies and their aliases; payload: index into source_names
  std::vector<std::string> source_names;
  word_set as_of_markers;     // 截至, as of: the moment after it stamps the figures
  word_set as_of_now;         // 目前, so far: stamped with the publication date
  word_set attribution_before;  // 据, according to
  word_set attribution_after;   // 测定, said
  word_set time_zones;          // 北京时间, UTC, EDT; payload: index into zone_offsets
  std::vector<int> zone_offsets;  // minutes east of UTC
  std::optional<int> chinese_dates_zone;  // the offset a date written in Chinese is taken in
  word_set venue_markers;       // 在, 登陆, on, via: the name after it is where, not who
  word_set evidence_verbs;      // 数据显示, shows: the name before it is where a figure comes from
  word_set overtaking_markers;   // 超越, overtook: the name after it is measured against, not the one spoken of
  word_set venue_nouns;          // 平台, store: the name before it is a venue
  word_set source_work_markers;  // 改编自, based on, developed by: the name after it is what the subject comes from
  word_set origin_markers_after;  // 研发的: the name before it made the subject
  word_set respectively;
  word_set coordinators;
  word_set pronouns;          // words that point back to the subject in focus
  word_set reporting_verbs;   // 表示, said: a date beside one dates the statement
  word_set comparative_words;   // 低, 多出: after 比 ..., the figure right after is a difference
  word_set segment_nouns;       // business, 业务: the words before them name a company's unit
  word_set comparison_markers;  // 比, 上一代, than the: a figure compared with another subject's
  word_set generic_subjects;  // payload: index into generic_subject_ids
  std::vector<std::string> generic_subject_ids;
  std::vector<bool> generic_subject_standalone;  // parallel: a subject by itself without an owner
  std::vector<std::string> not_subjects;  // sorted
  word_set conversion_markers;           // (, 约合, or about: a money figure after one restates the one before
  word_set place_markers;                // in, across, 在: a place after one is where, not who
  word_set complement_markers;           // all but, 除: the figure after is the rest of the group
  std::vector<std::string> subgroup_words;
  std::vector<std::string> rest_group_words;  // sorted: others (a group only beside other groups)  // sorted: women, others, 外籍 (a count of one group of people)
  std::vector<std::string> trim_words;    // sorted: Max, Pro (a product's trim when ending its name)
  std::vector<std::string> official_body_words;  // sorted: Agency, Ministry (a reporting body's name ends so)
  word_set places;            // payload: index into place_entries
  std::vector<place_entry> place_entries;
  std::map<std::string, std::size_t> place_index;  // id -> index into place_entries
  date_lexicon dates;

  bool is_not_subject(std::string_view name) const;
  /// The canonical id of a rate's denominator (`百万输入tokens` -> `million_tokens`), or `per`.
  std::string canonical_per(const std::string& per) const;
  /// The place whose name is longest at byte `pos` of `text` (folded text, as the stages see
  /// it): an index into `place_entries`. A Latin name counts only on word boundaries (not
  /// `Nice` in `Niceville`, but `China` in `China's`) and not before `$` (`US$` is a currency);
  /// a Chinese name counts anywhere.
  std::optional<std::size_t> place_at(std::string_view text, std::size_t pos) const;
  /// Whether place `place` is `ancestor_id` or lies inside it, following parents
  /// (`CN-hangzhou` is within `CN-ZJ` and `CN`).
  bool within(std::size_t place, const std::string& ancestor_id) const;
  /// The attribute-cue words mapped to more than one attribute keep all of them.
  std::map<std::string, std::size_t> attribute_cue_index;
};

/// Builds a lexicon from JSON already validated against `lexicon.schema.json`.
lexicon parse_lexicon(const nlohmann::json& data);
/// The lexicon shipped in `schemas/lexicon.json` with the gazetteer of `schemas/places.json`,
/// each validated against its schema. Throws
/// `checker::error` if the shipped data is broken. Build it once per run; it is immutable.
lexicon load_builtin_lexicon();
/// Adds the entries of a user lexicon fragment (same shape, every list optional) to `base`.
void extend_lexicon(lexicon& base, const nlohmann::json& extra);

}  // namespace checker
