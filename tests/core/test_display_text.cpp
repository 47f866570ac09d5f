// Tests for the display form of widget strings (display_text.h): Arabic contextual forms and
// lam-alef, visual order of Hebrew and Arabic with embedded Latin and numbers, no work for
// strings without right-to-left characters, and the cache.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "display_text.h"
#include "grapheme.h"
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

namespace {

// A piece map like the web UI's (GlyphCache::pieceEnd): a grapheme cluster with an emoji or a
// regional indicator, or a run of Devanagari or Hebrew (with marks and joiners); each distinct
// piece gets the next private-use code point.
class TestPieces : public PieceMap {
 public:
  std::vector<std::string> texts;
  int asked = 0;

  std::size_t pieceEnd(std::string_view s, std::size_t i) override {
    ++asked;
    std::size_t j = i;
    const uint32_t c = decodeUtf8(s, j);
    if (c >= 0x1F000) return graphemeEndUtf8(s, i);
    if (!shaped(c)) return 0;
    std::size_t k = j;
    while (k < s.size()) {
      std::size_t next = k;
      const uint32_t d = decodeUtf8(s, next);
      if (!shaped(d) && d != 0x200C && d != 0x200D) break;
      k = next;
    }
    return k;
  }
  uint32_t glyphFor(std::string_view piece) override {
    for (std::size_t k = 0; k < texts.size(); ++k)
      if (texts[k] == piece) return 0xE000 + static_cast<uint32_t>(k);
    texts.emplace_back(piece);
    return 0xE000 + static_cast<uint32_t>(texts.size() - 1);
  }

 private:
  static bool shaped(uint32_t c) {
    return (c >= 0x0900 && c <= 0x097F) || (c >= 0x0590 && c <= 0x05FF);
  }
};

std::vector<uint32_t> shownWith(PieceMap& pieces, const std::string& s) {
  std::string out;
  const std::string& d = displayText(s, out, &pieces) ? out : s;
  std::vector<uint32_t> cps;
  for (std::size_t i = 0; i < d.size();) cps.push_back(decodeUtf8(d, i));
  return cps;
}

}  // namespace

TEST_CASE("Pieces: an emoji sequence, a flag, a skin tone and a conjunct are one glyph each",
          "[display_text][pieces]") {
  TestPieces p;
  // 👩‍👩‍👧 🇯🇵 👍🏽: three clusters, three glyphs, spaces kept.
  CHECK(shownWith(p,
                  "\U0001F469\u200D\U0001F469\u200D\U0001F467 \U0001F1EF\U0001F1F5 "
                  "\U0001F44D\U0001F3FD") == cps(U"\uE000 \uE001 \uE002"));
  REQUIRE(p.texts.size() == 3);
  CHECK(p.texts[0] == "\U0001F469\u200D\U0001F469\u200D\U0001F467");
  CHECK(p.texts[1] == "\U0001F1EF\U0001F1F5");
  CHECK(p.texts[2] == "\U0001F44D\U0001F3FD");
  // क्षत्रिय and नमस्ते: each word one glyph (the platform forms the conjuncts).
  CHECK(shownWith(p, "क्षत्रिय") == cps(U"\uE003"));
  CHECK(shownWith(p, "नमस्ते दुनिया") == cps(U"\uE004 \uE005"));
  CHECK(p.texts[3] == "क्षत्रिय");
  // A piece met again keeps its glyph.
  CHECK(shownWith(p, "x \U0001F44D\U0001F3FD") == cps(U"x \uE002"));
  CHECK(p.texts.size() == 6);
}

TEST_CASE("Pieces: Latin-only strings ask nothing and stay as they are", "[display_text][pieces]") {
  TestPieces p;
  std::string out;
  CHECK_FALSE(displayText("Person", out, &p));
  CHECK_FALSE(displayText("Ελληνικά", out, &p));  // the UI font has it: no piece
  CHECK(p.texts.empty());
  CHECK(out.empty());
}

TEST_CASE("Pieces keep the bidi order: right-to-left pieces are reordered as words",
          "[display_text][pieces][bidi]") {
  TestPieces p;
  // Hebrew words are pieces (the platform orders their letters); the words come right to left.
  CHECK(shownWith(p, "שלום עולם") == cps(U"\uE001 \uE000"));
  CHECK(shownWith(p, "Person שלום 7") == cps(U"Person 7 \uE000"));
  // A right-to-left paragraph ending with an emoji: the emoji (a neutral) goes to its left end.
  CHECK(shownWith(p, "שלום \U0001F44D\U0001F3FD") == cps(U"\uE002 \uE000"));
}

TEST_CASE("A wrapped line of a right-to-left paragraph keeps the paragraph's direction",
          "[display_text][bidi]") {
  TestPieces p;
  DisplayUnits u;
  displayUnits("שלום abc", &p, u);
  CHECK(u.rtl);
  CHECK(u.pieces);
  std::string own, para;
  appendVisualLine(u, 0, u.cps.size(), -1, own);
  appendVisualLine(u, 0, u.cps.size(), 1, para);
  CHECK(own == "abc \uE000");  // its own first strong character: right to left
  CHECK(para == own);
  // The same units as the second line of a paragraph starting in Hebrew, and as a line of a
  // left-to-right paragraph.
  displayUnits("abc שלום", &p, u);
  CHECK(paragraphLevelAt(u, 0) == 0);
  std::string rtlLine, ltrLine;
  appendVisualLine(u, 0, u.cps.size(), 1, rtlLine);
  appendVisualLine(u, 0, u.cps.size(), 0, ltrLine);
  CHECK(rtlLine == "\uE000 abc");
  CHECK(ltrLine == "abc \uE000");
}
