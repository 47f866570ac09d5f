// Documents in and out: opened files (text, HTML, Scholion JSON), export, autosave and the UI
// state.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <utility>

#include "embedded.h"
#include "format_util.h"
#include "html_text.h"
#include "json_util.h"
#include "panels.h"
#include "scholion_json.h"
#include "suggest_ui.h"
#include "text.h"
#include "touch_ui.h"

namespace scholion::ui {
namespace {
// Seconds of a frame's UI after which saving does only its one step (drawing and the GL
// submission still follow within the 16.7 ms of a 60 Hz frame).
constexpr double kSaveFrameTarget = 0.010;
}  // namespace

bool UiState::addTextDocument(const std::string& name, const std::string& bytes) {
  Result<DocumentData> d = textDocument(name, bytes);
  if (!d) {
    setMessage(d.error(), true);
    return false;
  }
  std::vector<DocumentData> docs;
  docs.push_back(std::move(*d));
  return applyEdit(planAddDocuments(editor, std::move(docs), "Add " + name));
}

bool UiState::nothingToLose(const Workspace& in) const {
  if (workspaceHasWork(editor)) return false;
  for (std::size_t i = 0; i < editor.documentCount(); ++i) {
    const DocumentData& d = editor.doc(i).data();
    if (d.id == "sample" && d.sha256 == sha256Hex(embeddedSampleText())) continue;
    bool brought = false;
    for (const DocumentData& n : in.documents) brought = brought || n.sha256 == d.sha256;
    if (!brought) return false;
  }
  return true;
}

void UiState::openFiles(std::vector<NamedFile> files, bool fromLink) {
  if (std::exchange(suggest.wantGazetteer, false) && files.size() == 1)
    return importGazetteer(*this, files[0].name, files[0].bytes);
  OpenedFiles opened = sortOpenedFiles(std::move(files));
  // Only Scholion JSON: the classroom may take it (an exercise, hand-ins, a zip of hand-ins).
  if (!opened.onlyScholion())
    classroom.wantFiles = false;  // student hand-ins are Scholion JSON files only
  else if (classroomTakeFiles(*this, opened.scholion))
    return;
  std::string errors;
  auto addError = [&](const std::string& e) { errors += (errors.empty() ? "" : "\n") + e; };
  for (const std::string& e : opened.errors) addError(e);
  for (ParsedFile& p : opened.scholion) {
    if (!p.workspace)
      addError(p.name + ": " + p.workspace.error());
    else
      dialogs.pendingImports.push_back(
          ImportedFile{p.name, std::move(*p.workspace), Format::Scholion, {}});
  }
  for (ImportedFile& imp : opened.imports) dialogs.pendingImports.push_back(std::move(imp));
  // A link's file opens in one step when replacing the workspace loses nothing (a first visit,
  // the sample, or the same texts again without annotations); otherwise the dialog asks.
  if (fromLink && dialogs.pendingImports.size() == 1 && opened.texts.empty() && errors.empty() &&
      nothingToLose(dialogs.pendingImports.front().workspace)) {
    ImportedFile imp = std::move(dialogs.pendingImports.front());
    dialogs.pendingImports.clear();
    importWorkspace(imp, true, false);
    // What the file's own tool would warn about is still said (the dialog would have listed it).
    if (!imp.warnings.empty())
      setMessage(status.text + "; " + std::to_string(imp.warnings.size()) + " warning(s), e.g. " +
                     imp.warnings.front(),
                 status.error);
    return;
  }
  const std::size_t texts = opened.texts.size();
  if (texts > 0) {
    const std::string what =
        texts == 1 ? "Add " + opened.texts[0].name : "Add " + std::to_string(texts) + " documents";
    if (!applyEdit(planAddDocuments(editor, std::move(opened.texts), what))) return;
  }
  if (!errors.empty())
    setMessage(errors, true);
  else if (texts)
    setMessage("Opened " + std::to_string(texts) + " document(s)");
}

void UiState::importWorkspace(ImportedFile& imp, bool replace, bool asOtherLayer) {
  if (replace) {
    if (!applyEdit(planOpenWorkspace(editor, std::move(imp.workspace), "Open " + imp.name))) return;
    onActiveDocumentChanged();
    return setMessage("Opened workspace " + imp.name);
  }
  // Merge: same text (hash) -> the imported layer joins that document; else a new document.
  MergePlan plan = planMerge(editor, std::move(imp.workspace),
                             asOtherLayer ? MergeMode::AsLayer : MergeMode::ReplaceMine, imp.name);
  if (!applyEdit(std::move(plan.edit))) return;
  const std::string added = std::to_string(plan.added);
  if (plan.matched == 0 && imp.format != Format::Scholion)
    setMessage("Opened " + imp.name + ": " + added + " new document(s)");
  else if (plan.matched == 0)
    setMessage(imp.name +
                   " was made for a different text (no open document has the same content "
                   "hash): its " +
                   added + " document(s) were opened as new documents",
               true);
  else
    setMessage("Merged " + imp.name + ": " + std::to_string(plan.matched) +
                   " matching document(s), " + added + " new",
               false);
}

std::string UiState::workspaceExportStem() const {
  const ExerciseInfo& ex = editor.exercise();
  std::string base = ex.enabled && !ex.title.empty() ? ex.title : std::string("workspace");
  return safeFilePart(base) + "-" + safeFilePart(annotatorName());
}

void UiState::exportWorkspace(bool currentOnly) {
  if (!hasDoc()) return setMessage("Nothing to export", true);
  Workspace ws = editor.snapshot();
  std::string file = workspaceExportStem() + ".scholion.json";
  if (currentOnly) {
    DocumentData d = std::move(ws.documents[editor.active()]);
    ws.documents.clear();
    ws.documents.push_back(std::move(d));
    ws.activeDocument = 0;
    file = safeFilePart(fileStem(ws.documents[0].name)) + "-" + safeFilePart(annotatorName()) +
           ".scholion.json";
  }
  offerFile(file, writeScholionJson(ws), "application/json");
}

bool UiState::offerFile(const std::string& file, const std::string& bytes, const char* mime,
                        const char* failure) {
  Status st = platform.download(file, bytes, mime);
  if (!st) {
    setMessage(std::string(failure) + ": " + st.error(), true);
    return false;
  }
  setMessage(savedMessage(platform, file));
  return true;
}

void UiState::autosaveTick(bool force) {
  if (save.tab == SaveState::Tab::Following) return;  // the editing tab saves the workspace
  const double now = platform.now();
  const uint64_t rev = editor.saveRevision();
  writeUiState(save.ui);
  const std::string& ui = save.ui;
  if (rev != save.seenRevision || ui != save.seenUi) {
    save.seenRevision = rev;
    save.seenUi = ui;
    save.lastChangeTime = now;
    if (save.firstUnsavedTime < 0) save.firstUnsavedTime = now;
  }
  if (!autosaver.busy()) {
    if (rev == save.savedRevision && ui == save.savedUi && !save.once) {
      save.firstUnsavedTime = -1;
      return;
    }
    // A change reaches storage within about a second: 0.3 s after the last change, at most 1 s
    // after the first unsaved one. After a failure the wait starts at 10 s and doubles with
    // each failure up to 5 minutes: a full storage is not hammered with futile writes.
    const double due = save.error.empty()
                           ? std::min(save.lastChangeTime + 0.3, save.firstUnsavedTime + 1.0)
                           : save.lastChangeTime + save.retryDelay;
    if (!force && now < due) return frameAt(due);
    const double t0 = platform.now();
    autosaver.begin(editor, ui);
    save.latest = SaveState::Cost{};
    save.latest.beginMs = (platform.now() - t0) * 1000.0;
    save.saves++;
    save.jobRevision = rev;
    save.jobUi = ui;
    save.once = false;
    save.firstUnsavedTime = -1;
  }
  // Only the documents that changed are written, a few milliseconds per frame (a large document
  // takes several frames), then handed to the store one part of about 64 KB per step; a flush
  // does it all at once. Steps are small (25 spans or relations, well under 1 ms in wasm) so that
  // the clock is looked at often enough to keep the slice. The slice is what the frame has left
  // of kSaveFrameTarget, at most 4 ms and at least one step: a frame already long with drawing or
  // suggestions is not made longer by saving beyond one step.
  const double sliceEnd = std::min(now + 0.004, frameStartedAt + kSaveFrameTarget);
  SaveProgress p = SaveProgress::Working;
  do {
    const double t0 = platform.now();
    p = autosaver.step(force ? SIZE_MAX : 25);
    double& worst = p == SaveProgress::Working ? save.latest.stepMs : save.latest.commitMs;
    if (!force) worst = std::max(worst, (platform.now() - t0) * 1000.0);
  } while (p == SaveProgress::Working && (force || platform.now() < sliceEnd));
  // begin() and the hand-over of finished records to the store count too: the benchmark asks
  // whether any frame pays more than its budget for saving.
  if (!force) save.latest.frameMs = std::max(save.latest.frameMs, (platform.now() - now) * 1000.0);
  SaveState::Cost& w = save.worst;
  w.frameMs = std::max(w.frameMs, save.latest.frameMs);
  w.beginMs = std::max(w.beginMs, save.latest.beginMs);
  w.stepMs = std::max(w.stepMs, save.latest.stepMs);
  w.commitMs = std::max(w.commitMs, save.latest.commitMs);
  switch (p) {
    case SaveProgress::Working:
    case SaveProgress::Restart:  // a document changed meanwhile: its save begins again
      frameAt(now);
      break;
    case SaveProgress::Committing:
      frameAt(now + 0.25);  // the browser also wakes the app when the store answers
      break;
    case SaveProgress::Saved:
      save.savedRevision = save.jobRevision;
      save.savedUi = save.jobUi;
      if (rev == save.jobRevision) editor.markSaved();
      save.error.clear();
      save.retryDelay = 10;
      frameAt(now);  // the status bar shows the outcome in the next frame
      break;
    case SaveProgress::Failed:
      if (!save.error.empty()) save.retryDelay = std::min(save.retryDelay * 2, 300.0);
      save.error = autosaver.error();
      save.lastChangeTime = now;
      frameAt(now);
      break;
    case SaveProgress::Idle:
      break;
  }
}

std::string UiState::uiStateJson() const {
  std::string out;
  writeUiState(out);
  return out;
}

// Written by hand into a buffer the caller keeps: the autosave compares it every drawn frame,
// and building a JSON object each time would allocate in every frame.
void UiState::writeUiState(std::string& out) const {
  auto number = [&out](const char* name, double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "\"%s\":%.9g,", name, std::isfinite(v) ? v : 0.0);
    out += buf;
  };
  auto flag = [&out](const char* name, bool v) {
    out += '"';
    out += name;
    out += v ? "\":true," : "\":false,";
  };
  out.clear();
  out += '{';
  number("active", static_cast<double>(editor.active()));
  number("scroll", view.scrollY);
  number("zoom", prefs.zoom);
  number("uiScale", prefs.uiScale);
  flag("dark", prefs.dark);
  flag("highContrast", prefs.highContrast);
  flag("labelMarks", prefs.labelMarks);
  flag("left", prefs.showLeft);
  flag("right", prefs.showRight);
  // A note being typed is work too: it survives a reload and is put back into its field.
  if (note.editing && !note.span.empty()) {
    out += "\"noteDraft\":{\"span\":";
    appendJsonString(out, note.span);
    out += ",\"text\":";
    appendJsonString(out, note.text);
    out += "},";
  }
  out.back() = '}';
}

void UiState::restoreUiState(const std::string& text) {
  if (text.empty()) return;
  Result<nlohmann::json> j = parseJsonSafely(text, "uiState", 8);
  if (!j || !j->is_object()) return;
  auto num = [&](const char* k, double def) {
    auto it = j->find(k);
    return (it != j->end() && it->is_number()) ? it->get<double>() : def;
  };
  auto flag = [&](const char* k, bool def) {
    auto it = j->find(k);
    return (it != j->end() && it->is_boolean()) ? it->get<bool>() : def;
  };
  double active = num("active", 0);
  if (active >= 0 && active < static_cast<double>(editor.documentCount()))
    editor.setActive(static_cast<std::size_t>(active));
  view.restoreScrollY = static_cast<float>(std::max(0.0, num("scroll", 0)));
  prefs.zoom = std::clamp(static_cast<float>(num("zoom", 1)), 0.6f, 3.0f);
  prefs.uiScale = std::clamp(static_cast<float>(num("uiScale", 1)), kMinUiScale, kMaxUiScale);
  prefs.dark = flag("dark", false);
  prefs.highContrast = flag("highContrast", false);
  prefs.labelMarks = flag("labelMarks", true);
  prefs.showLeft = flag("left", true);
  prefs.showRight = flag("right", true);
  auto draft = j->find("noteDraft");
  if (draft != j->end() && draft->is_object() && (*draft)["span"].is_string() &&
      (*draft)["text"].is_string()) {
    // The draft becomes the span's note (one undo step) and its field opens again.
    const std::string span = (*draft)["span"].get<std::string>();
    if (const Span* sp = doc() ? doc()->span(span) : nullptr) {
      const std::string typed = (*draft)["text"].get<std::string>();
      if (sp->note != typed) apply(cmdSetSpanNote(*doc(), span, typed));
      selectSpan(span, true);
      note.focus = true;
    }
  }
}

}  // namespace scholion::ui
