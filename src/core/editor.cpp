// Editor: the open workspace (documents, schema, exercise, annotator); validated changes, one undo
// clock for document commands and workspace edits, revisions for saving.
#include "editor.h"

#include <algorithm>

#include "workspace_check.h"

namespace scholion {

Editor::Editor() = default;

void Editor::setAnnotator(std::string name) {
  if (name == annotator_) return;
  annotator_ = std::move(name);
  ++structureRevision_;
}

void Editor::setProgress(WorkProgress progress) {
  if (progress == progress_) return;
  progress_ = std::move(progress);
  ++progressRevision_;
}

void Editor::setActive(std::size_t i) {
  if (i < docs_.size()) active_ = i;
}

std::size_t Editor::findDocument(const std::string& id) const {
  for (std::size_t i = 0; i < docs_.size(); ++i)
    if (docs_[i]->data().id == id) return i;
  return SIZE_MAX;
}

std::size_t Editor::findDocumentByHash(const std::string& sha256) const {
  for (std::size_t i = 0; i < docs_.size(); ++i)
    if (docs_[i]->data().sha256 == sha256) return i;
  return SIZE_MAX;
}

Status Editor::load(Workspace ws) {
  std::vector<std::string> problems = workspaceProblems(ws);
  if (!problems.empty()) return fail(joinProblems("the workspace is not valid:", problems));
  std::vector<std::shared_ptr<DocumentState>> states;
  states.reserve(ws.documents.size());
  for (std::size_t i = 0; i < ws.documents.size(); ++i) {
    auto doc = Document::create(ws.documents[i].text);
    if (!doc) return fail("/documents/" + std::to_string(i) + "/text: " + doc.error());
    states.push_back(std::make_shared<DocumentState>(std::move(*doc), std::move(ws.documents[i])));
  }
  // Everything is built: swap. Loading counts as saved (nothing new to save yet).
  uint64_t before = revision();
  docs_ = std::move(states);
  schema_ = std::move(ws.schema);
  exercise_ = std::move(ws.exercise);
  annotator_ = std::move(ws.annotator);
  progress_ = std::move(ws.progress);
  active_ = ws.activeDocument < docs_.size() ? ws.activeDocument : 0;
  undo_.clear();
  redo_.clear();
  structureRevision_ = before + 1;
  markSaved();
  return okStatus();
}

Status Editor::apply(std::size_t i, Command command) {
  if (i >= docs_.size()) return fail("no document " + std::to_string(i));
  command.sequence = ++clock_;
  Status st = docs_[i]->apply(std::move(command), schema_);
  if (st) redo_.clear();  // a workspace step undone earlier cannot be redone over new work
  return st;
}

Status Editor::run(WorkspaceOp& op) {
  using K = WorkspaceOp::Kind;
  const bool docOp = op.kind == K::RemoveDocument || op.kind == K::Rename ||
                     op.kind == K::SetOtherLayers || op.kind == K::EditAnnotations;
  if (docOp && op.index >= docs_.size())
    return fail("no document " + std::to_string(op.index) + " in the workspace");
  switch (op.kind) {
    case K::InsertDocument: {
      if (op.index > docs_.size()) return fail("cannot insert a document there");
      if (!op.state) {  // first time: check and tokenise the new text
        std::vector<std::string> problems;
        checkDocumentData(op.data, "", problems);
        if (findDocument(op.data.id) != SIZE_MAX)
          problems.push_back("a document with id \"" + op.data.id + "\" is already open");
        if (!problems.empty())
          return fail(joinProblems("cannot add document \"" + op.data.name + "\":", problems));
        auto doc = Document::create(op.data.text);
        if (!doc) return fail(op.data.name + ": " + doc.error());
        op.state = std::make_shared<DocumentState>(std::move(*doc), std::move(op.data));
        op.data = DocumentData{};
      }
      structureRevision_ += op.state->revision() + 1;
      docs_.insert(docs_.begin() + static_cast<std::ptrdiff_t>(op.index), std::move(op.state));
      op.state.reset();
      op.kind = K::RemoveDocument;  // what undoes it
      break;
    }
    case K::RemoveDocument:
      // Keep revision() increasing although this document's own revisions leave the sum.
      structureRevision_ += docs_[op.index]->revision() + 1;
      op.state = std::move(docs_[op.index]);
      docs_.erase(docs_.begin() + static_cast<std::ptrdiff_t>(op.index));
      op.kind = K::InsertDocument;
      break;
    case K::Rename:
      docs_[op.index]->swapName(op.name);
      break;
    case K::SetOtherLayers: {
      std::vector<std::string> problems;
      for (std::size_t l = 0; l < op.others.size(); ++l)
        checkLayer(op.others[l], docs_[op.index]->document().text(),
                   docs_[op.index]->document().offsets(), "/layers/" + std::to_string(l), problems);
      if (!problems.empty())
        return fail(joinProblems(docs_[op.index]->data().name + ":", problems));
      docs_[op.index]->swapOtherLayers(op.others);
      break;
    }
    case K::EditAnnotations:
      // The command is applied once; undoing and redoing replay its recorded changes exactly.
      if (op.runs == 0) {
        Status st = docs_[op.index]->applyUnrecorded(op.command, schema_);
        if (!st) return st;
        docs_[op.index]->clearRedo();
      } else if (op.runs % 2 == 1) {
        docs_[op.index]->revertUnrecorded(op.command);
      } else {
        docs_[op.index]->reapplyUnrecorded(op.command);
      }
      break;
    case K::SetSchema:
      std::swap(schema_, op.schema);
      break;
    case K::SetExercise:
      std::swap(exercise_, op.exercise);
      break;
    case K::SetAnnotator:
      annotator_.swap(op.name);
      break;
    case K::SetActive:
      std::swap(active_, op.index);
      break;
    case K::SetProgress:
      std::swap(progress_, op.progress);
      break;
  }
  ++op.runs;
  ++structureRevision_;
  return okStatus();
}

// Runs ops in order (or backwards, undoing); on error, takes back what already ran. The active
// index may point past the end between ops (a plan sets it before removing); it is valid after.
Status Editor::runAll(std::vector<WorkspaceOp>& ops, bool backwards) {
  const std::size_t n = ops.size();
  Status result = okStatus();
  for (std::size_t k = 0; k < n; ++k) {
    Status st = run(ops[backwards ? n - 1 - k : k]);
    if (st) continue;
    for (std::size_t j = k; j-- > 0;) run(ops[backwards ? n - 1 - j : j]);
    result = st;
    break;
  }
  if (active_ >= docs_.size()) active_ = docs_.empty() ? 0 : docs_.size() - 1;
  return result;
}

Status Editor::apply(WorkspaceEdit edit) {
  if (edit.empty()) return fail(edit.description + ": nothing to change");
  Status st = runAll(edit.ops, false);
  if (!st) return fail(edit.description + ": " + st.error());
  edit.sequence = ++clock_;
  undo_.push_back(std::move(edit));
  redo_.clear();
  return okStatus();
}

// A workspace step is not taken back over later edits of a document it changed (their changes
// would no longer fit); the user undoes those first.
Status Editor::undoWorkspace() {
  WorkspaceEdit& edit = undo_.back();
  for (const WorkspaceOp& op : edit.ops) {
    if (op.kind != WorkspaceOp::Kind::EditAnnotations || op.index >= docs_.size()) continue;
    if (docs_[op.index]->hasStepAfter(edit.sequence))
      return fail("\"" + edit.description + "\" can be undone once the later edits in \"" +
                  docs_[op.index]->data().name + "\" are undone");
  }
  Status st = runAll(edit.ops, true);
  if (!st) return st;
  redo_.push_back(std::move(edit));
  undo_.pop_back();
  return okStatus();
}

Status Editor::redoWorkspace() {
  Status st = runAll(redo_.back().ops, false);
  if (!st) return st;
  undo_.push_back(std::move(redo_.back()));
  redo_.pop_back();
  return okStatus();
}

// Undo takes the newest of the active document's last command and the workspace's last step;
// redo brings back the oldest undone first (the reverse order).
bool Editor::workspaceStepNext(bool undoing) const {
  const std::vector<WorkspaceEdit>& stack = undoing ? undo_ : redo_;
  if (stack.empty()) return false;
  if (docs_.empty()) return true;
  const DocumentState& d = *docs_[active_];
  if (undoing) return !d.canUndo() || stack.back().sequence > d.undoSequence();
  return !d.canRedo() || stack.back().sequence < d.redoSequence();
}

Status Editor::undo() {
  if (workspaceStepNext(true)) return undoWorkspace();
  if (docs_.empty() || !docs_[active_]->undo()) return fail("");
  return okStatus();
}

Status Editor::redo() {
  if (workspaceStepNext(false)) return redoWorkspace();
  if (docs_.empty() || !docs_[active_]->redo()) return fail("");
  return okStatus();
}

uint64_t Editor::undoSequence() const {
  if (workspaceStepNext(true)) return undo_.back().sequence;
  return docs_.empty() ? 0 : docs_[active_]->undoSequence();
}

uint64_t Editor::redoSequence() const {
  if (workspaceStepNext(false)) return redo_.back().sequence;
  return docs_.empty() ? 0 : docs_[active_]->redoSequence();
}

bool Editor::canUndo() const {
  return !undo_.empty() || (!docs_.empty() && docs_[active_]->canUndo());
}

bool Editor::canRedo() const {
  return !redo_.empty() || (!docs_.empty() && docs_[active_]->canRedo());
}

std::string Editor::undoDescription() const {
  if (workspaceStepNext(true)) return undo_.back().description;
  return docs_.empty() ? std::string() : docs_[active_]->undoDescription();
}

std::string Editor::redoDescription() const {
  if (workspaceStepNext(false)) return redo_.back().description;
  return docs_.empty() ? std::string() : docs_[active_]->redoDescription();
}

Workspace Editor::snapshot() const {
  Workspace ws;
  ws.exercise = exercise_;
  ws.schema = schema_;
  ws.annotator = annotator_;
  ws.progress = progress_;
  ws.activeDocument = active_;
  ws.documents.reserve(docs_.size());
  for (const auto& d : docs_) ws.documents.push_back(d->data());
  return ws;
}

uint64_t Editor::revision() const {
  uint64_t r = structureRevision_;
  for (const auto& d : docs_) r += d->revision();
  return r;
}

bool Editor::dirty() const {
  if (structureRevision_ != savedStructureRevision_) return true;
  for (const auto& d : docs_)
    if (d->dirty()) return true;
  return false;
}

void Editor::markSaved() {
  savedStructureRevision_ = structureRevision_;
  for (auto& d : docs_) d->markSaved();
}

}  // namespace scholion
