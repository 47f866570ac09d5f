// Touch and screen-size state: the gesture under way, the narrow layout's drawers, and the
// bookkeeping of the UI scale's style sizes (docs/touch.md).
#pragma once

#include <cstdint>

#include "imgui.h"
#include "touch_gesture.h"

namespace scholion::ui {

struct TouchUi {
  TouchRecognizer recognizer;
  TouchSample sample;    // this frame's fingers (the platform's; time from platform.now())
  bool pointer = false;  // ImGui's pointer is a finger, not a mouse
  bool used = false;     // a finger touched the app: handles and the label bar show
  // What the gesture's first finger went down on.
  enum class Target : uint8_t { None, Text, Handle, Window } target = Target::None;
  ImGuiID window = 0;        // Target::Window: the window a pan scrolls
  bool draggingEnd = false;  // Target::Handle: the selection's end (else its start)
  bool selecting = false;    // after a long press on the text: the finger extends the word
  bool panning = false;      // the text follows the finger from panY
  float panY = 0;
  uint32_t wordStart = 0, wordEnd = 0;  // the word the long press selected
  // Selection handles as drawn in the last frame (screen), valid while shown.
  bool handlesShown = false;
  ImVec2 handleA, handleB;  // centres of the start and end handles
};

struct ScreenLayout {
  bool narrow = false;  // panels are drawers, a toolbar and a label bar show
  bool leftOpen = false, rightOpen = false;
  bool raise = false;                   // a drawer just opened: in front of the text, once
  ImVec2 textMin, textMax;              // the text view as laid out this frame
  ImVec2 barMin, barMax;                // the label bar (empty when not shown)
  float leftWidth = 0, rightWidth = 0;  // panels or open drawers as drawn
  // The theme's style sizes and the scale they were last multiplied by (style_scale in
  // screen_fit.cpp); `mark` tells a theme change (which resets the sizes) from our own scaling.
  ImGuiStyle base;
  float styleScale = 1.0f;
  float mark = -1.0f;
};

}  // namespace scholion::ui
