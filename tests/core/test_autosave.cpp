// Autosave: records per document written only when changed, in slices, committed all or nothing;
// quota failures keep the last good save; the single-key layout of version 1 is migrated.
#include <catch2/catch.hpp>
#include <map>

#include "autosave.h"
#include "autosave_rehearsal.h"
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
  MemoryStore store = SavedOnce().store;  // saved in an earlier session
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

TEST_CASE("records are split into parts on character boundaries and join back to the same bytes") {
  const std::string text = "Zürich 中文 😀 Genève " + std::string(300, 'a') + "ß";
  for (std::size_t size : {1, 4, 5, 7, 64, 1000}) {
    std::vector<std::string_view> parts = splitIntoParts(text, size);
    std::string joined;
    for (std::string_view p : parts) {
      CHECK_FALSE(p.empty());
      CHECK(p.size() <= std::max<std::size_t>(size, 4));
      CHECK((static_cast<unsigned char>(p[0]) & 0xC0) != 0x80);  // starts a character
      CHECK_FALSE(firstInvalidUtf8(p).has_value());
      joined += p;
    }
    CHECK(joined == text);
    CHECK(parts.size() >= text.size() / std::max<std::size_t>(size, 4));
  }
  CHECK(splitIntoParts("", 64).size() == 1);
  CHECK(splitIntoParts("abc", 64).size() == 1);
  CHECK(partKey("autosave/v2/doc/3-0", 0) == "autosave/v2/doc/3-0");
  CHECK(partKey("autosave/v2/doc/3-0", 2) == "autosave/v2/doc/3-0/2");
}

namespace {

// A document with a long multi-byte text and many spans: records and text of many parts.
Workspace longDocument() {
  Workspace ws = twoDocuments();
  std::string text;
  for (int i = 0; i < 120; ++i) text += "Zürich 中文 ";
  ws.documents[1] = document("d2", text);
  return ws;
}

int keysWith(const MemoryStore& store, const std::string& part) {
  int n = 0;
  for (auto& [k, v] : store.items) n += k.find(part) != std::string::npos;
  return n;
}

}  // namespace

TEST_CASE("large records are handed over in parts, one per step, and read back whole") {
  MemoryStore store;
  store.async = true;
  Autosaver saver(store);
  saver.setPartBytes(100);
  Editor ed;
  REQUIRE(ed.load(longDocument()).ok());
  for (uint32_t i = 0; i < 60; ++i) addSpan(ed, 1, i * 11, i * 11 + 6);
  saver.begin(ed, "{\"scroll\":3}");
  int steps = 0;
  SaveProgress p = SaveProgress::Working;
  while ((p = saver.step(SIZE_MAX)) == SaveProgress::Working) ++steps;
  CHECK(p == SaveProgress::Committing);
  CHECK(store.items.empty());  // nothing stored before the commit is answered
  store.settle();
  CHECK(saver.step(0) == SaveProgress::Saved);
  const std::size_t textBytes = ed.doc(1).data().text.size();
  CHECK(steps >= static_cast<int>(textBytes / 100));  // one part per step
  CHECK(keysWith(store, "/text/") >= static_cast<int>(textBytes / 100));
  std::string ui;
  CHECK(reloaded(store, &ui) == ed.snapshot());
  CHECK(ui == "{\"scroll\":3}");

  // An edit: a new record in parts; the old one goes, every part of it; the text stays.
  store.async = false;
  const int texts = store.writesWith("/text/");
  addSpan(ed, 1, 700, 706);
  REQUIRE(saver.saveNow(ed, "") == SaveProgress::Saved);
  CHECK(store.writesWith("/text/") == texts);
  CHECK(keysWith(store, "/doc/1-1") == 0);  // the document's first record, every part
  CHECK(keysWith(store, "/doc/2-1/") > 0);
  CHECK(reloaded(store) == ed.snapshot());

  // Restored: counts as saved, parts and all; nothing is written again.
  Autosaver next(store);
  auto session = next.load();
  REQUIRE(session.ok());
  CHECK(session->textParts[1] > 1);
  CHECK(session->recordParts[1] > 1);
  Editor again;
  REQUIRE(again.load(session->workspace).ok());
  next.adopt(again, *session);
  const auto before = store.writes;
  REQUIRE(next.saveNow(again, "") == SaveProgress::Saved);
  CHECK(store.writes == before);
  CHECK(next.documentsWritten() == 0);
  // Removing the document removes every part of its record and text.
  REQUIRE(again.apply(planRemoveDocument(again, 1)).ok());
  REQUIRE(next.saveNow(again, "") == SaveProgress::Saved);
  for (auto& [k, v] : store.items) CHECK(v.find("中文") == std::string::npos);
  CHECK(reloaded(store) == again.snapshot());
}

TEST_CASE("a save stopped while parts are handed over leaves the last good save") {
  MemoryStore store;
  Autosaver saver(store);
  saver.setPartBytes(100);
  Editor ed;
  REQUIRE(ed.load(longDocument()).ok());
  REQUIRE(saver.saveNow(ed, "") == SaveProgress::Saved);
  const auto before = store.items;
  for (uint32_t i = 0; i < 30; ++i) addSpan(ed, 1, i * 11, i * 11 + 6);
  saver.begin(ed, "");
  for (int i = 0; i < 5; ++i) REQUIRE(saver.step(SIZE_MAX) == SaveProgress::Working);
  // The tab is closed here: nothing was committed, the store is as it was.
  CHECK(store.items == before);
  CHECK(reloaded(store).documents[1].annotations.spans.empty());
  // A part the store refuses fails the save and takes back what was handed over.
  store.available = false;
  SaveProgress p = SaveProgress::Working;
  while ((p = saver.step(SIZE_MAX)) == SaveProgress::Working) {
  }
  CHECK(p == SaveProgress::Failed);
  store.available = true;
  store.storageCommit();
  CHECK(store.items == before);
  CHECK(saver.saveNow(ed, "") == SaveProgress::Saved);
  CHECK(reloaded(store) == ed.snapshot());
}

TEST_CASE("a manifest with an impossible number of parts is reported and kept") {
  MemoryStore store = SavedOnce().store;  // saved in an earlier session
  std::string& manifest = store.items["autosave/v2/manifest"];
  const std::size_t at = manifest.find("\"record\":");
  REQUIRE(at != std::string::npos);
  manifest.insert(at, "\"recordParts\":0,");
  const auto before = store.items;
  auto loaded = Autosaver(store).load();
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().find("impossible number of parts") != std::string::npos);
  CHECK(store.items == before);
  manifest.replace(manifest.find("\"recordParts\":0"), 15, "\"recordParts\":2");
  loaded = Autosaver(store).load();
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().find("are missing") != std::string::npos);
}

TEST_CASE("a record's spans and relations are the bytes of the Scholion JSON writer") {
  auto dumped = [](const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  };
  std::vector<Span> spans(4);
  spans[0].id = "T1";
  spans[0].label = "Person";
  spans[0].start = 3;
  spans[0].end = 8;
  spans[0].text = "Jiang";
  spans[1] = spans[0];
  spans[1].text = "Zürich \"quoted\" \\ tab\there\nline \x01 \x7f 中文 😀";
  spans[1].note = "a note with \"quotes\"";
  spans[1].annotator = "Ana";
  spans[1].attributes = {{"Negated", "true"}, {"Ørder", "1"}};
  spans[2] = spans[0];
  spans[2].fragments = {{3, 5}, {7, 8}, {10, 12}};
  spans[2].text = "Ji an";
  spans[3].id = "T\xff bad";  // not UTF-8: replaced the same way
  for (const Span& s : spans) {
    std::string out;
    appendSpanRecord(out, s);
    CHECK(out == dumped(spanJson(s)));
  }
  Relation r;
  r.id = "R1";
  r.label = "Family";
  r.from = "T1";
  r.to = "T2";
  for (const char* note : {"", "because \"so\"\n"}) {
    r.note = note;
    std::string out;
    appendRelationRecord(out, r);
    CHECK(out == dumped(relationJson(r)));
  }
}

TEST_CASE("the rehearsal saves a tiny workspace twice and stores nothing", "[autosave]") {
  // Run before the first real save so its code is compiled (autosave_rehearsal.h); it must go
  // through begin, the record writer and the commit, and leave no store touched.
  CHECK(rehearseAutosave());
  CHECK(rehearseAutosave());  // again: nothing kept between runs
}
