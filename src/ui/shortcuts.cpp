// Global keyboard shortcuts: labels, undo/redo, find, zoom, span editing keys, relations, help.
#include <algorithm>

#include "keys.h"
#include "panels.h"
#include "suggest_ui.h"
#include "text_view.h"

namespace scholion::ui {
void handleGlobalShortcuts(UiState& s) {
  ImGuiIO& io = ImGui::GetIO();
  const bool ctrl = keys::ctrl(), shift = keys::shift();
  // Work even while typing in a field: help, find, undo when the field is not using them.
  if (keys::pressed(keys::kF1, false)) s.prefs.showHelp = !s.prefs.showHelp;
  if (ctrl && keys::pressed(keys::letter('f'), false)) {
    s.find.open = true;
    s.find.focus = true;
  }
  // The rest would clash with typing. WantTextInput is last frame's: a field the user just left
  // (a click elsewhere) must not swallow the shortcut pressed right after.
  if (io.WantTextInput && ImGui::IsAnyItemActive()) return;

  if (ctrl && keys::pressedNamed(ImGuiKey_Z) && !shift) s.undo();
  if ((ctrl && shift && keys::pressedNamed(ImGuiKey_Z)) || (ctrl && keys::pressedNamed(ImGuiKey_Y)))
    s.redo();
  if (ctrl && keys::pressedNamed(ImGuiKey_C, false)) s.copySelection();
  if (ctrl && (keys::pressed(keys::kEquals) || keys::pressed(keys::kKpPlus)))
    s.setZoom(s.prefs.zoom * 1.1f);
  if (ctrl && (keys::pressed(keys::kMinus) || keys::pressed(keys::kKpMinus)))
    s.setZoom(s.prefs.zoom / 1.1f);
  if (ctrl && (keys::pressed(keys::k0, false) || keys::pressed(keys::kKp0, false))) s.setZoom(1.0f);
  if (ctrl && keys::pressed(keys::letter('s'), false)) s.exportWorkspace(false);
  if (ctrl && keys::pressed(keys::letter('o'), false))
    s.platform.openFileChooser(kOpenAccept, true);
  if (keys::pressed(keys::kF3) || (ctrl && keys::pressed(keys::letter('g')))) {
    if (!s.find.matches.empty()) {
      int n = static_cast<int>(s.find.matches.size());
      s.find.current = ((s.find.current < 0 ? 0 : s.find.current) + (shift ? n - 1 : 1)) % n;
      const Fragment& m = s.find.matches[static_cast<std::size_t>(s.find.current)];
      s.scrollToRange(m.start, m.end);
    }
  }

  // Esc: a focused dialog closes itself (keys::escapeCloses); here the text's own things.
  // (A menu that Esc closed, ImGui closed before this frame: it takes nothing else with it.)
  if (keys::pressedNamed(ImGuiKey_Escape, false) && !dialogHasKeys() && !panelHasKeys() &&
      !s.gesture.popupWasOpen) {
    if (s.gesture.relating) {
      s.gesture.relating = false;
      s.setMessage("Relation cancelled");
    } else if (s.find.open || !s.find.matches.empty()) {
      closeFindSelectingMatch(s);
    } else {
      s.clearSelection();
    }
  }
  if (keys::pressedNamed(ImGuiKey_Delete, false) || keys::pressedNamed(ImGuiKey_Backspace, false))
    if (!(s.sel.span.empty() && s.sel.relation.empty() && rejectSuggestionUnderCaret(s)))
      s.deleteSelected();

  // Enter in a menu or list picks its highlighted item (host.cpp maps it to ImGui's Activate).
  const bool enter = keys::pressedNamed(ImGuiKey_Enter, false) && textHasKeys();
  if (enter && s.sel.span.empty() && acceptSuggestionUnderCaret(s)) {
    // the suggestion at the selection became a span
  } else if (enter && (s.sel.hasText() || !s.sel.span.empty())) {
    ImVec2 mn, mx;
    uint32_t a = s.sel.hasText() ? s.sel.start : 0, b = s.sel.hasText() ? s.sel.end : 0;
    if (!s.sel.hasText())
      if (const Span* sp = s.doc() ? s.doc()->span(s.sel.span) : nullptr)
        a = sp->start, b = sp->end;
    if (s.view.geo.firstLineRect(a, b, mn, mx)) s.gesture.popupPos = ImVec2(mn.x, mx.y);
    s.gesture.openLabelPopup = true;
  }

  // Typed characters: label hotkeys and R (relation). Not with Ctrl (those are commands).
  if (ctrl || io.KeyAlt) return;
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    ImWchar c = io.InputQueueCharacters[i];
    if (c >= 0x80 || c <= ' ') continue;
    std::string key(1, static_cast<char>(c));
    const SpanLabel* l = s.labelForHotkey(key);
    if (l && s.sel.span.empty() && acceptSuggestionUnderCaret(s, l->name)) continue;
    if (l && (s.sel.hasText() || !s.sel.span.empty())) {
      s.labelSelection(l->name);
      ImGui::CloseCurrentPopup();
      continue;
    }
    if ((c == 'r' || c == 'R') && !s.sel.span.empty()) {
      s.gesture.relating = true;
      s.gesture.relationFrom = s.sel.span;
      s.setMessage("Relation from " + s.sel.span + ": click the target span (Esc cancels)");
    } else if (c == 'n' || c == 'N') {
      if (!s.sel.span.empty()) s.note.focus = true;
    } else if (!l && (c == 'x' || c == 'X')) {
      rejectSuggestionUnderCaret(s);
    } else if (!l && (c == 'u' || c == 'U')) {
      nextMostUsefulSuggestion(s);
    }
  }
}

}  // namespace scholion::ui
