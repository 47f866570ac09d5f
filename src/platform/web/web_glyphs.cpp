// Glyphs the UI font lacks, drawn by the browser: Canvas 2D in the system's font stack (CJK,
// colour emoji, shaped Arabic and Indic runs) measured and read back as RGBA pixels.
#include <emscripten.h>

#include <cstdint>
#include <string>

#include "glyph_raster.h"
#include "text.h"
#include "ui_font.h"
#include "widget_glyphs.h"

// The EM_JS bodies below are JavaScript: keep clang-format away from them.
// clang-format off
// One 2D context for everything (OffscreenCanvas when the browser has it). Module.scholionGlyphs
// counts what was asked and what came back, for the browser tests. The UI font (its bytes in the
// wasm heap) becomes the page font "Scholion UI", for the characters the atlas leaves out
// (ui_font.h); a browser that cannot load it draws them in its sans-serif.
EM_JS(void, scholion_js_glyph_setup, (const uint8_t* font, int fontSize), {
  if (Module.scholionGlyphCtx) return;
  var c = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(256, 128)
                                                 : document.createElement('canvas');
  Module.scholionGlyphCanvas = c;
  Module.scholionGlyphCtx = c.getContext('2d', {willReadFrequently: true});
  var system = 'sans-serif, "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol"';
  var ui = system;
  try {
    if (typeof FontFace !== 'undefined' && document.fonts && fontSize > 0) {
      document.fonts.add(new FontFace('Scholion UI', HEAPU8.slice(font, font + fontSize)));
      ui = '"Scholion UI", ' + system;
    }
  } catch (e) { /* the system's sans-serif draws them */ }
  Module.scholionGlyphFamilies = [system, ui];
  Module.scholionGlyphs = {measured: 0, rasterized: 0, nonEmpty: 0, colored: 0, uiFont: 0, texts: []};
});

EM_JS(float, scholion_js_glyph_measure, (const char* text, float px, int uiFont), {
  var ctx = Module.scholionGlyphCtx;
  ctx.font = px + 'px ' + Module.scholionGlyphFamilies[uiFont];
  Module.scholionGlyphs.measured++;
  return ctx.measureText(UTF8ToString(text)).width;
});

// Draws text white on transparent; out = [width, height, penX, baseline, advance,
// colored]. The pixels wait
// in Module.scholionGlyphPixels for scholion_js_glyph_copy. Returns 0 when nothing is visible.
EM_JS(int, scholion_js_glyph_draw, (const char* utf8, float px, int uiFont, float* out), {
  var text = UTF8ToString(utf8);
  var c = Module.scholionGlyphCanvas, ctx = Module.scholionGlyphCtx;
  var font = px + 'px ' + Module.scholionGlyphFamilies[uiFont];
  ctx.font = font;
  var m = ctx.measureText(text);
  var left = Math.ceil(Math.max(0, m.actualBoundingBoxLeft || 0)) + 1;
  var right = Math.ceil(Math.max(m.width, m.actualBoundingBoxRight || 0)) + 1;
  var asc = Math.ceil(Math.max(m.actualBoundingBoxAscent || 0, px * 0.8)) + 1;
  var desc = Math.ceil(Math.max(m.actualBoundingBoxDescent || 0, px * 0.2)) + 1;
  var w = left + right, h = asc + desc;
  var stats = Module.scholionGlyphs;
  stats.rasterized++;
  if (uiFont) stats.uiFont++;
  if (stats.texts.length < 200) stats.texts.push(text);
  if (w > 1000 || h > 1000) return 0;
  if (c.width < w || c.height < h) {
    c.width = Math.max(c.width, w);
    c.height = Math.max(c.height, h);
  }
  ctx.clearRect(0, 0, w, h);
  ctx.font = font;
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillText(text, left, asc);
  var px4 = ctx.getImageData(0, 0, w, h).data;
  var visible = false, colored = false;
  for (var i = 0; i < px4.length; i += 4) {
    if (px4[i + 3] === 0) continue;
    visible = true;
    if (px4[i + 3] > 128 && (px4[i] < 200 || px4[i + 1] < 200 || px4[i + 2] < 200)) {
      colored = true;
      break;
    }
  }
  if (!visible) return 0;
  stats.nonEmpty++;
  if (colored) stats.colored++;
  Module.scholionGlyphPixels = px4;
  var f = out >> 2;
  HEAPF32[f] = w;
  HEAPF32[f + 1] = h;
  HEAPF32[f + 2] = left;
  HEAPF32[f + 3] = asc;
  HEAPF32[f + 4] = m.width;
  HEAPF32[f + 5] = colored ? 1 : 0;
  return 1;
});

EM_JS(void, scholion_js_glyph_copy, (uint8_t* dst), {
  HEAPU8.set(Module.scholionGlyphPixels, dst);
  Module.scholionGlyphPixels = null;
});

// window.scholion.holdWidgetGlyphs(true) in a browser test: new widget glyphs stay pending.
EM_JS(int, scholion_js_widget_glyphs_held, (), {
  return Module.scholionHoldWidgetGlyphs ? 1 : 0;
});
// clang-format on

namespace scholion::platform {

bool glyphRasterAvailable() {
  return true;
}

bool glyphRasterShapes() {
  return true;
}

bool widgetGlyphsHeld() {
  return scholion_js_widget_glyphs_held() != 0;
}

namespace {

// The font family a piece is drawn in (1: the UI font, when the piece starts with a character the
// UI font has but the atlas left to the browser; 0: the system's), and `px` as that family's size.
int familyFor(std::string_view utf8, float& px) {
  scholion_js_glyph_setup(kUiFont, static_cast<int>(kUiFont_size));
  std::size_t i = 0;
  if (utf8.empty() || !uiFontLeftToPlatform(decodeUtf8(utf8, i))) return 0;
  px *= uiFontEmPerHeight();
  return 1;
}

}  // namespace

float glyphMeasure(std::string_view utf8, float px) {
  const int family = familyFor(utf8, px);
  std::string text(utf8);
  return scholion_js_glyph_measure(text.c_str(), px, family);
}

bool glyphRasterize(std::string_view utf8, float px, ui::GlyphBitmap& out) {
  const int family = familyFor(utf8, px);
  std::string text(utf8);
  float m[6] = {0, 0, 0, 0, 0, 0};
  if (!scholion_js_glyph_draw(text.c_str(), px, family, m)) return false;
  out.width = static_cast<int>(m[0]);
  out.height = static_cast<int>(m[1]);
  out.penX = m[2];
  out.baseline = m[3];
  out.advance = m[4];
  out.colored = m[5] != 0;
  out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
  scholion_js_glyph_copy(out.rgba.data());
  return true;
}

}  // namespace scholion::platform

// window.scholion.widgetGlyphs(): out[4] = pieces drawn whole as private-use glyphs, restarts of
// their range, 1 when the font atlas holds colour glyphs (RGBA), characters added one by one.
extern "C" EMSCRIPTEN_KEEPALIVE void scholion_widget_glyph_stats(int* out) {
  const scholion::ui::WidgetGlyphs& g = scholion::ui::widgetGlyphs();
  out[0] = static_cast<int>(g.stats().pieces);
  out[1] = static_cast<int>(g.stats().restarts);
  out[2] = g.stats().colored ? 1 : 0;
  out[3] = static_cast<int>(g.stats().chars);
}
