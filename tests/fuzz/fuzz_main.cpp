// One libFuzzer entry point, built once per target with SCHOLION_FUZZ_TARGET naming its check.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const scholion::fuzz::Target* target = scholion::fuzz::findTarget(SCHOLION_FUZZ_TARGET);
  if (!target) std::abort();
  std::string why = target->check(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!why.empty()) {
    std::fprintf(stderr, "%s: %s\n", SCHOLION_FUZZ_TARGET, why.c_str());
    std::abort();
  }
  return 0;
}
