// Autosave bookkeeping: what was saved, when the workspace last changed, the last failure, and
// whether this tab edits the workspace or follows another tab that does.
#pragma once

#include <cstdint>
#include <string>

namespace scholion::ui {

struct SaveState {
  uint64_t savedRevision = 0;  // Editor::revision() at the last successful save
  uint64_t seenRevision = 0;
  uint64_t jobRevision = 0;            // the revision the save under way writes
  std::string savedUi, seenUi, jobUi;  // the UI state (with a note being typed) likewise
  std::string ui;                      // this frame's UI state, in a buffer kept between frames
  double lastChangeTime = 0;
  double firstUnsavedTime = -1;  // the first change not saved yet (-1: none)
  std::string error;             // non-empty: the banner is shown
  bool once = false;             // save soon regardless of revision (ui state changes)
  double retryDelay = 10;        // seconds before retrying a failed save; doubles up to 5 min
  // The longest one frame spent saving, and in each phase of a save (benchmarks, state()): over
  // the page's life, and for the latest save alone (reset when a save begins).
  struct Cost {
    double frameMs = 0, beginMs = 0, stepMs = 0, commitMs = 0;
  };
  Cost worst, latest;
  int saves = 0;  // saves begun

  // Tabs of the same site share one workspace: one edits and saves it, the others show it
  // read-only and follow its saves. HandingOver: read-only, saving what is left before another
  // tab takes over.
  enum class Tab { Editing, HandingOver, Following };
  Tab tab = Tab::Editing;
  bool readOnly() const { return tab != Tab::Editing; }
};

}  // namespace scholion::ui
