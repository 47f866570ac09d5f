// A stable sort done a bounded number of elements at a time, so a frame loop can sort a large
// vector beside drawing (bottom-up merge sort: short runs sorted first, then merge passes).
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace scholion {

// Sorts `v` (which must outlive the sort and not change meanwhile) like std::stable_sort with
// `less`. step(n) moves about n elements (at least one unit of work) and returns true once `v` is
// sorted; running it to completion with any budgets gives the same order as std::stable_sort.
template <class T, class Less>
class SlicedSort {
 public:
  static constexpr std::size_t kRun = 32;  // elements of each initial run (one unit of work)

  SlicedSort(std::vector<T>& v, Less less) : v_(v), less_(less) {}

  bool step(std::size_t budget) {
    std::size_t moved = 0;
    const std::size_t n = v_.size();
    while (!done_ && (moved == 0 || moved < budget)) {
      if (runsAt_ < n) {  // sort the next short run in place
        const std::size_t to = std::min(n, runsAt_ + kRun);
        std::stable_sort(v_.begin() + diff(runsAt_), v_.begin() + diff(to), less_);
        moved += to - runsAt_;
        runsAt_ = to;
        continue;
      }
      if (width_ >= n) {
        done_ = true;
        break;
      }
      if (buffer_.capacity() < n) buffer_.reserve(n);  // filled by the first pass, no default T
      moved += merge(budget > moved ? budget - moved : 1);
    }
    return done_;
  }
  bool done() const { return done_; }

 private:
  static std::ptrdiff_t diff(std::size_t i) { return static_cast<std::ptrdiff_t>(i); }

  // Merges pairs of runs of `width_` from v_ into buffer_, up to `budget` elements; when a pass
  // ends the two swap and the width doubles.
  std::size_t merge(std::size_t budget) {
    const std::size_t n = v_.size();
    std::size_t moved = 0;
    while (moved < budget && base_ < n) {
      const std::size_t mid = std::min(n, base_ + width_), end = std::min(n, base_ + 2 * width_);
      if (!inPair_) left_ = base_, right_ = mid, out_ = base_, inPair_ = true;
      while (moved < budget && out_ < end) {
        // Stable: the left run's element goes first unless the right one is strictly less.
        const bool fromRight = left_ >= mid || (right_ < end && less_(v_[right_], v_[left_]));
        T& next = fromRight ? v_[right_++] : v_[left_++];
        if (out_ < buffer_.size())
          buffer_[out_] = std::move(next);
        else
          buffer_.push_back(std::move(next));
        ++out_;
        ++moved;
      }
      if (out_ == end) base_ = end, inPair_ = false;
    }
    if (base_ >= n) {  // pass done
      v_.swap(buffer_);
      width_ *= 2;
      base_ = 0;
    }
    return std::max<std::size_t>(moved, 1);
  }

  std::vector<T>& v_;
  Less less_;
  std::vector<T> buffer_;
  std::size_t runsAt_ = 0;
  std::size_t width_ = kRun;
  std::size_t base_ = 0, left_ = 0, right_ = 0, out_ = 0;
  bool inPair_ = false;
  bool done_ = false;
};

}  // namespace scholion
