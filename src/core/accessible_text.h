// What a screen reader is told about the text view: the page's accessible mirror of the caret's
// sentence, the selection and the span under the caret, as plain sentences (docs/accessibility.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document.h"
#include "model.h"
#include "schema.h"

namespace scholion {

// The strings of the mirror; the UI rebuilds them only when the caret, the selection, the span or
// the document changed, and the page is told only about the fields that differ.
struct AccessibleMirror {
  std::string sentence;   // "Sentence 4 of 31: <text>" (the sentence the caret is in or before)
  std::string caret;      // "Caret before “Putin”, word 2 of 12 in sentence 4"
  std::string selection;  // "Selected “Vladimir Putin”, 2 words. Label key or Enter labels it."
  std::string span;  // "Person: “Vladimir Putin”. negated: yes. Note: ..." or "No span here"
  bool operator==(const AccessibleMirror& o) const {
    return sentence == o.sentence && caret == o.caret && selection == o.selection && span == o.span;
  }
};

// The sentence the caret is in, or the next one when the caret is between sentences (the last
// one past the end); sentences().size() when the document has none. O(log n).
std::size_t sentenceAtCaret(const Document& d, uint32_t caret);

// The innermost span covering the caret (start <= caret < end; the shortest, then the first in
// document order), or nullptr. O(spans): for a caret move, never per frame.
const Span* spanAtCaret(const std::vector<Span>& spans, uint32_t caret);

// One line about a span: its label (with the label's hotkey), its text, its attributes in schema
// order, its note, and its relations in `relations` ("member-of Organization “China”", "from
// Person “Jiang Zemin”: meets-with"), each part cut to a readable length. O(spans + relations).
std::string describeSpan(const Span& span, const Schema& schema,
                         const std::vector<Span>& spans = {},
                         const std::vector<Relation>& relations = {});

// The whole mirror. `selected` is the selected span (it wins over the span at the caret), or
// nullptr; [selStart, selEnd) the text selection (none when equal).
AccessibleMirror buildAccessibleMirror(const Document& d, const std::vector<Span>& spans,
                                       const std::vector<Relation>& relations, const Schema& schema,
                                       uint32_t caret, uint32_t selStart, uint32_t selEnd,
                                       const Span* selected);

}  // namespace scholion
