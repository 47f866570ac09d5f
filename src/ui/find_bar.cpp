// The find bar (Ctrl+F): case-insensitive search with highlighted matches and "label all results".
#include "app_impl.h"
#include "keys.h"
#include "widget_registry.h"

namespace scholion::ui {

void drawFindBar(UiState& s, float width) {
  if (!s.findOpen) return;
  if (s.findDocIndex != s.editor.active() && s.findBuf[0]) s.runFind();
  ImGui::PushID("find");
  if (s.findFocus) {
    ImGui::SetKeyboardFocusHere();
    s.findFocus = false;
  }
  ImGui::SetNextItemWidth(std::max(160.0f, width * 0.35f));
  bool enter = ImGui::InputTextWithHint("##q", "Find in document", s.findBuf, sizeof s.findBuf,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  if ((ImGui::IsItemActive() || ImGui::IsItemDeactivated()) &&
      keys::pressedNamed(ImGuiKey_Escape, false))
    s.findOpen = false;
  if (s.findQuery != s.findBuf) s.runFind();
  auto step = [&](int dir) {
    if (s.matches.empty()) return;
    int n = static_cast<int>(s.matches.size());
    s.currentMatch = ((s.currentMatch < 0 ? 0 : s.currentMatch) + (dir > 0 ? 1 : n - 1)) % n;
    const Fragment& m = s.matches[static_cast<std::size_t>(s.currentMatch)];
    s.scrollToRange(m.start, m.end);
  };
  if (enter) {
    step(keys::shift() ? -1 : 1);
    ImGui::SetKeyboardFocusHere(-1);  // keep typing / pressing Enter
  }
  ImGui::SameLine();
  if (s.findQuery.empty())
    ImGui::TextDisabled("          ");
  else if (s.matches.empty())
    ImGui::TextDisabled("No matches");
  else
    ImGui::TextDisabled("%d of %zu", s.currentMatch + 1, s.matches.size());
  ImGui::SameLine();
  if (ImGui::ArrowButton("##prev", ImGuiDir_Up)) step(-1);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Down)) step(1);
  ImGui::SameLine();
  if (ImGui::Checkbox("Match case", &s.findCaseSensitive)) s.runFind();
  ImGui::SameLine();
  ImGui::BeginDisabled(s.matches.empty());
  const bool labelAll = ImGui::Button("Label all results...");
  recordWidget("label-all-results");
  if (labelAll) ImGui::OpenPopup("##labelall");
  ImGui::EndDisabled();
  if (ImGui::BeginPopup("##labelall")) {
    ImGui::TextDisabled("Label %zu results as", s.matches.size());
    labelMenuItems(s, "label-all-results", &UiState::labelMatches);
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Close")) {
    s.findOpen = false;
    s.matches.clear();
    s.findQuery.clear();
    s.findBuf[0] = 0;
  }
  ImGui::PopID();
}

}  // namespace scholion::ui
