// Colour contrast as WCAG 2 measures it, and the high-contrast theme's colours (checked against
// it by the tests): black, white and yellow, with label colours lifted until they stand out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace scholion {

struct Rgb {
  uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb& o) const { return r == o.r && g == o.g && b == o.b; }
};

// "#rrggbb" (any case); nothing for anything else.
std::optional<Rgb> parseHexColor(const std::string& hex);
// WCAG 2 relative luminance (sRGB linearised), 0 (black) to 1 (white).
double relativeLuminance(Rgb c);
// WCAG 2 contrast ratio, 1 to 21, the same either way round.
double contrastRatio(Rgb a, Rgb b);
// `c` mixed step by step towards white (on a dark background) or black (on a light one) until its
// contrast with `background` is at least `minRatio` (or it is white / black).
Rgb liftForContrast(Rgb c, Rgb background, double minRatio);

// The high-contrast theme (View > High contrast). Every text colour has at least 7:1 against
// every background it is drawn on (WCAG AAA), borders and the focus colour at least 3:1.
struct HighContrastColors {
  Rgb background{0, 0, 0};     // window and text background
  Rgb panel{0, 0, 0};          // side panels
  Rgb text{255, 255, 255};     // all text
  Rgb dimText{235, 235, 235};  // what other themes dim (section titles, hints)
  Rgb disabledText{200, 200, 200};
  Rgb accent{255, 230, 0};       // focus ring, caret, check marks, selected span outline
  Rgb border{255, 255, 255};     // panel, field and button borders
  Rgb frame{0, 0, 0};            // fields and buttons (with a border)
  Rgb frameHover{40, 40, 40};    // hovered field / button
  Rgb header{0, 0, 150};         // selected list row, open menu
  Rgb headerHover{30, 30, 110};  // hovered row
  Rgb selection{0, 70, 160};     // selected text's background (text stays white)
  Rgb popup{0, 0, 0};
};
const HighContrastColors& highContrastColors();
// Label colours on the high-contrast background: at least 4.5:1 (they outline spans and tags).
constexpr double kHighContrastLabelRatio = 4.5;

}  // namespace scholion
