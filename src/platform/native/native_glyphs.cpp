// Desktop glyphs the UI font lacks: fontconfig finds a system font that has the character,
// FreeType draws it (colour emoji from bitmap colour fonts too). One character per cluster and no
// shaping: Arabic and Indic stay with the UI font's unjoined letters (README, known limits).
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "glyph_raster.h"
#include "text.h"

namespace scholion::platform {
namespace {

struct Fonts {
  FT_Library lib = nullptr;
  bool ok = false;
  std::map<std::string, FT_Face> faces;  // "file#index" -> face
  std::map<uint32_t, FT_Face> byChar;    // the face chosen for each character (null: none)

  Fonts() { ok = FcInit() && FT_Init_FreeType(&lib) == 0; }
  ~Fonts() {
    for (auto& f : faces) FT_Done_Face(f.second);
    if (lib) FT_Done_FreeType(lib);
  }

  // The system's best font for character c (fontconfig's fallback order for sans-serif).
  FT_Face faceFor(uint32_t c) {
    auto known = byChar.find(c);
    if (known != byChar.end()) return known->second;
    FT_Face face = nullptr;
    FcPattern* pat = FcPatternCreate();
    FcCharSet* cs = FcCharSetCreate();
    FcCharSetAddChar(cs, c);
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    FcPattern* match = FcFontMatch(nullptr, pat, &result);
    FcChar8* file = nullptr;
    FcCharSet* has = nullptr;
    int index = 0;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
        FcPatternGetCharSet(match, FC_CHARSET, 0, &has) == FcResultMatch &&
        FcCharSetHasChar(has, c)) {
      FcPatternGetInteger(match, FC_INDEX, 0, &index);
      std::string key = reinterpret_cast<const char*>(file) + ("#" + std::to_string(index));
      auto it = faces.find(key);
      if (it == faces.end()) {
        FT_Face f = nullptr;
        if (FT_New_Face(lib, reinterpret_cast<const char*>(file), index, &f) != 0) f = nullptr;
        it = faces.emplace(key, f).first;
      }
      face = it->second;
    }
    if (match) FcPatternDestroy(match);
    FcCharSetDestroy(cs);
    FcPatternDestroy(pat);
    byChar.emplace(c, face);
    return face;
  }

  // Sets the face to px; bitmap-only colour fonts get their nearest strike and a scale factor.
  bool size(FT_Face face, float px, float& scale) {
    scale = 1;
    if (FT_IS_SCALABLE(face)) return FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(px)) == 0;
    if (face->num_fixed_sizes <= 0) return false;
    if (FT_Select_Size(face, 0) != 0) return false;
    const float strike = static_cast<float>(face->available_sizes[0].y_ppem) / 64.0f;
    scale = strike > 0 ? px / strike : 1;
    return true;
  }
};

Fonts& fonts() {
  static Fonts f;
  return f;
}

uint32_t firstChar(std::string_view utf8) {
  std::size_t i = 0;
  return utf8.empty() ? 0 : decodeUtf8(utf8, i);
}

}  // namespace

bool glyphRasterAvailable() {
  return fonts().ok;
}

bool glyphRasterShapes() {
  return false;
}

bool widgetGlyphsHeld() {
  return false;
}

float glyphMeasure(std::string_view utf8, float px) {
  const uint32_t c = firstChar(utf8);
  FT_Face face = fonts().faceFor(c);
  float scale = 1;
  if (!face || !fonts().size(face, px, scale)) return -1;
  if (FT_Load_Char(face, c, FT_LOAD_DEFAULT | FT_LOAD_COLOR) != 0) return -1;
  return static_cast<float>(face->glyph->advance.x) / 64.0f * scale;
}

bool glyphRasterize(std::string_view utf8, float px, ui::GlyphBitmap& out) {
  const uint32_t c = firstChar(utf8);
  FT_Face face = fonts().faceFor(c);
  float scale = 1;
  if (!face || !fonts().size(face, px, scale)) return false;
  if (FT_Load_Char(face, c, FT_LOAD_RENDER | FT_LOAD_COLOR) != 0) return false;
  const FT_Bitmap& bm = face->glyph->bitmap;
  const bool bgra = bm.pixel_mode == FT_PIXEL_MODE_BGRA;
  if (bm.width == 0 || bm.rows == 0 || (!bgra && bm.pixel_mode != FT_PIXEL_MODE_GRAY)) return false;
  // Output size (bitmap strikes of colour fonts are scaled to px, nearest texel).
  const int w = std::max(1, static_cast<int>(std::lround(bm.width * scale)));
  const int h = std::max(1, static_cast<int>(std::lround(bm.rows * scale)));
  out.width = w;
  out.height = h;
  out.penX = -face->glyph->bitmap_left * scale;
  out.baseline = face->glyph->bitmap_top * scale;
  out.advance = static_cast<float>(face->glyph->advance.x) / 64.0f * scale;
  out.colored = bgra;
  out.rgba.assign(static_cast<std::size_t>(w) * h * 4, 0);
  for (int y = 0; y < h; ++y) {
    const unsigned sy = std::min(bm.rows - 1, static_cast<unsigned>(y / scale));
    const unsigned char* row = bm.buffer + static_cast<std::ptrdiff_t>(sy) * bm.pitch;
    for (int x = 0; x < w; ++x) {
      const unsigned sx = std::min(bm.width - 1, static_cast<unsigned>(x / scale));
      unsigned char* o = &out.rgba[(static_cast<std::size_t>(y) * w + x) * 4];
      if (bgra) {  // premultiplied BGRA -> straight RGBA
        const unsigned char* p = row + sx * 4;
        const unsigned a = p[3];
        o[0] = a ? static_cast<unsigned char>(std::min(255u, p[2] * 255u / a)) : 0;
        o[1] = a ? static_cast<unsigned char>(std::min(255u, p[1] * 255u / a)) : 0;
        o[2] = a ? static_cast<unsigned char>(std::min(255u, p[0] * 255u / a)) : 0;
        o[3] = static_cast<unsigned char>(a);
      } else {
        o[0] = o[1] = o[2] = 255;
        o[3] = row[sx];
      }
    }
  }
  return true;
}

}  // namespace scholion::platform
