// Label marks: underline pattern and shape by the label's place in the schema.
#include "label_marks.h"

namespace scholion {

LabelMark labelMark(std::size_t index) {
  return LabelMark{static_cast<UnderlineStyle>(index % kUnderlineStyles),
                   static_cast<MarkShape>(index % kMarkShapes)};
}

const char* underlineStyleName(UnderlineStyle s) {
  switch (s) {
    case UnderlineStyle::Solid:
      return "solid";
    case UnderlineStyle::Dashed:
      return "dashed";
    case UnderlineStyle::Dotted:
      return "dotted";
    case UnderlineStyle::Double:
      return "double";
    case UnderlineStyle::Wavy:
      return "wavy";
    case UnderlineStyle::DashDot:
      return "dash-dot";
  }
  return "solid";
}

const char* markShapeName(MarkShape s) {
  switch (s) {
    case MarkShape::Circle:
      return "circle";
    case MarkShape::Square:
      return "square";
    case MarkShape::TriangleUp:
      return "triangle";
    case MarkShape::Diamond:
      return "diamond";
    case MarkShape::TriangleDown:
      return "down triangle";
    case MarkShape::Cross:
      return "cross";
    case MarkShape::Plus:
      return "plus";
    case MarkShape::Ring:
      return "ring";
  }
  return "circle";
}

}  // namespace scholion
