// Tests for the text view's arc levels and line offsets (rows of varying height).
#include <catch2/catch.hpp>
#include <random>

#include "arc_rows.h"

using namespace scholion;

namespace {

std::vector<ArcInterval> intervals(std::initializer_list<std::pair<float, float>> xs) {
  std::vector<ArcInterval> out;
  for (auto [a, b] : xs) out.push_back({a, b, -1});
  return out;
}

bool overlap(const ArcInterval& a, const ArcInterval& b, float gap) {
  return a.x0 < b.x1 + gap && b.x0 < a.x1 + gap;
}

}  // namespace

TEST_CASE("assignArcLevels: no arcs, no levels", "[arcs]") {
  std::vector<ArcInterval> none;
  std::vector<uint32_t> scratch;
  CHECK(assignArcLevels(none, 8, 2, scratch) == 0);
}

TEST_CASE("assignArcLevels: disjoint arcs share the lowest level", "[arcs]") {
  auto a = intervals({{0, 10}, {20, 30}, {40, 90}});
  std::vector<uint32_t> scratch;
  CHECK(assignArcLevels(a, 8, 2, scratch) == 1);
  for (const ArcInterval& i : a) CHECK(i.level == 0);
}

TEST_CASE("assignArcLevels: overlapping arcs stack, shorter ones below", "[arcs]") {
  // A long arc over two short nested ones: the short ones stay low, the long one above them.
  auto a = intervals({{0, 100}, {10, 30}, {60, 80}});
  std::vector<uint32_t> scratch;
  CHECK(assignArcLevels(a, 8, 2, scratch) == 2);
  CHECK(a[1].level == 0);
  CHECK(a[2].level == 0);
  CHECK(a[0].level == 1);
  // A chain of three mutually overlapping arcs needs three levels.
  auto b = intervals({{0, 50}, {10, 60}, {20, 70}});
  CHECK(assignArcLevels(b, 8, 2, scratch) == 3);
  CHECK(b[0].level != b[1].level);
  CHECK(b[1].level != b[2].level);
  CHECK(b[0].level != b[2].level);
}

TEST_CASE("assignArcLevels: the gap keeps touching arcs apart", "[arcs]") {
  auto a = intervals({{0, 10}, {11, 20}});
  std::vector<uint32_t> scratch;
  CHECK(assignArcLevels(a, 8, 2, scratch) == 2);
  auto b = intervals({{0, 10}, {13, 20}});
  CHECK(assignArcLevels(b, 8, 2, scratch) == 1);
}

TEST_CASE("assignArcLevels: past the cap arcs share the top level", "[arcs]") {
  std::vector<ArcInterval> a(10, ArcInterval{0, 50, -1});
  std::vector<uint32_t> scratch;
  CHECK(assignArcLevels(a, 4, 2, scratch) == 4);
  int top = 0;
  for (const ArcInterval& i : a) {
    CHECK(i.level >= 0);
    CHECK(i.level < 4);
    top += i.level == 3;
  }
  CHECK(top == 7);
}

TEST_CASE("assignArcLevels: random lines never put overlapping arcs on one level", "[arcs]") {
  std::mt19937 rng(19);
  std::uniform_real_distribution<float> x(0, 800), w(5, 300);
  std::vector<uint32_t> scratch;
  for (int round = 0; round < 200; ++round) {
    std::vector<ArcInterval> a(1 + round % 30);
    for (ArcInterval& i : a) {
      i.x0 = x(rng);
      i.x1 = i.x0 + w(rng);
    }
    const int levels = assignArcLevels(a, 64, 2, scratch);
    int highest = -1;
    for (std::size_t i = 0; i < a.size(); ++i) {
      highest = std::max(highest, a[i].level);
      for (std::size_t j = i + 1; j < a.size(); ++j)
        if (a[i].level == a[j].level) CHECK_FALSE(overlap(a[i], a[j], 2));
    }
    CHECK(levels == highest + 1);
    // Each level above 0 is there because the arc overlaps one on every level below it.
    for (const ArcInterval& i : a)
      for (int lv = 0; lv < i.level; ++lv) {
        bool blocked = false;
        for (const ArcInterval& j : a)
          blocked = blocked || (&j != &i && j.level == lv && overlap(i, j, 2));
        CHECK(blocked);
      }
  }
}

TEST_CASE("LineOffsets: tops are prefix sums of the heights", "[arcs]") {
  LineOffsets o;
  CHECK(o.count() == 0);
  CHECK(o.total() == 0);
  CHECK(o.lineAt(100) == 0);
  o.assign({40, 70, 40, 100});
  CHECK(o.count() == 4);
  CHECK(o.top(0) == 0);
  CHECK(o.top(1) == 40);
  CHECK(o.top(2) == 110);
  CHECK(o.top(3) == 150);
  CHECK(o.top(4) == 250);
  CHECK(o.top(99) == 250);  // past the end: the total
  CHECK(o.height(1) == 70);
  CHECK(o.height(3) == 100);
  CHECK(o.total() == 250);
}

TEST_CASE("LineOffsets: y to line and back", "[arcs]") {
  LineOffsets o;
  o.assign({40, 70, 40, 100});
  CHECK(o.lineAt(-5) == 0);  // above the first line: clamped
  CHECK(o.lineAt(0) == 0);
  CHECK(o.lineAt(39.9f) == 0);
  CHECK(o.lineAt(40) == 1);
  CHECK(o.lineAt(109) == 1);
  CHECK(o.lineAt(110) == 2);
  CHECK(o.lineAt(150) == 3);
  CHECK(o.lineAt(249) == 3);
  CHECK(o.lineAt(1e6f) == 3);  // below the last line: clamped
  // Many lines: every line's top and middle map back to that line.
  std::vector<float> h(20000);
  for (std::size_t i = 0; i < h.size(); ++i) h[i] = 40 + static_cast<float>((i * 7) % 5) * 17;
  o.assign(h);
  for (std::size_t i = 0; i < h.size(); i += 37) {
    CHECK(o.lineAt(o.top(i)) == i);
    CHECK(o.lineAt(o.top(i) + h[i] * 0.5f) == i);
  }
}
