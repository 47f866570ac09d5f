// The App's state, in named parts each with its own reset, and the actions that span several
// parts. Internal to src/ui: a panel reads the parts it draws and changes the workspace only
// through the Editor (commands and workspace edits).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "access_state.h"
#include "annotation_list_state.h"
#include "app.h"
#include "autosave.h"
#include "classroom.h"
#include "dialogs.h"
#include "editor.h"
#include "find_state.h"
#include "formats.h"
#include "note_draft.h"
#include "save_state.h"
#include "selection.h"
#include "status_message.h"
#include "suggest_state.h"
#include "text_view_state.h"
#include "touch_state.h"
#include "view_prefs.h"

namespace scholion::ui {

// What the file choosers offer: Open takes plain texts, Scholion JSON and other tools' files;
// Import only the latter (a .json is told apart by its content); a .zip stands for its files.
inline constexpr const char* kOpenAccept =
    ".txt,.md,.html,.htm,.json,.ann,.conf,.conll,.iob,.bio,.bioes,.tsv,.jsonl,.zip";
inline constexpr const char* kImportAccept =
    ".ann,.txt,.conf,.conll,.iob,.bio,.bioes,.tsv,.jsonl,.json,.zip";

// One item of File > Export as (the list is in exchange.cpp).
struct ExportChoice {
  const char* id;     // widget name: "menu-item:<id>"
  const char* label;  // menu text
  Format format;
  BioScheme scheme;         // CoNLL
  DoccanoForm doccanoForm;  // doccano
  const char* suffix;       // after the workspace stem, before the extension
  const char* mime;
};

struct UiState {
  explicit UiState(PlatformServices& p) : platform(p), autosaver(p) {}

  PlatformServices& platform;
  Editor editor;  // the workspace: changed only by applyEdit/applyCommand/undo/redo below
  Autosaver autosaver;
  ClassroomState classroom;  // classroom.h: exercises, checking, class review
  SuggestState suggest;      // suggest_state.h: machine suggestions (never in the workspace)

  ViewPrefs prefs;           // theme, zoom, panels
  TextViewState view;        // layout, scroll, visible frame
  Selection sel;             // text range, span or relation
  TextGesture gesture;       // drag / relate in progress, popups
  FindState find;            // find bar
  AnnotationListState list;  // annotation list cache
  NoteDraft note;            // note being written
  Dialogs dialogs;           // modals and pending imports
  StatusMessage status;      // status bar message
  SaveState save;            // autosave bookkeeping
  TouchUi touch;             // fingers: the gesture under way
  ScreenLayout screen;       // narrow layout, drawers, UI scale's style sizes
  AccessState access;        // screen-reader mirror, keyboard regions and menu bar keys

  // When (platform.now()) the app next needs a frame although no input arrives: a debounced
  // save, a throttled list rebuild. Reset at the start of each frame; see App::nextFrameIn.
  double frameDue = 0;
  double frameStartedAt = 0;  // platform.now() when this frame's UI began (work after it budgets)
  void frameAt(double when) { frameDue = std::min(frameDue, when); }

  // Editor revision at which the schema's and documents' names were last given to the widget
  // glyphs (widget_glyphs.h), so they are scanned once per change, not every frame.
  uint64_t widgetTextRevision = UINT64_MAX;

  // ---- the workspace changes (actions.cpp) ----
  bool hasDoc() const { return editor.hasDocument(); }
  const DocumentState* doc() const { return editor.hasDocument() ? &editor.activeDoc() : nullptr; }
  // Applies a built command to the active document; reports errors in the status bar.
  bool apply(Result<Command> cmd);
  // False (and a message) while another tab edits the workspace.
  bool editable();
  // Applies an annotation command to document `index` (the active one or another).
  bool applyToDocument(std::size_t index, Command cmd);
  // Applies a workspace edit as one undoable step; false (and a message) if it was refused.
  bool applyEdit(WorkspaceEdit edit);
  void undo();
  void redo();
  void stepHistory(bool undoing);  // undo() and redo()
  // After an edit, undo or redo: the parts drop stale state; a new active document resets the view.
  void afterWorkspaceChange(std::size_t activeBefore, std::size_t countBefore);
  // After any change of which document is active.
  void onActiveDocumentChanged();
  // After a workspace edit or load: every part drops what pointed into the old workspace.
  void onWorkspaceReplaced();

  // ---- actions on the parts ----
  void setMessage(std::string text, bool error = false);
  void labelSelection(const std::string& label);
  void selectSpan(const std::string& id, bool scroll);
  void clearSelection();
  void setTextSelection(uint32_t start, uint32_t end);
  void switchDocument(std::size_t index);
  void copySelection();
  void deleteSelected();
  void setZoom(float z);
  void scrollToRange(uint32_t start, uint32_t end);
  void labelEveryOccurrence(const std::string& label);
  void labelMatches(const std::string& label);
  void runFind();
  // Offers a file to the user (download or export folder) and says so in the status bar; the
  // message on failure starts with `failure` ("Export failed: ...").
  bool offerFile(const std::string& file, const std::string& bytes, const char* mime,
                 const char* failure = "Export failed");
  void exportWorkspace(bool currentOnly);
  // "<workspace or exercise title>-<annotator>", file-name safe: the stem of workspace exports.
  std::string workspaceExportStem() const;
  void exportAs(const ExportChoice& choice);
  // Adds a pasted or dropped text as a new document; false (and a message) if it is not text.
  bool addTextDocument(const std::string& name, const std::string& text);
  void openFiles(std::vector<NamedFile> files, bool fromLink = false);
  // Nothing would be lost by replacing the workspace with `in`: no annotations, and every open
  // document is the sample or has a text `in` brings too.
  bool nothingToLose(const Workspace& in) const;
  // The user's choice for a pending import: open it as the workspace, or merge it.
  void importWorkspace(ImportedFile& imp, bool replace, bool asOtherLayer);
  void autosaveTick(bool force);
  // Soon after start-up, one frame each: the save path and the suggestion pipeline run once on
  // tiny data, so their code is compiled before the first real save or edit (rehearsal.cpp).
  void rehearseTick();
  struct Rehearsal {
    double at = -1;  // when the next part runs (-1: not scheduled yet)
    int done = 0;    // parts done: 1 the save, 2 the suggestions too
    double saveMs = 0, suggestMs = 0;
  } rehearsal;
  std::string uiStateJson() const;
  void writeUiState(std::string& out) const;  // the same JSON into a buffer kept by the caller
  void restoreUiState(const std::string& json);
  // The bundled sample story with the default schema (for the user's name as annotator).
  Workspace sampleWorkspace();
  void loadSample();  // opens the sample as a fresh workspace (start-up without a saved one)
  // The span label for hotkey text ("1".."9" or a letter), or nullptr.
  const SpanLabel* labelForHotkey(const std::string& key) const;
  std::string annotatorName() const;
};

}  // namespace scholion::ui
