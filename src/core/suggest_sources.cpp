// Suggestions from each source for one document, filtered by what the person already decided.
#include "suggest_sources.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "suggest_job.h"

namespace scholion {

std::vector<PhraseEntry> entriesFromSpans(const std::vector<LabelledDocument>& docs,
                                          std::vector<double>& share) {
  std::map<std::string, std::map<std::string, std::size_t>> counts;  // text -> label -> spans
  for (const auto& d : docs)
    if (d.spans)
      for (const Span& s : *d.spans)
        if (s.fragments.empty() && !s.text.empty()) ++counts[s.text][s.label];
  std::vector<PhraseEntry> out;
  share.clear();
  for (const auto& [text, labels] : counts) {
    std::size_t total = 0, best = 0;
    const std::string* label = nullptr;
    for (const auto& [l, n] : labels) {
      total += n;
      if (n > best) best = n, label = &l;
    }
    out.push_back(PhraseEntry{text, *label, false});
    share.push_back(double(best) / double(total));
  }
  return out;
}

void SuggestionSources::rebuildStringMatch(const std::vector<LabelledDocument>& docs) {
  std::vector<double> share;
  auto entries = entriesFromSpans(docs, share);
  labelled = PhraseMatcher(std::move(entries));
  labelledShare = std::move(share);
}

std::vector<Suggestion> SuggestionSources::suggest(const LabelledDocument& doc,
                                                   const std::vector<AnnotationLayer>* others,
                                                   const RejectedSet& rejected) const {
  SuggestionJob job(*this, doc, others, rejected);
  while (!job.step(SIZE_MAX)) {
  }
  return job.take();
}

}  // namespace scholion
