// Machine suggestions in the app: keeping them current, training the tagger in the frame loop,
// accepting (a normal add-span step), rejecting (undoable), the next most useful one, gazetteers.
#include <algorithm>
#include <cmath>

#include "gazetteer.h"
#include "json_util.h"
#include "suggest_ui.h"

namespace scholion::ui {
namespace {

constexpr double kTrainAfterPause = 0.8;  // seconds without a change before retraining
constexpr double kSliceSeconds = 0.006;   // sliced work per frame
// Tokens per step of a sliced job: the first step of a slice is small, the next ones are sized
// from the time the previous one took (wasm's first, unoptimised code is several times slower
// than the optimised code that replaces it, so no fixed size fits both).
constexpr std::size_t kFirstStepTokens = 16, kMaxStepTokens = 512;
// A step shorter than this is not timed well enough to size the next one by its pace.
constexpr double kTimedStepSeconds = 0.0005;
// The workspace's documents as the sources see them, rebuilt only when the editor's revision
// changes (their pointers and spans stay valid until then), so a frame does not copy ids.
const std::vector<LabelledDocument>& labelledDocuments(SuggestState& g, const Editor& ed) {
  if (g.docsRevision == ed.revision() && g.docs.size() == ed.documentCount()) return g.docs;
  g.docs.clear();
  for (std::size_t i = 0; i < ed.documentCount(); ++i) {
    const DocumentState& d = ed.doc(i);
    g.docs.push_back(LabelledDocument{d.data().id, &d.document(), &d.data().annotations.spans});
  }
  g.docsRevision = ed.revision();
  return g.docs;
}

std::string statsKey(const Suggestion& sg, const std::string& label) {
  return std::string(suggestionSourceName(sg.source)) + "|" + label;
}

// Runs a sliced job until `deadline` (this frame's share of kSliceSeconds, shared by every job;
// the longest slice goes to `worstMs`); true when it finished. Each step is sized to take at most
// half the time left at the pace of the one before.
// A job whose phases differ in cost per token says which phase it is in (stage()); others are one
// phase to the pacing.
template <class Job>
auto stageOf(const Job& job, int) -> decltype(static_cast<std::size_t>(job.stage())) {
  return static_cast<std::size_t>(job.stage());
}
template <class Job>
std::size_t stageOf(const Job&, long) {
  return 0;
}

template <class Job>
bool runSlice(UiState& s, Job& job, double& worstMs, double deadline, const char* what) {
  const double t0 = s.platform.now();
  double now = t0;
  std::size_t budget = kFirstStepTokens;
  bool done = false;
  while (!done && now < deadline) {
    const std::size_t stage = stageOf(job, 0);
    done = job.step(budget);
    const double after = s.platform.now();
    const double perToken = (after - now) / double(budget), left = deadline - after;
    if ((after - now) * 1000.0 > s.suggest.worstStepMs) {
      s.suggest.worstStepMs = (after - now) * 1000.0;
      s.suggest.worstStepJob = what;
    }
    // A new phase starts small again: the last step's pace says nothing about its cost. A step
    // grows at most twofold: the browser's clock has a grain of 0.1 ms, so a short step's pace is
    // a guess (a 16-token step timed at 0.2 ms once led to a 512-token step of 13 ms), and the
    // cost per token varies within a phase. A step too short to time simply doubles.
    const std::size_t paced =
        after - now < kTimedStepSeconds ? SIZE_MAX : static_cast<std::size_t>(left / 2 / perToken);
    now = after;
    budget = stageOf(job, 0) != stage ? kFirstStepTokens : std::min(budget * 2, paced);
    budget = std::clamp<std::size_t>(budget, 1, kMaxStepTokens);
  }
  worstMs = std::max(worstMs, (now - t0) * 1000.0);
  if (!done) s.frameAt(now);
  return done;
}

// Something the model learns from changed outside the editor's revision (a rejection, its undo,
// a gazetteer): whatever is being prepared or trained is stale.
void retrainSoon(SuggestState& g, double now) {
  g.taggerRevision = UINT64_MAX;
  g.prep.reset();
  g.job.reset();
  g.changedAt = now;
}

const PhraseMatcher* gazetteerOf(const SuggestState& g) {
  return g.sources.gazetteer.empty() ? nullptr : &g.sources.gazetteer;
}

// A finished gazetteer import replaces the gazetteer: whatever used the old one starts again.
void gazetteerTick(UiState& s, double deadline) {
  SuggestState& g = s.suggest;
  if (!g.gazetteerImport ||
      !runSlice(s, g.gazetteerImport->builder, g.matchBuildMs, deadline, "gazetteer"))
    return;
  g.sources.gazetteer = g.gazetteerImport->builder.take();
  g.sources.gazetteerName = g.gazetteerImport->name;
  g.sources.taggerCache.clear();
  retrainSoon(g, s.platform.now());  // gazetteer hits are features
  g.heldOutPrep.reset();             // it points to the old gazetteer
  g.heldOut.reset();
  ++g.version;
  s.setMessage(g.gazetteerImport->message, g.gazetteerImport->warn);
  g.gazetteerImport.reset();
  s.frameAt(s.platform.now());
}

// The held-out score: data prepared in slices (an edit meanwhile starts it again), then folds.
void heldOutTick(UiState& s, double deadline) {
  SuggestState& g = s.suggest;
  if (g.heldOutPrep && g.heldOutRevision != s.editor.revision()) startHeldOutScore(s);
  if (g.heldOutPrep && runSlice(s, *g.heldOutPrep, g.worstSliceMs, deadline, "heldOutPrepare")) {
    g.heldOut = std::make_unique<CrossValidationJob>(g.heldOutPrep->take(), TaggerOptions(), 5);
    g.heldOutPrep.reset();
    if (g.heldOut->folds() == 0) {
      g.heldOutResult = "label spans in at least two sentences first";
      g.heldOut.reset();
    }
  }
  if (g.heldOut && runSlice(s, *g.heldOut, g.worstSliceMs, deadline, "heldOut")) {
    const SpanScore& sc = g.heldOut->score();
    char buf[200];
    std::snprintf(buf, sizeof buf, "F1 %.2f (precision %.2f, recall %.2f), %zu spans, %zu folds",
                  sc.f1(), sc.precision(), sc.recall(), sc.gold, g.heldOut->folds());
    g.heldOutResult = buf;
    g.heldOut.reset();
  }
}

void trainTagger(UiState& s, const std::vector<LabelledDocument>& docs, double deadline) {
  SuggestState& g = s.suggest;
  const uint64_t rev = s.editor.revision();
  const double now = s.platform.now();
  if (g.job) {
    if (runSlice(s, *g.job, g.worstSliceMs, deadline, "train")) {
      g.sources.model = g.job->takeModel();
      g.sources.taggerCache.clear();
      g.trainedSpans = g.job->data().spanCount;
      g.trainedSentences = g.job->data().sentences.size();
      g.trainedTokens = g.job->data().tokenCount;
      g.taggerRevision = g.jobRevision;
      g.job.reset();
      ++g.version;
    }
    return;
  }
  if (g.prep && g.jobRevision != rev) g.prep.reset();  // edited meanwhile: its pointers are stale
  if (!g.prep) {
    if (g.taggerRevision == rev) return;
    if (now - g.changedAt < kTrainAfterPause) return s.frameAt(g.changedAt + kTrainAfterPause);
    g.prep = std::make_unique<TaggerDataBuilder>(docs, g.rejected, gazetteerOf(g),
                                                 TrainingScope::AnnotatedSentences);
    g.jobRevision = rev;
    g.prepareMs = 0;
  }
  if (!runSlice(s, *g.prep, g.prepareMs, deadline, "prepare")) return;
  TaggerData data = g.prep->take();
  g.prep.reset();
  if (data.spanCount == 0) {
    g.sources.model = TaggerModel();
    g.sources.taggerCache.clear();
    g.taggerRevision = rev;
    g.trainedSpans = g.trainedSentences = g.trainedTokens = 0;
    ++g.version;
    return;
  }
  g.job = std::make_unique<TrainingJob>(std::move(data), TaggerOptions());
  s.frameAt(now);
}

// Recomputes the active document's suggestions in slices when what they depend on changes; the
// previous set stays shown (and usable) until the new one is complete.
void refreshShown(UiState& s, const std::vector<LabelledDocument>& docs, double deadline) {
  SuggestState& g = s.suggest;
  const DocumentState& d = s.editor.activeDoc();
  const SuggestState::ShownKey key{&d, d.revision(), g.version, s.editor.active()};
  if (!(key == g.shownKey)) {
    g.shownKey = key;
    g.shownJob = std::make_unique<SuggestionJob>(g.sources, docs[s.editor.active()],
                                                 &d.data().others, g.rejected);
    g.suggestMs = 0;
  }
  if (!g.shownJob || !runSlice(s, *g.shownJob, g.suggestMs, deadline, "suggest")) return;
  Suggestion was;
  const bool had = g.current >= 0 && g.current < static_cast<int>(g.shown.size());
  if (had) was = g.shown[static_cast<std::size_t>(g.current)];
  g.replaceShown(*g.shownJob);
  g.shownJob.reset();
  g.current = -1;
  if (had)
    for (std::size_t i = 0; i < g.shown.size(); ++i)
      if (g.shown[i].sameSpan(was)) g.current = static_cast<int>(i);
}

void reject(UiState& s, std::vector<Suggestion> sgs, const std::string& what) {
  SuggestState& g = s.suggest;
  if (sgs.empty()) return s.setMessage("No suggestion to reject");
  for (const Suggestion& sg : sgs) {
    g.rejected.add(sg);
    ++g.stats[statsKey(sg, sg.label)].rejected;
  }
  g.undo.push_back(SuggestState::Rejection{std::move(sgs), s.editor.clock()});
  g.redo.clear();
  ++g.version;
  retrainSoon(g, s.platform.now());  // rejections are negative evidence
  s.setMessage(what);
}

// Accepts suggestions of the active document as one add-span step.
bool accept(UiState& s, const std::vector<Suggestion>& sgs, const std::string& label,
            const std::string& what) {
  if (sgs.empty() || !s.hasDoc()) {
    s.setMessage("No suggestion to accept");
    return false;
  }
  std::vector<LabelledRange> ranges;
  for (const Suggestion& sg : sgs)
    ranges.push_back(LabelledRange{sg.start, sg.end, label.empty() ? sg.label : label});
  if (!s.apply(cmdAddLabelledRanges(*s.doc(), s.editor.schema(), ranges, s.annotatorName(), what)))
    return false;
  for (std::size_t i = 0; i < sgs.size(); ++i)
    ++s.suggest.stats[statsKey(sgs[i], ranges[i].label)].accepted;
  return true;
}

std::string describe(const Suggestion& sg, const std::string& label) {
  return label + " (" + suggestionSourceName(sg.source) + ")";
}

}  // namespace

bool suggestionsAllowed(const UiState& s) {
  const ExerciseInfo& x = s.editor.exercise();
  return !x.enabled || x.allowSuggestions;
}

void suggestionsTick(UiState& s) {
  SuggestState& g = s.suggest;
  // One frame's time for all sliced work: an imported gazetteer, string matching (the shown
  // suggestions depend on both), the shown suggestions (they answer the person's last action),
  // then training and the held-out score (a new model shows from the next frame).
  const double deadline = s.platform.now() + kSliceSeconds;
  gazetteerTick(s, deadline);
  if (!suggestionsAllowed(s) || !g.show || !s.hasDoc()) {
    g.clearShown();
    g.shownKey = {};
    g.shownJob.reset();
    g.current = -1;
    return;
  }
  const uint64_t rev = s.editor.revision();
  if (rev != g.seenRevision) {
    g.seenRevision = rev;
    g.changedAt = s.platform.now();
  }
  const std::vector<LabelledDocument>& docs = labelledDocuments(g, s.editor);
  const uint64_t version = g.version;
  if (g.matchedRevision != rev) {
    if (!g.matchJob || g.matchJobRevision != rev) {  // edited meanwhile: its pointers are stale
      g.matchJob = std::make_unique<StringMatchJob>(docs);
      g.matchJobRevision = rev;
    }
    if (runSlice(s, *g.matchJob, g.matchBuildMs, deadline, "match")) {
      g.matchJob->finish(g.sources);  // before refreshShown: the new version restarts its job
      g.matchJob.reset();
      g.matchedRevision = rev;
      ++g.version;
    }
  }
  refreshShown(s, docs, deadline);
  if (g.sources.useTagger) trainTagger(s, docs, deadline);
  heldOutTick(s, deadline);
  if (g.version != version) s.frameAt(s.platform.now());
}

const Suggestion* suggestionUnderCaret(const UiState& s) {
  const SuggestState& g = s.suggest;
  if (s.sel.hasText()) {  // the same range, else one that contains the selection
    const Suggestion* around = nullptr;
    for (const Suggestion& sg : g.shown) {
      if (sg.start == s.sel.start && sg.end == s.sel.end) return &sg;
      if (!around && sg.start <= s.sel.start && s.sel.end <= sg.end) around = &sg;
    }
    return around;
  }
  if (!s.sel.span.empty() || !s.sel.relation.empty()) return nullptr;
  if (g.current >= 0 && g.current < static_cast<int>(g.shown.size()))
    return &g.shown[static_cast<std::size_t>(g.current)];
  return nullptr;
}

bool acceptSuggestionUnderCaret(UiState& s, const std::string& label) {
  const Suggestion* sg = suggestionUnderCaret(s);
  if (!sg) return false;
  const Suggestion chosen = *sg;
  const std::string l = label.empty() ? chosen.label : label;
  if (!accept(s, {chosen}, l, "Accept " + describe(chosen, l))) return true;
  s.clearSelection();
  return true;
}

bool rejectSuggestionUnderCaret(UiState& s) {
  const Suggestion* sg = suggestionUnderCaret(s);
  if (!sg) return false;
  Suggestion chosen = *sg;
  reject(s, {chosen}, "Rejected " + describe(chosen, chosen.label));
  s.clearSelection();
  return true;
}

void nextMostUsefulSuggestion(UiState& s) {
  SuggestState& g = s.suggest;
  if (g.shown.empty()) return s.setMessage("No suggestions in this document");
  // Order: least confident first (the tagger's unsure guesses teach it most), then by place.
  std::vector<int> order(g.shown.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return g.shown[static_cast<std::size_t>(a)].confidence <
           g.shown[static_cast<std::size_t>(b)].confidence;
  });
  auto at = std::find(order.begin(), order.end(), g.current);
  g.current = at == order.end() || at + 1 == order.end() ? order[0] : *(at + 1);
  const Suggestion& sg = g.shown[static_cast<std::size_t>(g.current)];
  s.clearSelection();
  s.scrollToRange(sg.start, sg.end);
  char buf[64];
  std::snprintf(buf, sizeof buf, " %.0f%%", sg.confidence * 100);
  s.setMessage("Suggestion " + describe(sg, sg.label) + buf +
               ": Enter accepts, x or Delete rejects, U goes on");
}

void pickSuggestionAt(UiState& s, uint32_t cp) {
  SuggestState& g = s.suggest;
  g.current = -1;
  for (std::size_t i = 0; i < g.shown.size(); ++i)
    if (g.shown[i].start <= cp && cp < g.shown[i].end) {
      g.current = static_cast<int>(i);
      break;
    }
}

bool stepSuggestionHistory(UiState& s, bool undoing) {
  SuggestState& g = s.suggest;
  auto& from = undoing ? g.undo : g.redo;
  if (from.empty()) return false;
  const uint64_t c = from.back().clock;
  if (undoing) {
    if (s.editor.canUndo() && s.editor.undoSequence() > c) return false;  // the editor's is newer
  } else if (s.editor.canRedo() && s.editor.redoSequence() <= c) {
    return false;  // the editor's step came before the rejection
  }
  SuggestState::Rejection r = std::move(from.back());
  from.pop_back();
  for (const Suggestion& sg : r.suggestions) {
    auto& n = g.stats[statsKey(sg, sg.label)].rejected;
    if (undoing) {
      g.rejected.remove(sg);
      n -= n > 0;
    } else {
      g.rejected.add(sg);
      ++n;
    }
  }
  const std::string what = std::to_string(r.suggestions.size()) + " rejected suggestion" +
                           (r.suggestions.size() == 1 ? "" : "s");
  (undoing ? g.redo : g.undo).push_back(std::move(r));
  ++g.version;
  retrainSoon(g, s.platform.now());
  s.setMessage((undoing ? "Undid: " : "Redid: ") + what);
  return true;
}

void startHeldOutScore(UiState& s) {
  SuggestState& g = s.suggest;
  g.heldOut.reset();
  g.heldOutPrep =
      std::make_unique<TaggerDataBuilder>(labelledDocuments(g, s.editor), g.rejected,
                                          gazetteerOf(g), TrainingScope::AnnotatedSentences);
  g.heldOutRevision = s.editor.revision();
  g.heldOutResult.clear();
  s.frameAt(s.platform.now());
}

void importGazetteer(UiState& s, const std::string& name, const std::string& bytes) {
  auto entries = parseGazetteer(bytes, name);
  if (!entries) return s.setMessage("Gazetteer not imported: " + entries.error(), true);
  std::string unknown;
  for (const PhraseEntry& e : *entries)
    if (!s.editor.schema().findLabel(e.label) && unknown.find(e.label) == std::string::npos)
      unknown += (unknown.empty() ? "" : ", ") + e.label;
  const std::size_t n = entries->size();
  // Built in slices by gazetteerTick (100,000 entries take longer than a frame).
  s.suggest.gazetteerImport.reset(new SuggestState::GazetteerImport{
      PhraseMatcherBuilder(std::move(*entries)), name,
      "Gazetteer " + name + ": " + std::to_string(n) + " entries" +
          (unknown.empty() ? ""
                           : " (labels not in the schema, cannot be accepted: " + unknown + ")"),
      !unknown.empty()});
  s.setMessage("Reading gazetteer " + name + "...");
  s.frameAt(s.platform.now());
}

void acceptOrRejectWhere(UiState& s, bool accepting, const std::string& label, float minConf) {
  std::vector<Suggestion> pick;
  for (const Suggestion& sg : s.suggest.shown)
    if ((label.empty() || sg.label == label) && sg.confidence + 1e-9 >= minConf) pick.push_back(sg);
  const std::string what = std::string(accepting ? "Accept " : "Reject ") +
                           std::to_string(pick.size()) + " suggestion" +
                           (pick.size() == 1 ? "" : "s") + (label.empty() ? "" : " of " + label);
  if (accepting)
    accept(s, pick, "", what);
  else
    reject(s, std::move(pick), what);
}

nlohmann::json suggestionsStateJson(const UiState& s) {
  const SuggestState& g = s.suggest;
  // The first kStateSuggestions only: a large workspace has over 100,000, and tests and
  // benchmarks call this after each gesture.
  constexpr std::size_t kStateSuggestions = 2000;
  nlohmann::json shown = nlohmann::json::array();
  for (std::size_t i = 0; i < g.shown.size() && i < kStateSuggestions; ++i) {
    const Suggestion& sg = g.shown[i];
    shown.push_back({{"start", sg.start},
                     {"end", sg.end},
                     {"label", sg.label},
                     {"source", suggestionSourceName(sg.source)},
                     {"confidence", sg.confidence}});
  }
  nlohmann::json stats = nlohmann::json::object();
  for (const auto& [k, c] : g.stats)
    stats[k] = {{"accepted", c.accepted}, {"rejected", c.rejected}};
  return {{"allowed", suggestionsAllowed(s)},
          {"shown", shown},
          {"shownCount", g.shown.size()},
          {"current", g.current},
          {"rejected", g.rejected.size()},
          {"stats", stats},
          {"gazetteerEntries", g.sources.gazetteer.entryCount()},
          {"taggerSpans", g.trainedSpans},
          {"taggerTokens", g.trainedTokens},
          {"training", g.job != nullptr || g.prep != nullptr},
          {"suggesting", g.shownJob != nullptr},
          {"worstSliceMs", g.worstSliceMs},
          {"worstStepMs", g.worstStepMs},
          {"worstStepJob", g.worstStepJob},
          {"matchBuildMs", g.matchBuildMs},
          {"prepareMs", g.prepareMs},
          {"suggestMs", g.suggestMs},
          {"heldOut", g.heldOutResult}};
}

}  // namespace scholion::ui
