// The main menu bar: File, Edit, View, Help.
#include "app_impl.h"
#include "widget_registry.h"

namespace scholion::ui {

void drawMenus(UiState& s) {
  if (!ImGui::BeginMainMenuBar()) return;
  const bool web = std::string(s.platform.kind()) == "web";
  DocumentState* ds = s.doc();
  if (beginNamedMenu("File", "File")) {
    if (namedMenuItem("open", "Open documents...", "Ctrl+O"))
      s.platform.openFileChooser(kOpenAccept, true);
    if (namedMenuItem("paste", "Paste text as new document...")) s.openPaste = true;
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
    if (namedMenuItem("change-name", "Change my name...")) s.askAnnotator = true;
    std::size_t used = s.platform.storageUsed(), quota = s.platform.storageQuota();
    if (quota)
      ImGui::TextDisabled("Storage used: %.1f of %.1f MB", used / 1048576.0, quota / 1048576.0);
    else
      ImGui::TextDisabled("Storage used: %.1f MB", used / 1048576.0);
    if (namedMenuItem("reset", "Reset saved data...")) s.openReset = true;
    ImGui::EndMenu();
  }
  if (beginNamedMenu("Edit", "Edit")) {
    std::string undo = ds && ds->canUndo() ? "Undo " + ds->undoDescription() : std::string("Undo");
    std::string redo = ds && ds->canRedo() ? "Redo " + ds->redoDescription() : std::string("Redo");
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, ds && ds->canUndo())) s.undo();
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, ds && ds->canRedo())) s.redo();
    ImGui::Separator();
    bool any = s.hasSelection() || !s.selectedSpan.empty();
    if (ImGui::MenuItem("Copy text", "Ctrl+C", false, any)) s.copySelection();
    if (ImGui::MenuItem("Find...", "Ctrl+F")) {
      s.findOpen = true;
      s.findFocus = true;
    }
    if (ImGui::BeginMenu("Label every occurrence of the selection", any)) {
      labelMenuItems(s, "menu-label-every", &UiState::labelEveryOccurrence);
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Label all search results", !s.matches.empty())) {
      labelMenuItems(s, "menu-label-all-results", &UiState::labelMatches);
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Delete selected", "Del", false,
                        !s.selectedSpan.empty() || !s.selectedRelation.empty()))
      s.deleteSelected();
    ImGui::EndMenu();
  }
  if (beginNamedMenu("View", "View")) {
    if (ImGui::MenuItem("Light theme", nullptr, !s.dark)) {
      s.dark = false;
      applyTheme(false);
      s.saveOnce = true;
    }
    if (ImGui::MenuItem("Dark theme", nullptr, s.dark)) {
      s.dark = true;
      applyTheme(true);
      s.saveOnce = true;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Zoom in", "Ctrl++")) s.setZoom(s.zoom * 1.1f);
    if (ImGui::MenuItem("Zoom out", "Ctrl+-")) s.setZoom(s.zoom / 1.1f);
    if (ImGui::MenuItem("Actual size", "Ctrl+0")) s.setZoom(1.0f);
    ImGui::Separator();
    if (ImGui::MenuItem("Left panel (labels, documents)", nullptr, &s.showLeft)) s.saveOnce = true;
    if (ImGui::MenuItem("Right panel (properties, annotations)", nullptr, &s.showRight))
      s.saveOnce = true;
    ImGui::MenuItem("Status bar", nullptr, &s.showStatus);
    ImGui::EndMenu();
  }
  drawClassroomMenu(s);
  if (beginNamedMenu("Help", "Help")) {
    if (ImGui::MenuItem("Keyboard shortcuts", "F1")) s.showHelp = true;
    ImGui::EndMenu();
  }
  // The document name in the middle of the bar, dimmed.
  if (ds) {
    const std::string& name = ds->data().name;
    float w = ImGui::CalcTextSize(name.c_str()).x;
    float x = (ImGui::GetWindowWidth() - w) * 0.5f;
    if (x > ImGui::GetCursorPosX() + 20) {
      ImGui::SetCursorPosX(x);
      ImGui::TextDisabled("%s%s", name.c_str(), ds->dirty() ? "  \xE2\x80\xA2" : "");
    }
  }
  ImGui::EndMainMenuBar();
}

}  // namespace scholion::ui
