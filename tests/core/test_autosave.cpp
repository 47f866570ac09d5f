// Autosave: round trip through a key/value store, quota failures keep the last good save.
#include <catch2/catch.hpp>
#include <map>

#include "autosave.h"
#include "text.h"

using namespace scholion;

namespace {

// An in-memory store with a quota in bytes, like localStorage's.
class MemoryStore : public KeyValueStore {
 public:
  std::size_t quota = 1u << 30;
  bool available = true;
  std::map<std::string, std::string> items;
  Status storageSet(const std::string& key, const std::string& value) override {
    if (!available) return fail("storage unavailable");
    std::size_t used = 0;
    for (auto& [k, v] : items)
      if (k != key) used += k.size() + v.size();
    if (used + key.size() + value.size() > quota) return fail("quota exceeded");
    items[key] = value;
    return okStatus();
  }
  bool storageGet(const std::string& key, std::string& value) override {
    auto it = items.find(key);
    if (!available || it == items.end()) return false;
    value = it->second;
    return true;
  }
  void storageRemove(const std::string& key) override { items.erase(key); }
  std::size_t storageUsed() override {
    std::size_t used = 0;
    for (auto& [k, v] : items) used += k.size() + v.size();
    return used;
  }
  std::size_t storageQuota() override { return quota; }
};

Workspace smallWorkspace(const std::string& text) {
  Workspace ws;
  ws.annotator = "Ana";
  SpanLabel person;
  person.name = "Person";
  person.color = "#3366cc";
  ws.schema.spanLabels.push_back(person);
  DocumentData d;
  d.id = "d1";
  d.name = "story.txt";
  d.text = text;
  d.sha256 = sha256Hex(text);
  Span s;
  s.id = "T1";
  s.label = "Person";
  s.start = 0;
  s.end = 5;
  s.text = "Jiang";
  s.annotator = "Ana";
  d.annotations.annotator = "Ana";
  d.annotations.spans.push_back(s);
  ws.documents.push_back(d);
  return ws;
}

}  // namespace

TEST_CASE("autosave round-trips the workspace and the UI state") {
  MemoryStore store;
  Autosaver saver(store);
  CHECK_FALSE(saver.hasSave());
  CHECK_FALSE(saver.load().ok());
  const Workspace ws = smallWorkspace("Jiang Zemin met Putin\u00a0in Beijing.");
  REQUIRE(saver.save(ws, "{\"scroll\":12}").ok());
  CHECK(saver.hasSave());
  auto loaded = saver.load();
  REQUIRE(loaded.ok());
  CHECK(loaded->workspace == ws);
  CHECK(loaded->uiState == "{\"scroll\":12}");
}

TEST_CASE("a save that does not fit reports it and keeps the last good save") {
  MemoryStore store;
  Autosaver saver(store);
  const Workspace first = smallWorkspace("Jiang Zemin met Putin.");
  REQUIRE(saver.save(first, "").ok());
  store.quota = store.storageUsed() + 10;  // the next, larger save cannot fit
  Workspace bigger =
      smallWorkspace(std::string("Jiang Zemin met Putin. ") + std::string(5000, 'x'));
  const Status st = saver.save(bigger, "");
  CHECK_FALSE(st.ok());
  CHECK(st.error() == "quota exceeded");
  auto loaded = saver.load();
  REQUIRE(loaded.ok());
  CHECK(loaded->workspace == first);
}

TEST_CASE("unavailable storage is reported, and clear() removes the save") {
  MemoryStore store;
  Autosaver saver(store);
  REQUIRE(saver.save(smallWorkspace("Jiang Zemin"), "").ok());
  store.available = false;
  CHECK(saver.save(smallWorkspace("Jiang Zemin"), "").error() == "storage unavailable");
  store.available = true;
  saver.clear();
  CHECK_FALSE(saver.hasSave());
}

TEST_CASE("an unreadable save is reported and kept, not deleted") {
  MemoryStore store;
  Autosaver saver(store);
  REQUIRE(saver.save(smallWorkspace("Jiang Zemin"), "").ok());
  for (auto& [k, v] : store.items)
    if (k.find("workspace") != std::string::npos) v = v.substr(0, v.size() / 2);
  auto loaded = saver.load();
  CHECK_FALSE(loaded.ok());
  CHECK(loaded.error().find("kept") != std::string::npos);
  CHECK(saver.hasSave());
}
