// Keyboard caret and selection rules over a document's tokens: where the arrows, Home/End and
// their Shift forms put the caret or the moving end of a selection (offsets in code points).
#pragma once

#include <cstdint>
#include <vector>

#include "document.h"
#include "model.h"

namespace scholion {

// The caret moves from token start to token start: the start of the next token after cp (the
// end of the last token, then the document end, when there is none), or of the previous one
// (0 before the first token). O(log n).
uint32_t caretNextToken(const Document& d, uint32_t cp);
uint32_t caretPrevToken(const Document& d, uint32_t cp);
// The start of the next / previous sentence (Ctrl+arrows); the document's ends past the last.
uint32_t caretNextSentence(const Document& d, uint32_t cp);
uint32_t caretPrevSentence(const Document& d, uint32_t cp);
// The start of the first token / the end of the last token in [a, b) (a visual or text line);
// a (first) or b (last) when no token starts or ends in it.
uint32_t firstTokenStartIn(const Document& d, uint32_t a, uint32_t b);
uint32_t lastTokenEndIn(const Document& d, uint32_t a, uint32_t b);
// A code point (under the mouse, or on another line at the caret's x) moved to a caret place:
// the nearer end of the token it is in (the start on a tie), else itself; never inside a
// grapheme cluster.
uint32_t caretSnap(const Document& d, uint32_t cp);

// The moving end ("focus") of a keyboard selection after one Shift+Right (forward) or Shift+Left.
// The selection's end edge moves from token end to token end, its start edge from token start to
// token start. When the next step would cross a line break, the focus first holds where it is
// (held == true: the selection stops at the end / start of its line); the next step, given
// `wasHeld`, crosses.
struct FocusStep {
  uint32_t focus = 0;
  bool held = false;
};
FocusStep extendByToken(const Document& d, uint32_t anchor, uint32_t focus, bool forward,
                        bool wasHeld);

// The span after (forward) or before the one at [start, end) with id `id` in document order
// (start, then longer first, then id); with `id` empty, the first span starting at or after
// (forward) / the last starting before `start`. Wraps around; nullptr when there are no spans.
// O(spans) per call: for a key press, never per frame.
const Span* stepSpan(const std::vector<Span>& spans, uint32_t start, uint32_t end,
                     const std::string& id, bool forward);

}  // namespace scholion
