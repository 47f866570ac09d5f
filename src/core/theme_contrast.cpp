// WCAG 2 contrast and the high-contrast theme's colours.
#include "theme_contrast.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace scholion {
namespace {

double linear(uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

uint8_t mix(uint8_t a, uint8_t b, double t) {
  return static_cast<uint8_t>(std::lround(a + (b - a) * t));
}

}  // namespace

std::optional<Rgb> parseHexColor(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  for (std::size_t i = 1; i < 7; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(hex[i]))) return std::nullopt;
  const unsigned long v = std::strtoul(hex.c_str() + 1, nullptr, 16);
  return Rgb{static_cast<uint8_t>((v >> 16) & 255), static_cast<uint8_t>((v >> 8) & 255),
             static_cast<uint8_t>(v & 255)};
}

double relativeLuminance(Rgb c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrastRatio(Rgb a, Rgb b) {
  const double la = relativeLuminance(a), lb = relativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb liftForContrast(Rgb c, Rgb background, double minRatio) {
  const uint8_t to = relativeLuminance(background) < 0.5 ? 255 : 0;
  Rgb out = c;
  for (int step = 1; step <= 20 && contrastRatio(out, background) < minRatio; ++step) {
    const double t = step / 20.0;
    out = Rgb{mix(c.r, to, t), mix(c.g, to, t), mix(c.b, to, t)};
  }
  return out;
}

const HighContrastColors& highContrastColors() {
  static const HighContrastColors colors;
  return colors;
}

}  // namespace scholion
