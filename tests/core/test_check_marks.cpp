// "Check my work" results placed in the text order and stepping from mistake to mistake (F8).
#include <catch2/catch.hpp>

#include "check_marks.h"
#include "test_support.h"

using namespace scholion;
using namespace scholion::test;

namespace {

// S1 correct [0,5), S2 boundaries [10,18), S3 label [30,35), K4 missing [40,45), S4 extra [50,55).
std::vector<PlacedCheck> placedExample(bool reveal = false) {
  ExerciseInfo info;
  info.revealMissingLabels = reveal;
  AnnotationLayer student = studentLayer();
  std::swap(student.spans[0], student.spans[3]);  // the layer's order is not the text's
  return placeCheckResult(checkWork(info, student, keyLayer()), student);
}

}  // namespace

TEST_CASE("check results are placed in text order, missed key spans among them", "[check-marks]") {
  const std::vector<PlacedCheck> p = placedExample();
  REQUIRE(p.size() == 5);
  CHECK(p[0].kind == CheckKind::Correct);
  CHECK(p[0].spanId == "S1");
  CHECK(p[1].kind == CheckKind::WrongBoundaries);
  CHECK((p[1].start == 10 && p[1].end == 18 && p[1].keyStart == 10 && p[1].keyEnd == 20));
  CHECK(p[2].kind == CheckKind::WrongLabel);
  CHECK(p[2].label == "Person");
  CHECK(p[2].keyLabel.empty());  // the teacher did not reveal labels
  CHECK(p[3].kind == CheckKind::Missing);
  CHECK(p[3].spanId.empty());
  CHECK((p[3].start == 40 && p[3].end == 45));
  CHECK(p[3].label.empty());
  CHECK(p[4].kind == CheckKind::Extra);
  CHECK_FALSE(p[0].mistake());
  CHECK(p[4].mistake());
  const std::vector<PlacedCheck> revealed = placedExample(true);
  CHECK(revealed[3].label == "Person");
  CHECK(revealed[2].keyLabel == "Loc");
}

TEST_CASE("a span deleted since the check is left out", "[check-marks]") {
  ExerciseInfo info;
  AnnotationLayer student = studentLayer();
  CheckResult r = checkWork(info, student, keyLayer());
  student.spans.erase(student.spans.begin() + 1);  // S2
  const std::vector<PlacedCheck> p = placeCheckResult(r, student);
  CHECK(p.size() == 4);
  for (const PlacedCheck& c : p) CHECK(c.spanId != "S2");
}

TEST_CASE("stepping visits the mistakes in text order and wraps", "[check-marks]") {
  const std::vector<PlacedCheck> p = placedExample();
  // From the document start: the first mistake, not the correct span before it.
  std::size_t i = stepMistake(p, SIZE_MAX, 0, true);
  CHECK(i == 1);
  i = stepMistake(p, i, 0, true);
  CHECK(i == 2);
  i = stepMistake(p, i, 0, true);
  CHECK(i == 3);  // the missed span
  i = stepMistake(p, i, 0, true);
  CHECK(i == 4);
  CHECK(stepMistake(p, i, 0, true) == 1);   // wraps, skipping the correct span
  CHECK(stepMistake(p, 1, 0, false) == 4);  // and backwards
  // From a caret with nothing current: the next one at or after it, the previous one before it.
  CHECK(stepMistake(p, SIZE_MAX, 30, true) == 2);
  CHECK(stepMistake(p, SIZE_MAX, 31, true) == 3);
  CHECK(stepMistake(p, SIZE_MAX, 31, false) == 2);
  CHECK(stepMistake(p, SIZE_MAX, 60, true) == 1);  // past the last one: wraps
  CHECK(stepMistake(p, SIZE_MAX, 0, false) == 4);
  CHECK(stepMistake(p, 0, 0, true) == 1);  // a correct span as current: from the caret
}

TEST_CASE("no mistakes, nothing to step to", "[check-marks]") {
  ExerciseInfo info;
  const AnnotationLayer key = keyLayer();
  AnnotationLayer student = key;
  student.annotator = "";
  const std::vector<PlacedCheck> p = placeCheckResult(checkWork(info, student, key), student);
  REQUIRE(p.size() == 4);
  CHECK(stepMistake(p, SIZE_MAX, 0, true) == SIZE_MAX);
  CHECK(stepMistake({}, SIZE_MAX, 0, false) == SIZE_MAX);
}
