// WidthCache: forgetting the widths measured at another size.
#include "width_cache.h"

namespace scholion {

void WidthCache::reset(float size) {
  size_ = size;
  widths_.clear();
}

}  // namespace scholion
