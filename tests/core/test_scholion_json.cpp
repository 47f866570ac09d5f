// Tests for the Scholion JSON format and the safe JSON parser: round-trips and hostile input.
#include <catch2/catch.hpp>
#include <random>

#include "editor.h"
#include "embedded.h"
#include "json_util.h"
#include "scholion_json.h"
#include "test_support.h"
#include "text.h"

using namespace scholion;
using namespace scholion::test;

namespace {

// Random text mixing ASCII, Latin, CJK, no-break spaces and astral code points.
std::string randomText(std::mt19937& rng, int n) {
  const uint32_t pool[] = {'a',  'b',  'Z',    ' ',     '\n',    '"',   '\\',
                           0xA0, 0xE9, 0x4E2D, 0x1F600, 0x10348, 0x2028};
  std::string s;
  for (int i = 0; i < n; ++i) appendUtf8(s, pool[rng() % 13]);
  return s;
}

std::string slice(const std::string& text, uint32_t a, uint32_t b) {
  OffsetIndex idx(text);
  return text.substr(idx.byteOfCp(a), idx.byteOfCp(b) - idx.byteOfCp(a));
}

AnnotationLayer randomLayer(std::mt19937& rng, const std::string& text, uint32_t len,
                            const std::string& annotator) {
  AnnotationLayer l;
  l.annotator = annotator;
  int spans = len < 4 ? 0 : static_cast<int>(rng() % 12);
  for (int i = 0; i < spans; ++i) {
    Span s;
    s.id = "T" + std::to_string(i + 1);
    s.label = (rng() % 2) ? "Person" : "Label \xE2\x9C\x93";
    if (rng() % 4 == 0 && len >= 8) {  // discontinuous
      uint32_t a = rng() % (len / 2 - 2);
      uint32_t b = a + 1 + rng() % 2;
      uint32_t c = len / 2 + rng() % (len / 2 - 2);
      uint32_t d = c + 1;
      s.fragments = {{a, b}, {c, d}};
      s.start = a;
      s.end = d;
      s.text = slice(text, a, b) + " " + slice(text, c, d);
    } else {
      s.start = rng() % (len - 1);
      s.end = s.start + 1 + rng() % std::min<uint32_t>(5, len - s.start);
      if (s.end > len) s.end = len;
      s.text = slice(text, s.start, s.end);
    }
    if (rng() % 3 == 0) s.attributes["negated"] = "true";
    if (rng() % 3 == 0) s.attributes["certainty \xC3\xA9"] = "low";
    if (rng() % 3 == 0) s.note = randomText(rng, 5);
    if (rng() % 2 == 0) s.annotator = annotator;
    l.spans.push_back(s);
  }
  for (int i = 0; spans >= 2 && i < 3; ++i) {
    Relation r;
    r.id = "R" + std::to_string(i + 1);
    r.label = "meets-with";
    r.from = l.spans[rng() % spans].id;
    r.to = l.spans[rng() % spans].id;
    if (rng() % 2) r.note = "n\xF0\x9F\x98\x80";
    l.relations.push_back(r);
  }
  if (rng() % 2) l.documentLabels = {"Politics", "Diplomacy"};
  if (rng() % 2) l.extras["brat"] = "E1\tMeet:T1\n#1\tAnnotatorNotes T1\tx";
  return l;
}

Workspace randomWorkspace(std::mt19937& rng) {
  Workspace ws;
  ws.schema = newsSchema();
  ws.annotator = rng() % 2 ? "alice" : "\xE5\xAD\xA6\xE7\x94\x9F";
  ws.exercise.enabled = rng() % 2;
  ws.exercise.title = randomText(rng, 6);
  ws.exercise.allowCheck = rng() % 2;
  ws.exercise.allowSuggestions = rng() % 2;
  ws.exercise.checkScope = CheckScope::Relations;
  int docs = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < docs; ++i) {
    DocumentData d;
    d.id = "doc-" + std::to_string(i);
    d.name = randomText(rng, 4);
    int n = static_cast<int>(rng() % 200);
    d.text = randomText(rng, n);
    d.sha256 = sha256Hex(d.text);
    d.annotations = randomLayer(rng, d.text, static_cast<uint32_t>(n), ws.annotator);
    int layers = static_cast<int>(rng() % 3);
    for (int k = 0; k < layers; ++k)
      d.others.push_back(randomLayer(rng, d.text, n, "student" + std::to_string(k)));
    ws.documents.push_back(d);
  }
  ws.activeDocument = rng() % docs;
  return ws;
}

// A small valid file to break in targeted ways.
std::string validFile(const std::string& spansJson =
                          R"([{"id":"T1","label":"Person","start":0,"end":5,"text":"Putin"}])",
                      const std::string& relationsJson = "[]") {
  std::string text = "Putin visited Beijing.";
  return R"({"format":"scholion","version":1,"annotator":"a","documents":[{"id":"d","name":"n","text":")" +
         text + R"(","sha256":")" + sha256Hex(text) + R"(","spans":)" + spansJson +
         R"(,"relations":)" + relationsJson + "}]}";
}

void expectError(const std::string& file, const std::string& fragment) {
  auto r = parseScholionJson(file);
  INFO(fragment);
  REQUIRE_FALSE(r.ok());
  INFO(r.error());
  CHECK(r.error().find(fragment) != std::string::npos);
}

}  // namespace

TEST_CASE("random workspaces survive save and load unchanged", "[scholion_json]") {
  std::mt19937 rng(2024);
  for (int round = 0; round < 60; ++round) {
    Workspace ws = randomWorkspace(rng);
    std::string bytes = writeScholionJson(ws);
    auto back = parseScholionJson(bytes);
    INFO("round " << round);
    REQUIRE(back.ok());
    CHECK(*back == ws);
    CHECK(writeScholionJson(*back) == bytes);
  }
}

TEST_CASE("a minimal valid file loads and missing optional fields get defaults",
          "[scholion_json]") {
  auto r = parseScholionJson(validFile());
  REQUIRE(r.ok());
  CHECK(r->documents.size() == 1);
  CHECK(r->documents[0].annotations.spans[0].text == "Putin");
  // "text" and "sha256" may be left out; they are computed.
  auto noText = parseScholionJson(
      R"({"format":"scholion","version":1,"documents":[{"id":"d","text":"ab cd","spans":[{"id":"T1","label":"X","start":3,"end":5}]}]})");
  REQUIRE(noText.ok());
  CHECK(noText->documents[0].annotations.spans[0].text == "cd");
  CHECK(noText->documents[0].sha256 == sha256Hex("ab cd"));
}

TEST_CASE("an exercise allows suggestions only when it says so", "[scholion_json][suggest]") {
  auto plain = parseScholionJson(validFile());
  REQUIRE(plain.ok());
  CHECK_FALSE(plain->exercise.allowSuggestions);  // off by default (graded work)
  Workspace ws = *plain;
  ws.exercise.enabled = true;
  ws.exercise.allowSuggestions = true;
  std::string bytes = writeScholionJson(ws);
  CHECK(bytes.find("\"allowSuggestions\"") != std::string::npos);
  auto back = parseScholionJson(bytes);
  REQUIRE(back.ok());
  CHECK(back->exercise.allowSuggestions);
  expectError(R"({"format":"scholion","version":1,"exercise":{"allowSuggestions":"yes"}})",
              "/exercise/allowSuggestions");
}

TEST_CASE("syntax errors give line and column", "[scholion_json]") {
  expectError("{\n  \"format\": \"scholion\",\n  \"version\": 1,\n  oops\n}", ":4:");
  expectError("", "scholion file");
  expectError("[1, 2", "scholion file:1:");
}

TEST_CASE("deep nesting is rejected before parsing", "[scholion_json][json_util]") {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  expectError(deep, "nesting deeper than 64");
  std::string deepObj;
  for (int i = 0; i < 100000; ++i) deepObj += "{\"a\":";
  expectError(deepObj, "nesting deeper than 64");
  // 64 levels are fine for the parser itself.
  std::string ok64 = std::string(64, '[') + std::string(64, ']');
  CHECK(parseJsonSafely(ok64, "x").ok());
  CHECK_FALSE(parseJsonSafely(std::string(65, '[') + std::string(65, ']'), "x").ok());
  // Brackets inside strings do not count.
  CHECK(parseJsonSafely("{\"s\":\"" + std::string(500, '[') + "\"}", "x").ok());
}

TEST_CASE("invalid UTF-8 in the file names its byte offset", "[scholion_json][json_util]") {
  std::string file = validFile();
  file.insert(file.find("Beijing"), "\xC3\x28");
  auto pos = file.find("\xC3\x28");
  expectError(file, "invalid UTF-8 at byte offset " + std::to_string(pos));
}

TEST_CASE("numbers: huge, negative, fractional and 2^64 offsets", "[scholion_json]") {
  auto spanWith = [](const std::string& end) {
    return validFile(R"([{"id":"T1","label":"Person","start":0,"end":)" + end +
                     R"(,"text":"Putin"}])");
  };
  expectError(spanWith("1e400"), "scholion file:1:");
  expectError(spanWith("18446744073709551616"),
              "/documents/0/spans/0/end: offset 1.8446744073709552e+19 is too large");
  expectError(spanWith("18446744073709551615"),
              "/documents/0/spans/0/end: offset 18446744073709551615 is too large");
  expectError(spanWith("-3"), "/documents/0/spans/0/end: negative offset -3");
  expectError(spanWith("4.5"), "/documents/0/spans/0/end: offset 4.5 is not a whole number");
  expectError(spanWith("\"5\""), "/documents/0/spans/0/end: expected an offset");
  expectError(spanWith("5000"),
              "/documents/0/spans/0/end: end 5000 is past the end of the text (22 code points)");
}

TEST_CASE("wrong types, duplicates and dangling references are reported with pointers",
          "[scholion_json]") {
  expectError("[]", "a Scholion file is a JSON object");
  expectError(R"({"format":"brat","version":1,"documents":[]})", "/format");
  expectError(R"({"format":"scholion","version":2,"documents":[]})",
              "/version: this file has version 2");
  expectError(R"({"format":"scholion","version":1})", "missing \"documents\"");
  expectError(R"({"format":"scholion","version":1,"documents":{}})",
              "/documents: expected an array");
  expectError(R"({"format":"scholion","version":1,"documents":[7]})",
              "/documents/0: expected an object");
  expectError(R"({"format":"scholion","version":1,"documents":[{"id":"d","text":5}]})",
              "/documents/0/text: expected a string, found integer");
  expectError(validFile(R"([{"id":"T1","label":"Person","start":0,"end":5,"text":"Putin"},
                            {"id":"T1","label":"GPE","start":14,"end":21,"text":"Beijing"}])"),
              "/documents/0/spans/1/id: duplicate span id \"T1\"");
  expectError(validFile(R"([{"id":"T1","label":"Person","start":0,"end":5,"text":"Putin"}])",
                        R"([{"id":"R1","label":"x","from":"T1","to":"T9"}])"),
              "/documents/0/relations/0/to: unknown span \"T9\"");
  expectError(validFile(R"([{"id":"T1","label":"Person","start":0,"end":5,"text":"Pudding"}])"),
              "/documents/0/spans/0/text: stored text \"Pudding\" differs");
  expectError(
      validFile(
          R"([{"id":"T1","label":"Person","start":0,"end":5,"text":"Putin","attributes":{"a":[1]}}])"),
      "/documents/0/spans/0/attributes/a: expected a string");
  expectError(
      validFile(
          R"([{"id":"T1","label":"Person","start":0,"end":13,"text":"Putin visited","fragments":[[0,5],[6,"x"]]}])"),
      "/documents/0/spans/0/fragments/1/1");
  expectError(
      validFile(
          R"([{"id":"T1","label":"Person","start":0,"end":13,"text":"Putin visited","fragments":[[0,5]]}])"),
      "/documents/0/spans/0/fragments: a discontinuous span needs at least 2 fragments");
  std::string badHash = validFile();
  badHash.replace(badHash.find("\"sha256\":\"") + 10, 1,
                  badHash[badHash.find("\"sha256\":\"") + 10] == '0' ? "1" : "0");
  expectError(badHash, "/documents/0/sha256");
  expectError(
      R"({"format":"scholion","version":1,"documents":[],"schema":{"spanLabels":[{"name":"A","color":"blue"}]}})",
      "/schema: span label \"A\": colour \"blue\"");
}

TEST_CASE("every problem is listed, not only the first", "[scholion_json]") {
  auto r = parseScholionJson(validFile(R"([{"id":"T1","label":"Person","start":-1,"end":5},
                                           {"id":"T2","label":"Person","start":0,"end":1.5}])"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("/documents/0/spans/0/start") != std::string::npos);
  CHECK(r.error().find("/documents/0/spans/1/end") != std::string::npos);
}

TEST_CASE("writing never emits invalid UTF-8 and loading rejects bad text", "[scholion_json]") {
  Workspace ws;
  DocumentData d;
  d.id = "x";
  d.text = "ok";
  d.name = "bad \xFF name";  // never happens through the editor, but the writer must not throw
  ws.documents.push_back(d);
  std::string out = writeScholionJson(ws);
  CHECK_FALSE(firstInvalidUtf8(out).has_value());
  CHECK(parseScholionJson(out).ok());
}

TEST_CASE("parseJsonSafely helpers", "[json_util]") {
  CHECK(lineColumnOf("ab\ncd", 4) == "2:2");
  CHECK(jsonPointerToken("a/b~c") == "a~1b~0c");
  auto j = parseJsonSafely(R"({"n":4294967295,"m":4294967296,"f":1.0,"neg":-1})", "f");
  REQUIRE(j.ok());
  CHECK(jsonToUint32((*j)["n"]) == 4294967295u);
  CHECK_FALSE(jsonToUint32((*j)["m"]).has_value());
  CHECK_FALSE(jsonToUint32((*j)["f"]).has_value());
  CHECK_FALSE(jsonToUint32((*j)["neg"]).has_value());
  auto e = parseJsonSafely("{\"a\": tru}", "file.json");
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().rfind("file.json:1:", 0) == 0);
}

TEST_CASE("a loaded workspace goes through the Editor unchanged", "[scholion_json][editor]") {
  std::mt19937 rng(99);
  Workspace ws = randomWorkspace(rng);
  auto loaded = parseScholionJson(writeScholionJson(ws));
  REQUIRE(loaded.ok());
  Editor ed;
  REQUIRE(ed.load(*loaded).ok());
  CHECK(ed.snapshot() == ws);
  CHECK(ed.active() == ws.activeDocument);
  // A file whose text was changed after annotating is refused as a whole.
  std::string bytes = writeScholionJson(ws);
  Workspace changed = ws;
  changed.documents[0].text += "!";
  std::string changedBytes = writeScholionJson(changed);  // writes the old sha256
  if (changed.documents[0].sha256 != sha256Hex(changed.documents[0].text)) {
    auto r = parseScholionJson(changedBytes);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("/documents/0/sha256") != std::string::npos);
  }
}

TEST_CASE("appendJsonString writes what dumpJson writes", "[json_util]") {
  const std::string cases[] = {"",           "T1",           "say \"hi\"",      "back\\slash",
                               "tab\tnew\n", "\x01\x1f\x7f", "Zürich 江泽民 😀", "bad \xC3\x28 utf"};
  for (const std::string& s : cases) {
    std::string out = "[";
    appendJsonString(out, s);
    CHECK(out == "[" + dumpJson(nlohmann::json(s)));
  }
}
