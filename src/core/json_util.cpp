// Safe JSON parsing (UTF-8 check, depth pre-scan, SAX parse without exceptions) and small helpers.
#include "json_util.h"

#include <cctype>
#include <vector>

#include "text.h"

namespace scholion {
namespace {

using json = nlohmann::json;

// Builds the DOM like nlohmann's own SAX DOM parser but keeps the first error's message and
// refuses nesting deeper than the limit (a second guard behind the pre-scan).
class SafeSax : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  SafeSax(json& out, int maxDepth)
      : nlohmann::detail::json_sax_dom_parser<json>(out, false), maxDepth_(maxDepth) {}

  bool start_object(std::size_t n) {
    if (++depth_ > maxDepth_) return tooDeep();
    return json_sax_dom_parser::start_object(n);
  }
  bool end_object() {
    --depth_;
    return json_sax_dom_parser::end_object();
  }
  bool start_array(std::size_t n) {
    if (++depth_ > maxDepth_) return tooDeep();
    return json_sax_dom_parser::start_array(n);
  }
  bool end_array() {
    --depth_;
    return json_sax_dom_parser::end_array();
  }
  bool parse_error(std::size_t position, const std::string& lastToken,
                   const nlohmann::detail::exception& ex) {
    if (error.empty()) {
      error = ex.what();
      errorPosition = position;
    }
    return json_sax_dom_parser::parse_error(position, lastToken, ex);
  }

  std::string error;
  std::size_t errorPosition = 0;

 private:
  bool tooDeep() {
    if (error.empty()) error = "nesting deeper than " + std::to_string(maxDepth_) + " levels";
    return false;
  }
  int maxDepth_;
  int depth_ = 0;
};

// Turns "[json.exception.parse_error.101] parse error at line 3, column 7: syntax error ..."
// into "3:7: syntax error ...".
std::string tidyParseError(const std::string& what) {
  std::string msg = what;
  auto close = msg.find("] ");
  if (msg.rfind("[json.exception.", 0) == 0 && close != std::string::npos)
    msg = msg.substr(close + 2);
  const std::string at = "parse error at line ";
  auto p = msg.find(at);
  if (p != std::string::npos) {
    std::string rest = msg.substr(p + at.size());  // "3, column 7: syntax error ..."
    auto comma = rest.find(", column ");
    auto colon = rest.find(": ");
    if (comma != std::string::npos && colon != std::string::npos && comma < colon) {
      return rest.substr(0, comma) + ":" + rest.substr(comma + 9, colon - comma - 9) + ": " +
             rest.substr(colon + 2);
    }
  }
  return msg;
}

}  // namespace

std::string lineColumnOf(std::string_view text, std::size_t byteOffset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < byteOffset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

Result<json> parseJsonSafely(const std::string& text, const std::string& fileName, int maxDepth) {
  if (auto bad = firstInvalidUtf8(text)) {
    return fail(fileName + ":" + lineColumnOf(text, *bad) + ": invalid UTF-8 at byte offset " +
                std::to_string(*bad));
  }
  // Pre-scan: depth of [ and { outside strings, so hostile nesting never reaches a parser.
  int depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        inString = false;
      }
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > maxDepth) {
        return fail(fileName + ":" + lineColumnOf(text, i) + ": nesting deeper than " +
                    std::to_string(maxDepth) + " levels");
      }
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;
    }
  }
  json root;
  SafeSax sax(root, maxDepth);
  bool ok = false;
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  try {
    ok = json::sax_parse(text, &sax, json::input_format_t::json, true, false);
  } catch (const std::exception& e) {  // safety net: nothing here is expected to throw
    return fail(fileName + ": " + e.what());
  }
#else
  ok = json::sax_parse(text, &sax, json::input_format_t::json, true, false);
#endif
  if (!ok || sax.is_errored()) {
    std::string msg = sax.error.empty() ? "invalid JSON" : tidyParseError(sax.error);
    if (msg.find(':') == std::string::npos || !std::isdigit(static_cast<unsigned char>(msg[0])))
      msg = lineColumnOf(text, sax.errorPosition) + ": " + msg;
    return fail(fileName + ":" + msg);
  }
  return root;
}

std::string jsonPointerToken(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string dumpJson(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

void appendJsonString(std::string& out, const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
      out += dumpJson(json(s));
      return;
    }
  }
  out += '"';
  out += s;
  out += '"';
}

std::optional<uint32_t> jsonToUint32(const json& j) {
  if (j.is_number_unsigned()) {
    auto v = j.get<uint64_t>();
    if (v <= 0xFFFFFFFFull) return static_cast<uint32_t>(v);
    return std::nullopt;
  }
  if (j.is_number_integer()) {  // signed (unsigned was handled above)
    auto v = j.get<int64_t>();
    if (v >= 0 && v <= 0xFFFFFFFFll) return static_cast<uint32_t>(v);
  }
  return std::nullopt;
}

const char* jsonTypeName(const json& j) {
  switch (j.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "object";
    case json::value_t::array:
      return "array";
    case json::value_t::string:
      return "string";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float:
      return "number";
    case json::value_t::binary:
      return "binary";
    default:
      return "value";
  }
}

const json* JsonReader::member(const json& obj, const char* key, const std::string& ptr,
                               bool required) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) add(ptr, std::string("missing \"") + key + "\"");
    return nullptr;
  }
  return &*it;
}

bool JsonReader::str(const json& obj, const char* key, const std::string& ptr, std::string& out,
                     bool required) {
  const json* v = member(obj, key, ptr, required);
  if (!v || !isString(*v, ptr + "/" + jsonPointerToken(key))) return false;
  out = v->get_ref<const std::string&>();
  return true;
}

bool JsonReader::boolean(const json& obj, const char* key, const std::string& ptr, bool& out) {
  const json* v = member(obj, key, ptr);
  if (!v) return false;
  if (!v->is_boolean()) {
    add(ptr + "/" + jsonPointerToken(key),
        std::string("expected true or false, found ") + jsonTypeName(*v));
    return false;
  }
  out = v->get<bool>();
  return true;
}

bool JsonReader::offset(const json& v, const std::string& p, uint32_t& out) {
  if (auto u = jsonToUint32(v)) {
    out = *u;
    return true;
  }
  if (v.is_number_unsigned())
    add(p, "offset " + v.dump() + " is too large");
  else if (v.is_number_integer())
    add(p, "negative offset " + v.dump());
  else if (v.is_number_float() && v.get<double>() < 0)
    add(p, "negative offset " + dumpJson(v));
  else if (v.is_number_float() && v.get<double>() >= 4294967296.0)
    add(p, "offset " + dumpJson(v) + " is too large");
  else if (v.is_number_float())
    add(p, "offset " + dumpJson(v) + " is not a whole number");
  else
    add(p, std::string("expected an offset (a non-negative integer), found ") + jsonTypeName(v));
  return false;
}

bool JsonReader::count(const json& obj, const char* key, const std::string& ptr, uint32_t& out) {
  const json* v = member(obj, key, ptr);
  if (!v) return false;
  if (auto u = jsonToUint32(*v)) {
    out = *u;
    return true;
  }
  add(ptr + "/" + key,
      "expected a count (a whole number from 0 to 4294967295), found " + dumpJson(*v));
  return false;
}

bool JsonReader::nonNegative(const json& obj, const char* key, const std::string& ptr,
                             double& out) {
  const json* v = member(obj, key, ptr);
  if (!v) return false;
  if (v->is_number() && v->get<double>() >= 0) {
    out = v->get<double>();
    return true;
  }
  add(ptr + "/" + key, "expected a number of 0 or more, found " + dumpJson(*v));
  return false;
}

bool JsonReader::offsetMember(const json& obj, const char* key, const std::string& ptr,
                              uint32_t& out) {
  const json* v = member(obj, key, ptr, true);
  return v && offset(*v, ptr + "/" + jsonPointerToken(key), out);
}

const json* JsonReader::array(const json& obj, const char* key, const std::string& ptr,
                              bool required) {
  const json* v = member(obj, key, ptr, required);
  if (!v) return nullptr;
  if (!v->is_array()) {
    add(ptr + "/" + jsonPointerToken(key),
        std::string("expected an array, found ") + jsonTypeName(*v));
    return nullptr;
  }
  return v;
}

const json* JsonReader::object(const json& obj, const char* key, const std::string& ptr,
                               bool required) {
  const json* v = member(obj, key, ptr, required);
  if (!v || !isObject(*v, ptr + "/" + jsonPointerToken(key))) return nullptr;
  return v;
}

bool JsonReader::isObject(const json& v, const std::string& p) {
  if (v.is_object()) return true;
  add(p, std::string("expected an object, found ") + jsonTypeName(v));
  return false;
}

bool JsonReader::isString(const json& v, const std::string& p) {
  if (v.is_string()) return true;
  add(p, std::string("expected a string, found ") + jsonTypeName(v));
  return false;
}

bool JsonReader::strings(const json& obj, const char* key, const std::string& ptr,
                         std::vector<std::string>& out) {
  const json* a = array(obj, key, ptr);
  if (!a) return false;
  std::string p = ptr + "/" + jsonPointerToken(key);
  bool all = true;
  for (std::size_t i = 0; i < a->size(); ++i) {
    if (isString((*a)[i], p + "/" + std::to_string(i)))
      out.push_back((*a)[i].get<std::string>());
    else
      all = false;
  }
  return all;
}

std::string JsonReader::idText(const json& v, const std::string& p) {
  if (v.is_string() && !v.get_ref<const std::string&>().empty()) return v.get<std::string>();
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  add(p, std::string("expected an integer or a non-empty string id, found ") + jsonTypeName(v));
  return "";
}

}  // namespace scholion
