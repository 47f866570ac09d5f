// The platform host: SDL window + GL context + ImGui + renderer + the App, one frame at a time.
#pragma once

#include <memory>
#include <string>

#include "result.h"

namespace scholion::ui {
class App;
class PlatformServices;
}  // namespace scholion::ui

namespace scholion::platform {

struct FrameStats {
  // The last frame inside our code (events + UI + render calls), on the clock: time the thread
  // waited for a core counts too (Chromium's trace tells the two apart, frame-bench.mjs save).
  double lastFrameMs = 0;
  long framesNotRedrawn = 0;  // frames whose picture was already on screen (not drawn again)
};

class Host {
 public:
  // Names a startup phase as it ends ("gl", "shaders", "fonts", "app", "ui1", "frame1"): the web
  // page records them for the startup benchmark.
  using PhaseMark = void (*)(const char* phase);
  // Creates the window and everything behind it.
  Status init(ui::PlatformServices& services, PhaseMark mark = nullptr);
  // Runs one frame: events, UI, render. False when the user closed the window (desktop).
  bool frame();
  // Seconds until the next frame is due when no input arrives: 0 = at once (input waiting, a
  // button or key held, the picture still changing after input), infinity = only on input.
  // Frames are drawn on demand: an idle app draws nothing.
  double nextFrameIn() const;
  // Desktop: sleeps until an SDL event arrives or `seconds` passed (infinity: until an event).
  void waitForEvents(double seconds);
  long framesDrawn() const;
  void shutdown();
  ui::App& app() { return *app_; }
  const FrameStats& stats() const { return stats_; }
  // Web: the canvas follows the browser window's CSS size.
  void setWindowSize(int cssWidth, int cssHeight);
  // Current device pixel ratio (web) or drawable/window ratio (desktop); fonts are rebuilt when it
  // changes.
  void setPixelRatio(float ratio);

 private:
  void buildFonts();
  struct Impl;
  std::shared_ptr<Impl> impl_;
  std::unique_ptr<ui::App> app_;
  FrameStats stats_;
};

}  // namespace scholion::platform
