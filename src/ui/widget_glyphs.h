// Characters that ImGui's own widgets (menus, tooltips, fields, tables, the properties panel) meet
// and the UI font lacks: drawn by the platform once and added to ImGui's font atlas as custom
// glyphs; the host rebuilds the atlas between frames when new ones were met (docs/scripts.md).
// Where the platform shapes (the browser), a widget string's pieces (a cluster the font lacks, a
// run of a script that needs shaping) are drawn whole: each distinct piece gets a private-use
// code point whose glyph is the browser's picture of the piece, in colour for emoji.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "display_text.h"
#include "glyph_source.h"
#include "imgui.h"

namespace scholion::ui {

struct WidgetGlyphStats {
  long pieces = 0;       // private-use glyphs assigned since the last restart
  long restarts = 0;     // times the private-use range filled and started again
  long chars = 0;        // characters added one by one (text fields, the desktop)
  bool colored = false;  // the atlas holds colour glyphs (built as RGBA)
};

class WidgetGlyphs : public PieceMap {
 public:
  // The private-use code points pieces stand for (the BMP keeps ImGui's lookup tables small).
  static constexpr uint32_t kFirstPiece = 0xE000, kLastPiece = 0xF8FF;

  // Queues the characters of a string a widget shows that the UI font lacks (any plane:
  // IMGUI_USE_WCHAR32), or, where pieces are drawn whole, its pieces. Cheap for strings already
  // seen: a table lookup per character or piece.
  void note(std::string_view utf8);
  void note(uint32_t c);
  // The string a widget shows for `s`: its display form (display_text.h: pieces as their glyphs,
  // right-to-left runs in visual order), made once per distinct string, whose characters are
  // queued here the first time. Strings below U+0300 are returned as they are, with no lookup.
  const char* shown(const std::string& s);
  // The same for a text ImGui wraps at `wrapWidth` (UI units) with the current font: each wrapped
  // line of a right-to-left text in visual order (lines separated by '\n'), so the lines come in
  // reading order. Other strings are shown(s).
  const char* shownWrapped(const std::string& s, float wrapWidth);
  // At the start of a frame: forgets the display forms when many strings have come and gone, and
  // starts the private-use range again when it is full.
  void newFrame();
  // New characters wait for the next atlas build; until then the UI font's replacement glyph
  // (U+FFFD) draws nothing, so a widget never shows a box for a character on its way.
  bool dirty() const { return !pending_.empty() || piecesFull_; }
  // While the host builds the fonts, after adding them and before ImFontAtlas::Build: asks the
  // platform for every character met so far at each font's size and reserves a custom glyph.
  void addRects(ImFontAtlas* atlas, GlyphSource* source);
  // After ImFontAtlas::Build: copies the pixels into the atlas texture (RGBA when a colour glyph
  // is among them: ImFontAtlas::TexPixelsUseColors) and places the glyphs on the baseline.
  void finish(ImFontAtlas* atlas);
  // Characters added here (and the private-use range): the text view keeps drawing them as
  // platform pieces (glyph_cache.h).
  bool isCustom(uint32_t c) const {
    return (c >= kFirstPiece && c <= kLastPiece) || (c < state_.size() && state_[c]);
  }
  const WidgetGlyphStats& stats() const { return stats_; }
  // True when widget strings are split into pieces (the platform shapes: the browser).
  bool usesPieces() const;

  // PieceMap: the same pieces as the document view (GlyphCache::pieceEnd with the UI font).
  std::size_t pieceEnd(std::string_view s, std::size_t i) override;
  uint32_t glyphFor(std::string_view piece) override;

 private:
  struct Bitmap {
    int width = 0, height = 0;
    float penX = 0, baseline = 0, advance = 0;
    bool colored = false;
    std::vector<uint8_t> pixels;  // alpha, or RGBA when colored
  };
  struct Rect {
    int index;
    ImFont* font;
    uint32_t cp;
    const Bitmap* bitmap;
  };
  const Bitmap* bitmapFor(uint32_t cp, float px, GlyphSource* source);
  void restartPieces();
  // Until the next atlas build the UI font's replacement glyph (U+FFFD) draws nothing.
  void hideReplacement();
  // Waits for the next atlas build (a character or a piece's code point).
  void queue(uint32_t c);

  std::vector<bool> state_ = std::vector<bool>(0x110000, false);  // queued or added
  std::vector<uint32_t> known_, pending_;
  std::unordered_map<uint64_t, Bitmap> bitmaps_;  // (code point, pixel size); stable addresses
  std::vector<Rect> rects_;
  DisplayTextCache display_;
  // Pieces: text -> private-use code point, and back.
  std::unordered_map<std::string, uint32_t> pieceGlyph_;
  std::string pieceKey_;
  std::vector<std::string> pieceText_;
  bool piecesFull_ = false;
  // Wrapped display forms: (string, wrap width) -> lines; key_ and units_ are reused.
  std::unordered_map<std::string, std::string> wrapped_;
  std::string key_;
  DisplayUnits units_;
  WidgetGlyphStats stats_;
};

// The one set of the process (the host builds the fonts with it).
WidgetGlyphs& widgetGlyphs();

// What every widget showing a user's string (label, attribute, note, span text, document or
// annotator name) passes to ImGui: widgetGlyphs().shown(s).
inline const char* widgetText(const std::string& s) {
  return widgetGlyphs().shown(s);
}

// The same for wrapped text (after ImGui::PushTextWrapPos, for TextUnformatted): the lines of a
// right-to-left text in reading order at the width ImGui will wrap at (docs/scripts.md).
const char* widgetTextWrapped(const std::string& s);

}  // namespace scholion::ui
