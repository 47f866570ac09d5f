// Touch gestures over the text, the narrow-screen layout (toolbar, drawers, label bar), window
// clamping and the UI scale (docs/touch.md). Internal to src/ui.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "imgui.h"

namespace scholion::ui {

struct UiState;

// Below this width (in UI units: CSS pixels divided by the UI scale) the side panels are drawers.
inline constexpr float kNarrowWidth = 900.0f;
inline constexpr float kMinUiScale = 0.8f, kMaxUiScale = 2.0f;

// text_touch.cpp: this frame's finger sample through the recogniser, acted on (scroll, select,
// handles, pinch zoom, panel scrolling). Before the panels are drawn.
void touchFrame(UiState& s);
// Inside the text window: the selection handles while a finger is in use.
void drawTouchHandles(UiState& s);

// screen_fit.cpp
void setUiScale(UiState& s, float scale);
// The style's sizes follow the UI scale (the fonts are rebuilt by the platform).
void applyStyleScale(UiState& s);
// Windows and dialogs lie wholly inside the viewport (after the window shrank).
void keepWindowsOnScreen();
// Height of the narrow toolbar drawn at `pos` (drawer buttons, zoom).
float drawNarrowToolbar(UiState& s, ImVec2 pos, float width);
// The label bar's height when it shows (something selected, narrow or touch), else 0.
float labelBarHeight(const UiState& s);
void drawLabelBar(UiState& s, ImVec2 pos, ImVec2 size);
// View menu items: the UI size.
void drawUiScaleItems(UiState& s);
// For window.scholion.state().screen.
nlohmann::json screenStateJson(const UiState& s);

}  // namespace scholion::ui
