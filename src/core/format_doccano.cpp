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

// Parses one JSON line into a document; false (with problems in `r`, pointers inside the line)
// when it cannot be read.
bool parseLine(JsonReader& r, const json& obj, std::size_t docIndex, UniqueNames& names,
               DocumentData& out) {
  const std::size_t before = r.problems.size();
  if (!r.isObject(obj, "")) return false;
  const char* textKey = obj.contains("data") && !obj.contains("text") ? "data" : "text";
  std::string text;
  if (!r.str(obj, textKey, "", text, true)) return false;
  std::string name = obj.contains("id") ? r.idText(obj["id"], "/id") : "";
  if (name.empty()) name = "document-" + std::to_string(docIndex);
  std::string unique = names.take(name);
  auto data = makeDocumentData(unique, unique, std::move(text));
  if (!data) {
    r.add("/" + std::string(textKey), data.error());
    return false;
  }
  out = std::move(data.value());
  OffsetIndex index(out.text);
  AnnotationLayer& layer = out.annotations;
  json rest = json::object();
  std::map<std::string, std::string> entityIds;  // doccano id -> span id
  auto addSpan = [&](const std::string& ptr, const json& s, const json& e, const json& l,
                     std::string id) {
    Span span;
    bool ok = r.offset(s, ptr + "/start", span.start);
    ok = r.offset(e, ptr + "/end", span.end) && ok;
    ok = r.isString(l, ptr + "/label") && ok;
    if (!ok) return;
    span.id = std::move(id);
    span.label = l.get<std::string>();
    std::string why = finishSpan(span, out.text, index);
    if (!why.empty()) return r.add(ptr, why);
    layer.spans.push_back(std::move(span));
  };
  // [[start, end, "Label"], ...] (the sequence-labelling and intent-detection forms).
  auto addTriples = [&](const std::string& key, const json& v) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::string ptr = "/" + key + "/" + std::to_string(i);
      if (!v[i].is_array() || v[i].size() != 3) {
        r.add(ptr, "expected [start, end, \"Label\"]");
        continue;
      }
      addSpan(ptr, v[i][0], v[i][1], v[i][2], "T" + std::to_string(layer.spans.size() + 1));
    }
  };
  auto addDocLabels = [&](const std::string& ptr, const json& arr) {
    if (arr.is_object()) {  // {"A": true, "B": 0.2}
      for (auto it = arr.begin(); it != arr.end(); ++it) {
        const json& v = it.value();
        if ((v.is_boolean() && v.get<bool>()) || (v.is_number() && v.get<double>() >= 0.5))
          layer.documentLabels.push_back(it.key());
      }
      return;
    }
    for (std::size_t i = 0; i < arr.size(); ++i)
      if (r.isString(arr[i], ptr + "/" + std::to_string(i)))
        layer.documentLabels.push_back(arr[i].get<std::string>());
  };
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    if (key == textKey || key == "relations") continue;
    if (key == "label" || key == "labels") {
      if (!r.array(obj, key.c_str(), "")) continue;
      if (!v.empty() && v[0].is_string())
        addDocLabels("/" + key, v);
      else
        addTriples(key, v);
    } else if (key == "cats") {
      if (!v.is_array() && !v.is_object())
        r.add("/cats", std::string("expected an array or an object, found ") + jsonTypeName(v));
      else
        addDocLabels("/cats", v);
    } else if (key == "entities") {
      if (!r.array(obj, "entities", "")) continue;
      if (!v.empty() && v[0].is_array()) {
        addTriples(key, v);
        continue;
      }
      for (std::size_t i = 0; i < v.size(); ++i) {
        std::string ptr = "/entities/" + std::to_string(i);
        const json& e = v[i];
        if (!r.isObject(e, ptr)) continue;
        const json *s = r.member(e, "start_offset", ptr, true),
                   *en = r.member(e, "end_offset", ptr, true), *l = r.member(e, "label", ptr, true);
        if (!s || !en || !l) continue;
        std::string did = e.contains("id") ? r.idText(e["id"], ptr + "/id") : std::to_string(i + 1);
        if (did.empty()) continue;
        std::string sid = "T" + did;
        if (!entityIds.emplace(did, sid).second) {
          r.add(ptr + "/id", "duplicate id " + did);
          continue;
        }
        addSpan(ptr, *s, *en, *l, sid);
      }
    } else {
      rest[key] = v;
    }
  }
  std::set<std::string> relIds;
  r.objects(obj, "relations", "", [&](const json& rj, const std::string& ptr) {
    const json *f = r.member(rj, "from_id", ptr, true), *t = r.member(rj, "to_id", ptr, true);
    Relation rel;
    if (!r.str(rj, "type", ptr, rel.label, true) || !f || !t) return;
    auto from = entityIds.find(r.idText(*f, ptr + "/from_id"));
    auto to = entityIds.find(r.idText(*t, ptr + "/to_id"));
    if (from == entityIds.end() || to == entityIds.end())
      return r.add(ptr, "from_id/to_id do not name an entity of this line");
    std::string rid =
        rj.contains("id") ? r.idText(rj["id"], ptr + "/id") : std::to_string(relIds.size() + 1);
    rel.id = "R" + rid;
    if (!relIds.insert(rel.id).second) return r.add(ptr + "/id", "duplicate id " + rid);
    rel.from = from->second;
    rel.to = to->second;
    layer.relations.push_back(std::move(rel));
  });
  if (!rest.empty()) layer.extras[kExtrasKey] = dumpJson(rest);
  return r.problems.size() == before;
}

}  // namespace

Result<Workspace> parseDoccanoJsonl(const std::string& name, const std::string& bytes) {
  ErrorList errors(name);
  Workspace ws;
  UniqueNames names;
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
    JsonReader r;
    if (parseLine(r, parsed.value(), ws.documents.size() + 1, names, doc))
      ws.documents.push_back(std::move(doc));
    for (const auto& p : r.problems) errors.addRaw(where + ": " + p);
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
