// Modal dialogs: annotator name, paste text, reset saved data, remove document, workspace import.
#include <algorithm>
#include <cstring>

#include "keys.h"
#include "panels.h"
#include "text.h"
#include "widget_glyphs.h"
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
  if (s.dialogs.linkPending) return;  // asked once the linked document is on screen
  if (s.dialogs.askAnnotator && !ImGui::IsPopupOpen("Welcome to Scholion")) {
    ImGui::OpenPopup("Welcome to Scholion");
    std::snprintf(s.dialogs.annotatorBuf, sizeof s.dialogs.annotatorBuf, "%s",
                  s.editor.annotator().c_str());
  }
  center();
  if (ImGui::BeginPopupModal("Welcome to Scholion", nullptr, kModal)) {
    ImGui::TextUnformatted("Your name marks the annotations you make and the files you export.");
    ImGui::Spacing();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(360);
    bool enter = ImGui::InputTextWithHint("##name", "Your name", s.dialogs.annotatorBuf,
                                          sizeof s.dialogs.annotatorBuf,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    drawLimitNote(s.dialogs.annotatorBuf, sizeof s.dialogs.annotatorBuf);
    ImGui::Spacing();
    ImGui::BeginDisabled(s.dialogs.annotatorBuf[0] == 0);
    if (ImGui::Button("Start annotating", ImVec2(200, 0)) || (enter && s.dialogs.annotatorBuf[0])) {
      s.editor.setAnnotator(s.dialogs.annotatorBuf);
      s.save.once = true;
      s.dialogs.askAnnotator = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Later") || keys::escapeCloses()) {
      s.dialogs.askAnnotator = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

// The text arrives whole through the page's paste event (App::pasteText; any size, line breaks
// and tabs kept), or on the desktop from the system clipboard: never through a fixed buffer.
void pasteModal(UiState& s) {
  Dialogs& d = s.dialogs;
  if (d.openPaste) {
    ImGui::OpenPopup("Paste text as a new document");
    d.openPaste = false;
    d.pasted.clear();
    std::snprintf(d.pasteName, sizeof d.pasteName, "pasted-%zu.txt", s.editor.documentCount() + 1);
  }
  center();
  d.pasteOpen = ImGui::BeginPopupModal("Paste text as a new document", nullptr, kModal);
  if (!d.pasteOpen) return;
  ImGui::SetNextItemWidth(560);
  ImGui::InputText("Name", d.pasteName, sizeof d.pasteName);
  drawLimitNote(d.pasteName, sizeof d.pasteName);
  const bool desktop = s.platform.kind() == PlatformKind::Desktop;
  if (desktop && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_V))) {
    const char* clip = ImGui::GetClipboardText();
    if (clip) d.pasted = clip;
  }
  if (d.pasted.empty()) {
    ImGui::TextUnformatted("Press Ctrl+V (Cmd+V on a Mac) now: the whole text on the clipboard");
    ImGui::TextUnformatted("becomes the document, however long, with its line breaks and tabs.");
  } else {
    std::size_t lines = 1;
    for (char c : d.pasted) lines += c == '\n';
    ImGui::Text("%zu characters, %zu line(s). Ctrl+V again replaces it.", countCodePoints(d.pasted),
                lines);
    // A preview of the beginning: the document itself is the whole text.
    std::size_t cut = std::min<std::size_t>(d.pasted.size(), 4000);
    while (cut < d.pasted.size() && cut > 0 && (d.pasted[cut] & 0xC0) == 0x80) --cut;
    ImGui::BeginChild("##preview", ImVec2(640, 240), true);
    ImGui::TextUnformatted(d.pasted.data(), d.pasted.data() + cut);
    if (cut < d.pasted.size()) ImGui::TextDisabled("... (preview ends here; all of it is added)");
    ImGui::EndChild();
  }
  ImGui::BeginDisabled(d.pasted.empty());
  const bool add = ImGui::Button("Add document", ImVec2(160, 0));
  recordWidget("paste:add");
  if (add) {
    if (s.addTextDocument(d.pasteName[0] ? d.pasteName : "pasted.txt", d.pasted))
      s.setMessage(std::string("Added ") + d.pasteName);
    d.pasted.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || keys::escapeCloses()) {
    d.pasted.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void resetModal(UiState& s) {
  if (s.dialogs.openReset) {
    ImGui::OpenPopup("Reset saved data?");
    s.dialogs.openReset = false;
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
    if (ImGui::Button("Reset") && s.editable()) {
      // One step: Edit > Undo brings the workspace back (and autosave saves it again).
      s.autosaver.clear();
      if (s.applyEdit(planOpenWorkspace(s.editor, s.sampleWorkspace(), "Reset"))) {
        s.onActiveDocumentChanged();
        s.save.error.clear();
        s.setMessage("Saved data cleared (Edit > Undo brings the workspace back)");
      }
      ImGui::CloseCurrentPopup();
    }
    ImGui::PopStyleColor(3);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || keys::escapeCloses()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void removeDocModal(UiState& s) {
  if (s.dialogs.openRemoveDoc) {
    ImGui::OpenPopup("Remove document?");
    s.dialogs.openRemoveDoc = false;
  }
  center();
  if (ImGui::BeginPopupModal("Remove document?", nullptr, kModal)) {
    if (s.dialogs.removeDocIndex >= s.editor.documentCount()) {
      ImGui::CloseCurrentPopup();
    } else {
      const DocumentData& d = s.editor.doc(s.dialogs.removeDocIndex).data();
      ImGui::Text("Remove \"%s\" and its %zu spans from the workspace?", widgetText(d.name),
                  d.annotations.spans.size());
      ImGui::TextDisabled("Edit > Undo brings it back.");
      ImGui::Spacing();
      if (ImGui::Button("Remove", ImVec2(120, 0))) {
        s.applyEdit(planRemoveDocument(s.editor, s.dialogs.removeDocIndex));
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel") || keys::escapeCloses()) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void importModal(UiState& s) {
  if (s.dialogs.pendingImports.empty()) return;
  // One popup id ("###import") whatever the title says, so the title can name the format.
  ImportedFile& imp = s.dialogs.pendingImports.front();
  const bool scholion = imp.format == Format::Scholion;
  if (!ImGui::IsPopupOpen("###import")) ImGui::OpenPopup("###import");
  center();
  std::snprintf(s.dialogs.modalTitle, sizeof s.dialogs.modalTitle, "Open %s file###import",
                formatTitle(imp.format));
  if (ImGui::BeginPopupModal(s.dialogs.modalTitle, nullptr, kModal)) {
    ImGui::Text("%s", widgetText(imp.name));
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
    if (ImGui::Button("Cancel") || keys::escapeCloses()) done = true;
    if (done) {
      s.dialogs.pendingImports.erase(s.dialogs.pendingImports.begin());
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
  if (!s.dialogs.askAnnotator) importModal(s);
  if (!s.dialogs.askAnnotator && s.dialogs.pendingImports.empty()) drawExportWarningsModal(s);
}

}  // namespace scholion::ui
