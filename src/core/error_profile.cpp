// A student's kinds of mistakes against a key: label confusions and boundary errors.
#include "error_profile.h"

#include <algorithm>

namespace scholion {

ErrorProfile errorProfile(const std::vector<Span>& key, const std::vector<Span>& student,
                          const SpanMatching& pairs) {
  ErrorProfile p;
  for (std::size_t k = 0; k < pairs.keyToStudent.size(); ++k) {
    const int32_t s = pairs.keyToStudent[k];
    if (s < 0) continue;
    const Span& want = key[k];
    const Span& got = student[static_cast<std::size_t>(s)];
    if (want.label != got.label) ++p.confusions[{want.label, got.label}];
    if (sameBoundaries(want, got)) continue;
    if (got.start <= want.start && got.end >= want.end)
      ++p.tooLong;
    else if (got.start >= want.start && got.end <= want.end)
      ++p.tooShort;
    else
      ++p.shifted;
  }
  return p;
}

std::vector<std::pair<std::pair<std::string, std::string>, std::size_t>>
ErrorProfile::topConfusions(std::size_t n) const {
  std::vector<std::pair<std::pair<std::string, std::string>, std::size_t>> out(confusions.begin(),
                                                                               confusions.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > n) out.resize(n);
  return out;
}

ErrorProfile& ErrorProfile::operator+=(const ErrorProfile& o) {
  for (const auto& [labels, count] : o.confusions) confusions[labels] += count;
  tooLong += o.tooLong;
  tooShort += o.tooShort;
  shifted += o.shifted;
  return *this;
}

std::string confusionSummary(const ErrorProfile& p, std::size_t n) {
  std::string out;
  for (const auto& [labels, count] : p.topConfusions(n)) {
    if (!out.empty()) out += ", ";
    out += labels.first + " \xE2\x86\x92 " + labels.second + " \xC3\x97" + std::to_string(count);
  }
  return out;
}

}  // namespace scholion
