// The one place for text-view geometry: line metrics, code point <-> screen position, range
// rectangles. Drawing, mouse hit-tests and App::spanRect all go through it so they always agree.
#pragma once

#include <cstdint>
#include <vector>

#include "imgui.h"
#include "model.h"
#include "text_layout.h"

namespace scholion::ui {

// Vertical structure of one visual line (top to bottom): arc/tag band, text, underline band.
struct ViewMetrics {
  float fontSize = 16;
  float tagFontSize = 10;  // label tags above spans
  float tagHeight = 12;
  int tagRows = 2;         // nesting levels that get their own tag row
  float textTop = 0;       // offset of the text box from the line top
  float underlineTop = 0;  // offset of the first underline from the line top
  float underlineStep = 3;
  int underlineLevels = 4;
  float lineHeight = 40;
  float padX = 24, padY = 16;  // margins of the text inside the view
};
ViewMetrics metricsFor(float fontSize);

struct TextGeometry {
  const TextLayout* layout = nullptr;
  ViewMetrics m;
  ImVec2 origin;  // screen position of (x = 0, top of visual line 0)

  float lineTop(std::size_t li) const { return origin.y + static_cast<float>(li) * m.lineHeight; }
  float textTop(std::size_t li) const { return lineTop(li) + m.textTop; }
  float textBottom(std::size_t li) const { return textTop(li) + m.fontSize; }
  // Visual line under screen y (clamped to existing lines).
  std::size_t lineAtY(float y) const;
  // The code point boundary nearest to a screen point.
  uint32_t cpAt(ImVec2 p) const;
  // Screen x of code point boundary cp on line li.
  float xOf(std::size_t li, uint32_t cp) const { return origin.x + layout->xOfCp(li, cp); }
  // The text box of [start, end) clipped to line li (x range from xs, the line's boundary xs).
  ImVec2 rangeMin(std::size_t li, uint32_t start, const std::vector<float>& xs) const;
  // Screen rectangle of the first visual line of [start, end) (for spanRect and popups).
  bool firstLineRect(uint32_t start, uint32_t end, ImVec2& min, ImVec2& max) const;
};

// What is on screen this frame; rebuilt every frame from the visible lines only.
struct VisibleFrame {
  struct LineSpan {
    const Span* span;
    uint32_t line;
    int level;  // nesting level on that line (0 = outermost)
  };
  struct Tag {
    const Span* span;
    ImVec2 min, max;
  };
  struct Arc {
    const Relation* rel;
    ImVec2 p0, c0, c1, p1;  // cubic Bezier from -> to
    ImVec2 pillMin, pillMax;
    ImU32 color;
  };
  std::size_t first = 0, last = 0;  // visible visual lines (inclusive)
  uint32_t cpStart = 0, cpEnd = 0;
  std::vector<const Span*> spans;
  std::vector<LineSpan> lineSpans;
  std::vector<Tag> tags;
  std::vector<const Relation*> relations;
  std::vector<Arc> arcs;
  std::vector<float> xs;           // boundary xs of the visible lines, concatenated
  std::vector<uint32_t> xsOffset;  // start of each visible line's xs in `xs`
  bool valid = false;

  const float* lineXs(std::size_t li) const { return xs.data() + xsOffset[li - first]; }
};

}  // namespace scholion::ui
