// Custom ImGui font glyphs drawn by the platform for characters the UI font lacks (see
// widget_glyphs.h).
#include "widget_glyphs.h"

#include <algorithm>

#include "text.h"

namespace scholion::ui {

WidgetGlyphs& widgetGlyphs() {
  static WidgetGlyphs glyphs;
  return glyphs;
}

void WidgetGlyphs::note(uint32_t c) {
  if (c < 0x0300 || c >= state_.size() || state_[c]) return;
  if (c >= 0xD800 && c <= 0xDFFF) return;
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (atlas->Fonts.empty() || atlas->Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(c))) return;
  // Formatting characters (joiners, direction marks, variation selectors) draw nothing.
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
      (c >= 0xE0000 && c <= 0xE01EF))  // tags and the supplementary variation selectors
    return;
  state_[c] = true;
  if (pending_.empty())  // no box for a character on its way: the next atlas build adds it
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts) font->SetGlyphVisible(0xFFFD, false);
  pending_.push_back(c);
}

const char* WidgetGlyphs::shown(const std::string& s) {
  bool plain = true;
  for (char ch : s)
    if (static_cast<unsigned char>(ch) >= 0xCC) {  // U+0300 and above
      plain = false;
      break;
    }
  if (plain) return s.c_str();
  bool created = false;
  const DisplayTextCache::Entry& e = display_.get(s, &created);
  if (created) {
    note(s);
    if (e.changed) note(e.display);
  }
  return e.changed ? e.display.c_str() : s.c_str();
}

void WidgetGlyphs::newFrame() {
  if (display_.size() > 4096) display_.clear();
}

void WidgetGlyphs::note(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0xCC) {  // below U+0300: the font has it
      ++i;
      continue;
    }
    note(decodeUtf8(s, i));
  }
}

const WidgetGlyphs::Bitmap* WidgetGlyphs::bitmapFor(uint32_t cp, float px, GlyphSource* source) {
  for (const Bitmap& b : bitmaps_)
    if (b.cp == cp && b.px == px) return b.width > 0 ? &b : nullptr;
  Bitmap b;
  b.cp = cp;
  b.px = px;
  GlyphBitmap bm;
  std::string one;
  appendUtf8(one, cp);
  if (source && source->rasterize(one, px, bm) && bm.width > 0 && bm.height > 0 &&
      bm.rgba.size() >= static_cast<std::size_t>(bm.width) * bm.height * 4) {
    b.width = bm.width;
    b.height = bm.height;
    b.penX = bm.penX;
    b.baseline = bm.baseline;
    b.advance = bm.advance;
    b.alpha.resize(static_cast<std::size_t>(bm.width) * bm.height);
    for (std::size_t k = 0; k < b.alpha.size(); ++k) b.alpha[k] = bm.rgba[k * 4 + 3];
  }
  bitmaps_.push_back(std::move(b));
  return bitmaps_.back().width > 0 ? &bitmaps_.back() : nullptr;
}

void WidgetGlyphs::addRects(ImFontAtlas* atlas, GlyphSource* source) {
  known_.insert(known_.end(), pending_.begin(), pending_.end());
  pending_.clear();
  rects_.clear();
  if (!source || known_.empty()) return;
  for (const ImFontConfig& cfg : atlas->ConfigData) {
    if (!cfg.DstFont) continue;
    for (uint32_t cp : known_) {
      const Bitmap* b = bitmapFor(cp, cfg.SizePixels, source);
      if (!b) continue;
      const int index =
          atlas->AddCustomRectFontGlyph(cfg.DstFont, static_cast<ImWchar>(cp), b->width, b->height,
                                        b->advance, ImVec2(-b->penX, 0));
      rects_.push_back({index, cfg.DstFont, b});
    }
  }
}

void WidgetGlyphs::finish(ImFontAtlas* atlas) {
  if (rects_.empty()) return;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
  for (const Rect& r : rects_) {
    const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(r.index);
    const Bitmap& b = *r.bitmap;
    if (!rect || !rect->IsPacked() || !pixels) continue;
    for (int y = 0; y < b.height && rect->Y + y < height; ++y)
      std::copy_n(b.alpha.data() + static_cast<std::size_t>(y) * b.width,
                  std::min(b.width, width - rect->X),
                  pixels + static_cast<std::size_t>(rect->Y + y) * width + rect->X);
    // ImGui placed the glyph's top at the line top; its baseline belongs at the font's ascent.
    auto* g =
        const_cast<ImFontGlyph*>(r.font->FindGlyphNoFallback(static_cast<ImWchar>(r.bitmap->cp)));
    if (g) {
      g->Y0 = r.font->Ascent - b.baseline;
      g->Y1 = g->Y0 + static_cast<float>(b.height);
    }
  }
}

}  // namespace scholion::ui
