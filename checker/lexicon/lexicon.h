#pragma once
// The lexicon: cue words for recognise and link, read from `schemas/lexicon.json` (embedded)
// and validated against `schemas/lexicon.schema.json`. Takes JSON, returns value types; no
// other stage parses the lexicon's JSON.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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
  std::vector<entry> words_;                      // longest first
  std::vector<std::vector<std::uint32_t>> by_first_byte_ = std::vector<std::vector<std::uint32_t>>(256);
  std::vector<std::vector<std::uint32_t>> by_last_byte_ = std::vector<std::vector<std::uint32_t>>(256);
  void rebuild();
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

struct attribute_entry {
  std::string id;
  std::vector<std::string> dims;  // `date`, `money`, `count:GPU`, ...
  bool change_of = false;         // a change of the measure cued before it: `<measure>_growth`
};

/// Every word list the stages use, indexed for matching.
struct lexicon {
  word_set scales;            // payload: power of ten
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
  std::vector<std::vector<std::size_t>> attribute_cue_targets;  // indexes into attributes
  std::vector<attribute_entry> attributes;
  word_set qualifier_cues;    // payload: index into qualifier_ids
  std::vector<std::string> qualifier_ids;
  std::vector<std::string> qualifier_groups;  // parallel to qualifier_ids; empty: no group
  std::vector<bool> qualifier_adjacent;       // parallel to qualifier_ids: only right next to the figure
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
  word_set respectively;
  word_set coordinators;
  word_set pronouns;          // words that point back to the subject in focus
  word_set reporting_verbs;   // 表示, said: a date beside one dates the statement
  word_set comparison_markers;  // 比, 上一代, than the: a figure compared with another subject's
  word_set generic_subjects;  // payload: index into generic_subject_ids
  std::vector<std::string> generic_subject_ids;
  std::vector<bool> generic_subject_standalone;  // parallel: a subject by itself without an owner
  std::vector<std::string> not_subjects;  // sorted

  bool is_not_subject(std::string_view name) const;
  /// The canonical id of a rate's denominator (`百万输入tokens` -> `million_tokens`), or `per`.
  std::string canonical_per(const std::string& per) const;
  /// The attribute-cue words mapped to more than one attribute keep all of them.
  std::map<std::string, std::size_t> attribute_cue_index;
};

/// Builds a lexicon from JSON already validated against `lexicon.schema.json`.
lexicon parse_lexicon(const nlohmann::json& data);
/// The lexicon shipped in `schemas/lexicon.json`, validated against its schema. Throws
/// `checker::error` if the shipped data is broken. Build it once per run; it is immutable.
lexicon load_builtin_lexicon();
/// Adds the entries of a user lexicon fragment (same shape, every list optional) to `base`.
void extend_lexicon(lexicon& base, const nlohmann::json& extra);

}  // namespace checker
