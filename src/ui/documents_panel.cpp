// The documents panel: list, switch, rename (inline), remove (with confirmation).
#include <cstring>

#include "panels.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {

void drawDocumentsPanel(UiState& s) {
  for (std::size_t i = 0; i < s.editor.documentCount(); ++i) {
    const DocumentState& d = s.editor.doc(i);
    ImGui::PushID(static_cast<int>(i));
    if (s.dialogs.renameDoc == i) {
      ImGui::SetNextItemWidth(-1);
      ImGui::SetKeyboardFocusHere();
      if (ImGui::InputText(
              "##rename", s.dialogs.renameBuf, sizeof s.dialogs.renameBuf,
              ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
        s.dialogs.renameDoc = SIZE_MAX;
        if (s.dialogs.renameBuf[0]) s.applyEdit(planRename(s.editor, i, s.dialogs.renameBuf));
      } else if (ImGui::IsItemDeactivated()) {
        s.dialogs.renameDoc = SIZE_MAX;
      }
    } else {
      std::string label = d.data().name;
      if (d.dirty()) label += "  \xE2\x80\xA2";  // a dot marks unsaved changes
      if (ImGui::Selectable(widgetText(label), i == s.editor.active())) s.switchDocument(i);
      recordWidget("document", d.data().name.c_str());
      if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) {
        s.dialogs.renameDoc = i;
        std::snprintf(s.dialogs.renameBuf, sizeof s.dialogs.renameBuf, "%s", d.data().name.c_str());
      }
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%zu spans, %zu relations\nDouble-click to rename, right-click for more",
                          d.data().annotations.spans.size(), d.data().annotations.relations.size());
      if (ImGui::BeginPopupContextItem()) {
        if (ImGui::MenuItem("Rename")) {
          s.dialogs.renameDoc = i;
          std::snprintf(s.dialogs.renameBuf, sizeof s.dialogs.renameBuf, "%s",
                        d.data().name.c_str());
        }
        if (ImGui::MenuItem("Remove...")) {
          s.dialogs.removeDocIndex = i;
          s.dialogs.openRemoveDoc = true;
        }
        ImGui::EndPopup();
      }
    }
    ImGui::PopID();
  }
  if (s.editor.documentCount() == 0) ImGui::TextDisabled("No documents yet.");
  const float bw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  if (ImGui::Button("Open...", ImVec2(bw, 0))) s.platform.openFileChooser(kOpenAccept, true);
  ImGui::SameLine();
  if (ImGui::Button("Paste text...", ImVec2(bw, 0))) s.dialogs.openPaste = true;
}

}  // namespace scholion::ui
