// Accessibility in the UI: the screen-reader mirror pushed to the page when it changes, F6
// through the text and the side panels (a focus ring on the item), and the menu bar by keyboard
// (F10, or Alt pressed and released alone).
#include <cstring>

#include "imgui_internal.h"
#include "keys.h"
#include "panels.h"
#include "text_view.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

constexpr int kF6 = 63, kF10 = 67;  // USB HID usage ids (keys.h)

ImGuiWindow* textWindow() {
  return ImGui::FindWindowByName("##text");
}

bool isPanel(const ImGuiWindow* w) {
  return w && (std::strcmp(w->Name, "##left") == 0 || std::strcmp(w->Name, "##right") == 0);
}

void focusText() {
  if (ImGuiWindow* t = textWindow()) ImGui::FocusWindow(t);
}

bool anyPopupOpen() {
  return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
}

void push(UiState& s, AccessibleField field, const std::string& now, std::string& told) {
  if (now == told) return;
  told = now;
  s.platform.setAccessibleText(field, now);
}

}  // namespace

bool panelHasKeys() {
  const ImGuiContext& g = *GImGui;
  return g.NavWindow && isPanel(g.NavWindow->RootWindow) && !g.NavDisableHighlight;
}

void takeRegionFocus(UiState& s, AccessState::Region region) {
  AccessState& a = s.access;
  if (a.region != region || !a.regionFocus) return;
  a.regionFocus = false;
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  ImGui::FocusWindow(w);
  ImGui::NavInitWindow(w, true);
  GImGui->NavDisableHighlight = false;  // the focus ring shows on the first item
  GImGui->NavDisableMouseHover = true;
}

void handleAccessKeys(UiState& s) {
  AccessState& a = s.access;
  ImGuiContext& g = *GImGui;
  const ImGuiIO& io = g.IO;
  // A side panel lost the keyboard (a click elsewhere, a dialog): the region is the text again.
  if (a.region != AccessState::Region::Text && !a.regionFocus && !panelHasKeys())
    a.region = AccessState::Region::Text;
  const int openBefore = a.menuOpen;
  a.menuOpen = -1;  // counted again as the menu bar is drawn (beginBarMenu)
  a.menuCount = 0;
  if (dialogHasKeys()) return;

  // F6 / Shift+F6: text -> labels and documents -> annotation list -> text (hidden panels skipped).
  if (keys::pressed(kF6, false) && !anyPopupOpen()) {
    using R = AccessState::Region;
    const R order[] = {R::Text, R::Labels, R::List};
    int i = static_cast<int>(a.region);
    for (int step = 0; step < 3; ++step) {
      i = (i + (keys::shift() ? 2 : 1)) % 3;
      if ((order[i] == R::Labels && !s.prefs.showLeft) ||
          (order[i] == R::List && !s.prefs.showRight))
        continue;
      break;
    }
    a.region = order[i];
    a.regionFocus = a.region != R::Text;
    if (a.region == R::Text) focusText();
    static const char* const kNames[] = {"Text", "Labels and documents", "Annotation list"};
    s.setMessage(std::string(kNames[i]) +
                 (a.region == R::Text ? "" : ": Up and Down move, Enter picks, Esc goes back"));
  }
  // Esc in a side panel: back to the text (the selection stays).
  if (panelHasKeys() && keys::pressedNamed(ImGuiKey_Escape, false) && !s.gesture.popupWasOpen) {
    a.region = AccessState::Region::Text;
    focusText();
  }

  // The menu bar: F10 or a lone Alt tap opens the first menu or closes the open one.
  bool toggle = keys::pressed(kF10, false);
  if (io.KeyAlt && !a.altAlone && io.KeyMods == ImGuiKeyModFlags_Alt &&
      !(io.KeyModsPrev & ImGuiKeyModFlags_Alt))
    a.altAlone = true;
  else if (a.altAlone && (io.KeyCtrl || io.KeyShift || io.KeySuper ||
                          io.InputQueueCharacters.Size || ImGui::IsAnyMouseDown()))
    a.altAlone = false;
  for (int k = 0; k < 512 && a.altAlone; ++k)
    if (k != 226 && k != 230 && io.KeysDown[k] && io.KeysDownDuration[k] == 0.0f)
      a.altAlone = false;
  if (a.altAlone && !io.KeyAlt) {
    a.altAlone = false;
    // Alt released, not lost with the window's focus (which also takes the mouse away).
    toggle = ImGui::IsMousePosValid(&io.MousePos) == ImGui::IsMousePosValid(&io.MousePosPrev);
  }
  if (toggle) {
    if (a.menuKeys || openBefore >= 0) {
      if (g.OpenPopupStack.Size > 0) ImGui::ClosePopupToLevel(0, false);
      a.menuKeys = false;
      focusText();
    } else {
      a.menuKeys = true;
      a.menuOpenRequest = 0;
    }
  }
}

bool beginBarMenu(UiState& s, const char* id, const char* label, bool enabled) {
  AccessState& a = s.access;
  const int index = a.menuCount++;
  if (a.menuOpenRequest == index) {
    a.menuOpenRequest = -1;
    ImGui::OpenPopup(label);
    GImGui->NavDisableHighlight = false;
    GImGui->NavDisableMouseHover = true;
  }
  const bool open = ImGui::BeginMenu(label, enabled);
  recordWidget("menu", id);
  if (open) a.menuOpen = index;
  return open;
}

void afterMenuBar(UiState& s, int openBefore, int depthBefore) {
  AccessState& a = s.access;
  if (!a.menuKeys) return;
  const ImGuiContext& g = *GImGui;
  // Left / Right in a top menu (not in a submenu, and Right only where it opened none) go to the
  // neighbouring menu.
  if (openBefore >= 0 && depthBefore == 1 && a.menuCount > 0 && a.menuOpenRequest < 0) {
    const bool right = keys::pressedNamed(ImGuiKey_RightArrow);
    const bool left = keys::pressedNamed(ImGuiKey_LeftArrow);
    if ((right && g.OpenPopupStack.Size <= 1) || left)
      a.menuOpenRequest = (openBefore + (right ? 1 : a.menuCount - 1)) % a.menuCount;
  }
  // An item was picked or Esc closed the menu: the keyboard goes back to the text.
  if (a.menuOpenRequest < 0 && g.OpenPopupStack.Size == 0) {
    a.menuKeys = false;
    focusText();
  }
}

void drawFocusRing() {
  const ImGuiContext& g = *GImGui;
  const ImGuiWindow* w = g.NavWindow;
  if (!w || !g.NavId || g.NavDisableHighlight || !w->WasActive) return;
  // ImGui's own highlight of list and menu items is a 1-pixel line inside the item: a 2-pixel
  // ring in the focus colour just outside it, clipped to the window, shows where the keys are.
  const ImRect r =
      ImGui::WindowRectRelToAbs(const_cast<ImGuiWindow*>(w), w->NavRectRel[g.NavLayer]);
  const ImVec2 a(r.Min.x - 3, r.Min.y - 3), b(r.Max.x + 3, r.Max.y + 3);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->PushClipRect(ImVec2(w->ClipRect.Min.x - 4, w->ClipRect.Min.y - 4),
                   ImVec2(w->ClipRect.Max.x + 4, w->ClipRect.Max.y + 4));
  dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_NavHighlight), 4.0f, 0, 2.0f);
  dl->PopClipRect();
}

void updateAccessibleMirror(UiState& s) {
  AccessState& a = s.access;
  if (s.status.time != a.statusTime) {
    a.statusTime = s.status.time;
    // A new message, even with the text of the last one, is read again.
    if (!s.status.text.empty())
      s.platform.setAccessibleText(
          s.status.error ? AccessibleField::Alert : AccessibleField::Status, s.status.text);
  }
  const DocumentState* d = s.doc();
  const std::size_t doc = d ? s.editor.active() : SIZE_MAX;
  const uint64_t revision = s.editor.revision();
  if (revision == a.revision && doc == a.doc && s.sel.caret == a.caret &&
      s.sel.start == a.selStart && s.sel.end == a.selEnd && s.sel.span == a.span)
    return;
  a.revision = revision;
  a.doc = doc;
  a.caret = s.sel.caret;
  a.selStart = s.sel.start;
  a.selEnd = s.sel.end;
  a.span = s.sel.span;
  AccessibleMirror m;
  if (d) {
    m = buildAccessibleMirror(d->document(), d->data().annotations.spans,
                              d->data().annotations.relations, s.editor.schema(), s.sel.caret,
                              s.sel.start, s.sel.end,
                              s.sel.span.empty() ? nullptr : d->span(s.sel.span));
  } else {
    m.sentence = "No document is open. File, Open documents opens one.";
    m.selection = "Nothing selected";
    m.span = "No span at the caret";
  }
  AccessibleMirror& t = a.told;
  push(s, AccessibleField::Sentence, m.sentence, t.sentence);
  push(s, AccessibleField::Caret, m.caret, t.caret);
  push(s, AccessibleField::Selection, m.selection, t.selection);
  push(s, AccessibleField::Span, m.span, t.span);
}

}  // namespace scholion::ui
