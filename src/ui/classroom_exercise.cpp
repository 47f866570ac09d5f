// Exercises in the UI: the teacher's "Make exercise" window, the student's check and hand-in.
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

ImVec4 rowColor(CheckRowKind kind) {
  switch (kind) {
    case CheckRowKind::Correct:
      return ImVec4(0.20f, 0.62f, 0.30f, 1);
    case CheckRowKind::WrongLabel:
      return ImVec4(0.90f, 0.50f, 0.10f, 1);
    case CheckRowKind::WrongBoundaries:
      return ImVec4(0.80f, 0.65f, 0.05f, 1);
    case CheckRowKind::Extra:
      return ImVec4(0.85f, 0.25f, 0.25f, 1);
    case CheckRowKind::Missing:
      break;
  }
  return ImVec4(0.55f, 0.40f, 0.85f, 1);
}
// Indexed by CheckRowKind.
const char* kKindNames[kCheckRowKinds] = {"Correct", "Wrong label", "Wrong boundaries", "Extra",
                                          "Missing"};

CheckRowKind rowKindOf(CheckMark mark) {
  switch (mark) {
    case CheckMark::Correct:
      return CheckRowKind::Correct;
    case CheckMark::WrongLabel:
      return CheckRowKind::WrongLabel;
    case CheckMark::WrongBoundaries:
      return CheckRowKind::WrongBoundaries;
    case CheckMark::Extra:
      break;
  }
  return CheckRowKind::Extra;
}

std::string quoted(const Document& d, uint32_t start, uint32_t end) {
  const std::size_t n = d.length();
  start = std::min<uint32_t>(start, static_cast<uint32_t>(n));
  end = std::min<uint32_t>(end, static_cast<uint32_t>(n));
  if (end - start > 60) return "\"" + d.slice(start, start + 57) + "...\"";
  return "\"" + d.slice(start, end) + "\"";
}

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
                            ImVec2(-1, ImGui::GetTextLineHeight() * 9));
  recordWidget("exercise:instructions");
  drawLimitNote(c.instructionsBuf.data(), c.instructionsBuf.size());
  ImGui::Spacing();
  std::size_t mine = 0;
  for (std::size_t i = 0; i < s.editor.documentCount(); ++i)
    mine += s.editor.doc(i).data().annotations.spans.size();
  ImGui::Checkbox("Use my current annotations as the answer key", &c.useMineAsKey);
  recordWidget("exercise:use-key");
  ImGui::Indent();
  ImGui::TextDisabled("%zu span(s) in %zu document(s), stored in a layer named \"gold\".", mine,
                      s.editor.documentCount());
  ImGui::Unindent();
  ImGui::Checkbox("Students may check their work against the key", &c.allowCheck);
  recordWidget("exercise:allow-check");
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
  ImGui::Spacing();
  if (ImGui::Button("Save exercise file")) saveExercise(s);
  recordWidget("exercise:make");
  ImGui::SameLine();
  if (ImGui::Button("Close")) c.showMake = false;
  recordWidget("exercise:close");
  ImGui::SameLine();
  ImGui::TextDisabled("%s.exercise.scholion.json", safeFilePart(c.titleBuf).c_str());
  ImGui::End();
}

void runCheck(UiState& s) {
  ClassroomState& c = s.classroom;
  c.checked = false;
  c.checkError.clear();
  c.checkRows.clear();
  c.checkShownValid = false;
  if (!s.hasDoc()) return;
  const std::size_t index = s.editor.active();
  // checkDocument wants the plain workspace; a snapshot per click is fine (on demand only).
  Result<CheckResult> r = checkDocument(s.editor.snapshot(), index);
  c.checkDoc = index;
  c.checkRevision = s.editor.revision();
  if (!r) {
    c.checkError = r.error();
    return;
  }
  c.check = std::move(*r);
  c.checked = true;
  c.countWrongLabel = c.countWrongBounds = c.countExtra = 0;
  const DocumentState& ds = s.editor.doc(index);
  const Document& d = ds.document();
  for (const CheckedSpan& cs : c.check.spans) {
    const Span* sp = ds.span(cs.spanId);
    if (!sp) continue;
    CheckRow row;
    row.kind = rowKindOf(cs.mark);
    row.spanId = cs.spanId;
    row.start = sp->start;
    row.end = sp->end;
    row.text = sp->label + " " + quoted(d, sp->start, sp->end);
    switch (cs.mark) {
      case CheckMark::Correct:
        break;
      case CheckMark::WrongLabel:
        ++c.countWrongLabel;
        if (!cs.keyLabel.empty()) row.text += "  (key: " + cs.keyLabel + ")";
        break;
      case CheckMark::WrongBoundaries:
        ++c.countWrongBounds;
        row.text += "  (key: " + quoted(d, cs.keyStart, cs.keyEnd) + ")";
        break;
      case CheckMark::Extra:
        ++c.countExtra;
        break;
    }
    c.checkRows.push_back(std::move(row));
  }
  for (const MissingSpan& m : c.check.missing) {
    CheckRow row;
    row.kind = CheckRowKind::Missing;
    row.start = m.start;
    row.end = m.end;
    row.text = quoted(d, m.start, m.end);
    if (!m.label.empty()) row.text += "  (" + m.label + ")";
    c.checkRows.push_back(std::move(row));
  }
  std::stable_sort(c.checkRows.begin(), c.checkRows.end(),
                   [](const CheckRow& a, const CheckRow& b) { return a.start < b.start; });
}

void drawCheckWindow(UiState& s) {
  ClassroomState& c = s.classroom;
  ImGui::SetNextWindowSize(ImVec2(520, 520), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(ImGui::GetMainViewport()->Size.x * 0.55f, 80),
                          ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Check my work###classroom-check", &c.showCheck)) return ImGui::End();
  if (keys::escapeCloses()) c.showCheck = false;
  const bool stale = c.checkDoc != s.editor.active() || c.checkRevision != s.editor.revision();
  if (ImGui::Button(stale ? "Check again" : "Check")) runCheck(s);
  recordWidget("check:run");
  if (stale && (c.checked || !c.checkError.empty())) {
    ImGui::SameLine();
    ImGui::TextDisabled(c.checkDoc != s.editor.active() ? "(results are for another document)"
                                                        : "(you changed something since)");
  }
  if (!c.checkError.empty()) {
    ImGui::TextColored(rowColor(CheckRowKind::Extra), "%s", c.checkError.c_str());
    return ImGui::End();
  }
  if (!c.checked) return ImGui::End();
  const CheckResult& r = c.check;
  char score[32];
  std::snprintf(score, sizeof score, "Score %.0f%%", r.score * 100);
  ImGui::ProgressBar(static_cast<float>(r.score), ImVec2(-1, 0), score);
  ImGui::TextDisabled("Compared: %s. %zu of your %zu item(s) match the key's %zu.",
                      r.scope == CheckScope::Spans       ? "span boundaries"
                      : r.scope == CheckScope::Relations ? "spans, labels and relations"
                                                         : "spans and labels",
                      r.correct, r.studentItems, r.keyItems);
  const std::size_t counts[kCheckRowKinds] = {
      r.spans.size() - c.countWrongLabel - c.countWrongBounds - c.countExtra, c.countWrongLabel,
      c.countWrongBounds, c.countExtra, r.missing.size()};
  if (ImGui::BeginTable("##counts", 5,
                        ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) {
    const char* heads[] = {"Correct", "Wrong label", "Boundaries", "Extra", "Missing"};
    for (const char* hd : heads) ImGui::TableSetupColumn(hd);
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    for (std::size_t k = 0; k < kCheckRowKinds; ++k) {
      ImGui::TableNextColumn();
      ImGui::TextColored(rowColor(static_cast<CheckRowKind>(k)), "%zu", counts[k]);
    }
    ImGui::EndTable();
  }
  if (r.scope == CheckScope::Relations) {
    std::size_t ok = 0;
    for (const CheckedRelation& cr : r.relations) ok += cr.correct;
    ImGui::Text("Relations: %zu of %zu correct, %zu missing", ok, r.relations.size(),
                r.missingRelations);
  }
  if (ImGui::Checkbox("Show correct spans too", &c.checkShowCorrect)) c.checkShownValid = false;
  recordWidget("check:show-correct");
  ImGui::SameLine();
  ImGui::TextDisabled("Click a line to go there.");
  ImGui::BeginChild("##rows", ImVec2(0, 0), true);
  // The filtered row list is rebuilt only after a check or a toggle, never per frame.
  std::vector<int>& shown = c.checkShown;
  if (!c.checkShownValid) {
    shown.clear();
    c.checkShownValid = true;
    for (int i = 0; i < static_cast<int>(c.checkRows.size()); ++i)
      if (c.checkShowCorrect || c.checkRows[i].kind != CheckRowKind::Correct) shown.push_back(i);
  }
  if (shown.empty()) ImGui::TextDisabled("Nothing to show: every span matches the key.");
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(shown.size()));
  const bool sameDoc = c.checkDoc == s.editor.active();
  const float kindW =
      ImGui::CalcTextSize("Wrong boundaries").x + ImGui::GetStyle().ItemSpacing.x * 3;
  while (clip.Step()) {
    for (int k = clip.DisplayStart; k < clip.DisplayEnd; ++k) {
      const CheckRow& row = c.checkRows[shown[k]];
      ImGui::PushID(shown[k]);
      ImGui::TextColored(rowColor(row.kind), "%s", kKindNames[static_cast<std::size_t>(row.kind)]);
      ImGui::SameLine(kindW);
      bool selected = !row.spanId.empty() && s.sel.span == row.spanId;
      if (ImGui::Selectable(row.text.c_str(), selected) && sameDoc) {
        if (!row.spanId.empty() && s.doc()->span(row.spanId)) {
          s.selectSpan(row.spanId, true);
        } else {
          s.setTextSelection(row.start, row.end);
          s.scrollToRange(row.start, row.end);
        }
      }
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
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
  ws.annotator = s.editor.annotator();
  const std::string title = ws.exercise.title.empty() ? "exercise" : ws.exercise.title;
  std::string file = safeFilePart(title) + "-" + safeFilePart(ws.annotator) + ".scholion.json";
  if (!s.offerFile(file, writeScholionJson(ws), "application/json", "Hand-in failed")) return;
  s.setMessage(savedMessage(s.platform, file) + ": give this file to your teacher");
}

}  // namespace scholion::ui
