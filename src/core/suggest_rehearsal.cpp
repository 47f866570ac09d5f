// The suggestion pipeline run once on a tiny text (see suggest_rehearsal.h).
#include "suggest_rehearsal.h"

#include "document.h"
#include "string_match_job.h"
#include "suggest_job.h"
#include "tagger.h"

namespace scholion {

std::size_t rehearseSuggestions() {
  auto doc = Document::create("Ada met Bob in Rome. Bob met Ada in Rome. Ada wrote to Bob.");
  if (!doc) return 0;
  std::vector<Span> spans(2);
  spans[0].id = "T1";
  spans[0].label = "Person";
  spans[0].start = 0;
  spans[0].end = 3;
  spans[0].text = "Ada";
  spans[1].id = "T2";
  spans[1].label = "Place";
  spans[1].start = 15;
  spans[1].end = 19;
  spans[1].text = "Rome";
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
