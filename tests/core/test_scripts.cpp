// Tests for every script: grapheme clusters (UAX #29), CJK line breaks (kinsoku) and character
// tokens in Han, kana and Thai text, emoji sequences kept whole.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "document.h"
#include "grapheme.h"
#include "line_break.h"
#include "test_support.h"
#include "text.h"

using namespace scholion;

namespace {

// The text split into grapheme clusters, each as UTF-8.
std::vector<std::string> clusters(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t e = graphemeEndUtf8(s, i);
    out.push_back(s.substr(i, e - i));
    i = e;
  }
  return out;
}

// The same split over code points must agree with the UTF-8 one.
std::vector<std::size_t> clusterEnds(const std::string& s) {
  std::vector<uint32_t> cps;
  std::size_t i = 0;
  while (i < s.size()) cps.push_back(decodeUtf8(s, i));
  std::vector<std::size_t> ends;
  for (std::size_t k = 0; k < cps.size(); k = ends.back())
    ends.push_back(graphemeEnd(cps.data(), cps.size(), k));
  return ends;
}

// The tokens of a document as UTF-8 strings.
std::vector<std::string> words(const Document& doc) {
  std::vector<std::string> out;
  out.reserve(doc.tokens().size());
  for (const Token& t : doc.tokens()) out.emplace_back(doc.sliceView(t.start, t.end));
  return out;
}

const std::string kFamily =
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
const std::string kFlagCN = "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3";
const std::string kFlagFR = "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7";
const std::string kThumbDark = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBF";  // U+1F44D U+1F3FF
const std::string kEAcute = "e\xCC\x81";                            // e + U+0301

}  // namespace

TEST_CASE("grapheme clusters: emoji ZWJ sequences, flags and skin tones stay whole", "[scripts]") {
  CHECK(clusters("a" + kFamily + "b") == std::vector<std::string>{"a", kFamily, "b"});
  CHECK(clusters(kFlagCN + kFlagFR) == std::vector<std::string>{kFlagCN, kFlagFR});
  // An odd regional indicator left over stands alone.
  CHECK(clusters(kFlagCN + "\xF0\x9F\x87\xAB") ==
        std::vector<std::string>{kFlagCN, "\xF0\x9F\x87\xAB"});
  CHECK(clusters(kThumbDark + "!") == std::vector<std::string>{kThumbDark, "!"});
  // Emoji presentation selector (U+FE0F) and a keycap (1 U+FE0F U+20E3).
  CHECK(clusters("\xE2\x9D\xA4\xEF\xB8\x8F"
                 "1\xEF\xB8\x8F\xE2\x83\xA3") ==
        std::vector<std::string>{"\xE2\x9D\xA4\xEF\xB8\x8F", "1\xEF\xB8\x8F\xE2\x83\xA3"});
  // A ZWJ after a letter does not join the next emoji (GB11 needs a pictograph before it).
  CHECK(clusters("a\xE2\x80\x8D\xF0\x9F\x91\xA9") ==
        std::vector<std::string>{"a\xE2\x80\x8D", "\xF0\x9F\x91\xA9"});
}

TEST_CASE("grapheme clusters: combining marks, Hangul, CR LF, Indic", "[scripts]") {
  CHECK(clusters("caf" + kEAcute + "s") == std::vector<std::string>{"c", "a", "f", kEAcute, "s"});
  // Hangul: conjoining jamo L V T form one syllable; precomposed LV + T too.
  CHECK(clusters("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") ==
        std::vector<std::string>{"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"});
  CHECK(clusters("\xED\x95\x9C\xEA\xB5\xAD") ==  // 한국: two precomposed syllables
        std::vector<std::string>{"\xED\x95\x9C", "\xEA\xB5\xAD"});
  CHECK(clusters("\xEA\xB0\x80\xE1\x86\xA8") ==
        std::vector<std::string>{"\xEA\xB0\x80\xE1\x86\xA8"});
  CHECK(clusters("a\r\nb") == std::vector<std::string>{"a", "\r\n", "b"});
  // Devanagari: ि (U+093F) is a spacing mark and stays with its consonant: कि
  CHECK(clusters("\xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xA4") ==
        std::vector<std::string>{"\xE0\xA4\x95\xE0\xA4\xBF", "\xE0\xA4\xA4"});
  // Thai: a consonant with an above vowel and a tone mark: กั้
  CHECK(clusters("\xE0\xB8\x81\xE0\xB8\xB1\xE0\xB9\x89") ==
        std::vector<std::string>{"\xE0\xB8\x81\xE0\xB8\xB1\xE0\xB9\x89"});
  CHECK(graphemeClass(0x1F600) == GraphemeClass::ExtPict);
  CHECK(graphemeClass(0x0301) == GraphemeClass::Extend);
  CHECK(graphemeClass('A') == GraphemeClass::Other);
}

TEST_CASE("grapheme ends over code points agree with the UTF-8 walk", "[scripts]") {
  std::string s = "x" + kFamily + kFlagCN + kEAcute + kThumbDark;
  // x | family (5 code points) | flag (2) | e + mark (2) | thumb + tone (2)
  CHECK(clusterEnds(s) == std::vector<std::size_t>{1, 6, 8, 10, 12});
}

TEST_CASE("Document::clusterBoundary snaps code point offsets out of clusters", "[scripts]") {
  auto d = test::documentOf("ab" + kFamily + "c" + kFlagCN + kEAcute);
  // a b [family 2..7) c [flag 8..10) [e+mark 10..12)
  CHECK(d->clusterBoundary(4, false) == 2);
  CHECK(d->clusterBoundary(4, true) == 7);
  CHECK(d->clusterBoundary(7, false) == 7);
  CHECK(d->clusterBoundary(9, false) == 8);
  CHECK(d->clusterBoundary(9, true) == 10);
  CHECK(d->clusterBoundary(11, true) == 12);
  CHECK(d->clusterBoundary(0, true) == 0);
  CHECK(d->clusterBoundary(99, true) == 12);
}

TEST_CASE("CJK line breaks: between characters, never before closing punctuation", "[scripts]") {
  CHECK(breakBetween(0x6C5F, 0x6CFD));   // 江|泽
  CHECK(breakBetween(0x3042, 0x3044));   // あ|い
  CHECK(!breakBetween(0x6C11, 0x3002));  // 民。: a line never starts with 。
  CHECK(!breakBetween(0x6C11, 0x3001));  // 、
  CHECK(!breakBetween(0x6C11, 0xFF09));  // ）
  CHECK(!breakBetween(0x6C11, 0x300D));  // 」
  CHECK(!breakBetween(0x304B, 0x3063));  // small っ
  CHECK(!breakBetween(0x30AB, 0x30FC));  // ー
  CHECK(!breakBetween(0x300C, 0x6C5F));  // 「江: a line never ends with 「
  CHECK(breakBetween(0x3002, 0x6C5F));   // 。|江
  CHECK(breakBetween('a', 0x6C5F));      // Latin next to Han
  CHECK(!breakBetween('a', 'b'));        // Latin words break at spaces only
  CHECK(isNoLineStart(0x3002));
  CHECK(isNoLineEnd(0xFF08));
  CHECK(isCjkBreakable(0x4E2D));
}

TEST_CASE("tokens in Han, kana and Thai are single characters (clusters)", "[scripts][tokens]") {
  auto d = test::documentOf(
      "\xE6\xB1\x9F\xE6\xB3\xBD\xE6\xB0\x91\xE8\xAF\xB4\xE3\x80\x82");  // 江泽民说。
  CHECK(words(*d) == std::vector<std::string>{"\xE6\xB1\x9F", "\xE6\xB3\xBD", "\xE6\xB0\x91",
                                              "\xE8\xAF\xB4", "\xE3\x80\x82"});
  CHECK(d->tokens()[2].start == 2);
  CHECK(d->tokens()[2].end == 3);
  auto j = test::documentOf("\xE3\x81\x8B\xE3\x81\xAA");  // かな
  CHECK(words(*j) == std::vector<std::string>{"\xE3\x81\x8B", "\xE3\x81\xAA"});
  auto t =
      test::documentOf("\xE0\xB8\x81\xE0\xB8\xB1\xE0\xB9\x89\xE0\xB8\x99");  // กั้น: two clusters
  CHECK(words(*t) ==
        std::vector<std::string>{"\xE0\xB8\x81\xE0\xB8\xB1\xE0\xB9\x89", "\xE0\xB8\x99"});
  // Latin words around Han stay words.
  auto m = test::documentOf("Jiang \xE6\xB1\x9F\xE6\xB3\xBD\xE6\xB0\x91 said");
  CHECK(words(*m) ==
        std::vector<std::string>{"Jiang", "\xE6\xB1\x9F", "\xE6\xB3\xBD", "\xE6\xB0\x91", "said"});
}

TEST_CASE("tokens never split an emoji sequence, a flag or a letter with marks",
          "[scripts][tokens]") {
  auto d = test::documentOf("hi " + kFamily + " " + kFlagCN + kFlagFR + " caf" + kEAcute + " " +
                            kThumbDark);
  CHECK(words(*d) ==
        std::vector<std::string>{"hi", kFamily, kFlagCN, kFlagFR, "caf" + kEAcute, kThumbDark});
  CHECK(d->tokens()[1].start == 3);
  CHECK(d->tokens()[1].end == 8);
}
