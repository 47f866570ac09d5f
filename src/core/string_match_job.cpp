// Counting labelled texts and building their automaton in steps.
#include "string_match_job.h"

#include <utility>

namespace scholion {

bool LabelledTextCounter::step(std::size_t budget) {
  if (budget == 0) budget = 1;
  if (phase_ == Phase::Count) {
    for (; doc_ < docs_.size() && budget > 0; ++doc_, span_ = 0) {
      const std::vector<Span>* spans = docs_[doc_].spans;
      if (!spans) continue;
      for (; span_ < spans->size() && budget > 0; ++span_, --budget) {
        const Span& s = (*spans)[span_];
        if (s.fragments.empty() && !s.text.empty()) ++counts_[s.text][s.label];
      }
      if (span_ < spans->size()) return false;
    }
    if (doc_ < docs_.size()) return false;
    entries_.reserve(counts_.size());
    share_.reserve(counts_.size());
    phase_ = Phase::Emit;
    return false;
  }
  if (phase_ == Phase::Emit) {
    // Texts in order; each takes the label most of its spans have (ties: the first by name).
    for (; !counts_.empty() && budget > 0; --budget) {
      auto node = counts_.extract(counts_.begin());
      std::size_t total = 0, best = 0;
      const std::string* label = nullptr;
      for (const auto& [l, n] : node.mapped()) {
        total += n;
        if (n > best) best = n, label = &l;
      }
      entries_.push_back(PhraseEntry{std::move(node.key()), *label, false});
      share_.push_back(double(best) / double(total));
    }
    if (!counts_.empty()) return false;
    phase_ = Phase::Done;
  }
  return true;
}

std::vector<PhraseEntry> LabelledTextCounter::takeEntries(std::vector<double>& share) {
  share = std::move(share_);
  return std::move(entries_);
}

bool StringMatchJob::step(std::size_t budget) {
  if (!builder_) {
    if (!counter_.step(budget)) return false;
    builder_.emplace(counter_.takeEntries(share_));
    return false;
  }
  return builder_->step(budget);
}

void StringMatchJob::finish(SuggestionSources& into) {
  into.labelled = builder_->take();
  into.labelledShare = std::move(share_);
}

}  // namespace scholion
