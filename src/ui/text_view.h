// Text view internals shared by text_view.cpp and text_draw.cpp: the visible frame (what is on
// screen this frame), hit tests, and token snapping of selections.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>

#include "imgui.h"
#include "text_view_state.h"
#include "ui_state.h"

namespace scholion::ui {

// Builds view.frame: the visible lines' spans, tags and arcs (text_draw.cpp).
void buildVisibleFrame(TextViewState& view, const DocumentState& doc, const Schema& schema,
                       const ImFont* font);
// Calls fn(x0, x1) with the screen x extent of each visually contiguous part of code points
// [a, b) on visible line li (of the built frame): one part, or more on a bidi line.
template <class Fn>
void forEachSegmentOnLine(const TextViewState& view, std::size_t li, uint32_t a, uint32_t b,
                          Fn&& fn) {
  const VisualLine& l = view.layout.line(li);
  if (b <= l.cpStart || a > l.cpEnd || (a == l.cpEnd && b > a && li + 1 < view.layout.lineCount()))
    return;
  const float ox = view.geo.origin.x;
  view.frame.cells(li).segments(std::max(a, l.cpStart) - l.cpStart,
                                std::min(b, l.cpEnd) - l.cpStart,
                                [&](float x0, float x1) { fn(ox + x0, ox + x1); });
}
// Calls fn(line, x0, x1) for each visible part of code points [a, b).
template <class Fn>
void forEachVisibleSegment(const TextViewState& view, uint32_t a, uint32_t b, Fn&& fn) {
  const VisibleFrame& f = view.frame;
  for (std::size_t li = std::max(f.first, view.layout.lineOfCp(a)); li <= f.last; ++li) {
    if (view.layout.line(li).cpStart >= b) break;
    forEachSegmentOnLine(view, li, a, b, [&](float x0, float x1) { fn(li, x0, x1); });
  }
}
void drawVisibleFrame(UiState& s, const ImFont* font);
// The keyboard in the text (text_keys.cpp): caret moves, Shift+selections, span resizing and Tab
// through spans, after the layout and before the scroll of this frame; then the caret drawn.
void handleTextKeys(UiState& s);
void drawCaret(const UiState& s);
// The text view takes keys: no field is being typed in, no popup or menu is open and no dialog
// has the keyboard focus.
bool textHasKeys();
bool dialogHasKeys();
// A side panel has the keyboard (F6 moved it there; its focus ring shows).
bool panelHasKeys();
// Called in the text window: after a click in a fixed panel the keyboard comes back to the text
// (else ImGui would Tab through that panel's fields and move its highlight with the arrows).
void keepKeyboardInText();  // a dialog or tool window (a window with a title bar) has the focus
// For window.scholion.state(): the view's rectangle, the rows of its visible text lines and the
// arcs on screen (their levels' y, legs and label pills), for browser tests to check the pixels.
nlohmann::json textViewStateJson(const TextViewState& view);
const Span* spanUnder(const TextViewState& view, ImVec2 p);  // tag or innermost span text at p
const Relation* relationUnder(const TextViewState& view, ImVec2 p);
// Ends a relation being drawn from the selected span (R) at `target` (null: cancelled), as a click
// does; for taps (text_touch.cpp).
void finishRelation(UiState& s, const Span* target);
// Token helpers (actions.cpp): snap a range to whole tokens, trimming spaces at its ends.
void snapToTokens(const Document& d, uint32_t& start, uint32_t& end);
uint32_t tokenEndAfter(const Document& d, uint32_t cp);     // end of the next token ending > cp
uint32_t tokenEndBefore(const Document& d, uint32_t cp);    // end of the last token ending < cp
uint32_t tokenStartBefore(const Document& d, uint32_t cp);  // start of the last token starting < cp
uint32_t tokenStartAfter(const Document& d, uint32_t cp);   // start of the next token starting > cp

}  // namespace scholion::ui
