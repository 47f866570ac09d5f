// Autosave of a workspace into key/value storage (browser localStorage or a desktop data folder):
// key names, format version, migration, and never corrupting the last good save.
#pragma once

#include <cstddef>
#include <string>

#include "model.h"
#include "result.h"

namespace scholion {

// Storage the platform provides. Keys given here are unprefixed; the platform adds its prefix.
class KeyValueStore {
 public:
  virtual ~KeyValueStore() = default;
  // Fails with a message for the user (quota exceeded, storage unavailable...).
  virtual Status storageSet(const std::string& key, const std::string& value) = 0;
  virtual bool storageGet(const std::string& key, std::string& value) = 0;
  virtual void storageRemove(const std::string& key) = 0;
  // Units used by our keys (UTF-16 code units on the web, bytes on desktop) and the quota (0 =
  // unknown).
  virtual std::size_t storageUsed() = 0;
  virtual std::size_t storageQuota() = 0;
};

struct SavedSession {
  Workspace workspace;
  std::string uiState;  // opaque JSON of the UI (scroll positions, panels); "" if none
};

class Autosaver {
 public:
  explicit Autosaver(KeyValueStore& store) : store_(store) {}
  // Writes the workspace; on failure the previous good save stays intact.
  Status save(const Workspace& ws, const std::string& uiState);
  // The last good save, migrated from older versions; an error if none or unreadable
  // (an unreadable save is kept, not deleted, so nothing is lost).
  Result<SavedSession> load();
  bool hasSave();
  void clear();  // the UI asks for confirmation first

 private:
  KeyValueStore& store_;
};

}  // namespace scholion
