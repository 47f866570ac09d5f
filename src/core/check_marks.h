// "Check my work" results placed in the text: every student span's mark and every missed key
// span, in text order, for the marks drawn on the text and for stepping from mistake to mistake.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "exercise.h"
#include "model.h"

namespace scholion {

// A CheckMark of a student's span, or a key span the student missed.
enum class CheckKind : uint8_t { Correct, WrongLabel, WrongBoundaries, Extra, Missing };
inline constexpr std::size_t kCheckKinds = 5;
CheckKind checkKindOf(CheckMark mark);

struct PlacedCheck {
  CheckKind kind = CheckKind::Correct;
  std::string spanId;                 // the student's span (empty for Missing)
  uint32_t start = 0, end = 0;        // the student's span, or the missed key span
  uint32_t keyStart = 0, keyEnd = 0;  // the paired key span (WrongLabel, WrongBoundaries)
  std::string label;                  // the student's label; a missed span's label when revealed
  std::string keyLabel;               // the paired key span's label, when revealed
  bool mistake() const { return kind != CheckKind::Correct; }
};

// The result placed on `student` (the layer that was checked), sorted by start, then end.
// Student spans the layer no longer has are left out.
std::vector<PlacedCheck> placeCheckResult(const CheckResult& result,
                                          const AnnotationLayer& student);

// The mistake to step to: after `current` (an index into `placed`), or, when `current` is not a
// mistake index, the first one starting at or after `caret` (forward) or before it (backward).
// Wraps around the document; SIZE_MAX when there is no mistake.
std::size_t stepMistake(const std::vector<PlacedCheck>& placed, std::size_t current, uint32_t caret,
                        bool forward);

}  // namespace scholion
