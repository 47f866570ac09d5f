// The app on any screen: the UI scale (style sizes; the platform rebuilds the fonts), windows kept
// inside the viewport, and on narrow screens a toolbar for the drawers and zoom and a label bar.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

#include "imgui_internal.h"
#include "panels.h"
#include "touch_ui.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {

void setUiScale(UiState& s, float scale) {
  const float v = std::round(std::clamp(scale, kMinUiScale, kMaxUiScale) * 20.0f) / 20.0f;
  if (v == s.prefs.uiScale) return;
  s.prefs.uiScale = v;
  s.save.once = true;
  s.setMessage("Interface size " + std::to_string(static_cast<int>(std::lround(v * 100))) + "%");
}

void applyStyleScale(UiState& s) {
  ImGuiStyle& st = ImGui::GetStyle();
  ScreenLayout& l = s.screen;
  // Unscaled, or a theme change put the theme's own sizes back: those are the base.
  if (l.styleScale == 1.0f || st.ScrollbarSize != l.mark) {
    l.base = st;
    l.styleScale = 1.0f;
  }
  const float want = s.prefs.uiScale;
  if (l.styleScale != want) {
    ImGuiStyle scaled = l.base;
    scaled.ScaleAllSizes(want);
    std::memcpy(scaled.Colors, st.Colors, sizeof st.Colors);
    st = scaled;
    l.styleScale = want;
  }
  l.mark = st.ScrollbarSize;
}

void keepWindowsOnScreen() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  if (vp->Size.x <= 0 || vp->Size.y <= 0) return;
  for (ImGuiWindow* w : g.Windows) {
    if (!w->WasActive || (w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip)))
      continue;
    const ImVec2 size(std::min(w->Size.x, vp->Size.x), std::min(w->Size.y, vp->Size.y));
    const ImVec2 pos(std::clamp(w->Pos.x, vp->Pos.x, vp->Pos.x + vp->Size.x - size.x),
                     std::clamp(w->Pos.y, vp->Pos.y, vp->Pos.y + vp->Size.y - size.y));
    if (size.x != w->Size.x || size.y != w->Size.y) ImGui::SetWindowSize(w, size);
    if (pos.x != w->Pos.x || pos.y != w->Pos.y) ImGui::SetWindowPos(w, pos);
  }
}

namespace {

constexpr ImGuiWindowFlags kBarFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;

void beginBar(const char* name, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(
      ImGuiStyleVar_WindowPadding,
      ImVec2(ImGui::GetStyle().ItemSpacing.x, (size.y - ImGui::GetFrameHeight()) * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
  ImGui::Begin(name, nullptr, kBarFlags | extra);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

bool toggle(const char* label, bool on) {
  if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  const bool pressed = ImGui::Button(label);
  if (on) ImGui::PopStyleColor();
  return pressed;
}

}  // namespace

float drawNarrowToolbar(UiState& s, ImVec2 pos, float width) {
  const float h = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y;
  ScreenLayout& l = s.screen;
  beginBar("##toolbar", pos, ImVec2(width, h));
  if (toggle("\xE2\x98\xB0 Labels", l.leftOpen)) {  // U+2630
    l.leftOpen = !l.leftOpen;
    l.rightOpen = false;
    l.raise = l.leftOpen;
  }
  recordWidget("toolbar:left");
  ImGui::SameLine();
  if (ImGui::Button("A\xE2\x88\x92")) s.setZoom(s.prefs.zoom / 1.15f);  // U+2212
  recordWidget("toolbar:zoom-out");
  ImGui::SameLine();
  if (ImGui::Button("A+")) s.setZoom(s.prefs.zoom * 1.15f);
  recordWidget("toolbar:zoom-in");
  const char* details = "Details \xE2\x98\xB0";
  const float w = ImGui::CalcTextSize(details).x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), width - w - ImGui::GetStyle().ItemSpacing.x));
  if (toggle(details, l.rightOpen)) {
    l.rightOpen = !l.rightOpen;
    l.leftOpen = false;
    l.raise = l.rightOpen;
  }
  recordWidget("toolbar:right");
  ImGui::End();
  return h;
}

float labelBarHeight(const UiState& s) {
  if (!s.hasDoc() || s.save.readOnly() || s.editor.schema().spanLabels.empty()) return 0;
  if (!s.sel.hasText() && s.sel.span.empty()) return 0;
  if (!s.screen.narrow && !s.touch.used) return 0;
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 2;
}

void drawLabelBar(UiState& s, ImVec2 pos, ImVec2 size) {
  ScreenLayout& l = s.screen;
  l.barMin = pos;
  l.barMax = ImVec2(pos.x + size.x, pos.y + size.y);
  beginBar("##labelbar", pos, size, ImGuiWindowFlags_HorizontalScrollbar);
  const Span* current = s.sel.span.empty() ? nullptr : s.doc()->span(s.sel.span);
  // Clear and Delete first: on a phone the labels run past the edge (a swipe scrolls them).
  if (ImGui::Button("\xE2\x9C\x95")) s.clearSelection();  // U+2715: done, nothing selected
  recordWidget("label-bar:close");
  ImGui::SameLine();
  if (current) {
    if (ImGui::Button("Delete")) s.deleteSelected();
    recordWidget("label-bar:delete");
    ImGui::SameLine();
  }
  for (const SpanLabel& lb : s.editor.schema().spanLabels) {
    ImGui::PushID(lb.name.c_str());
    const bool on = current && current->label == lb.name;
    ImGui::PushStyleColor(ImGuiCol_Button,
                          ImGui::ColorConvertU32ToFloat4(labelColor(lb.color, on ? 0.85f : 0.30f)));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                          ImGui::ColorConvertU32ToFloat4(labelColor(lb.color, 0.55f)));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                          ImGui::ColorConvertU32ToFloat4(labelColor(lb.color, 0.85f)));
    const bool picked = ImGui::Button(widgetText(lb.name));
    ImGui::PopStyleColor(3);
    recordWidget("label-bar", lb.name.c_str());
    if (picked) s.labelSelection(lb.name);
    ImGui::PopID();
    ImGui::SameLine();
  }
  ImGui::End();
}

void drawUiScaleItems(UiState& s) {
  const float v = s.prefs.uiScale;
  if (namedMenuItem("ui-larger", "Larger interface", "Ctrl+Wheel", false, v < kMaxUiScale))
    setUiScale(s, v + 0.1f);
  if (namedMenuItem("ui-smaller", "Smaller interface", nullptr, false, v > kMinUiScale))
    setUiScale(s, v - 0.1f);
  const std::string reset =
      "Interface size 100% (now " + std::to_string(static_cast<int>(std::lround(v * 100))) + "%)";
  if (namedMenuItem("ui-reset", reset.c_str(), nullptr, false, v != 1.0f)) setUiScale(s, 1.0f);
}

nlohmann::json screenStateJson(const UiState& s) {
  const ScreenLayout& l = s.screen;
  auto rect = [](ImVec2 a, ImVec2 b) { return nlohmann::json{a.x, a.y, b.x - a.x, b.y - a.y}; };
  nlohmann::json j;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  j["viewport"] = {vp->Size.x, vp->Size.y};
  j["narrow"] = l.narrow;
  j["uiScale"] = s.prefs.uiScale;
  j["fontSize"] = ImGui::GetFontSize();
  j["textFontSize"] = s.view.geo.m.fontSize;
  j["text"] = rect(l.textMin, l.textMax);
  j["leftWidth"] = l.leftWidth;
  j["rightWidth"] = l.rightWidth;
  j["leftOpen"] = l.leftOpen;
  j["rightOpen"] = l.rightOpen;
  j["labelBar"] = l.barMax.x > l.barMin.x ? rect(l.barMin, l.barMax) : nlohmann::json();
  const TouchUi& t = s.touch;
  j["touch"] = t.used;
  j["handles"] = t.handlesShown
                     ? nlohmann::json{{t.handleA.x, t.handleA.y}, {t.handleB.x, t.handleB.y}}
                     : nlohmann::json();
  // Top-level windows on screen (panels, dialogs, popups), for tests that they fit.
  nlohmann::json windows = nlohmann::json::array();
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (w->WasActive && !(w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip)))
      windows.push_back(
          {{"name", w->Name},
           {"rect", rect(w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y))}});
  j["windows"] = windows;
  return j;
}

}  // namespace scholion::ui
