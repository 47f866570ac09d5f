// The main menu bar: File, Edit, View, Help.
#include "imgui_internal.h"
#include "panels.h"
#include "touch_ui.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {

void drawMenus(UiState& s) {
  const int openBefore = s.access.menuOpen;
  const int depthBefore = GImGui->OpenPopupStack.Size;
  handleAccessKeys(s);
  if (!ImGui::BeginMainMenuBar()) return;
  const bool web = s.platform.kind() == PlatformKind::Web;
  const DocumentState* ds = s.doc();
  if (beginBarMenu(s, "File", "File")) {
    if (namedMenuItem("open", "Open documents...", "Ctrl+O"))
      s.platform.openFileChooser(kOpenAccept, true);
    if (namedMenuItem("paste", "Paste text as new document...")) s.dialogs.openPaste = true;
    ImGui::Separator();
    if (namedMenuItem(
            "export-workspace",
            web ? "Download workspace (Scholion JSON)" : "Export workspace (Scholion JSON)",
            "Ctrl+S", false, s.hasDoc()))
      s.exportWorkspace(false);
    if (namedMenuItem(
            "export-document",
            web ? "Download this document (Scholion JSON)" : "Export this document (Scholion JSON)",
            nullptr, false, s.hasDoc()))
      s.exportWorkspace(true);
    ImGui::Separator();
    drawExchangeMenuItems(s);  // import other tools' files, Export as
    ImGui::Separator();
    if (namedMenuItem("change-name", "Change my name...")) s.dialogs.askAnnotator = true;
    std::size_t used = s.platform.storageUsed(), quota = s.platform.storageQuota();
    if (quota)
      ImGui::TextDisabled("Storage used: %.1f of %.1f MB", used / 1048576.0, quota / 1048576.0);
    else
      ImGui::TextDisabled("Storage used: %.1f MB", used / 1048576.0);
    if (namedMenuItem("reset", "Reset saved data...")) s.dialogs.openReset = true;
    ImGui::EndMenu();
  }
  if (beginBarMenu(s, "Edit", "Edit")) {
    const Editor& ed = s.editor;
    std::string undo = ed.canUndo() ? "Undo " + ed.undoDescription() : std::string("Undo");
    std::string redo = ed.canRedo() ? "Redo " + ed.redoDescription() : std::string("Redo");
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, ed.canUndo())) s.undo();
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, ed.canRedo())) s.redo();
    ImGui::Separator();
    bool any = s.sel.hasText() || !s.sel.span.empty();
    if (ImGui::MenuItem("Copy text", "Ctrl+C", false, any)) s.copySelection();
    if (ImGui::MenuItem("Find...", "Ctrl+F")) {
      s.find.open = true;
      s.find.focus = true;
    }
    if (ImGui::BeginMenu("Label every occurrence of the selection", any)) {
      labelMenuItems(s, "menu-label-every", &UiState::labelEveryOccurrence);
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Label all search results", !s.find.matches.empty())) {
      labelMenuItems(s, "menu-label-all-results", &UiState::labelMatches);
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Delete selected", "Del", false,
                        !s.sel.span.empty() || !s.sel.relation.empty()))
      s.deleteSelected();
    ImGui::EndMenu();
  }
  if (beginBarMenu(s, "View", "View")) {
    auto theme = [&](const char* id, const char* label, bool dark, bool highContrast) {
      if (namedMenuItem(id, label, nullptr,
                        s.prefs.dark == dark && s.prefs.highContrast == highContrast)) {
        s.prefs.dark = dark;
        s.prefs.highContrast = highContrast;
        applyTheme(s.prefs);
        s.save.once = true;
      }
    };
    theme("theme-light", "Light theme", false, false);
    theme("theme-dark", "Dark theme", true, false);
    theme("theme-high-contrast", "High contrast theme", true, true);
    if (namedMenuItem("label-marks", "Label shapes and patterns", nullptr, s.prefs.labelMarks)) {
      s.prefs.labelMarks = !s.prefs.labelMarks;
      s.save.once = true;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Zoom in", "Ctrl++")) s.setZoom(s.prefs.zoom * 1.1f);
    if (ImGui::MenuItem("Zoom out", "Ctrl+-")) s.setZoom(s.prefs.zoom / 1.1f);
    if (ImGui::MenuItem("Actual size", "Ctrl+0")) s.setZoom(1.0f);
    drawUiScaleItems(s);
    ImGui::Separator();
    if (ImGui::MenuItem("Left panel (labels, documents)", nullptr, &s.prefs.showLeft))
      s.save.once = true;
    if (ImGui::MenuItem("Right panel (properties, annotations)", nullptr, &s.prefs.showRight))
      s.save.once = true;
    ImGui::MenuItem("Status bar", nullptr, &s.prefs.showStatus);
    if (namedMenuItem("suggestions", "Suggestions panel", nullptr, s.suggest.panelOpen))
      s.suggest.panelOpen = !s.suggest.panelOpen;
    ImGui::EndMenu();
  }
  drawClassroomMenu(s);
  if (beginBarMenu(s, "Help", "Help")) {
    if (ImGui::MenuItem("Keyboard shortcuts", "F1")) s.prefs.showHelp = true;
    if (ImGui::MenuItem("Grading and agreement: definitions")) s.prefs.showDefinitions = true;
    recordWidget("menu:Help:definitions");
    ImGui::EndMenu();
  }
  // The document name in the middle of the bar, dimmed.
  if (ds) {
    const std::string& name = ds->data().name;
    float w = ImGui::CalcTextSize(widgetText(name)).x;
    float x = (ImGui::GetWindowWidth() - w) * 0.5f;
    if (x > ImGui::GetCursorPosX() + 20) {
      ImGui::SetCursorPosX(x);
      ImGui::TextDisabled("%s%s", widgetText(name), ds->dirty() ? "  \xE2\x80\xA2" : "");
    }
  }
  ImGui::EndMainMenuBar();
  afterMenuBar(s, openBefore, depthBefore);
}

}  // namespace scholion::ui
