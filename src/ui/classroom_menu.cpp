// The Classroom menu, the exercise instructions window, and the dispatch of classroom windows.
#include <cstdio>

#include "error_profile.h"
#include "json_util.h"
#include "keys.h"
#include "panels.h"
#include "widget_registry.h"

namespace scholion::ui {

std::string formatCoefficient(const Coefficient& c) {
  if (!c.defined) return "\xE2\x80\x93";  // en dash: undefined (no chance-corrected value)
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", c.value);
  return buf;
}

namespace {

void drawInstructionsWindow(UiState& s) {
  if (!s.classroom.showInstructions) return;
  const ExerciseInfo& ex = s.editor.exercise();
  ImGui::SetNextWindowSize(ImVec2(520, 380), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_FirstUseEver,
                          ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Exercise instructions###classroom-instructions",
                   &s.classroom.showInstructions)) {
    if (keys::escapeCloses()) s.classroom.showInstructions = false;
    ImGui::TextUnformatted(ex.title.empty() ? "Exercise" : ex.title.c_str());
    ImGui::Separator();
    ImGui::BeginChild("##text", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f));
    drawInstructions(s);
    ImGui::EndChild();
    ImGui::Separator();
    if (ex.allowCheck)
      ImGui::TextDisabled("Classroom > Check my work compares your annotations with the key.");
    else
      ImGui::TextDisabled("Checking is turned off for this exercise.");
    if (ImGui::Button("Start annotating")) s.classroom.showInstructions = false;
    recordWidget("instructions:close");
    ImGui::SameLine();
    ImGui::TextDisabled("Reopen with Classroom > Instructions.");
  }
  ImGui::End();
}

}  // namespace

nlohmann::json classroomStateJson(const UiState& s) {
  const ClassroomState& c = s.classroom;
  const ExerciseInfo& ex = s.editor.exercise();
  nlohmann::json j;
  j["exercise"] = ex.enabled ? nlohmann::json{{"title", ex.title},
                                              {"allowCheck", ex.allowCheck},
                                              {"feedback", feedbackName(ex.feedback)},
                                              {"documentsPerStudent", ex.documentsPerStudent},
                                              {"sharedDocuments", ex.sharedDocuments},
                                              {"scope", checkScopeName(ex.checkScope)}}
                             : nlohmann::json(nullptr);
  const WorkProgress& progress = s.editor.progress();
  j["progress"] = {{"startedAt", progress.startedAt},
                   {"activeSeconds", progress.activeSeconds},
                   {"checks", progress.checks},
                   {"handedIn", progress.handedIn}};
  j["askName"] = s.dialogs.askAnnotator;
  j["instructionsShown"] = c.showInstructions;
  j["switchOffer"] = c.switchFile ? nlohmann::json{{"open", c.switchPlan.openTitle},
                                                   {"file", c.switchPlan.fileTitle},
                                                   {"sameTitle", c.switchPlan.sameTitle}}
                                  : nlohmann::json(nullptr);
  if (c.checked) {
    const CheckResult& r = c.check;
    j["check"] = {
        {"correct", r.spans.size() - c.countWrongLabel - c.countWrongBounds - c.countExtra},
        {"wrongLabel", c.countWrongLabel},
        {"wrongBoundaries", c.countWrongBounds},
        {"extra", c.countExtra},
        {"missing", r.missing.size()},
        {"score", r.score}};
    nlohmann::json missing = nlohmann::json::array();
    for (const MissingSpan& m : r.missing)
      missing.push_back({{"start", m.start}, {"end", m.end}, {"label", m.label}});
    j["check"]["missingSpans"] = missing;
    if (c.checkCurrent < c.checkRows.size()) {
      const PlacedCheck& p = c.checkRows[c.checkCurrent].at;
      j["check"]["current"] = {
          {"kind", checkKindTitle(p.kind)}, {"start", p.start}, {"end", p.end}};
    } else {
      j["check"]["current"] = nullptr;
    }
    j["check"]["marksShown"] = c.showCheck && checkIsCurrent(s) && checkShowsMarks(s);
  } else {
    j["check"] = nullptr;
  }
  j["checkError"] = c.checkError;
  j["reviewShown"] = c.showReview;
  j["students"] = c.students;
  j["keyDocuments"] = c.keyDocuments;
  nlohmann::json grades = nlohmann::json::array();
  for (const GradeReport& g : c.grades)
    grades.push_back({{"student", g.student},
                      {"exact", {g.exact.tp, g.exact.fp, g.exact.fn}},
                      {"overlap", {g.overlap.tp, g.overlap.fp, g.overlap.fn}},
                      {"exactF1", g.exact.f1()},
                      {"overlapF1", g.overlap.f1()},
                      {"documents", g.documentNames},
                      {"activeSeconds", g.progress.activeSeconds},
                      {"checks", g.progress.checks},
                      {"startedAt", g.progress.startedAt},
                      {"tooLong", g.errors.tooLong},
                      {"tooShort", g.errors.tooShort},
                      {"shifted", g.errors.shifted},
                      {"confusions", confusionSummary(g.errors, 5)}});
  j["grades"] = grades;
  if (c.hasAgreement)
    j["agreement"] = {{"fleiss", c.agreement.fleiss.value},
                      {"alpha", c.agreement.alpha.value},
                      {"meanCohen", c.agreement.meanPairwiseCohen()},
                      {"pairs", c.agreement.pairs.size()}};
  else
    j["agreement"] = nullptr;
  j["passages"] = c.passages.size();
  j["currentPassage"] = c.currentPassage;
  if (c.currentPassage >= 0 && c.currentPassage < static_cast<int>(c.passages.size()))
    j["passage"] = {c.passages[c.currentPassage].start, c.passages[c.currentPassage].end};
  else
    j["passage"] = nullptr;
  return j;
}

void drawClassroomMenu(UiState& s) {
  if (!beginBarMenu(s, "Classroom", "Classroom")) return;
  ClassroomState& c = s.classroom;
  const ExerciseInfo& ex = s.editor.exercise();
  if (ex.enabled) {
    ImGui::TextDisabled("Exercise: %s", ex.title.empty() ? "(untitled)" : ex.title.c_str());
    if (namedMenuItem("instructions", "Instructions...")) c.showInstructions = true;
    if (namedMenuItem("check", "Check my work", nullptr, false, ex.allowCheck && s.hasDoc())) {
      runCheck(s);
      c.showCheck = true;
    }
    if (!ex.allowCheck && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("Your teacher turned checking off for this exercise.");
    if (namedMenuItem("hand-in", "Hand in (save my file)...", nullptr, false, s.hasDoc()))
      handIn(s);
    ImGui::Separator();
  } else {
    ImGui::TextDisabled("Student: open an exercise file with File > Open documents.");
    ImGui::Separator();
  }
  ImGui::TextDisabled("Teacher");
  if (namedMenuItem("make-exercise", "Make exercise from this workspace...", nullptr, false,
                    s.hasDoc())) {
    c.showMake = true;
    c.makeInit = false;
  }
  if (namedMenuItem("load-students", "Load student files...", nullptr, false, s.hasDoc())) {
    c.wantFiles = true;
    c.wantFilesSince = s.platform.now();
    s.platform.openFileChooser(".json", true);
  }
  if (namedMenuItem("review", "Review class (grades, agreement, disagreements)", nullptr,
                    c.showReview, s.hasDoc())) {
    c.showReview = !c.showReview;
    if (c.showReview && !c.computed) recomputeReview(s);
  }
  ImGui::EndMenu();
}

void drawClassroomWindows(UiState& s) {
  ClassroomState& c = s.classroom;
  // A newly opened exercise shows its instructions once (compared by title: cheap per frame).
  if (c.pendingExercise) openPendingExercise(s);
  const ExerciseInfo& ex = s.editor.exercise();
  if (ex.enabled) {
    if (c.seenExercise != ex.title || c.seenExercise.empty()) {
      c.seenExercise = ex.title.empty() ? std::string(" ") : ex.title;
      c.showInstructions = true;
      c.checked = false;
      c.showCheck = false;
      // A student's name goes on the hand-in: asked once, when it is not known yet.
      if (s.editor.annotator().empty()) s.dialogs.askAnnotator = true;
    }
  } else if (!c.seenExercise.empty()) {
    c.seenExercise.clear();
    c.showInstructions = false;
    c.showCheck = false;
  }
  // A chooser the user cancelled never reports back: stop waiting after a while.
  if (c.wantFiles && s.platform.now() - c.wantFilesSince > 600) c.wantFiles = false;
  if (!c.pendingFiles.empty()) loadStudentFiles(s);
  trackExerciseProgress(s);
  drawInstructionsWindow(s);
  if (c.showMake) drawMakeExerciseWindow(s);
  if (c.showReview) drawReviewWindow(s);
  drawExerciseSwitchModal(s);
}

}  // namespace scholion::ui
