// The one place for text-view geometry: line metrics, code point <-> screen position, range
// rectangles. Drawing, mouse hit-tests and App::spanRect all go through it so they always agree.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "arc_rows.h"
#include "imgui.h"
#include "model.h"
#include "text_layout.h"

namespace scholion::ui {

// Vertical structure of one visual line (top to bottom): the arc band (as high as the line's arc
// levels need, none without arcs), then lineHeight: tag row, text, underline band.
struct ViewMetrics {
  float fontSize = 16;
  float tagFontSize = 10;  // label tags above spans
  float tagHeight = 12;
  int tagRows = 2;         // nesting levels that get their own tag row
  float textTop = 0;       // offset of the text box from the line top
  float underlineTop = 0;  // offset of the first underline from the line top
  float underlineStep = 3;
  int underlineLevels = 4;
  float lineHeight = 40;       // a line without arcs
  float arcLevelHeight = 17;   // one arc level: a label pill and a little air
  float arcBandPad = 3;        // above and below the levels of a line's arc band
  int maxArcLevels = 6;        // the most levels a line gets (more arcs share the top one)
  float padX = 24, padY = 16;  // margins of the text inside the view
  // Height of the arc band of a line with `levels` arc levels.
  float arcBand(int levels) const {
    return levels > 0 ? static_cast<float>(levels) * arcLevelHeight + 2 * arcBandPad : 0;
  }
};
ViewMetrics metricsFor(float fontSize);
// Width of the tag of a span `spanWidth` wide: its label, abbreviated (as brat does) when the
// label is much wider than the span.
float tagWidth(const ImFont* font, const ViewMetrics& m, const std::string& label, float spanWidth);
// The rule behind tagWidth, for callers that cache widths: `width(abbreviated)` gives the width
// of the whole label (false) or of its first graphemes (true) at the tag font size.
template <class Width>
float tagWidthBy(const ViewMetrics& m, const std::string& label, float spanWidth, Width&& width);
// Byte length of a label's abbreviation: its first three characters (grapheme clusters).
std::size_t labelAbbreviation(const std::string& label);

struct TextGeometry {
  const TextLayout* layout = nullptr;
  ViewMetrics m;
  ImVec2 origin;                      // screen position of (x = 0, top of visual line 0)
  const LineOffsets* rows = nullptr;  // line tops (arc bands included); lineHeight each if none

  // Top of line li's arc band (the top of its whole row).
  float bandTop(std::size_t li) const {
    return origin.y + (rows ? rows->top(li) : static_cast<float>(li) * m.lineHeight);
  }
  // Top of line li below its arc band: tag row, text and underlines follow.
  float lineTop(std::size_t li) const {
    return origin.y +
           (rows ? rows->top(li + 1) - m.lineHeight : static_cast<float>(li) * m.lineHeight);
  }
  // Y of the middle of arc level `level` of line li.
  float arcLevelY(std::size_t li, int level) const {
    return lineTop(li) - m.arcBandPad - (static_cast<float>(level) + 0.5f) * m.arcLevelHeight;
  }
  // Where arcs end above a span's tag on line li.
  float arcFootY(std::size_t li) const { return lineTop(li) + m.textTop - m.tagHeight - 2; }
  float textTop(std::size_t li) const { return lineTop(li) + m.textTop; }
  float textBottom(std::size_t li) const { return textTop(li) + m.fontSize; }
  // Visual line under screen y (clamped to existing lines).
  std::size_t lineAtY(float y) const;
  // The code point boundary nearest to a screen point.
  uint32_t cpAt(ImVec2 p) const;
  // Screen x of code point boundary cp on line li (TextLayout::xOfCp).
  float xOf(std::size_t li, uint32_t cp, bool after = false) const {
    return origin.x + layout->xOfCp(li, cp, after);
  }
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
  // An arc part (text_arcs.h) on screen: legs at x0 and x1 from their feet up to y, joined there.
  struct Arc {
    const Relation* rel;
    float x0, x1, y;      // x0: this line's span, x1: the other span or the line edge
    float foot0, foot1;   // y where each leg ends (above a tag, or the band's edge)
    bool arrow0, arrow1;  // arrowhead at that end (pointing along the leg, away from y)
    bool edge1;           // x1 is the line's edge (the other end is on another line)
    ImVec2 pillMin, pillMax;
    ImU32 color;
  };
  std::size_t first = 0, last = 0;  // visible visual lines (inclusive)
  uint32_t cpStart = 0, cpEnd = 0;
  std::vector<const Span*> spans;
  std::vector<LineSpan> lineSpans;
  std::vector<Tag> tags;
  std::vector<Arc> arcs;
  std::vector<float> xs;  // cells of the visible lines (TextLayout::lineCells), concatenated
  std::vector<uint32_t> xsOffset;  // start of each visible line's cells in `xs`
  bool valid = false;

  LineCells cells(std::size_t li) const {
    const float* p = xs.data() + xsOffset[li - first];
    return LineCells{p + 1, static_cast<uint32_t>(p[0])};
  }
};

// Room at a tag's left for its label's mark (a shape, label_marks.h).
inline float tagMarkWidth(const ViewMetrics& m) {
  return m.tagHeight - 2;
}

template <class Width>
float tagWidthBy(const ViewMetrics& m, const std::string& label, float spanWidth, Width&& width) {
  const float w = width(false) + 6 + tagMarkWidth(m);
  if (w > spanWidth + m.tagFontSize * 1.5f && label.size() > labelAbbreviation(label))
    return width(true) + 6 + tagMarkWidth(m);
  return w;
}

}  // namespace scholion::ui
