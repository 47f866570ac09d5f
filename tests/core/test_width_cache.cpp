// Tests for WidthCache: each label is measured once per size, a new size measures again.
#include <catch2/catch.hpp>
#include <string>

#include "width_cache.h"

using namespace scholion;

TEST_CASE("WidthCache: measures each label once per size", "[arcs]") {
  WidthCache cache;
  int calls = 0;
  auto measure = [&](const std::string& s) {
    ++calls;
    return static_cast<float>(s.size()) * 7.0f;
  };
  CHECK(cache.get("cause", 10, measure) == 35.0f);
  CHECK(cache.get("cause", 10, measure) == 35.0f);
  CHECK(cache.get("part-of", 10, measure) == 49.0f);
  CHECK(calls == 2);
  CHECK(cache.size() == 2);
}

TEST_CASE("WidthCache: a new size forgets the old widths", "[arcs]") {
  WidthCache cache;
  float scale = 1;
  int calls = 0;
  auto measure = [&](const std::string& s) {
    ++calls;
    return static_cast<float>(s.size()) * scale;
  };
  CHECK(cache.get("abc", 10, measure) == 3.0f);
  scale = 2;
  CHECK(cache.get("abc", 10, measure) == 3.0f);  // same size: the kept width
  CHECK(cache.get("abc", 20, measure) == 6.0f);  // new size: measured again
  CHECK(calls == 2);
  CHECK(cache.size() == 1);
  CHECK(cache.get("", 20, measure) == 0.0f);
  CHECK(calls == 3);
}
