// Autosave of a workspace into key/value storage (IndexedDB in the browser, a data folder on the
// desktop): one record per document written only when it changed, in slices, committed together
// with the manifest that points at them, so the last good save is never damaged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "autosave_record.h"
#include "editor.h"
#include "model.h"
#include "result.h"

namespace scholion {

// Storage the platform provides. Keys given here are unprefixed; the platform adds its prefix.
// Writes and removals since the last storageCommit() take effect together or not at all (the
// browser: one IndexedDB transaction; the desktop: each write at once, the manifest last).
class KeyValueStore {
 public:
  enum class CommitState { Done, Pending, Failed };
  virtual ~KeyValueStore() = default;
  // Fails with a message for the user (disk full, storage unavailable...) when the store writes
  // at once; a store that commits later reports through storageCommitState().
  virtual Status storageSet(const std::string& key, const std::string& value) = 0;
  virtual bool storageGet(const std::string& key, std::string& value) = 0;
  virtual void storageRemove(const std::string& key) = 0;
  virtual void storageCommit() {}
  // The outcome of the last commit; `error` is set when it failed.
  virtual CommitState storageCommitState(std::string& error) {
    (void)error;
    return CommitState::Done;
  }
  // Bytes used by our keys and the quota (0 = unknown); the browser's figures are estimates.
  virtual std::size_t storageUsed() = 0;
  virtual std::size_t storageQuota() = 0;
};

struct SavedSession {
  Workspace workspace;
  std::string uiState;                              // opaque JSON of the UI; "" if none
  std::vector<std::string> recordKeys;              // per document, for Autosaver::adopt
  std::vector<std::size_t> recordParts, textParts;  // per document: how many parts each has
  uint64_t generation = 0;                          // of the manifest read
};

// Where a save is.
enum class SaveProgress {
  Idle,        // nothing started
  Working,     // records are being written or handed over: call step() again (next frame)
  Committing,  // handed to the store, waiting for its answer
  Saved,       // the workspace as it was at begin() is stored
  Restart,     // a document changed while its record was written: begin() again later
  Failed,      // the store refused; error() says why; the last good save is intact
};

class Autosaver {
 public:
  explicit Autosaver(KeyValueStore& store);
  ~Autosaver();

  // Starts saving what changed since the last successful save: the documents whose state
  // changed, the manifest if the workspace did, and the UI state if it did.
  void begin(const Editor& editor, const std::string& uiState);
  // Writes up to `items` spans/relations of records, or hands one part of a finished record or
  // text to the store; after the last part, commits; see SaveProgress.
  SaveProgress step(std::size_t items);
  bool busy() const;
  const std::string& error() const { return error_; }
  // begin() and step() until the store has the save or refuses it (Committing on a store that
  // answers later). For tests, the desktop, and flushing when the page goes away.
  SaveProgress saveNow(const Editor& editor, const std::string& uiState);
  // Documents written by the last successful save (what the incremental saving skipped is not).
  std::size_t documentsWritten() const { return lastWritten_; }
  // Finished records and texts go to the store in parts of about this many bytes, one part per
  // step (64 KiB: one part costs the page about a millisecond; tests use smaller parts).
  void setPartBytes(std::size_t bytes) { partBytes_ = bytes; }

  // The last good save, migrated from older layouts; an error if none or unreadable (an
  // unreadable save is kept, not deleted, so nothing is lost).
  Result<SavedSession> load();
  // After editor.load(session.workspace): its documents count as saved under their records.
  void adopt(const Editor& editor, const SavedSession& session);
  bool hasSave();
  void clear();  // the UI asks for confirmation first

 private:
  struct Job;
  struct SavedDoc {
    std::shared_ptr<const DocumentState> state;
    uint64_t revision = 0;
    std::string recordKey, textKey;
    std::size_t recordParts = 0, textParts = 0;  // 0: not known until the record is written
  };
  void queueParts();
  SaveProgress commit();
  SaveProgress finish();
  SaveProgress failJob(const std::string& error);
  KeyValueStore& store_;
  std::unique_ptr<Job> job_;
  std::vector<SavedDoc> saved_;  // the documents the stored manifest points at
  std::string savedManifest_, savedUi_;
  uint64_t generation_ = 0;
  bool legacy_ = false;  // the older single-key save exists: removed by the next save
  std::string error_;
  std::size_t lastWritten_ = 0;
  std::size_t partBytes_ = 64 * 1024;
};

}  // namespace scholion
