// A student's progress on an exercise: when they started, the active time between edits, the
// checks they ran, and the exercise narrowed to their own documents once their name is known.
#include <ctime>

#include "exercise_open.h"
#include "panels.h"
#include "work_progress.h"

namespace scholion::ui {

void trackExerciseProgress(UiState& s) {
  ClassroomState& c = s.classroom;
  Editor& ed = s.editor;
  if (!ed.exercise().enabled || s.save.readOnly()) return;
  if (ed.annotator() != c.handedOutFor) {
    c.handedOutFor = ed.annotator();
    WorkspaceEdit mine = planHandOut(ed);
    if (!mine.empty() && s.applyEdit(std::move(mine))) {
      s.onActiveDocumentChanged();
      s.setMessage("Your documents for this exercise: " + std::to_string(ed.documentCount()));
    }
  }
  const uint64_t rev = ed.revision();
  if (rev == c.activityRevision) return;
  const bool first = c.activityRevision == UINT64_MAX;  // the exercise just opened or loaded
  c.activityRevision = rev;
  WorkProgress p = ed.progress();
  if (p.startedAt.empty()) p.startedAt = isoUtc(static_cast<int64_t>(std::time(nullptr)));
  if (!first) noteEdit(p, s.platform.now(), c.lastEditAt);
  ed.setProgress(std::move(p));
}

bool checkShowsMarks(const UiState& s) {
  return s.editor.exercise().feedback != Feedback::Score;
}

}  // namespace scholion::ui
