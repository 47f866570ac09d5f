// Tests for the editing model: commands, validation, undo/redo, index queries, Editor swaps.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "editor.h"
#include "embedded.h"
#include "test_support.h"
#include "workspace_ops.h"

using namespace scholion;
using namespace scholion::test;

namespace {

// "Jiang Zemin met Vladimir Putin in Beijing. Jiang said Beijing welcomes Putin."
const std::string kText =
    "Jiang Zemin met Vladimir Putin in Beijing. Jiang said Beijing welcomes Putin.";

DocumentState makeState(const std::string& text = kText) {
  auto doc = Document::create(text);
  REQUIRE(doc.ok());
  DocumentData data;
  data.id = "d1";
  data.name = "test";
  data.text = text;
  return DocumentState(*doc, data);
}

std::string addSpan(DocumentState& s, const Schema& schema, const std::string& label, uint32_t a,
                    uint32_t b) {
  auto cmd = cmdAddSpan(s, schema, label, a, b, "ann");
  REQUIRE(cmd.ok());
  std::string id = cmd->changes[0].span.id;
  REQUIRE(s.apply(*cmd, schema).ok());
  return id;
}

}  // namespace

TEST_CASE("adding a span fills text and ids; undo and redo restore it", "[editor]") {
  Schema schema = newsSchema();
  auto s = makeState();
  std::string id = addSpan(s, schema, "Person", 0, 11);
  const Span* sp = s.span(id);
  REQUIRE(sp);
  CHECK(sp->text == "Jiang Zemin");
  CHECK(sp->annotator == "ann");
  CHECK(s.undoDescription() == "Add Person");
  CHECK(s.dirty());
  uint64_t rev = s.revision();
  REQUIRE(s.undo());
  CHECK(s.span(id) == nullptr);
  CHECK(s.data().annotations.spans.empty());
  CHECK(s.revision() > rev);
  REQUIRE(s.redo());
  REQUIRE(s.span(id));
  CHECK(s.span(id)->text == "Jiang Zemin");
  CHECK_FALSE(s.redo());
  s.markSaved();
  CHECK_FALSE(s.dirty());
}

TEST_CASE("invalid requests are rejected and change nothing", "[editor]") {
  Schema schema = newsSchema();
  auto s = makeState();
  CHECK_FALSE(cmdAddSpan(s, schema, "Alien", 0, 5, "").ok());
  CHECK_FALSE(cmdAddSpan(s, schema, "Person", 5, 5, "").ok());
  CHECK_FALSE(cmdAddSpan(s, schema, "Person", 0, 1000, "").ok());
  std::string id = addSpan(s, schema, "Person", 0, 5);
  CHECK_FALSE(cmdAddSpan(s, schema, "Person", 0, 5, "").ok());  // exact duplicate
  auto before = s.data();
  uint64_t rev = s.revision();
  // A hand-made command whose second change is bad: the first must be rolled back.
  Command bad;
  bad.description = "bad";
  Change ok;
  ok.kind = Change::Kind::AddSpan;
  ok.span.id = "T99";
  ok.span.label = "GPE";
  ok.span.start = 34;
  ok.span.end = 41;
  ok.span.text = "Beijing";
  bad.changes.push_back(ok);
  Change dup = ok;
  dup.span.id = id;  // id already used
  bad.changes.push_back(dup);
  auto st = s.apply(bad, schema);
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().find("already exists") != std::string::npos);
  CHECK(s.data() == before);
  CHECK(s.span("T99") == nullptr);
  CHECK(s.revision() == rev);
  // Wrong covered text, out-of-range offsets, bad fragments, unknown relation endpoint.
  Command wrongText;
  Change c = ok;
  c.span.text = "Peking";
  wrongText.changes.push_back(c);
  CHECK_FALSE(s.apply(wrongText, schema).ok());
  Command outOfRange;
  c = ok;
  c.span.end = 5000;
  outOfRange.changes.push_back(c);
  CHECK_FALSE(s.apply(outOfRange, schema).ok());
  Command badFragments;
  c = ok;
  c.span.fragments = {{34, 38}, {36, 41}};
  badFragments.changes.push_back(c);
  CHECK_FALSE(s.apply(badFragments, schema).ok());
  Command badRel;
  Change r;
  r.kind = Change::Kind::AddRelation;
  r.relation = {"R1", "member-of", id, "T404", ""};
  badRel.changes.push_back(r);
  CHECK_FALSE(s.apply(badRel, schema).ok());
  CHECK(s.data() == before);
  CHECK(s.undoDepth() == 1);
}

TEST_CASE("deleting a span deletes its relations; undo brings both back in order", "[editor]") {
  Schema schema = newsSchema();
  auto s = makeState();
  std::string jiang = addSpan(s, schema, "Person", 0, 11);
  std::string putin = addSpan(s, schema, "Person", 16, 30);
  std::string beijing = addSpan(s, schema, "GPE", 34, 41);
  std::string other = addSpan(s, schema, "GPE", 53, 60);
  auto meets = cmdAddRelation(s, schema, "meets-with", jiang, putin);
  REQUIRE(meets.ok());
  REQUIRE(s.apply(*meets, schema).ok());
  CHECK_FALSE(cmdAddRelation(s, schema, "meets-with", putin, jiang).ok());   // symmetric duplicate
  CHECK_FALSE(cmdAddRelation(s, schema, "member-of", beijing, jiang).ok());  // wrong direction
  auto member = cmdAddRelation(s, schema, "member-of", putin, beijing);
  REQUIRE(member.ok());
  REQUIRE(s.apply(*member, schema).ok());
  std::vector<const Relation*> rels;
  s.relationsOf(putin, rels);
  CHECK(rels.size() == 2);

  auto snapshot = s.data();
  auto del = cmdDeleteSpan(s, putin);
  REQUIRE(del.ok());
  CHECK(del->changes.size() == 3);
  REQUIRE(s.apply(*del, schema).ok());
  CHECK(s.span(putin) == nullptr);
  CHECK(s.data().annotations.relations.empty());
  CHECK(s.data().annotations.spans.size() == 3);
  rels.clear();
  s.relationsOf(jiang, rels);
  CHECK(rels.empty());
  REQUIRE(s.undo());
  CHECK(s.data() == snapshot);  // same spans and relations, same order
  rels.clear();
  s.relationsOf(jiang, rels);
  REQUIRE(rels.size() == 1);
  CHECK(rels[0]->to == putin);
  REQUIRE(s.redo());
  CHECK(s.span(putin) == nullptr);
  CHECK(s.span(other) != nullptr);
  // Removing a span that still has relations through a raw change is refused.
  REQUIRE(s.undo());
  Command raw;
  Change rm;
  rm.kind = Change::Kind::RemoveSpan;
  rm.span.id = jiang;
  raw.changes.push_back(rm);
  CHECK_FALSE(s.apply(raw, schema).ok());
}

TEST_CASE("relabel, resize, attributes, notes, document labels are undoable", "[editor]") {
  Schema schema = newsSchema();
  auto s = makeState();
  std::string id = addSpan(s, schema, "Person", 0, 5);
  auto original = *s.span(id);

  auto relabel = cmdRelabelSpan(s, id, "Organization");
  REQUIRE(relabel.ok());
  REQUIRE(s.apply(*relabel, schema).ok());
  CHECK(s.span(id)->label == "Organization");
  auto badRelabel = cmdRelabelSpan(s, id, "Alien");
  REQUIRE(badRelabel.ok());
  CHECK_FALSE(s.apply(*badRelabel, schema).ok());  // apply checks the schema

  auto resize = cmdResizeSpan(s, id, 0, 11);
  REQUIRE(resize.ok());
  REQUIRE(s.apply(*resize, schema).ok());
  CHECK(s.span(id)->text == "Jiang Zemin");
  CHECK_FALSE(cmdResizeSpan(s, id, 3, 3).ok());

  auto attr = cmdSetAttribute(s, schema, id, "certainty", "low");
  REQUIRE(attr.ok());
  REQUIRE(s.apply(*attr, schema).ok());
  CHECK(s.span(id)->attributes.at("certainty") == "low");
  auto badValue = cmdSetAttribute(s, schema, id, "certainty", "maybe");
  REQUIRE(badValue.ok());
  CHECK_FALSE(s.apply(*badValue, schema).ok());
  auto neg = cmdSetAttribute(s, schema, id, "negated", "true");
  REQUIRE(neg.ok());
  REQUIRE(s.apply(*neg, schema).ok());
  auto unneg = cmdSetAttribute(s, schema, id, "negated", "false");
  REQUIRE(unneg.ok());
  REQUIRE(s.apply(*unneg, schema).ok());
  CHECK(s.span(id)->attributes.count("negated") == 0);
  CHECK_FALSE(cmdSetAttribute(s, schema, id, "colour", "red").ok());

  auto note = cmdSetSpanNote(s, id, "check \xE2\x9C\x93");
  REQUIRE(note.ok());
  REQUIRE(s.apply(*note, schema).ok());
  CHECK(s.span(id)->note == "check \xE2\x9C\x93");

  auto labels = cmdSetDocumentLabels(s, {"Diplomacy", "Politics", "Diplomacy"});
  REQUIRE(labels.ok());
  REQUIRE(s.apply(*labels, schema).ok());
  CHECK(s.data().annotations.documentLabels == std::vector<std::string>{"Diplomacy", "Politics"});
  auto badLabels = cmdSetDocumentLabels(s, {"Sports"});
  REQUIRE(badLabels.ok());
  CHECK_FALSE(s.apply(*badLabels, schema).ok());

  while (s.canUndo()) s.undo();
  CHECK(s.data().annotations.spans.empty());
  CHECK(s.data().annotations.documentLabels.empty());
  while (s.canRedo()) s.redo();
  CHECK(s.span(id)->note == "check \xE2\x9C\x93");
  CHECK(s.span(id)->label == "Organization");
  CHECK(original.label == "Person");
}

TEST_CASE("label every occurrence is one step and matches whole tokens only", "[editor]") {
  Schema schema = newsSchema();
  auto s = makeState("Li met Lin. Li and Li Peng met. Li");
  auto cmd = cmdLabelEveryOccurrence(s, schema, "Li", "Person", "ann");
  REQUIRE(cmd.ok());
  CHECK(cmd->changes.size() == 4);  // not inside "Lin"
  REQUIRE(s.apply(*cmd, schema).ok());
  CHECK(s.data().annotations.spans.size() == 4);
  for (const auto& sp : s.data().annotations.spans) CHECK(sp.text == "Li");
  auto again = cmdLabelEveryOccurrence(s, schema, "Li", "Person", "ann");
  CHECK_FALSE(again.ok());  // all already labelled
  REQUIRE(s.undo());
  CHECK(s.data().annotations.spans.empty());
  CHECK_FALSE(cmdLabelEveryOccurrence(s, schema, "Xi", "Person", "").ok());

  auto ranges = cmdLabelRanges(s, schema, {{0, 2}, {7, 10}, {0, 2}}, "Person", "ann");
  REQUIRE(ranges.ok());
  CHECK(ranges->changes.size() == 2);
  REQUIRE(s.apply(*ranges, schema).ok());
  CHECK(s.undoDescription() == "Label 2 ranges Person");
  CHECK_FALSE(cmdLabelRanges(s, schema, {{0, 200}}, "Person", "").ok());
}

TEST_CASE("overlap queries match brute force with nesting, fragments and a huge span",
          "[editor][index]") {
  Schema schema = newsSchema();
  std::string text;
  for (int i = 0; i < 400; ++i) text += "word\xC3\xA9 ";  // 6 code points each
  const uint32_t len = 2400;
  auto doc = Document::create(text);
  REQUIRE(doc.ok());
  DocumentData data;
  data.id = "d";
  data.text = text;
  std::mt19937 rng(7);
  auto makeSpan = [&](int n, uint32_t a, uint32_t b) {
    Span sp;
    sp.id = "S" + std::to_string(n);
    sp.label = "Misc";
    sp.start = a;
    sp.end = b;
    return sp;
  };
  for (int n = 0; n < 300; ++n) {
    uint32_t a = rng() % (len - 1);
    uint32_t b = std::min<uint32_t>(len, a + 1 + rng() % 40);
    data.annotations.spans.push_back(makeSpan(n, a, b));
  }
  data.annotations.spans.push_back(makeSpan(300, 0, len));  // one huge span
  Span frag = makeSpan(301, 100, 900);
  frag.fragments = {{100, 110}, {890, 900}};
  data.annotations.spans.push_back(frag);
  DocumentState s(*doc, data);

  auto brute = [&](uint32_t a, uint32_t b) {
    std::vector<std::string> ids;
    for (const auto& sp : s.data().annotations.spans) {
      bool hit = false;
      if (sp.fragments.empty()) hit = sp.start < b && sp.end > a;
      for (const auto& f : sp.fragments) hit = hit || (f.start < b && f.end > a);
      if (hit) ids.push_back(sp.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  auto query = [&](uint32_t a, uint32_t b) {
    std::vector<const Span*> out;
    s.spansOverlapping(a, b, out);
    for (std::size_t i = 1; i < out.size(); ++i) CHECK(out[i - 1]->start <= out[i]->start);
    std::vector<std::string> ids;
    for (auto* sp : out) ids.push_back(sp->id);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  for (int q = 0; q < 200; ++q) {
    uint32_t a = rng() % len, b = a + 1 + rng() % 100;
    REQUIRE(query(a, b) == brute(a, b));
  }
  // The fragment span is not reported inside its gap.
  auto gap = query(500, 501);
  CHECK(std::find(gap.begin(), gap.end(), "S301") == gap.end());
  std::vector<const Span*> at;
  s.spansAt(105, at);
  CHECK(std::any_of(at.begin(), at.end(), [](const Span* sp) { return sp->id == "S301"; }));
  // After many random edits and undos the index still agrees.
  for (int step = 0; step < 150; ++step) {
    int op = rng() % 3;
    if (op == 0) {
      uint32_t a = rng() % (len - 1);
      auto cmd = cmdAddSpan(s, schema, "Date", a, std::min<uint32_t>(len, a + 1 + rng() % 30), "");
      if (cmd.ok()) REQUIRE(s.apply(*cmd, schema).ok());
    } else if (op == 1 && !s.data().annotations.spans.empty()) {
      const auto& spans = s.data().annotations.spans;
      auto cmd = cmdDeleteSpan(s, spans[rng() % spans.size()].id);
      REQUIRE(cmd.ok());
      REQUIRE(s.apply(*cmd, schema).ok());
    } else {
      s.undo();
    }
    uint32_t a = rng() % len;
    REQUIRE(query(a, a + 50) == brute(a, a + 50));
    for (const auto& sp : s.data().annotations.spans) REQUIRE(s.span(sp.id) == &sp);
  }
}

TEST_CASE("Editor validates a workspace before swapping it in", "[editor]") {
  Editor ed;
  Workspace ws;
  ws.schema = newsSchema();
  ws.annotator = "alice";
  DocumentData d;
  d.id = "a";
  d.name = "A";
  d.text = "Putin visited Beijing.";
  d.annotations.spans.push_back({"T1", "Person", 0, 5, {}, "Putin", {}, "", ""});
  ws.documents.push_back(d);
  REQUIRE(ed.load(ws).ok());
  CHECK(ed.documentCount() == 1);
  CHECK_FALSE(ed.dirty());
  CHECK(ed.doc(0).data().sha256 == sha256Hex(d.text));
  uint64_t rev = ed.revision();

  Workspace bad = ws;
  bad.documents[0].annotations.spans[0].end = 99;
  bad.documents.push_back(d);  // duplicate id as well
  auto st = ed.load(bad);
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().find("/documents/0/spans/0/end") != std::string::npos);
  CHECK(st.error().find("/documents/1/id: duplicate document id") != std::string::npos);
  CHECK(ed.documentCount() == 1);  // nothing changed
  CHECK(ed.revision() == rev);

  auto cmd = cmdAddSpan(ed.activeDoc(), ed.schema(), "GPE", 14, 21, ed.annotator());
  REQUIRE(cmd.ok());
  REQUIRE(ed.apply(ed.active(), *cmd).ok());
  CHECK(ed.dirty());
  CHECK(ed.revision() > rev);
  Workspace snap = ed.snapshot();
  CHECK(snap.documents[0].annotations.spans.size() == 2);
  CHECK(snap.annotator == "alice");
  ed.markSaved();
  CHECK_FALSE(ed.dirty());

  DocumentData e;
  e.name = "B";
  e.text = "bad \xFF";
  CHECK_FALSE(ed.apply(planAddDocuments(ed, {e}, "Add B")).ok());
  CHECK(ed.documentCount() == 1);
  e.text = "second";
  REQUIRE(ed.apply(planAddDocuments(ed, {e}, "Add B")).ok());
  CHECK(ed.documentCount() == 2);
  CHECK(ed.active() == 1);
  CHECK_FALSE(ed.doc(1).data().id.empty());
  uint64_t r2 = ed.revision();
  REQUIRE(ed.apply(planRemoveDocument(ed, 0)).ok());
  CHECK(ed.documentCount() == 1);
  CHECK(ed.revision() > r2);
}
