// Panels and windows (one file each) and the text view's internals: what app.cpp draws.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "imgui.h"
#include "label_marks.h"
#include "ui_state.h"

namespace scholion::ui {

void applyTheme(const ViewPrefs& prefs);  // light, dark or high contrast
void drawMenus(UiState& s);
void drawTextView(UiState& s, ImVec2 pos, ImVec2 size);
void drawFindBar(UiState& s, float width);
// Esc in or after find: the bar closes, the highlights go and the current match is selected.
void closeFindSelectingMatch(UiState& s);
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
void drawHelpWindow(bool& open);
// How grades, agreement and adjudication are computed (docs/agreement.md, embedded).
void drawDefinitionsWindow(UiState& s);
void drawModals(UiState& s);
void drawExchangeMenuItems(UiState& s);  // File menu: import other formats, Export as
void drawExportWarningsModal(UiState& s);
// A scrolled list of warnings, one clipped line each (export and import dialogs).
void drawWarningList(const std::vector<std::string>& lines, const char* id);
// Under a text field of a fixed `capacity` (bytes, with the final NUL): once the text fills three
// quarters of it, says in words how much more fits, so the limit never cuts text silently.
void drawLimitNote(const char* buf, std::size_t capacity);
// Label counts + list rows, rebuilt on change only.
void refreshAnnotationCache(const Editor& editor, AnnotationListState& list, double now);
void handleGlobalShortcuts(UiState& s);

// ---- accessibility (accessibility.cpp, docs/accessibility.md) ----
// F6 through the text and the side panels, Esc back to the text, F10 / Alt for the menu bar.
// After handleGlobalShortcuts, before drawMenus.
void handleAccessKeys(UiState& s);
// Inside a panel's window: takes the keyboard there when F6 just chose `region` (focus ring on
// its first item).
void takeRegionFocus(UiState& s, AccessState::Region region);
// A menu of the main menu bar (recorded as "menu:<id>"), opened by F10 / Alt and the arrows too.
bool beginBarMenu(UiState& s, const char* id, const char* label, bool enabled = true);
// After the menu bar's menus: Left / Right to the neighbouring menu, back to the text when the
// menu closed. `openBefore`, `depthBefore`: s.access.menuOpen and the open popups before them.
void afterMenuBar(UiState& s, int openBefore, int depthBefore);
// The keyboard's focus ring round the highlighted item of a menu or list (end of the frame).
void drawFocusRing();
// At the end of a frame: tells the page's screen-reader mirror what changed (nothing if nothing).
void updateAccessibleMirror(UiState& s);
// Parses "#rrggbb" into an ImGui colour with the given alpha (grey when malformed).
ImU32 labelColor(const std::string& hex, float alpha = 1.0f);
ImU32 labelColorFor(const Schema& schema, const std::string& label, float alpha = 1.0f);
// Label marks (label_marks_draw.cpp): the mark of a label by its place in the schema, a shape
// centred on `c` with radius `r`, and an underline of height `h` from x0 to x1 in a pattern.
LabelMark labelMarkFor(const Schema& schema, const std::string& label);
void drawMarkShape(ImDrawList* dl, ImVec2 c, float r, MarkShape shape, ImU32 col);
void drawLabelUnderline(ImDrawList* dl, float x0, float x1, float y, float h, UnderlineStyle style,
                        ImU32 col);

}  // namespace scholion::ui
