// The editing model: a workspace with per-document indices and an undo history; every change is a
// Command.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "document_state.h"
#include "workspace_edit.h"

namespace scholion {

// The whole open workspace. Every change goes through apply(): annotation commands to one
// document, workspace edits to the whole; undo()/redo() take back the most recent step of either.
class Editor {
 public:
  Editor();
  const Schema& schema() const { return schema_; }
  const ExerciseInfo& exercise() const { return exercise_; }
  const std::string& annotator() const { return annotator_; }
  // Not undoable (the user's name, asked once): recorded as a change to save, not as a step.
  void setAnnotator(std::string name);
  // The student's progress on an exercise (time on task, checks): likewise not a step. It counts
  // in saveRevision() only: a check or the clock of active time changes no annotation, so
  // results tied to revision() (check marks, suggestions) stay current.
  const WorkProgress& progress() const { return progress_; }
  void setProgress(WorkProgress progress);

  std::size_t documentCount() const { return docs_.size(); }
  const DocumentState& doc(std::size_t i) const { return *docs_[i]; }
  std::size_t active() const { return active_; }
  void setActive(std::size_t i);  // a view choice: neither a step nor a change to save
  bool hasDocument() const { return !docs_.empty(); }
  const DocumentState& activeDoc() const { return *docs_[active_]; }
  // Shared with the autosave, which keeps a document it saved alive to recognise it unchanged.
  std::shared_ptr<const DocumentState> docPtr(std::size_t i) const { return docs_[i]; }
  // Index of the document with this id / content hash, or SIZE_MAX.
  std::size_t findDocument(const std::string& id) const;
  std::size_t findDocumentByHash(const std::string& sha256) const;

  // Validates the whole workspace (UTF-8, hashes, span offsets and covered text, ids, relations)
  // then swaps it in with empty histories (opening a saved session); on error nothing changes.
  Status load(Workspace ws);
  // Applies an annotation command to document `i` (validated against the schema, atomic).
  Status apply(std::size_t i, Command command);
  // Applies a workspace edit atomically (on error nothing changes) as one undoable step.
  Status apply(WorkspaceEdit edit);
  // Undo/redo the most recent step of the active document or of the workspace; the error says
  // why nothing was done ("" when there is simply nothing to undo).
  Status undo();
  Status redo();
  bool canUndo() const;
  bool canRedo() const;
  std::string undoDescription() const;
  std::string redoDescription() const;
  std::size_t workspaceUndoDepth() const { return undo_.size(); }
  // Sequence of the newest step ever applied, and of the step undo()/redo() would take next (0
  // when none): a part with decisions of its own (rejected suggestions) interleaves them with
  // the editor's steps on this clock.
  uint64_t clock() const { return clock_; }
  uint64_t undoSequence() const;
  uint64_t redoSequence() const;

  Workspace snapshot() const;  // the current workspace as plain data
  uint64_t revision() const;   // changes whenever anything but the progress changes
  uint64_t saveRevision() const { return revision() + progressRevision_; }  // anything at all
  bool dirty() const;
  void markSaved();

 private:
  Status run(WorkspaceOp& op);  // performs one op, leaving in it what undoes it
  Status runAll(std::vector<WorkspaceOp>& ops, bool backwards);
  Status undoWorkspace();
  Status redoWorkspace();
  bool workspaceStepNext(bool undoing) const;  // the workspace's step comes before the document's
  ExerciseInfo exercise_;
  Schema schema_;
  std::string annotator_;
  WorkProgress progress_;
  std::vector<std::shared_ptr<DocumentState>> docs_;
  std::size_t active_ = 0;
  std::vector<WorkspaceEdit> undo_, redo_;
  uint64_t clock_ = 0;  // sequence of the last step, documents and workspace alike
  uint64_t structureRevision_ = 0, savedStructureRevision_ = 0;
  uint64_t progressRevision_ = 0;
};

}  // namespace scholion
