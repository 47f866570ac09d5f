// The text view's choice among the built fonts, and its request for the large one.
#include "text_fonts.h"

#include <imgui.h>

namespace scholion::ui {

TextFontNeeds& textFontNeeds() {
  static TextFontNeeds needs;
  return needs;
}

ImFont* pickTextFont(float size) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  ImFont* best = nullptr;
  for (ImFont* f : atlas->Fonts) {
    if (!best) best = f;
    bool fBig = f->FontSize >= size, bestBig = best->FontSize >= size;
    if (fBig && (!bestBig || f->FontSize < best->FontSize)) best = f;
    if (!fBig && !bestBig && f->FontSize > best->FontSize) best = f;
  }
  if (!best) return ImGui::GetFont();
  if (best->FontSize < size) textFontNeeds().large = true;
  return best;
}

}  // namespace scholion::ui
