// Disagreement passages (who chose what, in order) and adjudication helpers.
#include <catch2/catch.hpp>

#include "disagreement.h"
#include "test_support.h"

using namespace scholion;
using namespace scholion::test;

TEST_CASE("disagreements: passages where annotators differ, in order", "[disagreement]") {
  AnnotationLayer a, b, c;
  a.spans = {span("T1", "P", 0, 5), span("T2", "L", 10, 15)};
  b.spans = {span("T5", "L", 10, 14), span("T4", "P", 0, 5)};
  c.spans = {span("T1", "P", 0, 5), span("T2", "O", 20, 25)};
  std::vector<DisagreementPassage> d = findDisagreements({&a, &b, &c});
  // [0,5): everybody marked P -> no passage.
  REQUIRE(d.size() == 2);
  CHECK(d[0].start == 10);
  CHECK(d[0].end == 15);
  REQUIRE(d[0].spans.size() == 3);
  CHECK(d[0].spans[0] == std::vector<uint32_t>{1});  // a's T2
  CHECK(d[0].spans[1] == std::vector<uint32_t>{0});  // b's T5
  CHECK(d[0].spans[2].empty());                      // c marked nothing here
  // Three different choices, one annotator each, in annotator order.
  CHECK(d[0].groups == std::vector<std::vector<std::size_t>>{{0}, {1}, {2}});
  CHECK(d[1].start == 20);
  // a and b marked nothing (largest group first), c marked O.
  CHECK(d[1].groups == std::vector<std::vector<std::size_t>>{{0, 1}, {2}});
  // Stepping from a cursor.
  CHECK(passageAtOrAfter(d, 0) == 0);
  CHECK(passageAtOrAfter(d, 12) == 0);
  CHECK(passageAtOrAfter(d, 15) == 1);
  CHECK(passageAtOrAfter(d, 25) == 2);
}

TEST_CASE("disagreements: overlap chains form one passage; agreement gives none",
          "[disagreement]") {
  AnnotationLayer a, b;
  a.spans = {span("T1", "P", 0, 5), span("T2", "P", 7, 10)};
  b.spans = {span("T1", "P", 4, 8)};
  std::vector<DisagreementPassage> d = findDisagreements({&a, &b});
  REQUIRE(d.size() == 1);
  CHECK(d[0].start == 0);
  CHECK(d[0].end == 10);
  CHECK(d[0].spans[0].size() == 2);
  // Same spans in another order and with other ids: no disagreement.
  AnnotationLayer x, y;
  x.spans = {span("A", "P", 0, 5), span("B", "Q", 0, 5)};
  y.spans = {span("C", "Q", 0, 5), span("D", "P", 0, 5)};
  CHECK(findDisagreements({&x, &y}).empty());
  // Empty and single layers.
  AnnotationLayer e;
  CHECK(findDisagreements({&e, &e}).empty());
  CHECK(findDisagreements({&a}).empty());
  CHECK(findDisagreements({}).empty());
  // A label difference on identical boundaries is a disagreement.
  y.spans[0].label = "R";
  CHECK(findDisagreements({&x, &y}).size() == 1);
}

TEST_CASE("adjudication: majority vote keeps spans more than half agree on", "[disagreement]") {
  AnnotationLayer a, b, c;
  a.spans = {span("T1", "P", 0, 5), span("T2", "L", 10, 15), span("T3", "O", 20, 25)};
  b.spans = {span("T7", "P", 0, 5), span("T8", "L", 10, 14), span("T9", "O", 20, 25)};
  c.spans = {span("T1", "P", 0, 5), span("T2", "L", 10, 15)};
  a.relations = {rel("R1", "near", "T1", "T2")};
  b.relations = {rel("R1", "near", "T8", "T7")};  // endpoint T8 differs from a's
  c.relations = {rel("R5", "near", "T1", "T2"), rel("R6", "near", "T2", "T1")};
  AnnotationLayer m = majorityLayer({&a, &b, &c}, "gold");
  // P[0,5) 3 votes, L[10,15) 2, O[20,25) 2 (> 3/2): kept. L[10,14) 1: dropped.
  REQUIRE(m.spans.size() == 3);
  CHECK(m.annotator == "gold");
  CHECK(m.spans[0].start == 0);
  CHECK(m.spans[1].start == 10);
  CHECK(m.spans[1].end == 15);
  CHECK(m.spans[2].label == "O");
  CHECK(m.spans[0].id == "T1");
  CHECK(m.spans[0].annotator == "gold");
  // near(P, L): a and c (2 of 3) -> kept; directed without a schema, so c's reverse is 1 vote.
  REQUIRE(m.relations.size() == 1);
  CHECK(m.relations[0].from == m.spans[0].id);
  CHECK(m.relations[0].to == m.spans[1].id);
  // With "near" symmetric, b's reversed near(L', P) still differs (L' has other boundaries).
  Schema schema;
  RelationType near;
  near.name = "near";
  near.symmetric = true;
  schema.relationTypes = {near};
  CHECK(majorityLayer({&a, &b, &c}, "gold", &schema).relations.size() == 1);
  // Exactly half is not a majority.
  AnnotationLayer d;
  CHECK(majorityLayer({&a, &c, &d, &d}, "gold").spans.size() == 0);
  CHECK(majorityLayer({&a, &c, &d}, "gold").spans.size() == 2);
  CHECK(majorityLayer({}, "gold").spans.empty());
}

TEST_CASE("adjudication: accept one annotator's passage, accept/reject spans", "[disagreement]") {
  AnnotationLayer gold, a;
  gold.annotator = "gold";
  gold.spans = {span("T1", "P", 0, 5), span("T2", "L", 10, 14)};
  gold.relations = {rel("R1", "near", "T1", "T2")};
  a.spans = {span("T1", "P", 0, 5), span("T2", "L", 10, 15), span("T3", "O", 12, 13)};
  a.relations = {rel("R1", "near", "T1", "T2")};
  AnnotationLayer g = acceptAnnotator(gold, a, 10, 15);
  // Gold's L[10,14) and its relation go; a's L[10,15) and O[12,13) come with fresh ids; a's
  // relation to P[0,5) (identical in gold, outside the passage) is rebuilt on gold's T1.
  REQUIRE(g.spans.size() == 3);
  CHECK(g.spans[0].id == "T1");
  CHECK(g.spans[1].id == "T3");
  CHECK(g.spans[1].end == 15);
  CHECK(g.spans[1].annotator == "gold");
  CHECK(g.spans[2].id == "T4");
  REQUIRE(g.relations.size() == 1);
  CHECK(g.relations[0].from == "T1");
  CHECK(g.relations[0].to == "T3");
  CHECK(g.relations[0].id == "R2");
  // Accepting a span already present changes nothing; a new one gets a fresh id.
  CHECK(acceptSpan(g, a.spans[0]) == g);
  AnnotationLayer h = acceptSpan(g, span("X", "Q", 30, 33));
  CHECK(h.spans.back().id == "T5");
  // Rejecting removes the span and its relations.
  AnnotationLayer r = rejectSpan(g, "T3");
  CHECK(r.spans.size() == 2);
  CHECK(r.relations.empty());
  CHECK(freshSpanId(AnnotationLayer{}) == "T1");
}

TEST_CASE("adjudication: a layer change becomes one ordered command", "[disagreement]") {
  AnnotationLayer before, after;
  before.spans = {span("T1", "P", 0, 5), span("T2", "L", 10, 14)};
  before.relations = {rel("R1", "near", "T1", "T2")};
  after.spans = {span("T1", "Q", 0, 5), span("T3", "L", 10, 15)};
  after.relations = {rel("R2", "near", "T1", "T3")};
  Command c = layerChangeCommand(before, after, "Adjudicate");
  CHECK(c.description == "Adjudicate");
  REQUIRE(c.changes.size() == 5);
  CHECK(c.changes[0].kind == Change::Kind::RemoveRelation);
  CHECK(c.changes[1].kind == Change::Kind::RemoveSpan);
  CHECK(c.changes[1].span.id == "T2");
  CHECK(c.changes[2].kind == Change::Kind::ReplaceSpan);
  CHECK(c.changes[2].spanBefore.label == "P");
  CHECK(c.changes[2].span.label == "Q");
  CHECK(c.changes[3].kind == Change::Kind::AddSpan);
  CHECK(c.changes[4].kind == Change::Kind::AddRelation);
  CHECK(layerChangeCommand(before, before, "none").empty());
}
