// The string-matching source rebuilt a bounded amount at a time: the workspace's labelled texts
// counted a few spans per step, then their automaton built a few entries per step, so an edit on
// a workspace with tens of thousands of spans never rebuilds it in one frame.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "phrase_matcher_builder.h"
#include "suggest_sources.h"

namespace scholion {

// entriesFromSpans in steps of about `budget` spans, then `budget` distinct texts. The documents'
// spans must stay as they are until done (restart after an edit).
class LabelledTextCounter {
 public:
  explicit LabelledTextCounter(std::vector<LabelledDocument> docs) : docs_(std::move(docs)) {}
  bool step(std::size_t budget);
  // The entries and their shares (once step has returned true); leaves the counter empty.
  std::vector<PhraseEntry> takeEntries(std::vector<double>& share);

 private:
  enum class Phase : uint8_t { Count, Emit, Done };
  std::vector<LabelledDocument> docs_;
  Phase phase_ = Phase::Count;
  std::size_t doc_ = 0, span_ = 0;
  std::map<std::string, std::map<std::string, std::size_t>> counts_;  // text -> label -> spans
  std::vector<PhraseEntry> entries_;
  std::vector<double> share_;
};

// The counter, then the automaton (PhraseMatcherBuilder); finish() hands both to the sources.
class StringMatchJob {
 public:
  explicit StringMatchJob(std::vector<LabelledDocument> docs) : counter_(std::move(docs)) {}
  bool step(std::size_t budget);
  // Once step has returned true: the sources' string matching becomes the new automaton.
  void finish(SuggestionSources& into);

 private:
  LabelledTextCounter counter_;
  std::vector<double> share_;
  std::optional<PhraseMatcherBuilder> builder_;
};

}  // namespace scholion
