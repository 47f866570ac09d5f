// The status bar: document, counts, annotator, saved state, storage use and the last message.
#include "panels.h"
#include "widget_glyphs.h"

namespace scholion::ui {

void drawStatusBar(UiState& s, ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                      ImVec2(12, (size.y - ImGui::GetFontSize()) * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoNav);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  if (const DocumentState* ds = s.doc()) {
    const DocumentData& d = ds->data();
    ImGui::Text("%s", widgetText(d.name));
    ImGui::SameLine(0, 18);
    ImGui::TextDisabled("%zu spans \xC2\xB7 %zu relations \xC2\xB7 %zu chars",
                        d.annotations.spans.size(), d.annotations.relations.size(),
                        ds->document().length());
  }
  ImGui::SameLine(0, 18);
  ImGui::TextDisabled("\xE2\x9C\x8E %s", widgetText(s.annotatorName()));
  ImGui::SameLine(0, 18);
  if (!s.save.error.empty())
    ImGui::TextColored(ImVec4(0.86f, 0.25f, 0.22f, 1), "Not saved");
  else if (s.save.tab == SaveState::Tab::Following)
    ImGui::TextDisabled("Read-only: edited in another tab");
  else if (s.editor.dirty() || s.save.once)
    ImGui::TextDisabled("Unsaved changes");
  else
    ImGui::TextDisabled(s.platform.kind() == PlatformKind::Web ? "Saved in this browser" : "Saved");
  if (ImGui::IsItemHovered()) {
    // Only on hover: measuring walks the browser's storage, too costly for every frame.
    std::size_t used = s.platform.storageUsed(), quota = s.platform.storageQuota();
    const std::string summary = s.platform.storageSummary();
    if (!summary.empty()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
      ImGui::TextUnformatted(summary.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    } else if (quota)
      ImGui::SetTooltip("Storage: %.1f of %.1f MB used", used / 1048576.0, quota / 1048576.0);
    else
      ImGui::SetTooltip("Storage: %.1f MB used", used / 1048576.0);
  }
  // Where the saved state ends: a long message starts after it instead of drawing over it.
  const float afterSaved = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 24;
  if (!s.status.text.empty()) {
    // The last message, right-aligned; errors stay red until the next message.
    std::string msg = s.status.text.substr(0, s.status.text.find('\n'));
    const char* shown = widgetText(msg);  // messages name labels and documents
    float w = ImGui::CalcTextSize(shown).x;
    float x = ImGui::GetWindowWidth() - w - 16;
    const bool cut = x < afterSaved;  // runs past the right edge: the tooltip shows it whole
    ImGui::SameLine(std::max(x, afterSaved));
    if (s.status.error)
      ImGui::TextColored(ImVec4(0.86f, 0.25f, 0.22f, 1), "%s", shown);
    else
      ImGui::TextDisabled("%s", shown);
    if (ImGui::IsItemHovered() && (s.status.text.size() > msg.size() || cut))
      ImGui::SetTooltip("%s", widgetText(s.status.text));
  }
  ImGui::End();
}

}  // namespace scholion::ui
