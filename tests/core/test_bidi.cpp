// Tests for the bidirectional algorithm (UAX #9, bidi.h) in the style of BidiCharacterTest.txt:
// an input, its paragraph direction, the resolved levels and the visual order.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "bidi.h"
#include "text.h"

using namespace scholion;

namespace {

std::vector<uint32_t> cpsOf(const std::string& s) {
  std::vector<uint32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(decodeUtf8(s, i));
  return out;
}

std::string utf8Of(const std::vector<uint32_t>& cps) {
  std::string out;
  for (uint32_t c : cps) appendUtf8(out, c);
  return out;
}

struct Resolved {
  uint8_t para = 0;
  std::vector<int> levels;
  std::string visual;  // the code points in visual order, left to right
};

// The whole text as one paragraph and one line: P2/P3, W1-I2, L1, L2.
Resolved resolve(const std::string& s, uint8_t fallback = 0) {
  std::vector<uint32_t> cps = cpsOf(s);
  const std::size_t n = cps.size();
  std::vector<BidiClass> cls(n), work(n);
  for (std::size_t i = 0; i < n; ++i) cls[i] = bidiClass(cps[i]);
  Resolved r;
  r.para = paragraphLevel(cls.data(), n, fallback);
  std::vector<uint8_t> levels(n);
  resolveLevels(cls.data(), n, r.para, work.data(), levels.data());
  resetWhitespaceLevels(cls.data(), n, r.para, levels.data());
  std::vector<uint32_t> order(n), shown(n);
  visualOrder(levels.data(), n, order.data());
  for (std::size_t v = 0; v < n; ++v) shown[v] = cps[order[v]];
  r.levels.assign(levels.begin(), levels.end());
  r.visual = utf8Of(shown);
  return r;
}

// The code points of s in reverse order (how a right-to-left run is shown).
std::string reversed(const std::string& s) {
  std::vector<uint32_t> cps = cpsOf(s);
  return utf8Of(std::vector<uint32_t>(cps.rbegin(), cps.rend()));
}

std::vector<int> repeat(int level, std::size_t n) {
  return std::vector<int>(n, level);
}

template <class... Parts>
std::vector<int> concat(Parts... parts) {
  std::vector<int> out;
  // Element by element: GCC 12 warns (falsely) about a range insert into an empty vector here.
  ((std::for_each(parts.begin(), parts.end(), [&](int v) { out.push_back(v); })), ...);
  return out;
}

}  // namespace

TEST_CASE("bidi classes come from UnicodeData.txt", "[bidi]") {
  CHECK(bidiClass('a') == BidiClass::L);
  CHECK(bidiClass(0x05D0) == BidiClass::R);   // alef
  CHECK(bidiClass(0x0627) == BidiClass::AL);  // arabic alef
  CHECK(bidiClass('7') == BidiClass::EN);
  CHECK(bidiClass(0x0663) == BidiClass::AN);  // arabic-indic three
  CHECK(bidiClass('+') == BidiClass::ES);
  CHECK(bidiClass('$') == BidiClass::ET);
  CHECK(bidiClass(',') == BidiClass::CS);
  CHECK(bidiClass(0x05B8) == BidiClass::NSM);  // qamats
  CHECK(bidiClass(0x200D) == BidiClass::BN);   // zero width joiner
  CHECK(bidiClass('\n') == BidiClass::B);
  CHECK(bidiClass('\t') == BidiClass::S);
  CHECK(bidiClass(' ') == BidiClass::WS);
  CHECK(bidiClass('!') == BidiClass::ON);
  CHECK(bidiClass(0x2067) == BidiClass::RLI);
  CHECK(bidiClass(0x4E00) == BidiClass::L);   // han
  CHECK(bidiClass(0x05EB) == BidiClass::R);   // unassigned in the Hebrew block: R by default
  CHECK(bidiClass(0x10900) == BidiClass::R);  // phoenician
  CHECK(isRtlTrigger(0x05D0));
  CHECK(isRtlTrigger(0x0660));
  CHECK_FALSE(isRtlTrigger(0x00E9));
  CHECK_FALSE(isRtlTrigger(0x4E00));
}

TEST_CASE("bidi P2/P3: paragraph direction from the first strong character", "[bidi]") {
  CHECK(resolve("hello").para == 0);
  CHECK(resolve("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D abc").para == 1);  // שלום abc
  CHECK(resolve("123 \xD7\xA9 abc").para == 1);  // digits and spaces are not strong
  CHECK(resolve("(!) abc \xD7\xA9").para == 0);
  CHECK(resolve("123 ...").para == 0);
  CHECK(resolve("123 ...", 1).para == 1);  // no strong character: the fallback
  // Characters inside an isolate are skipped: LRI abc PDI then Arabic.
  CHECK(resolve("\xE2\x81\xA6"
                "abc\xE2\x81\xA9 \xD8\xB3")
            .para == 1);
}

TEST_CASE("bidi: a Hebrew paragraph is shown right to left, its period at the left end", "[bidi]") {
  const std::string words = "שלום עולם";
  Resolved r = resolve(words);
  CHECK(r.para == 1);
  CHECK(r.levels == repeat(1, 9));
  CHECK(r.visual == reversed(words));
  r = resolve(words + ".");
  CHECK(r.levels == repeat(1, 10));
  CHECK(r.visual == "." + reversed(words));
  // A point (NSM) takes the level of its letter (W1).
  r = resolve("\xD7\xA9\xD6\xB8");
  CHECK(r.levels == std::vector<int>{1, 1});
}

TEST_CASE("bidi: Arabic with an embedded Latin name and numbers", "[bidi]") {
  // مرحبا John 123 عالم: the name and the number after it form one left-to-right run (W7).
  const std::string hello = "مرحبا", world = "عالم";
  Resolved r = resolve(hello + " John 123 " + world);
  CHECK(r.para == 1);
  CHECK(r.levels == concat(repeat(1, 5), repeat(1, 1), repeat(2, 8), repeat(1, 1), repeat(1, 4)));
  CHECK(r.visual == reversed(world) + " John 123 " + reversed(hello));

  // سنة 2024 جيدة: digits after Arabic letters are Arabic numbers (W2), level 2, still shown
  // left to right inside the right-to-left line.
  const std::string year = "سنة", good = "جيدة";
  r = resolve(year + " 2024 " + good);
  CHECK(r.levels == concat(repeat(1, 3), repeat(1, 1), repeat(2, 4), repeat(1, 1), repeat(1, 4)));
  CHECK(r.visual == reversed(good) + " 2024 " + reversed(year));

  // Arabic-Indic digits are AN (level 2) and keep their order: ٣٤ stays ٣٤.
  r = resolve("عدد \xD9\xA3\xD9\xA4");
  CHECK(r.levels == concat(repeat(1, 4), repeat(2, 2)));
  CHECK(r.visual == "\xD9\xA3\xD9\xA4 " + reversed("عدد"));
}

TEST_CASE("bidi W4/W5: separators and terminators inside numbers", "[bidi]") {
  // מחיר 1,234.50$ : the comma and point join the number (W4), the dollar sign too (W5).
  const std::string price = "מחיר";
  Resolved r = resolve(price + " 1,234.50$");
  CHECK(r.levels == concat(repeat(1, 4), repeat(1, 1), repeat(2, 9)));
  CHECK(r.visual == "1,234.50$ " + reversed(price));
  // A separator not between two numbers is a neutral (W6) and takes the context (N1).
  r = resolve(price + " 1, " + price);
  CHECK(r.levels == concat(repeat(1, 4), repeat(1, 1), repeat(2, 1), repeat(1, 2), repeat(1, 4)));
  // 10+20 in a left-to-right paragraph stays one run of L (W4, then W7).
  CHECK(resolve("a 10+20").levels == repeat(0, 7));
}

TEST_CASE("bidi: a paragraph starting left to right with a right-to-left phrase", "[bidi]") {
  const std::string phrase = "שלום עולם";
  Resolved r = resolve("He said " + phrase + " today.");
  CHECK(r.para == 0);
  // The space between the two Hebrew words lies between R and R: it is R (N1); those around
  // the phrase lie between L and R: the paragraph's direction (N2).
  CHECK(r.levels == concat(repeat(0, 8), repeat(1, 9), repeat(0, 7)));
  CHECK(r.visual == "He said " + reversed(phrase) + " today.");
  // A number after the phrase belongs to the left-to-right text around it (W7 looks at the
  // strong type before it: R, so it stays EN, level 2; the space before it is R).
  r = resolve("a " + phrase + " 42 b");
  CHECK(r.levels == concat(repeat(0, 2), repeat(1, 9), repeat(1, 1), repeat(2, 2), repeat(0, 2)));
  CHECK(r.visual == "a 42 " + reversed(phrase) + " b");
}

TEST_CASE("bidi L1: trailing whitespace takes the paragraph level", "[bidi]") {
  Resolved r = resolve("שלום abc   ");
  CHECK(r.levels == concat(repeat(1, 4), repeat(1, 1), repeat(2, 3), repeat(1, 3)));
  CHECK(r.visual == "   abc " + reversed("שלום"));
  r = resolve("abc \xD7\xA9\t\xD7\xA9 ");
  CHECK(r.levels == std::vector<int>{0, 0, 0, 0, 1, 0, 1, 0});
}

TEST_CASE("bidi L2: runs reversed from the highest level down", "[bidi]") {
  const uint8_t levels[] = {0, 0, 1, 1, 1, 2, 2, 1, 0};
  uint32_t order[9];
  visualOrder(levels, 9, order);
  CHECK(std::vector<uint32_t>(order, order + 9) ==
        std::vector<uint32_t>{0, 1, 7, 5, 6, 4, 3, 2, 8});
  CHECK(mirrored('(') == ')');
  CHECK(mirrored(0xAB) == 0xBB);
  CHECK(mirrored('a') == 'a');
}
