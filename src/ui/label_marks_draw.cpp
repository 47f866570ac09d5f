// Drawing the label marks (label_marks.h): the shapes in tags, palette and list, and the
// patterned underlines, so labels stay apart for readers who cannot tell their colours apart.
#include <algorithm>
#include <cmath>

#include "panels.h"

namespace scholion::ui {

LabelMark labelMarkFor(const Schema& schema, const std::string& label) {
  std::size_t i = 0;
  while (i < schema.spanLabels.size() && schema.spanLabels[i].name != label) ++i;
  return labelMark(i);  // a label the schema lacks: the mark after the schema's last
}

void drawMarkShape(ImDrawList* dl, ImVec2 c, float r, MarkShape shape, ImU32 col) {
  const float t = std::max(1.5f, r * 0.45f);  // stroke of the open shapes
  switch (shape) {
    case MarkShape::Circle:
      dl->AddCircleFilled(c, r, col, 12);
      break;
    case MarkShape::Square:
      dl->AddRectFilled(ImVec2(c.x - r * 0.85f, c.y - r * 0.85f),
                        ImVec2(c.x + r * 0.85f, c.y + r * 0.85f), col);
      break;
    case MarkShape::TriangleUp:
      dl->AddTriangleFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y + r * 0.8f),
                            ImVec2(c.x - r, c.y + r * 0.8f), col);
      break;
    case MarkShape::Diamond:
      dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r),
                        ImVec2(c.x - r, c.y), col);
      break;
    case MarkShape::TriangleDown:
      dl->AddTriangleFilled(ImVec2(c.x - r, c.y - r * 0.8f), ImVec2(c.x + r, c.y - r * 0.8f),
                            ImVec2(c.x, c.y + r), col);
      break;
    case MarkShape::Cross:
      dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), col, t);
      dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), col, t);
      break;
    case MarkShape::Plus:
      dl->AddRectFilled(ImVec2(c.x - r, c.y - t * 0.5f), ImVec2(c.x + r, c.y + t * 0.5f), col);
      dl->AddRectFilled(ImVec2(c.x - t * 0.5f, c.y - r), ImVec2(c.x + t * 0.5f, c.y + r), col);
      break;
    case MarkShape::Ring:
      dl->AddCircle(c, r - t * 0.5f, col, 12, t);
      break;
  }
}

void drawLabelUnderline(ImDrawList* dl, float x0, float x1, float y, float h, UnderlineStyle style,
                        ImU32 col) {
  if (x1 <= x0) return;
  // On, off lengths of the dashed patterns (in pixels), from the segment's start.
  auto pattern = [&](const float* runs, int n) {
    float x = x0;
    for (int i = 0; x < x1; i = (i + 1) % n) {
      const float e = std::min(x1, x + runs[i]);
      if (i % 2 == 0) dl->AddRectFilled(ImVec2(x, y), ImVec2(e, y + h), col);
      x = e;
    }
  };
  switch (style) {
    case UnderlineStyle::Solid:
      dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + h), col, 1.0f);
      break;
    case UnderlineStyle::Dashed: {
      const float runs[] = {7, 3};
      pattern(runs, 2);
      break;
    }
    case UnderlineStyle::Dotted: {
      const float runs[] = {h, h};
      pattern(runs, 2);
      break;
    }
    case UnderlineStyle::DashDot: {
      const float runs[] = {7, 2, h, 2};
      pattern(runs, 4);
      break;
    }
    case UnderlineStyle::Double: {
      const float line = std::max(1.0f, std::floor(h / 3.0f));
      dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + line), col);
      dl->AddRectFilled(ImVec2(x0, y + h), ImVec2(x1, y + h + line), col);
      break;
    }
    case UnderlineStyle::Wavy: {
      const float step = std::max(3.0f, h * 1.5f);
      bool up = true;
      for (float x = x0; x < x1; x += step, up = !up) {
        const float e = std::min(x1, x + step);
        dl->AddLine(ImVec2(x, up ? y + h : y), ImVec2(e, up ? y : y + h), col, 1.5f);
      }
      break;
    }
  }
}

}  // namespace scholion::ui
