// Tests of the W3C Web Annotation export: selectors in code points, relations, document labels.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "format_webanno.h"
#include "formats.h"
#include "test_support.h"

using namespace scholion;
using namespace scholion::test;
using json = nlohmann::json;

namespace {

Workspace sample() {
  Workspace ws;
  DocumentData d;
  d.id = "d 1";
  d.name = "story.txt";
  d.text = "\xF0\x9F\x98\x80 Jiang met Putin in Z\xC3\xBCrich";
  d.sha256 = sha256Hex(d.text);
  Span jiang = span("T1", "Person", 2, 7, "Jiang");
  jiang.attributes["Certainty"] = "High";
  jiang.note = "president";
  Span both = span("T3", "Pair", 2, 17, "Jiang Putin");
  both.fragments = {{2, 7}, {12, 17}};
  d.annotations.spans = {jiang, span("T2", "Person", 12, 17, "Putin"), both,
                         span("T4", "Location", 21, 27, "Z\xC3\xBCrich")};
  Relation r;
  r.id = "R1";
  r.label = "meets";
  r.from = "T1";
  r.to = "T2";
  d.annotations.relations = {r};
  d.annotations.documentLabels = {"politics"};
  d.annotations.annotator = "ann";
  ws.documents = {d};
  return ws;
}

const json* byId(const json& items, const std::string& id) {
  for (const auto& a : items) {
    if (a["id"] == id) return &a;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Web Annotation export: collection, selectors, bodies, relations", "[formats][webanno]") {
  std::vector<std::string> warnings;
  std::string out = writeWebAnnotation(sample(), WebAnnoOptions(), &warnings);
  CHECK(warnings.empty());
  json j = json::parse(out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["type"] == "AnnotationCollection");
  // Always the Web Annotation context; the collection and its page have IRIs.
  CHECK(j["@context"] == kWebAnnoContext);
  CHECK(isAbsoluteIri(j["id"].get<std::string>()));
  CHECK(isAbsoluteIri(j["first"]["id"].get<std::string>()));
  CHECK(j["first"]["partOf"]["id"] == j["id"]);
  CHECK(j["first"]["partOf"]["total"] == j["total"]);
  const std::string sha = sha256Hex(sample().documents[0].text);
  const std::string doc = "urn:sha256:" + sha, base = "urn:scholion:" + sha + ":";
  const json& items = j["first"]["items"];
  CHECK(j["total"] == items.size());
  CHECK(items.size() == 6);  // 4 spans, 1 relation, 1 document-label annotation
  const json* t1 = byId(items, base + "T1");
  REQUIRE(t1);
  CHECK((*t1)["motivation"] == "tagging");
  CHECK((*t1)["body"][0]["value"] == "Person");
  CHECK((*t1)["body"][0]["purpose"] == "tagging");
  CHECK((*t1)["body"][1]["value"] == "Certainty=High");
  CHECK((*t1)["body"][2]["purpose"] == "commenting");
  CHECK((*t1)["creator"]["name"] == "ann");
  const json& sel = (*t1)["target"]["selector"];
  CHECK((*t1)["target"]["source"] == doc);  // an IRI: the hash of the text
  CHECK(sel[0]["type"] == "TextQuoteSelector");
  CHECK(sel[0]["exact"] == "Jiang");
  CHECK(sel[0]["prefix"] == "\xF0\x9F\x98\x80 ");
  CHECK(sel[0]["suffix"] == " met Putin in Z\xC3\xBCrich");
  CHECK(sel[1]["type"] == "TextPositionSelector");
  CHECK(sel[1]["start"] == 2);  // code points: the emoji counts once
  CHECK(sel[1]["end"] == 7);
  const json* t4 = byId(items, base + "T4");
  REQUIRE(t4);
  CHECK((*t4)["target"]["selector"][0]["suffix"] == "");
  CHECK((*t4)["target"]["selector"][1]["end"] == 27);
  const json* t3 = byId(items, base + "T3");
  REQUIRE(t3);
  REQUIRE((*t3)["target"].is_array());
  CHECK((*t3)["target"].size() == 2);
  CHECK((*t3)["target"][1]["selector"][0]["exact"] == "Putin");
  const json* r1 = byId(items, base + "R1");
  REQUIRE(r1);
  CHECK((*r1)["motivation"] == "linking");
  CHECK((*r1)["target"] == json::array({base + "T1", base + "T2"}));
  const json* labels = byId(items, base + "document-labels");
  REQUIRE(labels);
  CHECK((*labels)["motivation"] == "classifying");
  CHECK((*labels)["target"] == doc);
}

TEST_CASE("Web Annotation export options and registry", "[formats][webanno]") {
  WebAnnoOptions opt;
  opt.baseIri = "https://example.org/texts/";
  opt.quoteContext = 2;
  json j = json::parse(writeWebAnnotation(sample(), opt), nullptr, false);
  CHECK(j["id"] == "https://example.org/texts/collection");
  CHECK(j["first"]["items"][0]["target"]["source"] == "https://example.org/texts/story.txt");
  CHECK(j["first"]["items"][0]["id"] == "https://example.org/texts/annotations/story.txt/T1");
  CHECK(j["first"]["items"][0]["target"]["selector"][0]["suffix"] == " m");
  auto viaRegistry = exportFile(sample(), Format::WebAnno);
  REQUIRE(viaRegistry.ok());
  CHECK(formatFromFileName("x.jsonld") == Format::WebAnno);
  CHECK_FALSE(canImport(Format::WebAnno));
  CHECK_FALSE(importFile("x.jsonld", viaRegistry.value()).ok());
  // A base IRI must be absolute.
  ExportOptions bad;
  bad.webAnno.baseIri = "texts/";
  auto refused = exportFile(sample(), Format::WebAnno, bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("not an absolute IRI") != std::string::npos);
  CHECK_FALSE(isAbsoluteIri("story.txt"));
  CHECK_FALSE(isAbsoluteIri("urn:a b"));
  CHECK(isAbsoluteIri("urn:sha256:00"));
}

TEST_CASE("Web Annotation export: brat normalisations link, the rest is a warning",
          "[formats][webanno]") {
  Workspace ws = sample();
  ws.documents[0].annotations.extras["brat"] =
      "N1\tReference T1 Wikipedia:534366\tJiang Zemin\n"
      "N2\tReference T2 Entrez_Gene:12\tX\n"
      "E1\tMeet:T9 Agent:T1\n"
      "*\tEquiv T1 T2\n";
  DocumentData other = ws.documents[0];
  ws.documents[0].others = {other.annotations};
  std::vector<std::string> warnings;
  json j = json::parse(writeWebAnnotation(ws, WebAnnoOptions(), &warnings), nullptr, false);
  const std::string base = "urn:scholion:" + sha256Hex(ws.documents[0].text) + ":";
  const json* t1 = byId(j["first"]["items"], base + "T1");
  REQUIRE(t1);
  const json& link = (*t1)["body"].back();
  CHECK(link["type"] == "SpecificResource");
  CHECK(link["source"] == "Wikipedia:534366");
  CHECK(link["purpose"] == "linking");
  // A database name that is no IRI scheme still gives an IRI.
  const json* t2 = byId(j["first"]["items"], base + "T2");
  REQUIRE(t2);
  CHECK(isAbsoluteIri((*t2)["body"].back()["source"].get<std::string>()));
  std::string all;
  for (const auto& w : warnings) all += w + "\n";
  CHECK(all.find("1 brat events not exported") != std::string::npos);
  CHECK(all.find("1 brat equivalences not exported") != std::string::npos);
  CHECK(all.find("other annotators' layers not exported") != std::string::npos);
}
