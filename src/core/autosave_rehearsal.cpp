// A save of a tiny workspace into a store that keeps nothing (see autosave_rehearsal.h).
#include "autosave_rehearsal.h"

#include "autosave.h"
#include "editor.h"
#include "text.h"

namespace scholion {

namespace {

// Accepts every write and forgets it, like a store with endless room that is never read.
class DiscardingStore : public KeyValueStore {
 public:
  Status storageSet(const std::string&, const std::string&) override { return okStatus(); }
  bool storageGet(const std::string&, std::string&) override { return false; }
  void storageRemove(const std::string&) override {}
  std::size_t storageUsed() override { return 0; }
  std::size_t storageQuota() override { return 0; }
};

}  // namespace

bool rehearseAutosave() {
  Workspace ws;
  ws.annotator = "rehearsal";
  ws.schema.name = "rehearsal";
  ws.schema.spanLabels.push_back({});
  ws.schema.spanLabels.back().name = "Name";
  ws.schema.spanLabels.back().color = "#3366cc";
  ws.schema.relationTypes.push_back({});
  ws.schema.relationTypes.back().name = "Knows";
  DocumentData d;
  d.id = "rehearsal";
  d.name = "rehearsal.txt";
  d.text = "Ada met Charles.";
  d.sha256 = sha256Hex(d.text);
  d.annotations.annotator = ws.annotator;
  d.annotations.spans = {continuousSpan("T1", "Name", 0, 3, "Ada"),
                         continuousSpan("T2", "Name", 8, 15, "Charles")};
  d.annotations.spans[1].note = "a \"note\"\n";  // the writer's escaping runs too
  d.annotations.relations.push_back({"R1", "Knows", "T1", "T2", ""});
  ws.documents.push_back(std::move(d));
  Editor editor;
  if (!editor.load(std::move(ws))) return false;
  DiscardingStore store;
  Autosaver saver(store);
  // As the frames save: a few items per step, records handed over in parts (tiny parts here, so
  // that the part code runs as it does for a large document).
  saver.setPartBytes(16);
  const auto save = [&saver, &editor] {
    saver.begin(editor, "{\"active\":0}");
    SaveProgress p = SaveProgress::Working;
    while (p == SaveProgress::Working) p = saver.step(1);
    return p == SaveProgress::Saved;
  };
  if (!save()) return false;
  // The second save takes the incremental path: the changed document is written again.
  Result<Command> unlink = cmdDeleteRelation(editor.doc(0), "R1");
  if (!unlink || !editor.apply(0, std::move(*unlink))) return false;
  return save() && saver.documentsWritten() == 1;
}

}  // namespace scholion
