// Each span label's mark besides its colour, for readers who cannot tell the colours apart: an
// underline pattern and a small shape, given by the label's place in the schema.
#pragma once

#include <cstddef>

namespace scholion {

enum class UnderlineStyle { Solid, Dashed, Dotted, Double, Wavy, DashDot };
enum class MarkShape { Circle, Square, TriangleUp, Diamond, TriangleDown, Cross, Plus, Ring };

constexpr std::size_t kUnderlineStyles = 6;
constexpr std::size_t kMarkShapes = 8;

struct LabelMark {
  UnderlineStyle underline = UnderlineStyle::Solid;
  MarkShape shape = MarkShape::Circle;
  bool operator==(const LabelMark& o) const { return underline == o.underline && shape == o.shape; }
};

// The mark of the label at `index` in the schema's span labels: the first 24 labels all differ
// in the underline, the shape or both (6 underlines x 8 shapes, both stepping with the index);
// the first 6 differ in both.
LabelMark labelMark(std::size_t index);
// "dashed", "wavy", ...; "circle", "triangle", ... (legend and help).
const char* underlineStyleName(UnderlineStyle s);
const char* markShapeName(MarkShape s);

}  // namespace scholion
