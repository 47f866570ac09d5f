// The Unicode bidirectional algorithm (UAX #9) as far as Scholion needs it: paragraph direction,
// resolved embedding levels without explicit embeddings, and the visual order of a line. Offsets
// stay logical code points; these functions only say where each code point is shown.
#pragma once

#include <cstddef>
#include <cstdint>

namespace scholion {

enum class BidiClass : uint8_t {
  L,
  R,
  AL,
  EN,
  ES,
  ET,
  AN,
  CS,
  NSM,
  BN,
  B,
  S,
  WS,
  ON,
  LRE,
  LRO,
  RLE,
  RLO,
  PDF,
  LRI,
  RLI,
  FSI,
  PDI,
};

BidiClass bidiClass(uint32_t cp);
// True when the code point may make a text right-to-left (R, AL, AN or an RTL format character):
// a text without any has only level 0 in a left-to-right paragraph.
bool isRtlTrigger(uint32_t cp);

// P2/P3: 1 when the first strong character (L, R or AL; isolates skipped) is R or AL, 0 when it
// is L, `fallback` when there is none.
uint8_t paragraphLevel(const BidiClass* cls, std::size_t n, uint8_t fallback = 0);

// W1-W7, N1-N2, I1-I2 over one paragraph of n classes at paragraph level `para` (0 or 1):
// writes each code point's resolved level. Explicit embeddings, overrides and isolates (X1-X8)
// are not applied: their format characters are treated as boundary neutrals. `work` holds n
// classes of scratch (it may be cls itself when the caller no longer needs the classes).
void resolveLevels(const BidiClass* cls, std::size_t n, uint8_t para, BidiClass* work,
                   uint8_t* levels);

// L1 over one line of a paragraph: segment separators, paragraph separators, and any whitespace
// (WS, isolates, BN) before them or at the end of the line get the paragraph level.
void resetWhitespaceLevels(const BidiClass* cls, std::size_t n, uint8_t para, uint8_t* levels);

// L2: order[v] = logical index of the code point shown at visual position v (left to right).
void visualOrder(const uint8_t* levels, std::size_t n, uint32_t* order);

// L4 for the brackets and quotes most texts use: the mirrored glyph of c shown in a
// right-to-left run, or c itself.
uint32_t mirrored(uint32_t c);

}  // namespace scholion
