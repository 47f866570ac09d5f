// Characters that ImGui's own widgets (menus, tooltips, fields, tables, the properties panel) meet
// and the UI font lacks: drawn by the platform once and added to ImGui's font atlas as custom
// glyphs; the host rebuilds the atlas between frames when new ones were met (docs/scripts.md).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "display_text.h"
#include "glyph_source.h"
#include "imgui.h"

namespace scholion::ui {

class WidgetGlyphs {
 public:
  // Queues the characters of a string a widget shows that the UI font lacks (any plane:
  // IMGUI_USE_WCHAR32). Cheap for strings already seen: a table lookup per character.
  void note(std::string_view utf8);
  void note(uint32_t c);
  // The string a widget shows for `s`: its display form (display_text.h: Arabic letters joined,
  // right-to-left runs in visual order), made once per distinct string, whose characters are
  // queued here the first time. Strings below U+0300 are returned as they are, with no lookup.
  const char* shown(const std::string& s);
  // At the start of a frame: forgets the display forms when many strings have come and gone.
  void newFrame();
  // New characters wait for the next atlas build; until then the UI font's replacement glyph
  // (U+FFFD) draws nothing, so a widget never shows a box for a character on its way.
  bool dirty() const { return !pending_.empty(); }
  // While the host builds the fonts, after adding them and before ImFontAtlas::Build: asks the
  // platform for every character met so far at each font's size and reserves a custom glyph.
  void addRects(ImFontAtlas* atlas, GlyphSource* source);
  // After ImFontAtlas::Build: copies the pixels into the atlas texture and places the glyphs on
  // the baseline.
  void finish(ImFontAtlas* atlas);
  // Characters added here: the text view keeps drawing them as platform pieces (glyph_cache.h).
  bool isCustom(uint32_t c) const { return c < state_.size() && state_[c]; }
  std::size_t count() const { return known_.size(); }

 private:
  struct Bitmap {
    uint32_t cp = 0;
    float px = 0;
    int width = 0, height = 0;
    float penX = 0, baseline = 0, advance = 0;
    std::vector<uint8_t> alpha;
  };
  struct Rect {
    int index;
    ImFont* font;
    const Bitmap* bitmap;
  };
  const Bitmap* bitmapFor(uint32_t cp, float px, GlyphSource* source);

  std::vector<bool> state_ = std::vector<bool>(0x110000, false);  // queued or added
  std::vector<uint32_t> known_, pending_;
  std::deque<Bitmap> bitmaps_;  // stable addresses for rects_
  std::vector<Rect> rects_;
  DisplayTextCache display_;
};

// The one set of the process (the host builds the fonts with it).
WidgetGlyphs& widgetGlyphs();

// What every widget showing a user's string (label, attribute, note, span text, document or
// annotator name) passes to ImGui: widgetGlyphs().shown(s).
inline const char* widgetText(const std::string& s) {
  return widgetGlyphs().shown(s);
}

}  // namespace scholion::ui
