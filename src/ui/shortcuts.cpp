// Global keyboard shortcuts: labels, undo/redo, find, zoom, span editing keys, relations, help.
#include <algorithm>

#include "app_impl.h"
#include "keys.h"

namespace scholion::ui {
namespace {

// Moves an end of the selected span (or of the text selection) by one token (Alt: one character).
void resizeByKey(UiState& s, bool moveStart, bool forward) {
  DocumentState* ds = s.doc();
  if (!ds) return;
  const Document& d = ds->document();
  const Span* sp = s.selectedSpan.empty() ? nullptr : ds->span(s.selectedSpan);
  uint32_t a = sp ? sp->start : s.selStart, b = sp ? sp->end : s.selEnd;
  if (!sp && !s.hasSelection()) return;
  const uint32_t n = static_cast<uint32_t>(d.length());
  const bool exact = keys::alt();
  if (moveStart) {
    if (forward)
      a = exact ? std::min(a + 1, b - 1) : tokenStartAfter(d, a);
    else
      a = exact ? (a > 0 ? a - 1 : 0) : tokenStartBefore(d, a);
    if (a >= b) return;
  } else {
    if (forward)
      b = exact ? std::min(b + 1, n) : tokenEndAfter(d, b);
    else
      b = exact ? (b > a + 1 ? b - 1 : b) : tokenEndBefore(d, b);
    if (b <= a) return;
  }
  if (sp) {
    s.apply(cmdResizeSpan(*ds, sp->id, a, b));
  } else {
    s.selStart = a;
    s.selEnd = b;
  }
  s.scrollToRange(moveStart ? a : b, moveStart ? a : b);
}

}  // namespace

void handleGlobalShortcuts(UiState& s) {
  ImGuiIO& io = ImGui::GetIO();
  const bool ctrl = keys::ctrl(), shift = keys::shift();
  // Work even while typing in a field: help, find, undo when the field is not using them.
  if (keys::pressed(keys::kF1, false)) s.showHelp = !s.showHelp;
  if (ctrl && keys::pressed(keys::letter('f'), false)) {
    s.findOpen = true;
    s.findFocus = true;
  }
  // The rest would clash with typing. WantTextInput is last frame's: a field the user just left
  // (a click elsewhere) must not swallow the shortcut pressed right after.
  if (io.WantTextInput && ImGui::IsAnyItemActive()) return;

  if (ctrl && keys::pressedNamed(ImGuiKey_Z) && !shift) s.undo();
  if ((ctrl && shift && keys::pressedNamed(ImGuiKey_Z)) || (ctrl && keys::pressedNamed(ImGuiKey_Y)))
    s.redo();
  if (ctrl && keys::pressedNamed(ImGuiKey_C, false)) s.copySelection();
  if (ctrl && (keys::pressed(keys::kEquals) || keys::pressed(keys::kKpPlus)))
    s.setZoom(s.zoom * 1.1f);
  if (ctrl && (keys::pressed(keys::kMinus) || keys::pressed(keys::kKpMinus)))
    s.setZoom(s.zoom / 1.1f);
  if (ctrl && (keys::pressed(keys::k0, false) || keys::pressed(keys::kKp0, false))) s.setZoom(1.0f);
  if (ctrl && keys::pressed(keys::letter('s'), false)) s.exportWorkspace(false);
  if (ctrl && keys::pressed(keys::letter('o'), false))
    s.platform.openFileChooser(kOpenAccept, true);
  if (keys::pressed(keys::kF3) || (ctrl && keys::pressed(keys::letter('g')))) {
    if (!s.matches.empty()) {
      int n = static_cast<int>(s.matches.size());
      s.currentMatch = ((s.currentMatch < 0 ? 0 : s.currentMatch) + (shift ? n - 1 : 1)) % n;
      const Fragment& m = s.matches[static_cast<std::size_t>(s.currentMatch)];
      s.scrollToRange(m.start, m.end);
    }
  }

  if (keys::pressedNamed(ImGuiKey_Escape, false)) {
    if (s.relating) {
      s.relating = false;
      s.setMessage("Relation cancelled");
    } else if (s.findOpen) {
      s.findOpen = false;
    } else {
      s.clearSelection();
    }
  }
  if (keys::pressedNamed(ImGuiKey_Delete, false) || keys::pressedNamed(ImGuiKey_Backspace, false))
    s.deleteSelected();

  // Span / selection resizing: Shift+Left/Right move the end, Ctrl+Shift+Left/Right the start.
  if (shift && keys::pressedNamed(ImGuiKey_RightArrow)) resizeByKey(s, ctrl, !ctrl);
  if (shift && keys::pressedNamed(ImGuiKey_LeftArrow)) resizeByKey(s, ctrl, ctrl);

  if (keys::pressedNamed(ImGuiKey_Enter, false) && (s.hasSelection() || !s.selectedSpan.empty())) {
    ImVec2 mn, mx;
    uint32_t a = s.hasSelection() ? s.selStart : 0, b = s.hasSelection() ? s.selEnd : 0;
    if (!s.hasSelection())
      if (const Span* sp = s.doc() ? s.doc()->span(s.selectedSpan) : nullptr)
        a = sp->start, b = sp->end;
    if (s.geo.firstLineRect(a, b, mn, mx)) s.popupPos = ImVec2(mn.x, mx.y);
    s.openLabelPopup = true;
  }

  // Typed characters: label hotkeys and R (relation). Not with Ctrl (those are commands).
  if (ctrl || io.KeyAlt) return;
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    ImWchar c = io.InputQueueCharacters[i];
    if (c >= 0x80 || c <= ' ') continue;
    std::string key(1, static_cast<char>(c));
    const SpanLabel* l = s.labelForHotkey(key);
    if (l && (s.hasSelection() || !s.selectedSpan.empty())) {
      s.labelSelection(l->name);
      ImGui::CloseCurrentPopup();
      continue;
    }
    if ((c == 'r' || c == 'R') && !s.selectedSpan.empty()) {
      s.relating = true;
      s.relationFrom = s.selectedSpan;
      s.setMessage("Relation from " + s.selectedSpan + ": click the target span (Esc cancels)");
    } else if (c == 'n' || c == 'N') {
      if (!s.selectedSpan.empty()) s.focusNote = true;
    }
  }
}

}  // namespace scholion::ui
