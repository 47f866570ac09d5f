// What the rest of the UI calls for machine suggestions (suggest_actions.cpp, suggest_panel.cpp).
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "imgui.h"
#include "ui_state.h"

namespace scholion::ui {

// Outside an exercise always; in one only when the teacher allowed them.
bool suggestionsAllowed(const UiState& s);
// Once per frame: rebuilds string matching after edits, trains the tagger a slice at a time
// (a few milliseconds per frame), runs the held-out score, refreshes the active document's
// suggestions.
void suggestionsTick(UiState& s);
// The suggestion the keys act on: the one covering the text selection (same range first), else
// the one picked by a click or the "next most useful" key.
const Suggestion* suggestionUnderCaret(const UiState& s);
// Accepts it (with `label`, or its own when empty) as a normal add-span step.
bool acceptSuggestionUnderCaret(UiState& s, const std::string& label = "");
bool rejectSuggestionUnderCaret(UiState& s);
// Picks the shown suggestion the tagger is least sure of (after the current one) and scrolls to it.
void nextMostUsefulSuggestion(UiState& s);
// A click at code point cp of the text picks the suggestion there (or none).
void pickSuggestionAt(UiState& s, uint32_t cp);
// Undo/redo of rejections, on one clock with the editor's steps; true when it took the step.
bool stepSuggestionHistory(UiState& s, bool undoing);
// Accepts (one step) or rejects every shown suggestion of `label` ("" = any) at or above `minConf`.
void acceptOrRejectWhere(UiState& s, bool accepting, const std::string& label, float minConf);
// Starts the tagger's 5-fold held-out score on the user's annotations (runs in the frame loop).
void startHeldOutScore(UiState& s);
// Reads a gazetteer file into the gazetteer source (the message names a bad line).
void importGazetteer(UiState& s, const std::string& name, const std::string& bytes);
// Dashed outlines in the label's colour over the visible text; the confidence on hover.
void drawSuggestionGhosts(UiState& s, ImDrawList* dl);
void drawSuggestionsPanel(UiState& s);
nlohmann::json suggestionsStateJson(const UiState& s);

}  // namespace scholion::ui
