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
constexpr double kSliceSeconds = 0.006;   // training time per frame
constexpr std::size_t kSliceTokens = 64;  // tokens per TrainingJob::step inside a slice

std::vector<LabelledDocument> labelledDocuments(const Editor& ed) {
  std::vector<LabelledDocument> out;
  for (std::size_t i = 0; i < ed.documentCount(); ++i) {
    const DocumentState& d = ed.doc(i);
    out.push_back(LabelledDocument{d.data().id, &d.document(), &d.data().annotations.spans});
  }
  return out;
}

std::string statsKey(const Suggestion& sg, const std::string& label) {
  return std::string(suggestionSourceName(sg.source)) + "|" + label;
}

// Runs a sliced job for at most kSliceSeconds; true when it finished.
template <class Job>
bool runSlice(UiState& s, Job& job) {
  const double t0 = s.platform.now();
  bool done = false;
  while (!done && s.platform.now() - t0 < kSliceSeconds) done = job.step(kSliceTokens);
  s.suggest.worstSliceMs = std::max(s.suggest.worstSliceMs, (s.platform.now() - t0) * 1000.0);
  if (!done) s.frameAt(s.platform.now());
  return done;
}

void trainTagger(UiState& s, const std::vector<LabelledDocument>& docs) {
  SuggestState& g = s.suggest;
  const uint64_t rev = s.editor.revision();
  const double now = s.platform.now();
  if (g.job) {
    if (runSlice(s, *g.job)) {
      g.sources.model = g.job->model();
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
  if (g.taggerRevision == rev) return;
  if (now - g.changedAt < kTrainAfterPause) return s.frameAt(g.changedAt + kTrainAfterPause);
  const PhraseMatcher* gaz = g.sources.gazetteer.empty() ? nullptr : &g.sources.gazetteer;
  TaggerData data = prepareTaggerData(docs, g.rejected, gaz, TrainingScope::AnnotatedSentences);
  g.prepareMs = (s.platform.now() - now) * 1000.0;
  g.jobRevision = rev;
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

void refreshShown(UiState& s, const std::vector<LabelledDocument>& docs) {
  SuggestState& g = s.suggest;
  const DocumentState& d = s.editor.activeDoc();
  const std::string key = d.data().id + "|" + std::to_string(d.revision()) + "|" +
                          std::to_string(g.version) + "|" + std::to_string(s.editor.active());
  if (key == g.shownKey) return;
  Suggestion was;
  const bool had = g.current >= 0 && g.current < static_cast<int>(g.shown.size());
  if (had) was = g.shown[static_cast<std::size_t>(g.current)];
  g.shownKey = key;
  const double t0 = s.platform.now();
  g.shown = g.sources.suggest(docs[s.editor.active()], &d.data().others, g.rejected);
  g.suggestMs = (s.platform.now() - t0) * 1000.0;
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
  g.taggerRevision = UINT64_MAX;  // rejections are negative evidence: retrain
  g.changedAt = s.platform.now();
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
  if (!suggestionsAllowed(s) || !g.show || !s.hasDoc()) {
    g.shown.clear();
    g.shownKey.clear();
    g.current = -1;
    return;
  }
  const uint64_t rev = s.editor.revision();
  if (rev != g.seenRevision) {
    g.seenRevision = rev;
    g.changedAt = s.platform.now();
  }
  const std::vector<LabelledDocument> docs = labelledDocuments(s.editor);
  if (g.matchedRevision != rev) {
    g.sources.rebuildStringMatch(docs);
    g.matchedRevision = rev;
    ++g.version;
  }
  if (g.sources.useTagger) trainTagger(s, docs);
  if (g.heldOut && runSlice(s, *g.heldOut)) {
    const SpanScore& sc = g.heldOut->score();
    char buf[200];
    std::snprintf(buf, sizeof buf, "F1 %.2f (precision %.2f, recall %.2f), %zu spans, %zu folds",
                  sc.f1(), sc.precision(), sc.recall(), sc.gold, g.heldOut->folds());
    g.heldOutResult = buf;
    g.heldOut.reset();
  }
  refreshShown(s, docs);
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
  g.taggerRevision = UINT64_MAX;
  g.changedAt = s.platform.now();
  s.setMessage((undoing ? "Undid: " : "Redid: ") + what);
  return true;
}

void startHeldOutScore(UiState& s) {
  SuggestState& g = s.suggest;
  const PhraseMatcher* gaz = g.sources.gazetteer.empty() ? nullptr : &g.sources.gazetteer;
  g.heldOut = std::make_unique<CrossValidationJob>(
      prepareTaggerData(labelledDocuments(s.editor), g.rejected, gaz,
                        TrainingScope::AnnotatedSentences),
      TaggerOptions(), 5);
  g.heldOutResult = g.heldOut->folds() == 0 ? "label spans in at least two sentences first" : "";
  if (g.heldOut->folds() == 0) g.heldOut.reset();
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
  s.suggest.sources.gazetteer = PhraseMatcher(std::move(*entries));
  s.suggest.sources.gazetteerName = name;
  s.suggest.sources.taggerCache.clear();
  s.suggest.taggerRevision = UINT64_MAX;  // gazetteer hits are features
  ++s.suggest.version;
  s.setMessage(
      "Gazetteer " + name + ": " + std::to_string(n) + " entries" +
          (unknown.empty() ? ""
                           : " (labels not in the schema, cannot be accepted: " + unknown + ")"),
      !unknown.empty());
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
  nlohmann::json shown = nlohmann::json::array();
  for (const Suggestion& sg : g.shown)
    shown.push_back({{"start", sg.start},
                     {"end", sg.end},
                     {"label", sg.label},
                     {"source", suggestionSourceName(sg.source)},
                     {"confidence", sg.confidence}});
  nlohmann::json stats = nlohmann::json::object();
  for (const auto& [k, c] : g.stats)
    stats[k] = {{"accepted", c.accepted}, {"rejected", c.rejected}};
  return {{"allowed", suggestionsAllowed(s)},
          {"shown", shown},
          {"current", g.current},
          {"rejected", g.rejected.size()},
          {"stats", stats},
          {"gazetteerEntries", g.sources.gazetteer.entryCount()},
          {"taggerSpans", g.trainedSpans},
          {"taggerTokens", g.trainedTokens},
          {"training", g.job != nullptr},
          {"worstSliceMs", g.worstSliceMs},
          {"prepareMs", g.prepareMs},
          {"suggestMs", g.suggestMs},
          {"heldOut", g.heldOutResult}};
}

}  // namespace scholion::ui
