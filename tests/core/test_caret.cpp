// Tests for the keyboard caret and selection rules: token steps, line ends, sentences, spans.
#include <catch2/catch.hpp>

#include "caret.h"
#include "test_support.h"

using namespace scholion;

namespace {

uint32_t at(const Document& d, const std::string& needle) {
  std::size_t b = d.text().find(needle);
  REQUIRE(b != std::string::npos);
  uint32_t cp = 0;
  for (std::size_t i = 0; i < b; ++i)
    if ((static_cast<unsigned char>(d.text()[i]) & 0xC0) != 0x80) ++cp;
  return cp;
}

// Presses Shift+Right / Shift+Left `n` times from `focus` as the UI does (remembering a hold).
uint32_t press(const Document& d, uint32_t anchor, uint32_t focus, bool forward, int n,
               bool* heldLast = nullptr) {
  bool held = false;
  for (int i = 0; i < n; ++i) {
    FocusStep r = extendByToken(d, anchor, focus, forward, held);
    held = r.held;
    focus = r.focus;
  }
  if (heldLast) *heldLast = held;
  return focus;
}

Span span(const char* id, uint32_t a, uint32_t b) {
  Span s;
  s.id = id;
  s.start = a;
  s.end = b;
  return s;
}

}  // namespace

TEST_CASE("The caret steps from token start to token start", "[caret]") {
  auto d = test::documentOf("Jiang Zemin's visit, 2000.\nNext line");
  const Document& doc = *d;
  uint32_t c = 0;
  std::vector<std::string> seen;
  for (int i = 0; i < 12 && c < doc.length(); ++i) {
    uint32_t n = caretNextToken(doc, c);
    REQUIRE(n > c);
    c = n;
    seen.push_back(doc.slice(c, std::min<uint32_t>(c + 3, static_cast<uint32_t>(doc.length()))));
  }
  CHECK(seen ==
        std::vector<std::string>{"Zem", "'s ", "vis", ", 2", "200", ".\nN", "Nex", "lin", ""});
  CHECK(c == doc.length());
  // And back, one start at a time, to 0.
  CHECK(caretPrevToken(doc, c) == at(doc, "line"));
  CHECK(caretPrevToken(doc, at(doc, "line")) == at(doc, "Next"));
  CHECK(caretPrevToken(doc, at(doc, "Next")) == at(doc, ".\n"));
  CHECK(caretPrevToken(doc, at(doc, "Zemin") + 2) == at(doc, "Zemin"));
  CHECK(caretPrevToken(doc, 0) == 0);
}

TEST_CASE("Shift+Right selects token by token and holds at a line end", "[caret]") {
  auto d = test::documentOf("Russian President Vladimir Putin\nJuly 18 signed");
  const Document& doc = *d;
  const uint32_t v = at(doc, "Vladimir"), lineEnd = at(doc, "\n");
  CHECK(press(doc, v, v, true, 1) == v + 8);    // "Vladimir"
  CHECK(press(doc, v, v, true, 2) == lineEnd);  // "Vladimir Putin"
  bool held = false;
  // The third press stops at the line end (the "Vladimir Putin\nJuly"); a fourth crosses.
  CHECK(press(doc, v, v, true, 3, &held) == lineEnd);
  CHECK(held);
  CHECK(press(doc, v, v, true, 4, &held) == at(doc, "July") + 4);
  CHECK_FALSE(held);
  // Backwards the same: from the start of a line, the first Shift+Left holds.
  const uint32_t j = at(doc, "July");
  CHECK(press(doc, j + 4, j + 4, false, 1) == j);
  CHECK(press(doc, j + 4, j + 4, false, 2, &held) == j);
  CHECK(held);
  CHECK(press(doc, j + 4, j + 4, false, 3) == at(doc, "Putin"));
  // Trailing spaces before the break do not count as a token: the hold still comes first.
  auto s = test::documentOf("end  \n\nnext");
  CHECK(press(*s, 0, 0, true, 1) == 3);
  CHECK(press(*s, 0, 0, true, 2) == 3);
  CHECK(press(*s, 0, 0, true, 3) == at(*s, "next") + 4);
}

TEST_CASE("Shift+Left shrinks a selection by token ends and goes past its anchor", "[caret]") {
  auto d = test::documentOf("Russian President Vladimir Putin met");
  const Document& doc = *d;
  const uint32_t v = at(doc, "Vladimir"), p = at(doc, "Putin");
  uint32_t f = press(doc, v, v, true, 2);
  CHECK(f == p + 5);
  f = press(doc, v, f, false, 1);
  CHECK(f == v + 8);  // back to "Vladimir"
  f = press(doc, v, f, false, 1);
  CHECK(f == v);  // collapsed at the anchor
  f = press(doc, v, f, false, 1);
  CHECK(f == at(doc, "President"));  // the start edge now: "President"
  f = press(doc, v, f, true, 1);
  CHECK(f == v);  // forward again: the start edge goes back by token starts
}

TEST_CASE("Line ends, sentences and snapping", "[caret]") {
  auto d = test::documentOf("  Two words  here.\nA second. Third one.");
  const Document& doc = *d;
  const uint32_t nl = at(doc, "\n");
  CHECK(firstTokenStartIn(doc, 0, nl) == 2);
  CHECK(lastTokenEndIn(doc, 0, nl) == nl);
  CHECK(firstTokenStartIn(doc, nl + 1, static_cast<uint32_t>(doc.length())) == nl + 1);
  CHECK(lastTokenEndIn(doc, 0, at(doc, "here")) == at(doc, "words") + 5);
  // Empty ranges and ranges of spaces give their own ends.
  CHECK(firstTokenStartIn(doc, 0, 2) == 0);
  CHECK(lastTokenEndIn(doc, 0, 2) == 2);
  CHECK(caretSnap(doc, at(doc, "words") + 2) == at(doc, "words"));
  CHECK(caretSnap(doc, at(doc, "words") + 3) == at(doc, "words") + 5);
  CHECK(caretSnap(doc, 1) == 1);
  CHECK(caretSnap(doc, 999) == doc.length());
  CHECK(caretNextSentence(doc, 0) == 2);
  CHECK(caretNextSentence(doc, 2) == nl + 1);
  CHECK(caretNextSentence(doc, nl + 1) == at(doc, "Third"));
  CHECK(caretNextSentence(doc, at(doc, "Third")) == doc.length());
  CHECK(caretPrevSentence(doc, at(doc, "one")) == at(doc, "Third"));
  CHECK(caretPrevSentence(doc, at(doc, "Third")) == nl + 1);
  CHECK(caretPrevSentence(doc, 2) == 0);
}

TEST_CASE("The caret never stops inside a grapheme cluster", "[caret]") {
  // "e" + combining acute, and a family emoji (ZWJ sequence): each is one cluster.
  auto d = test::documentOf("cafe\xCC\x81 \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 end");
  const Document& doc = *d;
  for (uint32_t c = 0; c <= doc.length(); ++c) {
    const uint32_t n = caretNextToken(doc, c), p = caretPrevToken(doc, c), s = caretSnap(doc, c);
    CHECK(doc.clusterBoundary(n, false) == n);
    CHECK(doc.clusterBoundary(p, false) == p);
    CHECK(doc.clusterBoundary(s, false) == s);
    FocusStep f = extendByToken(doc, 0, c, true, false);
    CHECK(doc.clusterBoundary(f.focus, false) == f.focus);
  }
}

TEST_CASE("Tab order over spans: by start, longer first, wrapping", "[caret]") {
  std::vector<Span> spans = {span("T3", 20, 25), span("T1", 0, 5), span("T2", 0, 12),
                             span("T4", 30, 31)};
  const Span* s = stepSpan(spans, 0, 0, "", true);
  REQUIRE(s);
  CHECK(s->id == "T2");  // at the caret, the longer span first
  s = stepSpan(spans, s->start, s->end, s->id, true);
  CHECK(s->id == "T1");
  s = stepSpan(spans, s->start, s->end, s->id, true);
  CHECK(s->id == "T3");
  s = stepSpan(spans, s->start, s->end, s->id, true);
  CHECK(s->id == "T4");
  s = stepSpan(spans, s->start, s->end, s->id, true);
  CHECK(s->id == "T2");  // wraps around
  s = stepSpan(spans, s->start, s->end, s->id, false);
  CHECK(s->id == "T4");  // and back
  CHECK(stepSpan(spans, 21, 21, "", false)->id == "T3");
  CHECK(stepSpan(spans, 26, 26, "", true)->id == "T4");
  CHECK(stepSpan({}, 0, 0, "", true) == nullptr);
}
