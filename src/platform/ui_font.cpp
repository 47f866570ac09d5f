// Which characters of the embedded UI font the atlas rasterizes at start-up (ui_font.h).
#include "ui_font.h"

#include <cstring>

namespace scholion::platform {
namespace {

// Latin, Latin Extended, IPA, combining marks, Greek, Cyrillic, general punctuation, letterlike
// symbols, arrows, mathematical operators, box drawing and the symbols the UI uses: 2,625 glyphs.
const ImWchar kAllRanges[] = {
    0x0020, 0x024F, 0x0250, 0x02FF, 0x0300, 0x036F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x1E00,
    0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2100, 0x214F, 0x2190, 0x21FF, 0x2200, 0x22FF,
    0x2500, 0x257F, 0x25A0, 0x25FF, 0x2600, 0x26FF, 0x2700, 0x27BF, 0xFFFD, 0xFFFD, 0};

// What the interface and Latin text need: everything up to U+02FF (the glyph cache takes any
// character below U+0300 as in the font), punctuation, currency, arrows and the UI's symbols.
// 1,392 glyphs instead of 2,625: the start-up atlas costs half as much (BENCHMARKS.md, "Start-up,
// cold").
const ImWchar kFirstFrameRanges[] = {0x0020, 0x02FF, 0x2000, 0x206F, 0x20A0, 0x20CF,
                                     0x2190, 0x21FF, 0x25A0, 0x25FF, 0x2600, 0x26FF,
                                     0x2700, 0x27BF, 0xFFFD, 0xFFFD, 0};

uint32_t bigEndian(const unsigned char* p, int bytes) {
  uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = v << 8 | p[i];
  return v;
}

// The table `tag` of a TrueType font: its offset, or 0 when missing or out of bounds.
std::size_t tableOffset(const unsigned char* ttf, std::size_t size, const char* tag,
                        std::size_t length) {
  if (size < 12) return 0;
  const std::size_t tables = bigEndian(ttf + 4, 2);
  for (std::size_t i = 0; i < tables && 12 + i * 16 + 16 <= size; ++i) {
    const unsigned char* rec = ttf + 12 + i * 16;
    if (std::memcmp(rec, tag, 4) != 0) continue;
    const std::size_t at = bigEndian(rec + 8, 4);
    return at + length <= size ? at : 0;
  }
  return 0;
}

bool inRanges(const ImWchar* r, uint32_t c) {
  for (; r[0]; r += 2)
    if (c >= r[0] && c <= r[1]) return true;
  return false;
}

}  // namespace

const ImWchar* uiFontAtlasRanges(bool platformDraws) {
  return platformDraws ? kFirstFrameRanges : kAllRanges;
}

bool uiFontLeftToPlatform(uint32_t c) {
  return inRanges(kAllRanges, c) && !inRanges(kFirstFrameRanges, c);
}

float uiFontEmPerHeight() {
  static const float share = [] {
    // head.unitsPerEm, hhea.ascender and hhea.descender: what stb_truetype sizes fonts by.
    const std::size_t head = tableOffset(kUiFont, kUiFont_size, "head", 54);
    const std::size_t hhea = tableOffset(kUiFont, kUiFont_size, "hhea", 36);
    if (!head || !hhea) return 1.0f;
    const float em = static_cast<float>(bigEndian(kUiFont + head + 18, 2));
    const auto ascent = static_cast<int16_t>(bigEndian(kUiFont + hhea + 4, 2));
    const auto descent = static_cast<int16_t>(bigEndian(kUiFont + hhea + 6, 2));
    const int height = ascent - descent;
    return em > 0 && height > 0 ? em / static_cast<float>(height) : 1.0f;
  }();
  return share;
}

}  // namespace scholion::platform
