// The suggestion sources together: string matching of texts already labelled in the workspace, a
// gazetteer, the tagger, and an imported predictions layer; each switchable.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "phrase_matcher.h"
#include "suggestion.h"
#include "tagger.h"

namespace scholion {

// The string-matching source's entries: each covered text labelled anywhere in `docs` (continuous
// spans), with the label most spans of that exact text have (ties: the first label by name) and,
// in `share`, the part of that text's spans with that label. Matching is exact (case-sensitive):
// "May" the month is not "may" the verb.
std::vector<PhraseEntry> entriesFromSpans(const std::vector<LabelledDocument>& docs,
                                          std::vector<double>& share);

struct SuggestionSources {
  bool useStringMatch = true, useGazetteer = true, useTagger = true, useImported = true;
  PhraseMatcher labelled;
  std::vector<double> labelledShare;  // per entry of `labelled`
  PhraseMatcher gazetteer;
  std::string gazetteerName;  // file it came from ("" = none)
  TaggerModel model;
  // The layer of DocumentData::others holding predictions to review ("" = none).
  std::string importedAnnotator;
  // The tagger's spans per document id (a document's text never changes): whoever changes
  // `model` or `gazetteer`, or opens other documents, clears it.
  mutable std::map<std::string, std::vector<TaggedSpan>> taggerCache;

  void rebuildStringMatch(const std::vector<LabelledDocument>& docs);
  // Every enabled source's suggestions for one document, merged (ordered by suggestionBefore,
  // repeats dropped); left out: rejected ones and those whose exact bounds the document already has
  // a span at (whatever its label: the person has decided there).
  std::vector<Suggestion> suggest(const LabelledDocument& doc,
                                  const std::vector<AnnotationLayer>* others,
                                  const RejectedSet& rejected) const;
};

}  // namespace scholion
