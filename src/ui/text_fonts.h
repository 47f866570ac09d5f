// Which fonts the document view needs: the host builds the large text font only when a zoom
// asks for it, so start-up rasterizes one font instead of two (issue 18).
#pragma once

struct ImFont;

namespace scholion::ui {

// Set by the text view when no built font is at least as large as the text it draws; the host
// then builds the large font before the next frame. It stays set: a zoom back and forth does
// not rebuild again.
struct TextFontNeeds {
  bool large = false;
};

TextFontNeeds& textFontNeeds();

// The font closest to (but not smaller than) `size` among the atlas's fonts; when all are
// smaller, the largest, and the large font is asked for.
ImFont* pickTextFont(float size);

}  // namespace scholion::ui
