// Opening an exercise file while work is open: continue the same exercise, or a plan that asks.
#include "exercise_open.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "exercise_handout.h"
#include "workspace_ops.h"

namespace scholion {
namespace {

bool sameWork(const AnnotationLayer& a, const AnnotationLayer& b) {
  return a.spans == b.spans && a.relations == b.relations && a.documentLabels == b.documentLabels;
}

bool hasWork(const AnnotationLayer& l) {
  return !l.spans.empty() || !l.relations.empty() || !l.documentLabels.empty();
}

// The open document with the text `sha256`, or SIZE_MAX.
std::size_t openDocumentWith(const Editor& editor, const std::string& sha256) {
  for (std::size_t i = 0; i < editor.documentCount(); ++i)
    if (editor.doc(i).data().sha256 == sha256) return i;
  return SIZE_MAX;
}

const AnnotationLayer* layerOf(const std::vector<AnnotationLayer>& layers,
                               const std::string& annotator) {
  for (const AnnotationLayer& l : layers)
    if (l.annotator == annotator) return &l;
  return nullptr;
}

// Work that opening another workspace would lose: the working layers and any other layer except
// the open exercise's answer key (which came with the exercise file).
bool openHasWork(const Editor& editor) {
  const ExerciseInfo& open = editor.exercise();
  for (std::size_t i = 0; i < editor.documentCount(); ++i) {
    const DocumentData& d = editor.doc(i).data();
    if (hasWork(d.annotations)) return true;
    for (const AnnotationLayer& l : d.others)
      if (!open.enabled || l.annotator != open.goldAnnotator) return true;
  }
  return false;
}

// Continue: the open work stays; the file's exercise settings, instructions and answer key layers
// are taken where they differ (e.g. the key is back after the student reopened a hand-in).
WorkspaceEdit planContinue(const Editor& editor, const Workspace& in) {
  WorkspaceEdit e;
  e.description = "Continue exercise " + in.exercise.title;
  if (!(in.exercise == editor.exercise())) e.ops.push_back(opSetExercise(in.exercise));
  if (in.schema.instructions != editor.schema().instructions) {
    Schema schema = editor.schema();
    schema.instructions = in.schema.instructions;
    e.ops.push_back(opSetSchema(std::move(schema)));
  }
  for (const DocumentData& d : in.documents) {
    const AnnotationLayer* key = layerOf(d.others, in.exercise.goldAnnotator);
    const std::size_t i = openDocumentWith(editor, d.sha256);
    if (!key || i == SIZE_MAX) continue;
    const std::vector<AnnotationLayer>& others = editor.doc(i).data().others;
    const AnnotationLayer* mine = layerOf(others, key->annotator);
    if (mine && *mine == *key) continue;
    std::vector<AnnotationLayer> next = others;
    joinLayer(next, *key);
    e.ops.push_back(opSetOtherLayers(i, std::move(next)));
  }
  return e;
}

}  // namespace

bool isExerciseFile(const Workspace& in, const std::string& annotator) {
  return in.exercise.enabled && (in.annotator.empty() || in.annotator == annotator);
}

bool sameExercise(const Editor& editor, const Workspace& in) {
  const ExerciseInfo& open = editor.exercise();
  if (!open.enabled || open.title != in.exercise.title) return false;
  if (editor.documentCount() != in.documents.size()) return false;
  std::vector<std::string> a, b;
  for (std::size_t i = 0; i < editor.documentCount(); ++i) a.push_back(editor.doc(i).data().sha256);
  for (const DocumentData& d : in.documents) b.push_back(d.sha256);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

ExerciseOpenPlan planOpenExercise(const Editor& editor, const Workspace& teacherFile,
                                  const std::string& fileName) {
  // A student whose name is known gets their own documents of an exercise that hands out
  // subsets; without a name yet, all of them until the name is given (planHandOut).
  std::optional<Workspace> handed;
  if (teacherFile.annotator.empty() && !editor.annotator().empty())
    handed = handOut(teacherFile, editor.annotator());
  const Workspace& in = handed ? *handed : teacherFile;  // no copy of a file without subsets
  ExerciseOpenPlan p;
  const ExerciseInfo& open = editor.exercise();
  p.openIsExercise = open.enabled;
  p.openTitle = open.enabled ? open.title : std::string();
  p.fileTitle = in.exercise.title;
  for (std::size_t i = 0; i < editor.documentCount(); ++i)
    p.openSpans += editor.doc(i).data().annotations.spans.size();
  for (const DocumentData& d : in.documents) p.fileSpans += d.annotations.spans.size();
  if (sameExercise(editor, in)) {
    // The file's own work (a student's save) is the open work, or it holds none.
    bool fileAgrees = true;
    for (const DocumentData& d : in.documents) {
      if (!hasWork(d.annotations)) continue;
      const std::size_t i = openDocumentWith(editor, d.sha256);
      fileAgrees = fileAgrees && sameWork(editor.doc(i).data().annotations, d.annotations);
    }
    if (fileAgrees) {
      p.kind = ExerciseOpening::Continue;
      p.edit = planContinue(editor, in);
      return p;
    }
    p.sameTitle = true;
  }
  if (!openHasWork(editor)) {
    p.kind = ExerciseOpening::Open;
    p.edit = planSwitchExercise(editor, in, fileName);
    return p;
  }
  p.kind = ExerciseOpening::Ask;
  return p;
}

WorkspaceEdit planSwitchExercise(const Editor& editor, Workspace in, const std::string& fileName) {
  if (in.annotator.empty() && !editor.annotator().empty())
    in = handOut(std::move(in), editor.annotator());
  if (in.annotator.empty()) in.annotator = editor.annotator();
  return planOpenWorkspace(editor, std::move(in), "Open exercise " + fileName);
}

WorkspaceEdit planHandOut(const Editor& editor) {
  WorkspaceEdit e;
  if (editor.annotator().empty() || !editor.exercise().enabled) return e;
  Workspace ws;  // what assignedMask reads: the settings and each document's text hash
  ws.exercise = editor.exercise();
  for (std::size_t i = 0; i < editor.documentCount(); ++i) {
    ws.documents.emplace_back();
    ws.documents.back().sha256 = editor.doc(i).data().sha256;
  }
  if (!handsOutSubsets(ws)) return e;
  const std::vector<bool> mask = assignedMask(ws, editor.annotator());
  e.description = "Keep " + editor.annotator() + "'s documents";
  for (std::size_t i = editor.documentCount(); i-- > 0;)
    if (!mask[i] && !hasWork(editor.doc(i).data().annotations))
      e.ops.push_back(opRemoveDocument(i));
  if (!e.empty()) e.ops.insert(e.ops.begin(), opSetActive(0));
  return e;
}

}  // namespace scholion
