// Characters the embedded UI font lacks (CJK, emoji, Devanagari...) and runs of scripts that need
// shaping (Arabic, Hebrew, Indic): measured and rasterised by the platform on first use, packed
// into RGBA atlas pages, drawn as image quads. Latin text never reaches it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "glyph_source.h"
#include "imgui.h"

namespace scholion::ui {

struct GlyphQuad {
  ImTextureID page = nullptr;
  ImVec2 min, max, uv0, uv1;
  bool colored = false;
  ImU32 tint = 0;  // vertex colour when drawn (drawText fills it in)
};

struct GlyphStats {
  long measured = 0, rasterized = 0, failed = 0, pages = 0, resets = 0;
};

class GlyphCache {
 public:
  // nullptr: every character goes through the UI font (missing ones as its fallback box).
  void setSource(GlyphSource* source);
  bool active() const { return source_ != nullptr; }
  // True when the platform shapes and orders whole runs (the browser).
  bool shapes() const { return source_ != nullptr && shapes_; }
  // At byte i of valid UTF-8 s: the byte end of the piece the platform draws (the grapheme
  // cluster at i when the font lacks one of its characters; a whole run when the script needs
  // shaping), or 0 when the font draws the code point at i.
  std::size_t pieceEnd(std::string_view s, std::size_t i, const ImFont* font) const;
  // Advance of a piece at font size `size` (UI units).
  float advance(std::string_view piece, float size);
  // The quad of a piece whose pen is at (x, baselineY), rasterised at size * pixelScale device
  // pixels; false when the platform could not draw it.
  bool quad(std::string_view piece, float size, float pixelScale, ImVec2 pen, GlyphQuad& out);
  const GlyphStats& stats() const { return stats_; }

 private:
  struct Entry {
    int page = -1;
    int x = 0, y = 0, w = 0, h = 0;
    float penX = 0, baseline = 0;
    bool colored = false;
  };
  bool place(const GlyphBitmap& bm, Entry& e);
  void reset();

  GlyphSource* source_ = nullptr;
  bool shapes_ = false;
  std::unordered_map<std::string, float> advances_;  // piece -> advance at kMeasureSize
  std::unordered_map<std::string, Entry> entries_;   // piece + '\x1f' + pixel size -> bitmap
  std::vector<ImTextureID> pages_;
  int page_ = -1, shelfX_ = 0, shelfY_ = 0, shelfH_ = 0;
  GlyphStats stats_;
  std::string key_;
};

// The one cache of the process (the platform sets its source at start).
GlyphCache& glyphCache();

}  // namespace scholion::ui
