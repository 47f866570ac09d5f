// The annotation list's filter and its cached rows and label counts (rebuilt on change only).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace scholion::ui {

struct AnnotationListState {
  char filter[128] = {};
  int label = -1;              // -1 = all labels
  std::vector<uint32_t> rows;  // indices into data().annotations.spans, sorted by start
  uint64_t revision = UINT64_MAX;
  std::size_t doc = SIZE_MAX;
  std::string key;  // filter text + label the rows were built for
  std::vector<std::pair<uint64_t, uint32_t>> keys, keysTmp;  // scratch for sorting rows
  std::vector<uint32_t> radixCounts;
  double builtAt = -1;
  std::vector<int> labelCounts;  // per schema span label (+1 for unknown labels)
  bool scrollToSelected = false;

  void invalidate() {
    revision = UINT64_MAX;
    doc = SIZE_MAX;
  }
};

}  // namespace scholion::ui
