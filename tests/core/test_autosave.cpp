// Autosave: records per document written only when changed, in slices, committed all or nothing;
// quota failures keep the last good save; the single-key layout of version 1 is migrated.
#include <catch2/catch.hpp>
#include <map>

#include "autosave.h"
#include "editor.h"
#include "scholion_json.h"
#include "test_support.h"
#include "text.h"
#include "workspace_ops.h"

using namespace scholion;

namespace {

// An in-memory store with a quota in bytes. Writes are staged and take effect together at
// commit (like one IndexedDB transaction); `async` keeps the answer pending until settle().
class MemoryStore : public KeyValueStore {
 public:
  std::size_t quota = 1u << 30;
  bool available = true, async = false;
  std::map<std::string, std::string> items;
  std::map<std::string, int> writes;  // how often each key was committed
  CommitState state = CommitState::Done;
  std::string lastError;

  Status storageSet(const std::string& key, const std::string& value) override {
    if (!available) return fail("storage unavailable");
    staged_.push_back({key, value, true});
    return okStatus();
  }
  bool storageGet(const std::string& key, std::string& value) override {
    auto it = items.find(key);
    if (!available || it == items.end()) return false;
    value = it->second;
    return true;
  }
  void storageRemove(const std::string& key) override { staged_.push_back({key, "", false}); }
  void storageCommit() override {
    pending_ = std::move(staged_);
    staged_.clear();
    state = CommitState::Pending;
    if (!async) settle();
  }
  void settle() {
    std::map<std::string, std::string> next = items;
    for (const Op& op : pending_) {
      if (op.put)
        next[op.key] = op.value;
      else
        next.erase(op.key);
    }
    std::size_t used = 0;
    for (auto& [k, v] : next) used += k.size() + v.size();
    if (used > quota) {
      state = CommitState::Failed;
      lastError = "quota exceeded";
    } else {
      for (const Op& op : pending_)
        if (op.put) writes[op.key]++;
      items = std::move(next);
      state = CommitState::Done;
    }
    pending_.clear();
  }
  CommitState storageCommitState(std::string& error) override {
    error = lastError;
    return state;
  }
  std::size_t storageUsed() override {
    std::size_t used = 0;
    for (auto& [k, v] : items) used += k.size() + v.size();
    return used;
  }
  std::size_t storageQuota() override { return quota; }
  int writesWith(const std::string& part) const {
    int n = 0;
    for (auto& [k, c] : writes)
      if (k.find(part) != std::string::npos) n += c;
    return n;
  }

 private:
  struct Op {
    std::string key, value;
    bool put;
  };
  std::vector<Op> staged_, pending_;
};

DocumentData document(const std::string& id, const std::string& text) {
  DocumentData d = test::plainDocument(id, text);
  d.annotations.annotator = "Ana";
  return d;
}

Workspace twoDocuments() {
  Workspace ws;
  ws.annotator = "Ana";
  SpanLabel person;
  person.name = "Person";
  person.color = "#3366cc";
  ws.schema.spanLabels.push_back(person);
  ws.documents.push_back(document("d1", "Jiang Zemin met Putin\u00a0in Beijing."));
  ws.documents.push_back(document("d2", "Putin met Zemin."));
  Span s;
  s.id = "T1";
  s.label = "Person";
  s.start = 0;
  s.end = 5;
  s.text = "Jiang";
  s.annotator = "Ana";
  s.note = "first \"note\"";
  ws.documents[0].annotations.spans.push_back(s);
  AnnotationLayer other;
  other.annotator = "Bo";
  s.note.clear();
  other.spans.push_back(s);
  ws.documents[0].others.push_back(other);
  return ws;
}

void addSpan(Editor& ed, std::size_t doc, uint32_t start, uint32_t end) {
  auto cmd = cmdAddSpan(ed.doc(doc), ed.schema(), "Person", start, end, "Ana");
  REQUIRE(cmd.ok());
  REQUIRE(ed.apply(doc, std::move(*cmd)).ok());
}

// A store with the two documents saved once.
struct SavedOnce {
  MemoryStore store;
  Autosaver saver{store};
  Editor ed;
  SavedOnce() {
    REQUIRE(ed.load(twoDocuments()).ok());
    REQUIRE(saver.saveNow(ed, "") == SaveProgress::Saved);
  }
};

// A second tab or a restart: everything read back from the store alone.
Workspace reloaded(MemoryStore& store, std::string* ui = nullptr) {
  Autosaver other(store);
  auto s = other.load();
  REQUIRE(s.ok());
  if (ui) *ui = s->uiState;
  return s->workspace;
}

}  // namespace

TEST_CASE("autosave round-trips the workspace, every layer, and the UI state") {
  MemoryStore store;
  Autosaver saver(store);
  CHECK_FALSE(saver.hasSave());
  CHECK_FALSE(saver.load().ok());
  Editor ed;
  REQUIRE(ed.load(twoDocuments()).ok());
  CHECK(saver.saveNow(ed, "{\"scroll\":12}") == SaveProgress::Saved);
  CHECK(saver.hasSave());
  std::string ui;
  CHECK(reloaded(store, &ui) == ed.snapshot());
  CHECK(ui == "{\"scroll\":12}");
}

TEST_CASE_METHOD(SavedOnce,
                 "a save writes only the documents that changed; texts are written once") {
  CHECK(saver.documentsWritten() == 2);
  CHECK(store.writesWith("/text/") == 2);
  addSpan(ed, 1, 0, 5);
  REQUIRE(saver.saveNow(ed, "") == SaveProgress::Saved);
  CHECK(saver.documentsWritten() == 1);
  CHECK(store.writesWith("/text/") == 2);
  CHECK(store.writesWith("/doc/") == 3);
  // The replaced record is gone; only the current ones remain.
  int records = 0;
  for (auto& [k, v] : store.items) records += k.find("/doc/") != std::string::npos;
  CHECK(records == 2);
  CHECK(reloaded(store) == ed.snapshot());
  // Nothing changed: nothing written, not even the manifest.
  const int manifests = store.writesWith("manifest");
  REQUIRE(saver.saveNow(ed, "") == SaveProgress::Saved);
  CHECK(saver.documentsWritten() == 0);
  CHECK(store.writesWith("manifest") == manifests);
  // The UI state alone: only its record.
  REQUIRE(saver.saveNow(ed, "{\"active\":1}") == SaveProgress::Saved);
  CHECK(store.writesWith("manifest") == manifests);
  CHECK(store.writesWith("/ui") == 1);
}

TEST_CASE("a restored workspace counts as saved; renaming and removing are saved too") {
  MemoryStore store;
  {
    Autosaver saver(store);
    Editor ed;
    REQUIRE(ed.load(twoDocuments()).ok());
    REQUIRE(saver.saveNow(ed, "") == SaveProgress::Saved);
  }
  Autosaver saver(store);
  auto session = saver.load();
  REQUIRE(session.ok());
  Editor ed;
  REQUIRE(ed.load(session->workspace).ok());
  saver.adopt(ed, *session);
  const int records = store.writesWith("/doc/");
  REQUIRE(saver.saveNow(ed, "") == SaveProgress::Saved);
  CHECK(store.writesWith("/doc/") == records);
  REQUIRE(ed.apply(planRename(ed, 1, "renamed.txt")).ok());
  REQUIRE(saver.saveNow(ed, "") == SaveProgress::Saved);
  CHECK(saver.documentsWritten() == 0);  // the name is in the manifest
  CHECK(reloaded(store).documents[1].name == "renamed.txt");
  REQUIRE(ed.apply(planRemoveDocument(ed, 0)).ok());
  REQUIRE(saver.saveNow(ed, "") == SaveProgress::Saved);
  CHECK(reloaded(store) == ed.snapshot());
  for (auto& [k, v] : store.items) CHECK(v.find("Beijing") == std::string::npos);
}

TEST_CASE("records are written in slices; a change in between restarts the save") {
  MemoryStore store;
  Autosaver saver(store);
  Editor ed;
  Workspace ws = twoDocuments();
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Zemin ";
  ws.documents[1] = document("d2", text);
  REQUIRE(ed.load(ws).ok());
  for (uint32_t i = 0; i < 200; ++i) addSpan(ed, 1, i * 6, i * 6 + 5);
  saver.begin(ed, "");
  int steps = 0;
  SaveProgress p = SaveProgress::Working;
  while (p == SaveProgress::Working) {
    p = saver.step(7);
    ++steps;
  }
  CHECK(p == SaveProgress::Saved);
  CHECK(steps > 200 / 7);
  CHECK(reloaded(store) == ed.snapshot());

  addSpan(ed, 0, 6, 11);
  saver.begin(ed, "");
  CHECK(saver.step(1) == SaveProgress::Working);
  addSpan(ed, 0, 16, 21);  // the user goes on while the record is written
  while ((p = saver.step(1)) == SaveProgress::Working) {
  }
  CHECK(p == SaveProgress::Restart);
  CHECK(reloaded(store).documents[0].annotations.spans.size() == 1);
  CHECK(saver.saveNow(ed, "") == SaveProgress::Saved);
  CHECK(reloaded(store) == ed.snapshot());
}

TEST_CASE_METHOD(SavedOnce,
                 "a save that does not fit reports it and keeps the last good save intact") {
  const auto before = store.items;
  store.quota = store.storageUsed() + 10;  // the next, larger save cannot fit
  REQUIRE(ed.apply(planAddDocuments(ed, {document("d3", std::string(5000, 'x'))}, "Add")).ok());
  CHECK(saver.saveNow(ed, "") == SaveProgress::Failed);
  CHECK(saver.error() == "quota exceeded");
  CHECK(store.items == before);
  CHECK(reloaded(store).documents.size() == 2);
  // Room again: the whole change goes in.
  store.quota = 1u << 30;
  CHECK(saver.saveNow(ed, "") == SaveProgress::Saved);
  CHECK(reloaded(store) == ed.snapshot());
}

TEST_CASE("a store that answers later: the save stays pending until it does") {
  MemoryStore store;
  store.async = true;
  Autosaver saver(store);
  Editor ed;
  REQUIRE(ed.load(twoDocuments()).ok());
  CHECK(saver.saveNow(ed, "") == SaveProgress::Committing);
  CHECK(saver.busy());
  CHECK(saver.step(100) == SaveProgress::Committing);
  store.settle();
  CHECK(saver.step(100) == SaveProgress::Saved);
  CHECK_FALSE(saver.busy());
  addSpan(ed, 1, 0, 5);
  store.quota = 10;
  CHECK(saver.saveNow(ed, "") == SaveProgress::Committing);
  store.settle();
  CHECK(saver.step(100) == SaveProgress::Failed);
  CHECK(saver.error() == "quota exceeded");
}

TEST_CASE("the single-key save of version 1 is read, then replaced by the first save") {
  MemoryStore store;
  Workspace ws = twoDocuments();
  store.items["autosave/v1/workspace"] = writeScholionJson(ws);
  store.items["autosave/v1/ui"] = "{\"zoom\":2}";
  Autosaver saver(store);
  CHECK(saver.hasSave());
  auto session = saver.load();
  REQUIRE(session.ok());
  CHECK(session->workspace == ws);
  CHECK(session->uiState == "{\"zoom\":2}");
  Editor ed;
  REQUIRE(ed.load(session->workspace).ok());
  saver.adopt(ed, *session);
  CHECK(saver.saveNow(ed, session->uiState) == SaveProgress::Saved);
  CHECK(store.items.count("autosave/v1/workspace") == 0);
  CHECK(store.items.count("autosave/v1/ui") == 0);
  std::string ui;
  CHECK(reloaded(store, &ui) == ws);
  CHECK(ui == "{\"zoom\":2}");
}

TEST_CASE_METHOD(SavedOnce, "unavailable storage is reported, and clear() removes the save") {
  store.available = false;
  addSpan(ed, 1, 0, 5);
  CHECK(saver.saveNow(ed, "") == SaveProgress::Failed);
  CHECK(saver.error() == "storage unavailable");
  store.available = true;
  saver.clear();
  CHECK_FALSE(saver.hasSave());
  CHECK(store.items.empty());
}

TEST_CASE_METHOD(SavedOnce, "an unreadable save is reported and kept, not deleted") {
  for (auto& [k, v] : store.items)
    if (k.find("/doc/") != std::string::npos) v = v.substr(0, v.size() / 2);
  const auto before = store.items;
  auto loaded = Autosaver(store).load();
  CHECK_FALSE(loaded.ok());
  CHECK(loaded.error().find("kept") != std::string::npos);
  CHECK(Autosaver(store).hasSave());
  CHECK(store.items == before);
}
