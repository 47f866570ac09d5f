// One document of the workspace: its text, annotations, indices and undo history; the Command
// that changes it and the builders of commands.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "document.h"
#include "model.h"
#include "result.h"

namespace scholion {

// One primitive change; a Command is a list of them and undoes as one step.
struct Change {
  enum class Kind : uint8_t {
    AddSpan,
    RemoveSpan,
    ReplaceSpan,  // span / before+after
    AddRelation,
    RemoveRelation,
    ReplaceRelation,    // relation / before+after
    SetDocumentLabels,  // labels before+after
  };
  Kind kind = Kind::AddSpan;
  Span span, spanBefore;
  Relation relation, relationBefore;
  std::vector<std::string> labels, labelsBefore;
  // Filled by DocumentState::apply: the slot the span/relation was added to or removed from, so
  // undo and redo restore the exact order. UINT32_MAX (the default) appends. Removing moves the
  // last span/relation into the freed slot (O(1)); undo puts both back where they were.
  uint32_t position = UINT32_MAX;
};

struct Command {
  std::string description;  // shown in the UI ("Add Person", "Label 4 occurrences")
  std::vector<Change> changes;
  // Set by the Editor when applied: one clock for every document and the workspace, so undo can
  // take back the most recent step wherever it was made.
  uint64_t sequence = 0;
  bool empty() const { return changes.empty(); }
};

// Spans overlapping [start, end) / relations touching a span, from an interval index:
// O(log n + k), never linear in the number of annotations.
class AnnotationIndex;

// One document of the workspace, with its indices and undo history.
class DocumentState {
 public:
  DocumentState(std::shared_ptr<const Document> doc, DocumentData data);
  ~DocumentState();
  DocumentState(DocumentState&&) noexcept;
  DocumentState& operator=(DocumentState&&) noexcept;

  const Document& document() const { return *doc_; }
  std::shared_ptr<const Document> documentPtr() const { return doc_; }
  // data().text is the same text as document().text(); annotations reflect every applied command.
  const DocumentData& data() const { return data_; }
  // Workspace edits (editor.cpp) exchange these values with the edit that holds the other one.
  void swapName(std::string& name) { data_.name.swap(name); }
  // New layers are a change to save: the revision moves.
  void swapOtherLayers(std::vector<AnnotationLayer>& others) {
    data_.others.swap(others);
    ++revision_;
  }

  const Span* span(const std::string& id) const;
  const Relation* relation(const std::string& id) const;
  // Appends pointers (valid until the next change) to `out` without clearing it first.
  void spansOverlapping(uint32_t start, uint32_t end, std::vector<const Span*>& out) const;
  void spansAt(uint32_t offset, std::vector<const Span*>& out) const;
  void relationsOf(const std::string& spanId, std::vector<const Relation*>& out) const;

  // Validates against the schema and the text, then applies atomically (nothing changes on error).
  Status apply(Command command, const Schema& schema);
  // For workspace edits: applied like apply() but kept out of this document's own history (the
  // workspace step holds it); revert/reapply undo and redo it exactly.
  Status applyUnrecorded(Command& command, const Schema& schema);
  void revertUnrecorded(Command& command);
  void reapplyUnrecorded(Command& command);
  void clearRedo() { redo_.clear(); }
  // Sequence of the step undo()/redo() would take next (0 when none).
  uint64_t undoSequence() const { return undo_.empty() ? 0 : undo_.back().sequence; }
  uint64_t redoSequence() const { return redo_.empty() ? 0 : redo_.back().sequence; }
  // Anything recorded after `sequence` (later edits the step at `sequence` must not jump over).
  bool hasStepAfter(uint64_t sequence) const { return undoSequence() > sequence; }
  bool canUndo() const;
  bool canRedo() const;
  bool undo();
  bool redo();
  std::size_t undoDepth() const;
  std::size_t redoDepth() const;
  const std::string& undoDescription() const;  // "" when none
  const std::string& redoDescription() const;
  uint64_t revision() const { return revision_; }  // increases on every apply/undo/redo
  bool dirty() const { return revision_ != savedRevision_; }
  void markSaved() { savedRevision_ = revision_; }

  std::string nextSpanId() const;      // "T<n>" not yet used
  std::string nextRelationId() const;  // "R<n>" not yet used

 private:
  void perform(Change& change);  // applies a change known to be valid, recording positions
  Status performAll(Command& command, const Schema& schema);  // validated; all or nothing
  std::shared_ptr<const Document> doc_;
  DocumentData data_;
  std::unique_ptr<AnnotationIndex> index_;
  std::vector<Command> undo_, redo_;
  uint64_t revision_ = 0, savedRevision_ = 0;
};

// Command builders: read the current state, return the command (empty + error on invalid requests).
Result<Command> cmdAddSpan(const DocumentState& s, const Schema& schema, const std::string& label,
                           uint32_t start, uint32_t end, const std::string& annotator);
Result<Command> cmdDeleteSpan(const DocumentState& s,
                              const std::string& spanId);  // removes its relations too
Result<Command> cmdRelabelSpan(const DocumentState& s, const std::string& spanId,
                               const std::string& label);
Result<Command> cmdResizeSpan(const DocumentState& s, const std::string& spanId, uint32_t start,
                              uint32_t end);
Result<Command> cmdSetAttribute(const DocumentState& s, const Schema& schema,
                                const std::string& spanId, const std::string& name,
                                const std::string& value);  // "" removes it
Result<Command> cmdSetSpanNote(const DocumentState& s, const std::string& spanId,
                               const std::string& note);
Result<Command> cmdAddRelation(const DocumentState& s, const Schema& schema,
                               const std::string& type, const std::string& fromSpan,
                               const std::string& toSpan);
Result<Command> cmdDeleteRelation(const DocumentState& s, const std::string& relationId);
Result<Command> cmdSetDocumentLabels(const DocumentState& s, std::vector<std::string> labels);
// Labels every whole-token occurrence of `needle` (exact, case-sensitive) not already carrying
// `label`.
Result<Command> cmdLabelEveryOccurrence(const DocumentState& s, const Schema& schema,
                                        const std::string& needle, const std::string& label,
                                        const std::string& annotator);
// Spans with their own labels added as one step (accepted suggestions); ranges already labelled
// so are skipped; fails when none is left.
struct LabelledRange {
  uint32_t start = 0, end = 0;
  std::string label;
};
Result<Command> cmdAddLabelledRanges(const DocumentState& s, const Schema& schema,
                                     const std::vector<LabelledRange>& ranges,
                                     const std::string& annotator, const std::string& description);
// Labels the given ranges as one step (search results).
Result<Command> cmdLabelRanges(const DocumentState& s, const Schema& schema,
                               const std::vector<Fragment>& ranges, const std::string& label,
                               const std::string& annotator);

}  // namespace scholion
