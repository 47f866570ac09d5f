// The text view's layout, scroll position and per-frame geometry (rebuilt from the document).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "glyph_cache.h"
#include "imgui.h"
#include "model.h"
#include "text_arcs.h"
#include "text_geometry.h"
#include "text_layout.h"

namespace scholion::ui {

struct TextViewState {
  TextLayout layout;
  ArcLayout arcs;             // arc levels and line heights, rebuilt with the layout or the spans
  TextGeometry geo;           // valid after the text view was laid out this frame
  ImVec2 viewMin, viewMax;    // screen rectangle of the text view
  float scrollY = 0;          // current scroll (read back from ImGui)
  float restoreScrollY = -1;  // scroll to apply on the next frame (restored session)
  std::size_t layoutDocIndex = SIZE_MAX;
  int64_t scrollToCp = -1;  // bring this code point into view on the next frame
  bool scrollCentered = false;
  // Up/Down keep the caret's column: the x they aim at while the caret stays where they put it.
  float caretX = 0;
  int64_t caretXAt = -1;
  VisibleFrame frame;
  // Per-frame scratch (reused, never shrunk, so no allocation per frame).
  std::vector<const Span*> visSpans;
  std::vector<const Relation*> visRelations;
  std::vector<float> xs;
  std::vector<GlyphQuad> glyphQuads;
  std::string scratch;

  // Another document (or workspace) is shown: lay out again, from the top.
  void reset() {
    layoutDocIndex = SIZE_MAX;
    restoreScrollY = 0;
    scrollToCp = -1;
  }
  void scrollTo(uint32_t cp) {
    scrollToCp = cp;
    scrollCentered = false;
  }
};

}  // namespace scholion::ui
