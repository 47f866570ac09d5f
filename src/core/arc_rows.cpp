// Arc level assignment (shortest first, lowest free level) and line tops as prefix sums.
#include "arc_rows.h"

#include <algorithm>

namespace scholion {

int assignArcLevels(std::vector<ArcInterval>& arcs, int maxLevels, float gap,
                    std::vector<uint32_t>& scratch) {
  if (arcs.empty() || maxLevels <= 0) return 0;
  scratch.resize(arcs.size());
  for (uint32_t i = 0; i < arcs.size(); ++i) scratch[i] = i;
  std::stable_sort(scratch.begin(), scratch.end(), [&](uint32_t a, uint32_t b) {
    const float wa = arcs[a].x1 - arcs[a].x0, wb = arcs[b].x1 - arcs[b].x0;
    if (wa != wb) return wa < wb;
    return arcs[a].x0 < arcs[b].x0;
  });
  int used = 0;
  for (std::size_t k = 0; k < scratch.size(); ++k) {
    ArcInterval& a = arcs[scratch[k]];
    int level = 0;
    for (; level < maxLevels; ++level) {
      bool clash = false;
      // Arcs placed so far are scratch[0..k): a line holds few arcs, so a scan is enough.
      for (std::size_t j = 0; j < k && !clash; ++j) {
        const ArcInterval& b = arcs[scratch[j]];
        clash = b.level == level && a.x0 < b.x1 + gap && b.x0 < a.x1 + gap;
      }
      if (!clash) break;
    }
    a.level = std::min(level, maxLevels - 1);
    used = std::max(used, a.level + 1);
  }
  return used;
}

void LineOffsets::assign(const std::vector<float>& heights) {
  tops_.resize(heights.size() + 1);
  float y = 0;
  for (std::size_t i = 0; i < heights.size(); ++i) {
    tops_[i] = y;
    y += heights[i];
  }
  tops_[heights.size()] = y;
}

float LineOffsets::top(std::size_t i) const {
  if (tops_.empty()) return 0;
  return tops_[std::min(i, tops_.size() - 1)];
}

std::size_t LineOffsets::lineAt(float y) const {
  if (tops_.size() < 2) return 0;
  // The first top greater than y, minus one: the line whose [top, next top) holds y.
  auto it = std::upper_bound(tops_.begin(), tops_.end() - 1, y);
  if (it == tops_.begin()) return 0;
  return static_cast<std::size_t>(it - tops_.begin()) - 1;
}

}  // namespace scholion
