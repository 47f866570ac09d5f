// Reads and writes the schema JSON shape (documented in
// assets/schemas/scholion-format.schema.json).
#include "schema_json.h"

#include "json_util.h"

namespace scholion {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

}  // namespace

Schema schemaFromJson(const json& j, const std::string& ptr, JsonReader& r) {
  Schema s;
  if (!j.is_object()) {
    r.add(ptr, std::string("the schema must be an object, found ") + jsonTypeName(j));
    return s;
  }
  r.str(j, "name", ptr, s.name);
  r.objects(j, "spanLabels", ptr, [&](const json& o, const std::string& p) {
    SpanLabel l;
    r.str(o, "name", p, l.name, true);
    r.str(o, "color", p, l.color, true);
    r.str(o, "hotkey", p, l.hotkey);
    r.str(o, "description", p, l.description);
    s.spanLabels.push_back(std::move(l));
  });
  r.objects(j, "relationTypes", ptr, [&](const json& o, const std::string& p) {
    RelationType t;
    r.str(o, "name", p, t.name, true);
    r.strings(o, "from", p, t.fromLabels);
    r.strings(o, "to", p, t.toLabels);
    r.boolean(o, "symmetric", p, t.symmetric);
    r.str(o, "color", p, t.color);
    r.objects(o, "moreSignatures", p, [&](const json& sj, const std::string& sp) {
      RelationSignature sig;
      r.strings(sj, "from", sp, sig.fromLabels);
      r.strings(sj, "to", sp, sig.toLabels);
      t.moreSignatures.push_back(std::move(sig));
    });
    s.relationTypes.push_back(std::move(t));
  });
  r.objects(j, "attributes", ptr, [&](const json& o, const std::string& p) {
    AttributeDef a;
    r.str(o, "name", p, a.name, true);
    r.strings(o, "values", p, a.values);
    r.strings(o, "labels", p, a.labels);
    s.attributes.push_back(std::move(a));
  });
  r.objects(j, "documentLabels", ptr, [&](const json& o, const std::string& p) {
    DocumentLabel d;
    r.str(o, "name", p, d.name, true);
    r.str(o, "description", p, d.description);
    s.documentLabels.push_back(std::move(d));
  });
  r.boolean(j, "multipleDocumentLabels", ptr, s.multipleDocumentLabels);
  r.str(j, "instructions", ptr, s.instructions);
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
    if (!t.moreSignatures.empty()) {
      ojson sigs = ojson::array();
      for (const auto& sig : t.moreSignatures)
        sigs.push_back({{"from", sig.fromLabels}, {"to", sig.toLabels}});
      o["moreSignatures"] = std::move(sigs);
    }
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
  JsonReader r;
  Schema s = schemaFromJson(*parsed, "", r);
  for (auto& p : schemaProblems(s)) r.problems.push_back(std::move(p));
  if (!r.ok()) {
    std::string msg = "invalid schema:";
    for (const auto& p : r.problems) msg += "\n" + p;
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
