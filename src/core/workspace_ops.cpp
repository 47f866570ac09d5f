// Plans of workspace edits: the rules for merging files, adding students, adjudicating, opening,
// resetting, renaming and removing, as WorkspaceEdits the Editor applies (and undoes) as one step.
#include "workspace_ops.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "disagreement.h"
#include "format_util.h"
#include "grading.h"
#include "text.h"

namespace scholion {
namespace {

bool layerHasWork(const AnnotationLayer& l) {
  return !l.spans.empty() || !l.relations.empty() || !l.documentLabels.empty();
}

// Per open document, its other layers as the plan changes them (emitted once each, in order).
class OtherLayersDraft {
 public:
  explicit OtherLayersDraft(const Editor& editor) : editor_(editor) {}
  std::vector<AnnotationLayer>& of(std::size_t doc) {
    auto it = drafts_.find(doc);
    if (it == drafts_.end()) it = drafts_.emplace(doc, editor_.doc(doc).data().others).first;
    return it->second;
  }
  void emit(std::vector<WorkspaceOp>& ops) {
    for (auto& [doc, others] : drafts_) ops.push_back(opSetOtherLayers(doc, std::move(others)));
    drafts_.clear();
  }

 private:
  const Editor& editor_;
  std::map<std::size_t, std::vector<AnnotationLayer>> drafts_;
};

}  // namespace

bool workspaceHasWork(const Editor& editor) {
  for (std::size_t i = 0; i < editor.documentCount(); ++i) {
    const DocumentData& d = editor.doc(i).data();
    if (layerHasWork(d.annotations) || !d.others.empty()) return true;
  }
  return false;
}

UniqueNames documentIds(const Editor& editor) {
  UniqueNames ids;
  for (std::size_t i = 0; i < editor.documentCount(); ++i) ids.reserve(editor.doc(i).data().id);
  return ids;
}

void joinLayer(std::vector<AnnotationLayer>& others, AnnotationLayer layer) {
  others.erase(
      std::remove_if(others.begin(), others.end(),
                     [&](const AnnotationLayer& l) { return l.annotator == layer.annotator; }),
      others.end());
  others.push_back(std::move(layer));
}

WorkspaceEdit planOpenWorkspace(const Editor& editor, Workspace in, std::string description) {
  WorkspaceEdit e;
  e.description = std::move(description);
  e.ops.push_back(opSetActive(in.activeDocument < in.documents.size() ? in.activeDocument : 0));
  for (std::size_t i = editor.documentCount(); i-- > 0;) e.ops.push_back(opRemoveDocument(i));
  e.ops.push_back(opSetSchema(std::move(in.schema)));
  e.ops.push_back(opSetExercise(std::move(in.exercise)));
  if (!in.annotator.empty() && in.annotator != editor.annotator())
    e.ops.push_back(opSetAnnotator(std::move(in.annotator)));
  e.ops.push_back(opSetProgress(std::move(in.progress)));
  for (std::size_t i = 0; i < in.documents.size(); ++i)
    e.ops.push_back(opInsertDocument(i, std::move(in.documents[i])));
  return e;
}

MergePlan planMerge(const Editor& editor, Workspace in, MergeMode mode,
                    const std::string& sourceName) {
  MergePlan p;
  p.edit.description = "Merge " + sourceName;
  // Labels the file uses but the open schema lacks join it (colours kept, hotkeys left to the
  // schema's owner), so merged spans show with their colours and can be edited.
  Schema schema = editor.schema();
  for (const SpanLabel& l : in.schema.spanLabels)
    if (!schema.findLabel(l.name)) {
      SpanLabel copy;
      copy.name = l.name;
      copy.color = l.color;
      schema.spanLabels.push_back(std::move(copy));
    }
  addMissingToSchema(schema, in);
  p.edit.ops.push_back(opSetSchema(std::move(schema)));

  OtherLayersDraft others(editor);
  UniqueNames ids = documentIds(editor);
  std::unordered_map<std::string, std::size_t> byHash;  // open documents by content hash
  for (std::size_t i = editor.documentCount(); i-- > 0;) byHash[editor.doc(i).data().sha256] = i;
  std::vector<WorkspaceOp> inserts, edits;
  const std::string fileAnnotator = in.annotator.empty() ? sourceName : in.annotator;
  for (DocumentData& d : in.documents) {
    if (d.sha256.empty()) d.sha256 = sha256Hex(d.text);
    const auto found = byHash.find(d.sha256);
    const std::size_t same = found == byHash.end() ? SIZE_MAX : found->second;
    if (same == SIZE_MAX) {
      d.id = ids.take(d.id.empty() ? std::string("doc") : d.id);
      inserts.push_back(opInsertDocument(editor.documentCount() + inserts.size(), std::move(d)));
      ++p.added;
      continue;
    }
    ++p.matched;
    if (mode == MergeMode::AsLayer) {
      AnnotationLayer layer = std::move(d.annotations);
      if (layer.annotator.empty()) layer.annotator = fileAnnotator;
      joinLayer(others.of(same), std::move(layer));
    } else {
      const AnnotationLayer& mine = editor.doc(same).data().annotations;
      AnnotationLayer after = std::move(d.annotations);
      after.annotator = mine.annotator.empty() ? after.annotator : mine.annotator;
      Command cmd = layerChangeCommand(mine, after, p.edit.description);
      if (!cmd.empty()) edits.push_back(opEditAnnotations(same, std::move(cmd)));
    }
    for (AnnotationLayer& l : d.others) joinLayer(others.of(same), std::move(l));
  }
  others.emit(p.edit.ops);
  for (auto* list : {&edits, &inserts})
    for (WorkspaceOp& op : *list) p.edit.ops.push_back(std::move(op));
  if (p.added > 0) p.edit.ops.push_back(opSetActive(editor.documentCount()));  // the first new
  return p;
}

WorkspaceEdit planAddDocuments(const Editor& editor, std::vector<DocumentData> docs,
                               std::string description) {
  WorkspaceEdit e;
  e.description = std::move(description);
  UniqueNames ids = documentIds(editor);
  for (DocumentData& d : docs) {
    d.id = ids.take(d.id.empty() ? std::string("doc") : d.id);
    e.ops.push_back(opInsertDocument(editor.documentCount() + e.ops.size(), std::move(d)));
  }
  if (!e.ops.empty()) e.ops.push_back(opSetActive(editor.documentCount() + docs.size() - 1));
  return e;
}

WorkspaceEdit planRename(const Editor& editor, std::size_t index, std::string name) {
  WorkspaceEdit e;
  if (index >= editor.documentCount() || name.empty() || name == editor.doc(index).data().name)
    return e;
  e.description = "Rename \"" + editor.doc(index).data().name + "\"";
  e.ops.push_back(opRename(index, std::move(name)));
  return e;
}

WorkspaceEdit planRemoveDocument(const Editor& editor, std::size_t index) {
  WorkspaceEdit e;
  if (index >= editor.documentCount()) return e;
  e.description = "Remove \"" + editor.doc(index).data().name + "\"";
  // The active document keeps its place: the one after a removed active one takes it.
  std::size_t active = editor.active();
  if (active > index)
    --active;
  else if (active == index && active + 1 >= editor.documentCount())
    active = active > 0 ? active - 1 : 0;
  e.ops.push_back(opSetActive(active));
  e.ops.push_back(opRemoveDocument(index));
  return e;
}

WorkspaceEdit planReplaceWorkingLayers(const Editor& editor, const std::vector<std::size_t>& docs,
                                       const std::vector<AnnotationLayer>& after,
                                       std::string description) {
  WorkspaceEdit e;
  e.description = std::move(description);
  for (std::size_t k = 0; k < docs.size() && k < after.size(); ++k) {
    if (docs[k] >= editor.documentCount()) continue;
    Command cmd =
        layerChangeCommand(editor.doc(docs[k]).data().annotations, after[k], e.description);
    if (!cmd.empty()) e.ops.push_back(opEditAnnotations(docs[k], std::move(cmd)));
  }
  return e;
}

WorkspaceEdit planSetInstructions(const Editor& editor, std::string instructions) {
  WorkspaceEdit e;
  if (instructions == editor.schema().instructions) return e;
  e.description = "Change the instructions";
  Schema schema = editor.schema();
  schema.instructions = std::move(instructions);
  e.ops.push_back(opSetSchema(std::move(schema)));
  return e;
}

PromotePlan planPromoteToKey(const Editor& editor, const std::string& keyName) {
  PromotePlan p;
  p.edit.description = "Make the adjudicated layer the answer key";
  OtherLayersDraft others(editor);
  for (std::size_t i = 0; i < editor.documentCount(); ++i) {
    const AnnotationLayer& mine = editor.doc(i).data().annotations;
    if (!layerHasWork(mine)) continue;
    AnnotationLayer key = mine;
    key.annotator = keyName;
    auto isKey = [&](const AnnotationLayer& l) { return l.annotator == keyName; };
    const std::vector<AnnotationLayer>& now = editor.doc(i).data().others;
    auto current = std::find_if(now.begin(), now.end(), isKey);
    if (current != now.end() && *current == key) continue;  // already the key
    std::vector<AnnotationLayer>& layers = others.of(i);
    auto old = std::find_if(layers.begin(), layers.end(), isKey);
    if (old != layers.end())
      *old = std::move(key);
    else
      layers.push_back(std::move(key));
    ++p.promoted;
  }
  others.emit(p.edit.ops);
  return p;
}

std::string nameFromFile(const std::string& path) {
  std::string name = baseName(path);
  for (const char* ext : {"json", "scholion"})
    if (lowerExtension(name) == ext) name = fileStem(name);
  return name.empty() ? std::string("student") : name;
}

StudentLayersPlan planStudentLayers(const Editor& editor, std::vector<ParsedFile> files,
                                    const std::string& keyName) {
  StudentLayersPlan p;
  p.edit.description = "Load student files";
  OtherLayersDraft others(editor);
  ExerciseInfo keyInfo;
  keyInfo.goldAnnotator = keyName;
  for (std::size_t i = 0; i < editor.documentCount(); ++i) {
    const DocumentData& d = editor.doc(i).data();
    const AnnotationLayer& mine = d.annotations;
    if (findKeyLayer(d, keyInfo) || (mine.spans.empty() && mine.relations.empty())) continue;
    AnnotationLayer key = mine;
    key.annotator = keyName;
    others.of(i).push_back(std::move(key));
    ++p.keptKeys;
  }
  for (ParsedFile& f : files) {
    Result<Workspace>& in = f.workspace;
    if (!in) {
      p.warnings.push_back(f.name + ": " + in.error());
      continue;
    }
    std::string name = !in->annotator.empty() ? in->annotator : nameFromFile(f.name);
    if (name == keyName) name += " (student)";
    const std::string base = name;
    for (int n = 2; std::find(p.loaded.begin(), p.loaded.end(), name) != p.loaded.end(); ++n)
      name = base + " (" + std::to_string(n) + ")";
    int matched = 0;
    for (DocumentData& sd : in->documents) {
      const std::size_t same = editor.findDocumentByHash(sd.sha256);
      if (same == SIZE_MAX) {
        p.warnings.push_back(f.name + ": document \"" + sd.name +
                             "\" is not open here (different text); skipped");
        continue;
      }
      AnnotationLayer layer = std::move(sd.annotations);
      layer.annotator = name;
      layer.progress = in->progress;  // the review's time on task travels with the layers
      joinLayer(others.of(same), std::move(layer));
      ++matched;
    }
    if (matched == 0)
      p.warnings.push_back(f.name + ": none of its documents is open here; nothing loaded");
    else
      p.loaded.push_back(name);
  }
  others.emit(p.edit.ops);
  return p;
}

}  // namespace scholion
