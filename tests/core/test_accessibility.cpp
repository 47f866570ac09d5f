// Tests for the screen-reader mirror's sentences, WCAG contrast of the high-contrast theme and
// the label marks that tell labels apart without colour.
#include <catch2/catch.hpp>
#include <set>

#include "accessible_text.h"
#include "label_marks.h"
#include "test_support.h"
#include "theme_contrast.h"

using namespace scholion;
using scholion::test::documentOf;
using scholion::test::newsSchema;

namespace {
uint32_t cpOf(const Document& d, const std::string& needle) {
  const std::size_t b = d.text().find(needle);
  REQUIRE(b != std::string::npos);
  return static_cast<uint32_t>(countCodePoints(std::string_view(d.text()).substr(0, b)));
}
}  // namespace

TEST_CASE("mirror: the caret's sentence, word and line") {
  auto d = documentOf("Jiang Zemin met Vladimir Putin.\n\nThe talks ended on July 18.");
  const uint32_t putin = cpOf(*d, "Putin");
  AccessibleMirror m = buildAccessibleMirror(*d, {}, {}, newsSchema(), putin, 0, 0, nullptr);
  CHECK(m.sentence == "Sentence 1 of 2: Jiang Zemin met Vladimir Putin.");
  CHECK(m.caret == "Caret before \xE2\x80\x9CPutin\xE2\x80\x9D, word 5 of 6 in sentence 1, line 1");
  CHECK(m.selection.rfind("Nothing selected", 0) == 0);
  CHECK(m.span == "No span at the caret");
  // Between the sentences (the empty line): the next sentence is read.
  const uint32_t gap = cpOf(*d, "\n\nThe") + 1;
  m = buildAccessibleMirror(*d, {}, {}, newsSchema(), gap, 0, 0, nullptr);
  CHECK(m.sentence == "Sentence 2 of 2: The talks ended on July 18.");
  CHECK(m.caret.find("line 2") != std::string::npos);
  m = buildAccessibleMirror(*d, {}, {}, newsSchema(), static_cast<uint32_t>(d->length()), 0, 0,
                            nullptr);
  CHECK(m.caret == "Caret at the end of the document");
  CHECK(m.sentence.rfind("Sentence 2 of 2", 0) == 0);
}

TEST_CASE("mirror: selection text, span under the caret with attributes and note") {
  auto d = documentOf("Jiang Zemin met Vladimir Putin.");
  Schema schema = newsSchema();
  const uint32_t v = cpOf(*d, "Vladimir");
  AccessibleMirror m = buildAccessibleMirror(*d, {}, {}, schema, v, v, v + 14, nullptr);
  CHECK(
      m.selection ==
      "Selected \xE2\x80\x9CVladimir Putin\xE2\x80\x9D, 2 words. A label key or Enter labels it.");
  std::vector<Span> spans = {test::span("T1", "Person", v, v + 14, "Vladimir Putin"),
                             test::span("T2", "Title", v + 9, v + 14, "Putin")};
  spans[0].attributes["negated"] = "true";
  spans[0].note = "the Russian\npresident";
  // The caret in "Vladimir": the outer span; in "Putin": the inner (shorter) one.
  CHECK(spanAtCaret(spans, v) == &spans[0]);
  CHECK(spanAtCaret(spans, v + 9) == &spans[1]);
  CHECK(spanAtCaret(spans, v + 14) == nullptr);  // end-exclusive
  m = buildAccessibleMirror(*d, spans, {}, schema, v, 0, 0, nullptr);
  CHECK(m.span ==
        "Person (key 1): \xE2\x80\x9CVladimir Putin\xE2\x80\x9D. negated: yes. Note: the Russian "
        "president.");
  // A selected span wins over the one at the caret.
  m = buildAccessibleMirror(*d, spans, {}, schema, v, 0, 0, &spans[1]);
  CHECK(m.span.rfind("Title (key 7): \xE2\x80\x9CPutin\xE2\x80\x9D.", 0) == 0);
  CHECK(m.selection.find("Delete removes it") != std::string::npos);
  // Its relations, both ways, with the other span's label and text.
  spans.push_back(test::span("T4", "Person", 0, 11, "Jiang Zemin"));
  const std::vector<Relation> rels = {test::rel("R1", "meets-with", "T4", "T1"),
                                      test::rel("R2", "has-title", "T1", "T2")};
  CHECK(describeSpan(spans[0], schema, spans, rels) ==
        "Person (key 1): \xE2\x80\x9CVladimir Putin\xE2\x80\x9D. negated: yes. Note: the "
        "Russian president. Relations: from Person \xE2\x80\x9CJiang Zemin\xE2\x80\x9D: "
        "meets-with; has-title Title \xE2\x80\x9CPutin\xE2\x80\x9D.");
  Span odd = test::span("T3", "Alien", 0, 5, "Jiang");
  CHECK(describeSpan(odd, schema).rfind("Alien (not in the schema)", 0) == 0);
}

TEST_CASE("mirror: long selections are cut at a cluster boundary") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "e\xCC\x81t\xC3\xA9 ";  // "e" + combining acute
  auto d = documentOf(text);
  AccessibleMirror m = buildAccessibleMirror(*d, {}, {}, newsSchema(), 0, 0,
                                             static_cast<uint32_t>(d->length()), nullptr);
  const std::size_t ell = m.selection.find("\xE2\x80\xA6");
  REQUIRE(ell != std::string::npos);
  CHECK(m.selection.size() < 400);
  // Never between "e" and its combining mark.
  CHECK(m.selection.substr(ell - 1, 1) != "e");
}

TEST_CASE("contrast: WCAG figures and the high-contrast theme") {
  CHECK(contrastRatio({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
  CHECK(contrastRatio({255, 255, 255}, {255, 255, 255}) == Approx(1.0));
  CHECK(contrastRatio({119, 119, 119}, {255, 255, 255}) == Approx(4.48).margin(0.01));
  REQUIRE(parseHexColor("#4E79a7"));
  CHECK(*parseHexColor("#4E79a7") == Rgb{0x4e, 0x79, 0xa7});
  CHECK(!parseHexColor("#4e79a"));
  CHECK(!parseHexColor("4e79a7x"));
  CHECK(!parseHexColor("#4e79ag"));

  const HighContrastColors& hc = highContrastColors();
  const Rgb backgrounds[] = {hc.background, hc.panel,       hc.frame,     hc.frameHover,
                             hc.header,     hc.headerHover, hc.selection, hc.popup};
  for (Rgb bg : backgrounds) {
    CHECK(contrastRatio(hc.text, bg) >= 7.0);
    CHECK(contrastRatio(hc.dimText, bg) >= 7.0);
    CHECK(contrastRatio(hc.disabledText, bg) >= 4.5);
  }
  for (Rgb bg : {hc.background, hc.panel, hc.frame, hc.popup}) {
    CHECK(contrastRatio(hc.accent, bg) >= 7.0);
    CHECK(contrastRatio(hc.border, bg) >= 3.0);
  }
  // Every label colour of the default schema, lifted, stands out on the black background and
  // keeps its hue family (it is mixed with white, not replaced).
  for (const SpanLabel& l : newsSchema().spanLabels) {
    const Rgb c = *parseHexColor(l.color);
    const Rgb lifted = liftForContrast(c, hc.background, kHighContrastLabelRatio);
    CHECK(contrastRatio(lifted, hc.background) >= kHighContrastLabelRatio);
    CHECK(lifted.r >= c.r);
    CHECK(lifted.g >= c.g);
    CHECK(lifted.b >= c.b);
  }
  // A dark navy needs lifting; on white, a light yellow is darkened.
  CHECK(contrastRatio(liftForContrast({0, 0, 80}, {0, 0, 0}, 4.5), {0, 0, 0}) >= 4.5);
  CHECK(contrastRatio(liftForContrast({255, 240, 120}, {255, 255, 255}, 4.5), {255, 255, 255}) >=
        4.5);
}

TEST_CASE("label marks: labels differ by more than colour") {
  std::set<std::pair<int, int>> seen;
  for (std::size_t i = 0; i < 24; ++i) {
    const LabelMark m = labelMark(i);
    CHECK(seen.insert({static_cast<int>(m.underline), static_cast<int>(m.shape)}).second);
    CHECK(labelMark(i) == m);  // deterministic
  }
  for (std::size_t i = 0; i < kUnderlineStyles; ++i)
    for (std::size_t j = 0; j < i; ++j) {
      CHECK(labelMark(i).underline != labelMark(j).underline);
      CHECK(labelMark(i).shape != labelMark(j).shape);
    }
  CHECK(std::string(underlineStyleName(UnderlineStyle::Wavy)) == "wavy");
  CHECK(std::string(markShapeName(MarkShape::Diamond)) == "diamond");
}
