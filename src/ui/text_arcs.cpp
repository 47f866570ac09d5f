// Per-line arc layout: which relation arcs each visual line carries, their levels and the line
// heights; built in one pass over the relations when spans, relations or the wrapping change.
#include "text_arcs.h"

#include <algorithm>
#include <chrono>

#include "glyph_text.h"
#include "imgui.h"

namespace scholion::ui {
namespace {

// The visual line a span's tag (and so its arcs) sits on: the line of its first character, or
// the next one when it starts exactly at a wrap point (as TextGeometry::firstLineRect).
std::size_t tagLine(const TextLayout& layout, const Span& sp) {
  std::size_t li = layout.lineOfCp(sp.start);
  if (sp.start == layout.line(li).cpEnd && li + 1 < layout.lineCount() && sp.end > sp.start) ++li;
  return li;
}

}  // namespace

LineCells ArcLayout::lineCells(const TextLayout& layout, std::size_t li) {
  if (lineXsAt_[li] == UINT32_MAX) {
    layout.lineCells(li, lineScratch_);  // the count, then the cells
    lineXsAt_[li] = static_cast<uint32_t>(xs_.size());
    xs_.insert(xs_.end(), lineScratch_.begin(), lineScratch_.end());
  }
  const float* p = xs_.data() + lineXsAt_[li];
  return LineCells{p + 1, static_cast<uint32_t>(p[0])};
}

// Where arcs attach to a span: the middle of its tag (tags start at the span's first character),
// with the tag as wide as tagWidth (text_geometry.cpp) makes it.
const ArcLayout::Anchor& ArcLayout::anchor(const TextLayout& layout, const DocumentState& doc,
                                           const Span& sp, const ViewMetrics& m,
                                           const ImFont* font) {
  Anchor& a = anchors_[static_cast<std::size_t>(&sp - doc.data().annotations.spans.data())];
  if (a.line != UINT32_MAX) return a;
  const std::size_t li = tagLine(layout, sp);
  const VisualLine& l = layout.line(li);
  // As the tags of text_draw.cpp: the left and right x of the span's part on its first line.
  float x0 = 0, x1 = 0;
  lineCells(layout, li)
      .extent(std::max(sp.start, l.cpStart) - l.cpStart, std::min(sp.end, l.cpEnd) - l.cpStart, x0,
              x1);
  const float w = tagWidthBy(m, sp.label, x1 - x0, [&](bool abbreviated) {
    return (abbreviated ? tagShortWidths_ : tagWidths_)
        .get(sp.label, m.tagFontSize, [&](const std::string& s) {
          return textWidth(font, m.tagFontSize,
                           abbreviated ? std::string_view(s).substr(0, labelAbbreviation(s))
                                       : std::string_view(s));
        });
  });
  a.line = static_cast<uint32_t>(li);
  // Over the span's reading start: its right end in a right-to-left paragraph (text_draw.cpp).
  a.x = (l.paraLevel & 1) ? x1 - w * 0.5f : x0 + w * 0.5f;
  return a;
}

bool ArcLayout::update(const TextLayout& layout, const DocumentState& doc, const ViewMetrics& m,
                       const ImFont* font) {
  if (built_ && layout.generation() == layoutGeneration_ && &doc == doc_ &&
      doc.revision() == revision_ && m.fontSize == fontSize_)
    return false;
  built_ = true;
  layoutGeneration_ = layout.generation();
  doc_ = &doc;
  revision_ = doc.revision();
  fontSize_ = m.fontSize;
  build(layout, doc, m, font);
  return true;
}

void ArcLayout::build(const TextLayout& layout, const DocumentState& doc, const ViewMetrics& m,
                      const ImFont* font) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::size_t lines = layout.lineCount();
  unsorted_.clear();
  partLine_.clear();
  const float rightEdge = layout.wrapWidth() + m.padX * 0.5f, leftEdge = -m.padX * 0.5f;
  if (font != font_) {
    font_ = font;
    relWidths_.reset(-1);
    tagWidths_.reset(-1);
    tagShortWidths_.reset(-1);
  }
  anchors_.assign(doc.data().annotations.spans.size(), Anchor{});
  lineXsAt_.assign(lines, UINT32_MAX);
  xs_.clear();
  if (lines > 0 && font) {
    for (const Relation& r : doc.data().annotations.relations) {
      const Span* a = doc.span(r.from);
      const Span* b = doc.span(r.to);
      if (!a || !b) continue;
      ArcPart p;
      p.rel = &r;
      p.labelWidth = relWidths_.get(r.label, m.tagFontSize, [&](const std::string& s) {
        return textWidth(font, m.tagFontSize, s) + 8;
      });
      const Anchor& aa = anchor(layout, doc, *a, m, font);
      const std::size_t la = aa.line;
      const float xa = aa.x;
      const Anchor& ab = anchor(layout, doc, *b, m, font);
      const std::size_t lb = ab.line;
      const float xb = ab.x;
      if (la == lb) {
        p.anchorX = xa;
        // A span related to itself: a small loop to the right of its tag.
        p.otherX = a == b ? xa + std::max(p.labelWidth, m.fontSize) : xb;
        p.other = ArcPart::End::Span;
        p.anchorIsTarget = false;  // the arrowhead is at the other end, the target
        unsorted_.push_back(p);
        partLine_.push_back(static_cast<uint32_t>(la));
        continue;
      }
      // Two parts: the earlier line leaves at its right edge, the later one enters at its left.
      const bool forward = la < lb;
      p.anchorX = forward ? xa : xb;
      p.otherX = rightEdge;
      p.other = ArcPart::End::EdgeDown;
      p.anchorIsTarget = !forward;
      unsorted_.push_back(p);
      partLine_.push_back(static_cast<uint32_t>(std::min(la, lb)));
      p.anchorX = forward ? xb : xa;
      p.otherX = leftEdge;
      p.other = ArcPart::End::EdgeUp;
      p.anchorIsTarget = forward;
      unsorted_.push_back(p);
      partLine_.push_back(static_cast<uint32_t>(std::max(la, lb)));
    }
  }
  // Group by line (a counting sort keeps the relations' order within a line).
  lineFirst_.assign(lines + 1, 0);
  for (uint32_t li : partLine_) ++lineFirst_[li + 1];
  for (std::size_t i = 0; i < lines; ++i) lineFirst_[i + 1] += lineFirst_[i];
  parts_.resize(unsorted_.size());
  order_.assign(lineFirst_.begin(), lineFirst_.end());
  for (std::size_t k = 0; k < unsorted_.size(); ++k) parts_[order_[partLine_[k]]++] = unsorted_[k];

  // Levels per line, and the heights they need.
  levels_.assign(lines, 0);
  heights_.assign(lines, m.lineHeight);
  for (std::size_t li = 0; li < lines; ++li) {
    const uint32_t b = lineFirst_[li], e = lineFirst_[li + 1];
    if (b == e) continue;
    intervals_.clear();
    for (uint32_t k = b; k < e; ++k) {
      const ArcPart& p = parts_[k];
      const float lo = std::min(p.anchorX, p.otherX), hi = std::max(p.anchorX, p.otherX);
      const float mid = (lo + hi) * 0.5f, half = std::max((hi - lo) * 0.5f, p.labelWidth * 0.5f);
      intervals_.push_back({mid - half, mid + half, 0});
    }
    const int used = assignArcLevels(intervals_, m.maxArcLevels, 4.0f, order_);
    for (uint32_t k = b; k < e; ++k) parts_[k].level = intervals_[k - b].level;
    levels_[li] = static_cast<uint8_t>(used);
    heights_[li] += m.arcBand(used);
  }
  rows_.assign(heights_);
  buildMs_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace scholion::ui
