// Word-wrapped visual lines of one document for one font, size and width; rebuilt only when those
// change.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "document.h"

struct ImFont;

namespace scholion::ui {

// One wrapped line: [cpStart, cpEnd) of the text, without its trailing '\n'.
struct VisualLine {
  uint32_t cpStart = 0, cpEnd = 0;
  uint32_t byteStart = 0, byteEnd = 0;
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
  // X of every code point boundary of line i relative to the line start: out[k] = x of cpStart + k;
  // out.size() == cpEnd - cpStart + 1. `out` is cleared and reused (no allocation once grown).
  void lineXs(std::size_t i, std::vector<float>& out) const;
  float xOfCp(std::size_t lineIndex, uint32_t cp) const;
  // The code point boundary nearest to x on line i.
  uint32_t cpAtX(std::size_t lineIndex, float x) const;
  double lastBuildMs() const { return buildMs_; }

 private:
  struct Stepper;
  void build();
  float ascii_[256] = {};
  std::shared_ptr<const Document> doc_;
  const ImFont* font_ = nullptr;
  float size_ = 0, width_ = 0, scale_ = 1;
  std::vector<VisualLine> lines_;
  double buildMs_ = 0;
  uint64_t generation_ = 0;
};

}  // namespace scholion::ui
