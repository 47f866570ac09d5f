// Modal dialogs: annotator name, paste text, reset saved data, remove document, workspace import.
#include <cstring>

#include "app_impl.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

void center() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
}

constexpr ImGuiWindowFlags kModal =
    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;

void annotatorModal(UiState& s) {
  if (s.askAnnotator && !ImGui::IsPopupOpen("Welcome to Scholion")) {
    ImGui::OpenPopup("Welcome to Scholion");
    std::snprintf(s.annotatorBuf, sizeof s.annotatorBuf, "%s", s.editor.annotator().c_str());
  }
  center();
  if (ImGui::BeginPopupModal("Welcome to Scholion", nullptr, kModal)) {
    ImGui::TextUnformatted("Your name marks the annotations you make and the files you export.");
    ImGui::Spacing();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(360);
    bool enter =
        ImGui::InputTextWithHint("##name", "Your name", s.annotatorBuf, sizeof s.annotatorBuf,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Spacing();
    ImGui::BeginDisabled(s.annotatorBuf[0] == 0);
    if (ImGui::Button("Start annotating", ImVec2(200, 0)) || (enter && s.annotatorBuf[0])) {
      s.editor.setAnnotator(s.annotatorBuf);
      s.saveOnce = true;
      s.askAnnotator = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Later")) {
      s.askAnnotator = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void pasteModal(UiState& s) {
  if (s.openPaste) {
    ImGui::OpenPopup("Paste text as a new document");
    s.openPaste = false;
    s.pasteBuf.assign(s.pasteBuf.size(), '\0');
    std::snprintf(s.pasteName, sizeof s.pasteName, "pasted-%zu.txt", s.editor.documentCount() + 1);
  }
  center();
  if (ImGui::BeginPopupModal("Paste text as a new document", nullptr, kModal)) {
    ImGui::SetNextItemWidth(560);
    ImGui::InputText("Name", s.pasteName, sizeof s.pasteName);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    // Tabs are part of pasted texts (tables, code, verse): keep them.
    ImGui::InputTextMultiline("##text", s.pasteBuf.data(), s.pasteBuf.size(), ImVec2(640, 320),
                              ImGuiInputTextFlags_AllowTabInput);
    ImGui::TextDisabled("Paste with Ctrl+V. Up to %zu KB here; open a file for longer texts.",
                        s.pasteBuf.size() / 1024);
    bool empty = s.pasteBuf[0] == 0;
    ImGui::BeginDisabled(empty);
    const bool add = ImGui::Button("Add document", ImVec2(160, 0));
    recordWidget("paste:add");
    if (add) {
      std::string err =
          s.addTextDocument(s.pasteName[0] ? s.pasteName : "pasted.txt", s.pasteBuf.data());
      if (err.empty())
        s.setMessage(std::string("Added ") + s.pasteName);
      else
        s.setMessage(err, true);
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void resetModal(UiState& s) {
  if (s.openReset) {
    ImGui::OpenPopup("Reset saved data?");
    s.openReset = false;
  }
  center();
  if (ImGui::BeginPopupModal("Reset saved data?", nullptr, kModal)) {
    ImGui::TextUnformatted(
        "This deletes the workspace saved in this browser and starts again with the sample.");
    ImGui::TextUnformatted("Export first if you want to keep your annotations.");
    ImGui::Spacing();
    if (ImGui::Button("Export first")) s.exportWorkspace(false);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.80f, 0.26f, 0.24f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.88f, 0.32f, 0.29f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (ImGui::Button("Reset")) {
      s.autosaver.clear();
      Workspace empty;
      empty.annotator = s.editor.annotator();
      s.editor.replaceWorkspace(std::move(empty));
      s.loadSample();
      s.clearSelection();
      s.matches.clear();
      s.restoreScrollY = 0;
      s.saveError.clear();
      s.setMessage("Saved data cleared");
      ImGui::CloseCurrentPopup();
    }
    ImGui::PopStyleColor(3);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void removeDocModal(UiState& s) {
  if (s.openRemoveDoc) {
    ImGui::OpenPopup("Remove document?");
    s.openRemoveDoc = false;
  }
  center();
  if (ImGui::BeginPopupModal("Remove document?", nullptr, kModal)) {
    if (s.removeDocIndex >= s.editor.documentCount()) {
      ImGui::CloseCurrentPopup();
    } else {
      const DocumentData& d = s.editor.doc(s.removeDocIndex).data();
      ImGui::Text("Remove \"%s\" and its %zu spans from the workspace?", d.name.c_str(),
                  d.annotations.spans.size());
      ImGui::TextDisabled("This cannot be undone.");
      ImGui::Spacing();
      if (ImGui::Button("Remove", ImVec2(120, 0))) {
        s.editor.removeDocument(s.removeDocIndex);
        s.clearSelection();
        s.matches.clear();
        s.findQuery.clear();
        s.saveOnce = true;
        s.restoreScrollY = 0;
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void importModal(UiState& s) {
  if (s.pendingImports.empty()) return;
  // One popup id ("###import") whatever the title says, so the title can name the format.
  PendingImport& imp = s.pendingImports.front();
  const bool scholion = imp.format == Format::Scholion;
  if (!ImGui::IsPopupOpen("###import")) ImGui::OpenPopup("###import");
  center();
  std::snprintf(s.modalTitle, sizeof s.modalTitle, "Open %s file###import",
                formatTitle(imp.format));
  if (ImGui::BeginPopupModal(s.modalTitle, nullptr, kModal)) {
    ImGui::Text("%s", imp.name.c_str());
    std::size_t spans = 0, relations = 0;
    for (const DocumentData& d : imp.workspace.documents) {
      spans += d.annotations.spans.size();
      relations += d.annotations.relations.size();
    }
    if (scholion)
      ImGui::TextDisabled("%zu document(s), annotator \"%s\"", imp.workspace.documents.size(),
                          imp.workspace.annotator.c_str());
    else
      ImGui::TextDisabled("%s: %zu document(s), %zu span(s), %zu relation(s), %zu label(s)",
                          formatTitle(imp.format), imp.workspace.documents.size(), spans, relations,
                          imp.workspace.schema.spanLabels.size());
    if (!imp.warnings.empty()) {
      // What the file's own tool only warns about: it opens, and the user sees what was odd.
      ImGui::Spacing();
      ImGui::Text("%zu warning(s): %s would open it and warn about", imp.warnings.size(),
                  formatTitle(imp.format));
      drawWarningList(imp.warnings, "##import-warnings");
      recordWidget("import:warnings");
    }
    ImGui::Spacing();
    bool done = false;
    if (ImGui::Button("Open as workspace", ImVec2(300, 0)))
      s.importWorkspace(imp, true, false), done = true;
    recordWidget("import:workspace");
    ImGui::TextDisabled("Replaces the open documents, schema and annotations.");
    if (ImGui::Button("Merge as another annotator's layer", ImVec2(300, 0)))
      s.importWorkspace(imp, false, true), done = true;
    recordWidget("import:layer");
    ImGui::TextDisabled("Same text: added beside your annotations. New text: new document.");
    if (ImGui::Button("Merge, replacing my annotations", ImVec2(300, 0)))
      s.importWorkspace(imp, false, false), done = true;
    recordWidget("import:replace");
    ImGui::Spacing();
    if (ImGui::Button("Cancel")) done = true;
    if (done) {
      s.pendingImports.erase(s.pendingImports.begin());
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace

void drawModals(UiState& s) {
  annotatorModal(s);
  pasteModal(s);
  resetModal(s);
  removeDocModal(s);
  if (!s.askAnnotator) importModal(s);
  if (!s.askAnnotator && s.pendingImports.empty()) drawExportWarningsModal(s);
}

}  // namespace scholion::ui
