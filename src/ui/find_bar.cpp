// The find bar (Ctrl+F): case-insensitive search with highlighted matches and "label all results".
#include "keys.h"
#include "panels.h"
#include "widget_registry.h"

namespace scholion::ui {

void closeFindSelectingMatch(UiState& s) {
  s.find.open = false;
  if (s.find.current >= 0 && static_cast<std::size_t>(s.find.current) < s.find.matches.size()) {
    const Fragment m = s.find.matches[static_cast<std::size_t>(s.find.current)];
    s.setTextSelection(m.start, m.end);
    s.scrollToRange(m.start, m.end);
  }
  s.find.clearMatches();
}

void drawFindBar(UiState& s, float width) {
  if (!s.find.open) return;
  if (s.find.docIndex != s.editor.active() && s.find.buf[0]) s.runFind();
  ImGui::PushID("find");
  if (s.find.focus) {
    ImGui::SetKeyboardFocusHere();
    s.find.focus = false;
  }
  ImGui::SetNextItemWidth(std::max(160.0f, width * 0.35f));
  bool enter = ImGui::InputTextWithHint("##q", "Find in document", s.find.buf, sizeof s.find.buf,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  if ((ImGui::IsItemActive() || ImGui::IsItemDeactivated()) &&
      keys::pressedNamed(ImGuiKey_Escape, false)) {
    closeFindSelectingMatch(s);  // (Esc also emptied the field: nothing more to find)
    ImGui::PopID();
    return;
  }
  if (s.find.query != s.find.buf) s.runFind();
  auto step = [&](int dir) {
    if (s.find.matches.empty()) return;
    int n = static_cast<int>(s.find.matches.size());
    s.find.current = ((s.find.current < 0 ? 0 : s.find.current) + (dir > 0 ? 1 : n - 1)) % n;
    const Fragment& m = s.find.matches[static_cast<std::size_t>(s.find.current)];
    s.scrollToRange(m.start, m.end);
  };
  if (enter) {
    step(keys::shift() ? -1 : 1);
    ImGui::SetKeyboardFocusHere(-1);  // keep typing / pressing Enter
  }
  ImGui::SameLine();
  if (s.find.query.empty())
    ImGui::TextDisabled("          ");
  else if (s.find.matches.empty())
    ImGui::TextDisabled("No matches");
  else
    ImGui::TextDisabled("%d of %zu", s.find.current + 1, s.find.matches.size());
  ImGui::SameLine();
  if (ImGui::ArrowButton("##prev", ImGuiDir_Up)) step(-1);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Down)) step(1);
  ImGui::SameLine();
  if (ImGui::Checkbox("Match case", &s.find.caseSensitive)) s.runFind();
  ImGui::SameLine();
  ImGui::BeginDisabled(s.find.matches.empty());
  const bool labelAll = ImGui::Button("Label all results...");
  recordWidget("label-all-results");
  if (labelAll) ImGui::OpenPopup("##labelall");
  ImGui::EndDisabled();
  if (ImGui::BeginPopup("##labelall")) {
    ImGui::TextDisabled("Label %zu results as", s.find.matches.size());
    labelMenuItems(s, "label-all-results", &UiState::labelMatches);
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Close")) {
    s.find.open = false;
    s.find.clearMatches();
    s.find.buf[0] = 0;
  }
  ImGui::PopID();
}

}  // namespace scholion::ui
