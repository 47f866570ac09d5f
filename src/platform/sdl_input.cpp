// Feeds SDL2 keyboard, text, mouse, wheel and window events to ImGui one consistent frame at a
// time.
#include "sdl_input.h"

#include <cstddef>
#include <cstring>

#include "imgui.h"

namespace scholion::platform {
namespace {

const char* getClipboard(void*) {
#ifdef __EMSCRIPTEN__
  // The browser delivers pasted text as an input event (see scholion-api.js): ImGui's own
  // Ctrl+V must not paste a second time from SDL's in-app clipboard.
  return "";
#endif
  static char* last = nullptr;
  if (last) SDL_free(last);
  last = SDL_GetClipboardText();
  return last;
}
void setClipboard(void*, const char* text) {
  SDL_SetClipboardText(text);
}

// The SDL user event that carries text from pushText (data1: an SDL_malloc'ed UTF-8 copy).
Uint32 textEventType() {
  static const Uint32 type = SDL_RegisterEvents(1);
  return type;
}

int buttonIndex(Uint8 sdlButton) {
  switch (sdlButton) {
    case SDL_BUTTON_LEFT:
      return 0;
    case SDL_BUTTON_RIGHT:
      return 1;
    case SDL_BUTTON_MIDDLE:
      return 2;
    case SDL_BUTTON_X1:
      return 3;
    case SDL_BUTTON_X2:
      return 4;
    default:
      return -1;
  }
}

}  // namespace

void SdlInput::init(SDL_Window* window) {
  window_ = window;
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "scholion_sdl";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  const int map[][2] = {
      {ImGuiKey_Tab, SDL_SCANCODE_TAB},
      {ImGuiKey_LeftArrow, SDL_SCANCODE_LEFT},
      {ImGuiKey_RightArrow, SDL_SCANCODE_RIGHT},
      {ImGuiKey_UpArrow, SDL_SCANCODE_UP},
      {ImGuiKey_DownArrow, SDL_SCANCODE_DOWN},
      {ImGuiKey_PageUp, SDL_SCANCODE_PAGEUP},
      {ImGuiKey_PageDown, SDL_SCANCODE_PAGEDOWN},
      {ImGuiKey_Home, SDL_SCANCODE_HOME},
      {ImGuiKey_End, SDL_SCANCODE_END},
      {ImGuiKey_Insert, SDL_SCANCODE_INSERT},
      {ImGuiKey_Delete, SDL_SCANCODE_DELETE},
      {ImGuiKey_Backspace, SDL_SCANCODE_BACKSPACE},
      {ImGuiKey_Space, SDL_SCANCODE_SPACE},
      {ImGuiKey_Enter, SDL_SCANCODE_RETURN},
      {ImGuiKey_Escape, SDL_SCANCODE_ESCAPE},
      {ImGuiKey_KeyPadEnter, SDL_SCANCODE_KP_ENTER},
      {ImGuiKey_A, SDL_SCANCODE_A},
      {ImGuiKey_C, SDL_SCANCODE_C},
      {ImGuiKey_V, SDL_SCANCODE_V},
      {ImGuiKey_X, SDL_SCANCODE_X},
      {ImGuiKey_Y, SDL_SCANCODE_Y},
      {ImGuiKey_Z, SDL_SCANCODE_Z},
  };
  for (const auto& m : map) io.KeyMap[m[0]] = m[1];
  io.SetClipboardTextFn = setClipboard;
  io.GetClipboardTextFn = getClipboard;
  const SDL_SystemCursor sys[ImGuiMouseCursor_COUNT] = {
      SDL_SYSTEM_CURSOR_ARROW,    SDL_SYSTEM_CURSOR_IBEAM,  SDL_SYSTEM_CURSOR_SIZEALL,
      SDL_SYSTEM_CURSOR_SIZENS,   SDL_SYSTEM_CURSOR_SIZEWE, SDL_SYSTEM_CURSOR_SIZENESW,
      SDL_SYSTEM_CURSOR_SIZENWSE, SDL_SYSTEM_CURSOR_HAND,   SDL_SYSTEM_CURSOR_NO};
  for (int i = 0; i < ImGuiMouseCursor_COUNT; i++) cursors_[i] = SDL_CreateSystemCursor(sys[i]);
  SDL_StartTextInput();
  textEventType();
}

void SdlInput::pushText(const char* utf8) {
  const Uint32 type = textEventType();
  if (!utf8 || !*utf8 || type == static_cast<Uint32>(-1)) return;
  const std::size_t n = std::strlen(utf8) + 1;
  char* copy = static_cast<char*>(SDL_malloc(n));
  if (!copy) return;
  std::memcpy(copy, utf8, n);
  SDL_Event e{};
  e.type = type;
  e.user.data1 = copy;
  if (SDL_PushEvent(&e) != 1) SDL_free(copy);
}

void SdlInput::shutdown() {
  for (SDL_Cursor*& c : cursors_) {
    if (c) SDL_FreeCursor(c);
    c = nullptr;
  }
}

bool SdlInput::feed(const SDL_Event& e) {
  ImGuiIO& io = ImGui::GetIO();
  switch (e.type) {
    case SDL_KEYDOWN:
    case SDL_KEYUP: {
      const int sc = e.key.keysym.scancode;
      if (sc < 0 || sc >= SDL_NUM_SCANCODES) return true;
      const bool down = e.type == SDL_KEYDOWN;
      if (keyChanged_[sc] && io.KeysDown[sc] != down)
        return false;  // would undo this frame's press
      if (io.KeysDown[sc] != down) {
        keyChanged_[sc] = true;
        // Keys that type a character change nothing for the text that follows them; editing
        // keys (Enter, Backspace, arrows...) and modifiers do.
        const bool typing = (sc >= SDL_SCANCODE_A && sc <= SDL_SCANCODE_0) ||
                            (sc >= SDL_SCANCODE_SPACE && sc <= SDL_SCANCODE_SLASH);
        if (!typing) editKeyChanged_ = true;
      }
      io.KeysDown[sc] = down;
      const SDL_Keymod mod = static_cast<SDL_Keymod>(e.key.keysym.mod);
      ctrlMasked_ = false;  // the event carries the modifiers as they are now
      io.KeyShift = (mod & KMOD_SHIFT) != 0;
      io.KeyCtrl = (mod & KMOD_CTRL) != 0;
      io.KeyAlt = (mod & KMOD_ALT) != 0;
      io.KeySuper = (mod & KMOD_GUI) != 0;
      return true;
    }
    case SDL_TEXTINPUT:
#ifndef __EMSCRIPTEN__
      // In the browser, text arrives through the page's input events instead (web_main.cpp):
      // SDL only sees keypress, which misses IME, dead keys and pasted text.
      io.AddInputCharactersUTF8(e.text.text);
#endif
      return true;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
      return feedFinger(e);
    case SDL_MOUSEMOTION:
      if (e.motion.which == SDL_TOUCH_MOUSEID) return true;  // the OS's copy of a finger
      pointerIsTouch_ = false;
      // After a button changed in this batch, later motion belongs to the next frame, so the
      // press registers where it happened.
      for (bool changed : buttonChanged_)
        if (changed) return false;
      io.MousePos = ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
      return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
      const int b = buttonIndex(e.button.button);
      if (b < 0 || e.button.which == SDL_TOUCH_MOUSEID) return true;
      pointerIsTouch_ = false;
      const bool down = e.type == SDL_MOUSEBUTTONDOWN;
      if (buttonChanged_[b] && io.MouseDown[b] != down) return false;
      if (io.MouseDown[b] != down) buttonChanged_[b] = true;
      io.MouseDown[b] = down;
      io.MousePos = ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
      return true;
    }
    case SDL_MOUSEWHEEL:
      io.MouseWheelH += e.wheel.preciseX;
      io.MouseWheel += e.wheel.preciseY;
      return true;
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_LEAVE) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
        fingers_.clear();  // nor fingers their lifting
        if (pointerFinger_) io.MouseDown[0] = false;
        pointerFinger_ = false;
        // Keys held when focus leaves never see their key-up. The mouse goes too, which tells
        // the UI that Alt went up with the focus (Alt+Tab), not by a lone tap (the menu bar).
        std::memset(io.KeysDown, 0, sizeof io.KeysDown);
        io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      }
      return true;
    case SDL_QUIT:
      quit_ = true;
      return true;
    default:
      if (e.type == textEventType()) {
        // ImGui applies a frame's characters before its keys and ignores them while Ctrl is
        // down: text that follows an editing key or a modifier change waits for the next frame.
        if (editKeyChanged_) return false;
        // Pasted text arrives while Ctrl (of Ctrl+V) is still down: ImGui would drop it, so Ctrl
        // reads as up for this frame and as down again from the next one (unless released).
        if (io.KeyCtrl && !io.KeyAlt) {
          io.KeyCtrl = false;
          ctrlMasked_ = true;
        }
        char* text = static_cast<char*>(e.user.data1);
        io.AddInputCharactersUTF8(text);
        SDL_free(text);
      }
      return true;
  }
}

// A finger: its down and up each end a frame's batch (the gesture recogniser and ImGui see every
// change); the first finger down is ImGui's pointer, pressed and moved as the left button.
bool SdlInput::feedFinger(const SDL_Event& e) {
  ImGuiIO& io = ImGui::GetIO();
  int w = 0, h = 0;
  SDL_GetWindowSize(window_, &w, &h);
  const float x = e.tfinger.x * static_cast<float>(w), y = e.tfinger.y * static_cast<float>(h);
  std::size_t i = 0;
  while (i < fingers_.size() && fingers_[i].id != e.tfinger.fingerId) ++i;
  const bool known = i < fingers_.size();
  if (e.type == SDL_FINGERMOTION) {
    if (!known) return true;
    if (fingerChanged_) return false;  // moves after a press belong to the next frame
    fingers_[i].x = x;
    fingers_[i].y = y;
    if (i == 0 && pointerFinger_) io.MousePos = ImVec2(x, y);
    return true;
  }
  const bool down = e.type == SDL_FINGERDOWN;
  if (down == known) return true;  // a repeated down or an up of a finger we never saw
  if (fingerChanged_ || (buttonChanged_[0] && io.MouseDown[0] != down)) return false;
  fingerChanged_ = true;
  pointerIsTouch_ = true;
  if (down) {
    fingers_.push_back(Finger{e.tfinger.fingerId, x, y});
    if (fingers_.size() == 1 && !io.MouseDown[0]) {
      pointerFinger_ = true;
      buttonChanged_[0] = true;
      io.MouseDown[0] = true;
      io.MousePos = ImVec2(x, y);
      clearHover_ = false;
    }
    return true;
  }
  if (i == 0 && pointerFinger_) {
    pointerFinger_ = false;
    buttonChanged_[0] = true;
    io.MouseDown[0] = false;
    io.MousePos = ImVec2(x, y);
    clearHover_ = true;
  }
  fingers_.erase(fingers_.begin() + static_cast<std::ptrdiff_t>(i));
  return true;
}

bool SdlInput::beginFrame(std::vector<char*>& drops) {
  std::memset(keyChanged_, 0, sizeof keyChanged_);
  editKeyChanged_ = false;
  std::memset(buttonChanged_, 0, sizeof buttonChanged_);
  fingerChanged_ = false;
  fed_ = false;
  if (clearHover_ && fingers_.empty()) {
    ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    clearHover_ = false;
  }
  if (ctrlMasked_) ImGui::GetIO().KeyCtrl = true;
  ctrlMasked_ = false;
  SDL_Event e;
  while (SDL_PollEvent(&e)) pending_.push_back(e);
  while (!pending_.empty()) {
    const SDL_Event& next = pending_.front();
    if (next.type == SDL_DROPFILE) {
      if (next.drop.file) drops.push_back(next.drop.file);  // the caller frees it
      fed_ = true;
      pending_.pop_front();
      continue;
    }
    if (!feed(next)) break;
    fed_ = true;
    pending_.pop_front();
  }
  touch_ = TouchSample{};
  touch_.fingers = static_cast<int>(fingers_.size());
  if (!fingers_.empty()) {
    touch_.x = fingers_[0].x;
    touch_.y = fingers_[0].y;
  }
  if (fingers_.size() >= 2) {
    touch_.x2 = fingers_[1].x;
    touch_.y2 = fingers_[1].y;
  }
  updateDisplay();
  updateCursor();
  return quit_;
}

bool SdlInput::held() const {
  const ImGuiIO& io = ImGui::GetIO();
  if (!fingers_.empty()) return true;
  for (bool down : io.MouseDown)
    if (down) return true;
  return keyHeld();
}

bool SdlInput::keyHeld() const {
  const ImGuiIO& io = ImGui::GetIO();
  for (int sc = 0; sc < SDL_NUM_SCANCODES && sc < IM_ARRAYSIZE(io.KeysDown); ++sc) {
    const bool modifier = sc >= SDL_SCANCODE_LCTRL && sc <= SDL_SCANCODE_RGUI;
    if (io.KeysDown[sc] && !modifier) return true;
  }
  return false;
}

void SdlInput::updateDisplay() {
  ImGuiIO& io = ImGui::GetIO();
  int w = 0, h = 0, dw = 0, dh = 0;
  SDL_GetWindowSize(window_, &w, &h);
  if (SDL_GetWindowFlags(window_) & SDL_WINDOW_MINIMIZED) w = h = 0;
  SDL_GL_GetDrawableSize(window_, &dw, &dh);
  io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
  if (w > 0 && h > 0)
    io.DisplayFramebufferScale = ImVec2(float(dw) / float(w), float(dh) / float(h));
  const Uint64 freq = SDL_GetPerformanceFrequency();
  const Uint64 now = SDL_GetPerformanceCounter();
  io.DeltaTime = time_ > 0 ? static_cast<float>(double(now - time_) / double(freq)) : 1.0f / 60.0f;
  if (io.DeltaTime <= 0) io.DeltaTime = 1.0f / 1000.0f;
  // A tapped key whose release arrives late (a stalled or loaded machine) must not count as held
  // for the whole stall: ImGui would repeat it after KeyRepeatDelay. While a key is down a frame
  // counts at most 0.1 s, so a repeat takes several frames with the key still down.
  if (io.DeltaTime > 0.1f && keyHeld()) io.DeltaTime = 0.1f;
  time_ = now;
}

void SdlInput::updateCursor() {
  const ImGuiMouseCursor c = ImGui::GetMouseCursor();
  if (c == lastCursor_ || c < 0 || c >= ImGuiMouseCursor_COUNT) return;
  lastCursor_ = c;
  if (cursors_[c]) SDL_SetCursor(cursors_[c]);
}

}  // namespace scholion::platform
