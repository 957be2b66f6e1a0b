#pragma once
#include <optional>
#include <string_view>

namespace checker {

/// The text of a file from `schemas/` embedded at build time (`lexicon.json`,
/// `report.schema.json`, ...), or `std::nullopt` for an unknown name.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace checker
