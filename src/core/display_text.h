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

namespace scholion {

// Arabic contextual shaping in logical order: each joining letter becomes its isolated, final,
// initial or medial presentation form (U+FB50-U+FDFF, U+FE70-U+FEFF) by its neighbours' joining
// types (transparent marks skipped); lam followed by an alef becomes one lam-alef ligature.
void shapeArabic(std::vector<uint32_t>& cps);

// Writes the display form of `logical` to `out` and returns true, or returns false without
// touching `out` when the string has no right-to-left character (it is shown as it is). Each
// line (up to a '\n') is its own paragraph; marks stay after their base in right-to-left runs
// (UAX #9 L3) and brackets there are mirrored (L4).
bool displayText(std::string_view logical, std::string& out);

// Display forms computed once per distinct string: a lookup costs a hash of the string and no
// allocation once the string was seen.
class DisplayTextCache {
 public:
  struct Entry {
    std::string display;  // the display form when `changed`
    bool changed = false;
  };
  // The entry of `logical`, made on first use; `created` tells the caller it is new.
  const Entry& get(std::string_view logical, bool* created = nullptr);
  std::size_t size() const { return entries_.size(); }
  // Forgets everything (call between frames, when size() has grown past what the UI needs).
  void clear();

 private:
  std::deque<std::pair<std::string, Entry>> entries_;  // stable addresses for the keys
  std::unordered_map<std::string_view, const std::pair<std::string, Entry>*> index_;
};

}  // namespace scholion
