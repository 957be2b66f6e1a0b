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
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "model/claim.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "segment/segment.h"

namespace checker {

struct link_options {
  /// Declared aliases: alias text -> canonical subject (from a project file).
  std::map<std::string, std::string> aliases;
};

/// Sets `subject`, `attribute`, `qualifiers`, `link_confidence` and `link_basis` on `claims`.
/// `sentences[i]` are the sentences of `docs[i]`; claims refer to both by index.
std::vector<claim> link(const std::vector<document>& docs, const std::vector<std::vector<sentence>>& sentences,
                        std::vector<claim> claims, const lexicon& lex, const link_options& options, diagnostics& diags);

}  // namespace checker
