// "Check my work" for a student: running the check, the results docked below the text (score,
// counts, legend, list) and F8 / Shift+F8 stepping from mistake to mistake.
#include <algorithm>
#include <cstdio>
#include <utility>

#include "keys.h"
#include "panels.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

constexpr int kF8 = 65;  // USB HID usage id (keys.h numbering)

std::string quoted(const Document& d, uint32_t start, uint32_t end) {
  const std::size_t n = d.length();
  start = std::min<uint32_t>(start, static_cast<uint32_t>(n));
  end = std::min<uint32_t>(end, static_cast<uint32_t>(n));
  if (end - start > 60) return "\"" + d.slice(start, start + 57) + "...\"";
  return "\"" + d.slice(start, end) + "\"";
}

std::string rowText(const Document& d, const PlacedCheck& p) {
  switch (p.kind) {
    case CheckKind::Correct:
    case CheckKind::Extra:
      break;
    case CheckKind::WrongLabel:
      return p.label + " " + quoted(d, p.start, p.end) +
             (p.keyLabel.empty() ? "" : "  (key: " + p.keyLabel + ")");
    case CheckKind::WrongBoundaries:
      return p.label + " " + quoted(d, p.start, p.end) +
             "  (key: " + quoted(d, p.keyStart, p.keyEnd) + ")";
    case CheckKind::Missing:
      return quoted(d, p.start, p.end) + (p.label.empty() ? "" : "  (" + p.label + ")");
  }
  return p.label + " " + quoted(d, p.start, p.end);
}

// Selects what row `i` points at in the text and scrolls there.
void goToRow(UiState& s, std::size_t i) {
  const PlacedCheck& p = s.classroom.checkRows[i].at;
  if (!p.spanId.empty() && s.doc()->span(p.spanId)) {
    s.selectSpan(p.spanId, true);
  } else {
    s.setTextSelection(p.start, p.end);
    s.scrollToRange(p.start, p.end);
  }
}

// F8 / Shift+F8: the next / previous mistake, from the last one stepped to while the selection
// is still on it, else from the caret.
void stepKeys(UiState& s) {
  ClassroomState& c = s.classroom;
  if (!keys::pressed(kF8) || keys::ctrl() || keys::alt()) return;
  if (ImGui::GetIO().WantTextInput && ImGui::IsAnyItemActive()) return;  // typing in a field
  if (!checkIsCurrent(s)) return s.setMessage("Check again first: you changed something since");
  std::size_t current = c.checkCurrent;
  if (current < c.checkRows.size()) {
    const PlacedCheck& p = c.checkRows[current].at;
    const bool onIt =
        p.spanId.empty() ? (s.sel.start == p.start && s.sel.end == p.end) : s.sel.span == p.spanId;
    if (!onIt) current = SIZE_MAX;
  }
  std::vector<PlacedCheck> placed;
  placed.reserve(c.checkRows.size());
  for (const CheckRow& r : c.checkRows) placed.push_back(r.at);
  uint32_t caret = s.sel.caret;
  if (const Span* sp = s.sel.span.empty() ? nullptr : s.doc()->span(s.sel.span)) caret = sp->start;
  const std::size_t next = stepMistake(placed, current, caret, !keys::shift());
  if (next == SIZE_MAX) return s.setMessage("No mistakes: every span matches the key");
  c.checkCurrent = next;
  c.checkScrollList = true;
  goToRow(s, next);
  std::size_t nth = 0, total = 0;
  for (std::size_t i = 0; i < placed.size(); ++i)
    if (placed[i].mistake()) {
      ++total;
      if (i <= next) ++nth;
    }
  const CheckRow& row = c.checkRows[next];
  s.setMessage("Mistake " + std::to_string(nth) + " of " + std::to_string(total) + ": " +
               checkKindTitle(row.at.kind) + ", " + row.text + "  (F8 next, Shift+F8 previous)");
}

// The legend and the counts in one: how each kind is marked in the text, its name, how many.
void legend(const UiState& s, const std::size_t (&counts)[kCheckKinds]) {
  const float h = ImGui::GetTextLineHeight();
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(6, 1));
  if (ImGui::BeginTable("##legend", 3, ImGuiTableFlags_SizingFixedFit)) {
    for (std::size_t k = 0; k < kCheckKinds; ++k) {
      const CheckKind kind = static_cast<CheckKind>(k);
      const ImU32 col = checkKindColor(kind, s.prefs.dark);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const ImVec2 at = ImGui::GetCursorScreenPos();
      ImGui::Dummy(ImVec2(h * 1.6f, h));
      const ImVec2 a(at.x + 1, at.y + 2), b(at.x + h * 1.6f - 1, at.y + h - 2);
      if (kind == CheckKind::Missing)
        addDashedRect(ImGui::GetWindowDrawList(), a, b, col, 2.0f);
      else
        ImGui::GetWindowDrawList()->AddRect(a, b, col, 3.0f, 0, 2.0f);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(checkKindTitle(kind));
      ImGui::TableNextColumn();
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(col), "%zu", counts[k]);
    }
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
}

void rowsList(UiState& s) {
  ClassroomState& c = s.classroom;
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
      if (c.checkShowCorrect || c.checkRows[i].at.mistake()) shown.push_back(i);
  }
  if (shown.empty()) ImGui::TextDisabled("Nothing to show: every span matches the key.");
  const float lineH = ImGui::GetTextLineHeightWithSpacing();
  if (std::exchange(c.checkScrollList, false)) {
    auto it = std::find(shown.begin(), shown.end(), static_cast<int>(c.checkCurrent));
    if (it != shown.end())
      ImGui::SetScrollY(std::max(0.0f, (it - shown.begin()) * lineH - lineH * 2));
  }
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(shown.size()), lineH);
  const bool sameDoc = c.checkDoc == s.editor.active();
  const float kindW =
      ImGui::CalcTextSize("Wrong boundaries").x + ImGui::GetStyle().ItemSpacing.x * 3;
  while (clip.Step()) {
    for (int k = clip.DisplayStart; k < clip.DisplayEnd; ++k) {
      const std::size_t i = static_cast<std::size_t>(shown[k]);
      const CheckRow& row = c.checkRows[i];
      ImGui::PushID(shown[k]);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(checkKindColor(row.at.kind, s.prefs.dark)),
                         "%s", checkKindTitle(row.at.kind));
      ImGui::SameLine(kindW);
      const bool selected =
          i == c.checkCurrent || (!row.at.spanId.empty() && s.sel.span == row.at.spanId);
      if (ImGui::Selectable(widgetText(row.text), selected) && sameDoc) {
        c.checkCurrent = i;
        goToRow(s, i);
      }
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace

ImU32 checkKindColor(CheckKind kind, bool dark) {
  switch (kind) {
    case CheckKind::Correct:
      return dark ? IM_COL32(80, 200, 110, 255) : IM_COL32(30, 150, 60, 255);
    case CheckKind::WrongLabel:
      return dark ? IM_COL32(255, 150, 50, 255) : IM_COL32(235, 120, 10, 255);
    case CheckKind::WrongBoundaries:
      return dark ? IM_COL32(235, 205, 40, 255) : IM_COL32(190, 150, 0, 255);
    case CheckKind::Extra:
      return dark ? IM_COL32(250, 90, 90, 255) : IM_COL32(215, 40, 40, 255);
    case CheckKind::Missing:
      break;
  }
  return dark ? IM_COL32(175, 140, 255, 255) : IM_COL32(120, 70, 220, 255);
}

const char* checkKindTitle(CheckKind kind) {
  static const char* const kNames[kCheckKinds] = {"Correct", "Wrong label", "Wrong boundaries",
                                                  "Extra", "Missing"};
  return kNames[static_cast<std::size_t>(kind)];
}

bool checkIsCurrent(const UiState& s) {
  const ClassroomState& c = s.classroom;
  return c.checked && c.checkDoc == s.editor.active() && c.checkRevision == s.editor.revision();
}

float checkPanelHeight(float height) {
  return std::clamp(height * 0.3f, 170.0f, 240.0f);
}

void runCheck(UiState& s, bool counted) {
  ClassroomState& c = s.classroom;
  c.checked = false;
  c.checkError.clear();
  c.checkRows.clear();
  c.checkShownValid = false;
  c.checkCurrent = SIZE_MAX;
  if (!s.hasDoc()) return;
  const std::size_t index = s.editor.active();
  // Checks are counted for the teacher (time on task); they change no annotation, so the
  // result below stays current.
  if (counted) {
    WorkProgress progress = s.editor.progress();
    ++progress.checks;
    s.editor.setProgress(std::move(progress));
  }
  // checkDocument wants the plain workspace; a snapshot per click is fine (on demand only).
  Workspace ws = s.editor.snapshot();
  // Once handed in, "key after hand-in" feedback shows the whole key: missed spans' labels too.
  if (ws.exercise.feedback == Feedback::KeyAfterHandIn && ws.progress.handedIn)
    ws.exercise.revealMissingLabels = true;
  Result<CheckResult> r = checkDocument(ws, index);
  c.checkDoc = index;
  c.checkRevision = s.editor.revision();
  if (!r) {
    c.checkError = r.error();
    return;
  }
  c.check = std::move(*r);
  c.checked = true;
  const DocumentState& ds = s.editor.doc(index);
  std::size_t counts[kCheckKinds] = {};
  for (PlacedCheck& p : placeCheckResult(c.check, ds.data().annotations)) {
    ++counts[static_cast<std::size_t>(p.kind)];
    std::string text = rowText(ds.document(), p);
    c.checkRows.push_back(CheckRow{std::move(p), std::move(text)});
  }
  c.countWrongLabel = counts[static_cast<std::size_t>(CheckKind::WrongLabel)];
  c.countWrongBounds = counts[static_cast<std::size_t>(CheckKind::WrongBoundaries)];
  c.countExtra = counts[static_cast<std::size_t>(CheckKind::Extra)];
}

void drawCheckPanel(UiState& s, ImVec2 pos, ImVec2 size) {
  ClassroomState& c = s.classroom;
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  if (!ImGui::Begin("Check my work###classroom-check", &c.showCheck, flags)) return ImGui::End();
  recordWidget("check:panel");
  if (keys::escapeCloses()) c.showCheck = false;
  const bool marks = checkShowsMarks(s);
  if (c.checked && marks) stepKeys(s);
  const bool stale = !checkIsCurrent(s);
  ImGui::BeginChild("##summary", ImVec2(std::min(380.0f, size.x * 0.42f), 0), false);
  if (ImGui::Button(stale ? "Check again" : "Check")) runCheck(s);
  recordWidget("check:run");
  if (c.checked) {
    const CheckResult& r = c.check;
    char score[32];
    std::snprintf(score, sizeof score, "Score %.0f%%", r.score * 100);
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(r.score), ImVec2(-1, 0), score);
  }
  if (stale && (c.checked || !c.checkError.empty()))
    ImGui::TextDisabled(c.checkDoc != s.editor.active()
                            ? "Results for another document"
                            : "You changed something since: marks hidden");
  if (!c.checkError.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(checkKindColor(CheckKind::Extra, false)),
                       "%s", c.checkError.c_str());
    ImGui::PopTextWrapPos();
  }
  if (c.checked) {
    const CheckResult& r = c.check;
    ImGui::TextDisabled("%zu of your %zu match the key's %zu", r.correct, r.studentItems,
                        r.keyItems);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Compared: %s", r.scope == CheckScope::Spans ? "span boundaries"
                                        : r.scope == CheckScope::Relations
                                            ? "spans, labels and relations"
                                            : "spans and labels");
    if (r.scope == CheckScope::Relations) {
      std::size_t ok = 0;
      for (const CheckedRelation& cr : r.relations) ok += cr.correct;
      ImGui::TextDisabled("Relations: %zu of %zu correct, %zu missing", ok, r.relations.size(),
                          r.missingRelations);
    }
    const std::size_t counts[kCheckKinds] = {
        r.spans.size() - c.countWrongLabel - c.countWrongBounds - c.countExtra, c.countWrongLabel,
        c.countWrongBounds, c.countExtra, r.missing.size()};
    if (marks) {
      legend(s, counts);
      recordWidget("check:legend");
      ImGui::TextDisabled("F8 / Shift+F8: next / previous mistake");
    } else {
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("Your teacher shows the score only for this exercise.");
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::EndChild();
  if (c.checked && marks) {
    ImGui::SameLine();
    ImGui::BeginChild("##list", ImVec2(0, 0), false);
    rowsList(s);
    ImGui::EndChild();
  }
  ImGui::End();
}

}  // namespace scholion::ui
