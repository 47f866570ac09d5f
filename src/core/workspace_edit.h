// A workspace-level edit (open, merge, add layers, adjudicate, rename, remove, reset): a list of
// invertible operations the Editor applies atomically and undoes as one step.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "document_state.h"
#include "model.h"

namespace scholion {

struct WorkspaceOp {
  enum class Kind : uint8_t {
    InsertDocument,   // `data` (or, once undone, `state`) goes in at `index`
    RemoveDocument,   // the document at `index` leaves; its state (with its history) is kept here
    Rename,           // the document at `index` takes `name`
    SetOtherLayers,   // the document at `index` takes `others`
    EditAnnotations,  // `command` changes the working layer of the document at `index`
    SetSchema,        // the workspace takes `schema`
    SetExercise,      // ... `exercise`
    SetAnnotator,     // ... `name` as the annotator
    SetActive,        // ... `index` as the active document
    SetProgress,      // ... `progress` as the student's progress
  };
  Kind kind = Kind::Rename;
  std::size_t index = 0;
  // The value the op puts in place; after the op ran, the value it replaced (so undo swaps back).
  std::string name;
  std::vector<AnnotationLayer> others;
  Schema schema;
  ExerciseInfo exercise;
  WorkProgress progress;
  DocumentData data;
  Command command;
  std::shared_ptr<DocumentState> state;  // a removed (or undone inserted) document, as it was
  uint32_t runs =
      0;  // times the Editor ran it: even = not in effect (applied next), odd = in effect
};

struct WorkspaceEdit {
  std::string description;  // shown in Edit > Undo ("Merge class.json")
  std::vector<WorkspaceOp> ops;
  uint64_t sequence = 0;  // set by the Editor (one clock with document commands)
  bool empty() const { return ops.empty(); }
};

// Builders of single operations.
WorkspaceOp opInsertDocument(std::size_t index, DocumentData data);
WorkspaceOp opRemoveDocument(std::size_t index);
WorkspaceOp opRename(std::size_t index, std::string name);
WorkspaceOp opSetOtherLayers(std::size_t index, std::vector<AnnotationLayer> others);
WorkspaceOp opEditAnnotations(std::size_t index, Command command);
WorkspaceOp opSetSchema(Schema schema);
WorkspaceOp opSetExercise(ExerciseInfo exercise);
WorkspaceOp opSetAnnotator(std::string name);
WorkspaceOp opSetActive(std::size_t index);
WorkspaceOp opSetProgress(WorkProgress progress);

}  // namespace scholion
