// Tests of Label Studio JSON: code-point offsets (astral characters), relations, choices, layers.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "format_labelstudio.h"
#include "formats.h"
#include "test_support.h"
#include "workspace_check.h"

using namespace scholion;
using namespace scholion::test;

TEST_CASE("Label Studio import reads code-point offsets and every result type",
          "[formats][labelstudio]") {
  auto ws = parseLabelStudioJson("tasks.json", readFormatFixture("labelstudio/tasks.json"));
  REQUIRE(ws.ok());
  REQUIRE(workspaceProblems(ws.value()).empty());
  REQUIRE(ws->documents.size() == 2);
  const DocumentData& d = ws->documents[0];
  CHECK(d.name == "task-101");
  CHECK(d.sha256 == sha256Hex(d.text));
  const AnnotationLayer& l = d.annotations;
  CHECK(l.annotator == "ann@example");
  REQUIRE(l.spans.size() == 4);
  const Span* jiang = findSpan(l, "r1");
  REQUIRE(jiang);
  CHECK(jiang->start == 2);  // after one emoji (one code point) and a space
  CHECK(jiang->end == 13);
  CHECK(jiang->text == "Jiang Zemin");
  CHECK(jiang->note == "President");
  const Span* putin = findSpan(l, "r2");
  REQUIRE(putin);
  CHECK(putin->start == 21);  // a flag is two astral code points
  CHECK(putin->text == "Putin");
  const Span* leader = findSpan(l, "r2_2");
  REQUIRE(leader);
  CHECK(leader->label == "LEADER");
  CHECK(leader->start == 21);
  REQUIRE(l.relations.size() == 2);
  CHECK(l.relations[0].label == "meets");
  CHECK(l.relations[0].from == "r1");
  CHECK(l.relations[0].to == "r2");
  CHECK(l.relations[1].label == "relation");  // no label given
  CHECK(l.relations[1].from == "r2");         // direction "left" swaps the ends
  CHECK(l.relations[1].to == "r3");
  CHECK(l.documentLabels == std::vector<std::string>{"politics"});
  CHECK(l.extras.at("labelstudio").find("rating") != std::string::npos);
  REQUIRE(d.others.size() == 1);
  CHECK(d.others[0].annotator == "user9");
  REQUIRE(d.others[0].spans.size() == 1);
  CHECK(d.others[0].spans[0].start == 18);
  CHECK(d.others[0].spans[0].end == 20);
  CHECK(d.others[0].spans[0].text == "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3");
  CHECK(ws->documents[1].annotations.spans.empty());
}

TEST_CASE("Label Studio round trip keeps everything", "[formats][labelstudio]") {
  auto ws = parseLabelStudioJson("tasks.json", readFormatFixture("labelstudio/tasks.json"));
  REQUIRE(ws.ok());
  std::string out = writeLabelStudioJson(ws.value());
  CHECK(out.find("\"start\": 21") != std::string::npos);  // written back as code points
  CHECK(out.find("\"direction\": \"left\"") != std::string::npos);
  CHECK(out.find("\"labels\": []") != std::string::npos);       // an unlabelled relation stays so
  CHECK(out.find("completed_by\": {\n") != std::string::npos);  // as it was read, not invented
  CHECK(out.find("\"rating\"") != std::string::npos);
  CHECK(out.find("\"batch\": 3") != std::string::npos);
  auto back = parseLabelStudioJson("out.json", out);
  REQUIRE(back.ok());
  CHECK(back->documents == ws->documents);
  // Detected as Label Studio from a .json array.
  auto viaRegistry = importFile("out.json", out);
  REQUIRE(viaRegistry.ok());
  CHECK(viaRegistry->documents.size() == 2);
}

TEST_CASE("Label Studio export of spans made elsewhere", "[formats][labelstudio]") {
  Workspace ws;
  DocumentData d;
  d.id = d.name = "x";
  d.text = "\xF0\x9F\x98\x80 ab cd";  // emoji, then "ab cd"
  Span s;
  s.id = "T1";
  s.label = "L";
  s.start = 2;
  s.end = 6;
  s.fragments = {{2, 4}, {5, 6}};
  s.text = "ab c";
  d.annotations.spans = {s};
  d.annotations.annotator = "me";
  ws.documents = {d};
  std::vector<std::string> warnings;
  std::string out = writeLabelStudioJson(ws, &warnings);
  CHECK(warnings.size() == 2);  // the fragments; the annotator name (no completed_by invented)
  CHECK(out.find("completed_by") == std::string::npos);
  CHECK(out.find("\"id\"") != std::string::npos);
  CHECK(out.find("\"id\": 1") == std::string::npos);  // no task id invented
  auto back = parseLabelStudioJson("o.json", out);
  REQUIRE(back.ok());
  const auto& spans = back->documents[0].annotations.spans;
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].text == "ab");
  CHECK(spans[1].text == "c");
}

TEST_CASE("Label Studio import rejects malformed tasks", "[formats][labelstudio]") {
  auto task = [](const std::string& text, const std::string& result) {
    return "[{\"data\":{\"text\":\"" + text + "\"},\"annotations\":[{\"result\":[" + result +
           "]}]}]";
  };
  auto region = [](const std::string& start, const std::string& end) {
    return "{\"id\":\"a\",\"type\":\"labels\",\"value\":{\"start\":" + start + ",\"end\":" + end +
           ",\"labels\":[\"L\"]}}";
  };
  const std::string emoji = "\xF0\x9F\x98\x80x";  // 2 UTF-16 units + 1
  struct Case {
    std::string json, expect;
  };
  const Case cases[] = {
      {task(emoji, region("0", "3")), "beyond the text (2 code points)"},
      {task(emoji, region("-1", "2")), "/value/start: negative offset -1"},
      {task(emoji, region("\"0\"", "2")), "/value/start: expected an offset"},
      {task(emoji, region("2", "2")), "empty"},
      {task(
           emoji,
           "{\"id\":\"a\",\"type\":\"labels\",\"value\":{\"start\":0,\"end\":2,\"labels\":\"L\"}}"),
       "/0/annotations/0/result/0/value/labels: expected an array, found string"},
      {task(emoji,
            region("0", "2") + ",{\"type\":\"relation\",\"from_id\":\"a\",\"to_id\":\"zz\"}"),
       "do not name a labelled region"},
      {task(emoji, region("0", "2") + "," + region("0", "2")), "duplicate region id"},
      {"[{\"data\":{\"image\":5}}]", "no text"},
      {"[{\"data\":{\"text\":\"a\"},\"annotations\":{}}]", "/0/annotations: expected an array"},
      {"5", "expected an array of tasks"},
      {"[{\"data\":{\"text\":\"a\"}},\n  {\"data\": }]", "x.json:2:"},
      {"[7]", "x.json: /0: expected a task object, found integer"},
      {task("a\\ud800b", region("0", "1")), "surrogate"},
      {task("a\xFF", region("0", "1")), "invalid UTF-8"},
  };
  for (const auto& c : cases) {
    INFO(c.json);
    auto r = parseLabelStudioJson("x.json", c.json);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find(c.expect) != std::string::npos);
  }
}

TEST_CASE("Label Studio offsets are code points, as its own emoji test expects",
          "[formats][labelstudio]") {
  // web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts: "test" at 21-25 after a cat emoji.
  const std::string cat = "\xF0\x9F\x90\xB1";
  auto region = [](int s, int e) {
    return "{\"id\":\"a\",\"from_name\":\"l\",\"to_name\":\"t\",\"type\":\"labels\","
           "\"value\":{\"start\":" +
           std::to_string(s) + ",\"end\":" + std::to_string(e) + ",\"labels\":[\"X\"]}}";
  };
  auto task = [&](const std::string& text, int s, int e) {
    return "[{\"data\":{\"text\":\"" + text + "\"},\"annotations\":[{\"result\":[" + region(s, e) +
           "]}]}]";
  };
  auto r = parseLabelStudioJson("e.json", task(cat + " Warning: This is a test text", 21, 25));
  REQUIRE(r.ok());
  CHECK(r->documents[0].annotations.spans[0].text == "test");
  auto c = parseLabelStudioJson("e.json", task(cat + "Cat", 1, 4));
  REQUIRE(c.ok());
  CHECK(c->documents[0].annotations.spans[0].text == "Cat");
}

TEST_CASE("Label Studio: data-only tasks, predictions as their own layer",
          "[formats][labelstudio]") {
  const std::string in =
      "[{\"data\":{\"text\":\"Paris is big\"}},"
      "{\"data\":{\"text\":\"Rome\"},\"predictions\":[{\"model_version\":\"ner-v2\","
      "\"score\":0.5,\"result\":[{\"id\":\"p\",\"from_name\":\"l\",\"to_name\":\"t\","
      "\"type\":\"labels\",\"value\":{\"start\":0,\"end\":4,\"labels\":[\"LOC\"]}},"
      "{\"from_id\":\"p\",\"to_id\":\"p\",\"type\":\"relation\",\"direction\":\"bi\"}]}]}]";
  auto ws = parseLabelStudioJson("p.json", in);
  REQUIRE(ws.ok());
  REQUIRE(ws->documents.size() == 2);
  CHECK(ws->documents[0].annotations.spans.empty());
  CHECK(ws->documents[0].others.empty());
  const DocumentData& rome = ws->documents[1];
  CHECK(rome.annotations.spans.empty());  // a prediction waits to be reviewed
  REQUIRE(rome.others.size() == 1);
  CHECK(rome.others[0].annotator == "ner-v2");
  REQUIRE(rome.others[0].spans.size() == 1);
  CHECK(rome.others[0].spans[0].text == "Rome");
  std::string out = writeLabelStudioJson(ws.value());
  auto j = nlohmann::json::parse(out);
  CHECK_FALSE(j[0].contains("id"));
  CHECK(j[0]["annotations"].empty());
  REQUIRE(j[1]["predictions"].size() == 1);
  CHECK(j[1]["predictions"][0]["model_version"] == "ner-v2");
  CHECK(j[1]["predictions"][0]["score"] == 0.5);
  const auto& rel = j[1]["predictions"][0]["result"][1];
  CHECK(rel["direction"] == "bi");
  CHECK(rel["labels"].empty());
  auto back = parseLabelStudioJson("p.json", out);
  REQUIRE(back.ok());
  CHECK(back->documents == ws->documents);
}
