// Touch gestures from per-frame finger samples: tap, long press, one-finger pan, two-finger pinch,
// and a drag the UI captured (a selection handle); no platform or UI types.
#pragma once

#include <cstdint>

namespace scholion {

// The fingers on the screen in one frame, in screen pixels (CSS pixels in the browser).
struct TouchSample {
  double time = 0;       // seconds, any monotonic clock
  int fingers = 0;       // fingers down now
  float x = 0, y = 0;    // the first finger down
  float x2 = 0, y2 = 0;  // the second one (fingers >= 2)
};

// The decisions behind the classification (docs/touch.md).
struct TouchThresholds {
  float slop = 10.0f;      // pixels a finger may wander and still tap or long-press
  double longPress = 0.5;  // seconds held still before a press becomes a long press
};

enum class TouchKind : uint8_t {
  None,
  Down,       // a first finger went down at (x, y)
  Tap,        // it went up again within the slop, before a long press, at the press point (x, y)
  LongPress,  // held still for TouchThresholds::longPress at (x, y) (and seen still in the second
              // half of that time, so a stalled frame cannot make one); moves go on as Drag
  Pan,        // one finger moved by (dx, dy) since the last event; (x, y) where it is now
  Pinch,      // two fingers: their distance changed by `scale` since the last event; (x, y) centre
  Drag,       // after LongPress or capture(): the finger is at (x, y)
  End,        // the last finger went up after a pan, pinch, long press or drag
};

struct TouchEvent {
  TouchKind kind = TouchKind::None;
  float x = 0, y = 0;
  float dx = 0, dy = 0;
  float scale = 1.0f;
};

// Feed one sample per frame (the platform keeps each finger's down and up in separate frames).
// One gesture at a time: from the first finger down until the last one is up.
class TouchRecognizer {
 public:
  explicit TouchRecognizer(TouchThresholds t = {}) : t_(t) {}
  TouchEvent update(const TouchSample& s);
  // The UI takes the gesture that just went Down (a press on a selection handle): moves are
  // reported as Drag, never as a pan, tap or long press.
  void capture();
  // A gesture is under way (a finger is down).
  bool active() const { return state_ != State::Idle; }
  // Still deciding between tap, long press and pan: frames must go on while the finger rests.
  bool pending() const { return state_ == State::Pending; }
  const TouchThresholds& thresholds() const { return t_; }

 private:
  enum class State : uint8_t { Idle, Pending, Panning, Held, Captured, Pinching, Spent };
  TouchThresholds t_;
  State state_ = State::Idle;
  double startTime_ = 0;
  double lastTime_ = 0;  // the last sample while pending
  float startX_ = 0, startY_ = 0;
  float lastX_ = 0, lastY_ = 0;
  float lastSpread_ = 0;
  void startPinch(const TouchSample& s);
};

}  // namespace scholion
