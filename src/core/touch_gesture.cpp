// Touch gesture classification (touch_gesture.h): a small state machine over finger samples.
#include "touch_gesture.h"

#include <cmath>

namespace scholion {
namespace {

float distance(float ax, float ay, float bx, float by) {
  return std::hypot(bx - ax, by - ay);
}

TouchEvent at(TouchKind kind, float x, float y) {
  return TouchEvent{kind, x, y};
}

}  // namespace

void TouchRecognizer::startPinch(const TouchSample& s) {
  state_ = State::Pinching;
  lastSpread_ = distance(s.x, s.y, s.x2, s.y2);
}

void TouchRecognizer::capture() {
  if (state_ == State::Pending || state_ == State::Panning) state_ = State::Captured;
}

TouchEvent TouchRecognizer::update(const TouchSample& s) {
  if (s.fingers <= 0) {
    const State was = state_;
    state_ = State::Idle;
    switch (was) {
      case State::Idle:
        return {};
      case State::Pending:
        // Released before a frame saw the long press come due: it counts as one all the same.
        return at(s.time - startTime_ >= t_.longPress ? TouchKind::LongPress : TouchKind::Tap,
                  startX_, startY_);
      default:
        return at(TouchKind::End, lastX_, lastY_);
    }
  }
  if (state_ == State::Idle) {
    startTime_ = lastTime_ = s.time;
    startX_ = lastX_ = s.x;
    startY_ = lastY_ = s.y;
    if (s.fingers >= 2)
      startPinch(s);
    else
      state_ = State::Pending;
    return at(TouchKind::Down, s.x, s.y);
  }
  if (s.fingers >= 2 && (state_ == State::Pending || state_ == State::Panning)) {
    startPinch(s);
    return {};
  }
  switch (state_) {
    case State::Pending: {
      if (distance(startX_, startY_, s.x, s.y) > t_.slop) {
        state_ = State::Panning;
        TouchEvent e = at(TouchKind::Pan, s.x, s.y);
        e.dx = s.x - startX_;  // the content follows the finger from where it went down
        e.dy = s.y - startY_;
        lastX_ = s.x;
        lastY_ = s.y;
        return e;
      }
      // Held long enough, and seen resting in the second half of the wait too: after a stalled
      // frame (a busy machine) a move that is on its way gets one more frame to arrive.
      const bool seenResting = lastTime_ - startTime_ >= t_.longPress / 2;
      lastTime_ = s.time;
      if (s.time - startTime_ >= t_.longPress && seenResting) {
        state_ = State::Held;
        return at(TouchKind::LongPress, startX_, startY_);
      }
      return {};
    }
    case State::Panning: {
      TouchEvent e = at(TouchKind::Pan, s.x, s.y);
      e.dx = s.x - lastX_;
      e.dy = s.y - lastY_;
      lastX_ = s.x;
      lastY_ = s.y;
      if (e.dx == 0 && e.dy == 0) return {};
      return e;
    }
    case State::Held:
    case State::Captured: {
      if (s.x == lastX_ && s.y == lastY_) return {};
      lastX_ = s.x;
      lastY_ = s.y;
      return at(TouchKind::Drag, s.x, s.y);
    }
    case State::Pinching: {
      if (s.fingers < 2) {
        state_ = State::Spent;  // one finger left after a pinch: nothing until all are up
        return {};
      }
      const float spread = distance(s.x, s.y, s.x2, s.y2);
      if (lastSpread_ <= 0 || spread <= 0 || spread == lastSpread_) {
        lastSpread_ = spread;
        return {};
      }
      TouchEvent e = at(TouchKind::Pinch, (s.x + s.x2) / 2, (s.y + s.y2) / 2);
      e.scale = spread / lastSpread_;
      lastSpread_ = spread;
      lastX_ = e.x;
      lastY_ = e.y;
      return e;
    }
    default:
      return {};
  }
}

}  // namespace scholion
