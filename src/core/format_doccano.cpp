// doccano JSONL import and export (see format_doccano.h).
#include "format_doccano.h"

#include <map>
#include <set>

#include "format_util.h"
#include "json_util.h"
#include "text.h"

namespace scholion {
namespace {

using json = nlohmann::json;
const char kExtrasKey[] = "doccano";

std::string idText(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer() || j.is_number_unsigned()) return dumpJson(j);
  return "";
}

// Parses one JSON line into a document; returns "" or what is wrong (already located).
std::string parseLine(const json& obj, const std::string& where, std::size_t docIndex,
                      std::set<std::string>& names, DocumentData& out) {
  if (!obj.is_object()) return where + ": expected a JSON object, found " + jsonTypeName(obj);
  const json* textJ = obj.contains("text")   ? &obj["text"]
                      : obj.contains("data") ? &obj["data"]
                                             : nullptr;
  if (!textJ || !textJ->is_string()) return where + ": /text: expected a string";
  std::string name = obj.contains("id") ? idText(obj["id"]) : "";
  if (name.empty()) name = "document-" + std::to_string(docIndex);
  std::string unique = name;
  for (int n = 2; !names.insert(unique).second; ++n) unique = name + "-" + std::to_string(n);
  auto data = makeDocumentData(unique, unique, textJ->get<std::string>());
  if (!data) return where + ": " + data.error();
  out = std::move(data.value());
  OffsetIndex index(out.text);
  AnnotationLayer& layer = out.annotations;
  json rest = json::object();
  std::map<std::string, std::string> entityIds;  // doccano id -> span id
  auto addSpan = [&](const std::string& ptr, const json& s, const json& e, const json& l,
                     std::string id) -> std::string {
    auto start = jsonToUint32(s), end = jsonToUint32(e);
    if (!start || !end) return where + ": " + ptr + ": offsets must be non-negative integers";
    if (!l.is_string()) return where + ": " + ptr + ": the label must be a string";
    Span span;
    span.id = std::move(id);
    span.label = l.get<std::string>();
    span.start = *start;
    span.end = *end;
    std::string why = finishSpan(span, out.text, index);
    if (!why.empty()) return where + ": " + ptr + ": " + why;
    layer.spans.push_back(std::move(span));
    return "";
  };
  auto addDocLabels = [&](const std::string& ptr, const json& arr) -> std::string {
    if (arr.is_object()) {  // {"A": true, "B": 0.2}
      for (auto it = arr.begin(); it != arr.end(); ++it) {
        const json& v = it.value();
        if ((v.is_boolean() && v.get<bool>()) || (v.is_number() && v.get<double>() >= 0.5)) {
          layer.documentLabels.push_back(it.key());
        }
      }
      return "";
    }
    for (std::size_t i = 0; i < arr.size(); ++i) {
      if (!arr[i].is_string())
        return where + ": " + ptr + "/" + std::to_string(i) + ": expected a string";
      layer.documentLabels.push_back(arr[i].get<std::string>());
    }
    return "";
  };
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    if (key == "text" || (key == "data" && textJ == &v)) continue;
    if (key == "label" || key == "labels") {
      if (!v.is_array()) return where + ": /" + key + ": expected an array";
      bool strings = !v.empty() && v[0].is_string();
      if (strings) {
        std::string why = addDocLabels("/" + key, v);
        if (!why.empty()) return why;
        continue;
      }
      for (std::size_t i = 0; i < v.size(); ++i) {
        std::string ptr = "/" + key + "/" + std::to_string(i);
        if (!v[i].is_array() || v[i].size() != 3)
          return where + ": " + ptr + ": expected [start, end, \"Label\"]";
        std::string why =
            addSpan(ptr, v[i][0], v[i][1], v[i][2], "T" + std::to_string(layer.spans.size() + 1));
        if (!why.empty()) return why;
      }
    } else if (key == "cats") {
      if (!v.is_array() && !v.is_object()) return where + ": /cats: expected an array or an object";
      std::string why = addDocLabels("/cats", v);
      if (!why.empty()) return why;
    } else if (key == "entities") {
      if (!v.is_array()) return where + ": /entities: expected an array";
      for (std::size_t i = 0; i < v.size(); ++i) {
        std::string ptr = "/entities/" + std::to_string(i);
        const json& e = v[i];
        if (!e.is_object()) return where + ": " + ptr + ": expected an object";
        for (const char* k : {"start_offset", "end_offset", "label"}) {
          if (!e.contains(k)) return where + ": " + ptr + ": missing \"" + k + "\"";
        }
        std::string did = e.contains("id") ? idText(e["id"]) : std::to_string(i + 1);
        if (did.empty()) return where + ": " + ptr + "/id: expected an integer or a string";
        std::string sid = "T" + did;
        if (!entityIds.emplace(did, sid).second)
          return where + ": " + ptr + "/id: duplicate id " + did;
        std::string why = addSpan(ptr, e["start_offset"], e["end_offset"], e["label"], sid);
        if (!why.empty()) return why;
      }
    } else if (key != "relations") {
      rest[key] = v;
    }
  }
  if (obj.contains("relations")) {
    const json& v = obj["relations"];
    if (!v.is_array()) return where + ": /relations: expected an array";
    std::set<std::string> relIds;
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::string ptr = "/relations/" + std::to_string(i);
      const json& r = v[i];
      if (!r.is_object()) return where + ": " + ptr + ": expected an object";
      if (!r.contains("from_id") || !r.contains("to_id") || !r.contains("type")) {
        return where + ": " + ptr + ": needs from_id, to_id and type";
      }
      if (!r["type"].is_string()) return where + ": " + ptr + "/type: expected a string";
      auto from = entityIds.find(idText(r["from_id"])), to = entityIds.find(idText(r["to_id"]));
      if (from == entityIds.end() || to == entityIds.end()) {
        return where + ": " + ptr + ": from_id/to_id do not name an entity of this line";
      }
      Relation rel;
      std::string rid = r.contains("id") ? idText(r["id"]) : std::to_string(i + 1);
      rel.id = "R" + (rid.empty() ? std::to_string(i + 1) : rid);
      if (!relIds.insert(rel.id).second) return where + ": " + ptr + "/id: duplicate id";
      rel.label = r["type"].get<std::string>();
      rel.from = from->second;
      rel.to = to->second;
      layer.relations.push_back(std::move(rel));
    }
  }
  if (!rest.empty()) layer.extras[kExtrasKey] = dumpJson(rest);
  return "";
}

}  // namespace

Result<Workspace> parseDoccanoJsonl(const std::string& name, const std::string& bytes) {
  ErrorList errors(name);
  Workspace ws;
  std::set<std::string> names;
  std::size_t lineNo = 0;
  for (std::size_t b = 0; b < bytes.size() && !errors.full();) {
    auto nl = bytes.find('\n', b);
    std::string line = bytes.substr(b, nl == std::string::npos ? std::string::npos : nl - b);
    b = nl == std::string::npos ? bytes.size() : nl + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::string where = name + ":" + std::to_string(lineNo) + ":1";
    auto parsed = parseJsonSafely(line, name);
    if (!parsed) {
      // The parser saw a one-line text: put the real line number in its "file:1:col" message.
      std::string msg = parsed.error();
      std::string prefix = name + ":1:";
      if (msg.rfind(prefix, 0) == 0) {
        msg = name + ":" + std::to_string(lineNo) + ":" + msg.substr(prefix.size());
      } else {
        msg = where + ": " + msg;
      }
      errors.addRaw(msg);
      continue;
    }
    DocumentData doc;
    std::string why = parseLine(parsed.value(), where, ws.documents.size() + 1, names, doc);
    addImported(ws, errors, std::move(doc), why);
  }
  return finishImport(std::move(ws), errors, name);
}

std::string writeDoccanoJsonl(const Workspace& ws, DoccanoForm form,
                              std::vector<std::string>* warnings) {
  std::string out;
  uint64_t nextEntity = 1, nextRelation = 1;
  auto warn = [&](const std::string& w) {
    if (warnings) warnings->push_back(w);
  };
  for (const DocumentData& d : ws.documents) {
    const AnnotationLayer& layer = d.annotations;
    json obj = json::object();
    if (auto ex = layer.extras.find(kExtrasKey); ex != layer.extras.end()) {
      json kept = json::parse(ex->second, nullptr, false);
      if (kept.is_object()) obj = kept;
    }
    obj["text"] = d.text;
    bool lostDetails = false;
    std::map<std::string, uint64_t> entityOf;
    json spans = json::array();
    for (const Span& s : layer.spans) {
      lostDetails = lostDetails || !s.attributes.empty() || !s.note.empty();
      if (form == DoccanoForm::Label) {
        if (s.fragments.empty()) {
          spans.push_back(json::array({s.start, s.end, s.label}));
        } else {
          for (const auto& f : s.fragments) spans.push_back(json::array({f.start, f.end, s.label}));
          warn(d.name + ": discontinuous span " + s.id + " written as " +
               std::to_string(s.fragments.size()) + " separate spans");
        }
        continue;
      }
      if (!s.fragments.empty()) {
        warn(d.name + ": span " + s.id + " [" + s.label + "] \"" + s.text +
             "\" left out: doccano has no discontinuous spans");
        continue;
      }
      uint64_t id = nextEntity++;
      entityOf.emplace(s.id, id);
      spans.push_back(
          {{"id", id}, {"label", s.label}, {"start_offset", s.start}, {"end_offset", s.end}});
    }
    if (form == DoccanoForm::Label) {
      obj["label"] = spans;
      if (!layer.relations.empty()) warn(d.name + ": relations are not written in the label form");
      if (!layer.documentLabels.empty()) obj["cats"] = layer.documentLabels;
    } else {
      obj["entities"] = spans;
      json rels = json::array();
      for (const Relation& r : layer.relations) {
        auto from = entityOf.find(r.from), to = entityOf.find(r.to);
        if (from == entityOf.end() || to == entityOf.end()) {
          warn(d.name + ": relation " + r.id + " left out: an end was left out");
          continue;
        }
        rels.push_back({{"id", nextRelation++},
                        {"from_id", from->second},
                        {"to_id", to->second},
                        {"type", r.label}});
      }
      obj["relations"] = rels;
      if (!layer.documentLabels.empty()) obj["label"] = layer.documentLabels;
    }
    if (lostDetails)
      warn(d.name + ": span attributes and notes are not written (doccano has none)");
    out += dumpJson(obj);
    out += '\n';
  }
  return out;
}

}  // namespace scholion
