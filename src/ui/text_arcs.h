// Relation arcs laid out per visual line, as brat does: each line carries the arcs (or the parts
// of long arcs) that start or end on it, stacked in levels in a band above its tags, and the line
// heights that follow. Rebuilt when the text layout, the spans or the relations change, never per
// frame.
#pragma once

#include <cstdint>
#include <vector>

#include "arc_rows.h"
#include "document_state.h"
#include "text_geometry.h"
#include "text_layout.h"
#include "width_cache.h"

struct ImFont;

namespace scholion::ui {

// One arc on one line. An arc whose spans are on different lines is cut in two parts: on the
// earlier line it runs from its span to the right edge and turns down; on the later line it comes
// up from the left edge to its span. Both parts carry the label, so each reads on its own.
struct ArcPart {
  enum class End : uint8_t {
    Span,      // the other end is a span on this line
    EdgeDown,  // the other end is on a later line: the arc leaves at the right edge
    EdgeUp,    // the other end is on an earlier line: the arc leaves at the left edge
  };
  const Relation* rel = nullptr;
  float anchorX = 0;  // x of this line's span anchor (relative to the text's left edge)
  float otherX = 0;   // x of the other end: the other span's anchor or the line edge
  float labelWidth = 0;
  End other = End::Span;
  bool anchorIsTarget = false;  // the arrowhead is at anchorX (else at the other end)
  int level = 0;                // 0: the lowest level, next to the tags
};

class ArcLayout {
 public:
  // Rebuilds when the layout was re-wrapped, the document changed or the metrics changed; returns
  // true when it did.
  bool update(const TextLayout& layout, const DocumentState& doc, const ViewMetrics& m,
              const ImFont* font);
  const LineOffsets& rows() const { return rows_; }
  int levels(std::size_t line) const { return line < levels_.size() ? levels_[line] : 0; }
  // The parts on one line: [partsBegin(line), partsEnd(line)).
  const ArcPart* partsBegin(std::size_t line) const { return parts_.data() + first(line); }
  const ArcPart* partsEnd(std::size_t line) const { return parts_.data() + first(line + 1); }
  std::size_t partCount() const { return parts_.size(); }
  double lastBuildMs() const { return buildMs_; }

 private:
  std::size_t first(std::size_t line) const {
    return line < lineFirst_.size() ? lineFirst_[line] : parts_.size();
  }
  void build(const TextLayout& layout, const DocumentState& doc, const ViewMetrics& m,
             const ImFont* font);
  // A span's tag line and arc anchor x, computed once per build (cached by span position).
  struct Anchor {
    uint32_t line = UINT32_MAX;
    float x = 0;
  };
  const Anchor& anchor(const TextLayout& layout, const DocumentState& doc, const Span& sp,
                       const ViewMetrics& m, const ImFont* font);
  // The cells of line li (TextLayout::lineCells), computed once per build.
  LineCells lineCells(const TextLayout& layout, std::size_t li);

  uint64_t layoutGeneration_ = 0, revision_ = 0;
  const DocumentState* doc_ = nullptr;
  float fontSize_ = 0;
  bool built_ = false;
  std::vector<ArcPart> parts_;       // grouped by line
  std::vector<uint32_t> lineFirst_;  // index of each line's first part in parts_ (size lines + 1)
  std::vector<uint8_t> levels_;      // arc levels of each line
  LineOffsets rows_;
  double buildMs_ = 0;
  // Scratch reused between builds.
  std::vector<ArcPart> unsorted_;
  std::vector<uint32_t> partLine_, order_;
  std::vector<ArcInterval> intervals_;
  std::vector<float> heights_;
  std::vector<Anchor> anchors_;     // by span position in the document's spans
  std::vector<uint32_t> lineXsAt_;  // by line: where its count and xs start in xs_, or UINT32_MAX
  std::vector<float> xs_, lineScratch_;
  // Label widths: relation labels, span tags in full and cut to three bytes (text_geometry.h).
  const ImFont* font_ = nullptr;
  WidthCache relWidths_, tagWidths_, tagShortWidths_;
};

}  // namespace scholion::ui
