// Rehearsals after start-up: the save path and the suggestion pipeline run once on tiny data.
//
// A browser compiles wasm functions when they are first called: the first real save spent
// 5-10 ms more in its first frame than later saves, and the first suggestions after an edit
// likewise. Shortly after start-up, in frames of their own (100 ms apart, after the first frame
// is on screen), each runs once on data of a few words, so that cost is paid where no one waits.
#include "autosave_rehearsal.h"
#include "suggest_rehearsal.h"
#include "ui_state.h"

namespace scholion::ui {

void UiState::rehearseTick() {
  if (rehearsal.done >= 2) return;
  const double now = platform.now();
  if (rehearsal.at < 0) rehearsal.at = now + 0.1;
  if (now < rehearsal.at) return frameAt(rehearsal.at);
  if (rehearsal.done == 0) {
    rehearseAutosave();
    rehearsal.saveMs = (platform.now() - now) * 1000.0;
  } else {
    rehearseSuggestions();
    rehearsal.suggestMs = (platform.now() - now) * 1000.0;
  }
  ++rehearsal.done;
  rehearsal.at = platform.now() + 0.1;
  frameAt(rehearsal.at);
}

}  // namespace scholion::ui
