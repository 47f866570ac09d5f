// Limits of fixed-size text fields, said in words before they cut anything.
#include <cstring>

#include "panels.h"

namespace scholion::ui {

void drawLimitNote(const char* buf, std::size_t capacity) {
  if (capacity < 2) return;
  const std::size_t room = capacity - 1, used = std::strlen(buf);
  if (used * 4 < room * 3) return;
  if (used >= room)
    ImGui::TextColored(ImVec4(0.85f, 0.35f, 0.2f, 1),
                       "This field is full (%zu bytes): what you type or paste now is not taken.",
                       room);
  else
    ImGui::TextDisabled("This field holds %zu bytes: room for %zu more.", room, room - used);
}

}  // namespace scholion::ui
