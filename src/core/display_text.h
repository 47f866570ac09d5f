// The display-only form of a one-line string for a renderer that draws code points left to
// right, one glyph each (ImGui's widgets): Arabic letters in their contextual presentation forms
// (with the lam-alef ligatures), each line in visual order (bidi.h). The strings the model and the
// exports hold stay logical; only what a widget shows is transformed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bidi.h"

namespace scholion {

// Arabic contextual shaping in logical order: each joining letter becomes its isolated, final,
// initial or medial presentation form (U+FB50-U+FDFF, U+FE70-U+FEFF) by its neighbours' joining
// types (transparent marks skipped); lam followed by an alef becomes one lam-alef ligature.
void shapeArabic(std::vector<uint32_t>& cps);

// The pieces a renderer draws whole (a grapheme cluster its font lacks, a run of a script that
// needs shaping), each shown as one code point that stands for it (a private-use one whose glyph
// is the whole piece). The UI provides it; nullptr means every code point is drawn alone.
class PieceMap {
 public:
  virtual ~PieceMap() = default;
  // The byte end of the piece that starts at byte i of s, or 0 when the code point at i is not
  // part of a piece.
  virtual std::size_t pieceEnd(std::string_view s, std::size_t i) = 0;
  // The code point that stands for `piece` in display forms.
  virtual uint32_t glyphFor(std::string_view piece) = 0;
};

// A string as the units a renderer draws, in logical order: code points, and pieces replaced by
// their glyphs; each unit with its bidi class (a piece's is its first code point's).
struct DisplayUnits {
  std::vector<uint32_t> cps;
  std::vector<BidiClass> cls;
  bool rtl = false;     // a right-to-left character (or Arabic number) is in it
  bool pieces = false;  // a piece is in it
};
// Fills `out` from valid UTF-8. Without pieces, Arabic letters take their contextual forms
// (shapeArabic, per line); with pieces the platform shapes them (they are in pieces).
void displayUnits(std::string_view logical, PieceMap* pieces, DisplayUnits& out);
// Appends units [b, e) (no '\n' inside) in visual order as one line of a paragraph at level
// `para` (0 or 1; -1: the line's own first strong character decides). Marks stay after their
// base in right-to-left runs (UAX #9 L3) and brackets there are mirrored (L4).
void appendVisualLine(const DisplayUnits& u, std::size_t b, std::size_t e, int para,
                      std::string& out);
// The paragraph level (0 or 1) of the paragraph starting at unit b (up to a '\n').
uint8_t paragraphLevelAt(const DisplayUnits& u, std::size_t b);

// False when no byte of `s` can start a character at U+0590 or above: such a string holds no
// right-to-left character, and nothing needs reordering (a quick test before decoding).
bool mayBeRtl(std::string_view s);

// Writes the display form of `logical` to `out` and returns true, or returns false without
// touching `out` when it would be the string itself (no right-to-left character, no piece).
// Each line (up to a '\n') is its own paragraph, reordered as by appendVisualLine.
bool displayText(std::string_view logical, std::string& out, PieceMap* pieces = nullptr);

// Display forms computed once per distinct string: a lookup costs a hash of the string and no
// allocation once the string was seen.
class DisplayTextCache {
 public:
  struct Entry {
    std::string display;  // the display form when `changed`
    bool changed = false;
  };
  // The entry of `logical`, made on first use; `created` tells the caller it is new.
  // `pieces` as for displayText (the same for every call on one cache).
  const Entry& get(std::string_view logical, bool* created = nullptr, PieceMap* pieces = nullptr);
  std::size_t size() const { return entries_.size(); }
  // Forgets everything (call between frames, when size() has grown past what the UI needs).
  void clear();

 private:
  std::deque<std::pair<std::string, Entry>> entries_;  // stable addresses for the keys
  std::unordered_map<std::string_view, const std::pair<std::string, Entry>*> index_;
};

}  // namespace scholion
