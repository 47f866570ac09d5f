// Tests for sorting opened files: zips, brat groups, other tools' files, Scholion JSON, texts.
#include <catch2/catch.hpp>

#include "opened_files.h"
#include "scholion_json.h"
#include "test_support.h"
#include "zip_writer.h"

using namespace scholion;
using namespace scholion::test;

namespace {

const std::string kTxt = "Putin visited Beijing.\n";
const std::string kAnn = "T1\tPerson 0 5\tPutin\n";

std::vector<NamedFile> files(std::initializer_list<NamedFile> list) {
  return std::vector<NamedFile>(list);
}

}  // namespace

TEST_CASE("a .txt beside its .ann is brat; alone it is a plain text") {
  OpenedFiles o = sortOpenedFiles(files({{"a.txt", kTxt}, {"a.ann", kAnn}, {"b.txt", "Hello."}}));
  REQUIRE(o.errors.empty());
  REQUIRE(o.imports.size() == 1);
  CHECK(o.imports[0].format == Format::Brat);
  CHECK(o.imports[0].name == "a.ann");
  REQUIRE(o.imports[0].workspace.documents.size() == 1);
  CHECK(o.imports[0].workspace.documents[0].annotations.spans.size() == 1);
  REQUIRE(o.texts.size() == 1);
  CHECK(o.texts[0].name == "b.txt");
  CHECK(o.texts[0].id == "b");
  CHECK_FALSE(o.onlyScholion());
}

TEST_CASE("a zip stands for its files and names the import") {
  Result<std::string> zip = writeStoredZip({{"corpus/a.txt", kTxt},
                                            {"corpus/a.ann", kAnn},
                                            {"corpus/b.txt", kTxt},
                                            {"corpus/b.ann", kAnn},
                                            {"corpus/annotation.conf", "[entities]\nPerson\n"}});
  REQUIRE(zip.ok());
  OpenedFiles o = sortOpenedFiles(files({{"corpus.zip", *zip}}));
  REQUIRE(o.errors.empty());
  REQUIRE(o.imports.size() == 1);
  CHECK(o.imports[0].name == "corpus.zip (a.ann and 1 more)");
  CHECK(o.imports[0].workspace.documents.size() == 2);
}

TEST_CASE("a zip of Scholion hand-ins gives Scholion files only") {
  Workspace ws;
  ws.annotator = "ann";
  DocumentData d;
  d.id = "a";
  d.name = "a.txt";
  d.text = kTxt;
  ws.documents.push_back(d);
  Result<std::string> zip =
      writeStoredZip({{"ann.json", writeScholionJson(ws)}, {"bob.json", writeScholionJson(ws)}});
  REQUIRE(zip.ok());
  OpenedFiles o = sortOpenedFiles(files({{"hand-ins.zip", *zip}}));
  CHECK(o.onlyScholion());
  REQUIRE(o.scholion.size() == 2);
  CHECK(o.scholion[0].workspace.ok());
}

TEST_CASE("each bad file adds one error saying what and where, and nothing else") {
  OpenedFiles o = sortOpenedFiles(files({{"bad.txt", "ab\xFF"},
                                         {"bin.txt", std::string("a\0b", 3)},
                                         {"broken.zip", "PK not really"},
                                         {"only.conf", "[entities]\nPerson\n"},
                                         {"good.txt", "fine"}}));
  REQUIRE(o.errors.size() == 4);
  CHECK(o.errors[0].find("broken.zip: not a zip archive") == 0);  // archives are read first
  CHECK(o.errors[1] == "bad.txt: not UTF-8 text (invalid byte at offset 2); nothing was opened");
  CHECK(o.errors[2].find("bin.txt: looks like a binary file") == 0);
  CHECK(o.errors[3].find("only.conf: brat configuration without annotations") == 0);
  REQUIRE(o.texts.size() == 1);
  CHECK(o.texts[0].text == "fine");
}

TEST_CASE("texts lose a BOM, HTML becomes its text, hashes are filled") {
  Result<DocumentData> t = textDocument("notes (1).txt", "\xEF\xBB\xBFHello");
  REQUIRE(t.ok());
  CHECK(t->text == "Hello");
  CHECK(t->id == "notes-1");
  CHECK(t->sha256.size() == 64);
  Result<DocumentData> h = textDocument("page.html", "<p>Hello <b>world</b></p>");
  REQUIRE(h.ok());
  CHECK(h->text.find("Hello world") != std::string::npos);
  CHECK(safeFilePart(".hidden/name") == "hidden-name");
  CHECK(safeFilePart("???") == "untitled");
  CHECK(safeFilePart("Übung 1") == "Übung-1");
}
