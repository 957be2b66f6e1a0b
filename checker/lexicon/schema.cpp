#include "lexicon/schema.h"

#include <fmt/format.h>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "lexicon/embedded.h"
#include "model/diagnostic.h"

namespace checker {

namespace {

// `$ref` to another schema file ("claim.schema.json") resolves to the embedded copy.
const nlohmann::json* fetch_embedded(const std::string& uri) {
  const std::string name = uri.substr(uri.find_last_of('/') + 1);
  const auto text = embedded_file(name);
  if (!text) return nullptr;
  return new nlohmann::json(nlohmann::json::parse(*text));
}

void free_embedded(const nlohmann::json* document) { delete document; }

}  // namespace

std::vector<std::string> validate_against(std::string_view schema_name, const nlohmann::json& document) {
  const auto text = embedded_file(schema_name);
  if (!text) throw error(fmt::format("internal: no embedded schema named {}", schema_name));
  const nlohmann::json schema_json = nlohmann::json::parse(*text);
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema, fetch_embedded, free_embedded);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter document_adapter(document);
  std::vector<std::string> messages;
  if (validator.validate(schema, document_adapter, &results)) return messages;
  valijson::ValidationResults::Error problem;
  while (results.popError(problem)) {
    std::string where;
    for (const auto& part : problem.context) where += part;
    messages.push_back(fmt::format("{}: {}", where, problem.description));
  }
  return messages;
}

}  // namespace checker
