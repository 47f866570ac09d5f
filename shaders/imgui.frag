// ImGui fragment shader body: texture (font atlas or white pixel) times vertex colour.
uniform sampler2D uTexture;
in vec2 vUV;
in vec4 vColor;
layout(location = 0) out vec4 outColor;
void main() {
  outColor = vColor * texture(uTexture, vUV.st);
}
