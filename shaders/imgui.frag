// ImGui fragment shader body: vertex colour times the font atlas's coverage (its one channel), or
// times an RGBA glyph page (colour emoji, glyphs the platform drew) when uCoverage is 0.
uniform sampler2D uTexture;
uniform int uCoverage;
in vec2 vUV;
in vec4 vColor;
layout(location = 0) out vec4 outColor;
void main() {
  vec4 t = texture(uTexture, vUV.st);
  outColor = uCoverage != 0 ? vec4(vColor.rgb, vColor.a * t.r) : vColor * t;
}
