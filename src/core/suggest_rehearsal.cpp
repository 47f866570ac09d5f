// The suggestion pipeline run once on a tiny text (see suggest_rehearsal.h).
#include "suggest_rehearsal.h"

#include "document.h"
#include "model.h"
#include "string_match_job.h"
#include "suggest_job.h"
#include "tagger.h"

namespace scholion {

std::size_t rehearseSuggestions() {
  auto doc = Document::create("Ada met Bob in Rome. Bob met Ada in Rome. Ada wrote to Bob.");
  if (!doc) return 0;
  const std::vector<Span> spans = {continuousSpan("T1", "Person", 0, 3, "Ada"),
                                   continuousSpan("T2", "Place", 15, 19, "Rome")};
  const LabelledDocument labelled{"rehearsal", doc->get(), &spans};
  SuggestionSources sources;
  StringMatchJob match({labelled});
  while (!match.step(8)) {
  }
  match.finish(sources);
  const RejectedSet rejected;
  TaggerDataBuilder prep({labelled}, rejected, nullptr, TrainingScope::AnnotatedSentences);
  while (!prep.step(8)) {
  }
  TaggerOptions options;
  options.epochs = 2;
  TrainingJob training(prep.take(), options);
  while (!training.step(8)) {
  }
  sources.model = training.takeModel();
  SuggestionJob suggest(sources, labelled, nullptr, rejected);
  while (!suggest.step(8)) {
  }
  return suggest.take().size();
}

}  // namespace scholion
