// Reads and writes the Scholion JSON workspace format (described by scholion-format.schema.json).
#include "scholion_json.h"

#include "json_util.h"
#include "schema_json.h"
#include "workspace_check.h"

namespace scholion {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

// The Scholion shapes on top of the shared checked reader.
class Reader : public JsonReader {
 public:
  // A student's progress: workspace-level in a student's file, on each layer of a hand-in.
  void progress(const json& o, const std::string& p, WorkProgress& g) {
    const json* v = object(o, "progress", p);
    if (!v) return;
    const std::string gp = p + "/progress";
    str(*v, "startedAt", gp, g.startedAt);
    nonNegative(*v, "activeSeconds", gp, g.activeSeconds);
    count(*v, "checks", gp, g.checks);
    boolean(*v, "handedIn", gp, g.handedIn);
  }
  Span span(const json& o, const std::string& p) {
    Span s;
    str(o, "id", p, s.id, true);
    str(o, "label", p, s.label, true);
    offsetMember(o, "start", p, s.start);
    offsetMember(o, "end", p, s.end);
    str(o, "note", p, s.note);
    str(o, "annotator", p, s.annotator);
    if (const json* a = object(o, "attributes", p)) {
      for (auto it = a->begin(); it != a->end(); ++it) {
        std::string ap = p + "/attributes/" + jsonPointerToken(it.key());
        if (it->is_boolean()) {
          if (it->get<bool>()) s.attributes[it.key()] = "true";
        } else if (isString(*it, ap)) {
          s.attributes[it.key()] = it->get<std::string>();
        }
      }
    }
    if (const json* f = array(o, "fragments", p)) {
      for (std::size_t k = 0; k < f->size(); ++k) {
        const json& pair = (*f)[k];
        std::string fp = p + "/fragments/" + std::to_string(k);
        if (!pair.is_array() || pair.size() != 2) {
          add(fp, "expected [start, end]");
          continue;
        }
        Fragment fr;
        bool ok = offset(pair[0], fp + "/0", fr.start);
        ok = offset(pair[1], fp + "/1", fr.end) && ok;
        if (ok) s.fragments.push_back(fr);
      }
    }
    return s;
  }

  Relation relation(const json& o, const std::string& p) {
    Relation r;
    str(o, "id", p, r.id, true);
    str(o, "label", p, r.label, true);
    str(o, "from", p, r.from, true);
    str(o, "to", p, r.to, true);
    str(o, "note", p, r.note);
    return r;
  }

  // The members shared by a document's working layer and its other layers.
  void layer(const json& o, const std::string& p, AnnotationLayer& layer,
             std::vector<bool>& hasText) {
    str(o, "annotator", p, layer.annotator);
    if (const json* spans = array(o, "spans", p)) {
      for (std::size_t i = 0; i < spans->size(); ++i) {
        std::string sp = p + "/spans/" + std::to_string(i);
        if (!isObject((*spans)[i], sp)) continue;
        layer.spans.push_back(span((*spans)[i], sp));
        hasText.push_back((*spans)[i].contains("text"));
        if (hasText.back()) str((*spans)[i], "text", sp, layer.spans.back().text);
      }
    }
    if (const json* rels = array(o, "relations", p)) {
      for (std::size_t i = 0; i < rels->size(); ++i) {
        std::string rp = p + "/relations/" + std::to_string(i);
        if (isObject((*rels)[i], rp)) layer.relations.push_back(relation((*rels)[i], rp));
      }
    }
    strings(o, "documentLabels", p, layer.documentLabels);
    if (const json* extras = object(o, "extras", p)) {
      for (auto it = extras->begin(); it != extras->end(); ++it) {
        if (isString(*it, p + "/extras/" + jsonPointerToken(it.key())))
          layer.extras[it.key()] = it->get<std::string>();
      }
    }
    progress(o, p, layer.progress);
  }
};

bool isLowerHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

void fillMissingText(AnnotationLayer& layer, const std::vector<bool>& hasText,
                     const DocumentData& d, const OffsetIndex& offsets) {
  for (std::size_t i = 0; i < layer.spans.size() && i < hasText.size(); ++i) {
    Span& s = layer.spans[i];
    if (!hasText[i] && spanShapeProblem(s, offsets.codePoints()).empty())
      s.text = coveredText(d.text, offsets, s);
  }
}

ojson spansJson(const std::vector<Span>& spans) {
  ojson out = ojson::array();
  for (const Span& s : spans) out.push_back(spanJson(s));
  return out;
}

void layerJson(const AnnotationLayer& layer, ojson& o) {
  o["spans"] = spansJson(layer.spans);
  ojson rels = ojson::array();
  for (const Relation& r : layer.relations) rels.push_back(relationJson(r));
  o["relations"] = std::move(rels);
  o["documentLabels"] = layer.documentLabels;
  o["extras"] = layer.extras;
  if (!(layer.progress == WorkProgress{})) o["progress"] = progressJson(layer.progress);
}

}  // namespace

ojson progressJson(const WorkProgress& g) {
  return {{"startedAt", g.startedAt},
          {"activeSeconds", g.activeSeconds},
          {"checks", g.checks},
          {"handedIn", g.handedIn}};
}

ojson spanJson(const Span& s) {
  ojson o = ojson::object();
  o["id"] = s.id;
  o["label"] = s.label;
  o["start"] = s.start;
  o["end"] = s.end;
  o["text"] = s.text;
  if (!s.fragments.empty()) {
    ojson f = ojson::array();
    for (const auto& fr : s.fragments) f.push_back({fr.start, fr.end});
    o["fragments"] = std::move(f);
  }
  if (!s.attributes.empty()) o["attributes"] = s.attributes;
  if (!s.note.empty()) o["note"] = s.note;
  if (!s.annotator.empty()) o["annotator"] = s.annotator;
  return o;
}

ojson relationJson(const Relation& r) {
  ojson ro = {{"id", r.id}, {"label", r.label}, {"from", r.from}, {"to", r.to}};
  if (!r.note.empty()) ro["note"] = r.note;
  return ro;
}

Result<Workspace> parseScholionJson(const std::string& bytes) {
  auto parsed = parseJsonSafely(bytes, "scholion file");
  if (!parsed) return fail(parsed.error());
  return parseScholionJsonValue(*parsed);
}

Result<Workspace> parseScholionJsonValue(const json& root) {
  if (!root.is_object())
    return fail("/: a Scholion file is a JSON object, found " + std::string(jsonTypeName(root)));
  Reader r;
  std::string format;
  if (r.str(root, "format", "", format, true) && format != "scholion")
    return fail("/format: \"" + format + "\" is not \"scholion\"");
  if (const json* v = r.member(root, "version", "", true)) {
    auto ver = jsonToUint32(*v);
    if (!ver) return fail("/version: expected an integer, found " + dumpJson(*v));
    if (*ver > static_cast<uint32_t>(kScholionFormatVersion))
      return fail("/version: this file has version " + std::to_string(*ver) +
                  ", newer than this Scholion reads (" + std::to_string(kScholionFormatVersion) +
                  ")");
    if (*ver < 1) return fail("/version: unknown version 0");
  }
  if (!r.problems.empty()) return fail(joinProblems("not a Scholion file:", r.problems));

  Workspace ws;
  if (const json* e = r.object(root, "exercise", "")) {
    ExerciseInfo& x = ws.exercise;
    r.boolean(*e, "enabled", "/exercise", x.enabled);
    r.str(*e, "title", "/exercise", x.title);
    r.str(*e, "goldAnnotator", "/exercise", x.goldAnnotator);
    r.boolean(*e, "allowCheck", "/exercise", x.allowCheck);
    r.boolean(*e, "revealMissingLabels", "/exercise", x.revealMissingLabels);
    r.boolean(*e, "allowSuggestions", "/exercise", x.allowSuggestions);
    r.count(*e, "documentsPerStudent", "/exercise", x.documentsPerStudent);
    r.count(*e, "sharedDocuments", "/exercise", x.sharedDocuments);
    // "none" (graded later) is checking not allowed, like allowCheck false; files from before
    // feedback modes show marks.
    std::string feedback;
    if (r.str(*e, "feedback", "/exercise", feedback)) {
      if (feedback == "none")
        x.allowCheck = false;
      else if (std::optional<Feedback> known = feedbackFromName(feedback))
        x.feedback = *known;
      else
        r.problems.push_back("/exercise/feedback: \"" + feedback +
                             "\" is not one of none, score, marks, key-after-hand-in");
    }
    std::string scope;
    if (r.str(*e, "checkScope", "/exercise", scope)) {
      if (std::optional<CheckScope> known = checkScopeFromName(scope))
        x.checkScope = *known;
      else
        r.problems.push_back("/exercise/checkScope: \"" + scope +
                             "\" is not one of spans, labels, relations");
    }
  }
  r.str(root, "annotator", "", ws.annotator);
  r.progress(root, "", ws.progress);
  if (const json* s = r.member(root, "schema", "", false))
    ws.schema = schemaFromJson(*s, "/schema", r);

  // hasText per document: working layer first, then each other layer.
  std::vector<std::vector<std::vector<bool>>> hasText;
  if (const json* docs = r.array(root, "documents", "", true)) {
    for (std::size_t i = 0; i < docs->size(); ++i) {
      std::string p = "/documents/" + std::to_string(i);
      const json& o = (*docs)[i];
      if (!r.isObject(o, p)) continue;
      DocumentData d;
      r.str(o, "id", p, d.id, true);
      r.str(o, "name", p, d.name);
      r.str(o, "text", p, d.text, true);
      if (r.str(o, "sha256", p, d.sha256) && !isLowerHex64(d.sha256))
        r.problems.push_back(p + "/sha256: \"" + d.sha256 + "\" is not 64 lowercase hex digits");
      hasText.emplace_back();
      hasText.back().emplace_back();
      r.layer(o, p, d.annotations, hasText.back().back());
      if (const json* layers = r.array(o, "layers", p)) {
        for (std::size_t k = 0; k < layers->size(); ++k) {
          std::string lp = p + "/layers/" + std::to_string(k);
          if (!r.isObject((*layers)[k], lp)) continue;
          d.others.emplace_back();
          hasText.back().emplace_back();
          r.layer((*layers)[k], lp, d.others.back(), hasText.back().back());
        }
      }
      ws.documents.push_back(std::move(d));
    }
  }
  if (const json* a = r.member(root, "activeDocument", "", false)) {
    auto v = jsonToUint32(*a);
    if (!v)
      r.problems.push_back("/activeDocument: expected a document index, found " + dumpJson(*a));
    else
      ws.activeDocument = *v;
  }
  if (!r.problems.empty()) return fail(joinProblems("cannot read the Scholion file:", r.problems));

  for (std::size_t i = 0; i < ws.documents.size(); ++i) {
    DocumentData& d = ws.documents[i];
    if (firstInvalidUtf8(d.text)) continue;  // reported below
    OffsetIndex offsets(d.text);
    fillMissingText(d.annotations, hasText[i][0], d, offsets);
    for (std::size_t k = 0; k < d.others.size(); ++k)
      fillMissingText(d.others[k], hasText[i][k + 1], d, offsets);
  }
  std::vector<std::string> problems = workspaceProblems(ws);
  if (!problems.empty())
    return fail(joinProblems("the Scholion file is not consistent:", problems));
  for (auto& d : ws.documents)
    if (d.sha256.empty()) d.sha256 = sha256Hex(d.text);
  return ws;
}

ojson scholionRootJson(const Workspace& ws) {
  ojson root = ojson::object();
  root["format"] = "scholion";
  root["version"] = kScholionFormatVersion;
  const ExerciseInfo& x = ws.exercise;
  root["exercise"] = {{"enabled", x.enabled},
                      {"title", x.title},
                      {"goldAnnotator", x.goldAnnotator},
                      {"allowCheck", x.allowCheck},
                      {"revealMissingLabels", x.revealMissingLabels},
                      {"checkScope", checkScopeName(x.checkScope)},
                      {"allowSuggestions", x.allowSuggestions},
                      {"feedback", feedbackName(x.feedback)},
                      {"documentsPerStudent", x.documentsPerStudent},
                      {"sharedDocuments", x.sharedDocuments}};
  root["annotator"] = ws.annotator;
  if (!(ws.progress == WorkProgress{})) root["progress"] = progressJson(ws.progress);
  root["schema"] = schemaToJsonValue(ws.schema);
  root["documents"] = ojson::array();
  root["activeDocument"] = ws.activeDocument;
  return root;
}

std::string writeScholionJson(const Workspace& ws) {
  ojson root = scholionRootJson(ws);
  ojson& docs = root["documents"];
  for (const DocumentData& d : ws.documents) {
    ojson o = ojson::object();
    o["id"] = d.id;
    o["name"] = d.name;
    o["sha256"] = d.sha256.empty() ? sha256Hex(d.text) : d.sha256;
    o["text"] = d.text;
    o["annotator"] = d.annotations.annotator;
    layerJson(d.annotations, o);
    ojson layers = ojson::array();
    for (const AnnotationLayer& l : d.others) {
      ojson lo = ojson::object();
      lo["annotator"] = l.annotator;
      layerJson(l, lo);
      layers.push_back(std::move(lo));
    }
    o["layers"] = std::move(layers);
    docs.push_back(std::move(o));
  }
  return root.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace scholion
