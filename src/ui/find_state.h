// The find bar: the query, its matches in one document and the current match.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model.h"

namespace scholion::ui {

struct FindState {
  bool open = false;
  bool focus = false;
  char buf[256] = {};
  std::string query;  // query of `matches`
  std::size_t docIndex = SIZE_MAX;
  std::vector<Fragment> matches;  // sorted by start
  int current = -1;
  bool caseSensitive = false;

  // The matches belong to a document that is gone or no longer shown (the typed text stays).
  void clearMatches() {
    query.clear();
    matches.clear();
    current = -1;
    docIndex = SIZE_MAX;
  }
};

}  // namespace scholion::ui
