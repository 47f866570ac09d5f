// Fingers over the app: one finger scrolls the text or the panel under it, a tap selects the span
// under it, a long press selects a word (and dragging on extends it), the selection's handles move
// its ends, two fingers pinch the text's zoom. Classification is core's TouchRecognizer.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string_view>

#include "caret.h"
#include "imgui_internal.h"
#include "suggest_ui.h"
#include "text_view.h"
#include "touch_ui.h"
#include "ui_state.h"

namespace scholion::ui {
namespace {

constexpr float kHandleRadius = 9.0f;  // drawn; the finger target is larger (kHandleReach)
constexpr float kHandleReach = 26.0f;

bool overText(const UiState& s, ImVec2 p) {
  return p.x >= s.view.viewMin.x && p.x < s.view.viewMax.x && p.y >= s.view.viewMin.y &&
         p.y < s.view.viewMax.y;
}

// The window a finger on `w` scrolls: it or the nearest parent that can scroll.
ImGuiWindow* scrollableFrom(ImGuiWindow* w) {
  while (w && w->ScrollMax.y <= 0 && w->ScrollMax.x <= 0 &&
         (w->Flags & ImGuiWindowFlags_ChildWindow))
    w = w->ParentWindow;
  return w;
}

// The word (token) at a screen point of the text, or false over white space.
bool wordAt(const UiState& s, ImVec2 p, uint32_t& a, uint32_t& b) {
  const Document& doc = s.doc()->document();
  const uint32_t c = s.view.geo.cpAt(ImVec2(p.x - 1, p.y));
  const auto& toks = doc.tokens();
  const std::size_t i = doc.tokenAtOrAfter(c);
  if (i >= toks.size() || toks[i].start > c) return false;
  a = toks[i].start;
  b = toks[i].end;
  return true;
}

void setRange(UiState& s, uint32_t a, uint32_t b) {
  const Document& doc = s.doc()->document();
  if (a > b) std::swap(a, b);
  snapToTokens(doc, a, b);
  if (b <= a) return;
  s.setTextSelection(a, b);
  s.sel.anchor = a;
  s.sel.caret = b;
}

void onDown(UiState& s, TouchUi& t, ImVec2 p) {
  t.target = TouchUi::Target::None;
  t.selecting = false;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const bool popup =
      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
  ImGuiWindow* hovered = g.HoveredWindow;
  const bool onText = !popup && s.hasDoc() && hovered && overText(s, p) &&
                      std::string_view(hovered->Name) == "##text";
  if (onText && t.handlesShown && s.sel.hasText()) {
    auto near = [&](ImVec2 c) { return std::hypot(p.x - c.x, p.y - c.y) < kHandleReach; };
    // The nearer handle wins where they overlap (a one-letter selection).
    const float da = std::hypot(p.x - t.handleA.x, p.y - t.handleA.y);
    const float db = std::hypot(p.x - t.handleB.x, p.y - t.handleB.y);
    if (near(t.handleA) || near(t.handleB)) {
      t.target = TouchUi::Target::Handle;
      t.draggingEnd = db <= da;
      t.recognizer.capture();
      return;
    }
  }
  if (onText) {
    t.target = TouchUi::Target::Text;
  } else if (ImGuiWindow* w = scrollableFrom(hovered)) {
    t.target = TouchUi::Target::Window;
    t.window = w->ID;
  }
}

void onTap(UiState& s, ImVec2 p) {
  if (s.screen.leftOpen || s.screen.rightOpen) {  // a tap beside a drawer closes it
    s.screen.leftOpen = s.screen.rightOpen = false;
    return;
  }
  const Span* sp = spanUnder(s.view, p);
  if (s.gesture.relating) {  // R (or Add relation): the tapped span is the target
    finishRelation(s, sp);
  } else if (sp) {
    s.selectSpan(sp->id, false);
  } else {
    s.clearSelection();
    pickSuggestionAt(s, s.view.geo.cpAt(p));  // a dashed suggestion under the finger
  }
}

void onDrag(UiState& s, TouchUi& t, ImVec2 p) {
  const uint32_t cp = s.view.geo.cpAt(p);
  if (t.target == TouchUi::Target::Handle && s.sel.hasText()) {
    const uint32_t fixed = t.draggingEnd ? s.sel.start : s.sel.end;
    // A handle dragged past the other one swaps roles, as on phones.
    if (t.draggingEnd ? cp < fixed : cp > fixed) t.draggingEnd = !t.draggingEnd;
    setRange(s, fixed, cp);
  } else if (t.target == TouchUi::Target::Text && t.selecting) {
    setRange(s, cp >= t.wordStart ? t.wordStart : t.wordEnd, cp);
  }
}

void scrollWindow(ImGuiID id, float dx, float dy) {
  ImGuiWindow* w = ImGui::FindWindowByID(id);
  if (!w) return;
  // From a target set by the last pan, if it has not been applied yet.
  const float y = w->ScrollTarget.y < FLT_MAX ? w->ScrollTarget.y : w->Scroll.y;
  const float x = w->ScrollTarget.x < FLT_MAX ? w->ScrollTarget.x : w->Scroll.x;
  if (dy != 0 && w->ScrollMax.y > 0) ImGui::SetScrollY(w, std::clamp(y - dy, 0.0f, w->ScrollMax.y));
  if (dx != 0 && w->ScrollMax.x > 0) ImGui::SetScrollX(w, std::clamp(x - dx, 0.0f, w->ScrollMax.x));
}

}  // namespace

void touchFrame(UiState& s) {
  TouchUi& t = s.touch;
  if (t.sample.fingers == 0 && !t.recognizer.active()) return;
  t.sample.time = s.platform.now();
  if (t.sample.fingers > 0) t.used = true;
  const TouchEvent e = t.recognizer.update(t.sample);
  const ImVec2 p(e.x, e.y);
  const bool text = t.target == TouchUi::Target::Text && s.hasDoc();
  switch (e.kind) {
    case TouchKind::None:
      break;
    case TouchKind::Down:
      onDown(s, t, p);
      break;
    case TouchKind::Tap:
      if (text) onTap(s, p);
      t.target = TouchUi::Target::None;
      break;
    case TouchKind::LongPress:
      if (text && wordAt(s, p, t.wordStart, t.wordEnd)) {
        setRange(s, t.wordStart, t.wordEnd);
        t.selecting = true;
      }
      break;
    case TouchKind::Drag:
      if (s.hasDoc()) onDrag(s, t, p);
      break;
    case TouchKind::Pan:
      if (text) {
        const float maxY = std::max(0.0f, s.view.arcs.rows().total() + 2 * s.view.geo.m.padY -
                                              (s.view.viewMax.y - s.view.viewMin.y));
        // From the pan's own target: the view's scroll reads back a frame late.
        if (!t.panning) t.panY = s.view.scrollY;
        t.panning = true;
        t.panY = std::clamp(t.panY - e.dy, 0.0f, maxY);
        s.view.restoreScrollY = t.panY;
      } else if (t.target == TouchUi::Target::Window) {
        scrollWindow(t.window, e.dx, e.dy);
      }
      break;
    case TouchKind::Pinch:
      s.setZoom(s.prefs.zoom * e.scale);
      break;
    case TouchKind::End:
      t.target = TouchUi::Target::None;
      t.selecting = t.panning = false;
      break;
  }
}

void drawTouchHandles(UiState& s) {
  TouchUi& t = s.touch;
  t.handlesShown = false;
  if (!t.used || !s.hasDoc() || !s.sel.hasText() || !s.view.geo.layout) return;
  const TextGeometry& g = s.view.geo;
  const TextLayout& l = *g.layout;
  if (l.lineCount() == 0) return;
  std::size_t la = l.lineOfCp(s.sel.start);
  if (s.sel.start == l.line(la).cpEnd && la + 1 < l.lineCount()) ++la;  // starts at a wrap
  const std::size_t lb = l.lineOfCp(s.sel.end > 0 ? s.sel.end - 1 : 0);
  const float xa = g.xOf(la, s.sel.start), xb = g.xOf(lb, s.sel.end, true);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 col = ImGui::GetColorU32(ImGuiCol_CheckMark);
  const float r = kHandleRadius * s.prefs.uiScale;
  t.handleA = ImVec2(xa, g.textBottom(la) + r + 2);
  t.handleB = ImVec2(xb, g.textBottom(lb) + r + 2);
  for (int i = 0; i < 2; ++i) {
    const ImVec2 c = i == 0 ? t.handleA : t.handleB;
    const float top = g.textTop(i == 0 ? la : lb);
    dl->AddLine(ImVec2(c.x, top), ImVec2(c.x, c.y - r), col, 2.0f);
    dl->AddCircleFilled(c, r, col, 20);
  }
  t.handlesShown = true;
}

}  // namespace scholion::ui
