// Accessibility state: what the screen-reader mirror last told the page, and where the keyboard
// is (the text, a side panel, the menu bar).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "accessible_text.h"

namespace scholion::ui {

struct AccessState {
  // What the mirror was last built from: it is built again only when one of these changed.
  uint64_t revision = UINT64_MAX;
  std::size_t doc = SIZE_MAX;
  uint32_t caret = 0, selStart = 0, selEnd = 0;
  std::string span;
  AccessibleMirror told;   // what the page has now
  double statusTime = -1;  // the status message last read out (StatusMessage::time)

  // Which part has the keyboard: F6 moves on, Esc (or a click in the text) comes back.
  enum class Region { Text, Labels, List };
  Region region = Region::Text;
  bool regionFocus = false;  // the region was just entered: focus its first item next frame
  // The menu bar by keyboard (F10, or Alt pressed and released alone): which top menu to open
  // next frame (-1: none), which is open (-1: none), and whether the keyboard is in the bar.
  int menuOpenRequest = -1;
  int menuOpen = -1;
  int menuCount = 0;
  bool menuKeys = false;
  bool altAlone = false;  // Alt is down and nothing else was pressed with it

  // A new workspace: the mirror is built again.
  void onWorkspaceReplaced() { revision = UINT64_MAX; }
};

}  // namespace scholion::ui
