// Keyboard helpers. ImGui 1.86 names only a few keys, so the platform fills io.KeysDown indexed by
// USB HID usage ids (= SDL scancodes, as imgui_impl_sdl does) and sets io.KeyMap for the named
// keys.
#pragma once

#include "imgui.h"

namespace scholion::ui::keys {

// USB HID usage ids (SDL_Scancode values).
constexpr int kA = 4;   // kA + n for the n-th letter
constexpr int k1 = 30;  // k1..k9 = 30..38
constexpr int k0 = 39;
constexpr int kMinus = 45;
constexpr int kEquals = 46;
constexpr int kF1 = 58;
constexpr int kF3 = 60;
constexpr int kKpMinus = 86;
constexpr int kKpPlus = 87;
constexpr int kKp0 = 98;

inline int letter(char c) {
  return kA + (c - 'a');
}
inline bool pressed(int scancode, bool repeat = true) {
  return scancode >= 0 && scancode < 512 && ImGui::IsKeyPressed(scancode, repeat);
}
inline bool pressedNamed(ImGuiKey key, bool repeat = true) {
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat);
}
inline bool ctrl() {
  return ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeySuper;
}
inline bool shift() {
  return ImGui::GetIO().KeyShift;
}
inline bool alt() {
  return ImGui::GetIO().KeyAlt;
}

// Esc while the current window (a dialog or tool window, after its Begin) has the focus.
inline bool escapeCloses() {
  return ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
         pressedNamed(ImGuiKey_Escape, false);
}

}  // namespace scholion::ui::keys
