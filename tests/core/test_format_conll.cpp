// Tests of the CoNLL / IOB format: IOB1, IOB2, BIOES import and export, left-out spans.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "format_conll.h"
#include "formats.h"
#include "test_support.h"
#include "workspace_check.h"

using namespace scholion;
using namespace scholion::test;

namespace {

Workspace oneDoc(const std::string& text, const std::vector<Span>& spans) {
  Workspace ws;
  DocumentData d;
  d.id = d.name = "doc";
  d.text = text;
  d.sha256 = sha256Hex(text);
  d.annotations.spans = spans;
  ws.documents.push_back(d);
  return ws;
}

}  // namespace

TEST_CASE("CoNLL-2003 four columns: documents, text, spans, round trip", "[formats][conll]") {
  const std::string bytes = readFormatFixture("conll/conll2003.conll");
  auto ws = parseConll("conll2003.conll", bytes);
  REQUIRE(ws.ok());
  REQUIRE(workspaceProblems(ws.value()).empty());
  REQUIRE(ws->documents.size() == 2);
  const DocumentData& a = ws->documents[0];
  CHECK(a.text == "EU rejects German call to boycott British lamb .\nPeter Blackburn");
  CHECK(a.sha256 == sha256Hex(a.text));
  CHECK(spanList(a) == std::vector<std::string>{"ORG 0-2 EU", "MISC 11-17 German",
                                                "MISC 34-41 British", "PER 49-64 Peter Blackburn"});
  const DocumentData& b = ws->documents[1];
  CHECK(b.text == "Z\xC3\xBCrich and S\xC3\xA3o Paulo");
  // Code points, not bytes; the last span ends the text.
  CHECK(spanList(b) ==
        std::vector<std::string>{"LOC 0-6 Z\xC3\xBCrich", "LOC 11-20 S\xC3\xA3o Paulo"});
  CHECK(ws->schema.findLabel("MISC") != nullptr);
  // Tokens, POS/chunk columns and DOCSTART lines survive a round trip byte for byte.
  auto out = writeConll(ws.value(), BioScheme::Iob2);
  REQUIRE(out.ok());
  CHECK(out->text == bytes);
  CHECK(out->leftOut.empty());
}

TEST_CASE("CoNLL IOB1 (original CoNLL-2003 tags) imports and exports", "[formats][conll]") {
  const std::string bytes = readFormatFixture("conll/iob1.conll");
  auto ws = parseConll("iob1.conll", bytes);
  REQUIRE(ws.ok());
  REQUIRE(ws->documents.size() == 1);
  CHECK(spanList(ws->documents[0]) ==
        std::vector<std::string>{"ORG 0-4 U.N.", "PER 14-19 Ekeus", "LOC 30-37 Baghdad",
                                 "LOC 40-47 Germany", "LOC 48-54 France", "LOC 59-64 Italy"});
  auto iob1 = writeConll(ws.value(), BioScheme::Iob1);
  REQUIRE(iob1.ok());
  CHECK(iob1->text == bytes);
  auto iob2 = writeConll(ws.value(), BioScheme::Iob2);
  REQUIRE(iob2.ok());
  CHECK(iob2->text.find("U.N. B-ORG\n") != std::string::npos);
  CHECK(iob2->text.find("Germany B-LOC\nFrance B-LOC\n") != std::string::npos);
  // IOB2 output decodes to the same spans.
  auto again = parseConll("again.conll", iob2->text);
  REQUIRE(again.ok());
  CHECK(spanList(again->documents[0]) == spanList(ws->documents[0]));
}

TEST_CASE("CoNLL BIOES imports and exports", "[formats][conll]") {
  const std::string bytes = readFormatFixture("conll/bioes.conll");
  auto ws = parseConll("bioes.conll", bytes);
  REQUIRE(ws.ok());
  CHECK(spanList(ws->documents[0]) ==
        std::vector<std::string>{"LOC 0-8 New York", "PER 18-23 Obama"});
  auto out = writeConll(ws.value(), BioScheme::Bioes);
  REQUIRE(out.ok());
  CHECK(out->text == bytes);
  REQUIRE(bioSchemeFromName("IOBES").has_value());
  CHECK(*bioSchemeFromName("bio") == BioScheme::Iob2);
  CHECK_FALSE(bioSchemeFromName("bilou").has_value());
}

TEST_CASE("CoNLL export of a plain document uses the tokenizer and lists left-out spans",
          "[formats][conll]") {
  const std::string text = "Jiang Zemin met Vladimir Putin. They signed it.";
  Span disc = span("T4", "Person", 0, 11, "Jiang Zemin");
  disc.fragments = {{0, 5}, {6, 11}};
  disc.text = "Jiang Zemin";
  auto ws = oneDoc(
      text,
      {span("T1", "Person", 0, 11, "Jiang Zemin"), span("T2", "Person", 16, 30, "Vladimir Putin"),
       span("T3", "Location", 25, 30, "Putin"), disc, span("T5", "Thing", 11, 12, " ")});
  auto out = writeConll(ws, BioScheme::Iob2);
  REQUIRE(out.ok());
  CHECK(out->text.rfind(
            "Jiang B-Person\nZemin I-Person\nmet O\nVladimir B-Person\nPutin I-Person\n", 0) == 0);
  CHECK(out->text.find("\n\nThey O\n") != std::string::npos);  // sentence break
  REQUIRE(out->leftOut.size() == 3);
  std::vector<std::string> ids;
  for (const auto& l : out->leftOut) ids.push_back(l.spanId);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"T3", "T4", "T5"});
  for (const auto& l : out->leftOut) {
    if (l.spanId == "T3") {
      CHECK(l.reason == "overlaps T2");
      CHECK(l.describe() == "doc: span T3 [Location] \"Putin\" left out: overlaps T2");
    }
    if (l.spanId == "T4") CHECK(l.reason.find("discontinuous") != std::string::npos);
    if (l.spanId == "T5") CHECK(l.reason == "covers no token");
  }
  // The registry turns them into warnings.
  std::vector<std::string> warnings;
  ExportOptions opt;
  opt.scheme = BioScheme::Bioes;
  auto viaRegistry = exportFile(ws, Format::Conll, opt, &warnings);
  REQUIRE(viaRegistry.ok());
  CHECK(warnings.size() == 3);
  CHECK(viaRegistry->find("Jiang B-Person\nZemin E-Person\n") != std::string::npos);
}

TEST_CASE("CoNLL IOB1 export marks adjacent spans of one type with B", "[formats][conll]") {
  auto ws = oneDoc("Germany France Italy",
                   {span("T1", "LOC", 0, 7, "Germany"), span("T2", "LOC", 8, 14, "France"),
                    span("T3", "ORG", 15, 20, "Italy")});
  auto out = writeConll(ws, BioScheme::Iob1);
  REQUIRE(out.ok());
  CHECK(out->text == "Germany I-LOC\nFrance B-LOC\nItaly I-ORG\n\n");
  auto bioes = writeConll(ws, BioScheme::Bioes);
  REQUIRE(bioes.ok());
  CHECK(bioes->text == "Germany S-LOC\nFrance S-LOC\nItaly S-ORG\n\n");
}

TEST_CASE("CoNLL import: two columns, tabs, CRLF, IO tags, several docs", "[formats][conll]") {
  auto ws = parseConll("t.conll", "A\tB-X\r\nb\tI-X\r\nc\tY\r\n\r\nd\tO\r\n");
  REQUIRE(ws.ok());
  CHECK(ws->documents[0].text == "A b c\nd");
  CHECK(spanList(ws->documents[0]) == std::vector<std::string>{"X 0-3 A b", "Y 4-5 c"});
  auto many =
      parseConll("m.conll", "-DOCSTART- O\n\na B-X\n\n-DOCSTART- O\n\n-DOCSTART- O\n\nb O\n");
  REQUIRE(many.ok());
  REQUIRE(many->documents.size() == 3);
  CHECK(many->documents[1].text.empty());
  CHECK(many->documents[2].text == "b");
  auto empty = parseConll("e.conll", "");
  REQUIRE(empty.ok());
  CHECK(empty->documents.size() == 1);
  CHECK(empty->documents[0].text.empty());
}

TEST_CASE("CoNLL import rejects malformed files with line and column", "[formats][conll]") {
  auto one = parseConll("x.conll", "a O\nlonely\n");
  REQUIRE_FALSE(one.ok());
  CHECK(one.error().find("x.conll:2:1: expected a token and a tag") != std::string::npos);
  auto notype = parseConll("x.conll", "a O\nb B-\n");
  REQUIRE_FALSE(notype.ok());
  CHECK(notype.error().find("x.conll:2:3: tag 'B-' has no type") != std::string::npos);
  auto utf = parseConll("x.conll", "a O\nb\xC3 O\n");
  REQUIRE_FALSE(utf.ok());
  CHECK(utf.error().find("x.conll:2:2: invalid UTF-8") != std::string::npos);
  auto several = parseConll("x.conll", "a\nb O\nc\n");
  REQUIRE_FALSE(several.ok());
  CHECK(several.error().find("x.conll:1:1") != std::string::npos);
  CHECK(several.error().find("x.conll:3:1") != std::string::npos);
}

TEST_CASE("Sentences never end inside a token: PU.1 and ?:? stay whole", "[formats][conll]") {
  const std::string text = "PU.1 binds DNA. The ?:? motif is odd. Done.";
  auto ws = oneDoc(text, {span("T1", "Protein", 0, 4, "PU.1"), span("T2", "Motif", 20, 23, "?:?")});
  auto out = writeConll(ws, BioScheme::Iob2);
  REQUIRE(out.ok());
  CHECK(out->leftOut.empty());
  CHECK(out->text.rfind("PU B-Protein\n. I-Protein\n1 I-Protein\nbinds O\n", 0) == 0);
  CHECK(out->text.find("\nThe O\n? B-Motif\n: I-Motif\n? I-Motif\n") != std::string::npos);
  CHECK(out->text.find("DNA O\n. O\n\nThe O\n") != std::string::npos);  // still a break there
}

TEST_CASE("CoNLL export names every kind of annotation it drops", "[formats][conll]") {
  Span t1 = span("T1", "Named Entity", 0, 5, "Jiang");
  t1.attributes["Certainty"] = "High";
  t1.note = "president";
  auto ws = oneDoc("Jiang met Putin.", {t1, span("T2", "Person", 10, 15, "Putin")});
  DocumentData& d = ws.documents[0];
  d.annotations.relations = {Relation{"R1", "meets", "T1", "T2", ""}};
  d.annotations.documentLabels = {"politics"};
  d.annotations.extras["brat"] = "E1\tMeet:T1\nN1\tReference T1 W:1\tx\n*\tEquiv T1 T2\n";
  d.others.push_back(d.annotations);
  std::vector<std::string> warnings;
  auto out = exportFile(ws, Format::Conll, ExportOptions(), &warnings);
  REQUIRE(out.ok());
  CHECK(out->find("Jiang B-Named_Entity\n") != std::string::npos);  // one column
  std::string all;
  for (const auto& w : warnings) all += w + "\n";
  INFO(all);
  for (const char* lost : {"1 relations", "1 span attributes", "1 notes", "1 brat events",
                           "1 brat normalisations", "1 brat equivalences", "1 document labels",
                           "1 other annotators' layers", "label 'Named Entity' written as"}) {
    CHECK(all.find(lost) != std::string::npos);
  }
}
