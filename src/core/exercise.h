// Classroom exercises: "check my work" against the key, stripping the key, building an exercise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model.h"
#include "result.h"
#include "schema.h"

namespace scholion {

enum class CheckMark : uint8_t {
  Correct,          // matches a key span (boundaries, and label unless the scope is "spans")
  WrongLabel,       // same boundaries as a key span, other label
  WrongBoundaries,  // overlaps a key span but the boundaries differ
  Extra,            // overlaps no key span
};
const char* checkMarkName(CheckMark m);  // "correct", "wrong-label", "wrong-boundaries", "extra"

struct CheckedSpan {
  std::string spanId;  // the student's span
  CheckMark mark = CheckMark::Extra;
  uint32_t keyStart = 0, keyEnd = 0;  // paired key span (not for Extra)
  std::string keyLabel;               // paired key span's label, only when revealMissingLabels
};

struct MissingSpan {
  uint32_t start = 0, end = 0;
  std::string label;  // empty unless ExerciseInfo::revealMissingLabels
};

struct CheckedRelation {
  std::string relationId;
  bool correct = false;
};

struct CheckResult {
  CheckScope scope = CheckScope::Labels;   // the scope compared
  std::vector<CheckedSpan> spans;          // one per student span, in the student's order
  std::vector<MissingSpan> missing;        // key spans paired with no student span, by position
  std::vector<CheckedRelation> relations;  // only for scope "relations"
  std::size_t missingRelations = 0;        // key relations not found (scope "relations")
  std::size_t correct = 0;                 // correct spans (+ correct relations)
  std::size_t studentItems = 0, keyItems = 0;
  // F1-style: 2 * correct / (studentItems + keyItems); 1.0 when both are empty.
  double score = 1.0;
};

// Checks one document's layer. Works whatever allowCheck says (the caller decides whether the
// student may see it); an unknown scope is treated as "labels".
CheckResult checkWork(const ExerciseInfo& info, const AnnotationLayer& student,
                      const AnnotationLayer& key, const Schema* schema = nullptr);
// Checks the working layer of document `index` against its key; errors when the workspace is not
// an exercise, checking is not allowed, or the document has no key.
Result<CheckResult> checkDocument(const Workspace& ws, std::size_t index);

// A copy without the answer key (gold layers removed from every document); the exercise settings
// stay, with allowCheck turned off since there is nothing left to check against.
Workspace stripAnswerKey(Workspace ws);

// Builds the exercise a teacher hands out: for each document the key is the teacher's working
// layer (or, when that is empty, an existing layer named info.goldAnnotator), renamed to
// info.goldAnnotator and kept only when info.allowCheck; the working layer is emptied and other
// annotators' layers are dropped. Errors when info.goldAnnotator is empty.
Result<Workspace> makeExerciseWorkspace(const Workspace& teacher, ExerciseInfo info);

}  // namespace scholion
