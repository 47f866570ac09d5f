// Label Studio JSON import and export (see format_labelstudio.h).
#include "format_labelstudio.h"

#include <map>
#include <set>

#include "format_util.h"
#include "json_util.h"
#include "text.h"

namespace scholion {
namespace {

using json = nlohmann::json;
const char kExtrasKey[] = "labelstudio";

std::string str(const json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key) || !obj[key].is_string()) return "";
  return obj[key].get<std::string>();
}

std::string annotatorOf(const json& ann) {
  if (!ann.contains("completed_by")) return "";
  const json& c = ann["completed_by"];
  if (c.is_string()) return c.get<std::string>();
  if (c.is_number_integer() || c.is_number_unsigned()) return "user" + dumpJson(c);
  if (c.is_object()) {
    std::string e = str(c, "email");
    if (!e.empty()) return e;
    if (c.contains("id")) return "user" + dumpJson(c["id"]);
  }
  return "";
}

// Reads one annotation's result list into a layer; returns "" or what is wrong.
std::string readLayer(const json& ann, const std::string& where, const DocumentData& doc,
                      const OffsetIndex& index, AnnotationLayer& layer) {
  if (!ann.is_object()) return where + ": expected an object";
  if (!ann.contains("result")) return "";
  const json& result = ann["result"];
  if (!result.is_array()) return where + "/result: expected an array";
  json unknown = json::array(), names = json::object();
  std::map<std::string, std::size_t> regionSpan;  // region id -> first span index
  std::vector<std::size_t> relationItems, textareaItems;
  for (std::size_t i = 0; i < result.size(); ++i) {
    const json& item = result[i];
    std::string ptr = where + "/result/" + std::to_string(i);
    if (!item.is_object()) return ptr + ": expected an object";
    std::string type = str(item, "type");
    if (type == "relation") {
      relationItems.push_back(i);
      continue;
    }
    if (type == "textarea" && item.contains("id") && item.contains("value")) {
      textareaItems.push_back(i);
      continue;
    }
    if (type != "labels" && type != "choices") {
      unknown.push_back(item);
      continue;
    }
    if (!item.contains("value") || !item["value"].is_object())
      return ptr + "/value: expected an object";
    const json& value = item["value"];
    if (!names.contains(type)) names[type] = {str(item, "from_name"), str(item, "to_name")};
    if (type == "choices") {
      if (!value.contains("choices") || !value["choices"].is_array()) {
        return ptr + "/value/choices: expected an array";
      }
      for (std::size_t c = 0; c < value["choices"].size(); ++c) {
        const json& ch = value["choices"][c];
        if (!ch.is_string())
          return ptr + "/value/choices/" + std::to_string(c) + ": expected a string";
        layer.documentLabels.push_back(ch.get<std::string>());
      }
      continue;
    }
    if (!value.contains("start") || !value.contains("end"))
      return ptr + "/value: needs start and end";
    auto start = jsonToUint32(value["start"]), end = jsonToUint32(value["end"]);
    if (!start || !end) return ptr + "/value: start and end must be non-negative integers";
    if (*end > index.utf16Units() || *start >= *end) {
      return ptr + "/value: range " + std::to_string(*start) + "-" + std::to_string(*end) +
             " is empty, reversed or beyond the text (" + std::to_string(index.utf16Units()) +
             " UTF-16 units)";
    }
    std::size_t cs = index.cpOfUtf16(*start), ce = index.cpOfUtf16(*end);
    if (index.utf16OfCp(cs) != *start || index.utf16OfCp(ce) != *end) {
      return ptr + "/value: offset splits a surrogate pair (offsets are UTF-16 code units)";
    }
    if (!value.contains("labels") || !value["labels"].is_array() || value["labels"].empty()) {
      return ptr + "/value/labels: expected a non-empty array";
    }
    std::string id = str(item, "id");
    if (id.empty()) id = "T" + std::to_string(layer.spans.size() + 1);
    if (regionSpan.count(id)) return ptr + "/id: duplicate region id " + id;
    regionSpan[id] = layer.spans.size();
    for (std::size_t l = 0; l < value["labels"].size(); ++l) {
      const json& lab = value["labels"][l];
      if (!lab.is_string())
        return ptr + "/value/labels/" + std::to_string(l) + ": expected a string";
      Span s;
      s.id = l == 0 ? id : id + "_" + std::to_string(l + 1);
      s.label = lab.get<std::string>();
      s.start = static_cast<uint32_t>(cs);
      s.end = static_cast<uint32_t>(ce);
      s.annotator = layer.annotator;
      std::string why = finishSpan(s, doc.text, index);
      if (!why.empty()) return ptr + ": " + why;
      layer.spans.push_back(std::move(s));
    }
  }
  for (std::size_t i : textareaItems) {
    const json& item = result[i];
    auto it = regionSpan.find(str(item, "id"));
    const json& value = item["value"];
    if (it == regionSpan.end() || !value.is_object() || !value.contains("text") ||
        !value["text"].is_array()) {
      unknown.push_back(item);
      continue;
    }
    std::string note;
    for (const json& t : value["text"]) {
      if (t.is_string()) note += (note.empty() ? "" : "\n") + t.get<std::string>();
    }
    layer.spans[it->second].note = note;
    if (!names.contains("textarea"))
      names["textarea"] = {str(item, "from_name"), str(item, "to_name")};
  }
  for (std::size_t i : relationItems) {
    const json& item = result[i];
    std::string ptr = where + "/result/" + std::to_string(i);
    auto from = regionSpan.find(str(item, "from_id")), to = regionSpan.find(str(item, "to_id"));
    if (from == regionSpan.end() || to == regionSpan.end()) {
      return ptr + ": from_id/to_id do not name a labelled region of this annotation";
    }
    Relation r;
    r.id = "R" + std::to_string(layer.relations.size() + 1);
    r.from = layer.spans[from->second].id;
    r.to = layer.spans[to->second].id;
    if (str(item, "direction") == "left") std::swap(r.from, r.to);
    r.label = "relation";
    if (item.contains("labels")) {
      const json& labels = item["labels"];
      if (!labels.is_array()) return ptr + "/labels: expected an array";
      if (!labels.empty()) {
        if (!labels[0].is_string()) return ptr + "/labels/0: expected a string";
        r.label = labels[0].get<std::string>();
      }
    }
    layer.relations.push_back(std::move(r));
  }
  json kept = json::object();
  json annCopy = ann;
  annCopy.erase("result");
  kept["annotation"] = annCopy;
  if (!unknown.empty()) kept["results"] = unknown;
  if (!names.empty()) kept["names"] = names;
  layer.extras[kExtrasKey] = dumpJson(kept);
  return "";
}

std::string readTask(const json& task, const std::string& where, std::size_t taskIndex,
                     std::set<std::string>& docNames, DocumentData& out) {
  if (!task.is_object()) return where + ": expected a task object";
  if (!task.contains("data") || !task["data"].is_object())
    return where + "/data: expected an object";
  const json& data = task["data"];
  std::string textKey;
  if (data.contains("text") && data["text"].is_string()) {
    textKey = "text";
  } else {
    for (auto it = data.begin(); it != data.end() && textKey.empty(); ++it) {
      if (it.value().is_string()) textKey = it.key();
    }
  }
  if (textKey.empty()) return where + "/data: no text (expected data.text to be a string)";
  std::string name = task.contains("id") ? dumpJson(task["id"]) : std::to_string(taskIndex + 1);
  if (!name.empty() && name.front() == '"') name = name.substr(1, name.size() - 2);
  name = "task-" + name;
  std::string unique = name;
  for (int n = 2; !docNames.insert(unique).second; ++n) unique = name + "-" + std::to_string(n);
  auto d = makeDocumentData(unique, unique, data[textKey].get<std::string>());
  if (!d) return where + "/data/" + jsonPointerToken(textKey) + ": " + d.error();
  out = std::move(d.value());
  OffsetIndex index(out.text);
  const char* annKey = task.contains("annotations") ? "annotations" : "completions";
  std::set<std::string> annotators;
  if (task.contains(annKey)) {
    const json& anns = task[annKey];
    if (!anns.is_array()) return where + "/" + annKey + ": expected an array";
    for (std::size_t i = 0; i < anns.size(); ++i) {
      AnnotationLayer layer;
      layer.annotator = anns[i].is_object() ? annotatorOf(anns[i]) : "";
      if (layer.annotator.empty() && i > 0) layer.annotator = "annotator-" + std::to_string(i + 1);
      std::string base = layer.annotator;
      for (int n = 2; !annotators.insert(layer.annotator).second; ++n) {
        layer.annotator = base + "-" + std::to_string(n);
      }
      std::string why =
          readLayer(anns[i], where + "/" + annKey + "/" + std::to_string(i), out, index, layer);
      if (!why.empty()) return why;
      if (i == 0) {
        out.annotations = std::move(layer);
      } else {
        out.others.push_back(std::move(layer));
      }
    }
  }
  // Task-level fields (id, meta, other data keys) go back out on export.
  json taskCopy = task;
  taskCopy.erase("annotations");
  taskCopy.erase("completions");
  taskCopy["data"].erase(textKey);
  json kept = json::object();
  auto ex = out.annotations.extras.find(kExtrasKey);
  if (ex != out.annotations.extras.end()) kept = json::parse(ex->second, nullptr, false);
  if (!kept.is_object()) kept = json::object();
  kept["task"] = taskCopy;
  kept["textKey"] = textKey;
  out.annotations.extras[kExtrasKey] = dumpJson(kept);
  return "";
}

json keptOf(const AnnotationLayer& layer) {
  auto ex = layer.extras.find(kExtrasKey);
  if (ex == layer.extras.end()) return json::object();
  json j = json::parse(ex->second, nullptr, false);
  return j.is_object() ? j : json::object();
}

}  // namespace

Result<Workspace> parseLabelStudioJson(const std::string& name, const std::string& bytes) {
  auto parsed = parseJsonSafely(bytes, name);
  if (!parsed) return fail(parsed.error());
  json root = std::move(parsed.value());
  if (root.is_object()) root = json::array({root});
  if (!root.is_array())
    return fail(name + ": expected an array of tasks, found " + jsonTypeName(root));
  ErrorList errors(name);
  Workspace ws;
  std::set<std::string> docNames;
  for (std::size_t i = 0; i < root.size() && !errors.full(); ++i) {
    DocumentData doc;
    std::string why = readTask(root[i], name + ": /" + std::to_string(i), i, docNames, doc);
    addImported(ws, errors, std::move(doc), why);
  }
  return finishImport(std::move(ws), errors, name);
}

std::string writeLabelStudioJson(const Workspace& ws, std::vector<std::string>* warnings) {
  json tasks = json::array();
  auto warn = [&](const std::string& w) {
    if (warnings) warnings->push_back(w);
  };
  for (std::size_t di = 0; di < ws.documents.size(); ++di) {
    const DocumentData& d = ws.documents[di];
    OffsetIndex index(d.text);
    json kept = keptOf(d.annotations);
    json task = kept.contains("task") && kept["task"].is_object() ? kept["task"] : json::object();
    std::string textKey = kept.contains("textKey") && kept["textKey"].is_string()
                              ? kept["textKey"].get<std::string>()
                              : "text";
    if (!task.contains("data") || !task["data"].is_object()) task["data"] = json::object();
    task["data"][textKey] = d.text;
    if (!task.contains("id")) task["id"] = di + 1;
    json anns = json::array();
    std::vector<const AnnotationLayer*> layers{&d.annotations};
    for (const auto& o : d.others) layers.push_back(&o);
    for (const AnnotationLayer* layer : layers) {
      json lk = keptOf(*layer);
      // A task imported with no annotation stays without one.
      if (!lk.contains("annotation") && layer->spans.empty() && layer->relations.empty() &&
          layer->documentLabels.empty()) {
        continue;
      }
      json ann = lk.contains("annotation") && lk["annotation"].is_object() ? lk["annotation"]
                                                                           : json::object();
      if (!ann.contains("completed_by") && !layer->annotator.empty()) {
        ann["completed_by"] = {{"email", layer->annotator}};
      }
      json names = lk.contains("names") && lk["names"].is_object() ? lk["names"] : json::object();
      auto nameOf = [&](const char* type, std::size_t i, const char* fallback) {
        if (names.contains(type) && names[type].is_array() && names[type].size() == 2 &&
            names[type][i].is_string() && !names[type][i].get<std::string>().empty()) {
          return names[type][i].get<std::string>();
        }
        return std::string(fallback);
      };
      json result = json::array();
      bool lostAttributes = false;
      for (const Span& s : layer->spans) {
        lostAttributes = lostAttributes || !s.attributes.empty();
        std::vector<Fragment> parts = s.fragments;
        if (parts.empty()) parts.push_back({s.start, s.end});
        if (parts.size() > 1) {
          warn(d.name + ": discontinuous span " + s.id + " written as " +
               std::to_string(parts.size()) + " regions");
        }
        for (std::size_t p = 0; p < parts.size(); ++p) {
          std::string id = p == 0 ? s.id : s.id + "_part" + std::to_string(p + 1);
          json value = {{"start", index.utf16OfCp(parts[p].start)},
                        {"end", index.utf16OfCp(parts[p].end)},
                        {"text", sliceCp(d.text, index, parts[p].start, parts[p].end)},
                        {"labels", json::array({s.label})}};
          result.push_back({{"id", id},
                            {"from_name", nameOf("labels", 0, "label")},
                            {"to_name", nameOf("labels", 1, "text")},
                            {"type", "labels"},
                            {"value", value}});
          if (p == 0 && !s.note.empty()) {
            result.push_back({{"id", id},
                              {"from_name", nameOf("textarea", 0, "note")},
                              {"to_name", nameOf("textarea", 1, "text")},
                              {"type", "textarea"},
                              {"value",
                               {{"start", value["start"]},
                                {"end", value["end"]},
                                {"text", json::array({s.note})}}}});
          }
        }
      }
      for (const Relation& r : layer->relations) {
        result.push_back({{"from_id", r.from},
                          {"to_id", r.to},
                          {"type", "relation"},
                          {"direction", "right"},
                          {"labels", json::array({r.label})}});
      }
      if (!layer->documentLabels.empty()) {
        result.push_back({{"id", "document-labels"},
                          {"from_name", nameOf("choices", 0, "choice")},
                          {"to_name", nameOf("choices", 1, "text")},
                          {"type", "choices"},
                          {"value", {{"choices", layer->documentLabels}}}});
      }
      if (lk.contains("results") && lk["results"].is_array()) {
        for (const json& item : lk["results"]) result.push_back(item);
      }
      if (lostAttributes)
        warn(d.name + ": span attributes are not written (Label Studio has none here)");
      ann["result"] = result;
      anns.push_back(ann);
    }
    task["annotations"] = anns;
    tasks.push_back(task);
  }
  return dumpJson(tasks, 2) + "\n";
}

}  // namespace scholion
