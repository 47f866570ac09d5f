// Kinsoku (no-start / no-end) sets and the CJK break rule of line_break.h.
#include "line_break.h"

#include <algorithm>
#include <iterator>

namespace scholion {
namespace {

// Sorted. ASCII and CJK closing brackets, commas, stops, marks, iteration marks, the prolonged
// sound mark and the small kana (UAX #14 CL, CP, NS, EX, IS, CJ).
constexpr uint32_t kNoStart[] = {
    '!',    '%',    ')',    ',',    '.',    ':',    ';',    '?',    ']',    '}',    0x00BB, 0x2010,
    0x2013, 0x2019, 0x201D, 0x2025, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0x3001, 0x3002, 0x3003,
    0x3005, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301C, 0x301F, 0x303B,
    0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096,
    0x309D, 0x309E, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE,
    0x30F5, 0x30F6, 0x30FB, 0x30FC, 0x30FD, 0x30FE, 0xFF01, 0xFF05, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A,
    0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF5E, 0xFF60, 0xFF61, 0xFF63, 0xFF64};
// Sorted. Opening brackets and quotes (UAX #14 OP, opening QU).
constexpr uint32_t kNoEnd[] = {'(',    '[',    '{',    0x00AB, 0x2018, 0x201C, 0x3008,
                               0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018,
                               0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62};

template <std::size_t N>
constexpr bool strictlySorted(const uint32_t (&set)[N]) {
  for (std::size_t i = 1; i < N; ++i)
    if (set[i - 1] >= set[i]) return false;
  return true;
}
static_assert(strictlySorted(kNoStart) && strictlySorted(kNoEnd), "binary search needs order");

template <std::size_t N>
bool contains(const uint32_t (&set)[N], uint32_t c) {
  return std::binary_search(std::begin(set), std::end(set), c);
}

}  // namespace

bool isNoLineStart(uint32_t c) {
  return contains(kNoStart, c) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF67 && c <= 0xFF70);
}

bool isNoLineEnd(uint32_t c) {
  return contains(kNoEnd, c);
}

bool isCjkBreakable(uint32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||  // CJK radicals, Kangxi radicals
         (c >= 0x3000 && c <= 0x30FF) ||  // CJK punctuation, hiragana, katakana
         (c >= 0x3100 && c <= 0x4DBF) ||  // bopomofo ... enclosed CJK, extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||  // unified ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||  // compatibility ideographs
         (c >= 0xFE30 && c <= 0xFE4F) ||  // CJK compatibility forms
         (c >= 0xFF00 && c <= 0xFFEF) ||  // halfwidth and fullwidth forms
         (c >= 0x20000 && c <= 0x3FFFF);  // supplementary ideographs
}

bool breakBetween(uint32_t a, uint32_t b) {
  if (!isCjkBreakable(a) && !isCjkBreakable(b)) return false;
  return !isNoLineStart(b) && !isNoLineEnd(a);
}

}  // namespace scholion
