// The workspace rules as plans: each reads the open workspace and returns the WorkspaceEdit that
// the Editor applies as one undoable step (merge by content hash, students as layers, adjudicate,
// open, reset, rename, remove, instructions). Used alike by the web app, the desktop and the CLI.
#pragma once

#include <string>
#include <vector>

#include "editor.h"
#include "format_util.h"
#include "model.h"
#include "result.h"

namespace scholion {

// A Scholion JSON file as opened: parsed once (or why it did not parse).
struct ParsedFile {
  std::string name;
  Result<Workspace> workspace;
};

// True when any document has annotations (own layer or others'): replacing it would lose work.
bool workspaceHasWork(const Editor& editor);

// The ids of the open documents, as taken names: take(base) gives `base`, or "base-2",
// "base-3"...: the first id no open document (nor one taken before) uses.
UniqueNames documentIds(const Editor& editor);

// Adds `layer` to `others`, replacing a layer of the same annotator (loading a file again
// replaces what it gave before).
void joinLayer(std::vector<AnnotationLayer>& others, AnnotationLayer layer);

// Replaces the whole workspace (kept undoable: the old documents come back with their history).
// An incoming workspace without an annotator keeps the current one.
WorkspaceEdit planOpenWorkspace(const Editor& editor, Workspace in, std::string description);

enum class MergeMode {
  AsLayer,      // the file's annotations join as another annotator's layer
  ReplaceMine,  // the file's annotations replace the working layer
};
struct MergePlan {
  WorkspaceEdit edit;
  int matched = 0;  // documents with the same text (content hash) as an open one
  int added = 0;    // documents opened as new ones (ids made unique)
};
// Documents with the same text as an open one merge into it; the others are added (the first
// added becomes active). Labels the file uses that the schema lacks join the schema (colours kept).
MergePlan planMerge(const Editor& editor, Workspace in, MergeMode mode,
                    const std::string& sourceName);

// New documents at the end; the last one becomes active.
WorkspaceEdit planAddDocuments(const Editor& editor, std::vector<DocumentData> docs,
                               std::string description);

WorkspaceEdit planRename(const Editor& editor, std::size_t index, std::string name);
WorkspaceEdit planRemoveDocument(const Editor& editor, std::size_t index);

// Replaces the working layer of each listed document with the matching `after` layer as one
// step (accept the majority in every document, adjudication); documents already equal are left.
WorkspaceEdit planReplaceWorkingLayers(const Editor& editor, const std::vector<std::size_t>& docs,
                                       const std::vector<AnnotationLayer>& after,
                                       std::string description);

WorkspaceEdit planSetInstructions(const Editor& editor, std::string instructions);

// Students' hand-ins joined as layers of the documents with the same text, named after their
// annotator (or file), unique; a student loaded again replaces the earlier hand-in. The teacher's
// own annotations become the key layer `keyName` where there is none yet, so adjudicating later
// cannot change what students are graded on.
struct StudentLayersPlan {
  WorkspaceEdit edit;
  std::vector<std::string> loaded;    // layer names
  std::vector<std::string> warnings;  // one per skipped file or document
  int keptKeys = 0;
};
StudentLayersPlan planStudentLayers(const Editor& editor, std::vector<ParsedFile> files,
                                    const std::string& keyName);

// The teacher's adjudicated layer (the working layer) becomes the answer key `keyName` on purpose:
// in every document where it holds work, the key layer is replaced by a copy of it (added where
// there was none). Documents with an empty working layer keep their key. One undoable step.
struct PromotePlan {
  WorkspaceEdit edit;
  int promoted = 0;  // documents whose key changes
};
PromotePlan planPromoteToKey(const Editor& editor, const std::string& keyName);

// "Task-Alice.scholion.json" -> "Task-Alice": a name for a hand-in without an annotator.
std::string nameFromFile(const std::string& path);

}  // namespace scholion
