// What is selected in the active document (a text range, or one span or relation) and the mouse
// gesture in progress; the selection is only ever one of these at a time.
#pragma once

#include <cstdint>
#include <string>

#include "imgui.h"

namespace scholion::ui {

struct Selection {
  uint32_t start = 0, end = 0;  // text selection (none when equal)
  uint32_t anchor = 0;          // where the drag / shift-click / Shift+arrow started
  uint32_t caret = 0;           // keyboard caret: the moving end of a selection (caret.h rules)
  bool caretHeld = false;       // the last Shift+arrow stopped at a line break (the next crosses)
  std::string span;             // id of the selected span in the active document
  std::string relation;         // id of the selected relation

  bool hasText() const { return end > start; }
  void clear() {
    start = end = 0;
    caretHeld = false;
    span.clear();
    relation.clear();
  }
  void selectText(uint32_t a, uint32_t b) {
    clear();
    start = a;
    end = b;
    anchor = a;
    caret = b;
  }
  // A text range from keyboard or mouse (the anchor stays where the gesture started).
  void setRange(uint32_t a, uint32_t b) {
    span.clear();
    relation.clear();
    caretHeld = false;
    start = a;
    end = b;
  }
  void selectSpan(std::string id) {
    clear();
    span = std::move(id);
  }
  void selectRelation(std::string id) {
    clear();
    relation = std::move(id);
  }
};

// A mouse gesture over the text and the popups it opens.
struct TextGesture {
  enum class Drag { None, Pending, Select, ResizeStart, ResizeEnd, Relate };
  Drag drag = Drag::None;
  int dragButton = 0;
  std::string pressSpan;                      // span under the mouse when the button went down
  uint32_t previewStart = 0, previewEnd = 0;  // span resize preview
  // Relation being drawn from the selected span (R key, Ctrl-drag or right-drag).
  bool relating = false;
  std::string relationFrom;
  std::string relationTo;  // chosen target: the type popup is open
  bool openRelationPopup = false;
  bool openLabelPopup = false;
  ImVec2 popupPos;
  uint64_t popupRevision = 0;
  bool popupWasOpen = false;  // a popup or menu was open at the end of the last frame (Esc's)

  void reset() {
    drag = Drag::None;
    pressSpan.clear();
    relating = false;
    relationFrom.clear();
    relationTo.clear();
    openRelationPopup = openLabelPopup = false;
  }
};

}  // namespace scholion::ui
