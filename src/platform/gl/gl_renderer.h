// Scholion's own ImGui renderer for WebGL2 and desktop OpenGL 3.3 (32-bit indices, embedded GLSL).
#pragma once

#include <string>

#include "result.h"

struct ImDrawData;

namespace scholion::platform {

class GlRenderer {
 public:
  // Compiles the shaders and creates buffers; needs a current GL context. "" or an error message.
  Status init();
  // (Re)uploads ImGui's font atlas; call after building or changing fonts.
  void uploadFonts();
  void render(const ImDrawData* drawData);
  void shutdown();

 private:
  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ebo_ = 0, fontTexture_ = 0;
  int locProjection_ = -1, locTexture_ = -1;
};

}  // namespace scholion::platform
