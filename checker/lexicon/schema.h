#pragma once
// JSON Schema validation (draft 7, through valijson) of the documents the tool reads and writes.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace checker {

/// Validates `document` against the embedded schema file `schema_name` (e.g.
/// `manifest.schema.json`). Returns one message per violation, empty when valid.
std::vector<std::string> validate_against(std::string_view schema_name, const nlohmann::json& document);

}  // namespace checker
