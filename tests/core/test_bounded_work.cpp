// Hostile inputs that used to take minutes: macro bombs, huge type hierarchies, repeated ids.
// Bounded work is asserted through limits that name file:line and through counts, never timings.
#include <catch2/catch.hpp>
#include <string>

#include "brat_conf.h"
#include "format_doccano.h"
#include "format_labelstudio.h"
#include "format_util.h"
#include "schema.h"

using namespace scholion;

namespace {

// <Maa>, <Mab>, ... in sorted order (macro names are letters, '_' and '-').
std::string macroName(int i) {
  return std::string("<M") + static_cast<char>('a' + i / 26) + static_cast<char>('a' + i % 26) +
         ">";
}

// <Maa>=<Mab>|<Mab>..., <Mab>=<Mac>|<Mac>..., ...: each link multiplies the line by `copies`.
std::string macroBomb(int links, int copies) {
  std::string conf = "[entities]\nPerson\n[relations]\n";
  for (int i = 0; i < links; ++i) {
    conf += macroName(i) + "=" + macroName(i + 1);
    for (int c = 1; c < copies; ++c) conf += "|" + macroName(i + 1);
    conf += "\n";
  }
  conf += macroName(links) + "=Person\n";
  conf += "Knows\tArg1:" + macroName(0) + ", Arg2:Person\n";
  return conf;
}

}  // namespace

TEST_CASE("brat .conf: macros expanding into each other are bounded in size and depth",
          "[formats][brat][bounded]") {
  // 6 links of 10 copies in under 500 bytes would make a line of a million names.
  std::string bomb = macroBomb(6, 10);
  CHECK(bomb.size() < 500);
  auto r = parseBratConf(bomb, "annotation.conf");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("annotation.conf:11: macro expansion makes this line longer than 65536 "
                       "bytes") != std::string::npos);
  // 30 doubling links: depth stops it before any size does.
  auto doubling = parseBratConf(macroBomb(30, 2), "annotation.conf");
  REQUIRE_FALSE(doubling.ok());
  CHECK(doubling.error().find("annotation.conf:35: macros nested more than 16 deep") !=
        std::string::npos);

  // A chain of single references: depth, not size, is what stops it.
  std::string chain = "[entities]\nPerson\n[relations]\n";
  for (int i = 0; i < 20; ++i) chain += macroName(i) + "=" + macroName(i + 1) + "\n";
  chain += macroName(20) + "=Person\nKnows\tArg1:" + macroName(0) + ", Arg2:Person\n";
  auto deep = parseBratConf(chain, "annotation.conf");
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().find("annotation.conf:25: macros nested more than 16 deep") !=
        std::string::npos);

  // Nesting within the bounds expands as brat does (a name expands inside a macro that sorts
  // before it).
  auto fine = parseBratConf(macroBomb(4, 2), "annotation.conf");
  REQUIRE(fine.ok());
  REQUIRE(fine->relationTypes.size() == 1);
  CHECK(fine->relationTypes[0].fromLabels == std::vector<std::string>{"Person"});

  // Many lines each under the line limit: the section's total stops them.
  std::string wide = "[entities]\nPerson\n[relations]\n<B>=" + std::string(4000, 'x') + "\n";
  wide += "<A>=<B>|<B>|<B>|<B>|<B>|<B>|<B>|<B>|<B>|<B>|<B>|<B>\n";
  for (int i = 0; i < 40; ++i) wide += "R" + std::to_string(i) + "\tArg1:<A>, Arg2:Person\n";
  auto total = parseBratConf(wide, "annotation.conf");
  REQUIRE_FALSE(total.ok());
  CHECK(total.error().find("bytes in all; the rest of the section is not read") !=
        std::string::npos);
}

TEST_CASE("brat .conf: a parent of thousands of types in thousands of signatures is bounded",
          "[formats][brat][bounded]") {
  std::string entities = "[entities]\nParent\n";
  for (int i = 0; i < 3000; ++i) entities += "\tC" + std::to_string(i) + "\n";
  // 30 lines naming the parent (and a child again): 3001 labels each, every one once.
  std::string conf = entities + "[relations]\n";
  for (int i = 0; i < 30; ++i)
    conf += "R" + std::to_string(i) + "\tArg1:Parent|C7, Arg2:C1|Parent\n";
  auto r = parseBratConf(conf, "annotation.conf");
  REQUIRE(r.ok());
  REQUIRE(r->relationTypes.size() == 30);
  CHECK(r->relationTypes[29].fromLabels.size() == 3001);
  CHECK(r->relationTypes[29].fromLabels[1] == "C0");  // the parent first, then its children
  CHECK(r->relationTypes[29].toLabels[0] == "C1");
  CHECK(r->relationTypes[29].toLabels.size() == 3001);
  CHECK(schemaProblems(*r).empty());

  // 3000 such lines would name 18 million types: refused with the line where it passes 250,000.
  std::string big = entities + "[relations]\n";
  for (int i = 0; i < 3000; ++i) big += "R" + std::to_string(i) + "\tArg1:Parent, Arg2:Parent\n";
  auto refused = parseBratConf(big, "annotation.conf");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("annotation.conf:3045: the argument types expand to more than "
                             "250000 type names") != std::string::npos);
}

TEST_CASE("unique names: a counter per name, so repeats cost linear work", "[bounded]") {
  UniqueNames names;
  for (int i = 0; i < 5000; ++i) names.take("a");
  CHECK(names.taken("a-5000"));
  CHECK_FALSE(names.taken("a-5001"));
  CHECK(names.probes() == 5000);

  UniqueNames gaps;
  for (int i = 2; i <= 100; ++i) gaps.reserve("b-" + std::to_string(i));
  CHECK(gaps.take("b") == "b");
  CHECK(gaps.take("b") == "b-101");
  for (int i = 0; i < 1000; ++i) gaps.take("b");
  CHECK(gaps.probes() <= 1002 + 2 * 99);
  CHECK(gaps.take("b-101") == "b-101-2");
}

TEST_CASE("doccano lines and Label Studio tasks with one id get distinct names",
          "[formats][bounded]") {
  std::string jsonl;
  for (int i = 0; i < 3000; ++i) jsonl += "{\"id\":7,\"text\":\"t\"}\n";
  auto d = parseDoccanoJsonl("same.jsonl", jsonl);
  REQUIRE(d.ok());
  REQUIRE(d->documents.size() == 3000);
  CHECK(d->documents[0].name == "7");
  CHECK(d->documents[2999].name == "7-3000");

  std::string tasks = "[";
  for (int i = 0; i < 3000; ++i)
    tasks += std::string(i ? "," : "") + "{\"id\":7,\"data\":{\"text\":\"t\"}}";
  tasks += "]";
  auto ls = parseLabelStudioJson("same.json", tasks);
  REQUIRE(ls.ok());
  REQUIRE(ls->documents.size() == 3000);
  CHECK(ls->documents[1].name == "task-7-2");
  CHECK(ls->documents[2999].name == "task-7-3000");
}
