// What the UI asks of the platform for characters the embedded UI font lacks: the browser (or the
// desktop's fonts) measures and rasterises a piece of text, and keeps the texture pages the
// pieces are packed into. See docs/scripts.md.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace scholion::ui {

// One rasterised piece: RGBA pixels (white with coverage in alpha for plain glyphs, real colours
// for colour emoji), the pen position inside the bitmap and the advance, all in device pixels.
struct GlyphBitmap {
  int width = 0, height = 0;
  float penX = 0;      // x of the pen (the piece's start) inside the bitmap
  float baseline = 0;  // y of the baseline inside the bitmap
  float advance = 0;
  bool colored = false;  // colour emoji: drawn untinted
  std::vector<uint8_t> rgba;
};

class GlyphSource {
 public:
  virtual ~GlyphSource() = default;
  // True when the platform shapes runs (joins Arabic, forms Indic conjuncts, orders right to
  // left); without it only clusters the UI font lacks are asked for.
  virtual bool shapes() const = 0;
  // Advance of `utf8` (one grapheme cluster or a run to be shaped together) at font size px, or a
  // negative value when this platform cannot draw it.
  virtual float measure(std::string_view utf8, float px) = 0;
  // Draws `utf8` at font size px; false when this platform cannot.
  virtual bool rasterize(std::string_view utf8, float px, GlyphBitmap& out) = 0;
  // RGBA texture pages for the glyph atlas.
  virtual ImTextureID createPage(int width, int height) = 0;
  virtual void updatePage(ImTextureID page, int x, int y, int width, int height,
                          const uint8_t* rgba) = 0;
};

}  // namespace scholion::ui
