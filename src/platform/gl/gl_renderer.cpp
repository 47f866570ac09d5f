// Draws ImGui's draw lists with one shader, one VAO and streamed buffers (WebGL2 / GL 3.3).
#include "gl_renderer.h"

#include <cstddef>
#include <string>
#include <vector>

#include "gl_headers.h"
#include "imgui.h"

extern const unsigned char kImguiVert[];
extern const std::size_t kImguiVert_size;
extern const unsigned char kImguiFrag[];
extern const std::size_t kImguiFrag_size;

namespace scholion::platform {
namespace {

std::string compile(GLuint shader, const unsigned char* body, std::size_t size) {
  std::string source = SCHOLION_GLSL_HEADER;
  source.append(reinterpret_cast<const char*>(body), size);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok) return "";
  char log[1024] = {0};
  glGetShaderInfoLog(shader, sizeof log, nullptr, log);
  return std::string("shader compile failed: ") + log;
}

}  // namespace

Status GlRenderer::init() {
  GLuint vs = glCreateShader(GL_VERTEX_SHADER);
  GLuint fs = glCreateShader(GL_FRAGMENT_SHADER);
  std::string err = compile(vs, kImguiVert, kImguiVert_size);
  if (err.empty()) err = compile(fs, kImguiFrag, kImguiFrag_size);
  if (!err.empty()) return fail(err);
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (!ok) return fail("shader link failed");
  locProjection_ = glGetUniformLocation(program_, "uProjection");
  locTexture_ = glGetUniformLocation(program_, "uTexture");
  locCoverage_ = glGetUniformLocation(program_, "uCoverage");

  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ebo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  const GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);
  ImGui::GetIO().BackendRendererName = "scholion_gl";
  return okStatus();
}

void GlRenderer::uploadFonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  // One byte per texel (coverage), a quarter of RGBA's upload; the shader reads it as alpha.
  // RGBA only when the atlas holds colour glyphs (emoji in widget text, widget_glyphs.h).
  ++uploads_;
  fontRgba_ = io.Fonts->TexPixelsUseColors;
  if (fontRgba_)
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  else
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
  if (fontTexture_ == 0) glGenTextures(1, &fontTexture_);
  glBindTexture(GL_TEXTURE_2D, fontTexture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (fontRgba_)
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  else
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(fontTexture_)));
  io.Fonts->ClearTexData();  // the GPU has it now; keeps the wasm heap small
}

unsigned GlRenderer::createRgbaTexture(int width, int height) {
  GLuint tex = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  // Transparent from the start (WebGL zero-fills; desktop GL needs the zeros).
  std::vector<unsigned char> zeros(static_cast<std::size_t>(width) * height * 4, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               zeros.data());
  rgbaTextures_.push_back(tex);
  return tex;
}

void GlRenderer::updateRgbaTexture(unsigned texture, int x, int y, int width, int height,
                                   const unsigned char* rgba) {
  glBindTexture(GL_TEXTURE_2D, texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  ++uploads_;
}

void GlRenderer::render(const ImDrawData* dd) {
  const int fbW = static_cast<int>(dd->DisplaySize.x * dd->FramebufferScale.x);
  const int fbH = static_cast<int>(dd->DisplaySize.y * dd->FramebufferScale.y);
  if (fbW <= 0 || fbH <= 0) return;

  glViewport(0, 0, fbW, fbH);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);

  const float l = dd->DisplayPos.x, r = dd->DisplayPos.x + dd->DisplaySize.x;
  const float t = dd->DisplayPos.y, b = dd->DisplayPos.y + dd->DisplaySize.y;
  const float projection[16] = {
      2.0f / (r - l),    0, 0,   0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1.0f, 0, (r + l) / (l - r),
      (t + b) / (b - t), 0, 1.0f};
  glUseProgram(program_);
  glUniform1i(locTexture_, 0);
  glUniformMatrix4fv(locProjection_, 1, GL_FALSE, projection);
  glBindVertexArray(vao_);
  glActiveTexture(GL_TEXTURE0);
  int coverage = -1;  // the uniform's current value: 1 for an R8 font atlas, 0 for RGBA textures

  const ImVec2 clipOff = dd->DisplayPos;
  const ImVec2 clipScale = dd->FramebufferScale;
  for (int n = 0; n < dd->CmdListsCount; n++) {
    const ImDrawList* list = dd->CmdLists[n];
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (int i = 0; i < list->CmdBuffer.Size; i++) {
      const ImDrawCmd& cmd = list->CmdBuffer[i];
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = (cmd.ClipRect.x - clipOff.x) * clipScale.x;
      const float y0 = (cmd.ClipRect.y - clipOff.y) * clipScale.y;
      const float x1 = (cmd.ClipRect.z - clipOff.x) * clipScale.x;
      const float y1 = (cmd.ClipRect.w - clipOff.y) * clipScale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(static_cast<int>(x0), static_cast<int>(fbH - y1), static_cast<int>(x1 - x0),
                static_cast<int>(y1 - y0));
      const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
      glBindTexture(GL_TEXTURE_2D, tex);
      const int cov = tex == fontTexture_ && !fontRgba_ ? 1 : 0;
      if (cov != coverage) glUniform1i(locCoverage_, coverage = cov);
      // 32-bit indices; offsets into the element buffer are in bytes.
      glDrawElements(
          GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_INT,
          reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
  }
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);
}

void GlRenderer::shutdown() {
  if (fontTexture_) glDeleteTextures(1, &fontTexture_);
  for (unsigned t : rgbaTextures_) glDeleteTextures(1, &t);
  rgbaTextures_.clear();
  if (vbo_) glDeleteBuffers(1, &vbo_);
  if (ebo_) glDeleteBuffers(1, &ebo_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (program_) glDeleteProgram(program_);
  fontTexture_ = vbo_ = ebo_ = vao_ = program_ = 0;
}

}  // namespace scholion::platform
