// A code point's class in a generated table of sorted, disjoint ranges (the bidi and grapheme
// tables made from UnicodeData by tools/gen_*_tables.py).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace scholion {

struct ClassRange {
  uint32_t first, last;
  uint8_t cls;
};

// The class of the range holding `cp`, or `otherwise` when no range does.
template <std::size_t N>
uint8_t rangeClass(const ClassRange (&ranges)[N], uint32_t cp, uint8_t otherwise) {
  const ClassRange* it = std::upper_bound(
      ranges, ranges + N, cp, [](uint32_t v, const ClassRange& r) { return v < r.first; });
  if (it == ranges) return otherwise;
  --it;
  return cp <= it->last ? it->cls : otherwise;
}

}  // namespace scholion
