// Autosave bookkeeping: what was saved, when the workspace last changed, the last failure.
#pragma once

#include <cstdint>
#include <string>

namespace scholion::ui {

struct SaveState {
  uint64_t savedRevision = 0;  // Editor::revision() at the last successful save
  uint64_t seenRevision = 0;
  double lastChangeTime = 0;
  std::string error;       // non-empty: the banner is shown
  bool once = false;       // save soon regardless of revision (ui state changes)
  double retryDelay = 10;  // seconds before retrying a failed save; doubles up to 5 min
};

}  // namespace scholion::ui
