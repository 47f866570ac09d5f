// The document view: wrapped text, highlights, tags, arcs, selection; only the visible lines are
// drawn.
#include <algorithm>
#include <cmath>

#include "app_impl.h"
#include "keys.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

// The font closest to (but not smaller than) the wanted size among the atlas's fonts.
ImFont* pickFont(float size) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  ImFont* best = nullptr;
  for (ImFont* f : atlas->Fonts) {
    if (!best) best = f;
    bool fBig = f->FontSize >= size, bestBig = best->FontSize >= size;
    if (fBig && (!bestBig || f->FontSize < best->FontSize)) best = f;
    if (!fBig && !bestBig && f->FontSize > best->FontSize) best = f;
  }
  return best ? best : ImGui::GetFont();
}

void handleScrollKeys(UiState& s, float pageHeight) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  const float lh = s.geo.m.lineHeight;
  float y = ImGui::GetScrollY();
  float maxY = ImGui::GetScrollMaxY();
  float ny = y;
  if (keys::pressedNamed(ImGuiKey_PageDown)) ny += pageHeight - lh;
  if (keys::pressedNamed(ImGuiKey_PageUp)) ny -= pageHeight - lh;
  if (keys::pressedNamed(ImGuiKey_Space) && s.selectedSpan.empty() && !s.hasSelection())
    ny += (keys::shift() ? -1 : 1) * (pageHeight - lh);
  if (!keys::shift()) {
    if (keys::pressedNamed(ImGuiKey_DownArrow)) ny += lh;
    if (keys::pressedNamed(ImGuiKey_UpArrow)) ny -= lh;
  }
  if (keys::pressedNamed(ImGuiKey_Home) && !keys::shift()) ny = 0;
  if (keys::pressedNamed(ImGuiKey_End) && !keys::shift()) ny = maxY;
  ny = std::clamp(ny, 0.0f, maxY);
  if (ny != y) ImGui::SetScrollY(ny);
}

void snapSelection(UiState& s, uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  if (!keys::alt()) snapToTokens(s.doc()->document(), a, b);
  s.selStart = a;
  s.selEnd = b;
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
  s.relationFrom = from;
  s.relationTo = to;
  s.openRelationPopup = true;
  s.popupPos = ImGui::GetIO().MousePos;
}

void handleMouse(UiState& s) {
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 p = io.MousePos;
  const bool overText = ImGui::IsWindowHovered() &&
                        p.x < s.viewMax.x - ImGui::GetStyle().ScrollbarSize && p.y >= s.viewMin.y &&
                        p.y < s.viewMax.y;
  DocumentState& ds = *s.doc();
  const Document& doc = ds.document();
  const Span* hover = overText ? spanUnder(s, p) : nullptr;
  const Relation* hoverRel = overText && !hover ? relationUnder(s, p) : nullptr;
  if (overText && s.drag == UiState::Drag::None) {
    if (hover && !s.relating) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      ImGui::BeginTooltip();
      ImGui::TextColored(
          ImGui::ColorConvertU32ToFloat4(labelColorFor(s.editor.schema(), hover->label)), "%s",
          hover->label.c_str());
      ImGui::SameLine();
      ImGui::TextDisabled("%s", hover->id.c_str());
      if (!hover->note.empty()) ImGui::TextWrapped("%s", hover->note.c_str());
      ImGui::EndTooltip();
    } else if (hoverRel) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    } else {
      ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    }
  }
  const Span* sel = s.selectedSpan.empty() ? nullptr : ds.span(s.selectedSpan);

  // ---- button down ----
  for (int button = 0; button < 2; ++button) {
    if (!overText || !ImGui::IsMouseClicked(button) || s.drag != UiState::Drag::None) continue;
    s.dragButton = button;
    s.pressSpan = hover ? hover->id : std::string();
    uint32_t cp = s.geo.cpAt(p);
    if (button == 1 || (keys::ctrl() && hover)) {
      if (hover) s.drag = UiState::Drag::Relate;
      continue;
    }
    // Double-click selects the word even inside a span, so that nested spans can be made.
    if (ImGui::IsMouseDoubleClicked(0)) {
      const auto& toks = doc.tokens();
      uint32_t c = s.geo.cpAt(ImVec2(p.x - 1, p.y));
      std::size_t i = doc.tokenAtOrAfter(c);
      if (i < toks.size() && toks[i].start <= c) {
        s.setTextSelection(toks[i].start, toks[i].end);
        s.openLabelPopup = true;
        s.popupPos = p;
      }
      continue;
    }
    if (sel && !s.relating) {
      // Grab a handle of the selected span to resize it.
      std::size_t li = s.geo.lineAtY(p.y);
      const VisualLine& l = s.layout.line(li);
      float tol = 5;
      if (sel->start >= l.cpStart && sel->start <= l.cpEnd &&
          std::fabs(p.x - s.geo.xOf(li, sel->start)) < tol && p.y >= s.geo.textTop(li) - 4 &&
          p.y <= s.geo.textBottom(li) + 4) {
        s.drag = UiState::Drag::ResizeStart;
      } else if (sel->end >= l.cpStart && sel->end <= l.cpEnd &&
                 std::fabs(p.x - s.geo.xOf(li, sel->end)) < tol && p.y >= s.geo.textTop(li) - 4 &&
                 p.y <= s.geo.textBottom(li) + 4) {
        s.drag = UiState::Drag::ResizeEnd;
      }
      if (s.drag != UiState::Drag::None) {
        s.previewStart = sel->start;
        s.previewEnd = sel->end;
        continue;
      }
    }
    if (hoverRel && !s.relating) {
      s.selectedRelation = hoverRel->id;
      s.selectedSpan.clear();
      s.selStart = s.selEnd = 0;
      continue;
    }
    if (keys::shift() && !hover) {
      snapSelection(s, s.anchor, cp);
      s.selectedSpan.clear();
      s.drag = UiState::Drag::Select;
      continue;
    }
    s.anchor = cp;
    s.drag = UiState::Drag::Pending;
  }

  // ---- dragging ----
  const bool down = ImGui::IsMouseDown(s.dragButton);
  if (s.drag != UiState::Drag::None && down) {
    // Auto-scroll when dragging past the top or bottom edge.
    float edge = s.geo.m.lineHeight * 0.5f;
    if (p.y < s.viewMin.y + edge)
      ImGui::SetScrollY(ImGui::GetScrollY() - s.geo.m.lineHeight * 0.5f);
    if (p.y > s.viewMax.y - edge)
      ImGui::SetScrollY(ImGui::GetScrollY() + s.geo.m.lineHeight * 0.5f);
    uint32_t cp = s.geo.cpAt(p);
    if (s.drag == UiState::Drag::Pending && ImGui::IsMouseDragging(0, 4.0f)) {
      s.drag = UiState::Drag::Select;
      s.selectedSpan.clear();
      s.selectedRelation.clear();
    }
    if (s.drag == UiState::Drag::Select) snapSelection(s, s.anchor, cp);
    if ((s.drag == UiState::Drag::ResizeStart || s.drag == UiState::Drag::ResizeEnd) && sel) {
      uint32_t a = s.drag == UiState::Drag::ResizeStart ? cp : sel->start;
      uint32_t b = s.drag == UiState::Drag::ResizeEnd ? cp : sel->end;
      if (a > b) std::swap(a, b);
      if (!keys::alt()) snapToTokens(doc, a, b);
      if (b > a) {
        s.previewStart = a;
        s.previewEnd = b;
      }
    }
  }

  // ---- button up ----
  if (s.drag != UiState::Drag::None && !down) {
    UiState::Drag d = s.drag;
    s.drag = UiState::Drag::None;
    // A press and release within one slow frame still counts as a drag when the mouse moved.
    if (d == UiState::Drag::Pending && !s.relating) {
      ImVec2 c = io.MouseClickedPos[s.dragButton];
      if ((p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y) > 16.0f) {
        snapSelection(s, s.anchor, s.geo.cpAt(p));
        s.selectedSpan.clear();
        s.selectedRelation.clear();
        d = UiState::Drag::Select;
      }
    }
    if (d == UiState::Drag::Pending) {
      if (s.relating) {
        if (hover) startRelation(s, s.relationFrom, hover->id);
        s.relating = false;
      } else if (!s.pressSpan.empty()) {
        s.selectSpan(s.pressSpan, false);
      } else {
        s.clearSelection();
      }
    } else if (d == UiState::Drag::Select) {
      // The label popup opens for right-drags only (Enter opens it too): an open popup would
      // swallow the next click, and a left-drag is usually followed by a hotkey or a palette click.
      if (s.hasSelection() && s.dragButton == 1) {
        s.openLabelPopup = true;
        s.popupPos = p;
      }
    } else if ((d == UiState::Drag::ResizeStart || d == UiState::Drag::ResizeEnd) && sel) {
      if (s.previewStart != sel->start || s.previewEnd != sel->end)
        s.apply(cmdResizeSpan(ds, sel->id, s.previewStart, s.previewEnd));
    } else if (d == UiState::Drag::Relate) {
      if (hover && hover->id != s.pressSpan) {
        startRelation(s, s.pressSpan, hover->id);
      } else if (hover && s.dragButton == 1) {
        s.selectSpan(hover->id, false);
        ImGui::OpenPopup("##span_menu");
      }
    }
  }
}

void drawPopups(UiState& s) {
  DocumentState& ds = *s.doc();
  const Schema& schema = s.editor.schema();
  if (s.openLabelPopup) {
    ImGui::SetNextWindowPos(ImVec2(s.popupPos.x + 8, s.popupPos.y + 12));
    ImGui::OpenPopup("##label_popup");
    s.openLabelPopup = false;
    s.popupRevision = ds.revision();
  }
  if (ImGui::BeginPopup("##label_popup")) {
    // Closes once a label was applied (by click or hotkey) or the selection went away.
    if (ds.revision() != s.popupRevision || (!s.hasSelection() && s.selectedSpan.empty()))
      ImGui::CloseCurrentPopup();
    ImGui::TextDisabled("Label the selection");
    for (const SpanLabel& l : schema.spanLabels) {
      ImGui::PushID(l.name.c_str());
      ImVec2 c = ImGui::GetCursorScreenPos();
      float h = ImGui::GetTextLineHeight();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(c.x, c.y + 3), ImVec2(c.x + 6, c.y + h + 1),
                                                labelColor(l.color), 2.0f);
      ImGui::SetCursorScreenPos(ImVec2(c.x + 12, c.y));
      const bool picked = ImGui::Selectable(l.name.c_str(), false, 0, ImVec2(180, 0));
      recordWidget("label-popup", l.name.c_str());
      if (picked) s.labelSelection(l.name);
      if (!l.hotkey.empty()) {
        ImGui::SameLine(170);
        ImGui::TextDisabled("%s", l.hotkey.c_str());
      }
      ImGui::PopID();
    }
    ImGui::EndPopup();
  }
  if (s.openRelationPopup) {
    ImGui::SetNextWindowPos(ImVec2(s.popupPos.x + 8, s.popupPos.y + 12));
    ImGui::OpenPopup("##relation_popup");
    s.openRelationPopup = false;
  }
  if (ImGui::BeginPopup("##relation_popup")) {
    const Span* a = ds.span(s.relationFrom);
    const Span* b = ds.span(s.relationTo);
    if (!a || !b) {
      ImGui::CloseCurrentPopup();
    } else {
      ImGui::TextDisabled("Relation %s -> %s", a->label.c_str(), b->label.c_str());
      for (const RelationType* rt : schema.relationsAllowed(a->label, b->label)) {
        const bool picked = ImGui::Selectable(rt->name.c_str(), false, 0, ImVec2(200, 0));
        recordWidget("relation-type", rt->name.c_str());
        if (picked) s.apply(cmdAddRelation(ds, schema, rt->name, a->id, b->id));
      }
    }
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopup("##span_menu")) {
    const Span* sp = s.selectedSpan.empty() ? nullptr : ds.span(s.selectedSpan);
    if (!sp) {
      ImGui::CloseCurrentPopup();
    } else {
      ImGui::TextDisabled("%s  \"%s\"", sp->id.c_str(), sp->text.substr(0, 40).c_str());
      ImGui::Separator();
      if (ImGui::BeginMenu("Change label")) {
        for (const SpanLabel& l : schema.spanLabels)
          if (ImGui::MenuItem(l.name.c_str(), l.hotkey.c_str(), l.name == sp->label))
            s.apply(cmdRelabelSpan(ds, sp->id, l.name));
        ImGui::EndMenu();
      }
      if (ImGui::MenuItem("Add relation...", "R")) {
        s.relating = true;
        s.relationFrom = sp->id;
        s.setMessage("Click the target span (Esc cancels)");
      }
      if (ImGui::MenuItem("Edit note and attributes")) s.focusNote = true;
      if (ImGui::MenuItem("Copy text", "Ctrl+C")) s.copySelection();
      ImGui::Separator();
      if (ImGui::MenuItem("Delete", "Del")) s.deleteSelected();
    }
    ImGui::EndPopup();
  }
}

}  // namespace

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
  DocumentState& ds = *s.doc();
  const float fontSize = std::round(ImGui::GetFontSize() * s.zoom);
  ImFont* font = pickFont(fontSize);
  ViewMetrics m = metricsFor(fontSize);
  const float scrollbar = ImGui::GetStyle().ScrollbarSize;
  const float wrapWidth = std::max(50.0f, size.x - 2 * m.padX - scrollbar);
  s.layout.update(ds.documentPtr(), font, fontSize, wrapWidth);

  const float total = static_cast<float>(s.layout.lineCount()) * m.lineHeight + 2 * m.padY;
  ImGui::SetCursorPos(ImVec2(0, 0));
  ImGui::Dummy(ImVec2(1, total));
  if (s.restoreScrollY >= 0) {
    ImGui::SetScrollY(s.restoreScrollY);
    s.restoreScrollY = -1;
  }
  const ImVec2 wpos = ImGui::GetWindowPos();
  s.scrollY = ImGui::GetScrollY();
  s.geo.layout = &s.layout;
  s.geo.m = m;
  s.geo.origin = ImVec2(wpos.x + m.padX, wpos.y + m.padY - s.scrollY);
  s.viewMin = wpos;
  s.viewMax = ImVec2(wpos.x + size.x, wpos.y + size.y);

  if (s.scrollToCp >= 0) {
    std::size_t line = s.layout.lineOfCp(static_cast<uint32_t>(s.scrollToCp));
    float top = static_cast<float>(line) * m.lineHeight;
    float cur = s.scrollY;
    if (s.scrollCentered || top < cur || top + m.lineHeight + 2 * m.padY > cur + size.y) {
      ImGui::SetScrollY(std::max(0.0f, top - size.y * 0.35f));
      // Our own origin follows at once, so this frame's geometry is already right.
      s.scrollY = std::max(0.0f, std::min(top - size.y * 0.35f, total - size.y));
      s.geo.origin.y = wpos.y + m.padY - s.scrollY;
    }
    s.scrollToCp = -1;
  }
  handleScrollKeys(s, size.y);

  buildVisibleFrame(s, font);
  handleMouse(s);
  drawVisibleFrame(s, font);
  drawPopups(s);
  ImGui::End();
}

}  // namespace scholion::ui
