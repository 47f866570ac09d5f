// Rows of varying height for the text view: arc level assignment per line and line tops as prefix
// sums (y -> line by binary search). Plain C++ so it is tested natively.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace scholion {

// The horizontal stretch one arc (or the part of it on one line) needs in its line's arc band.
struct ArcInterval {
  float x0 = 0, x1 = 0;
  int level = 0;  // filled by assignArcLevels: 0 is the lowest level, next to the text
};

// Stacks the arcs of one line: shorter ones first (as brat does, so nested arcs sit inside longer
// ones), each on the lowest level where it overlaps no arc already placed, keeping `gap` between
// neighbours on a level. Returns the number of levels used (0 for no arcs). When `maxLevels`
// levels are full, the rest share the top level. `scratch` is reused between calls.
int assignArcLevels(std::vector<ArcInterval>& arcs, int maxLevels, float gap,
                    std::vector<uint32_t>& scratch);

// Tops of lines whose heights differ: top(i) is the sum of the heights before line i.
class LineOffsets {
 public:
  // heights[i] is the height of line i; rebuilds the prefix sums (O(n)).
  void assign(const std::vector<float>& heights);
  std::size_t count() const { return tops_.empty() ? 0 : tops_.size() - 1; }
  // Top of line i; i == count() (or beyond) gives the total height.
  float top(std::size_t i) const;
  float height(std::size_t i) const { return top(i + 1) - top(i); }
  float total() const { return tops_.empty() ? 0 : tops_.back(); }
  // The line holding y (clamped to the existing lines); O(log n).
  std::size_t lineAt(float y) const;

 private:
  std::vector<float> tops_;
};

}  // namespace scholion
