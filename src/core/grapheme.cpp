// UAX #29 extended grapheme cluster boundaries (rules GB3-GB999) over generated class tables.
#include "grapheme.h"

#include <algorithm>
#include <iterator>

#include "text.h"
#include "unicode_ranges.h"

namespace scholion {
namespace {

const ClassRange kRanges[] = {
#include "grapheme_tables.inc"
};

bool isControlLike(GraphemeClass c) {
  return c == GraphemeClass::CR || c == GraphemeClass::LF || c == GraphemeClass::Control;
}

// The cluster walker: state carried from one code point to the next.
struct Walker {
  GraphemeClass prev = GraphemeClass::Other;
  bool first = true;
  bool pictSeq = false;  // inside ExtPict Extend* (for GB11)
  bool pictZwj = false;  // ... followed by ZWJ
  unsigned riCount = 0;  // regional indicators in a row (GB12/13)

  // True when a cluster boundary lies before code point class c.
  bool breakBefore(GraphemeClass c) const {
    using G = GraphemeClass;
    if (first) return false;
    if (prev == G::CR && c == G::LF) return false;             // GB3
    if (isControlLike(prev) || isControlLike(c)) return true;  // GB4, GB5
    if (prev == G::L && (c == G::L || c == G::V || c == G::LV || c == G::LVT)) return false;
    if ((prev == G::LV || prev == G::V) && (c == G::V || c == G::T)) return false;  // GB7
    if ((prev == G::LVT || prev == G::T) && c == G::T) return false;                // GB8
    if (c == G::Extend || c == G::ZWJ || c == G::SpacingMark) return false;         // GB9, GB9a
    if (prev == G::Prepend) return false;                                           // GB9b
    if (pictZwj && c == G::ExtPict) return false;                                   // GB11
    if (prev == G::RegionalIndicator && c == G::RegionalIndicator && riCount % 2 == 1)
      return false;  // GB12, GB13
    return true;     // GB999
  }
  void push(GraphemeClass c) {
    using G = GraphemeClass;
    pictZwj = pictSeq && c == G::ZWJ;
    if (c == G::ExtPict)
      pictSeq = true;
    else if (c != G::Extend)
      pictSeq = false;
    riCount = c == G::RegionalIndicator ? riCount + 1 : 0;
    prev = c;
    first = false;
  }
};

}  // namespace

GraphemeClass graphemeClass(uint32_t cp) {
  if (cp >= 0xAC00 && cp <= 0xD7A3)
    return (cp - 0xAC00) % 28 == 0 ? GraphemeClass::LV : GraphemeClass::LVT;
  if (cp >= 0x20 && cp < 0x7F) return GraphemeClass::Other;  // ASCII fast path
  return static_cast<GraphemeClass>(
      rangeClass(kRanges, cp, static_cast<uint8_t>(GraphemeClass::Other)));
}

std::size_t graphemeEnd(const uint32_t* cps, std::size_t n, std::size_t i) {
  Walker w;
  w.push(graphemeClass(cps[i]));
  std::size_t j = i + 1;
  while (j < n) {
    GraphemeClass c = graphemeClass(cps[j]);
    if (w.breakBefore(c)) break;
    w.push(c);
    ++j;
  }
  return j;
}

std::size_t graphemeEndUtf8(std::string_view s, std::size_t i, std::size_t* cpCount) {
  Walker w;
  std::size_t count = 0;
  while (i < s.size()) {
    std::size_t next = i;
    GraphemeClass c = graphemeClass(decodeUtf8(s, next));
    if (w.breakBefore(c)) break;
    w.push(c);
    i = next;
    ++count;
  }
  if (cpCount) *cpCount = count;
  return i;
}

uint32_t snapToGraphemeFrom(std::string_view s, std::size_t byte, uint32_t at, uint32_t cp,
                            bool forward) {
  // Cluster starts found from an arbitrary start agree with those from the text's start except
  // inside a run of regional indicators or marks longer than the walk-back: fine for snapping.
  while (byte < s.size()) {
    std::size_t len = 0;
    std::size_t end = graphemeEndUtf8(s, byte, &len);
    uint32_t next = at + static_cast<uint32_t>(len);
    if (cp == at) return cp;
    if (cp < next) return forward ? next : at;
    byte = end;
    at = next;
  }
  return at;
}

}  // namespace scholion
