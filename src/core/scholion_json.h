// The Scholion JSON format (format "scholion", version 1): the file that round-trips everything.
#pragma once

#include <string>

#include "model.h"
#include "result.h"

namespace scholion {

constexpr int kScholionFormatVersion = 1;

// Parses and fully validates (UTF-8, types, ids, hashes, span offsets vs text and covered text,
// relation endpoints, nesting depth, number ranges). Errors name a JSON pointer or line:column.
Result<Workspace> parseScholionJson(const std::string& bytes);
std::string writeScholionJson(const Workspace& ws);

}  // namespace scholion
