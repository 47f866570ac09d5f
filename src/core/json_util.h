// Safe JSON reading shared by every format: UTF-8 check, nesting limit before parsing, line:column
// errors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
// Appends `s` as a JSON string, the bytes dumpJson writes for it; printable ASCII without quotes
// or backslashes (most ids, labels and texts) is copied without building a JSON value.
void appendJsonString(std::string& out, const std::string& s);

// Checked reads: a non-negative integer that fits uint32 (rejects floats, negatives, huge values).
std::optional<uint32_t> jsonToUint32(const nlohmann::json& j);
// Human-readable type name for messages ("string", "number", "array", ...).
const char* jsonTypeName(const nlohmann::json& j);

// The one checked reader every JSON format uses after parseJsonSafely: each read checks the type
// and, when it is wrong or missing, appends "<json pointer>: <what>" to `problems` (the pointer is
// `ptr` + "/" + key, "/" for the root) and leaves the output unchanged. Formats collect every
// problem and refuse the file if there is any.
class JsonReader {
 public:
  std::vector<std::string> problems;

  // The member or nullptr (a problem when required and missing).
  const nlohmann::json* member(const nlohmann::json& obj, const char* key, const std::string& ptr,
                               bool required = false);
  bool str(const nlohmann::json& obj, const char* key, const std::string& ptr, std::string& out,
           bool required = false);
  bool boolean(const nlohmann::json& obj, const char* key, const std::string& ptr, bool& out);
  // A code-point offset: a non-negative integer that fits uint32 (says why not: negative, too
  // large, not whole, not a number).
  bool offset(const nlohmann::json& v, const std::string& p, uint32_t& out);
  bool offsetMember(const nlohmann::json& obj, const char* key, const std::string& ptr,
                    uint32_t& out);
  // An optional count (a non-negative integer that fits uint32) or a non-negative number.
  bool count(const nlohmann::json& obj, const char* key, const std::string& ptr, uint32_t& out);
  bool nonNegative(const nlohmann::json& obj, const char* key, const std::string& ptr, double& out);
  const nlohmann::json* array(const nlohmann::json& obj, const char* key, const std::string& ptr,
                              bool required = false);
  const nlohmann::json* object(const nlohmann::json& obj, const char* key, const std::string& ptr,
                               bool required = false);
  bool isObject(const nlohmann::json& v, const std::string& p);
  bool isString(const nlohmann::json& v, const std::string& p);
  // An array of strings; each non-string item is a problem and skipped.
  bool strings(const nlohmann::json& obj, const char* key, const std::string& ptr,
               std::vector<std::string>& out);
  // An integer or a string id as text ("7", "a1"); "" and a problem otherwise.
  std::string idText(const nlohmann::json& v, const std::string& p);
  // Calls f(item, pointer) for each object of an array member (non-objects are problems).
  template <class F>
  void objects(const nlohmann::json& obj, const char* key, const std::string& ptr, F f) {
    const nlohmann::json* a = array(obj, key, ptr);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      std::string ip = ptr + "/" + key + "/" + std::to_string(i);
      if (isObject((*a)[i], ip)) f((*a)[i], ip);
    }
  }
  void add(const std::string& ptr, const std::string& what) {
    problems.push_back((ptr.empty() ? "/" : ptr) + ": " + what);
  }
  bool ok() const { return problems.empty(); }
};

}  // namespace scholion
