// Builds what is visible this frame (spans with nesting levels, tags, arcs) and draws it.
// Work is proportional to the visible text and annotations only, and reuses its buffers.
#include <algorithm>
#include <cmath>

#include "glyph_text.h"
#include "panels.h"
#include "suggest_ui.h"
#include "text_view.h"
#include "theme_contrast.h"

namespace scholion::ui {
namespace {

ImU32 withAlpha(ImU32 c, float a) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  v.w *= a;
  return ImGui::ColorConvertFloat4ToU32(v);
}

// Black or white text, whichever reads better on this colour (high contrast: by the WCAG ratio).
ImU32 textOn(ImU32 bg, bool highContrast) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(bg);
  if (highContrast) {
    const Rgb c{static_cast<uint8_t>(v.x * 255), static_cast<uint8_t>(v.y * 255),
                static_cast<uint8_t>(v.z * 255)};
    return contrastRatio(c, Rgb{0, 0, 0}) >= contrastRatio(c, Rgb{255, 255, 255})
               ? IM_COL32(0, 0, 0, 255)
               : IM_COL32(255, 255, 255, 255);
  }
  float lum = 0.299f * v.x + 0.587f * v.y + 0.114f * v.z;
  return lum > 0.62f ? IM_COL32(20, 24, 30, 255) : IM_COL32(255, 255, 255, 255);
}

bool inside(ImVec2 p, ImVec2 mn, ImVec2 mx) {
  return p.x >= mn.x && p.x < mx.x && p.y >= mn.y && p.y < mx.y;
}

// Where arcs attach to a span: the top of its tag when visible, else the top of its first line.
ImVec2 anchorOf(const TextViewState& view, const Span* sp) {
  for (const VisibleFrame::Tag& t : view.frame.tags)
    if (t.span == sp) return ImVec2((t.min.x + t.max.x) * 0.5f, t.min.y);
  ImVec2 mn, mx;
  view.geo.firstLineRect(sp->start, sp->end, mn, mx);
  return ImVec2((mn.x + mx.x) * 0.5f, mn.y - 2);
}

// Tags of one bidi line placed over their spans' reading starts: sorted by x, each row is swept
// in the paragraph's direction, pushing a tag that would overlap the one before it along.
void spreadTags(std::vector<VisibleFrame::Tag>::iterator begin,
                std::vector<VisibleFrame::Tag>::iterator end, bool rtl) {
  std::sort(begin, end, [](const VisibleFrame::Tag& a, const VisibleFrame::Tag& b) {
    return a.min.y != b.min.y ? a.min.y < b.min.y : a.min.x < b.min.x;
  });
  auto shift = [](VisibleFrame::Tag& t, float dx) {
    t.min.x += dx;
    t.max.x += dx;
  };
  for (auto row = begin; row != end;) {
    auto rowEnd = row;
    while (rowEnd != end && rowEnd->min.y == row->min.y) ++rowEnd;
    if (rtl) {
      for (auto it = rowEnd - 1; it != row; --it) {
        auto left = it - 1;
        if (left->max.x + 2 > it->min.x) shift(*left, it->min.x - 2 - left->max.x);
      }
    } else {
      for (auto it = row + 1; it != rowEnd; ++it) {
        auto left = it - 1;
        if (it->min.x < left->max.x + 2) shift(*it, left->max.x + 2 - it->min.x);
      }
    }
    row = rowEnd;
  }
}

}  // namespace

void buildVisibleFrame(TextViewState& view, const DocumentState& doc, const Schema& schema,
                       const ImFont* font) {
  VisibleFrame& f = view.frame;
  f.valid = false;
  f.spans.clear();
  f.lineSpans.clear();
  f.tags.clear();
  f.arcs.clear();
  f.xs.clear();
  f.xsOffset.clear();
  const DocumentState* ds = &doc;
  if (view.layout.lineCount() == 0) return;
  const TextGeometry& g = view.geo;
  const ViewMetrics& m = g.m;
  // One extra line above and below, so arcs and tags of neighbours do not pop in.
  std::size_t first = g.lineAtY(view.viewMin.y - m.lineHeight);
  std::size_t last = g.lineAtY(view.viewMax.y + m.lineHeight);
  f.first = first;
  f.last = last;
  f.cpStart = view.layout.line(first).cpStart;
  f.cpEnd = view.layout.line(last).cpEnd;
  for (std::size_t li = first; li <= last; ++li) {
    f.xsOffset.push_back(static_cast<uint32_t>(f.xs.size()));
    view.layout.lineCells(li, view.xs);
    f.xs.insert(f.xs.end(), view.xs.begin(), view.xs.end());
  }
  ds->spansOverlapping(f.cpStart, std::max(f.cpEnd, f.cpStart + 1), f.spans);
  std::sort(f.spans.begin(), f.spans.end(), [](const Span* a, const Span* b) {
    if (a->start != b->start) return a->start < b->start;
    if (a->end != b->end) return a->end > b->end;  // outer before inner
    return a->id < b->id;
  });

  // Nesting levels per line: greedy interval colouring in (start, -end) order.
  float tagRight[4];
  for (std::size_t li = first; li <= last; ++li) {
    const VisualLine& l = view.layout.line(li);
    uint32_t levelEnd[8];
    int levels = 0;
    for (float& r : tagRight) r = -1e9f;
    const LineCells cells = f.cells(li);
    const std::size_t lineTags = f.tags.size();
    const bool rtl = (l.paraLevel & 1) != 0;
    for (const Span* sp : f.spans) {
      if (sp->end <= l.cpStart || sp->start >= std::max(l.cpEnd, l.cpStart + 1)) continue;
      if (sp->start == sp->end) continue;
      int lv = 0;
      while (lv < levels && levelEnd[lv] > sp->start) ++lv;
      if (lv < 8) {
        if (lv == levels) ++levels;
        levelEnd[lv] = sp->end;
      } else {
        lv = 7;
      }
      f.lineSpans.push_back({sp, static_cast<uint32_t>(li), lv});
      // The tag sits above the span's first character, on the line where the span starts.
      if (sp->start >= l.cpStart && sp->start < std::max(l.cpEnd, l.cpStart + 1)) {
        int row = std::min(lv, m.tagRows - 1);
        float x0, x1;
        cells.extent(sp->start - l.cpStart, std::min(sp->end, l.cpEnd) - l.cpStart, x0, x1);
        x0 += g.origin.x;
        x1 += g.origin.x;
        const float w = tagWidth(font, m, sp->label, x1 - x0);
        // On a bidi line spans come in logical order, not from left to right: the tags are
        // placed where they belong (over the span's reading start) and spread out below.
        float tx = l.bidi ? (rtl ? x1 - w : x0) : std::max(x0, tagRight[row] + 2);
        tagRight[row] = tx + w;
        float ty = g.lineTop(li) + m.textTop - (row + 1) * m.tagHeight - 1;
        f.tags.push_back({sp, ImVec2(tx, ty), ImVec2(tx + w, ty + m.tagHeight - 1)});
      }
    }
    if (l.bidi)
      spreadTags(f.tags.begin() + static_cast<std::ptrdiff_t>(lineTags), f.tags.end(), rtl);
  }

  // Arcs of the visible lines, laid out beforehand per line (text_arcs.h): placed on screen only.
  const float halfPill = m.tagHeight * 0.5f;
  for (std::size_t li = first; li <= last; ++li) {
    for (const ArcPart* p = view.arcs.partsBegin(li); p != view.arcs.partsEnd(li); ++p) {
      VisibleFrame::Arc arc;
      arc.rel = p->rel;
      arc.x0 = g.origin.x + p->anchorX;
      arc.x1 = g.origin.x + p->otherX;
      arc.y = g.arcLevelY(li, p->level);
      arc.foot0 = g.arcFootY(li);
      arc.edge1 = p->other != ArcPart::End::Span;
      // An edge leg runs to the band's edge: down on the earlier line, up on the later one.
      arc.foot1 = p->other == ArcPart::End::Span       ? arc.foot0
                  : p->other == ArcPart::End::EdgeDown ? g.lineTop(li) - 1
                                                       : g.bandTop(li) + 1;
      const RelationType* rt = schema.findRelation(p->rel->label);
      const bool directed = !rt || !rt->symmetric;
      arc.arrow0 = directed && p->anchorIsTarget;
      arc.arrow1 = directed && !p->anchorIsTarget;
      arc.color = labelColor(rt ? rt->color : std::string(), 1.0f);
      const float mid = (arc.x0 + arc.x1) * 0.5f, half = p->labelWidth * 0.5f;
      arc.pillMin = ImVec2(mid - half, arc.y - halfPill);
      arc.pillMax = ImVec2(mid + half, arc.y + halfPill);
      f.arcs.push_back(arc);
    }
  }
  f.valid = true;
}

const Span* spanUnder(const TextViewState& view, ImVec2 p) {
  const VisibleFrame& f = view.frame;
  if (!f.valid) return nullptr;
  for (const VisibleFrame::Tag& t : f.tags)
    if (inside(p, t.min, t.max)) return t.span;
  const TextGeometry& g = view.geo;
  std::size_t li = g.lineAtY(p.y);
  if (li < f.first || li > f.last) return nullptr;
  float top = g.textTop(li) - 2, bottom = g.lineTop(li) + g.m.underlineTop + g.m.underlineStep * 4;
  if (p.y < top || p.y > bottom) return nullptr;
  const VisualLine& l = view.layout.line(li);
  const LineCells cells = f.cells(li);
  const Span* best = nullptr;
  for (const VisibleFrame::LineSpan& ls : f.lineSpans) {
    if (ls.line != li) continue;
    const Span* sp = ls.span;
    bool over = false;
    cells.segments(std::max(sp->start, l.cpStart) - l.cpStart,
                   std::min(sp->end, l.cpEnd) - l.cpStart, [&](float x0, float x1) {
                     over = over || (p.x >= g.origin.x + x0 && p.x < g.origin.x + x1);
                   });
    if (!over) continue;
    if (!best || sp->end - sp->start < best->end - best->start) best = sp;  // innermost wins
  }
  return best;
}

const Relation* relationUnder(const TextViewState& view, ImVec2 p) {
  for (const VisibleFrame::Arc& a : view.frame.arcs)
    if (inside(p, a.pillMin, a.pillMax)) return a.rel;
  return nullptr;
}

void drawVisibleFrame(UiState& s, const ImFont* font) {
  const VisibleFrame& f = s.view.frame;
  if (!f.valid) return;
  const DocumentState& ds = *s.doc();
  const std::string& text = ds.document().text();
  const TextGeometry& g = s.view.geo;
  const ViewMetrics& m = g.m;
  const Schema& schema = s.editor.schema();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 textCol = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 accent = ImGui::GetColorU32(ImGuiCol_CheckMark);
  const float fillAlpha = s.prefs.dark ? 0.30f : 0.22f;

  // Disagreement passages of the class review, under everything else.
  drawPassagesInText(s, dl);

  // Search matches (sorted): only those overlapping the visible range.
  auto mit = std::lower_bound(s.find.matches.begin(), s.find.matches.end(), f.cpStart,
                              [](const Fragment& fr, uint32_t v) { return fr.end <= v; });
  const ImU32 matchCol = s.prefs.dark ? IM_COL32(200, 160, 40, 110) : IM_COL32(255, 205, 60, 140);
  for (; mit != s.find.matches.end() && mit->start < f.cpEnd; ++mit) {
    bool current =
        s.find.current >= 0 && &s.find.matches[static_cast<std::size_t>(s.find.current)] == &*mit;
    forEachVisibleSegment(s.view, mit->start, mit->end, [&](std::size_t li, float x0, float x1) {
      dl->AddRectFilled(ImVec2(x0 - 1, g.textTop(li) - 2), ImVec2(x1 + 1, g.textBottom(li) + 2),
                        current ? IM_COL32(255, 150, 30, 200) : matchCol, 3.0f);
    });
  }

  // Span fills (nested spans darken where they overlap).
  for (const VisibleFrame::LineSpan& ls : f.lineSpans) {
    ImU32 c = labelColorFor(schema, ls.span->label, fillAlpha);
    const ImU32 edge = labelColorFor(schema, ls.span->label);
    forEachSegmentOnLine(s.view, ls.line, ls.span->start, ls.span->end, [&](float x0, float x1) {
      dl->AddRectFilled(ImVec2(x0, g.textTop(ls.line) - 1), ImVec2(x1, g.textBottom(ls.line) + 1),
                        c, 3.0f);
      // High contrast: every span outlined in its (lifted) label colour.
      if (s.prefs.highContrast)
        dl->AddRect(ImVec2(x0, g.textTop(ls.line) - 1), ImVec2(x1, g.textBottom(ls.line) + 1), edge,
                    3.0f, 0, 1.0f);
    });
  }

  drawSuggestionGhosts(s, dl);

  // Text selection (or the live resize preview of the selected span).
  uint32_t selA = s.sel.start, selB = s.sel.end;
  if (s.gesture.drag == TextGesture::Drag::ResizeStart ||
      s.gesture.drag == TextGesture::Drag::ResizeEnd) {
    selA = s.gesture.previewStart;
    selB = s.gesture.previewEnd;
  }
  if (selB > selA) {
    ImU32 c = withAlpha(accent, 0.28f);
    forEachVisibleSegment(s.view, selA, selB, [&](std::size_t li, float x0, float x1) {
      dl->AddRectFilled(ImVec2(x0, g.textTop(li) - 2), ImVec2(x1, g.textBottom(li) + 2), c, 2.0f);
    });
  }

  // Text: the UI font's runs first, then the platform's glyph pieces (one texture each).
  std::vector<GlyphQuad>& quads = s.view.glyphQuads;
  quads.clear();
  for (std::size_t li = f.first; li <= f.last; ++li) {
    const VisualLine& l = s.view.layout.line(li);
    if (l.byteEnd <= l.byteStart) continue;
    const std::string_view line =
        std::string_view(text).substr(l.byteStart, l.byteEnd - l.byteStart);
    if (l.bidi)
      drawLineCells(dl, font, m.fontSize, ImVec2(g.origin.x, g.textTop(li)), textCol, line,
                    f.cells(li), &quads);
    else
      drawText(dl, font, m.fontSize, ImVec2(g.origin.x, g.textTop(li)), textCol, line, &quads);
  }
  drawGlyphQuads(dl, quads);

  // Underlines: one per nesting level, stacked below the text.
  for (const VisibleFrame::LineSpan& ls : f.lineSpans) {
    int lv = std::min(ls.level, m.underlineLevels - 1);
    float y = g.lineTop(ls.line) + m.underlineTop + static_cast<float>(lv) * m.underlineStep;
    const ImU32 c = labelColorFor(schema, ls.span->label);
    const UnderlineStyle style =
        s.prefs.labelMarks ? labelMarkFor(schema, ls.span->label).underline : UnderlineStyle::Solid;
    const float h = std::max(2.0f, m.underlineStep - 1);
    forEachSegmentOnLine(s.view, ls.line, ls.span->start, ls.span->end, [&](float x0, float x1) {
      drawLabelUnderline(dl, x0 + 1, x1 - 1, y, h, style, c);
    });
  }

  // "Check my work" results: outlines by kind, missed key spans dashed.
  drawCheckMarksInText(s, dl);

  // The selected span: an outline and drag handles at its ends.
  const Span* sel = s.sel.span.empty() ? nullptr : ds.span(s.sel.span);
  if (sel && s.gesture.drag != TextGesture::Drag::ResizeStart &&
      s.gesture.drag != TextGesture::Drag::ResizeEnd) {
    forEachVisibleSegment(s.view, sel->start, sel->end, [&](std::size_t li, float x0, float x1) {
      dl->AddRect(ImVec2(x0 - 2, g.textTop(li) - 3), ImVec2(x1 + 2, g.textBottom(li) + 3), accent,
                  3.0f, 0, 2.0f);
    });
    // Drag handles where the span starts and ends in reading order (the right side of a
    // right-to-left start): the same x that resizeHandleAt tests.
    for (int end = 0; end < 2; ++end) {
      const uint32_t cp = end ? sel->end : sel->start;
      std::size_t li = s.view.layout.lineOfCp(cp);
      if (!end && cp == s.view.layout.line(li).cpEnd && li + 1 < s.view.layout.lineCount()) ++li;
      if (li < f.first || li > f.last) continue;
      const float x = g.xOf(li, cp, end != 0);
      dl->AddRectFilled(ImVec2(x - 2, g.textTop(li) - 3), ImVec2(x + 2, g.textBottom(li) + 3),
                        accent, 2.0f);
    }
  }

  // Tags.
  for (const VisibleFrame::Tag& t : f.tags) {
    ImU32 bg = labelColorFor(schema, t.span->label);
    dl->AddRectFilled(t.min, t.max, bg, 3.0f);
    if (sel == t.span)
      dl->AddRect(ImVec2(t.min.x - 1, t.min.y - 1), ImVec2(t.max.x + 1, t.max.y + 1), accent, 3.0f,
                  0, 1.5f);
    std::string_view name = t.span->label;
    const float markW = tagMarkWidth(m);
    float full = textWidth(font, m.tagFontSize, name) + 6 + markW;
    if (full > t.max.x - t.min.x + 0.5f) name = name.substr(0, labelAbbreviation(t.span->label));
    const ImU32 ink = textOn(bg, s.prefs.highContrast);
    if (s.prefs.labelMarks)
      drawMarkShape(dl, ImVec2(t.min.x + 2 + markW * 0.5f, (t.min.y + t.max.y) * 0.5f),
                    markW * 0.36f, labelMarkFor(schema, t.span->label).shape, ink);
    drawText(dl, font, m.tagFontSize, ImVec2(t.min.x + 3 + markW, t.min.y + 1), ink, name);
  }

  // Relation arcs in their lines' arc bands: legs up from the tags (or from the band's edge for
  // an arc that goes on in another line), joined at the arc's level with rounded corners.
  const float head = m.tagFontSize * 0.45f;
  auto arrowhead = [&](float x, float tipY, float dir, ImU32 c) {  // dir +1 points down
    dl->AddTriangleFilled(ImVec2(x, tipY), ImVec2(x - head, tipY - dir * head * 1.6f),
                          ImVec2(x + head, tipY - dir * head * 1.6f), c);
  };
  for (const VisibleFrame::Arc& a : f.arcs) {
    const bool selected = a.rel->id == s.sel.relation;
    const ImU32 col = withAlpha(a.color, 0.9f);
    const float dir = a.x1 >= a.x0 ? 1.0f : -1.0f, leg1 = a.foot1 >= a.y ? 1.0f : -1.0f;
    const float round = std::min(m.arcLevelHeight * 0.5f, std::fabs(a.x1 - a.x0) * 0.5f);
    const float r0 = std::min(round, std::fabs(a.foot0 - a.y));
    const float r1 = std::min(round, std::fabs(a.foot1 - a.y));
    dl->PathLineTo(ImVec2(a.x0, a.foot0));
    dl->PathLineTo(ImVec2(a.x0, a.y + r0));
    dl->PathBezierQuadraticCurveTo(ImVec2(a.x0, a.y), ImVec2(a.x0 + dir * r0, a.y), 6);
    dl->PathLineTo(ImVec2(a.x1 - dir * r1, a.y));
    dl->PathBezierQuadraticCurveTo(ImVec2(a.x1, a.y), ImVec2(a.x1, a.y + leg1 * r1), 6);
    dl->PathLineTo(ImVec2(a.x1, a.foot1));
    dl->PathStroke(col, 0, selected ? 2.5f : 1.5f);
    if (a.arrow0) arrowhead(a.x0, a.foot0, 1.0f, a.color);
    if (a.arrow1) arrowhead(a.x1, a.foot1, leg1, a.color);
    // The far end of an arc that goes on in another line: a bar where it leaves this line.
    if (a.edge1 && !a.arrow1)
      dl->AddRectFilled(ImVec2(a.x1 - head, a.foot1 - 1), ImVec2(a.x1 + head, a.foot1 + 1), col);
    dl->AddRectFilled(a.pillMin, a.pillMax, ImGui::GetColorU32(ImGuiCol_ChildBg), 4.0f);
    dl->AddRect(a.pillMin, a.pillMax, withAlpha(a.color, selected ? 1.0f : 0.7f), 4.0f, 0,
                selected ? 2.0f : 1.0f);
    drawText(dl, font, m.tagFontSize, ImVec2(a.pillMin.x + 4, a.pillMin.y + 1), textCol,
             a.rel->label);
  }

  // A relation being drawn: a dashed-looking line from the source to the mouse.
  if (s.gesture.drag == TextGesture::Drag::Relate || s.gesture.relating) {
    const Span* from = ds.span(s.gesture.relating ? s.gesture.relationFrom : s.gesture.pressSpan);
    if (from) {
      ImVec2 p0 = anchorOf(s.view, from), p1 = ImGui::GetIO().MousePos;
      ImVec2 c(std::min(p0.x, p1.x) + std::fabs(p1.x - p0.x) * 0.5f,
               std::min(p0.y, p1.y) - m.lineHeight * 0.6f);
      dl->AddBezierQuadratic(p0, c, p1, accent, 2.0f, 20);
      dl->AddCircleFilled(p1, 4.0f, accent);
    }
  }
}

nlohmann::json textViewStateJson(const TextViewState& view) {
  nlohmann::json arcs = nlohmann::json::array();
  if (view.frame.valid)
    for (const VisibleFrame::Arc& a : view.frame.arcs)
      arcs.push_back({{"id", a.rel->id},
                      {"x0", a.x0},
                      {"x1", a.x1},
                      {"y", a.y},
                      {"foot0", a.foot0},
                      {"foot1", a.foot1},
                      {"edge", a.edge1},
                      {"pill", {a.pillMin.x, a.pillMin.y, a.pillMax.x, a.pillMax.y}}});
  // Each visible line's rows from its tag row's top to its underlines' bottom.
  nlohmann::json lines = nlohmann::json::array();
  const TextGeometry& g = view.geo;
  if (view.frame.valid)
    for (std::size_t li = view.frame.first; li <= view.frame.last; ++li)
      lines.push_back({g.lineTop(li) + g.m.textTop - g.m.tagHeight - 1,
                       g.lineTop(li) + g.m.underlineTop + g.m.underlineStep * g.m.underlineLevels});
  return {{"rect", {view.viewMin.x, view.viewMin.y, view.viewMax.x, view.viewMax.y}},
          {"maxArcBand", g.m.arcBand(g.m.maxArcLevels)},
          {"arcBuildMs", view.arcs.lastBuildMs()},
          {"lines", lines},
          {"arcs", arcs}};
}

}  // namespace scholion::ui
