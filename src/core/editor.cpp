// Editor: the open workspace (documents, schema, exercise, annotator); validated swaps and
// revisions.
#include "editor.h"

#include <unordered_set>

#include "workspace_check.h"

namespace scholion {

Editor::Editor() = default;

Result<std::size_t> Editor::addDocument(DocumentData data) {
  std::unordered_set<std::string> ids;
  for (const auto& d : docs_) ids.insert(d.data().id);
  if (data.id.empty()) {
    for (std::size_t n = docs_.size() + 1;; ++n) {
      std::string id = "doc" + std::to_string(n);
      if (!ids.count(id)) {
        data.id = id;
        break;
      }
    }
  } else if (ids.count(data.id)) {
    return fail("a document with id \"" + data.id + "\" is already open");
  }
  std::vector<std::string> problems;
  checkDocumentData(data, "", problems);
  if (!problems.empty())
    return fail(joinProblems("cannot add document \"" + data.name + "\":", problems));
  auto doc = Document::create(data.text);
  if (!doc) return fail(doc.error());
  docs_.emplace_back(std::move(*doc), std::move(data));
  ++structureRevision_;
  return docs_.size() - 1;
}

void Editor::removeDocument(std::size_t i) {
  if (i >= docs_.size()) return;
  // Keep revision() increasing although this document's own revisions leave the sum.
  structureRevision_ += docs_[i].revision() + 1;
  docs_.erase(docs_.begin() + static_cast<std::ptrdiff_t>(i));
  if (active_ >= docs_.size()) active_ = docs_.empty() ? 0 : docs_.size() - 1;
}

Status Editor::replaceWorkspace(Workspace ws) {
  std::vector<std::string> problems = workspaceProblems(ws);
  if (!problems.empty()) return fail(joinProblems("the workspace is not valid:", problems));
  std::vector<DocumentState> states;
  states.reserve(ws.documents.size());
  for (std::size_t i = 0; i < ws.documents.size(); ++i) {
    auto doc = Document::create(ws.documents[i].text);
    if (!doc) return fail("/documents/" + std::to_string(i) + "/text: " + doc.error());
    states.emplace_back(std::move(*doc), std::move(ws.documents[i]));
  }
  // Everything is built: swap. Loading counts as saved (nothing new to save yet).
  uint64_t before = revision();
  docs_ = std::move(states);
  schema_ = std::move(ws.schema);
  exercise_ = std::move(ws.exercise);
  annotator_ = std::move(ws.annotator);
  active_ = ws.activeDocument < docs_.size() ? ws.activeDocument : 0;
  structureRevision_ = before + 1;
  markSaved();
  return okStatus();
}

Workspace Editor::snapshot() const {
  Workspace ws;
  ws.exercise = exercise_;
  ws.schema = schema_;
  ws.annotator = annotator_;
  ws.activeDocument = active_;
  ws.documents.reserve(docs_.size());
  for (const auto& d : docs_) ws.documents.push_back(d.data());
  return ws;
}

uint64_t Editor::revision() const {
  uint64_t r = structureRevision_;
  for (const auto& d : docs_) r += d.revision();
  return r;
}

bool Editor::dirty() const {
  if (structureRevision_ != savedStructureRevision_) return true;
  for (const auto& d : docs_)
    if (d.dirty()) return true;
  return false;
}

void Editor::markSaved() {
  savedStructureRevision_ = structureRevision_;
  for (auto& d : docs_) d.markSaved();
}

}  // namespace scholion
