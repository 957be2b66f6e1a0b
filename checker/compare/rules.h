#pragma once
// Internal to the compare stage: one function per rule, and the helpers they share.

#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "model/claim.h"
#include "model/document.h"
#include "model/finding.h"

namespace checker::detail {

std::vector<finding> find_contradictions(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex);
std::vector<confirmation> find_confirmations(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex);
std::vector<finding> find_derived_mismatches(const std::vector<document>& docs, const std::vector<claim>& claims, const lexicon& lex);

/// A 16-hex-digit FNV-1a hash of `text`: the fingerprint of a finding's position-free key.
std::string fingerprint_of(std::string_view text);
/// A claim's normalised value as text: `2025-01-20`, `2025-01-01..2025-01-31`, `294000`.
std::string value_key(const claim& c);

}  // namespace checker::detail
