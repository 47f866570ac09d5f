// The properties every importer must have on any bytes (no crash, bounded work, and where the
// format is lossless: import, export, import again gives the same): shared by the libFuzzer
// targets and by the regression test that replays the inputs they found.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scholion::fuzz {

// "" when the property holds for `input`, else what went wrong.
using Check = std::string (*)(std::string_view input);

struct Target {
  const char* name;  // scholion_json, brat_ann, brat_conf, conll, doccano, labelstudio, zip, ...
  Check check;
};

// Every target, in a fixed order.
const std::vector<Target>& targets();
// The target called `name`, or nullptr.
const Target* findTarget(std::string_view name);

// Inputs holding several files separate them with a NUL byte (brat: text NUL ann; the .conf
// files: annotation NUL visual NUL kb_shortcuts).
std::vector<std::string> splitParts(std::string_view input, std::size_t parts);

}  // namespace scholion::fuzz
