// Custom ImGui font glyphs drawn by the platform for characters the UI font lacks and for whole
// pieces of widget strings (see widget_glyphs.h).
#include "widget_glyphs.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "glyph_cache.h"
#include "imgui_internal.h"
#include "text.h"

namespace scholion::ui {
namespace {

bool isPiece(uint32_t c) {
  return c >= WidgetGlyphs::kFirstPiece && c <= WidgetGlyphs::kLastPiece;
}

// Formatting characters (joiners, direction marks, variation selectors) draw nothing.
bool drawsNothing(uint32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
         (c >= 0xE0000 && c <= 0xE01EF);  // tags and the supplementary variation selectors
}

bool plainText(const std::string& s) {
  for (char ch : s)
    if (static_cast<unsigned char>(ch) >= 0xCC) return false;  // U+0300 and above
  return true;
}

}  // namespace

WidgetGlyphs& widgetGlyphs() {
  static WidgetGlyphs glyphs;
  return glyphs;
}

bool WidgetGlyphs::usesPieces() const {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  return glyphCache().shapes() && !atlas->Fonts.empty();
}

std::size_t WidgetGlyphs::pieceEnd(std::string_view s, std::size_t i) {
  return glyphCache().pieceEnd(s, i, ImGui::GetIO().Fonts->Fonts[0]);
}

uint32_t WidgetGlyphs::glyphFor(std::string_view piece) {
  pieceKey_.assign(piece.data(), piece.size());
  auto it = pieceGlyph_.find(pieceKey_);
  if (it != pieceGlyph_.end()) return it->second;
  if (pieceText_.size() > kLastPiece - kFirstPiece) {  // full: starts again next frame
    piecesFull_ = true;                                // nothing, not a box, until then
    hideReplacement();
    return 0xFFFD;
  }
  const uint32_t g = kFirstPiece + static_cast<uint32_t>(pieceText_.size());
  pieceText_.push_back(pieceKey_);
  pieceGlyph_.emplace(pieceKey_, g);
  ++stats_.pieces;
  queue(g);
  return g;
}

void WidgetGlyphs::hideReplacement() {
  for (ImFont* font : ImGui::GetIO().Fonts->Fonts) font->SetGlyphVisible(0xFFFD, false);
}

void WidgetGlyphs::queue(uint32_t c) {
  if (pending_.empty()) hideReplacement();  // no box for a glyph on its way: the next build adds it
  pending_.push_back(c);
}

void WidgetGlyphs::restartPieces() {
  piecesFull_ = false;
  ++stats_.restarts;
  stats_.pieces = 0;
  pieceGlyph_.clear();
  pieceText_.clear();
  display_.clear();
  wrapped_.clear();
  auto drop = [](std::vector<uint32_t>& v) {
    v.erase(std::remove_if(v.begin(), v.end(), isPiece), v.end());
  };
  drop(known_);
  drop(pending_);
  for (auto it = bitmaps_.begin(); it != bitmaps_.end();)
    it = isPiece(static_cast<uint32_t>(it->first >> 32)) ? bitmaps_.erase(it) : std::next(it);
  // Until the next atlas build the old pieces' glyphs are still in the font: hide them, so a
  // code point given to a new piece never shows the old one.
  for (ImFont* font : ImGui::GetIO().Fonts->Fonts)
    for (uint32_t c = kFirstPiece; c <= kLastPiece; ++c)
      if (font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
        font->SetGlyphVisible(static_cast<ImWchar>(c), false);
}

void WidgetGlyphs::note(uint32_t c) {
  if (c < 0x0300 || c >= state_.size() || state_[c] || isPiece(c)) return;
  if (c >= 0xD800 && c <= 0xDFFF) return;
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (atlas->Fonts.empty() || atlas->Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(c))) return;
  if (drawsNothing(c)) return;
  state_[c] = true;
  ++stats_.chars;
  queue(c);
}

const char* WidgetGlyphs::shown(const std::string& s) {
  if (plainText(s)) return s.c_str();
  const bool pieces = usesPieces();
  bool created = false;
  const DisplayTextCache::Entry& e = display_.get(s, &created, pieces ? this : nullptr);
  if (created && !pieces) {  // with pieces, glyphFor queued them while the form was made
    note(s);
    if (e.changed) note(e.display);
  }
  return e.changed ? e.display.c_str() : s.c_str();
}

const char* WidgetGlyphs::shownWrapped(const std::string& s, float wrapWidth) {
  if (!mayBeRtl(s)) return shown(s);  // left to right: ImGui's own wrapping keeps the order
  const char* whole = shown(s);       // queues the pieces and characters as for one line
  // Glyphs on their way have the replacement glyph's advance: lines are made once they are in.
  if (dirty()) return whole;
  const int width = std::max(1, static_cast<int>(std::floor(wrapWidth)));
  ImFont* font = ImGui::GetFont();
  key_.assign(s);
  key_ += '\x1f';
  char num[24];
  const auto r = std::to_chars(num, num + sizeof num, width);
  key_.append(num, r.ptr);
  key_ += '\x1f';
  const auto fr = std::to_chars(num, num + sizeof num, static_cast<int>(ImGui::GetFontSize() * 64));
  key_.append(num, fr.ptr);
  auto it = wrapped_.find(key_);
  if (it != wrapped_.end()) return it->second.c_str();

  displayUnits(s, usesPieces() ? this : nullptr, units_);
  std::string out;
  if (!units_.rtl) {
    out = whole;
  } else {
    // The units in logical order as UTF-8, where ImGui's own word wrapping finds the line ends.
    std::string logical;
    std::vector<std::size_t> at;  // byte offset of each unit, and the end
    at.reserve(units_.cps.size() + 1);
    for (uint32_t c : units_.cps) {
      at.push_back(logical.size());
      appendUtf8(logical, c);
    }
    at.push_back(logical.size());
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const std::size_t n = units_.cps.size();
    auto blank = [&](std::size_t k) { return units_.cps[k] == ' ' || units_.cps[k] == '\t'; };
    for (std::size_t pb = 0; pb <= n;) {
      std::size_t pe = pb;
      while (pe < n && units_.cps[pe] != '\n') ++pe;
      const uint8_t para = paragraphLevelAt(units_, pb);
      for (std::size_t b = pb; b < pe;) {
        const char* begin = logical.data() + at[b];
        const char* eol = font->CalcWordWrapPositionA(scale, begin, logical.data() + at[pe],
                                                      static_cast<float>(width));
        std::size_t e = static_cast<std::size_t>(
            std::lower_bound(at.begin() + static_cast<std::ptrdiff_t>(b),
                             at.begin() + static_cast<std::ptrdiff_t>(pe),
                             static_cast<std::size_t>(eol - logical.data())) -
            at.begin());
        if (e <= b) e = b + 1;  // too narrow for anything: one unit a line
        std::size_t last = e;
        while (last > b && blank(last - 1)) --last;
        appendVisualLine(units_, b, last, para, out);
        while (e < pe && blank(e)) ++e;  // as ImGui does, a wrapped line starts after blanks
        if (e < pe) out += '\n';
        b = e;
      }
      if (pe < n) out += '\n';
      pb = pe + 1;
    }
  }
  return wrapped_.emplace(key_, std::move(out)).first->second.c_str();
}

void WidgetGlyphs::newFrame() {
  if (piecesFull_) restartPieces();
  if (display_.size() > 4096) display_.clear();
  if (wrapped_.size() > 1024) wrapped_.clear();
}

void WidgetGlyphs::note(std::string_view s) {
  const bool pieces = usesPieces();
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0xCC) {  // below U+0300: the font has it
      ++i;
      continue;
    }
    if (pieces) {
      const std::size_t end = pieceEnd(s, i);
      if (end > i) {
        glyphFor(s.substr(i, end - i));
        i = end;
        continue;
      }
    }
    note(decodeUtf8(s, i));
  }
}

const WidgetGlyphs::Bitmap* WidgetGlyphs::bitmapFor(uint32_t cp, float px, GlyphSource* source) {
  const uint64_t key =
      (static_cast<uint64_t>(cp) << 32) | static_cast<uint32_t>(std::lround(px * 16));
  auto it = bitmaps_.find(key);
  if (it != bitmaps_.end()) return it->second.width > 0 ? &it->second : nullptr;
  Bitmap& b = bitmaps_[key];
  GlyphBitmap bm;
  std::string one;
  if (isPiece(cp)) {
    const std::size_t k = cp - kFirstPiece;
    if (k < pieceText_.size()) one = pieceText_[k];
  } else {
    appendUtf8(one, cp);
  }
  if (source && !one.empty() && source->rasterize(one, px, bm) && bm.width > 0 && bm.height > 0 &&
      bm.rgba.size() >= static_cast<std::size_t>(bm.width) * bm.height * 4) {
    b.width = bm.width;
    b.height = bm.height;
    b.penX = bm.penX;
    b.baseline = bm.baseline;
    b.advance = bm.advance;
    b.colored = bm.colored;
    if (b.colored) {
      b.pixels = std::move(bm.rgba);
    } else {
      b.pixels.resize(static_cast<std::size_t>(bm.width) * bm.height);
      for (std::size_t k = 0; k < b.pixels.size(); ++k) b.pixels[k] = bm.rgba[k * 4 + 3];
    }
  }
  return b.width > 0 ? &b : nullptr;
}

void WidgetGlyphs::addRects(ImFontAtlas* atlas, GlyphSource* source) {
  known_.insert(known_.end(), pending_.begin(), pending_.end());
  pending_.clear();
  rects_.clear();
  if (!source || known_.empty()) return;
  // Pieces go to the UI font only: the widgets use it (the larger font is the text view's).
  const ImFont* uiFont = atlas->Fonts.empty() ? nullptr : atlas->Fonts[0];
  for (const ImFontConfig& cfg : atlas->ConfigData) {
    if (!cfg.DstFont) continue;
    for (uint32_t cp : known_) {
      if (isPiece(cp) && cfg.DstFont != uiFont) continue;
      const Bitmap* b = bitmapFor(cp, cfg.SizePixels, source);
      if (!b) continue;
      const int index =
          atlas->AddCustomRectFontGlyph(cfg.DstFont, static_cast<ImWchar>(cp), b->width, b->height,
                                        b->advance, ImVec2(-b->penX, 0));
      rects_.push_back({index, cfg.DstFont, cp, b});
    }
  }
}

void WidgetGlyphs::finish(ImFontAtlas* atlas) {
  stats_.colored = false;
  if (rects_.empty()) return;
  for (const Rect& r : rects_) stats_.colored = stats_.colored || r.bitmap->colored;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  // One byte per texel unless a colour glyph needs four (the renderer follows TexPixelsUseColors).
  if (stats_.colored) {
    atlas->GetTexDataAsRGBA32(&pixels, &width, &height);
    atlas->TexPixelsUseColors = true;
  } else {
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
  }
  const std::size_t texel = stats_.colored ? 4 : 1;
  for (const Rect& r : rects_) {
    const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(r.index);
    const Bitmap& b = *r.bitmap;
    if (!rect || !rect->IsPacked() || !pixels) continue;
    const int w = std::min(b.width, width - rect->X);
    for (int y = 0; y < b.height && rect->Y + y < height; ++y) {
      unsigned char* dst =
          pixels + (static_cast<std::size_t>(rect->Y + y) * width + rect->X) * texel;
      const uint8_t* src =
          b.pixels.data() + static_cast<std::size_t>(y) * b.width * (b.colored ? 4 : 1);
      if (b.colored) {
        std::copy_n(src, static_cast<std::size_t>(w) * 4, dst);
      } else if (texel == 4) {
        for (int x = 0; x < w; ++x) {
          dst[x * 4] = dst[x * 4 + 1] = dst[x * 4 + 2] = 255;
          dst[x * 4 + 3] = src[x];
        }
      } else {
        std::copy_n(src, w, dst);
      }
    }
    // ImGui placed the glyph's top at the line top; its baseline belongs at the font's ascent.
    auto* g = const_cast<ImFontGlyph*>(r.font->FindGlyphNoFallback(static_cast<ImWchar>(r.cp)));
    if (g) {
      g->Y0 = r.font->Ascent - b.baseline;
      g->Y1 = g->Y0 + static_cast<float>(b.height);
      g->Colored = b.colored ? 1 : 0;  // drawn untinted (ImFont::RenderText)
    }
  }
}

const char* widgetTextWrapped(const std::string& s) {
  // The width ImGui's TextUnformatted will wrap at (ImGui::TextEx), after PushTextWrapPos.
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->DC.TextWrapPos < 0.0f) return widgetGlyphs().shown(s);
  return widgetGlyphs().shownWrapped(
      s, ImGui::CalcWrapWidthForPos(window->DC.CursorPos, window->DC.TextWrapPos));
}

}  // namespace scholion::ui
