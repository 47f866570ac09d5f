// The editing model: a workspace with per-document indices and an undo history; every change is a Command.
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
    AddSpan, RemoveSpan, ReplaceSpan,             // span / before+after
    AddRelation, RemoveRelation, ReplaceRelation, // relation / before+after
    SetDocumentLabels,                            // labels before+after
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
  void rename(std::string name) { data_.name = std::move(name); }

  const Span* span(const std::string& id) const;
  const Relation* relation(const std::string& id) const;
  // Appends pointers (valid until the next change) to `out` without clearing it first.
  void spansOverlapping(uint32_t start, uint32_t end, std::vector<const Span*>& out) const;
  void spansAt(uint32_t offset, std::vector<const Span*>& out) const;
  void relationsOf(const std::string& spanId, std::vector<const Relation*>& out) const;

  // Validates against the schema and the text, then applies atomically (nothing changes on error).
  Status apply(Command command, const Schema& schema);
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
  std::shared_ptr<const Document> doc_;
  DocumentData data_;
  std::unique_ptr<AnnotationIndex> index_;
  std::vector<Command> undo_, redo_;
  uint64_t revision_ = 0, savedRevision_ = 0;
};

// Command builders: read the current state, return the command (empty + error on invalid requests).
Result<Command> cmdAddSpan(const DocumentState& s, const Schema& schema, const std::string& label,
                           uint32_t start, uint32_t end, const std::string& annotator);
Result<Command> cmdDeleteSpan(const DocumentState& s, const std::string& spanId);  // removes its relations too
Result<Command> cmdRelabelSpan(const DocumentState& s, const std::string& spanId, const std::string& label);
Result<Command> cmdResizeSpan(const DocumentState& s, const std::string& spanId, uint32_t start, uint32_t end);
Result<Command> cmdSetAttribute(const DocumentState& s, const Schema& schema, const std::string& spanId,
                                const std::string& name, const std::string& value);  // "" removes it
Result<Command> cmdSetSpanNote(const DocumentState& s, const std::string& spanId, const std::string& note);
Result<Command> cmdAddRelation(const DocumentState& s, const Schema& schema, const std::string& type,
                               const std::string& fromSpan, const std::string& toSpan);
Result<Command> cmdDeleteRelation(const DocumentState& s, const std::string& relationId);
Result<Command> cmdSetDocumentLabels(const DocumentState& s, std::vector<std::string> labels);
// Labels every whole-token occurrence of `needle` (exact, case-sensitive) not already carrying `label`.
Result<Command> cmdLabelEveryOccurrence(const DocumentState& s, const Schema& schema, const std::string& needle,
                                        const std::string& label, const std::string& annotator);
// Labels the given ranges as one step (search results).
Result<Command> cmdLabelRanges(const DocumentState& s, const Schema& schema,
                               const std::vector<Fragment>& ranges, const std::string& label,
                               const std::string& annotator);

// The whole open workspace.
class Editor {
 public:
  Editor();
  const Schema& schema() const { return schema_; }
  void setSchema(Schema schema) { schema_ = std::move(schema); }
  const ExerciseInfo& exercise() const { return exercise_; }
  void setExercise(ExerciseInfo e) { exercise_ = std::move(e); }
  const std::string& annotator() const { return annotator_; }
  void setAnnotator(std::string name) { annotator_ = std::move(name); }

  std::size_t documentCount() const { return docs_.size(); }
  DocumentState& doc(std::size_t i) { return docs_[i]; }
  const DocumentState& doc(std::size_t i) const { return docs_[i]; }
  std::size_t active() const { return active_; }
  void setActive(std::size_t i) { if (i < docs_.size()) active_ = i; }
  bool hasDocument() const { return !docs_.empty(); }
  DocumentState& activeDoc() { return docs_[active_]; }

  // Adds a document (rejects invalid UTF-8 / span errors), returns its index.
  Result<std::size_t> addDocument(DocumentData data);
  void removeDocument(std::size_t i);
  // Validates the whole workspace (UTF-8, hashes, span offsets and covered text, ids, relations)
  // then swaps it in; on error nothing changes.
  Status replaceWorkspace(Workspace ws);
  Workspace snapshot() const;  // the current workspace as plain data
  uint64_t revision() const;   // changes whenever anything in the workspace changes
  bool dirty() const;
  void markSaved();

 private:
  ExerciseInfo exercise_;
  Schema schema_;
  std::string annotator_;
  std::vector<DocumentState> docs_;
  std::size_t active_ = 0;
  uint64_t structureRevision_ = 0, savedStructureRevision_ = 0;
};

}  // namespace scholion
