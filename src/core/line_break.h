// Line break opportunities for text without spaces (Chinese, Japanese): between any two CJK
// characters, except before closing punctuation and small kana and after opening punctuation
// (the kinsoku rules), as UAX #14 does for classes ID, CL, NS and OP.
#pragma once

#include <cstdint>

namespace scholion {

// Characters a line may not start with (UAX #14 CL, CP, NS, EX, IS and the small kana, CJ).
bool isNoLineStart(uint32_t c);
// Characters a line may not end with (UAX #14 OP and opening quotes).
bool isNoLineEnd(uint32_t c);
// Ideographs, kana, CJK punctuation and fullwidth forms: a line may break around them.
bool isCjkBreakable(uint32_t c);
// May a line break between adjacent code points a and b (no space between them)?
bool breakBetween(uint32_t a, uint32_t b);

}  // namespace scholion
