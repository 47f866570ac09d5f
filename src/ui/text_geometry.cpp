// Text-view geometry: metrics from the font size and conversions between offsets and screen points.
#include "text_geometry.h"

#include <algorithm>
#include <cmath>

#include "glyph_text.h"
#include "grapheme.h"

namespace scholion::ui {

ViewMetrics metricsFor(float fontSize) {
  ViewMetrics m;
  m.fontSize = fontSize;
  m.tagFontSize = std::max(10.0f, std::round(fontSize * 0.7f));
  m.tagHeight = m.tagFontSize + 3;
  // One tag row: nested spans' tags share it and are pushed right when they would collide.
  m.tagRows = 1;
  m.textTop = m.tagRows * m.tagHeight + std::round(fontSize * 0.3f);
  m.underlineStep = std::max(3.0f, std::round(fontSize * 0.2f));
  m.underlineLevels = 3;
  m.underlineTop = m.textTop + fontSize + 2;
  m.lineHeight =
      std::round(m.underlineTop + m.underlineStep * m.underlineLevels + fontSize * 0.15f);
  m.arcLevelHeight = m.tagHeight + 4;
  m.arcBandPad = 3;
  m.maxArcLevels = 6;
  m.padX = std::round(fontSize * 1.5f);
  m.padY = std::round(fontSize * 0.75f);
  return m;
}

std::size_t labelAbbreviation(const std::string& label) {
  std::size_t end = 0;
  for (int k = 0; k < 3 && end < label.size(); ++k) end = graphemeEndUtf8(label, end);
  return end;
}

float tagWidth(const ImFont* font, const ViewMetrics& m, const std::string& label,
               float spanWidth) {
  return tagWidthBy(m, label, spanWidth, [&](bool abbreviated) {
    return textWidth(font, m.tagFontSize,
                     abbreviated ? std::string_view(label).substr(0, labelAbbreviation(label))
                                 : std::string_view(label));
  });
}

std::size_t TextGeometry::lineAtY(float y) const {
  if (!layout || layout->lineCount() == 0) return 0;
  std::size_t li;
  if (rows && rows->count() == layout->lineCount()) {
    li = rows->lineAt(y - origin.y);
  } else {
    float f = std::floor((y - origin.y) / m.lineHeight);
    if (f < 0) return 0;
    li = static_cast<std::size_t>(f);
  }
  return std::min(li, layout->lineCount() - 1);
}

uint32_t TextGeometry::cpAt(ImVec2 p) const {
  if (!layout || layout->lineCount() == 0) return 0;
  if (p.y < bandTop(0)) return 0;
  if (p.y >= bandTop(layout->lineCount())) return layout->line(layout->lineCount() - 1).cpEnd;
  return layout->cpAtX(lineAtY(p.y), p.x - origin.x);
}

bool TextGeometry::firstLineRect(uint32_t start, uint32_t end, ImVec2& min, ImVec2& max) const {
  if (!layout || layout->lineCount() == 0) return false;
  std::size_t li = layout->lineOfCp(start);
  const VisualLine& l = layout->line(li);
  // A range starting at a wrap point belongs to the next line.
  if (start == l.cpEnd && li + 1 < layout->lineCount() && end > start) ++li;
  float x0 = 0, x1 = 0;
  layout->rangeX(li, start, end, x0, x1);
  min = ImVec2(origin.x + x0, textTop(li));
  max = ImVec2(origin.x + x1, textBottom(li));
  return true;
}

}  // namespace scholion::ui
