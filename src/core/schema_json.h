// Schema <-> JSON values, shared by the schema file reader and the Scholion workspace format.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema.h"

namespace scholion {

// Reads a schema object; type problems are appended as "<pointer>: <what>" (pointer = where `j`
// is).
Schema schemaFromJson(const nlohmann::json& j, const std::string& pointer,
                      std::vector<std::string>& problems);
nlohmann::ordered_json schemaToJsonValue(const Schema& schema);

}  // namespace scholion
