// One-line text with the UI font plus platform glyph pieces (see glyph_text.h).
#include "glyph_text.h"

#include <cmath>

#include "bidi.h"
#include "display_text.h"
#include "text.h"

namespace scholion::ui {
namespace {

float fontAdvance(const ImFont* font, uint32_t c) {
  if (c == '\r' || c == '\n') return 0;
  if (c > 0xFFFF) c = 0xFFFD;
  return static_cast<int>(c) < font->IndexAdvanceX.Size ? font->IndexAdvanceX.Data[c]
                                                        : font->FallbackAdvanceX;
}

// A one-line string with right-to-left text (a label, a tag, a row of the annotation list): the
// whole string goes to a platform that shapes and orders it, so its words come in reading order,
// as long as its picture fits the platform's raster and an atlas page (kMaxWholePixels device
// pixels wide: about 60 Arabic letters at the UI size on a 2x screen). Wider ones keep the
// piece-by-piece path. The width is measured once per distinct string (GlyphCache::advance).
constexpr std::size_t kMaxWholeBytes = 2048;
constexpr float kMaxWholePixels = 960.0f;

bool wholeRtlPiece(GlyphCache& cache, std::string_view s, float size) {
  if (s.size() > kMaxWholeBytes || !cache.shapes()) return false;
  if (!mayBeRtl(s)) return false;
  bool rtl = false;
  for (std::size_t i = 0; i < s.size() && !rtl;) rtl = isRtlTrigger(decodeUtf8(s, i));
  return rtl && cache.advance(s, size) * glyphPixelScale() <= kMaxWholePixels;
}

// Walks text as runs of the UI font and platform pieces: font(begin, end, width) and
// piece(begin, end, width), widths at `size`.
template <class FontRun, class Piece>
void walkRuns(const ImFont* font, float size, std::string_view s, FontRun fontRun, Piece piece) {
  GlyphCache& cache = glyphCache();
  if (wholeRtlPiece(cache, s, size)) {
    piece(0, s.size(), cache.advance(s, size));
    return;
  }
  const float scale = size / font->FontSize;
  std::size_t i = 0, runStart = 0;
  float runW = 0;
  while (i < s.size()) {
    std::size_t end = cache.pieceEnd(s, i, font);
    if (end > i) {
      if (i > runStart) fontRun(runStart, i, runW);
      piece(i, end, cache.advance(s.substr(i, end - i), size));
      i = runStart = end;
      runW = 0;
      continue;
    }
    runW += fontAdvance(font, decodeUtf8(s, i)) * scale;
  }
  if (i > runStart) fontRun(runStart, i, runW);
}

}  // namespace

float glyphPixelScale() {
  float g = ImGui::GetIO().FontGlobalScale;
  return g > 0 ? 1.0f / g : 1.0f;
}

float textWidth(const ImFont* font, float size, std::string_view text) {
  float w = 0;
  auto add = [&](std::size_t, std::size_t, float a) { w += a; };
  walkRuns(font, size, text, add, add);
  return w;
}

void drawText(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 col,
              std::string_view s, std::vector<GlyphQuad>* deferred) {
  float x = pos.x;
  const float baseline = pos.y + font->Ascent * size / font->FontSize;
  const float scale = glyphPixelScale();
  std::vector<GlyphQuad> local;
  std::vector<GlyphQuad>& out = deferred ? *deferred : local;
  walkRuns(
      font, size, s,
      [&](std::size_t b, std::size_t e, float w) {
        dl->AddText(font, size, ImVec2(x, pos.y), col, s.data() + b, s.data() + e);
        x += w;
      },
      [&](std::size_t b, std::size_t e, float w) {
        GlyphQuad q;
        if (glyphCache().quad(s.substr(b, e - b), size, scale, ImVec2(x, baseline), q)) {
          q.tint = q.colored ? (col | IM_COL32(255, 255, 255, 0)) : col;
          out.push_back(q);
        }
        x += w;
      });
  if (!deferred) drawGlyphQuads(dl, local);
}

void drawLineCells(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 col,
                   std::string_view s, const LineCells& cells, std::vector<GlyphQuad>* deferred) {
  std::size_t i = 0, runB = 0, runE = 0;
  uint32_t k = 0;
  float runX = 0, runEnd = 0;
  bool run = false;
  auto flush = [&] {
    if (run)
      drawText(dl, font, size, ImVec2(pos.x + runX, pos.y), col, s.substr(runB, runE - runB),
               deferred);
    run = false;
  };
  while (i < s.size() && k < cells.n) {
    // A unit: a code point with width and the zero-width ones after it (marks, a piece's rest).
    const std::size_t b = i;
    const uint32_t c = decodeUtf8(s, i);
    const uint32_t k0 = k++;
    while (k < cells.n && i < s.size() && cells.width(k) <= 0) {
      decodeUtf8(s, i);
      ++k;
    }
    const float st = cells.start(k0), en = cells.end(k0);
    if (st == en) continue;
    if (en > st) {  // left to right: joins the run when it continues it on screen
      if (run && std::fabs(st - runEnd) < 0.01f) {
        runE = i;
        runEnd = en;
        continue;
      }
      flush();
      run = true;
      runB = b;
      runE = i;
      runX = st;
      runEnd = en;
      continue;
    }
    flush();
    if (c == ' ') continue;
    const uint32_t m = i - b == 1 ? mirrored(c) : c;
    if (m != c) {
      std::string one;
      appendUtf8(one, m);
      drawText(dl, font, size, ImVec2(pos.x + en, pos.y), col, one, deferred);
    } else {
      drawText(dl, font, size, ImVec2(pos.x + en, pos.y), col, s.substr(b, i - b), deferred);
    }
  }
  flush();
}

void drawGlyphQuads(ImDrawList* dl, const std::vector<GlyphQuad>& quads) {
  for (const GlyphQuad& q : quads) dl->AddImage(q.page, q.min, q.max, q.uv0, q.uv1, q.tint);
}

}  // namespace scholion::ui
