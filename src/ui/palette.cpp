// Left sidebar sections: the label palette (hotkeys, counts), document labels, the instructions.
#include <algorithm>

#include "glyph_text.h"
#include "panels.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {

void drawPalette(UiState& s) {
  const Schema& schema = s.editor.schema();
  const bool canLabel = s.sel.hasText() || !s.sel.span.empty();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float w = ImGui::GetContentRegionAvail().x;
  for (std::size_t i = 0; i < schema.spanLabels.size(); ++i) {
    const SpanLabel& l = schema.spanLabels[i];
    ImGui::PushID(static_cast<int>(i));
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetFrameHeight();
    bool clicked = ImGui::Selectable("##label", false, 0, ImVec2(w, h));
    recordWidget("palette", l.name.c_str());
    bool hovered = ImGui::IsItemHovered();
    // Colour chip, name, count and hotkey badge.
    dl->AddRectFilled(ImVec2(p.x + 4, p.y + 5), ImVec2(p.x + 18, p.y + h - 5), labelColor(l.color),
                      4.0f);
    if (s.prefs.labelMarks)  // the label's shape on its chip, as in the tags
      drawMarkShape(dl, ImVec2(p.x + 11, p.y + h * 0.5f), 4.5f, labelMark(i).shape,
                    ImGui::GetColorU32(ImGuiCol_ChildBg));
    drawText(dl, ImGui::GetFont(), ImGui::GetFontSize(),
             ImVec2(p.x + 28, p.y + (h - ImGui::GetFontSize()) * 0.5f),
             ImGui::GetColorU32(ImGuiCol_Text), l.name);
    float right = p.x + w - 6;
    if (!l.hotkey.empty()) {
      ImVec2 ks = ImGui::CalcTextSize(l.hotkey.c_str());
      ImVec2 a(right - ks.x - 10, p.y + 4), b(right, p.y + h - 4);
      dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border), 4.0f, 0, 1.0f);
      dl->AddText(ImVec2(a.x + 5, p.y + (h - ImGui::GetFontSize()) * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), l.hotkey.c_str());
      right = a.x - 8;
    }
    int count = i < s.list.labelCounts.size() ? s.list.labelCounts[i] : 0;
    if (count > 0) {
      char buf[16];
      snprintf(buf, sizeof buf, "%d", count);
      ImVec2 cs = ImGui::CalcTextSize(buf);
      dl->AddText(ImVec2(right - cs.x, p.y + (h - ImGui::GetFontSize()) * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), buf);
    }
    if (clicked) {
      if (canLabel)
        s.labelSelection(l.name);
      else {
        // With nothing selected, a click filters the annotation list by this label.
        s.list.label = s.list.label == static_cast<int>(i) ? -1 : static_cast<int>(i);
      }
    }
    if (hovered && !l.description.empty()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
      ImGui::TextUnformatted(widgetText(l.description));
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::PopID();
  }
  if (schema.spanLabels.empty()) ImGui::TextDisabled("The schema has no span labels.");
  ImGui::Spacing();
  ImGui::BeginDisabled(!canLabel);
  const bool every = ImGui::Button("Label every occurrence...", ImVec2(-1, 0));
  recordWidget("label-every");
  if (every) ImGui::OpenPopup("##every");
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Label every occurrence of the selected text as one undoable step");
  if (ImGui::BeginPopup("##every")) {
    labelMenuItems(s, "label-every", &UiState::labelEveryOccurrence);
    ImGui::EndPopup();
  }
}

void labelMenuItems(UiState& s, const char* kind, void (UiState::*pick)(const std::string&)) {
  for (const SpanLabel& l : s.editor.schema().spanLabels)
    if (recordedMenuItem(kind, l.name.c_str(), widgetText(l.name))) (s.*pick)(l.name);
}

void drawDocumentLabels(UiState& s) {
  const DocumentState* ds = s.doc();
  const Schema& schema = s.editor.schema();
  if (!ds) return;
  if (schema.documentLabels.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("The schema defines no document labels.");
    ImGui::PopStyleColor();
    return;
  }
  const std::vector<std::string>& cur = ds->data().annotations.documentLabels;
  for (const DocumentLabel& l : schema.documentLabels) {
    bool on = std::find(cur.begin(), cur.end(), l.name) != cur.end();
    bool changed = schema.multipleDocumentLabels ? ImGui::Checkbox(widgetText(l.name), &on)
                                                 : ImGui::RadioButton(widgetText(l.name), on);
    recordWidget("doc-label", l.name.c_str());
    if (!schema.multipleDocumentLabels && changed) on = !on;
    if (ImGui::IsItemHovered() && !l.description.empty())
      ImGui::SetTooltip("%s", widgetText(l.description));
    if (changed) {
      std::vector<std::string> next;
      if (schema.multipleDocumentLabels) {
        for (const std::string& c : cur)
          if (c != l.name) next.push_back(c);
      }
      if (on) next.push_back(l.name);
      s.apply(cmdSetDocumentLabels(*ds, std::move(next)));
    }
  }
}

void drawInstructions(UiState& s) {
  const std::string& text = s.editor.schema().instructions;
  if (text.empty()) {
    ImGui::TextDisabled("No instructions.");
    return;
  }
  // Markdown-like: "- " lines become bullets; the rest wraps as paragraphs.
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t e = text.find('\n', i);
    if (e == std::string::npos) e = text.size();
    std::string line = text.substr(i, e - i);
    if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) {
      ImGui::Bullet();
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(line.c_str() + 2);
      ImGui::PopTextWrapPos();
    } else if (line.rfind("#", 0) == 0) {
      std::size_t k = line.find_first_not_of("# ");
      ImGui::TextUnformatted(k == std::string::npos ? "" : line.c_str() + k);
    } else if (line.empty()) {
      ImGui::Spacing();
    } else {
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(line.c_str());
      ImGui::PopTextWrapPos();
    }
    i = e + 1;
  }
}

}  // namespace scholion::ui
