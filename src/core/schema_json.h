// Schema <-> JSON values, shared by the schema file reader and the Scholion workspace format.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "json_util.h"
#include "schema.h"

namespace scholion {

// Reads a schema object; type problems go to `reader` as "<pointer>: <what>" (pointer = where `j`
// is).
Schema schemaFromJson(const nlohmann::json& j, const std::string& pointer, JsonReader& reader);
nlohmann::ordered_json schemaToJsonValue(const Schema& schema);

}  // namespace scholion
