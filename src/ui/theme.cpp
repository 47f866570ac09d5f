// Light, dark and high-contrast themes: rounded, spacious, calm colours (not ImGui's default
// look); label colours (lifted for contrast in the high-contrast theme).
#include <cstdlib>

#include "panels.h"
#include "theme_contrast.h"

namespace scholion::ui {
namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
  return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                static_cast<float>(b) / 255.0f, a);
}

ImVec4 rgb(Rgb c, float a = 1.0f) {
  return rgb(c.r, c.g, c.b, a);
}

bool gHighContrast = false;  // set by applyTheme: label colours are lifted on black

void highContrastColors(ImVec4* c) {
  const HighContrastColors& hc = scholion::highContrastColors();
  c[ImGuiCol_Text] = rgb(hc.text);
  c[ImGuiCol_TextDisabled] = rgb(hc.dimText);
  c[ImGuiCol_WindowBg] = rgb(hc.panel);
  c[ImGuiCol_ChildBg] = rgb(hc.background);
  c[ImGuiCol_PopupBg] = rgb(hc.popup);
  c[ImGuiCol_Border] = rgb(hc.border);
  c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = rgb(hc.frame);
  c[ImGuiCol_FrameBgHovered] = rgb(hc.frameHover);
  c[ImGuiCol_FrameBgActive] = rgb(hc.header);
  c[ImGuiCol_TitleBg] = rgb(hc.panel);
  c[ImGuiCol_TitleBgActive] = rgb(hc.header);
  c[ImGuiCol_TitleBgCollapsed] = rgb(hc.panel);
  c[ImGuiCol_MenuBarBg] = rgb(hc.panel);
  c[ImGuiCol_ScrollbarBg] = rgb(hc.panel);
  c[ImGuiCol_ScrollbarGrab] = rgb(hc.disabledText);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(hc.text);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(hc.accent);
  c[ImGuiCol_CheckMark] = rgb(hc.accent);
  c[ImGuiCol_SliderGrab] = rgb(hc.accent);
  c[ImGuiCol_SliderGrabActive] = rgb(hc.text);
  c[ImGuiCol_Button] = rgb(hc.frame);
  c[ImGuiCol_ButtonHovered] = rgb(hc.frameHover);
  c[ImGuiCol_ButtonActive] = rgb(hc.header);
  c[ImGuiCol_Header] = rgb(hc.header);
  c[ImGuiCol_HeaderHovered] = rgb(hc.headerHover);
  c[ImGuiCol_HeaderActive] = rgb(hc.header);
  c[ImGuiCol_Separator] = rgb(hc.border);
  c[ImGuiCol_Tab] = rgb(hc.frame);
  c[ImGuiCol_TabHovered] = rgb(hc.frameHover);
  c[ImGuiCol_TabActive] = rgb(hc.header);
  c[ImGuiCol_TextSelectedBg] = rgb(hc.selection);
  c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0, 0, 0.6f);
  c[ImGuiCol_NavHighlight] = rgb(hc.accent);
  c[ImGuiCol_TableHeaderBg] = rgb(hc.frameHover);
  c[ImGuiCol_TableRowBgAlt] = rgb(255, 255, 255, 0.0f);
}

}  // namespace

ImU32 labelColor(const std::string& hex, float alpha) {
  Rgb c = parseHexColor(hex).value_or(Rgb{136, 136, 136});
  if (gHighContrast)
    c = liftForContrast(c, scholion::highContrastColors().background, kHighContrastLabelRatio);
  return ImGui::ColorConvertFloat4ToU32(rgb(c, alpha));
}

ImU32 labelColorFor(const Schema& schema, const std::string& label, float alpha) {
  const SpanLabel* l = schema.findLabel(label);
  return labelColor(l ? l->color : std::string(), alpha);
}

void applyTheme(const ViewPrefs& prefs) {
  const bool dark = prefs.dark || prefs.highContrast;
  gHighContrast = prefs.highContrast;
  ImGuiStyle& st = ImGui::GetStyle();
  st = ImGuiStyle();
  st.WindowPadding = ImVec2(14, 12);
  st.FramePadding = ImVec2(10, 6);
  st.ItemSpacing = ImVec2(10, 8);
  st.ItemInnerSpacing = ImVec2(8, 6);
  st.CellPadding = ImVec2(8, 5);
  st.ScrollbarSize = 13;
  st.GrabMinSize = 12;
  st.IndentSpacing = 18;
  st.WindowRounding = 10;
  st.ChildRounding = 8;
  st.FrameRounding = 7;
  st.PopupRounding = 8;
  st.ScrollbarRounding = 8;
  st.GrabRounding = 7;
  st.TabRounding = 7;
  st.WindowBorderSize = 0;
  st.ChildBorderSize = 0;
  st.PopupBorderSize = 1;
  st.FrameBorderSize = 0;
  st.WindowTitleAlign = ImVec2(0.0f, 0.5f);
  st.SelectableTextAlign = ImVec2(0.0f, 0.5f);

  ImVec4* c = st.Colors;
  if (prefs.highContrast) {
    // Strong borders round panels, fields, buttons and popups.
    st.WindowBorderSize = 1;
    st.ChildBorderSize = 1;
    st.FrameBorderSize = 1;
    st.PopupBorderSize = 2;
    st.TabBorderSize = 1;
    highContrastColors(c);
  } else if (dark) {
    ImVec4 bg = rgb(30, 33, 39), panel = rgb(37, 41, 48), paper = rgb(26, 28, 33);
    ImVec4 text = rgb(222, 226, 232), dim = rgb(134, 142, 155), accent = rgb(96, 156, 255);
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_TextDisabled] = dim;
    c[ImGuiCol_WindowBg] = panel;
    c[ImGuiCol_ChildBg] = paper;
    c[ImGuiCol_PopupBg] = rgb(44, 48, 56, 0.98f);
    c[ImGuiCol_Border] = rgb(60, 66, 76);
    c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = rgb(48, 53, 62);
    c[ImGuiCol_FrameBgHovered] = rgb(58, 64, 75);
    c[ImGuiCol_FrameBgActive] = rgb(66, 73, 86);
    c[ImGuiCol_TitleBg] = bg;
    c[ImGuiCol_TitleBgActive] = bg;
    c[ImGuiCol_TitleBgCollapsed] = bg;
    c[ImGuiCol_MenuBarBg] = bg;
    c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = rgb(70, 76, 88);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(90, 97, 110);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(110, 118, 132);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = rgb(130, 178, 255);
    c[ImGuiCol_Button] = rgb(52, 58, 68);
    c[ImGuiCol_ButtonHovered] = rgb(64, 72, 85);
    c[ImGuiCol_ButtonActive] = rgb(74, 84, 100);
    c[ImGuiCol_Header] = rgb(52, 62, 80);
    c[ImGuiCol_HeaderHovered] = rgb(60, 72, 94);
    c[ImGuiCol_HeaderActive] = rgb(66, 82, 110);
    c[ImGuiCol_Separator] = rgb(55, 60, 70);
    c[ImGuiCol_Tab] = rgb(44, 48, 56);
    c[ImGuiCol_TabHovered] = rgb(64, 72, 85);
    c[ImGuiCol_TabActive] = rgb(58, 66, 80);
    c[ImGuiCol_TextSelectedBg] = rgb(96, 156, 255, 0.35f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0, 0, 0.45f);
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_TableHeaderBg] = rgb(44, 48, 56);
    c[ImGuiCol_TableRowBgAlt] = rgb(255, 255, 255, 0.03f);
  } else {
    ImVec4 bg = rgb(238, 240, 244), panel = rgb(246, 247, 250), paper = rgb(255, 255, 255);
    ImVec4 text = rgb(32, 37, 45), dim = rgb(120, 128, 140), accent = rgb(46, 108, 230);
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_TextDisabled] = dim;
    c[ImGuiCol_WindowBg] = panel;
    c[ImGuiCol_ChildBg] = paper;
    c[ImGuiCol_PopupBg] = rgb(255, 255, 255, 0.99f);
    c[ImGuiCol_Border] = rgb(214, 218, 226);
    c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = rgb(232, 235, 241);
    c[ImGuiCol_FrameBgHovered] = rgb(222, 227, 236);
    c[ImGuiCol_FrameBgActive] = rgb(212, 219, 232);
    c[ImGuiCol_TitleBg] = bg;
    c[ImGuiCol_TitleBgActive] = bg;
    c[ImGuiCol_TitleBgCollapsed] = bg;
    c[ImGuiCol_MenuBarBg] = bg;
    c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = rgb(200, 205, 214);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(180, 187, 198);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(160, 168, 182);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = rgb(30, 90, 210);
    c[ImGuiCol_Button] = rgb(228, 232, 239);
    c[ImGuiCol_ButtonHovered] = rgb(214, 221, 234);
    c[ImGuiCol_ButtonActive] = rgb(200, 210, 228);
    c[ImGuiCol_Header] = rgb(221, 231, 250);
    c[ImGuiCol_HeaderHovered] = rgb(230, 237, 250);
    c[ImGuiCol_HeaderActive] = rgb(208, 222, 248);
    c[ImGuiCol_Separator] = rgb(222, 226, 232);
    c[ImGuiCol_Tab] = rgb(228, 232, 239);
    c[ImGuiCol_TabHovered] = rgb(214, 221, 234);
    c[ImGuiCol_TabActive] = rgb(255, 255, 255);
    c[ImGuiCol_TextSelectedBg] = rgb(46, 108, 230, 0.25f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(20, 24, 30, 0.30f);
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_TableHeaderBg] = rgb(236, 239, 244);
    c[ImGuiCol_TableRowBgAlt] = rgb(0, 0, 0, 0.025f);
  }
  c[ImGuiCol_SeparatorHovered] = c[ImGuiCol_CheckMark];
  c[ImGuiCol_SeparatorActive] = c[ImGuiCol_CheckMark];
  c[ImGuiCol_ResizeGrip] = rgb(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = rgb(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripActive] = rgb(0, 0, 0, 0);
  c[ImGuiCol_TabUnfocused] = c[ImGuiCol_Tab];
  c[ImGuiCol_TabUnfocusedActive] = c[ImGuiCol_TabActive];
}

}  // namespace scholion::ui
