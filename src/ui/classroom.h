// Classroom features of the UI: making an exercise, checking and handing in, reviewing students.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "agreement.h"
#include "app.h"
#include "check_marks.h"
#include "disagreement.h"
#include "exercise.h"
#include "exercise_open.h"
#include "grading.h"
#include "imgui.h"
#include "markdown_view.h"
#include "result.h"
#include "workspace_ops.h"

struct ImDrawList;

namespace scholion::ui {

struct UiState;

// One line of the "Check my work" list, built once per check (never per frame): a result placed
// in the text (check_marks.h) and what the row says.
struct CheckRow {
  PlacedCheck at;
  std::string text;
};

// What the Disagreements tab shows for one passage, built once per refresh.
struct PassageRow {
  std::string excerpt;                 // the passage text, shortened
  std::vector<std::string> groupText;  // "Alice, Bob: Person \"Jiang Zemin\"" per group
  std::string summary;                 // the groups on one line
};

struct ClassroomState {
  // ---- teacher: "Make exercise" window ----
  bool showMake = false;
  bool makeInit = false;  // buffers filled from the workspace when the window opened
  char titleBuf[160] = {};
  std::vector<char> instructionsBuf = std::vector<char>(1 << 15, '\0');
  bool useMineAsKey = true;
  bool allowCheck = true;
  bool revealMissing = false;
  bool allowSuggestions = false;
  CheckScope scope = CheckScope::Labels;
  Feedback feedback = Feedback::Marks;  // with allowCheck; "none" is allowCheck off
  int perStudent = 0, shared = 0;       // documents each student gets (0: all), shared by all

  // ---- student ----
  std::optional<ParsedFile> pendingExercise;  // opened exercise, swapped in at the windows' turn
  std::string seenExercise;                   // title of the exercise whose instructions were shown
  // An exercise file that would replace other work: the user chooses (drawExerciseSwitchModal).
  std::optional<ParsedFile> switchFile;
  ExerciseOpenPlan switchPlan;
  bool showInstructions = false;
  bool showCheck = false;
  bool checked = false;  // `check` holds a result
  std::string checkError;
  CheckResult check;
  std::size_t checkDoc = SIZE_MAX;
  uint64_t checkRevision = 0;
  std::size_t countWrongLabel = 0, countWrongBounds = 0, countExtra = 0;
  std::vector<CheckRow> checkRows;      // in text order: the list, the marks in the text, F8
  std::size_t checkCurrent = SIZE_MAX;  // the row F8 / Shift+F8 stepped to last
  bool checkScrollList = false;         // bring checkCurrent into the list's view
  bool checkShowCorrect = false;
  std::vector<int> checkShown;  // rows passing the filter (rebuilt after a check or a toggle)
  bool checkShownValid = false;
  // Time on task (work_progress.h): the last edit's time, the revision it was seen at, and the
  // name the exercise's documents were last handed out for.
  double lastEditAt = -1;
  uint64_t activityRevision = UINT64_MAX;
  std::string handedOutFor;

  // ---- teacher: review ----
  bool wantFiles = false;                // the next opened files are student files
  std::vector<ParsedFile> pendingFiles;  // taken, loaded at the classroom windows' turn
  double wantFilesSince = 0;
  bool showReview = false;
  bool reviewFull = false;             // the review takes the whole work area (the text is hidden)
  bool reviewRestore = false;          // leaving the full view: put the window back
  float reviewRect[4] = {0, 0, 0, 0};  // where the teacher had the window (x, y, w, h)
  std::vector<MarkdownBlock> definitions;  // docs/agreement.md, parsed when first shown
  bool computed = false;
  uint64_t computedSignature = 0;         // of the layers the results were computed from
  std::string keyName;                    // annotator of the key layer
  std::vector<std::string> students;      // annotators of the student layers
  std::string studentList;                // their names, for the window's header line
  std::vector<std::string> loadWarnings;  // from the last "Load student files"
  std::vector<std::string> warnings;      // from grading
  std::size_t keyDocuments = 0;           // documents that have a key layer
  std::vector<GradeReport> grades;
  int gradeRow = -1;  // student whose per-label grades are shown
  bool hasAgreement = false;
  ClassAgreement agreement;
  // Disagreements of the active document (rebuilt when the document or revision changes).
  std::size_t passagesDoc = SIZE_MAX;
  uint64_t passagesRevision = UINT64_MAX;
  std::vector<std::string> passageNames;  // annotators, in layer order
  bool passagesWithKey = false;           // the key layer joins the comparison
  std::vector<DisagreementPassage> passages;
  std::vector<PassageRow> passageRows;
  int currentPassage = -1;
  int passagesShownFrame = -100;  // last frame a tab showing passages was drawn
  int selectTab = -1;             // tab to bring to front on the next frame

  // The workspace changed shape: results that point at a document index are stale.
  void onWorkspaceReplaced(std::size_t documentCount) {
    if (checkDoc >= documentCount) {
      checked = false;
      checkDoc = SIZE_MAX;
      checkShownValid = false;
    }
    passagesDoc = SIZE_MAX;
    passagesRevision = UINT64_MAX;
  }
};

// ---- entry points (hooks in menus.cpp, app.cpp, files.cpp) ----
void drawClassroomMenu(UiState& s);
void drawClassroomWindows(UiState& s);
// True when the classroom consumed the files: hand-ins the review asked for, several hand-ins
// opened or dropped at once (or one more while reviewing), or an exercise file as handed out.
bool classroomTakeFiles(UiState& s, std::vector<ParsedFile>& files);
// Read-only classroom fields for App::stateJson (tests, embedding pages); built on request only.
nlohmann::json classroomStateJson(const UiState& s);

// ---- shared between the classroom_*.cpp files ----
void drawMakeExerciseWindow(UiState& s);
// The check results docked below the text (pos, size: the strip App::frame leaves for them).
void drawCheckPanel(UiState& s, ImVec2 pos, ImVec2 size);
// The height of that strip for a text column `height` tall.
float checkPanelHeight(float height);
// Checks the active document; `counted`: the student asked (the hand-in counts checks).
void runCheck(UiState& s, bool counted = true);
void handIn(UiState& s);
void drawReviewWindow(UiState& s);
void loadStudentFiles(UiState& s);
void openPendingExercise(UiState& s);
// "Open another exercise?": names the open exercise and the file's, switches or keeps.
void drawExerciseSwitchModal(UiState& s);
void recomputeReview(UiState& s);
// Per frame in an exercise: the start time, the active time after each edit, and the student's
// own documents once their name is known (classroom_progress.cpp).
void trackExerciseProgress(UiState& s);
// "Score only" feedback: a check shows the score, not the marks or the list.
bool checkShowsMarks(const UiState& s);
// The class's name for file names: the exercise title, the title being typed, or "class".
std::string classTitle(const UiState& s);
void drawGradesTab(UiState& s);
void drawAgreementTab(UiState& s);
void drawDisagreementsTab(UiState& s);
void drawAdjudicationTab(UiState& s);
// Outlines the review's disagreement passages in the text view while the Disagreements or
// Adjudication tab is shown; hovering one shows who chose what (classroom_overlay.cpp).
void drawPassagesInText(UiState& s, ImDrawList* dl);
// Outlines the checked spans in the text by kind and the missed key spans dashed, while the check
// results are current and shown (classroom_overlay.cpp).
void drawCheckMarksInText(UiState& s, ImDrawList* dl);
// The colour of a check result's mark in the text, its list entry and the legend.
ImU32 checkKindColor(CheckKind kind, bool dark);
const char* checkKindTitle(CheckKind kind);  // "Wrong label"
// A rectangle outlined with dashes (missed key spans).
void addDashedRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness);
// True while the check results describe the open document as it is (not edited since).
bool checkIsCurrent(const UiState& s);
// Student layers of document `doc` in `students` order (nullptr where a student has none).
std::vector<const AnnotationLayer*> studentLayers(const UiState& s, std::size_t doc);
// "0.873" or "–" when undefined.
std::string formatCoefficient(const Coefficient& c);

}  // namespace scholion::ui
