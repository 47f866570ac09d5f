// UI part for machine suggestions: the sources, what is shown for the active document, the
// rejected set, the tagger's background training, the held-out score, decision counts and the
// undo of rejections. Suggestions live here, never in the workspace's layers.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "string_match_job.h"
#include "suggest_job.h"
#include "suggest_sources.h"
#include "suggestion.h"
#include "tagger.h"

namespace scholion::ui {

struct SuggestState {
  bool panelOpen = false;
  bool show = true;  // the user's master switch
  SuggestionSources sources;
  RejectedSet rejected;

  // Suggestions of the active document (sorted by start); recomputed in slices by `shownJob` when
  // `shownKey` changes, the previous ones staying on screen until the new set is complete.
  std::vector<Suggestion> shown;
  struct ShownKey {  // what `shown` was computed from
    const void* doc = nullptr;
    uint64_t docRevision = 0, version = 0;
    std::size_t active = 0;
    bool operator==(const ShownKey& o) const {
      return doc == o.doc && docRevision == o.docRevision && version == o.version &&
             active == o.active;
    }
  } shownKey;
  std::unique_ptr<SuggestionJob> shownJob;
  // Derived from `shown` whenever it is replaced, so no frame walks it whole: the longest
  // suggestion (code points, to find the visible ones by binary search) and the count per label.
  uint32_t shownLongest = 0;
  std::vector<std::pair<std::string, std::size_t>> shownPerLabel;
  int current = -1;      // index into `shown`: picked by a click or the "next most useful" key
  uint64_t version = 1;  // bumped when a source or the rejected set changes

  // The workspace's documents for the sources, as of the editor revision `docsRevision`.
  std::vector<LabelledDocument> docs;
  uint64_t docsRevision = UINT64_MAX;

  // String matching follows the editor's revision: rebuilt in slices by `matchJob` (restarted by
  // an edit meanwhile), the previous automaton serving until the new one is complete.
  uint64_t matchedRevision = UINT64_MAX;
  std::unique_ptr<StringMatchJob> matchJob;
  uint64_t matchJobRevision = UINT64_MAX;

  // The tagger: retrained after each batch of new annotations (a pause in labelling).
  uint64_t taggerRevision = UINT64_MAX;  // editor revision the current model was trained on
  uint64_t seenRevision = UINT64_MAX;
  double changedAt = 0;  // when the editor's revision last changed
  // Training data prepared in slices, then the training in slices (edits meanwhile restart it).
  std::unique_ptr<TaggerDataBuilder> prep;
  std::unique_ptr<TrainingJob> job;
  uint64_t jobRevision = 0;
  std::size_t trainedSpans = 0, trainedSentences = 0, trainedTokens = 0;
  double worstSliceMs = 0;        // longest training slice in one frame (shown in the panel)
  double worstStepMs = 0;         // longest single step of any sliced job (benchmarks)
  const char* worstStepJob = "";  // which job that step belonged to
  // Longest slice of building an automaton, the string matching's or an imported gazetteer's.
  double matchBuildMs = 0;  // (benchmarks)
  double prepareMs = 0;     // longest slice of the last preparation of training data (benchmarks)
  double suggestMs = 0;     // longest slice of the last computation of the shown suggestions

  // Held-out F1 on request: its data prepared in slices (restarted by an edit meanwhile), then
  // scored in slices.
  std::unique_ptr<TaggerDataBuilder> heldOutPrep;
  uint64_t heldOutRevision = 0;
  std::unique_ptr<CrossValidationJob> heldOut;
  std::string heldOutResult;
  bool heldOutBusy() const { return heldOutPrep || heldOut; }

  // An imported gazetteer's automaton, built in slices; the previous gazetteer serves meanwhile.
  struct GazetteerImport {
    PhraseMatcherBuilder builder;
    std::string name, message;  // the file, and what to say once it is in use
    bool warn = false;
  };
  std::unique_ptr<GazetteerImport> gazetteerImport;

  // Decisions per "source|label".
  struct Counts {
    std::size_t accepted = 0, rejected = 0;
  };
  std::map<std::string, Counts> stats;

  // Rejections are undone with Ctrl+Z like editor steps: each holds the editor's clock when it
  // was made, so undo takes whichever came last.
  struct Rejection {
    std::vector<Suggestion> suggestions;
    uint64_t clock = 0;
  };
  std::vector<Rejection> undo, redo;

  float threshold = 0.8f;  // "accept / reject all at or above"

  // What the next file chooser brings in is a gazetteer.
  bool wantGazetteer = false;

  // The finished job's suggestions become the shown set (with the counts it kept).
  void replaceShown(SuggestionJob& finished) {
    shown = finished.take();
    shownLongest = finished.longest();
    shownPerLabel.assign(finished.perLabel().begin(), finished.perLabel().end());
  }
  void clearShown() {
    shown.clear();
    shownLongest = 0;
    shownPerLabel.clear();
  }

  // Every source and decision that points into the old workspace goes.
  void onWorkspaceReplaced() {
    shownKey = {};
    docs.clear();
    docsRevision = UINT64_MAX;
    shownJob.reset();
    prep.reset();
    heldOutPrep.reset();
    current = -1;
    matchedRevision = UINT64_MAX;
    matchJob.reset();
    sources.taggerCache.clear();  // document ids may now name other texts
  }
};

}  // namespace scholion::ui
