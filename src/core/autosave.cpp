// Autosave: the workspace as Scholion JSON under a versioned key, UI state beside it.
#include "autosave.h"

#include "scholion_json.h"

namespace scholion {
namespace {

// The key names carry the autosave layout version. When the layout changes, the new loader
// reads the older keys through migrate() and rewrites them under the new names.
constexpr const char* kWorkspaceKey = "autosave/v1/workspace";
constexpr const char* kUiKey = "autosave/v1/ui";

}  // namespace

Status Autosaver::save(const Workspace& ws, const std::string& uiState) {
  // One setItem per key is atomic in the browser and a rename natively: a failure (quota)
  // leaves the previous value in place, so the last good save is never half-written.
  const std::string json = writeScholionJson(ws);
  Status st = store_.storageSet(kWorkspaceKey, json);
  if (!st) return st;
  return store_.storageSet(kUiKey, uiState);
}

bool Autosaver::hasSave() {
  std::string value;
  return store_.storageGet(kWorkspaceKey, value);
}

Result<SavedSession> Autosaver::load() {
  std::string json;
  if (!store_.storageGet(kWorkspaceKey, json)) return fail("No saved workspace.");
  // Older Scholion JSON versions are migrated by the format reader itself.
  Result<Workspace> ws = parseScholionJson(json);
  if (!ws) {
    return fail("The saved workspace could not be read (it is kept, not deleted): " + ws.error());
  }
  SavedSession session;
  session.workspace = std::move(ws.value());
  if (!store_.storageGet(kUiKey, session.uiState)) session.uiState.clear();
  return session;
}

void Autosaver::clear() {
  store_.storageRemove(kWorkspaceKey);
  store_.storageRemove(kUiKey);
}

}  // namespace scholion
