// The status bar's last message (what the last action did, or what went wrong).
#pragma once

#include <string>

namespace scholion::ui {

struct StatusMessage {
  std::string text;
  bool error = false;
  double time = 0;
};

}  // namespace scholion::ui
