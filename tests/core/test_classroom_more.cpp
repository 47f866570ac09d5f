// The classroom's second pass: documents handed out per student, feedback modes in the file,
// time on task, and error profiles in grades, the CSV and the review's data.
#include <catch2/catch.hpp>
#include <set>

#include "editor.h"
#include "error_profile.h"
#include "exercise_handout.h"
#include "exercise_open.h"
#include "grades_csv.h"
#include "grading.h"
#include "scholion_json.h"
#include "test_support.h"
#include "work_progress.h"

using namespace scholion;
using namespace scholion::test;

namespace {

// An exercise of `n` documents handing `per` to each student, the first `shared` to everyone.
Workspace handoutExercise(std::size_t n, uint32_t per, uint32_t shared) {
  Workspace ws;
  ws.schema = newsSchema();
  ws.exercise.enabled = true;
  ws.exercise.title = "Subsets";
  ws.exercise.documentsPerStudent = per;
  ws.exercise.sharedDocuments = shared;
  for (std::size_t i = 0; i < n; ++i)
    ws.documents.push_back(
        plainDocument("d" + std::to_string(i), "Text number " + std::to_string(i) + "."));
  return ws;
}

std::vector<std::size_t> indices(const std::vector<bool>& mask) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < mask.size(); ++i)
    if (mask[i]) out.push_back(i);
  return out;
}

}  // namespace

TEST_CASE("subsets: deterministic, sized, shared first, spread over students", "[handout]") {
  const Workspace ex = handoutExercise(10, 4, 2);
  const std::vector<std::size_t> sam = indices(assignedMask(ex, "Sam"));
  REQUIRE(sam.size() == 4);
  CHECK(sam[0] == 0);
  CHECK(sam[1] == 1);  // the shared documents come first, for everyone
  CHECK(indices(assignedMask(ex, "  Sam ")) == sam);  // the same name, spaces aside
  CHECK(indices(assignedMask(ex, "Sam")) == sam);     // the same every time
  // Over many names, every non-shared document is handed out, and not to everyone.
  std::vector<int> times(10, 0);
  std::set<std::vector<std::size_t>> different;
  for (int k = 0; k < 60; ++k) {
    const std::vector<std::size_t> got = indices(assignedMask(ex, "student " + std::to_string(k)));
    REQUIRE(got.size() == 4);
    different.insert(got);
    for (std::size_t i : got) ++times[i];
  }
  CHECK(times[0] == 60);
  CHECK(times[1] == 60);
  for (std::size_t i = 2; i < 10; ++i) {
    CHECK(times[i] > 0);
    CHECK(times[i] < 60);
  }
  CHECK(different.size() > 10);
  // All of them when the exercise does not hand out subsets.
  CHECK(indices(assignedMask(handoutExercise(3, 0, 0), "Sam")).size() == 3);
  CHECK(indices(assignedMask(handoutExercise(3, 3, 1), "Sam")).size() == 3);
  // More shared than handed out: everyone gets the first `per`.
  CHECK(indices(assignedMask(handoutExercise(5, 2, 4), "Sam")) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("subsets: opening with a name, or naming oneself after opening", "[handout]") {
  const Workspace ex = handoutExercise(6, 3, 1);
  const std::vector<std::size_t> mine = indices(assignedMask(ex, "Ana"));
  // Known name: the plan opens only Ana's documents.
  Editor named;
  named.setAnnotator("Ana");
  ExerciseOpenPlan plan = planOpenExercise(named, ex, "subsets.exercise.scholion.json");
  REQUIRE(plan.kind == ExerciseOpening::Open);
  REQUIRE(named.apply(std::move(plan.edit)));
  REQUIRE(named.documentCount() == 3);
  for (std::size_t k = 0; k < 3; ++k) CHECK(named.doc(k).data().id == ex.documents[mine[k]].id);
  // Opening the same file again continues (the same exercise, Ana's documents).
  CHECK(planOpenExercise(named, ex, "again").kind == ExerciseOpening::Continue);
  // No name yet: everything opens; the name given later keeps only Ana's, except work.
  Editor unnamed;
  REQUIRE(unnamed.apply(planOpenExercise(unnamed, ex, "f").edit));
  REQUIRE(unnamed.documentCount() == 6);
  CHECK(planHandOut(unnamed).empty());  // no name, nothing to narrow
  std::size_t notMine = 0;
  while (std::find(mine.begin(), mine.end(), notMine) != mine.end()) ++notMine;
  auto cmd = cmdAddSpan(unnamed.doc(notMine), unnamed.schema(), "Person", 0, 4, "");
  REQUIRE(cmd);
  REQUIRE(unnamed.apply(notMine, std::move(*cmd)));
  unnamed.setAnnotator("Ana");
  WorkspaceEdit narrow = planHandOut(unnamed);
  REQUIRE(unnamed.apply(std::move(narrow)));
  CHECK(unnamed.documentCount() == 4);  // Ana's three and the one with work
  CHECK(planHandOut(unnamed).empty());
  REQUIRE(unnamed.undo());
  CHECK(unnamed.documentCount() == 6);
}

TEST_CASE("feedback modes, subsets and progress survive the file", "[handout]") {
  Workspace ws = handoutExercise(4, 2, 1);
  ws.exercise.allowCheck = true;
  ws.exercise.feedback = Feedback::KeyAfterHandIn;
  ws.progress.startedAt = "2026-12-07T09:15:02Z";
  ws.progress.activeSeconds = 754.5;
  ws.progress.checks = 3;
  ws.progress.handedIn = true;
  ws.documents[0].others.emplace_back();  // a hand-in loaded for review keeps the progress
  ws.documents[0].others.back().annotator = "Sam";
  ws.documents[0].others.back().spans.push_back(span("S1", "Person", 0, 4, "Text"));
  ws.documents[0].others.back().progress = ws.progress;
  auto back = parseScholionJson(writeScholionJson(ws));
  INFO((back.ok() ? std::string() : back.error()));
  REQUIRE(back.ok());
  CHECK(back->exercise == ws.exercise);
  CHECK(back->progress == ws.progress);
  CHECK(back->documents[0].others[0].progress == ws.progress);
  // "none" is checking off; an older file without "feedback" shows marks.
  auto none = parseScholionJson(
      R"({"format":"scholion","version":1,"exercise":{"enabled":true,"allowCheck":true,)"
      R"("feedback":"none"},"documents":[]})");
  REQUIRE(none.ok());
  CHECK_FALSE(none->exercise.allowCheck);
  auto old = parseScholionJson(
      R"({"format":"scholion","version":1,"exercise":{"enabled":true,"allowCheck":true},)"
      R"("documents":[]})");
  REQUIRE(old.ok());
  CHECK(old->exercise.feedback == Feedback::Marks);
  // Bad values are named with their place.
  auto bad = parseScholionJson(
      R"({"format":"scholion","version":1,"exercise":{"feedback":"sometimes",)"
      R"("documentsPerStudent":-2},"progress":{"activeSeconds":"long"},"documents":[]})");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("/exercise/feedback") != std::string::npos);
  CHECK(bad.error().find("/exercise/documentsPerStudent") != std::string::npos);
  CHECK(bad.error().find("/progress/activeSeconds") != std::string::npos);
}

TEST_CASE("time on task: pauses over two minutes do not count", "[progress]") {
  WorkProgress p;
  double last = -1;
  noteEdit(p, 100, last);  // the first edit starts the clock
  CHECK(p.activeSeconds == 0);
  noteEdit(p, 130, last);
  noteEdit(p, 190, last);
  CHECK(p.activeSeconds == 90);
  noteEdit(p, 190 + kActiveGapSeconds + 1, last);  // back from a break: not counted
  CHECK(p.activeSeconds == 90);
  noteEdit(p, 190 + kActiveGapSeconds + 11, last);
  CHECK(p.activeSeconds == 100);
  CHECK(isoUtc(0) == "1970-01-01T00:00:00Z");
  CHECK(isoUtc(951782400) == "2000-02-29T00:00:00Z");
  CHECK(isoUtc(1796634902) == "2026-12-07T09:15:02Z");
  CHECK(minutesText(59) == "0 min");
  CHECK(minutesText(754.5) == "12 min");
  CHECK(minutesText(3900) == "1 h 05 min");
}

TEST_CASE("error profile: confusions and boundary mistakes", "[grading]") {
  AnnotationLayer key = keyLayer(), student = studentLayer("Sam");
  // Against the key: S2 Org[10,18) inside K2 Org[10,20) is too short; S3 Person on K3 Loc is a
  // confusion Loc -> Person; add one too long and one shifted.
  student.spans.push_back(span("S5", "Person", 38, 46));  // covers K4 [40,45): too long
  key.spans.push_back(span("K5", "Org", 60, 70));
  student.spans.push_back(span("S6", "Loc", 65, 75));  // shifted, and Org -> Loc
  GradeReport r = gradeLayer(key, student);
  CHECK(r.errors.tooShort == 1);
  CHECK(r.errors.tooLong == 1);
  CHECK(r.errors.shifted == 1);
  CHECK(r.errors.confusions.size() == 2);
  CHECK(r.errors.confusions.at({"Loc", "Person"}) == 1);
  CHECK(r.errors.confusions.at({"Org", "Loc"}) == 1);
  GradeReport total;
  addInto(total, r);
  addInto(total, r);
  CHECK(total.errors.confusions.at({"Loc", "Person"}) == 2);
  CHECK(total.errors.tooLong == 2);
  CHECK(confusionSummary(total.errors, 1) ==
        "Loc \xE2\x86\x92 Person \xC3\x97"
        "2");
}

TEST_CASE("grading a subset hand-in: only the student's documents, time and profile in the CSV",
          "[grading]") {
  Workspace key = handoutExercise(3, 2, 1);
  for (DocumentData& d : key.documents) {
    AnnotationLayer k;
    k.annotator = "gold";
    k.spans.push_back(span("K1", "Person", 0, 4, "Text"));
    d.others.push_back(k);
  }
  Workspace student = handOut(key, "Ana");
  REQUIRE(student.documents.size() == 2);
  student.annotator = "Ana";
  for (DocumentData& d : student.documents) {
    d.others.clear();
    d.annotations.spans.push_back(span("S1", "Org", 0, 4, "Text"));
  }
  student.progress.activeSeconds = 600;
  student.progress.checks = 2;
  student.progress.startedAt = "2026-12-07T08:00:00Z";
  std::vector<std::string> warnings;
  GradeReport r = gradeWorkspace(key, student, &warnings);
  CHECK(warnings.empty());  // the third document was never Ana's: not missed
  CHECK(r.documents == 2);
  CHECK(r.documentNames.size() == 2);
  CHECK(r.exact.fn == 2);
  CHECK(r.errors.confusions.at({"Person", "Org"}) == 2);
  const std::string csv = gradesCsv({r});
  const std::string head = csv.substr(0, csv.find("\r\n"));
  CHECK(head.find("started_at,active_minutes,checks,too_long,too_short,shifted,confusions,"
                  "document_names") != std::string::npos);
  CHECK(csv.find("2026-12-07T08:00:00Z,10.0,2,0,0,0,Person \xE2\x86\x92 Org \xC3\x97"
                 "2,") != std::string::npos);
}
