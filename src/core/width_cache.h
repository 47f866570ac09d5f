// Measured widths of short strings (labels) kept between layout rebuilds: a label is measured once
// per size, so rebuilding a layout over thousands of labels of a few types costs lookups only.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

namespace scholion {

class WidthCache {
 public:
  // The width of `text` at `size`, measured with `measure(text)` the first time it is asked for at
  // this size. A different size forgets every width measured before.
  template <class Measure>
  float get(const std::string& text, float size, Measure&& measure) {
    if (size != size_) reset(size);
    auto it = widths_.find(text);
    if (it != widths_.end()) return it->second;
    const float w = measure(text);
    widths_.emplace(text, w);
    return w;
  }
  std::size_t size() const { return widths_.size(); }
  void reset(float size) {
    size_ = size;
    widths_.clear();
  }

 private:
  float size_ = -1;
  std::unordered_map<std::string, float> widths_;
};

}  // namespace scholion
