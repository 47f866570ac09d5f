// ImGui vertex shader body; the renderer prepends "#version 300 es" (WebGL2) or "#version 330 core".
uniform mat4 uProjection;
layout(location = 0) in vec2 aPosition;
layout(location = 1) in vec2 aUV;
layout(location = 2) in vec4 aColor;
out vec2 vUV;
out vec4 vColor;
void main() {
  vUV = aUV;
  vColor = aColor;
  gl_Position = uProjection * vec4(aPosition.xy, 0.0, 1.0);
}
