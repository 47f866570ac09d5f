// Word-wrapped visual lines of one document for one font, size and width; rebuilt only when those
// change.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "document.h"

struct ImFont;

namespace scholion::ui {

// One wrapped line: [cpStart, cpEnd) of the text, without its trailing '\n'. `bidi`: the line is
// not plain left to right (a right-to-left paragraph, or right-to-left text in it: bidi.h).
struct VisualLine {
  uint32_t cpStart = 0, cpEnd = 0;
  uint32_t byteStart = 0, byteEnd = 0;
  uint8_t paraLevel = 0;
  bool bidi = false;
};

// Where each code point of a line is shown, relative to the line's left edge: c[2k] is the x
// where code point k starts in its reading direction and c[2k + 1] where it ends (start > end
// right to left); c[2n] is the x of the caret after the line's last code point.
struct LineCells {
  const float* c = nullptr;
  uint32_t n = 0;

  float start(uint32_t k) const { return c[2 * k]; }
  float end(uint32_t k) const { return c[2 * k + 1]; }
  float width(uint32_t k) const {
    return c[2 * k + 1] > c[2 * k] ? c[2 * k + 1] - c[2 * k] : c[2 * k] - c[2 * k + 1];
  }
  // x of the caret at boundary k (0..n): where code point k starts.
  float caret(uint32_t k) const { return c[2 * (k < n ? k : n)]; }
  // Left and right x of code points [a, b) (line-relative indices, clamped); the caret when empty.
  void extent(uint32_t a, uint32_t b, float& x0, float& x1) const;
  // Calls fn(x0, x1) for each visually contiguous piece of [a, b), left < right.
  template <class Fn>
  void segments(uint32_t a, uint32_t b, Fn&& fn) const;
};

class TextLayout {
 public:
  // Re-wraps when the document, font, size or width changed; returns true when it did.
  bool update(std::shared_ptr<const Document> doc, const ImFont* font, float fontSize,
              float wrapWidth);
  void invalidate() { doc_.reset(); }

  const Document* document() const { return doc_.get(); }
  const ImFont* font() const { return font_; }
  float fontSize() const { return size_; }
  float wrapWidth() const { return width_; }
  // Changes whenever the lines were rebuilt (for what is derived from them, such as arcs).
  uint64_t generation() const { return generation_; }
  std::size_t lineCount() const { return lines_.size(); }
  const VisualLine& line(std::size_t i) const { return lines_[i]; }
  // The visual line holding code point cp (the last line for cp == length); O(log n).
  std::size_t lineOfCp(uint32_t cp) const;
  // Advance of one code point at the current size, exactly as ImGui renders it.
  float advance(uint32_t c) const;
  // The cells of line i (LineCells) written as [n, c[0] ... c[2n]] (n as a float). Right-to-left
  // paragraphs are right-aligned to the wrap width. `out` is cleared and reused.
  void lineCells(std::size_t i, std::vector<float>& out) const;
  // The caret x of code point boundary cp on line i: where code point cp starts, or with `after`
  // where code point cp - 1 ends (the two differ only where the direction changes).
  float xOfCp(std::size_t lineIndex, uint32_t cp, bool after = false) const;
  // The code point boundary nearest to x on line i.
  uint32_t cpAtX(std::size_t lineIndex, float x) const;
  // Left and right x of code points [a, b) on line i (LineCells::extent).
  void rangeX(std::size_t lineIndex, uint32_t a, uint32_t b, float& x0, float& x1) const;
  double lastBuildMs() const { return buildMs_; }

 private:
  struct Stepper;
  void build();
  void resolveBidi();
  float plainXOf(const VisualLine& l, uint32_t cp) const;
  uint32_t plainCpAtX(const VisualLine& l, float x) const;
  float ascii_[256] = {};
  std::shared_ptr<const Document> doc_;
  const ImFont* font_ = nullptr;
  float size_ = 0, width_ = 0, scale_ = 1;
  std::vector<VisualLine> lines_;
  std::vector<uint8_t> levels_;  // bidi level of every code point; empty for left-to-right text
  mutable std::vector<float> cells_;
  mutable std::vector<uint8_t> lineLevels_;
  mutable std::vector<uint32_t> order_;
  double buildMs_ = 0;
  uint64_t generation_ = 0;
};

template <class Fn>
void LineCells::segments(uint32_t a, uint32_t b, Fn&& fn) const {
  if (b > n) b = n;
  bool open = false;
  float lo = 0, hi = 0;
  for (uint32_t k = a; k < b; ++k) {
    float s = start(k), e = end(k);
    if (s == e) continue;
    if (s > e) std::swap(s, e);
    if (open && (s > hi + 0.01f || e < lo - 0.01f)) {
      fn(lo, hi);
      open = false;
    }
    if (!open) {
      lo = s;
      hi = e;
      open = true;
    } else {
      lo = s < lo ? s : lo;
      hi = e > hi ? e : hi;
    }
  }
  if (open) fn(lo, hi);
}

}  // namespace scholion::ui
