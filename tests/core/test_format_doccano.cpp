// Tests of doccano JSONL import/export (entities/relations form, label form, document labels).
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "format_doccano.h"
#include "formats.h"
#include "test_support.h"
#include "workspace_check.h"

using namespace scholion;
using namespace scholion::test;

TEST_CASE("doccano JSONL import: entities, relations, label form, document labels",
          "[formats][doccano]") {
  auto ws = parseDoccanoJsonl("sample.jsonl", readFormatFixture("doccano/sample.jsonl"));
  REQUIRE(ws.ok());
  REQUIRE(workspaceProblems(ws.value()).empty());
  REQUIRE(ws->documents.size() == 3);
  const DocumentData& a = ws->documents[0];
  CHECK(a.name == "7");
  CHECK(a.sha256 == sha256Hex(a.text));
  // Code points: the emoji before "today" counts once.
  CHECK(sortedSpanList(a) == std::vector<std::string>{"DATE 34-39 today", "LOC 25-31 Z\xC3\xBCrich",
                                                      "NAME 0-5 Jiang", "PER 0-11 Jiang Zemin",
                                                      "PER 16-21 Putin"});
  REQUIRE(a.annotations.relations.size() == 1);
  CHECK(a.annotations.relations[0].label == "meets");
  CHECK(a.annotations.relations[0].from == "T1");
  CHECK(a.annotations.relations[0].to == "T2");
  CHECK(a.annotations.documentLabels == std::vector<std::string>{"politics"});
  CHECK(a.annotations.extras.at("doccano").find("\"meta\"") != std::string::npos);
  const DocumentData& b = ws->documents[1];
  CHECK(sortedSpanList(b) ==
        std::vector<std::string>{"DOC 0-19 Beijing declaration", "LOC 0-7 Beijing"});
  CHECK(b.annotations.documentLabels == std::vector<std::string>{"news"});
  CHECK(ws->documents[2].text.empty());
  CHECK(ws->schema.findLabel("PER") != nullptr);
  CHECK(ws->schema.findRelation("meets") != nullptr);
}

TEST_CASE("doccano round trip in both forms", "[formats][doccano]") {
  auto ws = parseDoccanoJsonl("sample.jsonl", readFormatFixture("doccano/sample.jsonl"));
  REQUIRE(ws.ok());
  for (DoccanoForm form : {DoccanoForm::Entities, DoccanoForm::Label}) {
    std::vector<std::string> warnings;
    std::string out = writeDoccanoJsonl(ws.value(), form, &warnings);
    auto back = parseDoccanoJsonl("out.jsonl", out);
    REQUIRE(back.ok());
    REQUIRE(back->documents.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(back->documents[i].text == ws->documents[i].text);
      CHECK(sortedSpanList(back->documents[i]) == sortedSpanList(ws->documents[i]));
      CHECK(back->documents[i].annotations.documentLabels ==
            ws->documents[i].annotations.documentLabels);
    }
    CHECK(back->documents[0].name == "7");  // the kept "id" field
    if (form == DoccanoForm::Entities) {
      CHECK(back->documents[0].annotations.relations.size() == 1);
      CHECK(warnings.empty());
    } else {
      CHECK(out.find("\"label\":[[0,11,\"PER\"]") != std::string::npos);
      CHECK(warnings.size() == 1);  // the relation cannot be written
    }
  }
}

TEST_CASE("doccano export of discontinuous spans and attributes warns", "[formats][doccano]") {
  Workspace ws;
  DocumentData d;
  d.id = d.name = "x";
  d.text = "ab cd";
  Span s;
  s.id = "T1";
  s.label = "L";
  s.start = 0;
  s.end = 5;
  s.fragments = {{0, 2}, {3, 5}};
  s.text = "ab cd";
  s.attributes["neg"] = "true";
  d.annotations.spans = {s};
  ws.documents = {d};
  std::vector<std::string> warnings;
  std::string out = writeDoccanoJsonl(ws, DoccanoForm::Entities, &warnings);
  CHECK(out.find("\"entities\":[]") != std::string::npos);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("T1") != std::string::npos);
  warnings.clear();
  out = writeDoccanoJsonl(ws, DoccanoForm::Label, &warnings);
  CHECK(out.find("[[0,2,\"L\"],[3,5,\"L\"]]") != std::string::npos);
}

TEST_CASE("doccano import rejects malformed lines with line numbers", "[formats][doccano]") {
  struct Case {
    std::string text, expect;
  };
  const std::string ok = "{\"text\":\"abc\",\"label\":[[0,1,\"A\"]]}\n";
  const Case cases[] = {
      {ok + "{\"text\":\"abc\",\"label\":[[0,1,\"A\"]\n", "x.jsonl:2:"},
      {"{\"text\":\"abc\",\"label\":[[-1,1,\"A\"]]}",
       "x.jsonl:1:1: /label/0/start: negative offset -1"},
      {"{\"text\":\"abc\",\"label\":[[0,4,\"A\"]]}", "beyond the text"},
      {"{\"text\":\"abc\",\"label\":[[2,1,\"A\"]]}", "reversed"},
      {"{\"text\":\"abc\",\"label\":[[0,99999999999,\"A\"]]}",
       "/label/0/end: offset 99999999999 is too large"},
      {"{\"text\":\"abc\",\"label\":[[0,1.5,\"A\"]]}",
       "/label/0/end: offset 1.5 is not a whole number"},
      {"{\"text\":5}", "/text: expected a string"},
      {"[1,2]", "x.jsonl:1:1: /: expected an object, found array"},
      {"{\"text\":\"abc\",\"label\":\"A\"}", "/label: expected an array"},
      {"{\"text\":\"abc\",\"label\":[[0,1]]}", "/label/0: expected [start, end"},
      {"{\"text\":\"abc\",\"label\":[[0,1,7]]}",
       "/label/0/label: expected a string, found integer"},
      {"{\"text\":\"abc\",\"entities\":[{\"id\":1,\"label\":\"A\",\"start_offset\":0}]}",
       "missing \"end_offset\""},
      {"{\"text\":\"abc\",\"entities\":[],\"relations\":[{\"from_id\":1,\"to_id\":2,\"type\":\"r\"}"
       "]}",
       "do not name an entity"},
      {"{\"text\":\"ab\xFF\"}", "invalid UTF-8"},
      {ok + ok + std::string(100, '[') + std::string(100, ']'), "x.jsonl:3:"},
      {"{\"text\":\"abc\",\"cats\":5}", "/cats: expected an array or an object"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto r = parseDoccanoJsonl("x.jsonl", c.text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find(c.expect) != std::string::npos);
  }
  // Two bad lines: both reported.
  auto two = parseDoccanoJsonl("x.jsonl", "{\n" + ok + "[\n");
  REQUIRE_FALSE(two.ok());
  CHECK(two.error().find("x.jsonl:1:") != std::string::npos);
  CHECK(two.error().find("x.jsonl:3:") != std::string::npos);
  // The registry detects the format from the extension and applies the same checks.
  CHECK(importFile("y.jsonl", ok).ok());
  CHECK_FALSE(importFile("y.jsonl", "{\"text\":1}").ok());
}

TEST_CASE("doccano intent-detection form: entities as triples and cats", "[formats][doccano]") {
  auto r = parseDoccanoJsonl("intent.jsonl",
                             "{\"text\":\"Go to Paris\",\"entities\":[[6,11,\"LOC\"]],"
                             "\"cats\":[\"travel\"]}\n");
  REQUIRE(r.ok());
  const AnnotationLayer& l = r->documents[0].annotations;
  REQUIRE(l.spans.size() == 1);
  CHECK(l.spans[0].label == "LOC");
  CHECK(l.spans[0].text == "Paris");
  CHECK(l.documentLabels == std::vector<std::string>{"travel"});
  auto bad =
      parseDoccanoJsonl("intent.jsonl", "{\"text\":\"Go\",\"entities\":[[0,1,\"A\"],[0,1]]}\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("intent.jsonl:1:1: /entities/1: expected [start, end") !=
        std::string::npos);
}
