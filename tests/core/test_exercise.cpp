// "Check my work" marks, scopes, score; stripping the key; building an exercise workspace.
#include <catch2/catch.hpp>

#include "exercise.h"
#include "test_support.h"

using namespace scholion;
using namespace scholion::test;
using Approx = Catch::Detail::Approx;

TEST_CASE("check: scope 'labels' marks each span and hides missing labels", "[exercise]") {
  ExerciseInfo info;
  info.checkScope = CheckScope::Labels;
  CheckResult r = checkWork(info, studentLayer(), keyLayer());
  CHECK(r.scope == CheckScope::Labels);
  REQUIRE(r.spans.size() == 4);
  CHECK(r.spans[0].mark == CheckMark::Correct);
  CHECK(r.spans[1].mark == CheckMark::WrongBoundaries);
  CHECK(r.spans[1].keyStart == 10);
  CHECK(r.spans[1].keyEnd == 20);
  CHECK(r.spans[2].mark == CheckMark::WrongLabel);
  CHECK(r.spans[2].keyLabel.empty());  // not revealed
  CHECK(r.spans[3].mark == CheckMark::Extra);
  CHECK(std::string(checkMarkName(r.spans[2].mark)) == "wrong-label");
  REQUIRE(r.missing.size() == 1);  // K4
  CHECK(r.missing[0].start == 40);
  CHECK(r.missing[0].label.empty());
  // Score: 2 * correct / (student spans + key spans) = 2 * 1 / 8.
  CHECK(r.correct == 1);
  CHECK(r.score == Approx(0.25));
}

TEST_CASE("check: revealing labels, scope 'spans', unknown scope", "[exercise]") {
  ExerciseInfo info;
  info.revealMissingLabels = true;
  CheckResult r = checkWork(info, studentLayer(), keyLayer());
  CHECK(r.missing[0].label == "Person");
  CHECK(r.spans[2].keyLabel == "Loc");
  info.checkScope = CheckScope::Spans;
  CheckResult s = checkWork(info, studentLayer(), keyLayer());
  // Labels ignored: S3 is correct. Score 2 * 2 / 8.
  CHECK(s.spans[0].mark == CheckMark::Correct);
  CHECK(s.spans[1].mark == CheckMark::WrongBoundaries);
  CHECK(s.spans[2].mark == CheckMark::Correct);
  CHECK(s.spans[3].mark == CheckMark::Extra);
  CHECK(s.score == Approx(0.5));
  CHECK_FALSE(checkScopeFromName("everything"));
  CHECK(checkScopeFromName("relations") == CheckScope::Relations);
  CHECK(std::string(checkScopeName(CheckScope::Spans)) == "spans");
}

TEST_CASE("check: scope 'relations' counts relations too", "[exercise]") {
  ExerciseInfo info;
  info.checkScope = CheckScope::Relations;
  AnnotationLayer k = keyLayer(), s = studentLayer();
  k.relations = {rel("R1", "employs", "K2", "K1"), rel("R2", "employs", "K2", "K4")};
  s.relations = {rel("Ra", "employs", "S2", "S1"),   // S2 is not a correct span: wrong
                 rel("Rb", "employs", "S1", "S1")};  // no such key relation
  CheckResult r = checkWork(info, s, k);
  REQUIRE(r.relations.size() == 2);
  CHECK_FALSE(r.relations[0].correct);
  CHECK_FALSE(r.relations[1].correct);
  CHECK(r.missingRelations == 2);
  // Fix S2's boundaries: Ra becomes correct. Items: 4 spans + 2 relations on each side;
  // correct: S1, S2, Ra = 3; score = 6 / 12.
  s.spans[1].end = 20;
  CheckResult f = checkWork(info, s, k);
  CHECK(f.relations[0].correct);
  CHECK(f.missingRelations == 1);
  CHECK(f.correct == 3);
  CHECK(f.score == Approx(0.5));
}

TEST_CASE("check: empty layers and duplicates", "[exercise]") {
  ExerciseInfo info;
  CheckResult e = checkWork(info, AnnotationLayer{}, AnnotationLayer{});
  CHECK(e.score == 1.0);
  CHECK(e.spans.empty());
  CheckResult none = checkWork(info, AnnotationLayer{}, keyLayer());
  CHECK(none.score == 0.0);
  CHECK(none.missing.size() == 4);
  CHECK(none.missing[0].start == 0);  // by position
  AnnotationLayer dup;
  dup.spans = {span("A", "Person", 0, 5), span("B", "Person", 0, 5)};
  CheckResult d = checkWork(info, dup, keyLayer());
  CHECK(d.spans[0].mark == CheckMark::Correct);
  CHECK(d.spans[1].mark == CheckMark::Extra);  // the key span is already taken
}

TEST_CASE("exercise workspaces: check permission, stripping, building", "[exercise]") {
  Workspace teacher;
  teacher.annotator = "teacher";
  DocumentData d;
  d.id = "d1";
  d.name = "story";
  d.text = "some text";
  d.sha256 = "abc";
  d.annotations = keyLayer();
  d.annotations.annotator = "teacher";
  AnnotationLayer other;
  other.annotator = "someone";
  other.spans = {span("X", "Person", 0, 2)};
  d.others = {other};
  teacher.documents = {d};

  ExerciseInfo info;
  info.title = "NER 1";
  info.allowCheck = true;
  Result<Workspace> ex = makeExerciseWorkspace(teacher, info);
  REQUIRE(ex.ok());
  CHECK(ex->exercise.enabled);
  CHECK(ex->exercise.title == "NER 1");
  REQUIRE(ex->documents.size() == 1);
  CHECK(ex->documents[0].annotations.spans.empty());
  REQUIRE(ex->documents[0].others.size() == 1);  // the key only
  CHECK(ex->documents[0].others[0].annotator == "gold");
  CHECK(ex->documents[0].others[0].spans.size() == 4);

  // The student checks a document.
  Workspace stu = ex.value();
  stu.documents[0].annotations = studentLayer();
  Result<CheckResult> c = checkDocument(stu, 0);
  REQUIRE(c.ok());
  CHECK(c->score == Approx(0.25));
  CHECK_FALSE(checkDocument(stu, 3).ok());

  // Without permission, or without a key, checking is refused with a message.
  Workspace noCheck = stu;
  noCheck.exercise.allowCheck = false;
  CHECK(checkDocument(noCheck, 0).error().find("not allowed") != std::string::npos);
  Workspace stripped = stripAnswerKey(stu);
  CHECK(stripped.documents[0].others.empty());
  CHECK(stripped.documents[0].annotations == stu.documents[0].annotations);
  CHECK_FALSE(stripped.exercise.allowCheck);
  stripped.exercise.allowCheck = true;
  CHECK(checkDocument(stripped, 0).error().find("no answer key") != std::string::npos);
  CHECK_FALSE(checkDocument(teacher, 0).ok());  // not an exercise

  // An exercise without checking carries no key; an empty key name is refused.
  info.allowCheck = false;
  CHECK(makeExerciseWorkspace(teacher, info)->documents[0].others.empty());
  info.goldAnnotator = "";
  CHECK_FALSE(makeExerciseWorkspace(teacher, info).ok());
  // A teacher whose working layer is empty but who has a gold layer: that layer is the key.
  Workspace t2 = teacher;
  t2.documents[0].annotations = AnnotationLayer{};
  AnnotationLayer gold = keyLayer();
  gold.spans.pop_back();
  t2.documents[0].others.push_back(gold);
  ExerciseInfo info2;
  info2.allowCheck = true;
  CHECK(makeExerciseWorkspace(t2, info2)->documents[0].others[0].spans.size() == 3);
}
