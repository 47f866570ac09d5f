// The document view: wrapped text, highlights, tags, arcs, selection; only the visible lines are
// drawn.
#include "text_view.h"

#include <algorithm>
#include <cmath>

#include "caret.h"
#include "keys.h"
#include "panels.h"
#include "suggest_ui.h"
#include "text_fonts.h"
#include "touch_ui.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

// PageUp/PageDown (and Space with nothing selected) scroll; the arrows, Home and End move the
// caret (text_keys.cpp).
void handleScrollKeys(UiState& s, float pageHeight) {
  if (!textHasKeys()) return;
  const float lh = s.view.geo.m.lineHeight;
  float y = ImGui::GetScrollY();
  float maxY = ImGui::GetScrollMaxY();
  float ny = y;
  if (keys::pressedNamed(ImGuiKey_PageDown)) ny += pageHeight - lh;
  if (keys::pressedNamed(ImGuiKey_PageUp)) ny -= pageHeight - lh;
  if (keys::pressedNamed(ImGuiKey_Space) && s.sel.span.empty() && !s.sel.hasText())
    ny += (keys::shift() ? -1 : 1) * (pageHeight - lh);
  ny = std::clamp(ny, 0.0f, maxY);
  if (ny != y) ImGui::SetScrollY(ny);
}

// A dragged range: whole tokens (Alt: any character), never part of a grapheme cluster.
void snapRange(const Document& d, uint32_t& a, uint32_t& b) {
  if (a > b) std::swap(a, b);
  if (!keys::alt()) snapToTokens(d, a, b);
  a = d.clusterBoundary(a, false);
  b = d.clusterBoundary(b, true);
}

void snapSelection(UiState& s, uint32_t a, uint32_t b) {
  const bool forward = b >= a;
  snapRange(s.doc()->document(), a, b);
  s.sel.setRange(a, b);
  s.sel.caret = forward ? b : a;  // the keyboard goes on from where the mouse left off
}

void startRelation(UiState& s, const std::string& from, const std::string& to) {
  const Span* a = s.doc()->span(from);
  const Span* b = s.doc()->span(to);
  if (!a || !b || from == to) return;
  auto allowed = s.editor.schema().relationsAllowed(a->label, b->label);
  if (allowed.empty()) {
    s.setMessage("No relation type is allowed from " + a->label + " to " + b->label, true);
    return;
  }
  s.gesture.relationFrom = from;
  s.gesture.relationTo = to;
  s.gesture.openRelationPopup = true;
  s.gesture.popupPos = ImGui::GetIO().MousePos;
}

// What is under the mouse this frame.
struct Pointer {
  ImVec2 p;
  bool overText = false;
  const Span* hover = nullptr;         // span (tag or text) under the mouse
  const Relation* hoverRel = nullptr;  // relation label under the mouse
  const Span* selected = nullptr;      // the selected span, if any
};

void hoverFeedback(UiState& s, const Pointer& m) {
  if (!m.overText || s.gesture.drag != TextGesture::Drag::None) return;
  if (m.hover && !s.gesture.relating) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::BeginTooltip();
    ImGui::TextColored(
        ImGui::ColorConvertU32ToFloat4(labelColorFor(s.editor.schema(), m.hover->label)), "%s",
        widgetText(m.hover->label));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", m.hover->id.c_str());
    if (!m.hover->note.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(widgetTextWrapped(m.hover->note));
      ImGui::PopTextWrapPos();
    }
    ImGui::EndTooltip();
  } else if (m.hoverRel) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  } else {
    ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  }
}

// A resize handle of the selected span under the mouse: its start or end edge, else None.
TextGesture::Drag resizeHandleAt(const UiState& s, const Span& sel, ImVec2 p) {
  const TextGeometry& g = s.view.geo;
  std::size_t li = g.lineAtY(p.y);
  const VisualLine& l = s.view.layout.line(li);
  const float tol = 5;
  if (p.y < g.textTop(li) - 4 || p.y > g.textBottom(li) + 4) return TextGesture::Drag::None;
  auto near = [&](uint32_t cp, bool after) {
    return cp >= l.cpStart && cp <= l.cpEnd && std::fabs(p.x - g.xOf(li, cp, after)) < tol;
  };
  if (near(sel.start, false)) return TextGesture::Drag::ResizeStart;
  if (near(sel.end, true)) return TextGesture::Drag::ResizeEnd;
  return TextGesture::Drag::None;
}

void onButtonDown(UiState& s, const Pointer& m, int button) {
  const Document& doc = s.doc()->document();
  s.gesture.dragButton = button;
  s.gesture.pressSpan = m.hover ? m.hover->id : std::string();
  uint32_t cp = s.view.geo.cpAt(m.p);
  if (button == 1 || (keys::ctrl() && m.hover)) {
    if (m.hover) s.gesture.drag = TextGesture::Drag::Relate;
    return;
  }
  // Double-click selects the word even inside a span, so that nested spans can be made.
  if (ImGui::IsMouseDoubleClicked(0)) {
    const auto& toks = doc.tokens();
    uint32_t c = s.view.geo.cpAt(ImVec2(m.p.x - 1, m.p.y));
    std::size_t i = doc.tokenAtOrAfter(c);
    if (i < toks.size() && toks[i].start <= c) {
      s.setTextSelection(toks[i].start, toks[i].end);
      s.gesture.openLabelPopup = true;
      s.gesture.popupPos = m.p;
    }
    return;
  }
  if (m.selected && !s.gesture.relating) {
    s.gesture.drag = resizeHandleAt(s, *m.selected, m.p);
    if (s.gesture.drag != TextGesture::Drag::None) {
      s.gesture.previewStart = m.selected->start;
      s.gesture.previewEnd = m.selected->end;
      return;
    }
  }
  if (m.hoverRel && !s.gesture.relating) {
    s.sel.selectRelation(m.hoverRel->id);
    return;
  }
  if (keys::shift() && !m.hover) {
    snapSelection(s, s.sel.anchor, cp);
    s.gesture.drag = TextGesture::Drag::Select;
    return;
  }
  s.sel.anchor = cp;
  s.sel.caret = caretSnap(doc, cp);
  s.gesture.drag = TextGesture::Drag::Pending;
}

void onDrag(UiState& s, const Pointer& m) {
  // Auto-scroll when dragging past the top or bottom edge.
  const float edge = s.view.geo.m.lineHeight * 0.5f;
  if (m.p.y < s.view.viewMin.y + edge) ImGui::SetScrollY(ImGui::GetScrollY() - edge);
  if (m.p.y > s.view.viewMax.y - edge) ImGui::SetScrollY(ImGui::GetScrollY() + edge);
  uint32_t cp = s.view.geo.cpAt(m.p);
  TextGesture& g = s.gesture;
  if (g.drag == TextGesture::Drag::Pending && ImGui::IsMouseDragging(0, 4.0f)) {
    g.drag = TextGesture::Drag::Select;
    s.sel.setRange(s.sel.anchor, s.sel.anchor);
  }
  if (g.drag == TextGesture::Drag::Select) snapSelection(s, s.sel.anchor, cp);
  const bool resizing =
      g.drag == TextGesture::Drag::ResizeStart || g.drag == TextGesture::Drag::ResizeEnd;
  if (resizing && m.selected) {
    uint32_t a = g.drag == TextGesture::Drag::ResizeStart ? cp : m.selected->start;
    uint32_t b = g.drag == TextGesture::Drag::ResizeEnd ? cp : m.selected->end;
    snapRange(s.doc()->document(), a, b);
    if (b > a) {
      g.previewStart = a;
      g.previewEnd = b;
    }
  }
}

void onButtonUp(UiState& s, const Pointer& m) {
  TextGesture& g = s.gesture;
  TextGesture::Drag d = g.drag;
  g.drag = TextGesture::Drag::None;
  // A press and release within one slow frame still counts as a drag when the mouse moved.
  if (d == TextGesture::Drag::Pending && !g.relating) {
    ImVec2 c = ImGui::GetIO().MouseClickedPos[g.dragButton];
    if ((m.p.x - c.x) * (m.p.x - c.x) + (m.p.y - c.y) * (m.p.y - c.y) > 16.0f) {
      snapSelection(s, s.sel.anchor, s.view.geo.cpAt(m.p));
      d = TextGesture::Drag::Select;
    }
  }
  if (d == TextGesture::Drag::Pending) {
    if (g.relating) {
      finishRelation(s, m.hover);
    } else if (!g.pressSpan.empty()) {
      s.selectSpan(g.pressSpan, false);
    } else {
      s.clearSelection();
      pickSuggestionAt(s, s.sel.anchor);
    }
  } else if (d == TextGesture::Drag::Select) {
    // The label popup opens for right-drags only (Enter opens it too): an open popup would
    // swallow the next click, and a left-drag is usually followed by a hotkey or a palette click.
    if (s.sel.hasText() && g.dragButton == 1) {
      g.openLabelPopup = true;
      g.popupPos = m.p;
    }
  } else if ((d == TextGesture::Drag::ResizeStart || d == TextGesture::Drag::ResizeEnd) &&
             m.selected) {
    if (g.previewStart != m.selected->start || g.previewEnd != m.selected->end)
      s.apply(cmdResizeSpan(*s.doc(), m.selected->id, g.previewStart, g.previewEnd));
  } else if (d == TextGesture::Drag::Relate) {
    if (m.hover && m.hover->id != g.pressSpan) {
      startRelation(s, g.pressSpan, m.hover->id);
    } else if (m.hover && g.dragButton == 1) {
      s.selectSpan(m.hover->id, false);
      ImGui::OpenPopup("##span_menu");
    }
  }
}

void handleMouse(UiState& s) {
  if (s.touch.pointer) return;  // a finger: text_touch.cpp
  Pointer m;
  m.p = ImGui::GetIO().MousePos;
  m.overText = ImGui::IsWindowHovered() &&
               m.p.x < s.view.viewMax.x - ImGui::GetStyle().ScrollbarSize &&
               m.p.y >= s.view.viewMin.y && m.p.y < s.view.viewMax.y;
  m.hover = m.overText ? spanUnder(s.view, m.p) : nullptr;
  m.hoverRel = m.overText && !m.hover ? relationUnder(s.view, m.p) : nullptr;
  m.selected = s.sel.span.empty() ? nullptr : s.doc()->span(s.sel.span);
  if (m.overText && ImGui::IsMouseClicked(0) && (s.screen.leftOpen || s.screen.rightOpen)) {
    s.screen.leftOpen = s.screen.rightOpen = false;  // a click beside a drawer closes it
    return;
  }
  hoverFeedback(s, m);
  for (int button = 0; button < 2; ++button)
    if (m.overText && ImGui::IsMouseClicked(button) && s.gesture.drag == TextGesture::Drag::None)
      onButtonDown(s, m, button);
  if (s.gesture.drag == TextGesture::Drag::None) return;
  if (ImGui::IsMouseDown(s.gesture.dragButton))
    onDrag(s, m);
  else
    onButtonUp(s, m);
}

void drawPopups(UiState& s) {
  const DocumentState& ds = *s.doc();
  const Schema& schema = s.editor.schema();
  if (s.gesture.openLabelPopup) {
    ImGui::SetNextWindowPos(ImVec2(s.gesture.popupPos.x + 8, s.gesture.popupPos.y + 12));
    ImGui::OpenPopup("##label_popup");
    s.gesture.openLabelPopup = false;
    s.gesture.popupRevision = ds.revision();
  }
  if (ImGui::BeginPopup("##label_popup")) {
    // Closes once a label was applied (by click or hotkey) or the selection went away.
    if (ds.revision() != s.gesture.popupRevision || (!s.sel.hasText() && s.sel.span.empty()))
      ImGui::CloseCurrentPopup();
    const Span* current = s.sel.span.empty() ? nullptr : ds.span(s.sel.span);
    if (current)
      ImGui::TextDisabled("Change the label of %s", current->id.c_str());
    else
      ImGui::TextDisabled("Label the selection");
    for (const SpanLabel& l : schema.spanLabels) {
      ImGui::PushID(l.name.c_str());
      ImVec2 c = ImGui::GetCursorScreenPos();
      float h = ImGui::GetTextLineHeight();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(c.x, c.y + 3), ImVec2(c.x + 6, c.y + h + 1),
                                                labelColor(l.color), 2.0f);
      ImGui::SetCursorScreenPos(ImVec2(c.x + 12, c.y));
      const bool picked = ImGui::Selectable(widgetText(l.name), false, 0, ImVec2(180, 0));
      recordWidget("label-popup", l.name.c_str());
      // Opened on a span (Enter), the keyboard highlight starts at its label.
      if (current && current->label == l.name) ImGui::SetItemDefaultFocus();
      if (picked) s.labelSelection(l.name);
      if (!l.hotkey.empty()) {
        ImGui::SameLine(170);
        ImGui::TextDisabled("%s", l.hotkey.c_str());
      }
      ImGui::PopID();
    }
    ImGui::EndPopup();
  }
  if (s.gesture.openRelationPopup) {
    ImGui::SetNextWindowPos(ImVec2(s.gesture.popupPos.x + 8, s.gesture.popupPos.y + 12));
    ImGui::OpenPopup("##relation_popup");
    s.gesture.openRelationPopup = false;
  }
  if (ImGui::BeginPopup("##relation_popup")) {
    const Span* a = ds.span(s.gesture.relationFrom);
    const Span* b = ds.span(s.gesture.relationTo);
    if (!a || !b) {
      ImGui::CloseCurrentPopup();
    } else {
      ImGui::TextDisabled("Relation %s -> %s", widgetText(a->label), widgetText(b->label));
      for (const RelationType* rt : schema.relationsAllowed(a->label, b->label)) {
        const bool picked = ImGui::Selectable(widgetText(rt->name), false, 0, ImVec2(200, 0));
        recordWidget("relation-type", rt->name.c_str());
        if (picked) s.apply(cmdAddRelation(ds, schema, rt->name, a->id, b->id));
      }
    }
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopup("##span_menu")) {
    const Span* sp = s.sel.span.empty() ? nullptr : ds.span(s.sel.span);
    if (!sp) {
      ImGui::CloseCurrentPopup();
    } else {
      ImGui::TextDisabled("%s  \"%s\"", sp->id.c_str(), widgetText(sp->text.substr(0, 40)));
      ImGui::Separator();
      if (ImGui::BeginMenu("Change label")) {
        for (const SpanLabel& l : schema.spanLabels)
          if (ImGui::MenuItem(widgetText(l.name), l.hotkey.c_str(), l.name == sp->label))
            s.apply(cmdRelabelSpan(ds, sp->id, l.name));
        ImGui::EndMenu();
      }
      if (ImGui::MenuItem("Add relation...", "R")) {
        s.gesture.relating = true;
        s.gesture.relationFrom = sp->id;
        s.setMessage("Click the target span (Esc cancels)");
      }
      if (ImGui::MenuItem("Edit note and attributes")) s.note.focus = true;
      if (ImGui::MenuItem("Copy text", "Ctrl+C")) s.copySelection();
      ImGui::Separator();
      if (ImGui::MenuItem("Delete", "Del")) s.deleteSelected();
    }
    ImGui::EndPopup();
  }
}

}  // namespace

void finishRelation(UiState& s, const Span* target) {
  if (target) startRelation(s, s.gesture.relationFrom, target->id);
  s.gesture.relating = false;
}

void drawTextView(UiState& s, ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_ChildBg));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNavInputs |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##text", nullptr, flags);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(3);
  if (!s.hasDoc()) {
    ImGui::SetCursorPos(ImVec2(40, 40));
    ImGui::TextDisabled("No document. Use File > Open or File > Paste text.");
    ImGui::End();
    return;
  }
  const DocumentState& ds = *s.doc();
  const float fontSize = std::round(ImGui::GetFontSize() * s.prefs.zoom);
  ImFont* font = pickTextFont(fontSize);
  ViewMetrics m = metricsFor(fontSize);
  const float scrollbar = ImGui::GetStyle().ScrollbarSize;
  const float wrapWidth = std::max(50.0f, size.x - 2 * m.padX - scrollbar);
  s.view.layout.update(ds.documentPtr(), font, fontSize, wrapWidth);
  s.view.arcs.update(s.view.layout, ds, m, font);

  const float total = s.view.arcs.rows().total() + 2 * m.padY;
  ImGui::SetCursorPos(ImVec2(0, 0));
  ImGui::Dummy(ImVec2(1, total));
  if (s.view.restoreScrollY >= 0) {
    ImGui::SetScrollY(s.view.restoreScrollY);
    s.view.restoreScrollY = -1;
  }
  const ImVec2 wpos = ImGui::GetWindowPos();
  s.view.scrollY = ImGui::GetScrollY();
  s.view.geo.layout = &s.view.layout;
  s.view.geo.m = m;
  s.view.geo.rows = &s.view.arcs.rows();
  s.view.geo.origin = ImVec2(wpos.x + m.padX, wpos.y + m.padY - s.view.scrollY);
  s.view.viewMin = wpos;
  s.view.viewMax = ImVec2(wpos.x + size.x, wpos.y + size.y);

  keepKeyboardInText();
  handleTextKeys(s);
  if (s.view.scrollToCp >= 0) {
    std::size_t line = s.view.layout.lineOfCp(static_cast<uint32_t>(s.view.scrollToCp));
    const float top = s.view.arcs.rows().top(line), height = s.view.arcs.rows().height(line);
    const float cur = s.view.scrollY;
    if (s.view.scrollCentered || top < cur || top + height + 2 * m.padY > cur + size.y) {
      ImGui::SetScrollY(std::max(0.0f, top - size.y * 0.35f));
      // Our own origin follows at once, so this frame's geometry is already right.
      s.view.scrollY = std::max(0.0f, std::min(top - size.y * 0.35f, total - size.y));
      s.view.geo.origin.y = wpos.y + m.padY - s.view.scrollY;
    }
    s.view.scrollToCp = -1;
  }
  handleScrollKeys(s, size.y);

  buildVisibleFrame(s.view, *s.doc(), s.editor.schema(), font);
  const uint64_t revision = s.doc()->revision();
  handleMouse(s);
  // A gesture that changed the annotations (a resize) moves tags and arcs: lay them out again so
  // that nothing drawn this frame points at what changed.
  if (s.doc()->revision() != revision) {
    s.view.arcs.update(s.view.layout, *s.doc(), m, font);
    buildVisibleFrame(s.view, *s.doc(), s.editor.schema(), font);
  }
  drawVisibleFrame(s, font);
  drawCaret(s);
  drawTouchHandles(s);
  drawPopups(s);
  ImGui::End();
}

}  // namespace scholion::ui
