// The platform's text rasteriser for glyphs the UI font lacks (web: Canvas 2D with the browser's
// fonts; desktop: see native_glyphs.cpp), and the GlyphSource that joins it to the renderer.
#pragma once

#include <string_view>

#include "glyph_source.h"

namespace scholion::platform {

class GlRenderer;

// False when this platform has no rasteriser (the UI font's fallback box is drawn instead).
bool glyphRasterAvailable();
// True when the rasteriser shapes whole runs (the browser); false: one character at a time.
bool glyphRasterShapes();
// True while a browser test holds new widget glyphs back (window.scholion.holdWidgetGlyphs), to
// look at the frames drawn while they are pending; false on the desktop.
bool widgetGlyphsHeld();
float glyphMeasure(std::string_view utf8, float px);
bool glyphRasterize(std::string_view utf8, float px, ui::GlyphBitmap& out);

class RendererGlyphSource final : public ui::GlyphSource {
 public:
  explicit RendererGlyphSource(GlRenderer& renderer) : renderer_(renderer) {}
  bool shapes() const override { return glyphRasterShapes(); }
  float measure(std::string_view utf8, float px) override { return glyphMeasure(utf8, px); }
  bool rasterize(std::string_view utf8, float px, ui::GlyphBitmap& out) override {
    return glyphRasterize(utf8, px, out);
  }
  ImTextureID createPage(int width, int height) override;
  void updatePage(ImTextureID page, int x, int y, int width, int height,
                  const uint8_t* rgba) override;

 private:
  GlRenderer& renderer_;
};

}  // namespace scholion::platform
