// Sliced computation of one document's suggestions: matching by token ranges, the tagger by
// sentences, then collecting, sorting and merging by suggestions.
#include "suggest_job.h"

#include <algorithm>

namespace scholion {

SuggestionJob::SuggestionJob(const SuggestionSources& sources, LabelledDocument doc,
                             const std::vector<AnnotationLayer>* others,
                             const RejectedSet& rejected)
    : sources_(sources), doc_(std::move(doc)), others_(others), rejected_(rejected) {
  if (!doc_.document) {
    phase_ = Phase::Done;
    return;
  }
  tagging_ = sources_.useTagger && !sources_.model.empty() &&
             sources_.taggerCache.find(doc_.id) == sources_.taggerCache.end();
  matchLabelled_ = sources_.useStringMatch && !sources_.labelled.empty();
  matchGazetteer_ = !sources_.gazetteer.empty() && (sources_.useGazetteer || tagging_);
  if (matchGazetteer_ && tagging_) hits_.resize(doc_.document->tokens().size());
}

bool SuggestionJob::step(std::size_t tokenBudget) {
  std::size_t visited = 0;
  const Phase at = phase_;
  while (!done() && (visited == 0 || (visited < tokenBudget && phase_ == at))) {
    if (phase_ == Phase::Match) {
      visited += matchTokens(std::max<std::size_t>(1, tokenBudget - visited));
    } else if (phase_ == Phase::Tagger) {
      visited += tagSentence();
    } else if (phase_ == Phase::Collect) {
      visited += collect(std::max<std::size_t>(1, tokenBudget - visited));
    } else if (phase_ == Phase::Sort) {
      if (sort_->step(std::max<std::size_t>(1, tokenBudget - visited))) phase_ = Phase::Merge;
      visited += std::min(all_.size() + 1, std::max<std::size_t>(1, tokenBudget - visited));
    } else {
      visited += mergeRepeats(std::max<std::size_t>(1, tokenBudget - visited));
    }
  }
  return done();
}

std::size_t SuggestionJob::matchTokens(std::size_t budget) {
  const Document& doc = *doc_.document;
  const std::size_t n = doc.tokens().size();
  const std::size_t to = token_ + std::min(budget, n - token_);
  if (matchLabelled_) sources_.labelled.matchTokens(doc, labelledCursor_, token_, to, labelled_);
  if (matchGazetteer_) {
    const std::size_t had = gazetteer_.size();
    sources_.gazetteer.matchTokens(doc, gazetteerCursor_, token_, to, gazetteer_);
    if (!hits_.empty())
      addGazetteerHits(sources_.gazetteer,
                       std::vector<PhraseMatch>(
                           gazetteer_.begin() + static_cast<std::ptrdiff_t>(had), gazetteer_.end()),
                       hits_);
  }
  const std::size_t visited = to - token_ + 1;
  token_ = to;
  if (token_ >= n) phase_ = tagging_ ? Phase::Tagger : Phase::Collect;
  return visited;
}

std::size_t SuggestionJob::tagSentence() {
  const auto& sents = doc_.document->sentences();
  if (sentence_ >= sents.size()) {
    sources_.taggerCache.emplace(doc_.id, std::move(tagged_));
    phase_ = Phase::Collect;
    return 1;
  }
  const Sentence& s = sents[sentence_++];
  sources_.model.predictSentence(*doc_.document, s, hits_, tagged_);
  return s.tokenCount + 1;
}

std::size_t SuggestionJob::collect(std::size_t budget) {
  std::size_t n = 0;
  while (n < budget && phase_ == Phase::Collect)
    if (collectOne()) ++n;
  return std::max<std::size_t>(n, 1);
}

// Takes the next item of the current list (true), or moves on to the next list (false).
bool SuggestionJob::collectOne() {
  auto push = [&](uint32_t start, uint32_t end, const std::string& label, SuggestionSource src,
                  double confidence) {
    if (start >= end || taken_.count(uint64_t(start) << 32 | end) ||
        rejected_.contains(doc_.id, start, end, label))
      return;
    all_.push_back(Suggestion{doc_.id, start, end, label, src, confidence});
  };
  const SuggestionSources& src = sources_;
  switch (list_) {
    case 0:
      if (at_ == 0 && all_.empty())  // room for every candidate: no copy of all_ while it grows
        all_.reserve(labelled_.size() + gazetteer_.size() + 64);
      if (doc_.spans && at_ < doc_.spans->size()) {
        if (at_ == 0) taken_.reserve(doc_.spans->size());
        const Span& sp = (*doc_.spans)[at_++];
        taken_.insert(uint64_t(sp.start) << 32 | sp.end);
        return true;
      }
      break;
    case 1:
      if (src.useStringMatch && at_ < labelled_.size()) {
        const PhraseMatch& m = labelled_[at_++];
        push(m.start, m.end, src.labelled.entries()[m.entry].label, SuggestionSource::StringMatch,
             src.labelledShare[m.entry]);
        return true;
      }
      break;
    case 2:
      if (src.useGazetteer && at_ < gazetteer_.size()) {
        const PhraseMatch& m = gazetteer_[at_++];
        push(m.start, m.end, src.gazetteer.entries()[m.entry].label, SuggestionSource::Gazetteer,
             1.0);
        return true;
      }
      break;
    case 3:
      if (at_ == 0 && src.useTagger && !src.model.empty()) {
        auto it = src.taggerCache.find(doc_.id);
        taggerSpans_ = it == src.taggerCache.end() ? nullptr : &it->second;
      }
      if (taggerSpans_ && at_ < taggerSpans_->size()) {
        const TaggedSpan& t = (*taggerSpans_)[at_++];
        push(t.start, t.end, t.label, SuggestionSource::Tagger, t.confidence);
        return true;
      }
      break;
    case 4:
      if (src.useImported && others_ && !src.importedAnnotator.empty() &&
          layer_ < others_->size()) {
        const AnnotationLayer& l = (*others_)[layer_];
        if (l.annotator == src.importedAnnotator && at_ < l.spans.size()) {
          const Span& sp = l.spans[at_++];
          if (sp.fragments.empty())
            push(sp.start, sp.end, sp.label, SuggestionSource::Imported, 1.0);
          return true;
        }
        ++layer_;
        at_ = 0;
        return false;
      }
      break;
    default:
      phase_ = Phase::Sort;
      at_ = 0;
      sort_.emplace(all_, &suggestionBefore);
      out_.reserve(all_.size());  // the merge never grows (and moves) the set in one step
      return false;
  }
  ++list_;
  at_ = 0;
  return false;
}

std::size_t SuggestionJob::mergeRepeats(std::size_t budget) {
  std::size_t n = 0;
  for (; n < budget && at_ < all_.size(); ++n) {
    Suggestion& s = all_[at_++];
    if (!out_.empty() && out_.back().sameSpan(s)) continue;
    ++perLabel_[s.label];
    longest_ = std::max(longest_, s.end - s.start);
    out_.push_back(std::move(s));
  }
  if (at_ >= all_.size()) {
    all_ = std::vector<Suggestion>();
    sort_.reset();
    taken_ = std::unordered_set<uint64_t>();
    phase_ = Phase::Done;
  }
  return std::max<std::size_t>(n, 1);
}

std::vector<Suggestion> SuggestionJob::take() {
  std::vector<Suggestion> out = std::move(out_);
  out_.clear();
  return out;
}

}  // namespace scholion
