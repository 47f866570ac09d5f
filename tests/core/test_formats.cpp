// Tests of the format registry: names, detection, import/export dispatch, the validity gate.
#include <catch2/catch.hpp>

#include "formats.h"
#include "scholion_json.h"
#include "test_support.h"

using namespace scholion;
using namespace scholion::test;

TEST_CASE("format names and aliases", "[formats][registry]") {
  for (Format f : {Format::Scholion, Format::Brat, Format::Conll, Format::Doccano, Format::WebAnno,
                   Format::LabelStudio}) {
    CHECK(formatFromName(formatName(f)) == f);
    CHECK(canExport(f));
  }
  CHECK(formatFromName("IOB2") == Format::Conll);
  CHECK(formatFromName("label-studio") == Format::LabelStudio);
  CHECK(formatFromName("w3c") == Format::WebAnno);
  CHECK(formatFromName("xml") == Format::Unknown);
  CHECK_FALSE(canExport(Format::Unknown));
  CHECK(formatsHelp().find("labelstudio") != std::string::npos);
}

TEST_CASE("format detection from file names and content", "[formats][registry]") {
  CHECK(formatFromFileName("a/b/story.ann") == Format::Brat);
  CHECK(formatFromFileName("story.TXT") == Format::Brat);
  CHECK(formatFromFileName("train.conll") == Format::Conll);
  CHECK(formatFromFileName("train.iob") == Format::Conll);
  CHECK(formatFromFileName("data.jsonl") == Format::Doccano);
  CHECK(formatFromFileName("x.jsonld") == Format::WebAnno);
  CHECK(formatFromFileName("x.json", "  [ {\"data\": {}} ]") == Format::LabelStudio);
  CHECK(formatFromFileName("x.json", "{\"data\": {\"text\": \"a\"}}") == Format::LabelStudio);
  CHECK(formatFromFileName("x.json", "{\"format\": \"scholion\", \"version\": 1}") ==
        Format::Scholion);
  CHECK(formatFromFileName("x.json", "{\"type\": \"AnnotationCollection\"}") == Format::WebAnno);
  CHECK(formatFromFileName("x.json") == Format::Scholion);
  CHECK(formatFromFileName("x.docx") == Format::Unknown);
  auto r = importFile("x.docx", "hello");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("unknown format") != std::string::npos);
}

TEST_CASE("registry imports, merges several files and exports", "[formats][registry]") {
  auto ws = importFiles({{"a.conll", "Paris B-LOC\n\n"},
                         {"a.jsonl", "{\"text\":\"Rome\",\"label\":[[0,4,\"CITY\"]]}\n"}},
                        Format::Conll);
  REQUIRE_FALSE(ws.ok());  // a JSONL line is not CoNLL
  auto one = importFiles({{"a.conll", "Paris B-LOC\n\n"}, {"a.conll", "Rome B-CITY\n\n"}});
  REQUIRE(one.ok());
  REQUIRE(one->documents.size() == 2);
  CHECK(one->documents[0].id != one->documents[1].id);
  CHECK(one->schema.findLabel("CITY") != nullptr);
  // Scholion JSON through the registry round-trips the workspace.
  auto json = exportFile(one.value(), Format::Scholion);
  REQUIRE(json.ok());
  auto back = importFile("w.json", json.value());
  REQUIRE(back.ok());
  CHECK(back->documents == one->documents);
  // exportFiles names single-file outputs after the base name, brat writes pairs.
  auto files = exportFiles(one.value(), Format::Doccano, ExportOptions(), "out");
  REQUIRE(files.ok());
  REQUIRE(files->size() == 1);
  CHECK((*files)[0].name == "out.jsonl");
  auto brat = exportFiles(one.value(), Format::Brat, ExportOptions(), "out");
  REQUIRE(brat.ok());
  CHECK(brat->size() == 7);
  ExportOptions bad;
  bad.document = 9;
  CHECK_FALSE(exportFile(one.value(), Format::Brat, bad).ok());
  CHECK_FALSE(importFile("x.json", "{\"format\": \"scholion\"").ok());
}

#include <fstream>
#include <sstream>

#include "format_brat.h"
#include "workspace_check.h"

TEST_CASE("imports survive truncated and corrupted input", "[formats][registry][robustness]") {
  struct Input {
    std::string name, rel;
  };
  const Input inputs[] = {{"a.conll", "conll/conll2003.conll"},
                          {"a.jsonl", "doccano/sample.jsonl"},
                          {"a.json", "labelstudio/tasks.json"},
                          {"a.ann", "brat/story.ann"}};
  const std::string storyText = readFormatFixture("brat/story.txt");
  uint64_t seed = 7;
  auto rnd = [&seed](uint64_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((seed >> 33) % n);
  };
  const char noise[] = {'\0', '\n', '\t', ' ', '-', '9', '"', '{', ']', ':', ';', '\xFF', '\xC3'};
  std::size_t accepted = 0, rejected = 0;
  for (const auto& in : inputs) {
    const std::string original = readFormatFixture(in.rel);
    REQUIRE_FALSE(original.empty());
    for (int i = 0; i < 150; ++i) {
      std::string bytes = original;
      if (i % 3 == 0) {
        bytes.resize(rnd(bytes.size()));  // truncated
      } else {
        for (int k = 0; k <= i % 4; ++k) bytes[rnd(bytes.size())] = noise[rnd(sizeof(noise))];
      }
      Result<Workspace> r = fail("");
      if (in.name == "a.ann") {
        auto d = parseBratAnn("story", "story.txt", storyText, "story.ann", bytes);
        if (d) {
          Workspace ws;
          ws.documents.push_back(std::move(d.value()));
          r = std::move(ws);
        } else {
          r = fail(d.error());
        }
      } else {
        r = importFile(in.name, bytes);
      }
      if (r.ok()) {
        ++accepted;
        CHECK(workspaceProblems(r.value()).empty());  // what is accepted is valid
      } else {
        ++rejected;
        CHECK_FALSE(r.error().empty());
      }
    }
  }
  CHECK(rejected > 0);
  CHECK(accepted + rejected == 600);
}

TEST_CASE("Every format: what we write, we read back and write again unchanged",
          "[formats][roundtrip]") {
  // Small pseudo-random workspaces: overlapping spans, names with brat and CoNLL syntax in them,
  // astral characters; export -> import -> export must give the same files.
  const std::vector<std::string> names = {"Person", "two words", "a,b",   "x|y",  "k:v",
                                          "<ANY>",  "50%",       "!bang", "Größe"};
  const std::string text = "\xF0\x9F\x98\x80 Jiang met Putin in Z\xC3\xBCrich. PU.1 binds ?:? now.";
  uint32_t seed = 12345;
  auto next = [&](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int round = 0; round < 20; ++round) {
    Workspace ws;
    DocumentData d;
    d.id = d.name = "doc" + std::to_string(round);
    d.text = text;
    d.sha256 = sha256Hex(text);
    OffsetIndex index(d.text);
    const uint32_t n = static_cast<uint32_t>(index.codePoints());
    for (uint32_t k = 0; k < 4; ++k) {
      uint32_t s = next(n - 1), e = s + 1 + next(std::min<uint32_t>(6, n - s - 1) + 1);
      if (e > n) e = n;
      Span sp = span("T" + std::to_string(k + 1), names[next(names.size())], s, e,
                     sliceCp(d.text, index, s, e));
      d.annotations.spans.push_back(sp);
    }
    d.annotations.relations = {Relation{"R1", names[next(names.size())], "T1", "T2", ""}};
    ws.documents = {d};
    addMissingToSchema(ws.schema, ws);
    for (Format f :
         {Format::Scholion, Format::Brat, Format::Conll, Format::Doccano, Format::LabelStudio}) {
      INFO(formatName(f) << " round " << round);
      auto first = exportFiles(ws, f, ExportOptions(), "out", nullptr);
      REQUIRE(first.ok());
      auto back = importFiles(first.value(), f);
      REQUIRE(back.ok());
      auto second = exportFiles(back.value(), f, ExportOptions(), "out", nullptr);
      REQUIRE(second.ok());
      REQUIRE(second->size() == first->size());
      for (std::size_t i = 0; i < first->size(); ++i) {
        CHECK((*second)[i].name == (*first)[i].name);
        CHECK((*second)[i].bytes == (*first)[i].bytes);
      }
      if (f == Format::Scholion || f == Format::Brat) {
        // These keep every span and label exactly.
        CHECK(back->documents[0].annotations.spans == ws.documents[0].annotations.spans);
      }
    }
  }
}
