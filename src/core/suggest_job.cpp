// Sliced computation of one document's suggestions: matching by token ranges, the tagger by
// sentences, then filtering and merging.
#include "suggest_job.h"

#include <algorithm>
#include <set>

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
  while (!done() && (visited == 0 || visited < tokenBudget)) {
    if (phase_ == Phase::Match) {
      visited += matchTokens(std::max<std::size_t>(1, tokenBudget - visited));
    } else if (phase_ == Phase::Tagger) {
      visited += tagSentence();
    } else {
      finish();
      visited += 1;
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
  if (token_ >= n) phase_ = tagging_ ? Phase::Tagger : Phase::Finish;
  return visited;
}

std::size_t SuggestionJob::tagSentence() {
  const auto& sents = doc_.document->sentences();
  if (sentence_ >= sents.size()) {
    sources_.taggerCache.emplace(doc_.id, std::move(tagged_));
    phase_ = Phase::Finish;
    return 1;
  }
  const Sentence& s = sents[sentence_++];
  sources_.model.predictSentence(*doc_.document, s, hits_, tagged_);
  return s.tokenCount + 1;
}

void SuggestionJob::finish() {
  std::vector<Suggestion>& out = out_;
  auto push = [&](uint32_t start, uint32_t end, const std::string& label, SuggestionSource src,
                  double confidence) {
    out.push_back(Suggestion{doc_.id, start, end, label, src, confidence});
  };
  if (sources_.useStringMatch)
    for (const PhraseMatch& m : labelled_)
      push(m.start, m.end, sources_.labelled.entries()[m.entry].label,
           SuggestionSource::StringMatch, sources_.labelledShare[m.entry]);
  if (sources_.useGazetteer)
    for (const PhraseMatch& m : gazetteer_)
      push(m.start, m.end, sources_.gazetteer.entries()[m.entry].label, SuggestionSource::Gazetteer,
           1.0);
  if (sources_.useTagger && !sources_.model.empty()) {
    auto it = sources_.taggerCache.find(doc_.id);
    if (it != sources_.taggerCache.end())
      for (const TaggedSpan& t : it->second)
        push(t.start, t.end, t.label, SuggestionSource::Tagger, t.confidence);
  }
  if (sources_.useImported && others_ && !sources_.importedAnnotator.empty())
    for (const AnnotationLayer& l : *others_)
      if (l.annotator == sources_.importedAnnotator)
        for (const Span& s : l.spans)
          if (s.fragments.empty()) push(s.start, s.end, s.label, SuggestionSource::Imported, 1.0);
  std::set<std::pair<uint32_t, uint32_t>> taken;
  if (doc_.spans)
    for (const Span& s : *doc_.spans) taken.emplace(s.start, s.end);
  out.erase(std::remove_if(
                out.begin(), out.end(),
                [&](const Suggestion& s) {
                  return s.start >= s.end || taken.count({s.start, s.end}) || rejected_.contains(s);
                }),
            out.end());
  sortAndMergeSuggestions(out);
  phase_ = Phase::Done;
}

std::vector<Suggestion> SuggestionJob::take() {
  std::vector<Suggestion> out = std::move(out_);
  out_.clear();
  return out;
}

}  // namespace scholion
