// Tests for opening an exercise file while work is open: the same exercise continues with the
// student's work, another one (or other work) asks, switching is one undoable step.
#include <catch2/catch.hpp>

#include "editor.h"
#include "exercise.h"
#include "exercise_open.h"
#include "test_support.h"

using namespace scholion;
using namespace scholion::test;

namespace {

const std::string kA = "Jiang Zemin met Vladimir Putin in Beijing.";
const std::string kB = "Kofi Annan spoke in New York.";

// An exercise as handed out: one document of `text`, the key (Person [0,11)), no name inside.
Workspace exerciseFile(const std::string& title, const std::string& text) {
  Workspace ws;
  ws.schema = newsSchema();
  ws.schema.instructions = "Mark every person.";
  ws.exercise.enabled = true;
  ws.exercise.title = title;
  ws.exercise.allowCheck = true;
  DocumentData d = plainDocument("d", text);
  AnnotationLayer key;
  key.annotator = "gold";
  key.spans.push_back(span("K1", "Person", 0, 11, text.substr(0, 11)));
  d.others.push_back(key);
  ws.documents.push_back(d);
  return ws;
}

// A student named Sam who opened `ex` and labelled "Jiang" as a Person.
Editor studentIn(const Workspace& ex, bool labelled = true) {
  Workspace ws = ex;
  ws.annotator = "Sam";
  if (labelled)
    ws.documents[0].annotations.spans.push_back(
        span("T1", "Person", 0, 5, ws.documents[0].text.substr(0, 5)));
  Editor ed;
  REQUIRE(ed.load(ws).ok());
  return ed;
}

}  // namespace

TEST_CASE("exercise files: handed out or the student's own save, never another's hand-in",
          "[exercise-open]") {
  Workspace ex = exerciseFile("NER 1", kA);
  CHECK(isExerciseFile(ex, "Sam"));
  ex.annotator = "Sam";
  CHECK(isExerciseFile(ex, "Sam"));
  CHECK_FALSE(isExerciseFile(ex, "Kim"));  // Sam's hand-in, opened by someone else
  ex.annotator.clear();
  ex.exercise.enabled = false;
  CHECK_FALSE(isExerciseFile(ex, "Sam"));
}

TEST_CASE("nothing to lose: the exercise opens, the student's name stays", "[exercise-open]") {
  Editor ed;
  Workspace plain;
  plain.annotator = "Sam";
  plain.documents.push_back(plainDocument("a", kB));
  REQUIRE(ed.load(plain).ok());
  ExerciseOpenPlan p = planOpenExercise(ed, exerciseFile("NER 1", kA), "ner.json");
  CHECK(p.kind == ExerciseOpening::Open);
  REQUIRE(ed.apply(std::move(p.edit)).ok());
  CHECK(ed.exercise().title == "NER 1");
  CHECK(ed.annotator() == "Sam");
  // An exercise whose only layer is its key has nothing to lose either.
  ExerciseOpenPlan q = planOpenExercise(ed, exerciseFile("NER 2", kB), "ner2.json");
  CHECK(q.kind == ExerciseOpening::Open);
}

TEST_CASE("the same exercise again keeps the student's work", "[exercise-open]") {
  const Workspace ex = exerciseFile("NER 1", kA);
  Editor ed = studentIn(ex);
  ExerciseOpenPlan p = planOpenExercise(ed, ex, "ner.json");
  CHECK(p.kind == ExerciseOpening::Continue);
  CHECK(p.edit.empty());  // nothing to bring: the exercise is open as it was handed out
  // The student's own save of it (same work, their name) continues too.
  Workspace save = ed.snapshot();
  CHECK(planOpenExercise(ed, save, "save.json").kind == ExerciseOpening::Continue);
}

TEST_CASE("continuing after a reopened hand-in brings the key and checking back",
          "[exercise-open]") {
  const Workspace ex = exerciseFile("NER 1", kA);
  Editor ed = studentIn(ex);
  Workspace handIn = stripAnswerKey(ed.snapshot());
  Editor reopened;
  REQUIRE(reopened.load(handIn).ok());
  CHECK_FALSE(reopened.exercise().allowCheck);
  CHECK_FALSE(checkDocument(reopened.snapshot(), 0).ok());
  ExerciseOpenPlan p = planOpenExercise(reopened, ex, "ner.json");
  REQUIRE(p.kind == ExerciseOpening::Continue);
  REQUIRE(reopened.apply(std::move(p.edit)).ok());
  CHECK(reopened.exercise().allowCheck);
  REQUIRE(reopened.doc(0).data().annotations.spans.size() == 1);  // the work stays
  Result<CheckResult> r = checkDocument(reopened.snapshot(), 0);
  REQUIRE(r.ok());
  CHECK(r->keyItems == 1);
  REQUIRE(reopened.undo().ok());  // one step
  CHECK_FALSE(reopened.exercise().allowCheck);
}

TEST_CASE("another exercise asks, naming both; switching is one undoable step", "[exercise-open]") {
  Editor ed = studentIn(exerciseFile("NER 1", kA));
  ExerciseOpenPlan p = planOpenExercise(ed, exerciseFile("NER 2", kB), "ner2.json");
  CHECK(p.kind == ExerciseOpening::Ask);
  CHECK(p.edit.empty());
  CHECK(p.openIsExercise);
  CHECK_FALSE(p.sameTitle);
  CHECK(p.openTitle == "NER 1");
  CHECK(p.fileTitle == "NER 2");
  CHECK(p.openSpans == 1);
  REQUIRE(ed.apply(planSwitchExercise(ed, exerciseFile("NER 2", kB), "ner2.json")).ok());
  CHECK(ed.exercise().title == "NER 2");
  CHECK(ed.annotator() == "Sam");
  CHECK(ed.doc(0).data().annotations.spans.empty());
  REQUIRE(ed.undo().ok());
  CHECK(ed.exercise().title == "NER 1");
  CHECK(ed.doc(0).data().annotations.spans.size() == 1);
}

TEST_CASE("the same title with other texts, or other saved work, is not the same exercise",
          "[exercise-open]") {
  Editor ed = studentIn(exerciseFile("NER 1", kA));
  CHECK(planOpenExercise(ed, exerciseFile("NER 1", kB), "x.json").kind == ExerciseOpening::Ask);
  Workspace otherSave = ed.snapshot();
  otherSave.documents[0].annotations.spans.clear();
  otherSave.documents[0].annotations.spans.push_back(span("T9", "GPE", 35, 42, "Beijing"));
  ExerciseOpenPlan p = planOpenExercise(ed, otherSave, "old.json");
  CHECK(p.kind == ExerciseOpening::Ask);
  CHECK(p.sameTitle);
  CHECK(p.fileSpans == 1);
}

TEST_CASE("work outside any exercise is never replaced without asking", "[exercise-open]") {
  Workspace plain;
  plain.schema = newsSchema();
  plain.annotator = "Sam";
  DocumentData d = plainDocument("a", kA);
  d.annotations.spans.push_back(span("T1", "Person", 0, 5, "Jiang"));
  plain.documents.push_back(d);
  Editor ed;
  REQUIRE(ed.load(plain).ok());
  ExerciseOpenPlan p = planOpenExercise(ed, exerciseFile("NER 1", kA), "ner.json");
  CHECK(p.kind == ExerciseOpening::Ask);
  CHECK_FALSE(p.openIsExercise);
  CHECK(p.openTitle.empty());
}
