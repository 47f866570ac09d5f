// SDL2 events -> ImGui 1.86 input, frame-exact: no press shorter than a frame is lost.
#pragma once

#include <SDL.h>

#include <deque>
#include <vector>

#include "touch_gesture.h"

namespace scholion::platform {

// ImGui 1.86 reads input as per-frame state (KeysDown, MouseDown, MousePos). When a key or button
// goes down and up within one frame (fast typing, slow software-GL frames, test drivers), the
// press would vanish. This feeder ends a frame's batch at the first event that would undo a
// transition already seen in that batch, and keeps the rest for the next frame.
class SdlInput {
 public:
  void init(SDL_Window* window);
  void shutdown();
  // Polls SDL, feeds this frame's events to ImGui; returns SDL_QUIT seen. Dropped files go to
  // `drops`.
  bool beginFrame(std::vector<char*>& drops);
  // Queues text typed, composed or pasted outside SDL (the page's input events) behind the key
  // events already queued, so it reaches ImGui in the order the user produced it. After init().
  static void pushText(const char* utf8);
  // Events polled but kept for the next frame (see the class comment).
  bool hasPending() const { return !pending_.empty(); }
  // Whether the last beginFrame fed ImGui any event.
  bool fedEvents() const { return fed_; }
  // A mouse button, a finger or a non-modifier key is down: drags auto-scroll, keys repeat and a
  // resting finger becomes a long press, frame by frame, without new events.
  bool held() const;
  // The fingers on the window after the last beginFrame (time left 0: the app stamps it).
  const TouchSample& touch() const { return touch_; }
  // ImGui's pointer is the first finger (pressed and moved as the mouse), not a mouse.
  bool pointerIsTouch() const { return pointerIsTouch_; }

 private:
  bool feed(const SDL_Event& e);  // false = belongs to the next frame
  bool feedFinger(const SDL_Event& e);
  void updateDisplay();
  bool keyHeld() const;  // a key other than a modifier is down
  void updateCursor();
  SDL_Window* window_ = nullptr;
  std::deque<SDL_Event> pending_;
  Uint64 time_ = 0;
  // Transitions seen in the current batch.
  bool keyChanged_[SDL_NUM_SCANCODES] = {};
  bool editKeyChanged_ = false;  // an editing key or a modifier
  bool buttonChanged_[5] = {};
  bool quit_ = false;
  bool fed_ = false;
  bool ctrlMasked_ = false;  // Ctrl held but reported up for one frame of pasted text
  // Fingers down, in the order they went down; the first drives ImGui's pointer.
  struct Finger {
    SDL_FingerID id;
    float x, y;  // window coordinates
  };
  std::vector<Finger> fingers_;
  bool pointerFinger_ = false;  // the first finger is ImGui's pointer (until it goes up)
  bool fingerChanged_ = false;  // a finger went down or up in this batch
  bool pointerIsTouch_ = false;
  bool clearHover_ = false;  // a finger left: no hover remains where it was
  TouchSample touch_;
  SDL_Cursor* cursors_[16] = {};
  int lastCursor_ = -1;
};

}  // namespace scholion::platform
