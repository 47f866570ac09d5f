// App: owns the state, lays out the fixed panels each frame, and implements the JavaScript handle.
#include "app.h"

#include <algorithm>
#include <cmath>

#include "embedded.h"
#include "imgui_internal.h"
#include "json_util.h"
#include "panels.h"
#include "schema.h"
#include "scholion_json.h"
#include "suggest_ui.h"
#include "text_view.h"
#include "touch_ui.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {

// The pimpl is a thin wrapper so that the panel files can name the state type.
struct App::Impl : UiState {
  using UiState::UiState;
};

App::App(PlatformServices& platform) : impl_(std::make_unique<Impl>(platform)) {}
App::~App() = default;

Editor& App::editor() {
  return impl_->editor;
}
const Editor& App::editor() const {
  return impl_->editor;
}

void UiState::setMessage(std::string text, bool error) {
  status.text = std::move(text);
  status.error = error;
  status.time = platform.now();
}

Workspace UiState::sampleWorkspace() {
  Workspace ws;
  Result<Schema> schema = parseSchemaJson(embeddedDefaultSchema());
  if (schema)
    ws.schema = std::move(*schema);
  else
    setMessage("Default schema: " + schema.error(), true);
  std::string text = embeddedSampleText();
  DocumentData d;
  d.id = "sample";
  d.name = "beijing-declaration-2000.txt";
  d.sha256 = sha256Hex(text);
  d.text = std::move(text);
  ws.documents.push_back(std::move(d));
  ws.annotator = editor.annotator();
  return ws;
}

void UiState::loadSample() {
  Status st = editor.load(sampleWorkspace());
  if (!st) setMessage("Sample: " + st.error(), true);
  onWorkspaceReplaced();
}

void App::start() {
  UiState& s = *impl_;
  Result<SavedSession> saved = s.autosaver.load();
  bool restored = false;
  if (saved) {
    Status st = s.editor.load(saved->workspace);
    if (st) {
      restored = true;
      s.autosaver.adopt(s.editor, *saved);
      // Read from the older single-key layout: saved again in the new one at once.
      if (saved->recordKeys.empty() && s.editor.documentCount()) s.save.once = true;
    } else {
      s.setMessage("The saved workspace could not be restored (" + st.error() +
                       "); it is kept untouched. Starting with the sample.",
                   true);
    }
  } else if (s.autosaver.hasSave()) {
    s.setMessage("The saved workspace could not be read (" + saved.error() +
                     "); it is kept untouched. Starting with the sample.",
                 true);
  }
  if (!restored) s.loadSample();
  s.save.savedRevision = s.save.seenRevision = s.editor.saveRevision();
  s.editor.markSaved();
  if (restored) {
    s.save.savedUi = saved->uiState;
    s.restoreUiState(saved->uiState);  // may put back a note that was being typed
  }
  applyTheme(s.prefs);
  if (s.editor.annotator().empty() && !s.save.readOnly()) s.dialogs.askAnnotator = true;
}

void App::setTabMode(int mode) {
  UiState& s = *impl_;
  using Tab = SaveState::Tab;
  s.save.tab = mode == 0 ? Tab::Editing : mode == 1 ? Tab::HandingOver : Tab::Following;
  if (s.save.readOnly()) {
    s.dialogs.askAnnotator = false;
    s.note.close();
    s.gesture.reset();
  } else if (s.editor.annotator().empty()) {
    s.dialogs.askAnnotator = true;
  }
  s.frameAt(0);
}

bool App::hasUnsavedWork() const {
  const UiState& s = *impl_;
  return s.autosaver.busy() || s.editor.saveRevision() != s.save.savedRevision || s.save.once;
}

Status App::reloadSaved() {
  UiState& s = *impl_;
  Result<SavedSession> saved = s.autosaver.load();
  if (!saved) return fail(saved.error());
  const std::size_t active = s.editor.active();
  const float scroll = s.view.scrollY;
  Status st = s.editor.load(saved->workspace);
  if (!st) return st;
  s.autosaver.adopt(s.editor, *saved);
  s.save.savedRevision = s.save.seenRevision = s.editor.saveRevision();
  s.save.savedUi = saved->uiState;
  s.save.error.clear();
  // The other tab's work, seen from where this tab was reading.
  if (active < s.editor.documentCount()) s.editor.setActive(active);
  s.onWorkspaceReplaced();
  s.view.restoreScrollY = scroll;
  s.frameAt(0);
  return okStatus();
}

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;

// A section title: small caps-like dim text with a thin rule, calmer than collapsing headers.
bool section(const char* title, bool defaultOpen = true) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  bool open = ImGui::CollapsingHeader(title, defaultOpen ? ImGuiTreeNodeFlags_DefaultOpen : 0);
  ImGui::PopStyleColor(2);
  return open;
}

// A side panel's window; as a drawer (narrow screens) it comes in front of the text once opened.
void beginPanel(UiState& s, const char* name, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin(name, nullptr, kPanelFlags | extra);
  ImGui::PopStyleVar();
  if (!s.screen.narrow) return;
  if (s.screen.raise) {
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    s.screen.raise = false;
  }
  // The text beside the drawer is dimmed: a tap there closes the drawer.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const bool fromLeft = pos.x <= vp->Pos.x + 0.5f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRectFullScreen();
  dl->AddRectFilled(
      fromLeft ? ImVec2(pos.x + size.x, pos.y) : ImVec2(vp->Pos.x, pos.y),
      fromLeft ? ImVec2(vp->Pos.x + vp->Size.x, pos.y + size.y) : ImVec2(pos.x, pos.y + size.y),
      IM_COL32(0, 0, 0, 50));
  dl->PopClipRect();
}

void leftPanel(UiState& s, ImVec2 pos, ImVec2 size) {
  beginPanel(s, "##left", pos, size, 0);
  takeRegionFocus(s, AccessState::Region::Labels);
  if (section("LABELS")) drawPalette(s);
  if (section("DOCUMENT LABELS")) drawDocumentLabels(s);
  if (section("DOCUMENTS")) drawDocumentsPanel(s);
  if (section("INSTRUCTIONS", false)) drawInstructions(s);
  ImGui::End();
}

void rightPanel(UiState& s, ImVec2 pos, ImVec2 size) {
  beginPanel(s, "##right", pos, size, ImGuiWindowFlags_NoScrollbar);
  ImGui::Spacing();
  ImGui::TextDisabled("SELECTION");
  ImGui::Separator();
  // Tall enough for a span with three attributes and its note without scrolling.
  float propsH = std::min(std::max(400.0f, size.y * 0.55f), size.y - 160.0f);
  ImGui::BeginChild("##props", ImVec2(0, propsH), false);
  drawProperties(s);
  ImGui::EndChild();
  ImGui::Spacing();
  ImGui::TextDisabled("ANNOTATIONS");
  ImGui::Separator();
  drawAnnotationList(s);
  ImGui::End();
}

void saveBanner(UiState& s, ImVec2 pos, float width, float height) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 6));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, s.prefs.dark ? ImVec4(0.45f, 0.16f, 0.15f, 1)
                                                        : ImVec4(1.0f, 0.90f, 0.88f, 1));
  ImGui::Begin("##savebanner", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  // Buttons first, so they stay on screen however long the message is; the whole message is
  // in the tooltip and the first sentence is shown, clipped to the banner.
  ImGui::AlignTextToFramePadding();
  const bool exportNow = ImGui::Button("Export file");
  recordWidget("save-banner:export");
  ImGui::SameLine();
  const bool retry = ImGui::Button("Retry");
  ImGui::SameLine();
  const std::size_t stop = s.save.error.find(':');
  ImGui::TextUnformatted(
      s.save.error.c_str(),
      s.save.error.c_str() + (stop == std::string::npos ? s.save.error.size() : stop));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.save.error.c_str());
  if (exportNow) s.exportWorkspace(false);
  if (retry) s.autosaveTick(true);
  ImGui::End();
}

void findWindow(UiState& s, ImVec2 pos, float width, float height) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 6));
  ImGui::Begin("##find", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleVar(2);
  drawFindBar(s, width);
  ImGui::End();
}

}  // namespace

namespace {

// Strings ImGui's widgets show, for the characters the UI font lacks (widget_glyphs.h): the
// schema's and the documents' names whenever the workspace changed, with their display forms
// (widgetText), so the atlas has them before a widget first shows them; what is typed, the selected
// text and the selected span (text and note) for the properties panel every frame.
void noteWidgetText(UiState& s) {
  WidgetGlyphs& g = widgetGlyphs();
  g.newFrame();
  for (ImWchar c : ImGui::GetIO().InputQueueCharacters) g.note(static_cast<uint32_t>(c));
  const uint64_t rev = s.editor.revision();
  if (rev != s.widgetTextRevision) {
    s.widgetTextRevision = rev;
    const Schema& schema = s.editor.schema();
    g.shown(schema.name);
    for (const SpanLabel& l : schema.spanLabels) g.shown(l.name);
    for (const RelationType& r : schema.relationTypes) g.shown(r.name);
    for (const AttributeDef& a : schema.attributes) {
      g.shown(a.name);
      for (const std::string& v : a.values) g.shown(v);
    }
    for (const DocumentLabel& l : schema.documentLabels) g.shown(l.name);
    g.shown(s.editor.annotator());
    for (std::size_t i = 0; i < s.editor.documentCount(); ++i) g.shown(s.editor.doc(i).data().name);
  }
  if (s.hasDoc() && s.sel.hasText())
    g.note(s.doc()->document().sliceView(s.sel.start, std::min(s.sel.end, s.sel.start + 400)));
  if (s.hasDoc() && !s.sel.span.empty())
    if (const Span* sp = s.doc()->span(s.sel.span)) {
      g.note(std::string_view(sp->text).substr(0, 512));
      g.note(sp->note);
    }
}

}  // namespace

void App::beforeNewFrame(const TouchSample& touch, bool pointerIsTouch) {
  UiState& s = *impl_;
  s.touch.sample = touch;
  s.touch.pointer = pointerIsTouch;
  ImGuiIO& io = ImGui::GetIO();
  // A finger on a window scrolls it (text_touch.cpp); only its title bar moves it.
  io.ConfigWindowsMoveFromTitleBarOnly = pointerIsTouch;
  // Ctrl+wheel (and a touchpad's pinch, which browsers send as one) sizes the whole interface;
  // ImGui must not scroll with it.
  if (io.KeyCtrl && io.MouseWheel != 0) {
    // 10 % a notch (several notches may arrive in one frame); a touchpad's small deltas 10 % a
    // frame.
    const float notches = std::round(io.MouseWheel);
    const float steps = io.MouseWheel > 0 ? std::max(1.0f, notches) : std::min(-1.0f, notches);
    setUiScale(s, s.prefs.uiScale + 0.1f * steps);
    io.MouseWheel = 0;
    s.frameAt(0);
  }
}

float App::uiScale() const {
  return impl_->prefs.uiScale;
}

void App::frame() {
  UiState& s = *impl_;
  s.frameDue = INFINITY;
  s.frameStartedAt = s.platform.now();
  noteWidgetText(s);
  widgetRegistryNewFrame();
  suggestionsTick(s);
  applyStyleScale(s);
  keepWindowsOnScreen();
  touchFrame(s);
  handleGlobalShortcuts(s);
  drawMenus(s);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float menuH = ImGui::GetFrameHeight();
  ImVec2 top(vp->Pos.x, vp->Pos.y + menuH);
  ImVec2 avail(vp->Size.x, vp->Size.y - menuH);
  const float statusH = s.prefs.showStatus ? ImGui::GetFrameHeight() + 8 : 0;
  float bodyH = avail.y - statusH;
  // Narrow (a phone, a tablet upright, a large UI scale): the text keeps the width and the side
  // panels are drawers opened from a toolbar (docs/touch.md).
  const float ui = s.prefs.uiScale;
  ScreenLayout& screen = s.screen;
  screen.narrow = avail.x < kNarrowWidth * ui;
  if (!screen.narrow) screen.leftOpen = screen.rightOpen = false;
  const float statusTop = top.y + bodyH;
  if (screen.narrow) {
    const float h = drawNarrowToolbar(s, top, avail.x);
    top.y += h;
    bodyH -= h;
  }
  const bool left = screen.narrow ? screen.leftOpen : s.prefs.showLeft;
  const bool right = screen.narrow ? screen.rightOpen : s.prefs.showRight;
  const float drawerW = std::min(avail.x * 0.88f, 340.0f * ui);
  const float leftW = !left           ? 0
                      : screen.narrow ? drawerW
                                      : std::clamp(avail.x * 0.18f * ui, 220.0f * ui, 300.0f * ui);
  const float rightW = !right          ? 0
                       : screen.narrow ? drawerW
                                       : std::clamp(avail.x * 0.22f * ui, 260.0f * ui, 380.0f * ui);
  screen.leftWidth = leftW;
  screen.rightWidth = rightW;
  if (left && !screen.narrow) leftPanel(s, top, ImVec2(leftW, bodyH));
  if (right && !screen.narrow)
    rightPanel(s, ImVec2(top.x + avail.x - rightW, top.y), ImVec2(rightW, bodyH));
  ImVec2 cpos(top.x + (screen.narrow ? 0 : leftW), top.y);
  ImVec2 csize(avail.x - (screen.narrow ? 0 : leftW + rightW), bodyH);
  const float barH = ImGui::GetFrameHeight() + 12;
  if (!s.save.error.empty()) {
    saveBanner(s, cpos, csize.x, barH);
    cpos.y += barH;
    csize.y -= barH;
  }
  if (s.find.open) {
    findWindow(s, cpos, csize.x, barH);
    cpos.y += barH;
    csize.y -= barH;
  }
  if (s.classroom.showCheck) {  // the check results, docked below the text
    const float h = checkPanelHeight(csize.y);
    csize.y -= h;
    drawCheckPanel(s, ImVec2(cpos.x, cpos.y + csize.y), ImVec2(csize.x, h));
  }
  // The label palette as a bar below the text while something is selected (narrow or touch).
  screen.barMin = screen.barMax = ImVec2(0, 0);
  if (const float h = labelBarHeight(s); h > 0 && csize.y > 3 * h) {
    csize.y -= h;
    drawLabelBar(s, ImVec2(cpos.x, cpos.y + csize.y), ImVec2(csize.x, h));
  }
  drawTextView(s, cpos, ImVec2(std::max(csize.x, 100.0f), std::max(csize.y, 50.0f)));
  screen.textMin = s.view.viewMin;
  screen.textMax = s.view.viewMax;
  if (screen.narrow && left) leftPanel(s, top, ImVec2(leftW, bodyH));
  if (screen.narrow && right)
    rightPanel(s, ImVec2(top.x + avail.x - rightW, top.y), ImVec2(rightW, bodyH));
  if (s.prefs.showStatus) drawStatusBar(s, ImVec2(top.x, statusTop), ImVec2(avail.x, statusH));
  drawHelpWindow(s.prefs.showHelp);
  drawDefinitionsWindow(s);
  drawClassroomWindows(s);
  drawSuggestionsPanel(s);
  drawModals(s);
  s.gesture.popupWasOpen =
      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
  s.rehearseTick();
  s.autosaveTick(false);
  drawFocusRing();
  updateAccessibleMirror(s);
}

namespace {

// Seconds until a blinking text caret appears or disappears. ImGui shows it for 0.8 s of every
// 1.2 s, and steadily for a moment after each key (CursorAnim below zero).
double caretBlinkIn() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g || !g->IO.ConfigInputTextCursorBlink || g->ActiveId == 0 ||
      g->InputTextState.ID != g->ActiveId)
    return INFINITY;
  const double a = g->InputTextState.CursorAnim;
  const double phase = a <= 0 ? a : std::fmod(a, 1.2);
  return (phase <= 0.8 ? 0.8 - phase : 1.2 - phase) + 0.01;
}

}  // namespace

double App::nextFrameIn() const {
  const UiState& s = *impl_;
  const double in = std::min(s.frameDue - s.platform.now(), caretBlinkIn());
  return std::max(0.0, in);
}

bool App::widgetRect(const std::string& name, RectF& out) const {
  return findWidget(name.c_str(), out);
}

void App::onFilesOpened(std::vector<NamedFile> files, bool fromLink) {
  impl_->openFiles(std::move(files), fromLink);
  if (fromLink) impl_->dialogs.linkPending = false;
}

void App::expectLinkedFiles() {
  impl_->dialogs.linkPending = true;
}

void App::linkFailed() {
  impl_->dialogs.linkPending = false;
}

bool App::wantsPaste() const {
  return impl_->dialogs.pasteOpen;
}

void App::pasteText(std::string text) {
  impl_->dialogs.pasted = std::move(text);
}

void App::flushSave() {
  impl_->autosaveTick(true);
}

void App::loadText(const std::string& name, const std::string& text) {
  impl_->addTextDocument(name, text);
}

std::string App::exportJson() const {
  return writeScholionJson(impl_->editor.snapshot());
}

Status App::importJson(const std::string& text) {
  UiState& s = *impl_;
  Result<Workspace> ws = parseScholionJson(text);
  if (!ws) {
    s.setMessage(ws.error(), true);
    return fail(ws.error());
  }
  if (!s.applyEdit(planOpenWorkspace(s.editor, std::move(*ws), "Import workspace")))
    return fail(s.status.text);
  s.onActiveDocumentChanged();
  s.setMessage("Workspace imported");
  return okStatus();
}

bool App::spanRect(uint32_t start, uint32_t end, RectF& out) {
  UiState& s = *impl_;
  if (!s.hasDoc() || s.view.layout.document() != &s.doc()->document() || !s.view.geo.layout)
    return false;
  s.scrollToRange(start, end);
  ImVec2 mn, mx;
  if (!s.view.geo.firstLineRect(start, end, mn, mx)) return false;
  out = RectF{mn.x, mn.y, mx.x - mn.x, mx.y - mn.y};
  return true;
}

void App::select(uint32_t start, uint32_t end) {
  UiState& s = *impl_;
  if (!s.hasDoc()) return;
  if (start > end) std::swap(start, end);
  s.setTextSelection(start, end);
  snapToTokens(s.doc()->document(), s.sel.start, s.sel.end);
  s.sel.anchor = s.sel.start;
  s.sel.caret = s.sel.end;
  s.scrollToRange(s.sel.start, s.sel.end);
}

const char* App::openFileTypes() {
  return kOpenAccept;
}

std::string App::stateJson() const {
  const UiState& s = *impl_;
  nlohmann::json j;
  nlohmann::json docs = nlohmann::json::array();
  for (std::size_t i = 0; i < s.editor.documentCount(); ++i)
    docs.push_back(s.editor.doc(i).data().name);
  j["documents"] = docs;
  j["active"] = s.editor.hasDocument() ? static_cast<int64_t>(s.editor.active()) : -1;
  const DocumentState* d = s.editor.hasDocument() ? &s.editor.doc(s.editor.active()) : nullptr;
  j["spans"] = d ? d->data().annotations.spans.size() : 0;
  j["relations"] = d ? d->data().annotations.relations.size() : 0;
  j["undoDepth"] = d ? d->undoDepth() : 0;
  j["redoDepth"] = d ? d->redoDepth() : 0;
  j["workspaceUndoDepth"] = s.editor.workspaceUndoDepth();
  j["dirty"] = s.editor.dirty();
  if (s.sel.hasText())
    j["selection"] = {s.sel.start, s.sel.end};
  else
    j["selection"] = nullptr;
  j["caret"] = s.sel.caret;  // the keyboard caret (code points)
  // Open dialogs and tool windows, for tests of Esc.
  j["windows"] = {{"help", s.prefs.showHelp}, {"makeExercise", s.classroom.showMake}};
  if (s.sel.span.empty())
    j["selectedSpan"] = nullptr;
  else
    j["selectedSpan"] = s.sel.span;
  j["annotator"] = s.editor.annotator();
  j["message"] = s.status.text;
  j["saveError"] = s.save.error;
  const auto cost = [](const SaveState::Cost& c) {
    return nlohmann::json{
        {"frame", c.frameMs}, {"begin", c.beginMs}, {"step", c.stepMs}, {"commit", c.commitMs}};
  };
  j["saveWorstMs"] = cost(s.save.worst);
  j["saveLatestMs"] = cost(s.save.latest);
  j["saves"] = s.save.saves;
  // The rehearsals' own cost (rehearsal.cpp): what start-up spends so that later frames need not.
  j["rehearsalMs"] = {{"done", s.rehearsal.done},
                      {"save", s.rehearsal.saveMs},
                      {"suggestions", s.rehearsal.suggestMs}};
  j["readOnly"] = s.save.readOnly();
  // Anything (the workspace, the UI state, a note being typed) not yet in storage.
  j["savePending"] = s.save.tab != SaveState::Tab::Following &&
                     (s.autosaver.busy() || s.editor.saveRevision() != s.save.savedRevision ||
                      s.save.once || s.uiStateJson() != s.save.savedUi);
  j["exportWarnings"] = s.dialogs.exportWarnings;  // of the last export (File > Export as)
  // What the file waiting in the import dialog would only be warned about by its own tool.
  j["pendingImports"] = s.dialogs.pendingImports.size();  // files waiting in the import dialog
  j["namePrompt"] = s.dialogs.askAnnotator && !s.dialogs.linkPending;
  j["importWarnings"] = s.dialogs.pendingImports.empty()
                            ? std::vector<std::string>{}
                            : s.dialogs.pendingImports.front().warnings;
  j["zoom"] = s.prefs.zoom;
  j["dark"] = s.prefs.dark;
  j["highContrast"] = s.prefs.highContrast;
  j["labelMarks"] = s.prefs.labelMarks;
  j["keyboardRegion"] = static_cast<int>(s.access.region);  // 0 text, 1 labels, 2 list
  j["menuOpen"] = s.access.menuOpen;  // index of the open menu-bar menu, -1: none
  // The named widget the keyboard's focus ring is on (the highlighted item of a menu or list),
  // as [x, y, w, h]; null when the ring is hidden or on an unnamed item.
  const ImGuiContext& g = *GImGui;
  RectF nav;
  if (!g.NavDisableHighlight && findWidgetById(g.NavId, nav))
    j["navRect"] = {nav.x, nav.y, nav.w, nav.h};
  else
    j["navRect"] = nullptr;
  j["matches"] = s.find.matches.size();
  j["scrollY"] = s.view.scrollY;
  j["textView"] = textViewStateJson(s.view);
  j["screen"] = screenStateJson(s);
  j["classroom"] = classroomStateJson(s);
  j["suggestions"] = suggestionsStateJson(s);
  return dumpJson(j);
}

}  // namespace scholion::ui
