// Exercises in the UI: the teacher's "Make exercise" window and the student's hand-in.
#include <algorithm>
#include <cstring>
#include <iterator>

#include "keys.h"
#include "panels.h"
#include "scholion_json.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

constexpr CheckScope kScopes[] = {CheckScope::Spans, CheckScope::Labels, CheckScope::Relations};

void copyInto(char* buf, std::size_t size, const std::string& text) {
  std::size_t n = std::min(size - 1, text.size());
  std::memcpy(buf, text.data(), n);
  buf[n] = '\0';
}

void initMakeWindow(UiState& s) {
  ClassroomState& c = s.classroom;
  const ExerciseInfo& ex = s.editor.exercise();
  std::string title = ex.title;
  if (title.empty() && s.hasDoc()) {
    title = s.doc()->data().name;
    std::size_t dot = title.find('.');
    if (dot != std::string::npos && dot > 0) title.resize(dot);
  }
  copyInto(c.titleBuf, sizeof c.titleBuf, title);
  copyInto(c.instructionsBuf.data(), c.instructionsBuf.size(), s.editor.schema().instructions);
  if (ex.enabled) {
    c.allowCheck = ex.allowCheck;
    c.revealMissing = ex.revealMissingLabels;
    c.allowSuggestions = ex.allowSuggestions;
    c.scope = ex.checkScope;
    c.feedback = ex.feedback;
    c.perStudent = static_cast<int>(ex.documentsPerStudent);
    c.shared = static_cast<int>(ex.sharedDocuments);
  }
  c.makeInit = true;
}

void saveExercise(UiState& s) {
  ClassroomState& c = s.classroom;
  std::string title = c.titleBuf;
  if (title.empty()) return s.setMessage("Give the exercise a title first", true);
  Workspace ws = s.editor.snapshot();
  ws.schema.instructions = c.instructionsBuf.data();
  // The teacher keeps the instructions in their own workspace too.
  WorkspaceEdit keep = planSetInstructions(s.editor, ws.schema.instructions);
  if (!keep.empty()) s.applyEdit(std::move(keep));
  if (!c.useMineAsKey)
    for (DocumentData& d : ws.documents) {
      d.annotations.spans.clear();
      d.annotations.relations.clear();
      d.annotations.documentLabels.clear();
    }
  ExerciseInfo info;
  info.title = title;
  info.allowCheck = c.allowCheck;
  info.revealMissingLabels = c.allowCheck && c.revealMissing;
  info.allowSuggestions = c.allowSuggestions;
  info.checkScope = c.scope;
  info.feedback = c.feedback;
  const int docs = static_cast<int>(ws.documents.size());
  if (c.perStudent > 0 && c.perStudent < docs) {
    info.documentsPerStudent = static_cast<uint32_t>(c.perStudent);
    info.sharedDocuments = static_cast<uint32_t>(std::clamp(c.shared, 0, c.perStudent));
  }
  Result<Workspace> ex = makeExerciseWorkspace(ws, info);
  if (!ex) return s.setMessage("Exercise: " + ex.error(), true);
  std::size_t keySpans = 0;
  for (const DocumentData& d : ex->documents)
    for (const AnnotationLayer& l : d.others) keySpans += l.spans.size();
  std::string file = safeFilePart(title) + ".exercise.scholion.json";
  if (!s.offerFile(file, writeScholionJson(*ex), "application/json", "Saving the exercise failed"))
    return;
  std::string what = c.allowCheck ? " (answer key: " + std::to_string(keySpans) + " spans)"
                                  : " (no answer key inside)";
  if (info.documentsPerStudent > 0)
    what += "; each student gets " + std::to_string(info.documentsPerStudent) + " of " +
            std::to_string(ex->documents.size()) + " documents, " +
            std::to_string(info.sharedDocuments) + " of them shared by all";
  s.setMessage("Saved exercise " + file + what);
}

}  // namespace

void drawMakeExerciseWindow(UiState& s) {
  ClassroomState& c = s.classroom;
  if (!c.makeInit) initMakeWindow(s);
  ImGui::SetNextWindowSize(ImVec2(580, std::min(720.0f, ImGui::GetMainViewport()->Size.y - 60)),
                           ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_FirstUseEver,
                          ImVec2(0.5f, 0.5f));
  if (!ImGui::Begin("Make exercise###classroom-make", &c.showMake)) return ImGui::End();
  if (keys::escapeCloses()) c.showMake = false;
  ImGui::TextWrapped(
      "Packs the open documents and the label schema into an exercise file for your students.");
  ImGui::Spacing();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##title", "Title, e.g. Named entities 1", c.titleBuf,
                           sizeof c.titleBuf);
  recordWidget("exercise:title");
  drawLimitNote(c.titleBuf, sizeof c.titleBuf);
  ImGui::TextUnformatted("Instructions (\"- \" starts a bullet, \"# \" a heading)");
  ImGui::InputTextMultiline("##instructions", c.instructionsBuf.data(), c.instructionsBuf.size(),
                            ImVec2(-1, ImGui::GetTextLineHeight() * 6));
  recordWidget("exercise:instructions");
  drawLimitNote(c.instructionsBuf.data(), c.instructionsBuf.size());
  ImGui::Spacing();
  // The settings scroll in their own region; the buttons stay in sight below them.
  const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("##settings", ImVec2(0, -footer));
  std::size_t mine = 0;
  for (std::size_t i = 0; i < s.editor.documentCount(); ++i)
    mine += s.editor.doc(i).data().annotations.spans.size();
  ImGui::Checkbox("Use my current annotations as the answer key", &c.useMineAsKey);
  recordWidget("exercise:use-key");
  ImGui::Indent();
  ImGui::TextDisabled("%zu span(s) in %zu document(s), stored in a layer named \"gold\".", mine,
                      s.editor.documentCount());
  ImGui::Unindent();
  const int docs = static_cast<int>(s.editor.documentCount());
  if (docs >= 2) {
    ImGui::TextUnformatted("Documents per student (0: all):");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    ImGui::InputInt("##per-student", &c.perStudent);
    recordWidget("exercise:per-student");
    c.perStudent = std::clamp(c.perStudent, 0, docs);
    ImGui::BeginDisabled(c.perStudent == 0 || c.perStudent == docs);
    ImGui::TextUnformatted("of them shared by every student:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    ImGui::InputInt("##shared", &c.shared);
    recordWidget("exercise:shared");
    c.shared = std::clamp(c.shared, 0, std::max(0, c.perStudent));
    ImGui::EndDisabled();
    ImGui::Indent();
    ImGui::PushTextWrapPos(0);
    if (c.perStudent > 0 && c.perStudent < docs)
      ImGui::TextDisabled(
          "The first %d document(s) go to everyone (agreement is measured on them); the other "
          "%d are chosen from each student's name, the same every time.",
          c.shared, c.perStudent - c.shared);
    else
      ImGui::TextDisabled("Every student gets all %d documents.", docs);
    ImGui::PopTextWrapPos();
    ImGui::Unindent();
  }
  ImGui::TextUnformatted("Feedback for students:");
  ImGui::Indent();
  struct Mode {
    const char* name;  // as in the file and the widget registry
    const char* text;
    bool check;
    Feedback feedback;
  };
  const Mode modes[] = {
      {"none", "None: graded later (the file carries no key)", false, Feedback::Marks},
      {"score", "Score only", true, Feedback::Score},
      {"marks", "Score and marks in the text", true, Feedback::Marks},
      {"key-after-hand-in", "Score and marks, then the full key after hand-in", true,
       Feedback::KeyAfterHandIn},
  };
  for (const Mode& m : modes) {
    const bool on = c.allowCheck == m.check && (!m.check || c.feedback == m.feedback);
    if (ImGui::RadioButton(m.text, on)) {
      c.allowCheck = m.check;
      c.feedback = m.feedback;
    }
    recordWidget("exercise:feedback", m.name);
  }
  ImGui::Unindent();
  ImGui::BeginDisabled(!c.allowCheck);
  ImGui::Checkbox("Checking shows the labels of spans they missed", &c.revealMissing);
  recordWidget("exercise:reveal-missing");
  ImGui::TextUnformatted("What checking compares:");
  ImGui::Indent();
  const char* labels[] = {"Span boundaries only", "Spans and their labels",
                          "Spans, labels and relations"};
  for (std::size_t i = 0; i < std::size(kScopes); ++i) {
    if (ImGui::RadioButton(labels[i], c.scope == kScopes[i])) c.scope = kScopes[i];
    recordWidget("exercise:scope", checkScopeName(kScopes[i]));
  }
  ImGui::Unindent();
  ImGui::EndDisabled();
  ImGui::Checkbox("Students may see machine suggestions", &c.allowSuggestions);
  recordWidget("exercise:allow-suggestions");
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.45f, 0.10f, 1));
  ImGui::PushTextWrapPos(0);
  if (c.allowCheck)
    ImGui::TextUnformatted(
        "Be aware: so that checking works without a server, the answer key travels inside the "
        "exercise file. A determined student can open the file and read the key. For graded "
        "work, turn checking off: the file then carries no key, and you grade the hand-ins "
        "against your own workspace (Classroom > Load student files).");
  else
    ImGui::TextUnformatted(
        "Checking is off: the file carries no answer key. Keep this workspace; you will grade "
        "the hand-ins against it (Classroom > Load student files).");
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  if (c.allowCheck && c.useMineAsKey && mine == 0)
    ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.25f, 1),
                       "You have no annotations yet: the key would be empty.");
  ImGui::EndChild();
  if (ImGui::Button("Save exercise file")) saveExercise(s);
  recordWidget("exercise:make");
  ImGui::SameLine();
  if (ImGui::Button("Close")) c.showMake = false;
  recordWidget("exercise:close");
  ImGui::SameLine();
  ImGui::TextDisabled("%s.exercise.scholion.json", safeFilePart(c.titleBuf).c_str());
  ImGui::End();
}

void handIn(UiState& s) {
  if (!s.hasDoc()) return;
  if (s.editor.annotator().empty()) {
    s.dialogs.askAnnotator = true;
    return s.setMessage("Enter your name first, then choose Hand in again", true);
  }
  // The key must not travel back to the teacher with the student's work.
  Workspace ws = stripAnswerKey(s.editor.snapshot());
  ws.progress.handedIn = true;
  ws.annotator = s.editor.annotator();
  const std::string title = ws.exercise.title.empty() ? "exercise" : ws.exercise.title;
  std::string file = safeFilePart(title) + "-" + safeFilePart(ws.annotator) + ".scholion.json";
  if (!s.offerFile(file, writeScholionJson(ws), "application/json", "Hand-in failed")) return;
  s.editor.setProgress(ws.progress);
  s.setMessage(savedMessage(s.platform, file) + ": give this file to your teacher");
  const ExerciseInfo& ex = s.editor.exercise();
  if (ex.allowCheck && ex.feedback == Feedback::KeyAfterHandIn) {
    // Handed in: the whole key is shown, the missed spans with their labels.
    runCheck(s, false);
    s.classroom.showCheck = true;
    s.setMessage(savedMessage(s.platform, file) +
                 ": give this file to your teacher. The answer key is now shown in the text");
  }
}

}  // namespace scholion::ui
