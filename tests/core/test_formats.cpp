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
