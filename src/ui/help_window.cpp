// The help windows: every shortcut and gesture (F1), and the grading and agreement definitions.
#include "keys.h"
#include "markdown_view.h"
#include "panels.h"
#include "widget_registry.h"

extern const unsigned char kAgreementDoc[];
extern const std::size_t kAgreementDoc_size;

namespace scholion::ui {
namespace {

struct Shortcut {
  const char* keys;
  const char* what;
};

const Shortcut kCaret[] = {
    {"Left / Right", "Caret to the previous / next word (token)"},
    {"Alt + Left / Right", "Caret by one character"},
    {"Ctrl + Left / Right", "Caret to the previous / next sentence"},
    {"Up / Down", "Caret to the line above / below"},
    {"Home / End", "Caret to the start / end of the line"},
    {"Ctrl + Home / End", "Caret to the start / end of the document"},
    {"Shift + any of these", "Select from the caret (stops at a line break; press again to go on)"},
    {"PageUp / PageDown, Space", "Scroll"},
};
const Shortcut kSelecting[] = {
    {"Drag", "Select text (snaps to whole words)"},
    {"Alt + drag", "Select exact characters"},
    {"Double-click", "Select a word"},
    {"Shift + click", "Extend the selection"},
    {"1 - 9 / label key", "Label the selection (or relabel the selected span)"},
    {"Enter", "Label menu at the selection or the selected span"},
    {"Esc", "Clear the selection / cancel a relation"},
};
const Shortcut kSpans[] = {
    {"Tab / Shift + Tab", "Select the next / previous span"},
    {"Click a span or its tag", "Select the span"},
    {"Right-click a span", "Span menu (label, relation, note, delete)"},
    {"Delete / Backspace", "Delete the selected span or relation"},
    {"Shift + Right / Left", "Move the span's end by a word"},
    {"Ctrl + Shift + Left / Right", "Move the span's start by a word"},
    {"... + Alt", "... by one character"},
    {"Drag a span's edge", "Resize the selected span"},
    {"N", "Write a note on the selected span"},
};
const Shortcut kMenus[] = {
    {"F10 / Alt (press and release)", "Open the menu bar's first menu (again: close it)"},
    {"Left / Right in a menu", "The previous / next menu of the menu bar"},
    {"F6 / Shift + F6", "Keyboard to the labels and documents, the annotation list, the text"},
    {"Esc in a panel", "Back to the text"},
    {"Up / Down", "Move the highlight (the focus ring) in a menu or list"},
    {"Enter / Space", "Pick the highlighted item"},
    {"Esc", "Close the menu, dialog or window"},
    {"Esc after Ctrl + F", "Close find, clear its highlights and select the current match"},
};
const Shortcut kSuggestions[] = {
    {"Click a dashed span", "Pick the suggestion"},
    {"Enter / label key", "Accept the suggestion at the selection (label key: with that label)"},
    {"X / Delete", "Reject it (Ctrl + Z takes the rejection back)"},
    {"U", "Next most useful: the suggestion the tagger is least sure of"},
};
const Shortcut kRelations[] = {
    {"R, then click a span", "Relation from the selected span"},
    {"Ctrl + drag / right-drag", "Draw a relation from span to span"},
    {"Click a relation label", "Select the relation"},
};
// Fingers (phones and tablets; thresholds in docs/touch.md).
const Shortcut kTouch[] = {
    {"Swipe (one finger)", "Scroll the text, or the panel under the finger"},
    {"Long press (half a second)", "Select the word; keep the finger down and move to extend"},
    {"Drag a round handle", "Move that end of the selection (by words)"},
    {"Tap a span", "Select the span (tap elsewhere: clear the selection)"},
    {"Label bar (below the text)",
     "Label the selection or relabel the span; Delete; \xE2\x9C\x95 clears"},
    {"Pinch (two fingers), A\xE2\x88\x92 / A+", "Zoom the text"},
    {"\xE2\x98\xB0 Labels / Details \xE2\x98\xB0",
     "Narrow screens: open the side panels as drawers (tap the text to close)"},
};
const Shortcut kGeneral[] = {
    {"Ctrl + Z", "Undo"},
    {"Ctrl + Shift + Z / Ctrl + Y", "Redo"},
    {"Ctrl + C", "Copy the selected text"},
    {"Ctrl + F", "Find (Enter: next, Shift + Enter: previous)"},
    {"F3 / Shift + F3", "Next / previous match"},
    {"Ctrl + + / Ctrl + - / Ctrl + 0", "Zoom the text in / out / reset"},
    {"Ctrl + wheel", "Interface size (panels and menus too; View > Larger / Smaller interface)"},
    {"Ctrl + O", "Open documents"},
    {"Ctrl + S", "Export the workspace (Scholion JSON)"},
    {"F8 / Shift + F8", "Next / previous mistake (after Classroom > Check my work)"},
    {"F1", "This help"},
};
const Shortcut kSeeing[] = {
    {"View > High contrast theme", "Black, white and yellow with strong borders"},
    {"View > Label shapes and patterns",
     "Each label's shape in tags and palette, its underline "
     "pattern in the text (on by default)"},
    {"Screen readers",
     "The caret's sentence, the selection, the span under the caret and every "
     "message are read out (live regions beside the canvas)"},
};

template <std::size_t N>
void table(const char* id, const char* title, const Shortcut (&rows)[N]) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", title);
  if (ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthStretch, 0.42f);
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch, 0.58f);
    for (const Shortcut& r : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.keys);
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", r.what);
    }
    ImGui::EndTable();
  }
}

}  // namespace

void drawHelpWindow(bool& open) {
  if (!open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImVec2 size(std::min(640.0f, vp->WorkSize.x - 40), std::min(640.0f, vp->WorkSize.y - 40));
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Keyboard shortcuts and gestures", &open,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    if (keys::escapeCloses()) open = false;
    table("##caret", "Caret (keyboard)", kCaret);
    table("##sel", "Selecting and labelling", kSelecting);
    table("##span", "Spans", kSpans);
    table("##rel", "Relations", kRelations);
    table("##sug", "Suggestions (View > Suggestions panel)", kSuggestions);
    table("##menus", "Menus, lists and dialogs", kMenus);
    table("##touch", "Touch (phones and tablets)", kTouch);
    table("##gen", "General", kGeneral);
    table("##see", "Seeing and hearing", kSeeing);
    ImGui::Spacing();
    ImGui::TextDisabled("On macOS, Cmd works wherever Ctrl is listed.");
  }
  ImGui::End();
}

void drawDefinitionsWindow(UiState& s) {
  bool& open = s.prefs.showDefinitions;
  if (!open) return;
  std::vector<MarkdownBlock>& blocks = s.classroom.definitions;
  if (blocks.empty())
    blocks = parseMarkdown(
        std::string(reinterpret_cast<const char*>(kAgreementDoc), kAgreementDoc_size));
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImVec2 size(std::min(760.0f, vp->WorkSize.x - 40), vp->WorkSize.y - 60);
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Grading and agreement: definitions###definitions", &open,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    recordWidget("definitions");
    if (keys::escapeCloses()) open = false;
    drawMarkdown(blocks);
  }
  ImGui::End();
}

}  // namespace scholion::ui
