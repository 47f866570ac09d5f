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
  if (!ann.is_object()) return "";
  if (ann.contains("model_version") && ann["model_version"].is_string() &&
      !ann["model_version"].get_ref<const std::string&>().empty())
    return ann["model_version"].get<std::string>();
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

// One "labels" region: one span per label (ids "<id>", "<id>_2", ...). Offsets are code points.
void readRegion(JsonReader& r, const json& item, const std::string& ptr, const DocumentData& doc,
                const OffsetIndex& index, AnnotationLayer& layer,
                std::map<std::string, std::size_t>& regionSpan) {
  const json* value = r.object(item, "value", ptr, true);
  if (!value) return;
  std::string vp = ptr + "/value";
  Span s;
  bool ok = r.offsetMember(*value, "start", vp, s.start);
  ok = r.offsetMember(*value, "end", vp, s.end) && ok;
  std::vector<std::string> labels;
  ok = r.strings(*value, "labels", vp, labels) && ok;
  if (!ok) return;
  if (labels.empty()) return r.add(vp + "/labels", "expected a non-empty array");
  if (s.end > index.codePoints() || s.start >= s.end) {
    return r.add(vp, "range " + std::to_string(s.start) + "-" + std::to_string(s.end) +
                         " is empty, reversed or beyond the text (" +
                         std::to_string(index.codePoints()) + " code points)");
  }
  std::string id = str(item, "id");
  if (id.empty()) id = "T" + std::to_string(layer.spans.size() + 1);
  if (regionSpan.count(id)) return r.add(ptr + "/id", "duplicate region id " + id);
  regionSpan[id] = layer.spans.size();
  for (std::size_t l = 0; l < labels.size(); ++l) {
    Span span = s;
    span.id = l == 0 ? id : id + "_" + std::to_string(l + 1);
    span.label = labels[l];
    span.annotator = layer.annotator;
    std::string why = finishSpan(span, doc.text, index);
    if (!why.empty()) return r.add(ptr, why);
    layer.spans.push_back(std::move(span));
  }
}

// Reads one annotation's (or prediction's) result list into a layer; problems go to `r`.
void readLayer(JsonReader& r, const json& ann, const std::string& where, const DocumentData& doc,
               const OffsetIndex& index, AnnotationLayer& layer) {
  if (!r.isObject(ann, where)) return;
  const json* result = r.array(ann, "result", where);
  if (!result) return;
  json unknown = json::array(), names = json::object(), relations = json::object();
  std::map<std::string, std::size_t> regionSpan;  // region id -> first span index
  std::vector<std::size_t> relationItems, textareaItems;
  for (std::size_t i = 0; i < result->size(); ++i) {
    const json& item = (*result)[i];
    std::string ptr = where + "/result/" + std::to_string(i);
    if (!r.isObject(item, ptr)) continue;
    std::string type = str(item, "type");
    if (type == "relation") {
      relationItems.push_back(i);
    } else if (type == "textarea" && item.contains("id") && item.contains("value")) {
      textareaItems.push_back(i);
    } else if (type == "labels" || type == "choices") {
      if (!names.contains(type)) names[type] = {str(item, "from_name"), str(item, "to_name")};
      if (type == "labels") {
        readRegion(r, item, ptr, doc, index, layer, regionSpan);
      } else if (const json* value = r.object(item, "value", ptr, true)) {
        if (!r.array(*value, "choices", ptr + "/value", true)) continue;
        r.strings(*value, "choices", ptr + "/value", layer.documentLabels);
      }
    } else {
      unknown.push_back(item);
    }
  }
  for (std::size_t i : textareaItems) {
    const json& item = (*result)[i];
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
    const json& item = (*result)[i];
    std::string ptr = where + "/result/" + std::to_string(i);
    auto from = regionSpan.find(str(item, "from_id")), to = regionSpan.find(str(item, "to_id"));
    if (from == regionSpan.end() || to == regionSpan.end()) {
      r.add(ptr, "from_id/to_id do not name a labelled region of this annotation");
      continue;
    }
    Relation rel;
    rel.id = "R" + std::to_string(layer.relations.size() + 1);
    rel.from = layer.spans[from->second].id;
    rel.to = layer.spans[to->second].id;
    // What the file said, so that it is written back the same way.
    json how = json::object();
    std::string direction = str(item, "direction");
    if (!direction.empty()) how["direction"] = direction;
    if (direction == "left") std::swap(rel.from, rel.to);
    std::vector<std::string> labels;
    if (item.contains("labels") && !r.strings(item, "labels", ptr, labels)) continue;
    rel.label = labels.empty() ? "relation" : labels[0];
    if (labels.empty()) how["unlabelled"] = true;
    if (labels.size() > 1) how["labels"] = labels;
    if (!how.empty()) relations[rel.id] = how;
    layer.relations.push_back(std::move(rel));
  }
  json kept = json::object();
  json annCopy = ann;
  annCopy.erase("result");
  kept["annotation"] = annCopy;
  if (!unknown.empty()) kept["results"] = unknown;
  if (!names.empty()) kept["names"] = names;
  if (!relations.empty()) kept["relations"] = relations;
  layer.extras[kExtrasKey] = dumpJson(kept);
}

// The text member of a task's data: "text" if it is a string, else the first string member.
std::string textKeyOf(const json& data) {
  if (data.contains("text") && data["text"].is_string()) return "text";
  for (auto it = data.begin(); it != data.end(); ++it)
    if (it.value().is_string()) return it.key();
  return "";
}

// Reads one task into `out`; false (with problems in `r`) when it cannot be read.
bool readTask(JsonReader& r, const json& task, const std::string& where, std::size_t taskIndex,
              UniqueNames& docNames, DocumentData& out) {
  if (!task.is_object()) {
    r.add(where, std::string("expected a task object, found ") + jsonTypeName(task));
    return false;
  }
  const json* data = r.object(task, "data", where, true);
  if (!data) return false;
  std::string textKey = textKeyOf(*data);
  if (textKey.empty()) {
    r.add(where + "/data", "no text (expected data.text to be a string)");
    return false;
  }
  std::string name = "task-" + (task.contains("id") ? r.idText(task["id"], where + "/id")
                                                    : std::to_string(taskIndex + 1));
  std::string unique = docNames.take(name);
  auto d = makeDocumentData(unique, unique, (*data)[textKey].get<std::string>());
  if (!d) {
    r.add(where + "/data/" + jsonPointerToken(textKey), d.error());
    return false;
  }
  out = std::move(d.value());
  OffsetIndex index(out.text);
  std::size_t before = r.problems.size();
  UniqueNames annotators;
  // Annotations (or the older "completions") first, then predictions, each its own layer.
  const char* annKey = task.contains("annotations") ? "annotations" : "completions";
  bool first = true;
  for (const char* key : {annKey, "predictions"}) {
    const json* anns = r.array(task, key, where);
    if (!anns) continue;
    const bool prediction = std::string(key) == "predictions";
    for (std::size_t i = 0; i < anns->size(); ++i) {
      AnnotationLayer layer;
      layer.annotator = annotatorOf((*anns)[i]);
      if (layer.annotator.empty() && prediction) layer.annotator = "predictions";
      if (layer.annotator.empty() && !first) layer.annotator = "annotator-" + std::to_string(i + 1);
      layer.annotator = annotators.take(layer.annotator);
      readLayer(r, (*anns)[i], where + "/" + key + "/" + std::to_string(i), out, index, layer);
      if (prediction) {
        json kept = json::parse(layer.extras[kExtrasKey], nullptr, false);
        if (!kept.is_object()) kept = json::object();
        kept["prediction"] = true;
        layer.extras[kExtrasKey] = dumpJson(kept);
      }
      // A prediction never becomes the working layer: it waits to be reviewed.
      if (first && !prediction) {
        out.annotations = std::move(layer);
        first = false;
      } else {
        out.others.push_back(std::move(layer));
      }
    }
  }
  // Task-level fields (id, meta, other data keys) go back out on export.
  json taskCopy = task;
  taskCopy.erase("annotations");
  taskCopy.erase("completions");
  taskCopy.erase("predictions");
  taskCopy["data"].erase(textKey);
  json kept = json::object();
  auto ex = out.annotations.extras.find(kExtrasKey);
  if (ex != out.annotations.extras.end()) kept = json::parse(ex->second, nullptr, false);
  if (!kept.is_object()) kept = json::object();
  kept["task"] = taskCopy;
  kept["textKey"] = textKey;
  out.annotations.extras[kExtrasKey] = dumpJson(kept);
  return r.problems.size() == before;
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
  UniqueNames docNames;
  JsonReader r;
  for (std::size_t i = 0; i < root.size() && r.problems.size() < 10; ++i) {
    DocumentData doc;
    if (readTask(r, root[i], "/" + std::to_string(i), i, docNames, doc))
      ws.documents.push_back(std::move(doc));
  }
  for (const auto& p : r.problems) errors.addRaw(name + ": " + p);
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
    json anns = json::array(), predictions = json::array();
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
      const bool prediction = lk.contains("prediction");
      if (prediction && !ann.contains("model_version") && !layer->annotator.empty())
        ann["model_version"] = layer->annotator;
      if (!prediction && !lk.contains("annotation") && !layer->annotator.empty())
        warn(d.name + ": annotator " + layer->annotator +
             " is not written (Label Studio names users by its own ids)");
      json relHow = lk.contains("relations") && lk["relations"].is_object() ? lk["relations"]
                                                                            : json::object();
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
          json value = {{"start", parts[p].start},
                        {"end", parts[p].end},
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
        json how =
            relHow.contains(r.id) && relHow[r.id].is_object() ? relHow[r.id] : json::object();
        std::string direction = how.contains("direction") && how["direction"].is_string()
                                    ? how["direction"].get<std::string>()
                                    : "right";
        const bool left = direction == "left";
        json labels = json::array({r.label});
        if (how.contains("unlabelled") && r.label == "relation") labels = json::array();
        if (how.contains("labels") && how["labels"].is_array() && !how["labels"].empty() &&
            how["labels"][0] == r.label)
          labels = how["labels"];
        result.push_back({{"from_id", left ? r.to : r.from},
                          {"to_id", left ? r.from : r.to},
                          {"type", "relation"},
                          {"direction", direction},
                          {"labels", labels}});
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
      (prediction ? predictions : anns).push_back(ann);
    }
    task["annotations"] = anns;
    if (!predictions.empty()) task["predictions"] = predictions;
    tasks.push_back(task);
  }
  return dumpJson(tasks, 2) + "\n";
}

}  // namespace scholion
