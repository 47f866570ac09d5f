// Scholion's own ImGui renderer for WebGL2 and desktop OpenGL 3.3 (32-bit indices, embedded GLSL).
#pragma once

#include <string>
#include <vector>

#include "result.h"

struct ImDrawData;

namespace scholion::platform {

class GlRenderer {
 public:
  // Compiles the shaders and creates buffers; needs a current GL context. "" or an error message.
  Status init();
  // (Re)uploads ImGui's font atlas; call after building or changing fonts. R8 (coverage), or
  // RGBA when the atlas says it holds colour glyphs (ImFontAtlas::TexPixelsUseColors).
  void uploadFonts();
  // RGBA textures for the glyph atlas pages (colour emoji and glyphs the UI font lacks); the
  // shader multiplies them by the vertex colour, where the font atlas gives coverage only.
  unsigned createRgbaTexture(int width, int height);
  void updateRgbaTexture(unsigned texture, int x, int y, int width, int height,
                         const unsigned char* rgba);
  void render(const ImDrawData* drawData);
  void shutdown();
  // Counts texture uploads: a frame whose draw data equals the last one's still looks different
  // when a texture it samples changed meanwhile.
  unsigned long uploads() const { return uploads_; }

 private:
  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ebo_ = 0, fontTexture_ = 0;
  int locProjection_ = -1, locTexture_ = -1, locCoverage_ = -1;
  std::vector<unsigned> rgbaTextures_;
  bool fontRgba_ = false;
  unsigned long uploads_ = 0;
};

}  // namespace scholion::platform
