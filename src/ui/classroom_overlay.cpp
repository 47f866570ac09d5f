// Classroom marks in the text: the review's disagreement passages (who chose what on hover) and a
// student's check results (outlines by kind, missed key spans dashed).
#include <algorithm>

#include "panels.h"
#include "text_view.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {

void drawPassagesInText(UiState& s, ImDrawList* dl) {
  ClassroomState& c = s.classroom;
  // Only while a tab that lists the passages is on screen, and for the document they belong to.
  if (!c.showReview || ImGui::GetFrameCount() - c.passagesShownFrame > 2) return;
  if (c.passagesDoc != s.editor.active() || c.passages.empty()) return;
  const VisibleFrame& f = s.view.frame;
  const TextGeometry& g = s.view.geo;
  const ViewMetrics& m = g.m;
  const ImU32 fill = s.prefs.dark ? IM_COL32(190, 120, 230, 55) : IM_COL32(160, 80, 210, 30);
  const ImU32 edge = s.prefs.dark ? IM_COL32(200, 140, 240, 200) : IM_COL32(140, 60, 190, 190);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool hoverable = ImGui::IsWindowHovered() && ImGui::IsMousePosValid(&mouse);
  int hovered = -1;
  // Passages are disjoint and ordered: start at the first one that ends inside the view.
  auto it = std::lower_bound(c.passages.begin(), c.passages.end(), f.cpStart,
                             [](const DisagreementPassage& p, uint32_t v) { return p.end <= v; });
  for (; it != c.passages.end() && it->start < f.cpEnd; ++it) {
    const int index = static_cast<int>(it - c.passages.begin());
    const bool current = index == c.currentPassage;
    forEachVisibleSegment(s.view, it->start, it->end, [&](std::size_t li, float x0, float x1) {
      const ImVec2 a(x0 - 3, g.textTop(li) - 3);
      const ImVec2 b(x1 + 3, g.lineTop(li) + m.underlineTop + m.underlineStep * 2 + 2);
      dl->AddRectFilled(a, b, fill, 4.0f);
      dl->AddRect(a, b, edge, 4.0f, 0, current ? 2.5f : 1.0f);
      if (hoverable && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y)
        hovered = index;
    });
  }
  if (hovered < 0 || hovered >= static_cast<int>(c.passageRows.size())) return;
  const PassageRow& row = c.passageRows[static_cast<std::size_t>(hovered)];
  ImGui::BeginTooltip();
  ImGui::TextDisabled("Disagreement %d of %zu", hovered + 1, c.passages.size());
  for (const std::string& line : row.groupText) ImGui::BulletText("%s", widgetText(line));
  recordWidget("passage-tooltip");  // tests hover a passage and look for it
  ImGui::EndTooltip();
}

void addDashedRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness) {
  constexpr float kDash = 5.0f, kGap = 3.5f;
  auto line = [&](ImVec2 p, ImVec2 q) {
    const bool horizontal = p.y == q.y;
    const float len = horizontal ? q.x - p.x : q.y - p.y;
    for (float t = 0; t < len; t += kDash + kGap) {
      const float e = std::min(len, t + kDash);
      if (horizontal)
        dl->AddLine(ImVec2(p.x + t, p.y), ImVec2(p.x + e, p.y), color, thickness);
      else
        dl->AddLine(ImVec2(p.x, p.y + t), ImVec2(p.x, p.y + e), color, thickness);
    }
  };
  line(a, ImVec2(b.x, a.y));
  line(ImVec2(a.x, b.y), b);
  line(a, ImVec2(a.x, b.y));
  line(ImVec2(b.x, a.y), b);
}

void drawCheckMarksInText(UiState& s, ImDrawList* dl) {
  ClassroomState& c = s.classroom;
  // Only while the results are shown and describe the text as it is.
  if (!c.showCheck || !checkIsCurrent(s) || c.checkRows.empty() || !checkShowsMarks(s)) return;
  const VisibleFrame& f = s.view.frame;
  const TextGeometry& g = s.view.geo;
  const DocumentState& ds = *s.doc();
  const float labelSize = g.m.fontSize * 0.72f;
  for (std::size_t i = 0; i < c.checkRows.size(); ++i) {
    const PlacedCheck& p = c.checkRows[i].at;
    if (p.start >= f.cpEnd) break;  // rows are in text order
    if (p.end <= f.cpStart) continue;
    if (!p.spanId.empty() && !ds.span(p.spanId)) continue;
    const ImU32 col = checkKindColor(p.kind, s.prefs.dark);
    const float thick = i == c.checkCurrent ? 3.5f : 2.0f;
    bool first = true;
    forEachVisibleSegment(s.view, p.start, p.end, [&](std::size_t li, float x0, float x1) {
      const ImVec2 a(x0 - 3, g.textTop(li) - 4), b(x1 + 3, g.textBottom(li) + 4);
      if (p.kind == CheckKind::Missing) {
        addDashedRect(dl, a, b, col, thick);
        // The missed span's label, when the teacher allowed it, above its start.
        if (first && !p.label.empty())
          dl->AddText(ImGui::GetFont(), labelSize, ImVec2(a.x, a.y - labelSize - 1), col,
                      widgetText(p.label));
      } else {
        dl->AddRect(a, b, col, 3.0f, 0, thick);
      }
      first = false;
    });
  }
}

}  // namespace scholion::ui
