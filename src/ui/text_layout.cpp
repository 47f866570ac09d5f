// Word wrapping of a whole document with the font's advance table (fast enough for 1 MiB in one
// go).
#include "text_layout.h"

#include <algorithm>
#include <chrono>

#include "bidi.h"
#include "glyph_cache.h"
#include "imgui.h"
#include "line_break.h"

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

// Steps through [i, end) of the text one code point at a time with its advance: the font's, or
// for a piece the platform draws (glyph_cache.h) the piece's advance on its first code point and 0
// on the others, so a piece is never cut by a wrap or a hit test.
struct TextLayout::Stepper {
  const TextLayout& layout;
  const std::string& s;
  std::size_t i;
  std::size_t pieceEnd = 0;  // byte end of the piece being stepped through
  const float* ascii;        // advances of code points below 256

  // Decodes the next code point; `a` receives its advance, `inPiece` whether it continues a piece.
  uint32_t next(float& a, bool& inPiece) {
    inPiece = i < pieceEnd;
    const std::size_t at = i;
    const uint32_t c = nextCp(s, i);
    if (inPiece) {
      a = 0;
    } else if (c < 256) {
      a = ascii[c];
    } else {
      std::size_t e = glyphCache().pieceEnd(s, at, layout.font_);
      if (e > at) {
        pieceEnd = e;
        a = glyphCache().advance(std::string_view(s).substr(at, e - at), layout.size_);
      } else {
        a = layout.advance(c);
      }
    }
    return c;
  }
};

void TextLayout::build() {
  auto t0 = std::chrono::steady_clock::now();
  ++generation_;
  lines_.clear();
  if (!doc_ || !font_) return;
  const std::string& s = doc_->text();
  const std::size_t n = s.size();
  lines_.reserve(n / 60 + 16);
  // Advance table scaled once: most documents are mostly in the first 256 code points.
  for (uint32_t c = 0; c < 256; ++c) ascii_[c] = advance(c);

  VisualLine cur;
  float x = 0;
  // The last break opportunity on the current line: after a space run, or between two CJK
  // characters (line_break.h: never before closing punctuation).
  bool haveBreak = false;
  uint32_t breakCp = 0, breakByte = 0;
  float breakX = 0;
  uint32_t cp = 0, prev = 0;
  bool rtl = false;  // the text has right-to-left characters: bidi levels are resolved after
  Stepper st{*this, s, 0, 0, ascii_};
  while (st.i < n) {
    const uint32_t byte = static_cast<uint32_t>(st.i);
    float a = 0;
    bool inPiece = false;
    const uint32_t c = st.next(a, inPiece);
    if (c >= 0x0590 && !rtl) rtl = isRtlTrigger(c);
    if (c == '\n') {
      cur.cpEnd = cp;
      cur.byteEnd = byte;
      lines_.push_back(cur);
      ++cp;
      cur.cpStart = cp;
      cur.byteStart = static_cast<uint32_t>(st.i);
      x = 0;
      haveBreak = false;
      prev = 0;
      continue;
    }
    if (isBreakSpace(c)) {
      // Spaces may hang past the edge; the line can break right after them.
      x += a;
      ++cp;
      haveBreak = true;
      breakCp = cp;
      breakByte = static_cast<uint32_t>(st.i);
      breakX = x;
      prev = c;
      continue;
    }
    if (!inPiece && a > 0 && (prev >= 0x2E80 || c >= 0x2E80) && cp > cur.cpStart &&
        breakBetween(prev, c)) {
      haveBreak = true;
      breakCp = cp;
      breakByte = byte;
      breakX = x;
    }
    // Only where a character with width starts: never inside a piece or before a mark.
    if (a > 0 && x + a > width_ && cp > cur.cpStart) {
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
    if (!inPiece && a > 0) prev = c;
    x += a;
    ++cp;
  }
  cur.cpEnd = cp;
  cur.byteEnd = static_cast<uint32_t>(n);
  lines_.push_back(cur);
  levels_.clear();
  if (rtl) resolveBidi();
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

// Levels of every code point, paragraph by paragraph (bidi.h), then L1 line by line.
void TextLayout::resolveBidi() {
  const std::string& s = doc_->text();
  std::vector<BidiClass> cls;
  cls.reserve(lines_.back().cpEnd + 1);
  for (std::size_t i = 0; i < s.size();) cls.push_back(bidiClass(nextCp(s, i)));
  std::vector<BidiClass> work(cls.size());
  levels_.assign(cls.size(), 0);
  std::size_t li = 0;
  while (li < lines_.size()) {
    // A paragraph: the lines up to one that ends at a '\n' (or the text's end).
    std::size_t last = li;
    while (last + 1 < lines_.size() && lines_[last + 1].cpStart == lines_[last].cpEnd) ++last;
    const uint32_t p0 = lines_[li].cpStart, p1 = lines_[last].cpEnd;
    const uint8_t para = paragraphLevel(cls.data() + p0, p1 - p0);
    resolveLevels(cls.data() + p0, p1 - p0, para, work.data() + p0, levels_.data() + p0);
    for (std::size_t k = li; k <= last; ++k) {
      VisualLine& l = lines_[k];
      resetWhitespaceLevels(cls.data() + l.cpStart, l.cpEnd - l.cpStart, para,
                            levels_.data() + l.cpStart);
      l.paraLevel = para;
      l.bidi = para != 0;
      for (uint32_t c = l.cpStart; c < l.cpEnd && !l.bidi; ++c) l.bidi = levels_[c] != 0;
    }
    li = last + 1;
  }
}

void LineCells::extent(uint32_t a, uint32_t b, float& x0, float& x1) const {
  if (b > n) b = n;
  if (a >= b) {
    x0 = x1 = caret(a);
    return;
  }
  x0 = 1e30f;
  x1 = -1e30f;
  for (uint32_t k = a; k < b; ++k) {
    const float s = start(k), e = end(k);
    x0 = std::min(x0, std::min(s, e));
    x1 = std::max(x1, std::max(s, e));
  }
}

void TextLayout::lineCells(std::size_t li, std::vector<float>& out) const {
  out.clear();
  if (li >= lines_.size() || !doc_) return;
  const VisualLine& l = lines_[li];
  const uint32_t n = l.cpEnd - l.cpStart;
  out.resize(2 * static_cast<std::size_t>(n) + 2);
  out[0] = static_cast<float>(n);
  float* c = out.data() + 1;
  const std::string& s = doc_->text();
  float x = 0, a = 0;
  bool inPiece = false;
  Stepper st{*this, s, l.byteStart, 0, ascii_};
  if (!l.bidi) {
    for (uint32_t k = 0; k < n; ++k) {
      st.next(a, inPiece);
      c[2 * k] = x;
      x += a;
      c[2 * k + 1] = x;
    }
    c[2 * n] = x;
    return;
  }
  // Advances in logical order (kept in the cells' end slots for now) and levels; a piece takes
  // the level of its first code point, so it is never split by a reordering.
  lineLevels_.resize(n);
  order_.resize(n);
  uint8_t pieceLevel = l.paraLevel;
  for (uint32_t k = 0; k < n; ++k) {
    st.next(a, inPiece);
    c[2 * k + 1] = a;
    x += a;
    lineLevels_[k] = inPiece ? pieceLevel : levels_[l.cpStart + k];
    if (!inPiece) pieceLevel = lineLevels_[k];
  }
  visualOrder(lineLevels_.data(), n, order_.data());
  // Right-to-left paragraphs end at the wrap width (their hanging spaces go past the left edge).
  float vx = (l.paraLevel & 1) ? width_ - x : 0;
  for (uint32_t v = 0; v < n; ++v) {
    const uint32_t k = order_[v];
    const float w = c[2 * k + 1];
    if (lineLevels_[k] & 1) {
      c[2 * k] = vx + w;
      c[2 * k + 1] = vx;
    } else {
      c[2 * k] = vx;
      c[2 * k + 1] = vx + w;
    }
    vx += w;
  }
  c[2 * n] = n > 0 ? c[2 * n - 1] : ((l.paraLevel & 1) ? width_ : 0);
}

float TextLayout::plainXOf(const VisualLine& l, uint32_t cp) const {
  const std::string& s = doc_->text();
  float x = 0, a = 0;
  bool inPiece = false;
  Stepper st{*this, s, l.byteStart, 0, ascii_};
  for (uint32_t k = l.cpStart; k < cp && st.i < l.byteEnd; ++k) {
    st.next(a, inPiece);
    x += a;
  }
  return x;
}

float TextLayout::xOfCp(std::size_t li, uint32_t cp, bool after) const {
  if (li >= lines_.size() || !doc_) return 0;
  const VisualLine& l = lines_[li];
  if (!l.bidi) return plainXOf(l, cp);
  lineCells(li, cells_);
  LineCells cells{cells_.data() + 1, l.cpEnd - l.cpStart};
  const uint32_t k = std::min(cp > l.cpStart ? cp - l.cpStart : 0, cells.n);
  return after && k > 0 ? cells.end(k - 1) : cells.caret(k);
}

void TextLayout::rangeX(std::size_t li, uint32_t a, uint32_t b, float& x0, float& x1) const {
  x0 = x1 = 0;
  if (li >= lines_.size() || !doc_) return;
  const VisualLine& l = lines_[li];
  a = std::clamp(a, l.cpStart, l.cpEnd);
  b = std::clamp(b, a, l.cpEnd);
  if (!l.bidi) {
    x0 = plainXOf(l, a);
    x1 = plainXOf(l, b);
    return;
  }
  lineCells(li, cells_);
  LineCells{cells_.data() + 1, l.cpEnd - l.cpStart}.extent(a - l.cpStart, b - l.cpStart, x0, x1);
}

uint32_t TextLayout::plainCpAtX(const VisualLine& l, float x) const {
  const std::string& s = doc_->text();
  float cx = 0, a = 0;
  bool inPiece = false;
  Stepper st{*this, s, l.byteStart, 0, ascii_};
  uint32_t cp = l.cpStart;
  // The boundary nearest to x among those where a character with width starts (a piece or a
  // cluster is never entered); zero-width code points stay with what precedes them.
  while (st.i < l.byteEnd) {
    st.next(a, inPiece);
    if (a > 0 && x < cx + a * 0.5f) return cp;
    cx += a;
    ++cp;
  }
  return l.cpEnd;
}

uint32_t TextLayout::cpAtX(std::size_t li, float x) const {
  if (li >= lines_.size() || !doc_) return 0;
  const VisualLine& l = lines_[li];
  if (!l.bidi) return plainCpAtX(l, x);
  lineCells(li, cells_);
  const uint32_t n = l.cpEnd - l.cpStart;
  LineCells cells{cells_.data() + 1, n};
  // The cell with width under x, else the nearest one; then the side of its middle x is on: the
  // boundary before it in its reading direction, or the one after it (and its zero-width tail).
  uint32_t best = n;
  float bestDist = 1e30f;
  for (uint32_t k = 0; k < n; ++k) {
    if (cells.width(k) <= 0) continue;
    const float lo = std::min(cells.start(k), cells.end(k)), hi = lo + cells.width(k);
    const float d = x < lo ? lo - x : (x > hi ? x - hi : 0);
    if (d < bestDist) {
      bestDist = d;
      best = k;
      if (d == 0) break;
    }
  }
  if (best == n) return (l.paraLevel & 1) ? l.cpStart : l.cpEnd;
  const float mid = (cells.start(best) + cells.end(best)) * 0.5f;
  const bool rtl = cells.start(best) > cells.end(best);
  if (rtl ? x > mid : x < mid) return l.cpStart + best;
  uint32_t after = best + 1;
  while (after < n && cells.width(after) <= 0) ++after;
  return l.cpStart + after;
}

}  // namespace scholion::ui
