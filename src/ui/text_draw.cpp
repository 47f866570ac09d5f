// Builds what is visible this frame (spans with nesting levels, tags, arcs) and draws it.
// Work is proportional to the visible text and annotations only, and reuses its buffers.
#include <algorithm>
#include <cmath>

#include "panels.h"
#include "text_view.h"

namespace scholion::ui {
namespace {

ImU32 withAlpha(ImU32 c, float a) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  v.w *= a;
  return ImGui::ColorConvertFloat4ToU32(v);
}

// Black or white text, whichever reads better on this colour.
ImU32 textOn(ImU32 bg) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(bg);
  float lum = 0.299f * v.x + 0.587f * v.y + 0.114f * v.z;
  return lum > 0.62f ? IM_COL32(20, 24, 30, 255) : IM_COL32(255, 255, 255, 255);
}

ImVec2 bezier(const VisibleFrame::Arc& a, float t) {
  float u = 1 - t;
  float w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
  return ImVec2(w0 * a.p0.x + w1 * a.c0.x + w2 * a.c1.x + w3 * a.p1.x,
                w0 * a.p0.y + w1 * a.c0.y + w2 * a.c1.y + w3 * a.p1.y);
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

}  // namespace

void buildVisibleFrame(TextViewState& view, const DocumentState& doc, const Schema& schema,
                       const ImFont* font) {
  VisibleFrame& f = view.frame;
  f.valid = false;
  f.spans.clear();
  f.lineSpans.clear();
  f.tags.clear();
  f.relations.clear();
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
    view.layout.lineXs(li, view.xs);
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
    const float* xs = f.lineXs(li);
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
        float x0 = g.origin.x + xs[sp->start - l.cpStart];
        float x1 = g.origin.x + xs[std::min(sp->end, l.cpEnd) - l.cpStart];
        const char* name = sp->label.c_str();
        float w = font->CalcTextSizeA(m.tagFontSize, 1e9f, 0, name).x + 6;
        // Abbreviate (as brat does) when the name is much wider than the span.
        if (w > (x1 - x0) + m.tagFontSize * 1.5f && sp->label.size() > 3)
          w = font->CalcTextSizeA(m.tagFontSize, 1e9f, 0, name, name + 3).x + 6;
        float tx = std::max(x0, tagRight[row] + 2);
        tagRight[row] = tx + w;
        float ty = g.lineTop(li) + m.textTop - (row + 1) * m.tagHeight - 1;
        f.tags.push_back({sp, ImVec2(tx, ty), ImVec2(tx + w, ty + m.tagHeight - 1)});
      }
    }
  }

  // Relations touching a visible span, once each.
  for (const Span* sp : f.spans) ds->relationsOf(sp->id, f.relations);
  std::sort(f.relations.begin(), f.relations.end());
  f.relations.erase(std::unique(f.relations.begin(), f.relations.end()), f.relations.end());
  int slot = 0;
  for (const Relation* r : f.relations) {
    const Span* a = ds->span(r->from);
    const Span* b = ds->span(r->to);
    if (!a || !b) continue;
    VisibleFrame::Arc arc;
    arc.rel = r;
    arc.p0 = anchorOf(view, a);
    arc.p1 = anchorOf(view, b);
    float dx = std::fabs(arc.p1.x - arc.p0.x);
    float rise = m.tagHeight * (1.0f + 0.45f * static_cast<float>(slot++ % 4)) + dx * 0.08f;
    rise = std::min(rise, m.lineHeight * 1.2f);
    float top = std::min(arc.p0.y, arc.p1.y) - rise;
    // Arcs of the first lines stay inside the document's top margin, their label pill whole
    // (the pill's centre is the curve's midpoint: 1/8 of each end plus 3/4 of the control y).
    const float docTop = view.geo.origin.y - m.padY + 1;
    top = std::max(top, (docTop + m.tagHeight * 0.5f - 0.125f * (arc.p0.y + arc.p1.y)) / 0.75f);
    arc.c0 = ImVec2(arc.p0.x + (arc.p1.x - arc.p0.x) * 0.15f, top);
    arc.c1 = ImVec2(arc.p1.x - (arc.p1.x - arc.p0.x) * 0.15f, top);
    const RelationType* rt = schema.findRelation(r->label);
    arc.color = labelColor(rt ? rt->color : std::string(), 1.0f);
    ImVec2 mid = bezier(arc, 0.5f);
    ImVec2 ts = font->CalcTextSizeA(m.tagFontSize, 1e9f, 0, r->label.c_str());
    arc.pillMin = ImVec2(mid.x - ts.x * 0.5f - 4, mid.y - m.tagHeight * 0.5f);
    arc.pillMax = ImVec2(mid.x + ts.x * 0.5f + 4, mid.y + m.tagHeight * 0.5f);
    f.arcs.push_back(arc);
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
  const float* xs = f.lineXs(li);
  const Span* best = nullptr;
  for (const VisibleFrame::LineSpan& ls : f.lineSpans) {
    if (ls.line != li) continue;
    const Span* sp = ls.span;
    float x0 = g.origin.x + xs[std::max(sp->start, l.cpStart) - l.cpStart];
    float x1 = g.origin.x + xs[std::min(sp->end, l.cpEnd) - l.cpStart];
    if (p.x < x0 || p.x >= x1) continue;
    if (!best || sp->end - sp->start < best->end - best->start) best = sp;  // innermost wins
  }
  return best;
}

const Relation* relationUnder(const TextViewState& view, ImVec2 p) {
  for (const VisibleFrame::Arc& a : view.frame.arcs)
    if (inside(p, a.pillMin, a.pillMax)) return a.rel;
  return nullptr;
}

bool segmentOnLine(const TextViewState& view, std::size_t li, uint32_t a, uint32_t b, float& x0,
                   float& x1) {
  const VisualLine& l = view.layout.line(li);
  if (b <= l.cpStart || a > l.cpEnd || (a == l.cpEnd && b > a && li + 1 < view.layout.lineCount()))
    return false;
  const float* xs = view.frame.lineXs(li);
  x0 = view.geo.origin.x + xs[std::max(a, l.cpStart) - l.cpStart];
  x1 = view.geo.origin.x + xs[std::min(b, l.cpEnd) - l.cpStart];
  return x1 > x0;
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
    float x0, x1;
    if (!segmentOnLine(s.view, ls.line, ls.span->start, ls.span->end, x0, x1)) continue;
    ImU32 c = labelColorFor(schema, ls.span->label, fillAlpha);
    dl->AddRectFilled(ImVec2(x0, g.textTop(ls.line) - 1), ImVec2(x1, g.textBottom(ls.line) + 1), c,
                      3.0f);
  }

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

  // Text.
  for (std::size_t li = f.first; li <= f.last; ++li) {
    const VisualLine& l = s.view.layout.line(li);
    if (l.byteEnd > l.byteStart)
      dl->AddText(font, m.fontSize, ImVec2(g.origin.x, g.textTop(li)), textCol,
                  text.data() + l.byteStart, text.data() + l.byteEnd);
  }

  // Underlines: one per nesting level, stacked below the text.
  for (const VisibleFrame::LineSpan& ls : f.lineSpans) {
    float x0, x1;
    if (!segmentOnLine(s.view, ls.line, ls.span->start, ls.span->end, x0, x1)) continue;
    int lv = std::min(ls.level, m.underlineLevels - 1);
    float y = g.lineTop(ls.line) + m.underlineTop + static_cast<float>(lv) * m.underlineStep;
    dl->AddRectFilled(ImVec2(x0 + 1, y), ImVec2(x1 - 1, y + std::max(2.0f, m.underlineStep - 1)),
                      labelColorFor(schema, ls.span->label), 1.0f);
  }

  // The selected span: an outline and drag handles at its ends.
  const Span* sel = s.sel.span.empty() ? nullptr : ds.span(s.sel.span);
  if (sel && s.gesture.drag != TextGesture::Drag::ResizeStart &&
      s.gesture.drag != TextGesture::Drag::ResizeEnd) {
    forEachVisibleSegment(s.view, sel->start, sel->end, [&](std::size_t li, float x0, float x1) {
      ImVec2 a(x0 - 2, g.textTop(li) - 3), b(x1 + 2, g.textBottom(li) + 3);
      dl->AddRect(a, b, accent, 3.0f, 0, 2.0f);
      const VisualLine& l = s.view.layout.line(li);
      if (sel->start >= l.cpStart)
        dl->AddRectFilled(ImVec2(a.x - 2, a.y), ImVec2(a.x + 2, b.y), accent, 2.0f);
      if (sel->end <= l.cpEnd)
        dl->AddRectFilled(ImVec2(b.x - 2, a.y), ImVec2(b.x + 2, b.y), accent, 2.0f);
    });
  }

  // Tags.
  for (const VisibleFrame::Tag& t : f.tags) {
    ImU32 bg = labelColorFor(schema, t.span->label);
    dl->AddRectFilled(t.min, t.max, bg, 3.0f);
    if (sel == t.span)
      dl->AddRect(ImVec2(t.min.x - 1, t.min.y - 1), ImVec2(t.max.x + 1, t.max.y + 1), accent, 3.0f,
                  0, 1.5f);
    const char* name = t.span->label.c_str();
    const char* end = name + t.span->label.size();
    float full = font->CalcTextSizeA(m.tagFontSize, 1e9f, 0, name, end).x + 6;
    if (full > t.max.x - t.min.x + 0.5f)
      end = name + std::min<std::size_t>(3, t.span->label.size());
    dl->AddText(font, m.tagFontSize, ImVec2(t.min.x + 3, t.min.y + 1), textOn(bg), name, end);
  }

  // Relation arcs with their labels and arrowheads.
  for (const VisibleFrame::Arc& a : f.arcs) {
    bool selected = a.rel->id == s.sel.relation;
    float th = selected ? 2.5f : 1.5f;
    dl->AddBezierCubic(a.p0, a.c0, a.c1, a.p1, withAlpha(a.color, 0.9f), th, 24);
    const RelationType* rt = schema.findRelation(a.rel->label);
    if (!rt || !rt->symmetric) {
      ImVec2 q = bezier(a, 0.93f);
      ImVec2 d(a.p1.x - q.x, a.p1.y - q.y);
      float len = std::sqrt(d.x * d.x + d.y * d.y);
      if (len > 0.01f) {
        d = ImVec2(d.x / len, d.y / len);
        ImVec2 n(-d.y, d.x);
        float sz = m.tagFontSize * 0.55f;
        dl->AddTriangleFilled(
            a.p1, ImVec2(a.p1.x - d.x * sz * 1.6f + n.x * sz, a.p1.y - d.y * sz * 1.6f + n.y * sz),
            ImVec2(a.p1.x - d.x * sz * 1.6f - n.x * sz, a.p1.y - d.y * sz * 1.6f - n.y * sz),
            a.color);
      }
    }
    dl->AddRectFilled(a.pillMin, a.pillMax, ImGui::GetColorU32(ImGuiCol_ChildBg), 4.0f);
    dl->AddRect(a.pillMin, a.pillMax, withAlpha(a.color, selected ? 1.0f : 0.7f), 4.0f, 0,
                selected ? 2.0f : 1.0f);
    dl->AddText(font, m.tagFontSize, ImVec2(a.pillMin.x + 4, a.pillMin.y + 1), textCol,
                a.rel->label.c_str());
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

}  // namespace scholion::ui
