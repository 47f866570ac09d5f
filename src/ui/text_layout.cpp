// Word wrapping of a whole document with the font's advance table (fast enough for 1 MiB in one
// go).
#include "text_layout.h"

#include <algorithm>
#include <chrono>

#include "imgui.h"

namespace scholion::ui {
namespace {

// Decodes one code point of valid UTF-8 at s[i], advancing i.
inline uint32_t nextCp(const std::string& s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  if (c < 0xE0) {
    uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    i += 2;
    return cp;
  }
  if (c < 0xF0) {
    uint32_t cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                  (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    i += 3;
    return cp;
  }
  uint32_t cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
                ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) |
                (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
  i += 4;
  return cp;
}

// Where a line may break after this character (ASCII and common Unicode spaces).
inline bool isBreakSpace(uint32_t c) {
  return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B);
}

}  // namespace

float TextLayout::advance(uint32_t c) const {
  if (!font_) return 0;
  if (c == '\r' || c == '\n') return 0;  // ImGui skips them while rendering a single line
  if (c > 0xFFFF) c = 0xFFFD;            // 16-bit ImWchar: ImGui renders these as U+FFFD
  const ImFont* f = font_;
  float a = (static_cast<int>(c) < f->IndexAdvanceX.Size) ? f->IndexAdvanceX.Data[c]
                                                          : f->FallbackAdvanceX;
  return a * scale_;
}

bool TextLayout::update(std::shared_ptr<const Document> doc, const ImFont* font, float fontSize,
                        float wrapWidth) {
  wrapWidth = std::max(wrapWidth, fontSize * 4);
  if (doc == doc_ && font == font_ && fontSize == size_ && wrapWidth == width_) return false;
  doc_ = std::move(doc);
  font_ = font;
  size_ = fontSize;
  width_ = wrapWidth;
  scale_ = (font_ && font_->FontSize > 0) ? fontSize / font_->FontSize : 1.0f;
  build();
  return true;
}

void TextLayout::build() {
  auto t0 = std::chrono::steady_clock::now();
  ++generation_;
  lines_.clear();
  if (!doc_ || !font_) return;
  const std::string& s = doc_->text();
  const std::size_t n = s.size();
  lines_.reserve(n / 60 + 16);
  // Advance table scaled once: most documents are mostly in the first 256 code points.
  float ascii[256];
  for (uint32_t c = 0; c < 256; ++c) ascii[c] = advance(c);

  VisualLine cur;
  float x = 0;
  // The last break opportunity on the current line: position after a space run.
  bool haveBreak = false;
  uint32_t breakCp = 0, breakByte = 0;
  float breakX = 0;
  std::size_t i = 0;
  uint32_t cp = 0;
  while (i < n) {
    const uint32_t byte = static_cast<uint32_t>(i);
    const uint32_t c = nextCp(s, i);
    if (c == '\n') {
      cur.cpEnd = cp;
      cur.byteEnd = byte;
      lines_.push_back(cur);
      ++cp;
      cur.cpStart = cp;
      cur.byteStart = static_cast<uint32_t>(i);
      x = 0;
      haveBreak = false;
      continue;
    }
    const float a = c < 256 ? ascii[c] : advance(c);
    if (isBreakSpace(c)) {
      // Spaces may hang past the edge; the line can break right after them.
      x += a;
      ++cp;
      haveBreak = true;
      breakCp = cp;
      breakByte = static_cast<uint32_t>(i);
      breakX = x;
      continue;
    }
    if (x + a > width_ && cp > cur.cpStart) {
      if (haveBreak && breakCp > cur.cpStart) {
        cur.cpEnd = breakCp;
        cur.byteEnd = breakByte;
        lines_.push_back(cur);
        cur.cpStart = breakCp;
        cur.byteStart = breakByte;
        x -= breakX;
      } else {  // a word longer than the line: cut it here
        cur.cpEnd = cp;
        cur.byteEnd = byte;
        lines_.push_back(cur);
        cur.cpStart = cp;
        cur.byteStart = byte;
        x = 0;
      }
      haveBreak = false;
    }
    x += a;
    ++cp;
  }
  cur.cpEnd = cp;
  cur.byteEnd = static_cast<uint32_t>(n);
  lines_.push_back(cur);
  buildMs_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

std::size_t TextLayout::lineOfCp(uint32_t cp) const {
  if (lines_.empty()) return 0;
  auto it = std::upper_bound(lines_.begin(), lines_.end(), cp,
                             [](uint32_t v, const VisualLine& l) { return v < l.cpStart; });
  if (it == lines_.begin()) return 0;
  return static_cast<std::size_t>(it - lines_.begin()) - 1;
}

void TextLayout::lineXs(std::size_t li, std::vector<float>& out) const {
  out.clear();
  if (li >= lines_.size() || !doc_) return;
  const VisualLine& l = lines_[li];
  const std::string& s = doc_->text();
  float x = 0;
  out.push_back(0);
  std::size_t i = l.byteStart;
  while (i < l.byteEnd) {
    x += advance(nextCp(s, i));
    out.push_back(x);
  }
}

float TextLayout::xOfCp(std::size_t li, uint32_t cp) const {
  if (li >= lines_.size() || !doc_) return 0;
  const VisualLine& l = lines_[li];
  const std::string& s = doc_->text();
  float x = 0;
  std::size_t i = l.byteStart;
  for (uint32_t k = l.cpStart; k < cp && i < l.byteEnd; ++k) x += advance(nextCp(s, i));
  return x;
}

uint32_t TextLayout::cpAtX(std::size_t li, float x) const {
  if (li >= lines_.size() || !doc_) return 0;
  const VisualLine& l = lines_[li];
  const std::string& s = doc_->text();
  float cx = 0;
  std::size_t i = l.byteStart;
  uint32_t cp = l.cpStart;
  while (i < l.byteEnd) {
    float a = advance(nextCp(s, i));
    if (x < cx + a * 0.5f) return cp;
    cx += a;
    ++cp;
  }
  return l.cpEnd;
}

}  // namespace scholion::ui
