// The suggestions of one document computed a bounded amount at a time, so the frame loop can
// compute them beside drawing; SuggestionSources::suggest is this job run to completion.
#pragma once

#include <cstdint>
#include <vector>

#include "suggest_sources.h"

namespace scholion {

// step(n) handles about n tokens: string matching and gazetteer matching over the next n tokens,
// then the tagger over whole sentences of about n tokens (at least one), then one last step that
// adds the imported layer, leaves out what the person decided, sorts and merges. The sources, the
// document, its spans, `others` and `rejected` must stay as they are until done.
class SuggestionJob {
 public:
  SuggestionJob(const SuggestionSources& sources, LabelledDocument doc,
                const std::vector<AnnotationLayer>* others, const RejectedSet& rejected);
  bool step(std::size_t tokenBudget);
  bool done() const { return phase_ == Phase::Done; }
  // The suggestions (once done); leaves the job empty.
  std::vector<Suggestion> take();

 private:
  enum class Phase : uint8_t { Match, Tagger, Finish, Done };
  std::size_t matchTokens(std::size_t budget);
  std::size_t tagSentence();
  void finish();
  const SuggestionSources& sources_;
  LabelledDocument doc_;
  const std::vector<AnnotationLayer>* others_;
  const RejectedSet& rejected_;
  Phase phase_ = Phase::Match;
  bool matchLabelled_ = false, matchGazetteer_ = false, tagging_ = false;
  std::size_t token_ = 0, sentence_ = 0;
  uint32_t labelledCursor_ = 0, gazetteerCursor_ = 0;
  std::vector<PhraseMatch> labelled_, gazetteer_;
  GazetteerHits hits_;  // for the tagger's features
  std::vector<TaggedSpan> tagged_;
  std::vector<Suggestion> out_;
};

}  // namespace scholion
