// Dear ImGui compile-time configuration for Scholion (included through IMGUI_USER_CONFIG).
#pragma once

// 32-bit indices: a page of dense text easily passes 64K vertices in one window, and WebGL2 draws
// GL_UNSIGNED_INT indices natively (ImGui's VtxOffset trick is not available to us there).
#define ImDrawIdx unsigned int
// 32-bit characters: emoji and the other planes beyond the BMP can be custom glyphs of the widgets
// font (widget_glyphs.h). The atlas holds the same glyphs as with 16 bits.
#define IMGUI_USE_WCHAR32
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
