// SDL2 + ImGui + GlRenderer host shared by the web and desktop builds.
#include "host.h"

#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "app.h"
#include "gl/gl_headers.h"
#include "gl/gl_renderer.h"
#include "glyph_cache.h"
#include "glyph_raster.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "sdl_input.h"
#include "text_fonts.h"
#include "ui_font.h"
#include "widget_glyphs.h"

namespace scholion::platform {

struct Host::Impl {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  GlRenderer renderer;
  RendererGlyphSource glyphs{renderer};
  float pixelRatio = 1.0f;
  float builtRatio = 0.0f;
  float builtScale = 0.0f;  // the UI scale the fonts were built for
  bool builtLarge = false;  // the large text font is in the atlas
  // When the fonts were last built for a new UI scale (seconds): steps that follow within
  // kScaleSettle stretch the fonts and the rebuild waits until the steps rest (Ctrl+wheel).
  double scaleBuiltAt = -1.0;
  double scaleChangedAt = -1.0;
  float pendingScale = 0.0f;
  SdlInput input;
  Host::PhaseMark mark = nullptr;
  long frames = 0;
  // The picture of the last two frames: drawing goes on while it changes.
  uint64_t lastPicture = 0;
  bool pictureChanged = true;
  bool quietBefore = false;             // the frame before the last one had no input either
  int drawnWidth = 0, drawnHeight = 0;  // the framebuffer the picture on screen was drawn for
  void phase(const char* name) const {
    if (mark) mark(name);
  }
};

namespace {

// Seconds a run of interface size steps must rest before the fonts are built again (each build
// takes a frame of about 0.1 s: BENCHMARKS.md, "Interface size").
constexpr double kScaleSettle = 0.25;

double secondsNow() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A fingerprint of what a frame drew (vertices, indices, clip rectangles, textures): two equal
// fingerprints in a row mean the picture has settled and drawing can stop until something happens.
uint64_t pictureOf(const ImDrawData* dd) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](const void* data, std::size_t bytes) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      h = (h ^ w) * 1099511628211ull;
      h ^= h >> 29;
    }
    for (; i < bytes; ++i) h = (h ^ p[i]) * 1099511628211ull;
  };
  if (!dd) return h;
  mix(&dd->DisplaySize, sizeof dd->DisplaySize);
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* dl = dd->CmdLists[n];
    mix(dl->VtxBuffer.Data, static_cast<std::size_t>(dl->VtxBuffer.Size) * sizeof(ImDrawVert));
    mix(dl->IdxBuffer.Data, static_cast<std::size_t>(dl->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& c : dl->CmdBuffer) {
      mix(&c.ClipRect, sizeof c.ClipRect);
      mix(&c.TextureId, sizeof c.TextureId);
      mix(&c.ElemCount, sizeof c.ElemCount);
    }
  }
  return h;
}

// ImGui is still on its way to a picture that a repeated frame would not show yet: a window in
// its hidden measuring frames (new popups, auto-sized windows), a focus request, a dimming fade.
bool imguiSettling() {
  const ImGuiContext& g = *GImGui;
  for (const ImGuiWindow* w : g.Windows)
    if (w->Active &&
        (w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesCannotSkipItems > 0 ||
         w->HiddenFramesForRenderOnly > 0 || w->AutoFitFramesX > 0 || w->AutoFitFramesY > 0))
      return true;
  // Keyboard focus requests (SetKeyboardFocusHere, a window's first item) resolve next frame.
  if (g.NavAnyRequest || g.NavMoveSubmitted || g.NavMoveForwardToNextFrame) return true;
  return g.DimBgRatio > 0.0f && g.DimBgRatio < 1.0f;
}

}  // namespace

ImTextureID RendererGlyphSource::createPage(int width, int height) {
  return reinterpret_cast<ImTextureID>(
      static_cast<intptr_t>(renderer_.createRgbaTexture(width, height)));
}

void RendererGlyphSource::updatePage(ImTextureID page, int x, int y, int width, int height,
                                     const uint8_t* rgba) {
  renderer_.updateRgbaTexture(static_cast<unsigned>(reinterpret_cast<intptr_t>(page)), x, y, width,
                              height, rgba);
}

void Host::buildFonts() {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the TTF lives in the binary's read-only data
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  // Rasterize at the device pixel ratio and scale back down: crisp text on high-DPI screens.
  const float ratio = impl_->pixelRatio;
  // The interface size (App::uiScale) rasterizes the fonts larger rather than stretching them:
  // text stays as crisp as at 100% (docs/touch.md).
  const float scale = app_ ? app_->uiScale() : 1.0f;
  // Index 0: UI font (15 px). Index 1: large text font for the document view at zoom (30 px),
  // built only once the view asks for it (text_fonts.h): start-up rasterizes one font.
  // Large glyphs need no horizontal oversampling: it would double their share of the atlas and
  // of the startup time for no visible gain.
  const bool large = ui::textFontNeeds().large;
  const ImWchar* ranges = uiFontAtlasRanges(glyphRasterAvailable() && glyphRasterShapes());
  for (float size : {15.0f, 30.0f}) {
    if (size > 15.0f && !large) break;
    config.OversampleH = size * ratio * scale >= 24.0f ? 1 : 2;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kUiFont),
                                   static_cast<int>(kUiFont_size), std::round(size * ratio * scale),
                                   &config, ranges);
  }
  io.FontGlobalScale = 1.0f / ratio;
  // Characters ImGui's widgets met that the font lacks, drawn by the platform (docs/scripts.md).
  ui::widgetGlyphs().addRects(io.Fonts, glyphRasterAvailable() ? &impl_->glyphs : nullptr);
  io.Fonts->Build();
  ui::widgetGlyphs().finish(io.Fonts);
  impl_->renderer.uploadFonts();
  if (impl_->builtScale > 0 && scale != impl_->builtScale) impl_->scaleBuiltAt = secondsNow();
  impl_->builtRatio = ratio;
  impl_->builtScale = scale;
  impl_->builtLarge = large;
}

Status Host::init(ui::PlatformServices& services, PhaseMark mark) {
  impl_ = std::make_shared<Impl>();
  impl_->mark = mark;
  // Fingers arrive as SDL_FINGER* events only: SdlInput makes the first finger ImGui's pointer
  // itself and tells the app it is a finger (scrolling, long press, pinch: docs/touch.md).
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0)
    return fail(std::string("SDL_Init failed: ") + SDL_GetError());
#ifdef __EMSCRIPTEN__
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
#ifdef __EMSCRIPTEN__
  // SDL's browser keyboard handling prevents the default action of key presses, which kills
  // the input events that carry IME, dead-key and pasted text. So SDL listens to an element that
  // never has focus, and the page forwards keys itself (web/scholion-api.js -> scholion_key).
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#scholion-no-keys");
#endif
  impl_->window =
      SDL_CreateWindow("Scholion", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                       SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!impl_->window) return fail(std::string("SDL_CreateWindow failed: ") + SDL_GetError());
  impl_->gl = SDL_GL_CreateContext(impl_->window);
  if (!impl_->gl) return fail(std::string("OpenGL context failed: ") + SDL_GetError());
  SDL_GL_MakeCurrent(impl_->window, impl_->gl);
  SDL_GL_SetSwapInterval(1);
  impl_->phase("gl");

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is fixed; UI state is saved with the workspace instead
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  impl_->input.init(impl_->window);
  Status rendererReady = impl_->renderer.init();
  if (!rendererReady) return rendererReady;
  impl_->phase("shaders");
  buildFonts();
  // Glyphs the UI font lacks come from the platform, on first use only (docs/scripts.md).
  if (glyphRasterAvailable()) ui::glyphCache().setSource(&impl_->glyphs);
  impl_->phase("fonts");

  app_ = std::make_unique<ui::App>(services);
  app_->start();
  impl_->phase("app");
  return okStatus();
}

void Host::setWindowSize(int cssWidth, int cssHeight) {
  int w = 0, h = 0;
  SDL_GetWindowSize(impl_->window, &w, &h);
  if (w != cssWidth || h != cssHeight) SDL_SetWindowSize(impl_->window, cssWidth, cssHeight);
}

void Host::setPixelRatio(float ratio) {
  if (ratio > 0.5f && ratio < 8.0f) impl_->pixelRatio = ratio;
}

bool Host::frame() {
  const auto t0 = std::chrono::steady_clock::now();
  const unsigned long uploadsBefore = impl_->renderer.uploads();
  std::vector<char*> drops;
  const bool running = !impl_->input.beginFrame(drops);
  std::vector<ui::OpenedFile> dropped;
  for (char* path : drops) {
    // Desktop drag and drop: the platform reads the file, the app decides what it is.
    ui::OpenedFile f;
    f.name = path;
    if (SDL_RWops* rw = SDL_RWFromFile(path, "rb")) {
      const Sint64 size = SDL_RWsize(rw);
      if (size > 0) {
        f.bytes.resize(static_cast<std::size_t>(size));
        SDL_RWread(rw, f.bytes.data(), 1, f.bytes.size());
      }
      SDL_RWclose(rw);
    }
    const std::size_t slash = f.name.find_last_of("/\\");
    if (slash != std::string::npos) f.name = f.name.substr(slash + 1);
    dropped.push_back(std::move(f));
    SDL_free(path);
  }
  if (!dropped.empty()) app_->onFilesOpened(std::move(dropped));
  app_->beforeNewFrame(impl_->input.touch(), impl_->input.pointerIsTouch());
  // A new interface size builds the fonts at once, unless it follows the last build closely (a
  // run of Ctrl+wheel steps): then the built fonts are stretched until the run rests.
  const float wantScale = app_->uiScale();
  const double now = secondsNow();
  bool rescale = false;
  if (std::fabs(impl_->builtScale - wantScale) > 0.001f) {
    if (impl_->scaleChangedAt < 0 || wantScale != impl_->pendingScale) {
      impl_->pendingScale = wantScale;
      impl_->scaleChangedAt = now;
    }
    rescale =
        now - impl_->scaleBuiltAt >= kScaleSettle || now - impl_->scaleChangedAt >= kScaleSettle;
    if (!rescale)
      ImGui::GetIO().FontGlobalScale = wantScale / (impl_->builtScale * impl_->builtRatio);
  } else {
    impl_->scaleChangedAt = -1.0;
  }
  if (rescale || std::fabs(impl_->builtRatio - impl_->pixelRatio) > 0.01f ||
      (ui::widgetGlyphs().dirty() && !widgetGlyphsHeld()) ||
      ui::textFontNeeds().large != impl_->builtLarge)
    buildFonts();

  // Enter picks the highlighted item of a menu or list as Space does (ImGui 1.86 maps Enter only
  // to text input); a field being typed in keeps its Enter.
  ImGuiIO& in = ImGui::GetIO();
  const int enterKey = in.KeyMap[ImGuiKey_Enter];
  if (!in.WantTextInput && enterKey >= 0 && in.KeysDown[enterKey])
    in.NavInputs[ImGuiNavInput_Activate] = 1.0f;
  ImGui::NewFrame();
  app_->frame();
  ImGui::Render();
  // After input the picture may change for a few frames more (windows placed, popups sized,
  // fades): compare fingerprints until two quiet frames in a row look the same.
  const bool quiet = !impl_->input.fedEvents();
  if (quiet) {
    const uint64_t picture = pictureOf(ImGui::GetDrawData());
    impl_->pictureChanged = !impl_->quietBefore || picture != impl_->lastPicture || imguiSettling();
    impl_->lastPicture = picture;
  } else {
    impl_->pictureChanged = true;
  }
  impl_->quietBefore = quiet;
  const bool first = ++impl_->frames == 1;
  if (first) impl_->phase("ui1");

  ImGuiIO& io = ImGui::GetIO();
  const int fbWidth = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
  const int fbHeight = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
  // A frame run only for background work (training, suggestions, saving) that would draw the
  // picture already on screen, with the same textures and framebuffer, is not drawn again. With
  // software WebGL, drawing even an unchanged canvas keeps the other core busy, and the page's
  // own work then competes with it (BENCHMARKS.md, "Background work and the renderer").
  const bool onScreen = quiet && !impl_->pictureChanged && !first &&
                        impl_->renderer.uploads() == uploadsBefore &&
                        fbWidth == impl_->drawnWidth && fbHeight == impl_->drawnHeight;
  if (onScreen) {
    ++stats_.framesNotRedrawn;
  } else {
    glViewport(0, 0, fbWidth, fbHeight);
    glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    impl_->renderer.render(ImGui::GetDrawData());
    impl_->drawnWidth = fbWidth;
    impl_->drawnHeight = fbHeight;
  }
  const auto t1 = std::chrono::steady_clock::now();
  if (!onScreen) SDL_GL_SwapWindow(impl_->window);
  if (first) impl_->phase("frame1");
  stats_.lastFrameMs = std::chrono::duration<double, std::milli>(t1 - t0).count();
  return running;
}

double Host::nextFrameIn() const {
  if (!impl_ || !app_) return 0;
  if (impl_->input.hasPending() || impl_->input.held() || impl_->pictureChanged) return 0;
  if (ui::widgetGlyphs().dirty() && !widgetGlyphsHeld()) return 0;  // the atlas build is due
  if (ui::textFontNeeds().large != impl_->builtLarge) return 0;     // so is the large font
  double in = app_->nextFrameIn();
  if (impl_->scaleChangedAt >= 0)  // stretched fonts: build them when the steps have rested
    in = std::min(in, std::max(0.0, impl_->scaleChangedAt + kScaleSettle - secondsNow()));
  return in;
}

void Host::waitForEvents(double seconds) {
  if (seconds <= 0) return;
  if (std::isinf(seconds)) {
    SDL_WaitEvent(nullptr);  // NULL: waits without taking the event from the queue
    return;
  }
  SDL_WaitEventTimeout(nullptr, static_cast<int>(std::ceil(seconds * 1000.0)));
}

long Host::framesDrawn() const {
  return impl_ ? impl_->frames : 0;
}

void Host::shutdown() {
  if (!impl_) return;
  app_.reset();
  impl_->renderer.shutdown();
  impl_->input.shutdown();
  ImGui::DestroyContext();
  if (impl_->gl) SDL_GL_DeleteContext(impl_->gl);
  if (impl_->window) SDL_DestroyWindow(impl_->window);
  SDL_Quit();
}

}  // namespace scholion::platform
