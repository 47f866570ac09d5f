// The UI font embedded in the binary, and which of its characters the font atlas holds.
#pragma once

#include <cstddef>
#include <cstdint>

#include "imgui.h"

extern const unsigned char kUiFont[];
extern const std::size_t kUiFont_size;

namespace scholion::platform {

// The ranges the atlas rasterizes from the UI font (ImGui's zero-terminated pairs): all the
// font's scripts when nothing else can draw a character the atlas lacks, or, when the platform
// draws and shapes them (the browser), only what the interface and Latin text need.
const ImWchar* uiFontAtlasRanges(bool platformDraws);
// True for characters the UI font draws that the browser draws instead when the atlas leaves
// them out (Greek, Cyrillic, combining marks, Vietnamese, mathematical signs): the browser draws
// these with the UI font itself, so a Greek word looks like the Latin one beside it.
bool uiFontLeftToPlatform(uint32_t c);
// The UI font's em as a share of its ascent-to-descent height. ImGui sizes a font by that height
// (a "15 px" atlas font has an em of about 12.9 px), CSS by the em: the browser draws the UI
// font's characters at px * this to match the atlas beside them.
float uiFontEmPerHeight();

}  // namespace scholion::platform
