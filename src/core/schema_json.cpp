// Reads and writes the schema JSON shape (documented in
// assets/schemas/scholion-format.schema.json).
#include "schema_json.h"

#include "json_util.h"

namespace scholion {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

// Small checked readers: each appends a problem naming the pointer when the type is wrong.
struct Reader {
  std::vector<std::string>& problems;

  void string(const json& obj, const char* key, const std::string& ptr, std::string& out,
              bool required = false) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) problems.push_back(ptr + ": missing \"" + key + "\"");
      return;
    }
    if (!it->is_string()) {
      problems.push_back(ptr + "/" + key + ": expected a string, found " + jsonTypeName(*it));
      return;
    }
    out = it->get_ref<const std::string&>();
  }
  void boolean(const json& obj, const char* key, const std::string& ptr, bool& out) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    if (!it->is_boolean()) {
      problems.push_back(ptr + "/" + key + ": expected true or false, found " + jsonTypeName(*it));
      return;
    }
    out = it->get<bool>();
  }
  void strings(const json& obj, const char* key, const std::string& ptr,
               std::vector<std::string>& out) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    std::string p = ptr + "/" + key;
    if (!it->is_array()) {
      problems.push_back(p + ": expected an array of strings, found " + jsonTypeName(*it));
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      if (!v.is_string()) {
        problems.push_back(p + "/" + std::to_string(i) + ": expected a string, found " +
                           jsonTypeName(v));
        continue;
      }
      out.push_back(v.get<std::string>());
    }
  }
  // Calls f(item, pointer) for each object of an array member.
  template <class F>
  void objects(const json& obj, const char* key, const std::string& ptr, F f) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    std::string p = ptr + "/" + key;
    if (!it->is_array()) {
      problems.push_back(p + ": expected an array, found " + jsonTypeName(*it));
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      std::string ip = p + "/" + std::to_string(i);
      if (!v.is_object()) {
        problems.push_back(ip + ": expected an object, found " + jsonTypeName(v));
        continue;
      }
      f(v, ip);
    }
  }
};

}  // namespace

Schema schemaFromJson(const json& j, const std::string& ptr, std::vector<std::string>& problems) {
  Schema s;
  if (!j.is_object()) {
    problems.push_back((ptr.empty() ? "/" : ptr) + ": the schema must be an object, found " +
                       jsonTypeName(j));
    return s;
  }
  Reader r{problems};
  r.string(j, "name", ptr, s.name);
  r.objects(j, "spanLabels", ptr, [&](const json& o, const std::string& p) {
    SpanLabel l;
    r.string(o, "name", p, l.name, true);
    r.string(o, "color", p, l.color, true);
    r.string(o, "hotkey", p, l.hotkey);
    r.string(o, "description", p, l.description);
    s.spanLabels.push_back(std::move(l));
  });
  r.objects(j, "relationTypes", ptr, [&](const json& o, const std::string& p) {
    RelationType t;
    r.string(o, "name", p, t.name, true);
    r.strings(o, "from", p, t.fromLabels);
    r.strings(o, "to", p, t.toLabels);
    r.boolean(o, "symmetric", p, t.symmetric);
    r.string(o, "color", p, t.color);
    s.relationTypes.push_back(std::move(t));
  });
  r.objects(j, "attributes", ptr, [&](const json& o, const std::string& p) {
    AttributeDef a;
    r.string(o, "name", p, a.name, true);
    r.strings(o, "values", p, a.values);
    r.strings(o, "labels", p, a.labels);
    s.attributes.push_back(std::move(a));
  });
  r.objects(j, "documentLabels", ptr, [&](const json& o, const std::string& p) {
    DocumentLabel d;
    r.string(o, "name", p, d.name, true);
    r.string(o, "description", p, d.description);
    s.documentLabels.push_back(std::move(d));
  });
  r.boolean(j, "multipleDocumentLabels", ptr, s.multipleDocumentLabels);
  r.string(j, "instructions", ptr, s.instructions);
  return s;
}

ojson schemaToJsonValue(const Schema& s) {
  ojson j = ojson::object();
  j["name"] = s.name;
  ojson labels = ojson::array();
  for (const auto& l : s.spanLabels) {
    ojson o = {{"name", l.name}, {"color", l.color}};
    if (!l.hotkey.empty()) o["hotkey"] = l.hotkey;
    if (!l.description.empty()) o["description"] = l.description;
    labels.push_back(std::move(o));
  }
  j["spanLabels"] = std::move(labels);
  ojson rels = ojson::array();
  for (const auto& t : s.relationTypes) {
    ojson o = {
        {"name", t.name}, {"from", t.fromLabels}, {"to", t.toLabels}, {"symmetric", t.symmetric}};
    if (!t.color.empty()) o["color"] = t.color;
    rels.push_back(std::move(o));
  }
  j["relationTypes"] = std::move(rels);
  ojson attrs = ojson::array();
  for (const auto& a : s.attributes)
    attrs.push_back({{"name", a.name}, {"values", a.values}, {"labels", a.labels}});
  j["attributes"] = std::move(attrs);
  ojson docs = ojson::array();
  for (const auto& d : s.documentLabels) {
    ojson o = {{"name", d.name}};
    if (!d.description.empty()) o["description"] = d.description;
    docs.push_back(std::move(o));
  }
  j["documentLabels"] = std::move(docs);
  j["multipleDocumentLabels"] = s.multipleDocumentLabels;
  j["instructions"] = s.instructions;
  return j;
}

Result<Schema> parseSchemaJson(const std::string& text) {
  auto parsed = parseJsonSafely(text, "schema");
  if (!parsed) return fail(parsed.error());
  std::vector<std::string> problems;
  Schema s = schemaFromJson(*parsed, "", problems);
  for (auto& p : schemaProblems(s)) problems.push_back(std::move(p));
  if (!problems.empty()) {
    std::string msg = "invalid schema:";
    for (const auto& p : problems) msg += "\n" + p;
    return fail(msg);
  }
  return s;
}

std::string schemaToJson(const Schema& s) {
  return schemaToJsonValue(s).dump(2, ' ', false,
                                   nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace scholion
