#pragma once
// Stage 5, link: claims -> claims that say what they are about.
//
// For each claim decides the subject (a name in the text such as `DeepSeek-R1` or `《自然》`,
// merged with its aliases across the corpus), the attribute (from the lexicon's cue words,
// matching the claim's dimension), and the qualifiers that must match before two claims are
// compared (cache hit or miss, input or output, the start or end of a from/to change).
// `分别`/`respectively` distributes figures over the listed subjects in order; a sentence with
// no subject inherits the one in focus. Claims it cannot place keep an empty subject or
// attribute and are never compared. It does not compare.

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "model/claim.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "segment/segment.h"

namespace checker {

/// What alias merging reads from the whole corpus: organisation names seen on their own in a
/// sentence that holds a figure, and how often each name is mentioned in such sentences.
struct corpus_names {
  std::set<std::string> organisations;
  std::map<std::string, std::size_t> mentions;
};

struct link_options {
  /// Declared aliases: alias text -> canonical subject (from a project file).
  std::map<std::string, std::string> aliases;
  /// When set, the names of the whole corpus, used instead of those of the documents given to
  /// `link` (issue 15: a draft checked against candidate documents of an archive links them as
  /// the whole archive would). It must hold every organisation that is a prefix (`names_index::
  /// prefixes`) and every name that shares a romanised key with a name of those documents.
  std::shared_ptr<const corpus_names> corpus;
};

/// Romanised keys of names (ICU Han-Latin, Chinese numerals as digits, ASCII letters and digits
/// only; `change6` for both 嫦娥六号 and Chang'e-6), or nothing for a key too short to tie. Caches
/// what it computed; not shareable between threads.
class romaniser {
 public:
  romaniser();
  ~romaniser();
  romaniser(const romaniser&) = delete;
  romaniser& operator=(const romaniser&) = delete;
  bool usable() const;
  std::optional<std::string> key(const std::string& name);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// The names of one document that the corpus-wide part of `link` reads (issue 15's archive
/// index): `mentions` and `organisations` as `corpus_names` counts them, and `nearby`, every
/// name in a sentence holding a figure or in the sentence before one (where subjects come from).
struct document_names {
  std::map<std::string, std::size_t> mentions;
  std::set<std::string> organisations;
  std::set<std::string> nearby;  // of every type
  std::set<std::string> nearby_subjects;  // those that are not generic nouns
};

/// `claims` are the claims of `doc` (any `document` index), `sentences` its sentences.
document_names names_of_document(const document& doc, const std::vector<sentence>& sentences, const std::vector<claim>& claims,
                                 const lexicon& lex);

/// What could make a name canonical in another corpus (issue 15's candidate fetch). A name's
/// canonical form depends on the corpus only through organisation prefixes (`DeepSeek-R1` is `R1`
/// when `DeepSeek` stands alone somewhere) and romanised ties; these keys cover every form a name
/// can take in any corpus: two names that become one subject in some corpus share a key.
class name_keys {
 public:
  name_keys(const lexicon& lex, const link_options& options);
  /// The keys of `name`: its literal forms (the name, each tail after an organisation prefix,
  /// their declared and known aliases) and `r:` plus the romanised key of each.
  std::set<std::string> keys(const std::string& name);
  /// The prefixes that `link` looks up among organisations when it makes `name` canonical.
  std::set<std::string> prefixes(const std::string& name);
  /// The romanised key of `name` itself, as the romanised ties compute it.
  std::optional<std::string> romanised_key(const std::string& name) { return romanise_.key(name); }
  /// The romanised keys of `name` and its tails.
  std::set<std::string> romanised(const std::string& name);

 private:
  std::set<std::string> literals(const std::string& name);
  const lexicon& lex_;
  const link_options& options_;
  romaniser romanise_;
  std::map<std::string, std::set<std::string>> alias_targets_by_key_;  // romanised key of an alias -> its canonical names
};

/// A value that more subjects than this state (with the same attribute, unit and qualifiers) is
/// no evidence to the subject-tie pass: every model's 15.6% baseline identifies none of them.
inline constexpr std::size_t max_subjects_per_tie_value = 4;

/// True when the subject-tie pass counts `c` as evidence: linked and resolved, a precise value
/// (three significant digits or more) that is no date, no hedge, link confidence 0.65 or more.
bool counts_toward_subject_ties(const claim& c);

/// The key under which an archive indexes a precise value for the subject-tie pass (issue 15):
/// attribute, unit, qualifiers and value, unambiguously joined, leaving out `edition:`
/// qualifiers (the only ones that depend on the corpus: a subject ending in a trim word gives its
/// trim as one, and a subject's wording depends on the corpus). Empty for a value the pass never
/// counts (a date, no attribute, fewer than three significant digits).
std::string subject_tie_key(const claim& c);

/// True when `c` has an `edition:` qualifier (which `subject_tie_key` leaves out).
bool has_edition(const claim& c);

/// True when a claim of `claims` whose subject is in `subjects` agrees on a precise value with a
/// claim of another subject in another document, as the subject-tie pass counts evidence: the
/// pass might then tie the subject to another, across documents not in `claims`. Values whose
/// claims have no edition and whose `subject_tie_key` is in `settled` are left out: the caller
/// knows that more than `max_subjects_per_tie_value` subjects state them in the whole corpus.
bool could_tie_subjects(const std::vector<claim>& claims, const std::set<std::string>& subjects,
                        const std::set<std::string>& settled = {});

/// Issue 14: the words around claim `c` as the worded-alike pass lines figures up (tokens of
/// `doc`'s folded text: a Latin word, one CJK character, `#` for any number): the four tokens
/// right before the figure and the first one after it, joined; empty when that pass could not
/// place the figure by its wording (too few words before it, another figure or a bracket right
/// before it). `sentences` are `doc`'s.
std::string figure_wording_key(const document& doc, const std::vector<sentence>& sentences, const claim& c);

/// Sets `subject`, `attribute`, `qualifiers`, `link_confidence` and `link_basis` on `claims`.
/// `sentences[i]` are the sentences of `docs[i]`; claims refer to both by index.
std::vector<claim> link(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                        std::vector<claim> claims, const lexicon& lex, const link_options& options, diagnostics& diags);

}  // namespace checker
