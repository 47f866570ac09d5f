// The keyboard in the text view: the caret and its moves (caret.h rules), Shift+movement
// selections and span resizing, Tab through spans, and drawing the caret.
#include <algorithm>

#include "caret.h"
#include "imgui_internal.h"
#include "keys.h"
#include "panels.h"
#include "text_view.h"

namespace scholion::ui {
namespace {

uint32_t clampCp(const Document& d, uint32_t cp) {
  return std::min(cp, static_cast<uint32_t>(d.length()));
}

// The caret place on the visual line `delta` lines away from the caret's, at the column the
// caret had when Up/Down started (so short and empty lines on the way do not lose it).
uint32_t caretOnOtherLine(UiState& s, uint32_t caret, int delta) {
  const TextLayout& layout = s.view.layout;
  const std::size_t li = layout.lineOfCp(caret);
  if (s.view.caretXAt != static_cast<int64_t>(caret)) s.view.caretX = layout.xOfCp(li, caret);
  uint32_t to;
  if (delta < 0 && li == 0)
    to = 0;
  else if (delta > 0 && li + 1 >= layout.lineCount())
    to = static_cast<uint32_t>(s.doc()->document().length());
  else
    to = caretSnap(s.doc()->document(), layout.cpAtX(delta < 0 ? li - 1 : li + 1, s.view.caretX));
  s.view.caretXAt = to;
  return to;
}

// Moves an end of the selected span (or of the text selection) by one token (Alt: one character,
// that is one grapheme cluster: an emoji sequence or a letter with its marks moves as one). A
// token step that would cross a line break holds at the line's end first (caret.h).
void resizeByKey(UiState& s, bool moveStart, bool forward) {
  const DocumentState* ds = s.doc();
  const Document& d = ds->document();
  const Span* sp = s.sel.span.empty() ? nullptr : ds->span(s.sel.span);
  uint32_t a = sp ? sp->start : s.sel.start, b = sp ? sp->end : s.sel.end;
  if (!sp && !s.sel.hasText()) return;
  const uint32_t n = static_cast<uint32_t>(d.length());
  uint32_t& edge = moveStart ? a : b;
  if (keys::alt()) {
    edge = forward ? d.clusterBoundary(std::min(edge + 1, n), true)
                   : (edge > 0 ? d.clusterBoundary(edge - 1, false) : 0);
  } else {
    FocusStep step = extendByToken(d, moveStart ? b : a, edge, forward, s.sel.caretHeld);
    if (step.held) {
      s.sel.caretHeld = true;
      s.setMessage("Stopped at the line break: press again to go on to the next line");
      return;
    }
    edge = step.focus;
  }
  if (a >= b) return;
  if (sp) {
    s.apply(cmdResizeSpan(*ds, sp->id, a, b));
    s.sel.caretHeld = false;
  } else {
    s.sel.setRange(a, b);
  }
  s.sel.caret = edge;
  s.scrollToRange(edge, edge);
}

// Shift+movement without a span: the selection runs from the anchor to the moved caret.
void extendTo(UiState& s, uint32_t focus, bool held) {
  const Document& d = s.doc()->document();
  if (!s.sel.hasText()) s.sel.anchor = s.sel.caret;
  uint32_t a = std::min(s.sel.anchor, focus), b = std::max(s.sel.anchor, focus);
  snapToTokens(d, a, b);
  const uint32_t anchor = s.sel.anchor;
  s.sel.setRange(a, b);
  s.sel.anchor = anchor;
  s.sel.caret = focus;
  s.sel.caretHeld = held;
  if (held) s.setMessage("Stopped at the line break: press again to go on to the next line");
}

// The caret goes to `to`; the selection (text or span) is dropped.
void moveCaret(UiState& s, uint32_t to) {
  s.clearSelection();
  s.sel.caret = s.sel.anchor = to;
}

void stepThroughSpans(UiState& s, bool forward) {
  const DocumentState& ds = *s.doc();
  const Span* cur = s.sel.span.empty() ? nullptr : ds.span(s.sel.span);
  const uint32_t at = cur ? cur->start : s.sel.caret;
  const Span* next = stepSpan(ds.data().annotations.spans, at, cur ? cur->end : at,
                              cur ? cur->id : std::string(), forward);
  if (!next) {
    s.setMessage("No spans to step through yet");
    return;
  }
  s.selectSpan(next->id, true);
}

}  // namespace

bool dialogHasKeys() {
  const ImGuiWindow* nav = GImGui->NavWindow;
  // The fixed panels and the text have no title bar; dialogs and tool windows do.
  return nav && nav->RootWindow && !(nav->RootWindow->Flags & ImGuiWindowFlags_NoTitleBar);
}

bool textHasKeys() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput && ImGui::IsAnyItemActive()) return false;
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
    return false;
  return !dialogHasKeys() && !panelHasKeys();
}

void keepKeyboardInText() {
  ImGuiContext& g = *GImGui;
  ImGuiWindow* text = g.CurrentWindow;
  // Only after a click: a focus the keyboard asked for (Ctrl+F's field) stays where it went.
  if (!g.IO.MouseReleased[0] && !g.IO.MouseReleased[1]) return;
  if (!g.NavWindow || g.NavWindow == text || g.ActiveId != 0 || dialogHasKeys()) return;
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return;
  ImGui::FocusWindow(text);
}

void handleTextKeys(UiState& s) {
  if (!s.hasDoc() || !textHasKeys() || s.gesture.drag != TextGesture::Drag::None) return;
  const Document& d = s.doc()->document();
  const bool shift = keys::shift(), ctrl = keys::ctrl(), alt = keys::alt();
  const bool right = keys::pressedNamed(ImGuiKey_RightArrow);
  const bool left = keys::pressedNamed(ImGuiKey_LeftArrow);
  const bool up = keys::pressedNamed(ImGuiKey_UpArrow);
  const bool down = keys::pressedNamed(ImGuiKey_DownArrow);
  const bool home = keys::pressedNamed(ImGuiKey_Home), end = keys::pressedNamed(ImGuiKey_End);
  const bool tab = keys::pressedNamed(ImGuiKey_Tab);
  s.sel.caret = clampCp(d, s.sel.caret);
  const uint32_t caret = s.sel.caret;
  const uint32_t before = caret;
  const Span* sp = s.sel.span.empty() ? nullptr : s.doc()->span(s.sel.span);

  if (tab && !ctrl && !alt) {
    stepThroughSpans(s, !shift);
    return;
  }
  // Shift+Left/Right move the selected span's end (Ctrl: its start), or extend the selection.
  if (shift && (left || right) && (sp || ctrl)) {
    resizeByKey(s, ctrl, right);
    return;
  }
  if (shift && (left || right)) {
    if (alt) {
      const uint32_t n = static_cast<uint32_t>(d.length());
      extendTo(s,
               right ? d.clusterBoundary(std::min(caret + 1, n), true)
                     : (caret > 0 ? d.clusterBoundary(caret - 1, false) : 0),
               false);
    } else {
      const uint32_t anchor = s.sel.hasText() ? s.sel.anchor : caret;
      FocusStep step = extendByToken(d, anchor, caret, right, s.sel.caretHeld);
      extendTo(s, step.focus, step.held);
    }
  } else if (left || right) {
    uint32_t to;
    if (sp && !ctrl)
      to = right ? sp->end : sp->start;
    else if (s.sel.hasText() && !ctrl)
      to = right ? s.sel.end : s.sel.start;
    else if (ctrl)
      to = right ? caretNextSentence(d, caret) : caretPrevSentence(d, caret);
    else if (alt)
      to = right ? d.clusterBoundary(std::min(caret + 1, static_cast<uint32_t>(d.length())), true)
                 : (caret > 0 ? d.clusterBoundary(caret - 1, false) : 0);
    else
      to = right ? caretNextToken(d, caret) : caretPrevToken(d, caret);
    moveCaret(s, to);
  } else if (up || down || home || end) {
    uint32_t to;
    if (ctrl && (home || end)) {
      to = home ? 0 : static_cast<uint32_t>(d.length());
    } else if (home || end) {
      const VisualLine& l = s.view.layout.line(s.view.layout.lineOfCp(caret));
      to = home ? firstTokenStartIn(d, l.cpStart, l.cpEnd) : lastTokenEndIn(d, l.cpStart, l.cpEnd);
    } else {
      to = caretOnOtherLine(s, caret, up ? -1 : 1);
    }
    if (shift && !sp)
      extendTo(s, to, false);
    else
      moveCaret(s, to);
  } else {
    return;
  }
  if (s.sel.caret != before) s.view.scrollTo(s.sel.caret);
}

void drawCaret(const UiState& s) {
  if (!s.hasDoc() || !s.sel.span.empty() || !s.sel.relation.empty()) return;
  if (s.gesture.drag != TextGesture::Drag::None) return;
  const TextViewState& v = s.view;
  if (v.layout.lineCount() == 0) return;
  const uint32_t caret = clampCp(s.doc()->document(), s.sel.caret);
  std::size_t li = v.layout.lineOfCp(caret);
  if (li < v.frame.first || li > v.frame.last) return;
  const TextGeometry& g = v.geo;
  // A bar in the gap before the caret's letter, with serifs, in the focus colour.
  const float x = std::round(g.xOf(li, caret));
  const float top = g.textTop(li) - 2, bottom = g.textBottom(li) + 2;
  const ImU32 col = ImGui::GetColorU32(ImGuiCol_NavHighlight);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(x - 2, top), ImVec2(x, bottom), col);
  dl->AddRectFilled(ImVec2(x - 4, top), ImVec2(x + 2, top + 2), col);
  dl->AddRectFilled(ImVec2(x - 4, bottom - 2), ImVec2(x + 2, bottom), col);
}

}  // namespace scholion::ui
