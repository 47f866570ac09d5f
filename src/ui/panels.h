// Panels and windows (one file each) and the text view's internals: what app.cpp draws.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui_state.h"

namespace scholion::ui {

void applyTheme(bool dark);
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
// Parses "#rrggbb" into an ImGui colour with the given alpha (grey when malformed).
ImU32 labelColor(const std::string& hex, float alpha = 1.0f);
ImU32 labelColorFor(const Schema& schema, const std::string& label, float alpha = 1.0f);

}  // namespace scholion::ui
