// The fuzz targets' properties (no crash; import, export, import again: equal) on the fixtures
// and on every input a fuzzer found (tests/data/fuzz/TARGET/*), so a fixed crash stays fixed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fuzz_checks.h"

using namespace scholion;

namespace {

std::string readAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path dataDir() {
  return std::filesystem::path(SCHOLION_SOURCE_DIR) / "tests/data";
}

void requireHolds(const char* target, const std::string& input, const std::string& what) {
  const fuzz::Target* t = fuzz::findTarget(target);
  REQUIRE(t);
  INFO(std::string(target) + " on " + what);
  CHECK(t->check(input) == "");
}

}  // namespace

TEST_CASE("fuzz properties hold on the fixtures", "[fuzz]") {
  const auto f = dataDir() / "formats";
  const std::string nul(1, '\0');
  requireHolds("brat_ann", readAll(f / "brat/story.txt") + nul + readAll(f / "brat/story.ann"),
               "story");
  requireHolds("brat_conf",
               readAll(f / "brat/annotation.conf") + nul + readAll(f / "brat/visual.conf") + nul +
                   readAll(f / "brat/kb_shortcuts.conf"),
               "the brat .conf fixtures");
  for (const char* c : {"conll2003.conll", "iob1.conll", "bioes.conll"})
    requireHolds("conll", readAll(f / "conll" / c), c);
  requireHolds("doccano", readAll(f / "doccano/sample.jsonl"), "sample.jsonl");
  requireHolds("labelstudio", readAll(f / "labelstudio/tasks.json"), "tasks.json");
  for (const char* c : {"classroom/key.json", "classroom/alice.json", "grading/key.json"})
    requireHolds("scholion_json", readAll(dataDir() / c), c);
}

TEST_CASE("every input the fuzzers found is a regression case", "[fuzz]") {
  std::size_t replayed = 0;
  for (const fuzz::Target& t : fuzz::targets()) {
    const auto dir = dataDir() / "fuzz" / t.name;
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      requireHolds(t.name, readAll(entry.path()), entry.path().filename().string());
      ++replayed;
    }
  }
  INFO("inputs replayed: " << replayed);
  CHECK(replayed > 0);
}
