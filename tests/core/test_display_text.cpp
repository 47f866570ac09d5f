// Tests for the display form of widget strings (display_text.h): Arabic contextual forms and
// lam-alef, visual order of Hebrew and Arabic with embedded Latin and numbers, no work for
// strings without right-to-left characters, and the cache.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "display_text.h"
#include "text.h"

using namespace scholion;

namespace {

// The display form as code points (the input itself when nothing changes).
std::vector<uint32_t> shown(const std::string& s) {
  std::string out;
  const std::string& d = displayText(s, out) ? out : s;
  std::vector<uint32_t> cps;
  for (std::size_t i = 0; i < d.size();) cps.push_back(decodeUtf8(d, i));
  return cps;
}

std::vector<uint32_t> cps(const std::u32string& s) {
  return std::vector<uint32_t>(s.begin(), s.end());
}

std::string shownUtf8(const std::string& s) {
  std::string out;
  return displayText(s, out) ? out : s;
}

}  // namespace

TEST_CASE("Arabic letters take their contextual forms, shown right to left") {
  // seen (initial) + lam-alef (final ligature) + meem (isolated: alef does not join forward).
  CHECK(shown("سلام") == cps(U"\uFEE1\uFEFC\uFEB3"));
  // sheen initial, khah medial, sad final, in visual order.
  CHECK(shown("شخص") == cps(U"\uFEBA\uFEA8\uFEB7"));
  // A lam-alef at the start of a word is the isolated ligature.
  CHECK(shown("لا") == cps(U"\uFEFB"));
  // Persian peh (U+FB50 block) joins an alef.
  CHECK(shown("پا") == cps(U"\uFE8E\uFB58"));
  // A zero-width non-joiner stops joining: both letters isolated.
  CHECK(shown("بت") == cps(U"\uFE96\uFE91"));
  CHECK(shown("ب\u200Cت") == cps(U"\uFE95\u200C\uFE8F"));
  // A mark is transparent for joining and drawn after its base (UAX #9 L3).
  CHECK(shown("بَت") == cps(U"\uFE96\uFE91\u064E"));
  // Words keep their order right to left; the space stays between them.
  CHECK(shown("شخص سلام") == cps(U"\uFEE1\uFEFC\uFEB3 \uFEBA\uFEA8\uFEB7"));
}

TEST_CASE("Hebrew reads reversed; Latin names and numbers inside stay left to right") {
  CHECK(shownUtf8("שלום") == "םולש");
  CHECK(shownUtf8("שלום Cohen 2023") == "Cohen 2023 םולש");
  CHECK(shownUtf8("בשנת 2023") == "2023 תנשב");
  // A left-to-right label with a Hebrew word: only the word turns.
  CHECK(shownUtf8("Person שלום") == "Person םולש");
  // A number after a right-to-left word joins its run (W7 keeps it EN; N1 takes the space).
  CHECK(shownUtf8("Person שלום 7") == "Person 7 םולש");
  // Brackets in a right-to-left run are mirrored.
  CHECK(shownUtf8("(שלום)") == "(םולש)");
  // Each line is its own paragraph.
  CHECK(shownUtf8("שלום\nabc") == "םולש\nabc");
}

TEST_CASE("Strings without right-to-left characters are returned unchanged, without allocating") {
  for (const char* s : {"Person", "人名", "Ελληνικά", "नमस्ते", "\xF0\x9F\x98\x80 emoji", ""}) {
    std::string out;
    CHECK_FALSE(displayText(s, out));
    CHECK(out.capacity() == std::string().capacity());
  }
  // Presentation forms already shaped are only reordered.
  CHECK(shown("\uFEB7\uFEA8\uFEBA") == cps(U"\uFEBA\uFEA8\uFEB7"));
}

TEST_CASE("The cache computes a string's display form once") {
  DisplayTextCache cache;
  bool created = false;
  const DisplayTextCache::Entry& a = cache.get("שלום", &created);
  CHECK(created);
  CHECK(a.changed);
  CHECK(a.display == "םולש");
  const DisplayTextCache::Entry& b = cache.get(std::string("שלום"), &created);
  CHECK_FALSE(created);
  CHECK(&a == &b);
  const DisplayTextCache::Entry& latin = cache.get("Person", &created);
  CHECK(created);
  CHECK_FALSE(latin.changed);
  CHECK(cache.size() == 2);
  cache.clear();
  CHECK(cache.size() == 0);
}
