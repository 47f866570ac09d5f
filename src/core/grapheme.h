// Extended grapheme clusters (UAX #29): what a reader sees as one character, never split by a
// selection, a snap or a resize. Offsets stay code points; these functions only find boundaries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace scholion {

enum class GraphemeClass : uint8_t {
  Other,
  CR,
  LF,
  Control,
  Extend,
  ZWJ,
  RegionalIndicator,
  Prepend,
  SpacingMark,
  L,
  V,
  T,
  LV,
  LVT,
  ExtPict,  // Extended_Pictographic (emoji-data.txt), for GB11
};

GraphemeClass graphemeClass(uint32_t cp);

// Code point offset just after the cluster that starts at cps[i] (i < n).
std::size_t graphemeEnd(const uint32_t* cps, std::size_t n, std::size_t i);
// The same over valid UTF-8: byte offset just after the cluster starting at byte i; `cpCount`
// (optional) receives its length in code points.
std::size_t graphemeEndUtf8(std::string_view utf8, std::size_t i, std::size_t* cpCount = nullptr);

// Moves code point offset cp of a valid UTF-8 text to a cluster boundary: the start of the
// cluster it falls inside (forward == false) or its end (forward == true). `byteOfCp` gives the
// byte offset of a code point (an OffsetIndex or a plain loop).
template <class ByteOfCp>
uint32_t snapToGrapheme(std::string_view utf8, uint32_t cp, uint32_t cpCount, bool forward,
                        ByteOfCp byteOfCp);

// Implementation detail of snapToGrapheme: walks clusters from a safe start before cp.
uint32_t snapToGraphemeFrom(std::string_view utf8, std::size_t startByte, uint32_t startCp,
                            uint32_t cp, bool forward);

template <class ByteOfCp>
uint32_t snapToGrapheme(std::string_view utf8, uint32_t cp, uint32_t cpCount, bool forward,
                        ByteOfCp byteOfCp) {
  if (cp == 0 || cp >= cpCount) return cp > cpCount ? cpCount : cp;
  // Clusters longer than this many code points are cut (only pathological runs of marks or
  // regional indicators are); starting the walk here keeps the cost bounded.
  constexpr uint32_t kBack = 64;
  uint32_t from = cp > kBack ? cp - kBack : 0;
  return snapToGraphemeFrom(utf8, byteOfCp(from), from, cp, forward);
}

}  // namespace scholion
