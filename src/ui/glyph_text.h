// Text drawn with the embedded UI font where it has the characters and with the platform's glyph
// pieces (glyph_cache.h) where it does not: widths and drawing agree with TextLayout.
#pragma once

#include <string_view>
#include <vector>

#include "glyph_cache.h"
#include "imgui.h"
#include "text_layout.h"

namespace scholion::ui {

// Device pixels per UI unit (the fonts are built at the device pixel ratio).
float glyphPixelScale();
// Width of one line of text at `size` (no wrapping, '\n' not expected).
float textWidth(const ImFont* font, float size, std::string_view text);
// Draws one line of text with its top-left at pos. Platform pieces go to `deferred` when given
// (drawn later by drawGlyphQuads: fewer texture switches), else are drawn at once.
void drawText(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 col,
              std::string_view text, std::vector<GlyphQuad>* deferred = nullptr);
void drawGlyphQuads(ImDrawList* dl, const std::vector<GlyphQuad>& quads);
// Draws one line of a bidi text (text_layout.h) with its left edge at pos: each code point where
// its cell is, left-to-right parts as runs, right-to-left ones unit by unit (a character with its
// marks, or a shaped piece), brackets mirrored.
void drawLineCells(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 col,
                   std::string_view text, const LineCells& cells, std::vector<GlyphQuad>* deferred);

}  // namespace scholion::ui
