// A span note being written in the properties panel (kept apart from the span until committed).
#pragma once

#include <string>

namespace scholion::ui {

struct NoteDraft {
  bool open = false;
  bool focus = false;
  std::string span, text;  // the span the note is for and the text typed so far
  bool editing = false;

  void close() {
    open = focus = editing = false;
    span.clear();
    text.clear();
  }
};

}  // namespace scholion::ui
