// The App's state shared by the UI files (panels, text view, actions); internal to src/ui.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "app.h"
#include "autosave.h"
#include "classroom.h"
#include "editor.h"
#include "formats.h"
#include "imgui.h"
#include "text_geometry.h"
#include "text_layout.h"

namespace scholion::ui {

// A file waiting for the user's choice: open it as the workspace or merge it.
struct PendingImport {
  std::string name;
  Workspace workspace;
  Format format = Format::Scholion;  // brat, CoNLL, doccano, Label Studio: another tool's file
  std::vector<std::string> warnings;  // what that tool would only warn about (shown in the dialog)
};

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

// File names keep letters, digits, '-', '_', '.' and UTF-8; everything else becomes '-'; no
// leading or trailing dots (no hidden files), "untitled" when nothing is left.
std::string safeFilePart(const std::string& s);

struct UiState {
  explicit UiState(PlatformServices& p) : platform(p), autosaver(p) {}

  PlatformServices& platform;
  Editor editor;
  Autosaver autosaver;
  ClassroomState classroom;  // classroom.h: exercises, checking, class review

  // ---- view preferences (saved in uiState) ----
  bool dark = false;
  float zoom = 1.0f;
  bool showLeft = true, showRight = true, showStatus = true;
  bool showHelp = false;
  bool showDemo = false;

  // ---- text view ----
  TextLayout layout;
  TextGeometry geo;           // valid after the text view was laid out this frame
  ImVec2 viewMin, viewMax;    // screen rectangle of the text view
  float scrollY = 0;          // current scroll (read back from ImGui)
  float restoreScrollY = -1;  // scroll to apply on the next frame (restored session)
  std::size_t layoutDocIndex = SIZE_MAX;
  int64_t scrollToCp = -1;  // bring this code point into view on the next frame
  bool scrollCentered = false;

  // ---- selection ----
  uint32_t selStart = 0, selEnd = 0;  // text selection (empty when equal)
  uint32_t anchor = 0;                // where the drag / shift-click started
  enum class Drag { None, Pending, Select, ResizeStart, ResizeEnd, Relate };
  Drag drag = Drag::None;
  int dragButton = 0;
  std::string pressSpan;                      // span under the mouse when the button went down
  uint32_t previewStart = 0, previewEnd = 0;  // span resize preview
  VisibleFrame frame;
  std::string selectedSpan;  // id of the selected span in the active document
  std::string selectedRelation;
  // Relation being drawn from selectedSpan (R key, Ctrl-drag or right-drag).
  bool relating = false;
  std::string relationFrom;
  std::string relationTo;  // chosen target: the type popup is open
  bool openRelationPopup = false;
  bool openLabelPopup = false;
  ImVec2 popupPos;
  uint64_t popupRevision = 0;
  bool hasSelection() const { return selEnd > selStart; }

  // ---- find ----
  bool findOpen = false;
  bool findFocus = false;
  char findBuf[256] = {};
  std::string findQuery;  // query of `matches`
  std::size_t findDocIndex = SIZE_MAX;
  std::vector<Fragment> matches;  // sorted by start
  int currentMatch = -1;
  bool findCaseSensitive = false;

  // ---- annotation list ----
  char listFilter[128] = {};
  int listLabel = -1;              // -1 = all labels
  std::vector<uint32_t> listRows;  // indices into data().annotations.spans, sorted by start
  uint64_t listRevision = UINT64_MAX;
  std::size_t listDoc = SIZE_MAX;
  std::string listKey;  // filter text + label the rows were built for
  std::vector<std::pair<uint64_t, uint32_t>> listKeys, listKeysTmp;  // scratch for sorting rows
  std::vector<uint32_t> radixCounts;
  double listBuiltAt = -1;
  std::vector<int> labelCounts;  // per schema span label (+1 for unknown labels)
  bool listScrollToSelected = false;

  // ---- messages / status ----
  std::string message;
  bool messageError = false;
  double messageTime = 0;

  // ---- autosave ----
  uint64_t savedRevision = 0;  // Editor::revision() at the last successful save
  uint64_t seenRevision = 0;
  double lastChangeTime = 0;
  std::string saveError;  // non-empty: the banner is shown
  bool saveOnce = false;  // save soon regardless of revision (ui state changes)

  // ---- modals ----
  bool askAnnotator = false;
  char annotatorBuf[128] = {};
  bool openPaste = false;
  std::vector<char> pasteBuf = std::vector<char>(1 << 16, '\0');
  char pasteName[128] = {};
  bool openReset = false;
  bool openRemoveDoc = false;
  std::size_t removeDocIndex = 0;
  std::vector<PendingImport> pendingImports;
  char modalTitle[96] = {};  // the import modal's title, rebuilt in place each frame
  std::size_t renameDoc = SIZE_MAX;
  char renameBuf[256] = {};
  bool openNote = false;
  bool focusNote = false;
  std::string noteSpan, noteBuf;  // the note being edited and for which span
  bool noteEditing = false;
  std::vector<std::string> exportWarnings;  // what the last export left out (listed in a modal)
  std::string exportWarningsFile;
  bool openExportWarnings = false;
  char webAnnoBaseIri[256] = "";  // File > Export as: documents' IRI prefix (empty: urn:sha256)

  // ---- per-frame scratch (reused, never shrunk, so no allocation per frame) ----
  std::vector<const Span*> visSpans;
  std::vector<const Relation*> visRelations;
  std::vector<float> xs;
  std::string scratch;

  // ---- helpers (actions.cpp) ----
  bool hasDoc() const { return editor.hasDocument(); }
  DocumentState* doc() { return editor.hasDocument() ? &editor.activeDoc() : nullptr; }
  void setMessage(std::string text, bool error = false);
  // Applies a built command to the active document; reports errors in the status bar.
  bool apply(Result<Command> cmd);
  void labelSelection(const std::string& label);
  void selectSpan(const std::string& id, bool scroll);
  void clearSelection();
  void setTextSelection(uint32_t start, uint32_t end);
  void switchDocument(std::size_t index);
  void undo();
  void redo();
  void copySelection();
  void deleteSelected();
  void setZoom(float z);
  void scrollToRange(uint32_t start, uint32_t end);
  void labelEveryOccurrence(const std::string& label);
  void labelMatches(const std::string& label);
  void runFind();
  void exportWorkspace(bool currentOnly);
  // "<workspace or exercise title>-<annotator>", file-name safe: the stem of workspace exports.
  std::string workspaceExportStem() const;
  // Other tools' formats (exchange.cpp): takes their files out of `files` and queues each import
  // (brat .ann + .txt + .conf as one); returns the errors, one per line ("" if none).
  std::string takeExchangeFiles(std::vector<OpenedFile>& files);
  void exportAs(const ExportChoice& choice);
  std::string addTextDocument(const std::string& name, const std::string& text);
  void openFiles(std::vector<OpenedFile> files);
  void importWorkspace(PendingImport& imp, bool replace, bool asOtherLayer);
  void autosaveTick(bool force);
  std::string uiStateJson() const;
  void restoreUiState(const std::string& json);
  void loadSample();
  // The span label for hotkey text ("1".."9" or a letter), or nullptr.
  const SpanLabel* labelForHotkey(const std::string& key) const;
  std::string annotatorName() const;
};

// Panels and windows (one file each).
void applyTheme(bool dark);
void drawMenus(UiState& s);
void drawTextView(UiState& s, ImVec2 pos, ImVec2 size);
void drawFindBar(UiState& s, float width);
void drawPalette(UiState& s);
void drawDocumentLabels(UiState& s);
// One menu item per span label; the picked label goes to `pick`. Items are recorded as
// "<kind>:<label>" (palette.cpp).
void labelMenuItems(UiState& s, const char* kind, void (UiState::*pick)(const std::string&));
void drawInstructions(UiState& s);
void drawDocumentsPanel(UiState& s);
void drawProperties(UiState& s);
void drawAnnotationList(UiState& s);
void drawStatusBar(UiState& s, ImVec2 pos, ImVec2 size);
void drawHelpWindow(UiState& s);
void drawModals(UiState& s);
void drawExchangeMenuItems(UiState& s);  // File menu: import other formats, Export as
void drawExportWarningsModal(UiState& s);
// A scrolled list of warnings, one clipped line each (export and import dialogs).
void drawWarningList(const std::vector<std::string>& lines, const char* id);
void refreshAnnotationCache(UiState& s);  // label counts + list rows, rebuilt on change only
void handleGlobalShortcuts(UiState& s);
// Text view internals (text_draw.cpp).
void buildVisibleFrame(UiState& s, const ImFont* font);
// Screen x extent of code points [a, b) on visible line li (of the built frame); false if the
// range has nothing on that line.
bool segmentOnLine(const UiState& s, std::size_t li, uint32_t a, uint32_t b, float& x0, float& x1);
// Calls fn(line, x0, x1) for each visible line that code points [a, b) cover.
template <class Fn>
void forEachVisibleSegment(const UiState& s, uint32_t a, uint32_t b, Fn&& fn) {
  const VisibleFrame& f = s.frame;
  for (std::size_t li = std::max(f.first, s.layout.lineOfCp(a)); li <= f.last; ++li) {
    if (s.layout.line(li).cpStart >= b) break;
    float x0, x1;
    if (segmentOnLine(s, li, a, b, x0, x1)) fn(li, x0, x1);
  }
}
void drawVisibleFrame(UiState& s, const ImFont* font);
const Span* spanUnder(const UiState& s, ImVec2 p);  // tag or innermost span text at p
const Relation* relationUnder(const UiState& s, ImVec2 p);
// Token helpers (actions.cpp): snap a range to whole tokens, trimming spaces at its ends.
void snapToTokens(const Document& d, uint32_t& start, uint32_t& end);
uint32_t tokenEndAfter(const Document& d, uint32_t cp);     // end of the next token ending > cp
uint32_t tokenEndBefore(const Document& d, uint32_t cp);    // end of the last token ending < cp
uint32_t tokenStartBefore(const Document& d, uint32_t cp);  // start of the last token starting < cp
uint32_t tokenStartAfter(const Document& d, uint32_t cp);   // start of the next token starting > cp
// Parses "#rrggbb" into an ImGui colour with the given alpha (grey when malformed).
ImU32 labelColor(const std::string& hex, float alpha = 1.0f);
ImU32 labelColorFor(const Schema& schema, const std::string& label, float alpha = 1.0f);

}  // namespace scholion::ui
