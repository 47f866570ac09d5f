// ImGui fragment shader body: vertex colour times the font atlas's coverage (its one channel).
uniform sampler2D uTexture;
in vec2 vUV;
in vec4 vColor;
layout(location = 0) out vec4 outColor;
void main() {
  outColor = vec4(vColor.rgb, vColor.a * texture(uTexture, vUV.st).r);
}
