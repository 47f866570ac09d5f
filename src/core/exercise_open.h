// Opening an exercise file while work is open: the same exercise continues with the student's
// work, anything else is a choice the user makes (the UI only shows the plan).
#pragma once

#include <cstddef>
#include <string>

#include "editor.h"
#include "model.h"

namespace scholion {

// An exercise as the teacher hands it out (no name inside) or a student's own save of one (the
// open workspace's annotator inside): what opening must always treat as an exercise. Another
// student's hand-in is not (the teacher's review takes those).
bool isExerciseFile(const Workspace& in, const std::string& annotator);

// Exercises have no id in the file format: two are the same exercise when they have the same
// title and the same document texts (content hashes, in any order).
bool sameExercise(const Editor& editor, const Workspace& in);

enum class ExerciseOpening {
  Open,      // nothing would be lost: the exercise replaces the open workspace (`edit`)
  Continue,  // the same exercise is open: the student's work stays; `edit` brings only what the
             // file adds (its settings, instructions, answer key), often nothing
  Ask,       // other work is open: the user chooses to switch (planSwitchExercise) or to stay
};

struct ExerciseOpenPlan {
  ExerciseOpening kind = ExerciseOpening::Open;
  bool openIsExercise = false;  // the open workspace is an exercise (openTitle names it)
  bool sameTitle = false;       // Ask: the same exercise, but the file holds other work on it
  std::string openTitle;        // the exercise open now ("" when the open work is no exercise)
  std::string fileTitle;        // the exercise in the file
  std::size_t openSpans = 0;    // spans in the open working layers
  std::size_t fileSpans = 0;    // spans in the file's working layers (a student's own save)
  WorkspaceEdit edit;           // Open and Continue: the step to apply (may be empty)
};

// What opening the exercise file `in` (see isExerciseFile) does to the open workspace.
ExerciseOpenPlan planOpenExercise(const Editor& editor, const Workspace& in,
                                  const std::string& fileName);

// The file's exercise replaces the open workspace as one undoable step; the student's name stays
// when the file has none. With the name known, an exercise that hands out subsets opens with the
// student's own documents (exercise_handout.h); so does planOpenExercise.
WorkspaceEdit planSwitchExercise(const Editor& editor, Workspace in, const std::string& fileName);

// When the student's name is given after an exercise that hands out subsets opened with all its
// documents: the step that removes the documents that are not theirs (those without work; work
// is never removed). Empty when there is nothing to remove.
WorkspaceEdit planHandOut(const Editor& editor);

}  // namespace scholion
