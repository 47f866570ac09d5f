// Suggestions from each source for one document, filtered by what the person already decided.
#include "suggest_sources.h"

#include <algorithm>
#include <map>
#include <set>

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
  std::vector<Suggestion> out;
  if (!doc.document) return out;
  auto push = [&](uint32_t start, uint32_t end, const std::string& label, SuggestionSource src,
                  double confidence) {
    out.push_back(Suggestion{doc.id, start, end, label, src, confidence});
  };
  if (useStringMatch)
    for (const PhraseMatch& m : labelled.match(*doc.document))
      push(m.start, m.end, labelled.entries()[m.entry].label, SuggestionSource::StringMatch,
           labelledShare[m.entry]);
  if (useGazetteer)
    for (const PhraseMatch& m : gazetteer.match(*doc.document))
      push(m.start, m.end, gazetteer.entries()[m.entry].label, SuggestionSource::Gazetteer, 1.0);
  if (useTagger && !model.empty()) {
    auto it = taggerCache.find(doc.id);
    if (it == taggerCache.end())
      it = taggerCache
               .emplace(doc.id,
                        model.predict(*doc.document, gazetteer.empty() ? nullptr : &gazetteer))
               .first;
    for (const TaggedSpan& t : it->second)
      push(t.start, t.end, t.label, SuggestionSource::Tagger, t.confidence);
  }
  if (useImported && others && !importedAnnotator.empty())
    for (const AnnotationLayer& l : *others)
      if (l.annotator == importedAnnotator)
        for (const Span& s : l.spans)
          if (s.fragments.empty()) push(s.start, s.end, s.label, SuggestionSource::Imported, 1.0);
  std::set<std::pair<uint32_t, uint32_t>> taken;
  if (doc.spans)
    for (const Span& s : *doc.spans) taken.emplace(s.start, s.end);
  out.erase(std::remove_if(
                out.begin(), out.end(),
                [&](const Suggestion& s) {
                  return s.start >= s.end || taken.count({s.start, s.end}) || rejected.contains(s);
                }),
            out.end());
  sortAndMergeSuggestions(out);
  return out;
}

}  // namespace scholion
