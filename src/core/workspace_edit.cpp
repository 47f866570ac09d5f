// Builders of single workspace operations (the Editor runs them; workspace_ops.cpp plans them).
#include "workspace_edit.h"

namespace scholion {
namespace {

WorkspaceOp op(WorkspaceOp::Kind kind, std::size_t index = 0) {
  WorkspaceOp o;
  o.kind = kind;
  o.index = index;
  return o;
}

}  // namespace

WorkspaceOp opInsertDocument(std::size_t index, DocumentData data) {
  WorkspaceOp o = op(WorkspaceOp::Kind::InsertDocument, index);
  o.data = std::move(data);
  return o;
}

WorkspaceOp opRemoveDocument(std::size_t index) {
  return op(WorkspaceOp::Kind::RemoveDocument, index);
}

WorkspaceOp opRename(std::size_t index, std::string name) {
  WorkspaceOp o = op(WorkspaceOp::Kind::Rename, index);
  o.name = std::move(name);
  return o;
}

WorkspaceOp opSetOtherLayers(std::size_t index, std::vector<AnnotationLayer> others) {
  WorkspaceOp o = op(WorkspaceOp::Kind::SetOtherLayers, index);
  o.others = std::move(others);
  return o;
}

WorkspaceOp opEditAnnotations(std::size_t index, Command command) {
  WorkspaceOp o = op(WorkspaceOp::Kind::EditAnnotations, index);
  o.command = std::move(command);
  return o;
}

WorkspaceOp opSetSchema(Schema schema) {
  WorkspaceOp o = op(WorkspaceOp::Kind::SetSchema);
  o.schema = std::move(schema);
  return o;
}

WorkspaceOp opSetExercise(ExerciseInfo exercise) {
  WorkspaceOp o = op(WorkspaceOp::Kind::SetExercise);
  o.exercise = std::move(exercise);
  return o;
}

WorkspaceOp opSetAnnotator(std::string name) {
  WorkspaceOp o = op(WorkspaceOp::Kind::SetAnnotator);
  o.name = std::move(name);
  return o;
}

WorkspaceOp opSetProgress(WorkProgress progress) {
  WorkspaceOp o = op(WorkspaceOp::Kind::SetProgress);
  o.progress = std::move(progress);
  return o;
}

WorkspaceOp opSetActive(std::size_t index) {
  return op(WorkspaceOp::Kind::SetActive, index);
}

}  // namespace scholion
