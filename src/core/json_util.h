// Safe JSON reading shared by every format: UTF-8 check, nesting limit before parsing, line:column
// errors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "result.h"

namespace scholion {

// Parses `text` without exceptions. Rejects (with "fileName: ..." messages):
//  - invalid UTF-8, naming the byte offset (and line:column) of the first bad sequence;
//  - nesting deeper than maxDepth arrays/objects, found by a linear pre-scan before any parser
//  runs;
//  - syntax errors, as "fileName:line:column: ..." (numbers overflowing a double, e.g. 1e400, too).
Result<nlohmann::json> parseJsonSafely(const std::string& text, const std::string& fileName,
                                       int maxDepth = 64);

// 1-based line and column (in bytes) of a byte offset.
std::string lineColumnOf(std::string_view text, std::size_t byteOffset);

// RFC 6901 escaping of one reference token ("~" -> "~0", "/" -> "~1").
std::string jsonPointerToken(const std::string& key);

// Dumps with invalid UTF-8 replaced (never throws on strings).
std::string dumpJson(const nlohmann::json& j, int indent = -1);

// Checked reads: a non-negative integer that fits uint32 (rejects floats, negatives, huge values).
std::optional<uint32_t> jsonToUint32(const nlohmann::json& j);
// Human-readable type name for messages ("string", "number", "array", ...).
const char* jsonTypeName(const nlohmann::json& j);

}  // namespace scholion
