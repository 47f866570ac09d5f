// Agreement coefficients against published worked examples and small cases worked out by hand.
#include <catch2/catch.hpp>

#include "agreement.h"
#include "test_support.h"

using namespace scholion;
using namespace scholion::test;
using Approx = Catch::Detail::Approx;

namespace {

// Tokens t_i = [2i, 2i+1): one code point each, separated by one space.
std::vector<Token> tokensOf(std::size_t n) {
  std::vector<Token> t;
  for (uint32_t i = 0; i < n; ++i) t.push_back(Token{2 * i, 2 * i + 1, TokenKind::Word});
  return t;
}

}  // namespace

TEST_CASE("Cohen's kappa: classic 2x2 tables", "[agreement]") {
  // 50 items. A yes/B yes 20, A yes/B no 5, A no/B yes 10, both no 15.
  // po = 35/50 = 0.7; A says yes 25/50 = 0.5, B says yes 30/50 = 0.6;
  // pe = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
  Coefficient k = cohenKappaFromTable({{20, 5}, {10, 15}});
  CHECK(k.defined);
  CHECK(k.observed == Approx(0.7));
  CHECK(k.expected == Approx(0.5));
  CHECK(k.value == Approx(0.4));
  CHECK(k.items == 50);
  // 100 items: 45/15/25/15. po = 0.6; A yes 0.6, B yes 0.7; pe = 0.42 + 0.12 = 0.54;
  // kappa = 0.06 / 0.46 = 0.130435.
  CHECK(cohenKappaFromTable({{45, 15}, {25, 15}}).value == Approx(0.06 / 0.46));
  // 100 items: 25/35/5/35. po = 0.6; A yes 0.6, B yes 0.3; pe = 0.18 + 0.28 = 0.46;
  // kappa = 0.14 / 0.54 = 0.259259.
  CHECK(cohenKappaFromTable({{25, 35}, {5, 35}}).value == Approx(0.14 / 0.54));
  // Perfect disagreement on balanced marginals: po = 0, pe = 0.5, kappa = -1.
  CHECK(cohenKappaFromTable({{0, 5}, {5, 0}}).value == Approx(-1.0));
}

TEST_CASE("Cohen's kappa: undefined cases give a flagged value, never NaN", "[agreement]") {
  // Both raters use one category for everything: pe = 1, kappa = 0/0.
  Coefficient k = cohenKappaFromTable({{5, 0}, {0, 0}});
  CHECK_FALSE(k.defined);
  CHECK(k.value == 1.0);
  // No items at all.
  Coefficient e = cohenKappaFromTable({{0, 0}, {0, 0}});
  CHECK_FALSE(e.defined);
  CHECK(e.value == 1.0);
  CHECK(e.items == 0);
  Coefficient s = cohenKappa({}, {}, 3);
  CHECK_FALSE(s.defined);
  CHECK(s.value == 1.0);
  // Identical sequences over two categories: defined and 1.
  Coefficient same = cohenKappa({0, 1, 1, 0}, {0, 1, 1, 0}, 2);
  CHECK(same.defined);
  CHECK(same.value == Approx(1.0));
}

TEST_CASE("Fleiss' kappa: the Fleiss (1971) worked example gives 0.210", "[agreement]") {
  // 10 subjects x 14 raters x 5 categories, as tabulated in Fleiss (1971).
  std::vector<std::vector<uint32_t>> counts = {
      {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
      {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
  Coefficient k = fleissKappa(counts);
  CHECK(k.defined);
  CHECK(k.items == 10);
  CHECK(k.observed == Approx(0.378).margin(0.0005));  // P-bar
  CHECK(k.expected == Approx(0.213).margin(0.0005));  // P_e
  CHECK(k.value == Approx(0.210).margin(0.0005));
  // Everyone in one category: P_e = 1, undefined, reported as 1.0.
  Coefficient all = fleissKappa({{3, 0}, {3, 0}});
  CHECK_FALSE(all.defined);
  CHECK(all.value == 1.0);
  // A single rater per item: nothing pairable.
  Coefficient one = fleissKappa({{1, 0}, {0, 1}});
  CHECK_FALSE(one.defined);
  CHECK(one.items == 0);
}

TEST_CASE("Krippendorff's alpha: the 2011 nominal example with missing values gives 0.743",
          "[agreement]") {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units,
  // values 1..5, -1 = missing.
  std::vector<std::vector<int>> data = {
      {1, 2, 3, 3, 2, 1, 4, 1, 2, -1, -1, -1},
      {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, -1, 3},
      {-1, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, -1},
      {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, -1},
  };
  Coefficient a = krippendorffAlphaNominalData(data);
  CHECK(a.defined);
  CHECK(a.items == 11);  // unit 12 has a single value and is not pairable
  CHECK(a.value == Approx(0.743).margin(0.0005));
  // Identical values everywhere: expected disagreement 0, undefined, reported as 1.0.
  Coefficient same = krippendorffAlphaNominalData({{1, 1, 1}, {1, 1, 1}});
  CHECK_FALSE(same.defined);
  CHECK(same.value == 1.0);
}

TEST_CASE("Krippendorff's alpha: a 2-rater case by hand", "[agreement]") {
  // Units (A, B): (1,1) (1,2) (2,2) (2,2). n = 8; o_11 = 2, o_22 = 4, o_12 = o_21 = 1.
  // n_1 = 3, n_2 = 5. alpha = 1 - (n-1) * (o_12 + o_21) / (2 n_1 n_2) = 1 - 7*2/30 = 0.533333.
  Coefficient a = krippendorffAlphaNominalData({{1, 1, 2, 2}, {1, 2, 2, 2}});
  CHECK(a.value == Approx(1.0 - 14.0 / 30.0));
}

TEST_CASE("token labels: longest span wins, partial overlap counts, fragments skip gaps",
          "[agreement]") {
  std::vector<Token> toks = tokensOf(4);  // [0,1) [2,3) [4,5) [6,7)
  AnnotationLayer l;
  l.spans.push_back(span("T1", "Short", 2, 3));  // t1, length 1
  l.spans.push_back(span("T2", "Long", 0, 5));   // t0..t2, length 5: wins t1
  Span frag = span("T3", "Frag", 2, 7);          // fragments [2,3) [6,7): t1 and t3, length 2
  frag.fragments = {Fragment{2, 3}, Fragment{6, 7}};
  l.spans.push_back(frag);
  LabelIds ids = tokenLabelIds();
  std::vector<uint16_t> t = tokenLabels(toks, l, ids);
  REQUIRE(t.size() == 4);
  CHECK(ids.names()[t[0]] == "Long");
  CHECK(ids.names()[t[1]] == "Long");
  CHECK(ids.names()[t[2]] == "Long");
  CHECK(ids.names()[t[3]] == "Frag");
  // Equal lengths: the earlier start wins; a span touching half a token labels it.
  AnnotationLayer m;
  m.spans.push_back(span("T1", "B", 2, 5));
  m.spans.push_back(span("T2", "A", 0, 3));
  LabelIds ids2 = tokenLabelIds();
  std::vector<uint16_t> u = tokenLabels(toks, m, ids2);
  CHECK(ids2.names()[u[1]] == "A");
  CHECK(ids2.names()[u[2]] == "B");
  CHECK(u[3] == 0);  // "O"
  // Empty layer: all "O".
  LabelIds ids3 = tokenLabelIds();
  std::vector<uint16_t> o = tokenLabels(toks, AnnotationLayer{}, ids3);
  CHECK(o == std::vector<uint16_t>(4, 0));
}

TEST_CASE("class agreement: two annotators, six tokens, by hand", "[agreement]") {
  // Token labels  t0 t1 t2 t3 t4 t5
  //   A:           P  P  O  L  O  O     (P = [0,3), L = [6,7))
  //   B:           P  O  O  L  L  O     (P = [0,1), L = [6,9))
  std::vector<Token> toks = tokensOf(6);
  std::vector<Sentence> sents = {Sentence{0, 5, 0, 3}, Sentence{6, 11, 3, 3}};
  AnnotationLayer a, b;
  a.spans = {span("T1", "P", 0, 3), span("T2", "L", 6, 7)};
  b.spans = {span("T1", "P", 0, 1), span("T2", "L", 6, 9)};
  ClassDocument doc;
  doc.tokens = &toks;
  doc.sentences = &sents;
  doc.layers = {&a, &b};
  ClassAgreement r = computeAgreement({doc}, {"A", "B"});
  REQUIRE(r.tokens == 6);
  REQUIRE(r.pairs.size() == 1);
  // Cohen: po = 4/6; marginals A: P2 O3 L1, B: P1 O3 L2; pe = (2*1 + 3*3 + 1*2)/36 = 13/36;
  // kappa = (24/36 - 13/36) / (23/36) = 11/23.
  CHECK(r.pairs[0].cohen.value == Approx(11.0 / 23.0));
  CHECK(r.meanPairwiseCohen() == Approx(11.0 / 23.0));
  // Fleiss: P_i = 1,0,1,1,0,1 -> P-bar = 4/6; p = (P 3/12, O 6/12, L 3/12); P_e = 54/144;
  // kappa = (2/3 - 0.375) / 0.625 = 7/15.
  CHECK(r.fleiss.value == Approx(7.0 / 15.0));
  // Alpha: n = 12; sum_c o_cc = 2+0+2+2+0+2 = 8; sum n_c^2 = 9+36+9 = 54;
  // alpha = 1 - 11 * (12 - 8) / (144 - 54) = 1 - 44/90 = 23/45.
  CHECK(r.alpha.value == Approx(23.0 / 45.0));
  // Spans, A as key: exact 0 of 2 (F1 0); overlap pairs P-P and L-L (F1 1).
  CHECK(r.pairs[0].spansExact == Counts{0, 2, 2});
  CHECK(r.pairs[0].spansOverlap == Counts{2, 0, 0});
  // Confusion over ordered pairs (labels by id: O=0, then P, L in order of appearance).
  auto idx = [&](const std::string& l) {
    for (std::size_t i = 0; i < r.labels.size(); ++i)
      if (r.labels[i] == l) return i;
    return r.labels.size();
  };
  REQUIRE(r.labels[0] == "O");
  std::size_t O = idx("O"), P = idx("P"), L = idx("L");
  CHECK(r.confusion[O][O] == 4);  // t2, t5: 2 ordered pairs each
  CHECK(r.confusion[P][P] == 2);
  CHECK(r.confusion[L][L] == 2);
  CHECK(r.confusion[P][O] == 1);
  CHECK(r.confusion[O][P] == 1);
  CHECK(r.confusion[L][O] == 1);
  CHECK(r.confusion[P][L] == 0);
  // Per label, binary alpha on "P vs not P": agreeing coincidences 2+0+2+2+2+2 = 10, n1 = 3,
  // n0 = 9: alpha = 1 - 11 * (12 - 10) / (144 - 9 - 81) = 1 - 22/54 = 16/27. L: same shape.
  REQUIRE(r.perLabel.size() == 2);
  CHECK(r.perLabel[0].label == "L");
  CHECK(r.perLabel[0].alpha.value == Approx(16.0 / 27.0));
  CHECK(r.perLabel[1].alpha.value == Approx(16.0 / 27.0));
  CHECK(r.perLabel[1].spans == 2);
  CHECK(r.perLabel[1].tokens == 3);
  CHECK(r.perLabel[1].spansExact == Counts{0, 1, 1});
  // Passages: sentence 1 = t0..t2: n = 6, sum o_cc = 4, n_P = n_O = 3:
  // alpha = 1 - 5 * 2 / (36 - 18) = 4/9; agreeing pairs 4 of 6; one disputed token.
  REQUIRE(r.perPassage.size() == 2);
  CHECK(r.perPassage[0].alpha.value == Approx(4.0 / 9.0));
  CHECK(r.perPassage[0].observed == Approx(4.0 / 6.0));
  CHECK(r.perPassage[0].disputedTokens == 1);
  CHECK(r.perPassage[1].alpha.value == Approx(4.0 / 9.0));
  CHECK(r.perPassage[1].start == 6);
}

TEST_CASE("class agreement: edge cases", "[agreement]") {
  std::vector<Token> toks = tokensOf(4);
  std::vector<Sentence> sents = {Sentence{0, 7, 0, 4}};
  AnnotationLayer a, b, empty1, empty2;
  a.spans = {span("T1", "P", 0, 3)};
  b.spans = {span("T9", "P", 0, 3)};
  SECTION("everyone agrees: kappa is 1.0 and defined when two categories are used") {
    ClassDocument d{"doc", &toks, &sents, {&a, &b}};
    ClassAgreement r = computeAgreement({d}, {"A", "B"});
    CHECK(r.pairs[0].cohen.defined);
    CHECK(r.pairs[0].cohen.value == Approx(1.0));
    CHECK(r.fleiss.value == Approx(1.0));
    CHECK(r.alpha.value == Approx(1.0));
    CHECK(r.spansExact == Counts{1, 0, 0});
    CHECK(r.perPassage[0].disputedTokens == 0);
  }
  SECTION("empty layers: all 'O', coefficients undefined but 1.0, span scores 1.0") {
    ClassDocument d{"doc", &toks, &sents, {&empty1, &empty2}};
    ClassAgreement r = computeAgreement({d}, {"A", "B"});
    CHECK_FALSE(r.pairs[0].cohen.defined);
    CHECK(r.pairs[0].cohen.value == 1.0);
    CHECK_FALSE(r.fleiss.defined);
    CHECK(r.fleiss.value == 1.0);
    CHECK_FALSE(r.alpha.defined);
    CHECK(r.alpha.value == 1.0);
    CHECK(r.pairs[0].spansExact.f1() == 1.0);
    CHECK(r.perLabel.empty());
  }
  SECTION("single annotator: no pairs, class coefficients undefined") {
    ClassDocument d{"doc", &toks, &sents, {&a}};
    ClassAgreement r = computeAgreement({d}, {"A"});
    CHECK(r.pairs.empty());
    CHECK_FALSE(r.fleiss.defined);
    CHECK_FALSE(r.alpha.defined);
    CHECK(r.meanPairwiseCohen() == 1.0);
  }
  SECTION("no tokens") {
    std::vector<Token> none;
    ClassDocument d{"doc", &none, nullptr, {&a, &b}};
    ClassAgreement r = computeAgreement({d}, {"A", "B"});
    CHECK(r.tokens == 0);
    CHECK_FALSE(r.pairs[0].cohen.defined);
    CHECK(r.pairs[0].cohen.value == 1.0);
  }
}

TEST_CASE("class agreement: documents are pooled (micro over documents)", "[agreement]") {
  // Document 1 as in the six-token case split in two documents of three tokens each must give
  // the same Cohen's kappa as one six-token document (11/23).
  std::vector<Token> toks = tokensOf(3);
  AnnotationLayer a1, b1, a2, b2;
  a1.spans = {span("T1", "P", 0, 3)};
  b1.spans = {span("T1", "P", 0, 1)};
  a2.spans = {span("T2", "L", 0, 1)};
  b2.spans = {span("T2", "L", 0, 3)};
  ClassDocument d1{"one", &toks, nullptr, {&a1, &b1}};
  ClassDocument d2{"two", &toks, nullptr, {&a2, &b2}};
  ClassAgreement r = computeAgreement({d1, d2}, {"A", "B"});
  CHECK(r.tokens == 6);
  CHECK(r.pairs[0].cohen.value == Approx(11.0 / 23.0));
  CHECK(r.pairs[0].spansOverlap == Counts{2, 0, 0});
}

TEST_CASE("class agreement from text uses the document tokenizer", "[agreement]") {
  std::string text = "Jiang Zemin met Putin in Beijing. They signed it.";
  AnnotationLayer a, b;
  a.annotator = "Ann";
  a.spans = {span("T1", "Person", 0, 11), span("T2", "GPE", 25, 32)};
  b.spans = {span("T1", "Person", 0, 11), span("T2", "Location", 25, 32)};
  ClassAgreement r = computeAgreement(text, std::vector<AnnotationLayer>{a, b});
  CHECK(r.annotators == std::vector<std::string>{"Ann", "annotator 2"});
  CHECK(r.tokens == tokenize(text).size());
  CHECK(r.pairs[0].spansExact == Counts{1, 1, 1});
  CHECK(r.pairs[0].cohen.value < 1.0);
  CHECK(r.pairs[0].cohen.value > 0.0);
  REQUIRE_FALSE(r.perPassage.empty());
  CHECK(r.perPassage[0].disputedTokens == 1);  // "Beijing"
}

#include <random>

TEST_CASE("class agreement: pairwise span counts equal grading one against the other",
          "[agreement]") {
  // Random layers with overlaps, duplicates and fragments: the class computation (group ids)
  // must give exactly what gradeLayer gives for every pair.
  std::mt19937 rng(7);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::vector<Token> toks = tokensOf(60);
  std::vector<AnnotationLayer> layers(5);
  for (AnnotationLayer& l : layers) {
    for (int i = 0; i < 25; ++i) {
      uint32_t s = static_cast<uint32_t>(pick(0, 50)) * 2;
      Span x = span("T" + std::to_string(i), std::string(1, static_cast<char>('A' + pick(0, 2))), s,
                    s + static_cast<uint32_t>(pick(1, 9)));
      if (x.end - x.start >= 3 && pick(0, 9) == 0)
        x.fragments = {Fragment{x.start, x.start + 1}, Fragment{x.end - 1, x.end}};
      l.spans.push_back(x);
      if (pick(0, 9) == 0) l.spans.push_back(x);  // a duplicate
    }
  }
  ClassDocument doc;
  doc.tokens = &toks;
  for (const AnnotationLayer& l : layers) doc.layers.push_back(&l);
  ClassAgreement r = computeAgreement({doc}, {"a", "b", "c", "d", "e"});
  REQUIRE(r.pairs.size() == 10);
  std::size_t moreByOverlap = 0;
  for (const PairAgreement& p : r.pairs) {
    GradeReport g = gradeLayer(layers[p.a], layers[p.b]);
    CHECK(p.spansExact == g.exact);
    CHECK(p.spansOverlap == g.overlap);
    moreByOverlap += p.spansOverlap.tp - p.spansExact.tp;
  }
  CHECK(moreByOverlap > 0);  // the data does exercise the greedy overlap step
}
