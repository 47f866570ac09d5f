// Suggestions from each source for one document, filtered by what the person already decided.
#include "suggest_sources.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "string_match_job.h"
#include "suggest_job.h"

namespace scholion {

std::vector<PhraseEntry> entriesFromSpans(const std::vector<LabelledDocument>& docs,
                                          std::vector<double>& share) {
  LabelledTextCounter counter(docs);
  while (!counter.step(SIZE_MAX)) {
  }
  return counter.takeEntries(share);
}

void SuggestionSources::rebuildStringMatch(const std::vector<LabelledDocument>& docs) {
  StringMatchJob job(docs);
  while (!job.step(SIZE_MAX)) {
  }
  job.finish(*this);
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
