// The Scholion JSON format (format "scholion", version 1): the file that round-trips everything.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model.h"
#include "result.h"

namespace scholion {

constexpr int kScholionFormatVersion = 1;

// Parses and fully validates (UTF-8, types, ids, hashes, span offsets vs text and covered text,
// relation endpoints, nesting depth, number ranges). Errors name a JSON pointer or line:column.
Result<Workspace> parseScholionJson(const std::string& bytes);
Result<Workspace> parseScholionJsonValue(const nlohmann::json& root);
std::string writeScholionJson(const Workspace& ws);

// Parts of the format, for writers that build a file piece by piece (autosave records): the root
// object with every member and an empty "documents" array, one span, one relation.
nlohmann::ordered_json scholionRootJson(const Workspace& ws);
nlohmann::ordered_json spanJson(const Span& s);
nlohmann::ordered_json relationJson(const Relation& r);
nlohmann::ordered_json progressJson(const WorkProgress& g);  // written only when not default

}  // namespace scholion
