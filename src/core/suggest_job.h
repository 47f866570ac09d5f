// The suggestions of one document computed a bounded amount at a time, so the frame loop can
// compute them beside drawing; SuggestionSources::suggest is this job run to completion.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_set>
#include <vector>

#include "sliced_sort.h"
#include "suggest_sources.h"

namespace scholion {

// step(n) handles about n tokens or suggestions: string matching and gazetteer matching over the
// next n tokens, then the tagger over whole sentences of about n tokens (at least one), then n
// suggestions at a time: collected from every source (leaving out what the person decided),
// sorted (SlicedSort) and merged. The sources, the document, its spans, `others` and `rejected`
// must stay as they are until done.
class SuggestionJob {
 public:
  SuggestionJob(const SuggestionSources& sources, LabelledDocument doc,
                const std::vector<AnnotationLayer>* others, const RejectedSet& rejected);
  // A step ends where its phase does: the phases cost very different amounts per token.
  bool step(std::size_t tokenBudget);
  bool done() const { return phase_ == Phase::Done; }
  // Which phase the job is in: a caller that paces steps by the last one's speed starts again
  // with a small step when it changes.
  int stage() const { return static_cast<int>(phase_); }
  // The suggestions (once done); leaves the job empty.
  std::vector<Suggestion> take();
  // Of the suggestions (counted while merging): how many per label, and the longest in code points.
  const std::map<std::string, std::size_t>& perLabel() const { return perLabel_; }
  uint32_t longest() const { return longest_; }

 private:
  enum class Phase : uint8_t { Match, Tagger, Collect, Sort, Merge, Done };
  using Sort = SlicedSort<Suggestion, bool (*)(const Suggestion&, const Suggestion&)>;
  std::size_t matchTokens(std::size_t budget);
  std::size_t tagSentence();
  std::size_t collect(std::size_t budget);
  bool collectOne();
  std::size_t mergeRepeats(std::size_t budget);
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
  // Collecting: list_ 0 is the document's spans (their bounds are decided), then string matches,
  // gazetteer matches, the tagger's spans, the imported layers; at_ is the place in the list.
  uint8_t list_ = 0;
  std::size_t at_ = 0, layer_ = 0;
  const std::vector<TaggedSpan>* taggerSpans_ = nullptr;
  std::unordered_set<uint64_t> taken_;  // start << 32 | end of the document's spans
  std::vector<Suggestion> all_;         // collected, then sorted in place
  std::optional<Sort> sort_;
  std::vector<Suggestion> out_;
  std::map<std::string, std::size_t> perLabel_;
  uint32_t longest_ = 0;
};

}  // namespace scholion
