// Tests for the touch gesture rules: tap, long press, pan, pinch, captured drags, slop and timing.
#include <catch2/catch.hpp>

#include "touch_gesture.h"

using namespace scholion;

namespace {

TouchSample one(double t, float x, float y) {
  TouchSample s;
  s.time = t;
  s.fingers = 1;
  s.x = x;
  s.y = y;
  return s;
}

TouchSample two(double t, float x, float y, float x2, float y2) {
  TouchSample s = one(t, x, y);
  s.fingers = 2;
  s.x2 = x2;
  s.y2 = y2;
  return s;
}

TouchSample none(double t) {
  TouchSample s;
  s.time = t;
  return s;
}

}  // namespace

TEST_CASE("a short press that stays within the slop is a tap at the press point") {
  TouchRecognizer r;
  CHECK(r.update(one(0.0, 100, 200)).kind == TouchKind::Down);
  CHECK(r.pending());
  CHECK(r.update(one(0.05, 104, 203)).kind == TouchKind::None);  // 5 px: still a tap
  TouchEvent e = r.update(none(0.1));
  CHECK(e.kind == TouchKind::Tap);
  CHECK(e.x == 100);
  CHECK(e.y == 200);
  CHECK_FALSE(r.active());
}

TEST_CASE("moving past the slop pans; the first pan carries the whole way from the press") {
  TouchRecognizer r;
  r.update(one(0.0, 100, 300));
  TouchEvent e = r.update(one(0.02, 100, 280));
  REQUIRE(e.kind == TouchKind::Pan);
  CHECK(e.dy == -20);
  CHECK(e.dx == 0);
  e = r.update(one(0.04, 98, 250));
  REQUIRE(e.kind == TouchKind::Pan);
  CHECK(e.dy == -30);
  CHECK(e.dx == -2);
  CHECK(r.update(one(0.06, 98, 250)).kind == TouchKind::None);  // no movement, no event
  // A pan that rests never turns into a long press.
  CHECK(r.update(one(2.0, 98, 250)).kind == TouchKind::None);
  CHECK(r.update(none(2.1)).kind == TouchKind::End);
}

TEST_CASE("held still for the long-press time: a long press, then moves are drags") {
  TouchRecognizer r;
  r.update(one(0.0, 50, 60));
  CHECK(r.update(one(0.3, 52, 61)).kind == TouchKind::None);
  TouchEvent e = r.update(one(0.5, 52, 61));
  REQUIRE(e.kind == TouchKind::LongPress);
  CHECK(e.x == 50);  // where the finger went down
  CHECK_FALSE(r.pending());
  e = r.update(one(0.6, 120, 61));
  REQUIRE(e.kind == TouchKind::Drag);
  CHECK(e.x == 120);
  CHECK(r.update(one(0.7, 120, 61)).kind == TouchKind::None);
  CHECK(r.update(none(0.8)).kind == TouchKind::End);
}

TEST_CASE("after a stalled frame the long press waits one frame for a move on its way") {
  TouchRecognizer r;
  r.update(one(0.0, 100, 100));
  // The first frame after the press comes 0.6 s late: not yet a long press...
  CHECK(r.update(one(0.6, 100, 100)).kind == TouchKind::None);
  CHECK(r.pending());
  // ...and the move that arrives with the next frame makes it a pan.
  CHECK(r.update(one(0.65, 100, 160)).kind == TouchKind::Pan);
  // Without a move, the next frame makes the long press.
  TouchRecognizer q;
  q.update(one(0.0, 100, 100));
  q.update(one(0.6, 100, 100));
  CHECK(q.update(one(0.65, 100, 100)).kind == TouchKind::LongPress);
}

TEST_CASE("a press released after the long-press time without a frame in between is a long press") {
  TouchRecognizer r;
  r.update(one(0.0, 10, 10));
  CHECK(r.update(none(0.7)).kind == TouchKind::LongPress);
}

TEST_CASE("a press just under the long-press time is still a tap") {
  TouchRecognizer r;
  r.update(one(0.0, 10, 10));
  CHECK(r.update(one(0.49, 10, 10)).kind == TouchKind::None);
  CHECK(r.update(none(0.495)).kind == TouchKind::Tap);
}

TEST_CASE("two fingers pinch: the scale is the change of their distance, at their centre") {
  TouchRecognizer r;
  CHECK(r.update(one(0.0, 100, 100)).kind == TouchKind::Down);
  CHECK(r.update(two(0.02, 100, 100, 200, 100)).kind == TouchKind::None);  // pinch begins
  TouchEvent e = r.update(two(0.04, 90, 100, 210, 100));
  REQUIRE(e.kind == TouchKind::Pinch);
  CHECK(e.scale == Approx(1.2));
  CHECK(e.x == Approx(150));
  e = r.update(two(0.06, 120, 100, 180, 100));
  REQUIRE(e.kind == TouchKind::Pinch);
  CHECK(e.scale == Approx(0.5));
  // One finger lifted: the rest of the gesture does nothing (no pan, no tap).
  CHECK(r.update(one(0.08, 120, 100)).kind == TouchKind::None);
  CHECK(r.update(one(0.10, 160, 140)).kind == TouchKind::None);
  CHECK(r.update(none(0.12)).kind == TouchKind::End);
}

TEST_CASE("a pan that gets a second finger becomes a pinch") {
  TouchRecognizer r;
  r.update(one(0.0, 100, 100));
  CHECK(r.update(one(0.02, 100, 130)).kind == TouchKind::Pan);
  CHECK(r.update(two(0.04, 100, 130, 100, 230)).kind == TouchKind::None);
  TouchEvent e = r.update(two(0.06, 100, 130, 100, 330));
  REQUIRE(e.kind == TouchKind::Pinch);
  CHECK(e.scale == Approx(2.0));
}

TEST_CASE("a captured press reports drags only, whatever the distance or time") {
  TouchRecognizer r;
  r.update(one(0.0, 10, 10));
  r.capture();
  TouchEvent e = r.update(one(0.02, 15, 10));  // within the slop: a drag all the same
  REQUIRE(e.kind == TouchKind::Drag);
  CHECK(e.x == 15);
  CHECK(r.update(one(1.0, 15, 10)).kind == TouchKind::None);          // no long press
  CHECK(r.update(two(1.1, 15, 10, 80, 80)).kind == TouchKind::None);  // no pinch
  CHECK(r.update(none(1.2)).kind == TouchKind::End);
}

TEST_CASE("capture() outside a fresh press changes nothing") {
  TouchRecognizer r;
  r.capture();
  CHECK_FALSE(r.active());
  r.update(one(0.0, 10, 10));
  r.update(one(0.6, 10, 10));  // long press
  r.capture();
  CHECK(r.update(one(0.7, 40, 10)).kind == TouchKind::Drag);
}

TEST_CASE("custom thresholds are honoured") {
  TouchThresholds t;
  t.slop = 30;
  t.longPress = 1.0;
  TouchRecognizer r(t);
  r.update(one(0.0, 0, 0));
  CHECK(r.update(one(0.6, 20, 0)).kind == TouchKind::None);  // within 30 px, before 1 s
  CHECK(r.update(one(1.0, 20, 0)).kind == TouchKind::LongPress);
  TouchRecognizer early(t);
  early.update(one(0.0, 0, 0));
  CHECK(early.update(one(0.45, 0, 0)).kind == TouchKind::None);  // the first half
  CHECK(early.update(one(0.99, 0, 0)).kind == TouchKind::None);  // the second half, before 1 s
  CHECK(early.update(one(1.0, 0, 0)).kind == TouchKind::LongPress);
}
