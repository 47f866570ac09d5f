// An exercise file opened by a student: opened, continued with the work kept, or a dialog naming
// the open exercise and the new one (the decision is core's planOpenExercise).
#include <cfloat>

#include "keys.h"
#include "panels.h"
#include "scholion_json.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

std::string titleOr(const std::string& title) {
  return "\xE2\x80\x9C" + (title.empty() ? std::string("untitled") : title) + "\xE2\x80\x9D";
}

// What the user is leaving, in words: "exercise “NER 1”" or "your open workspace".
std::string openWhat(const ExerciseOpenPlan& p) {
  return p.openIsExercise ? "exercise " + titleOr(p.openTitle) : std::string("your open workspace");
}

// The exercise (now open) shows its instructions and a fresh check.
void afterOpening(UiState& s) {
  s.onActiveDocumentChanged();
  s.classroom.seenExercise.clear();  // shows the instructions (drawClassroomWindows)
}

// Saves the open work as a file the student can open again, then opens the file's exercise.
void switchExercise(UiState& s) {
  ClassroomState& c = s.classroom;
  const std::string leaving = openWhat(c.switchPlan);
  const std::string saved = s.workspaceExportStem() + "-saved.scholion.json";
  if (!s.offerFile(saved, writeScholionJson(s.editor.snapshot()), "application/json",
                   "Saving your work failed, nothing was switched"))
    return;
  Workspace in = std::move(*c.switchFile->workspace);
  const std::string name = c.switchFile->name;
  c.switchFile.reset();
  if (!s.applyEdit(planSwitchExercise(s.editor, std::move(in), name))) return;
  afterOpening(s);
  s.setMessage("Opened exercise " + titleOr(s.editor.exercise().title) + ". Your work on " +
               leaving + " is saved as " + saved + " (open it to come back; Ctrl+Z also does)");
}

}  // namespace

void openPendingExercise(UiState& s) {
  ClassroomState& c = s.classroom;
  ParsedFile file = std::move(*c.pendingExercise);
  c.pendingExercise.reset();
  ExerciseOpenPlan plan = planOpenExercise(s.editor, *file.workspace, file.name);
  switch (plan.kind) {
    case ExerciseOpening::Continue:
      if (!plan.edit.empty() && !s.applyEdit(std::move(plan.edit))) return;
      c.showInstructions = true;
      return s.setMessage("Exercise " + titleOr(plan.fileTitle) +
                          " is already open: your work is kept");
    case ExerciseOpening::Open:
      if (!s.applyEdit(std::move(plan.edit))) return;
      afterOpening(s);
      return s.setMessage("Opened exercise " + titleOr(s.editor.exercise().title));
    case ExerciseOpening::Ask:
      c.switchPlan = std::move(plan);
      c.switchFile = std::move(file);
      return;
  }
}

void drawExerciseSwitchModal(UiState& s) {
  ClassroomState& c = s.classroom;
  if (!c.switchFile || s.dialogs.askAnnotator) return;
  const ExerciseOpenPlan& p = c.switchPlan;
  if (!ImGui::IsPopupOpen("###exercise-switch")) ImGui::OpenPopup("###exercise-switch");
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(420, 0), ImVec2(620, FLT_MAX));
  if (!ImGui::BeginPopupModal("Open another exercise?###exercise-switch", nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
    return;
  recordWidget("exercise-switch");
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 560);
  const std::string leaving = openWhat(p);
  ImGui::TextDisabled("Open now");
  ImGui::Text("%s%s: your work, %zu span(s)", p.openIsExercise ? "Exercise " : "Your workspace",
              p.openIsExercise ? widgetText(titleOr(p.openTitle)) : "", p.openSpans);
  ImGui::Spacing();
  ImGui::TextDisabled("In %s", widgetText(c.switchFile->name));
  if (p.sameTitle)
    ImGui::Text("Exercise %s again, with other work on it: %zu span(s)",
                widgetText(titleOr(p.fileTitle)), p.fileSpans);
  else
    ImGui::Text("Exercise %s", widgetText(titleOr(p.fileTitle)));
  ImGui::Spacing();
  ImGui::Separator();
  bool done = false;
  const std::string go = (p.sameTitle ? "Open the file's work on " : "Switch to exercise ") +
                         titleOr(p.fileTitle) + "###switch";
  if (ImGui::Button(go.c_str())) switchExercise(s), done = !c.switchFile;
  recordWidget("exercise-switch:switch");
  ImGui::TextDisabled(
      "Your work on %s is saved first, as %s-saved.scholion.json: open that file "
      "to come back to it (Ctrl+Z also undoes the switch).",
      leaving.c_str(), s.workspaceExportStem().c_str());
  ImGui::Spacing();
  const std::string stay = "Keep working on " + leaving + "###keep";
  if (ImGui::Button(stay.c_str()) || keys::escapeCloses()) {
    done = true;
    s.setMessage("Kept " + leaving + "; " + c.switchFile->name + " was not opened");
  }
  recordWidget("exercise-switch:keep");
  ImGui::PopTextWrapPos();
  if (done) {
    c.switchFile.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace scholion::ui
