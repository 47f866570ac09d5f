// Glyph pieces drawn by the platform: which text they cover, their advances, and a shelf packer
// over RGBA atlas pages (reset when all pages are full).
#include "glyph_cache.h"

#include <algorithm>
#include <cmath>

#include "grapheme.h"
#include "text.h"
#include "widget_glyphs.h"

namespace scholion::ui {
namespace {

constexpr float kMeasureSize = 64.0f;  // advances are measured once at this size and scaled
constexpr int kPageSize = 1024;
constexpr int kMaxPages = 6;

// Scripts the browser must shape as whole runs: letters join (Arabic, Syriac, N'Ko), form
// conjuncts (Indic, Tibetan, Myanmar, Khmer) or run right to left (Hebrew, Thaana).
bool needsShaping(uint32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0x0900 && c <= 0x0DFF) ||
         (c >= 0x0F00 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF) ||
         (c >= 0xA8E0 && c <= 0xA8FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFC);
}

// Characters that continue a shaped run: the script's own, joiners and combining marks.
bool continuesRun(uint32_t c) {
  if (needsShaping(c) || c == 0x200C || c == 0x200D) return true;
  GraphemeClass g = graphemeClass(c);
  return g == GraphemeClass::Extend || g == GraphemeClass::SpacingMark;
}

bool fontHas(const ImFont* font, uint32_t c) {
  // Glyphs added for ImGui's widgets (widget_glyphs.h) stay platform pieces in the text.
  return font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr &&
         !widgetGlyphs().isCustom(c);
}

}  // namespace

GlyphCache& glyphCache() {
  static GlyphCache cache;
  return cache;
}

void GlyphCache::setSource(GlyphSource* source) {
  source_ = source;
  shapes_ = source && source->shapes();
  advances_.clear();
  entries_.clear();
  pages_.clear();
  page_ = -1;
}

std::size_t GlyphCache::pieceEnd(std::string_view s, std::size_t i, const ImFont* font) const {
  if (!source_ || i >= s.size() || static_cast<unsigned char>(s[i]) < 0xCC) return 0;
  std::size_t j = i;
  uint32_t c = decodeUtf8(s, j);
  if (c < 0x0300) return 0;
  if (shapes_ && needsShaping(c)) {  // the whole run, shaped together
    std::size_t k = j;
    while (k < s.size()) {
      std::size_t next = k;
      if (!continuesRun(decodeUtf8(s, next))) break;
      k = next;
    }
    return k;
  }
  std::size_t end = graphemeEndUtf8(s, i);
  for (std::size_t k = i; k < end;) {
    uint32_t d = decodeUtf8(s, k);
    if (!fontHas(font, d)) return end;
  }
  return 0;
}

float GlyphCache::advance(std::string_view piece, float size) {
  key_.assign(piece.data(), piece.size());
  auto it = advances_.find(key_);
  if (it == advances_.end()) {
    float a = source_ ? source_->measure(piece, kMeasureSize) : -1;
    ++stats_.measured;
    it = advances_.emplace(key_, std::max(a, 0.0f)).first;
  }
  return it->second * size / kMeasureSize;
}

void GlyphCache::reset() {
  entries_.clear();
  page_ = pages_.empty() ? -1 : 0;
  shelfX_ = shelfY_ = shelfH_ = 0;
  ++stats_.resets;
}

bool GlyphCache::place(const GlyphBitmap& bm, Entry& e) {
  const int w = bm.width + 1, h = bm.height + 1;  // one texel of space between pieces
  if (w > kPageSize || h > kPageSize) return false;
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (page_ >= 0 && shelfX_ + w > kPageSize) {  // next shelf
      shelfY_ += shelfH_;
      shelfX_ = 0;
      shelfH_ = 0;
    }
    if (page_ < 0 || shelfY_ + h > kPageSize) {  // next page
      if (page_ + 1 >= kMaxPages) {
        reset();
      } else {
        ++page_;
        shelfX_ = shelfY_ = shelfH_ = 0;
      }
      if (page_ >= static_cast<int>(pages_.size())) {
        pages_.push_back(source_->createPage(kPageSize, kPageSize));
        stats_.pages = static_cast<long>(pages_.size());
      }
      if (shelfY_ + h > kPageSize) continue;
    }
    e.page = page_;
    e.x = shelfX_;
    e.y = shelfY_;
    shelfX_ += w;
    shelfH_ = std::max(shelfH_, h);
    return true;
  }
  return false;
}

bool GlyphCache::quad(std::string_view piece, float size, float pixelScale, ImVec2 pen,
                      GlyphQuad& out) {
  if (!source_) return false;
  const float px = std::max(1.0f, std::round(size * pixelScale));
  key_.assign(piece.data(), piece.size());
  key_ += '\x1f';
  key_ += std::to_string(static_cast<int>(px));
  auto it = entries_.find(key_);
  if (it == entries_.end()) {
    GlyphBitmap bm;
    Entry e;
    if (source_->rasterize(piece, px, bm) && bm.width > 0 && bm.height > 0 &&
        bm.rgba.size() >= static_cast<std::size_t>(bm.width) * bm.height * 4) {
      if (place(bm, e)) {
        source_->updatePage(pages_[static_cast<std::size_t>(e.page)], e.x, e.y, bm.width, bm.height,
                            bm.rgba.data());
        e.w = bm.width;
        e.h = bm.height;
        e.penX = bm.penX;
        e.baseline = bm.baseline;
        e.colored = bm.colored;
        ++stats_.rasterized;
      }
    } else {
      ++stats_.failed;
    }
    it = entries_.emplace(key_, e).first;
  }
  const Entry& e = it->second;
  if (e.page < 0) return false;
  const float inv = 1.0f / pixelScale, t = 1.0f / kPageSize;
  out.page = pages_[static_cast<std::size_t>(e.page)];
  out.min = ImVec2(pen.x - e.penX * inv, pen.y - e.baseline * inv);
  out.max = ImVec2(out.min.x + e.w * inv, out.min.y + e.h * inv);
  out.uv0 = ImVec2(e.x * t, e.y * t);
  out.uv1 = ImVec2((e.x + e.w) * t, (e.y + e.h) * t);
  out.colored = e.colored;
  return true;
}

}  // namespace scholion::ui
