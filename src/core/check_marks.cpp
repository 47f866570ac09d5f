// "Check my work" results placed in the text, in text order, and stepping between mistakes.
#include "check_marks.h"

#include <algorithm>
#include <unordered_map>

namespace scholion {

CheckKind checkKindOf(CheckMark mark) {
  switch (mark) {
    case CheckMark::Correct:
      return CheckKind::Correct;
    case CheckMark::WrongLabel:
      return CheckKind::WrongLabel;
    case CheckMark::WrongBoundaries:
      return CheckKind::WrongBoundaries;
    case CheckMark::Extra:
      break;
  }
  return CheckKind::Extra;
}

std::vector<PlacedCheck> placeCheckResult(const CheckResult& result,
                                          const AnnotationLayer& student) {
  std::unordered_map<std::string, const Span*> byId;
  byId.reserve(student.spans.size());
  for (const Span& sp : student.spans) byId.emplace(sp.id, &sp);
  std::vector<PlacedCheck> out;
  out.reserve(result.spans.size() + result.missing.size());
  for (const CheckedSpan& cs : result.spans) {
    auto it = byId.find(cs.spanId);
    if (it == byId.end()) continue;
    PlacedCheck p;
    p.kind = checkKindOf(cs.mark);
    p.spanId = cs.spanId;
    p.start = it->second->start;
    p.end = it->second->end;
    p.keyStart = cs.keyStart;
    p.keyEnd = cs.keyEnd;
    p.label = it->second->label;
    p.keyLabel = cs.keyLabel;
    out.push_back(std::move(p));
  }
  for (const MissingSpan& m : result.missing) {
    PlacedCheck p;
    p.kind = CheckKind::Missing;
    p.start = p.keyStart = m.start;
    p.end = p.keyEnd = m.end;
    p.label = m.label;
    out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const PlacedCheck& a, const PlacedCheck& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  return out;
}

std::size_t stepMistake(const std::vector<PlacedCheck>& placed, std::size_t current, uint32_t caret,
                        bool forward) {
  const std::size_t n = placed.size();
  if (std::none_of(placed.begin(), placed.end(), [](const PlacedCheck& p) { return p.mistake(); }))
    return SIZE_MAX;
  std::size_t i;
  if (current < n && placed[current].mistake()) {
    i = current;
  } else {
    // A virtual position between mistakes: the first at or after the caret, less one step.
    std::size_t first = 0;
    while (first < n && placed[first].start < caret) ++first;
    if (!forward) {
      i = first;  // stepping back from here lands on the last one starting before the caret
    } else {
      i = first == 0 ? n - 1 : first - 1;
      if (first < n && placed[first].mistake()) return first;
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    i = forward ? (i + 1) % n : (i + n - 1) % n;
    if (placed[i].mistake()) return i;
  }
  return SIZE_MAX;
}

}  // namespace scholion
