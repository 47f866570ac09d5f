// Desktop entry point: an SDL2 window running the same App as the web build.
#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "app.h"
#include "host.h"
#include "native_services.h"

namespace {
std::string dataFolder() {
  if (const char* d = std::getenv("SCHOLION_DATA_DIR")) return d;
  if (const char* x = std::getenv("XDG_DATA_HOME")) return std::string(x) + "/scholion";
  if (const char* h = std::getenv("HOME")) return std::string(h) + "/.local/share/scholion";
  return ".scholion";
}

// This thread's CPU time in ms, or -1 where the system has no such clock: a frame's time on the
// clock also holds its waits (for the software rasterizer's threads, for a core).
double threadCpuMs() {
#ifdef CLOCK_THREAD_CPUTIME_ID
  timespec ts{};
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0)
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
#endif
  return -1;
}
}  // namespace

int main(int argc, char** argv) {
  scholion::platform::NativeServices services(dataFolder());
  scholion::platform::Host host;
  const scholion::Status started = host.init(services);
  if (!started) {
    std::fprintf(stderr, "scholion-desktop: %s\n", started.error().c_str());
    return 1;
  }
  services.attach(&host.app());
  // Files named on the command line open as documents (or workspaces), as if dropped.
  std::vector<scholion::ui::OpenedFile> files;
  for (int i = 1; i < argc; i++) {
    std::FILE* f = std::fopen(argv[i], "rb");
    if (!f) {
      std::fprintf(stderr, "scholion-desktop: cannot open %s\n", argv[i]);
      continue;
    }
    scholion::ui::OpenedFile of;
    of.name = argv[i];
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) of.bytes.append(buf, n);
    std::fclose(f);
    files.push_back(std::move(of));
  }
  if (!files.empty()) host.app().onFilesOpened(std::move(files));
  // Frames on demand: sleep until input or the app's next timer (autosave, caret blink).
  // SCHOLION_FRAME_STATS=1 prints one line per frame drawn: "frame N <ms on the clock> <ms of this
  // thread's CPU>" (benchmarks).
  // SCHOLION_BENCH_SCROLL=S (benchmarks): from the first frame on, a mouse-wheel step is fed
  // before every frame for S seconds, then the app's state is printed as a line "state {...}".
  const bool stats = std::getenv("SCHOLION_FRAME_STATS") != nullptr;
  const char* scroll = std::getenv("SCHOLION_BENCH_SCROLL");
  const double scrollSeconds = scroll ? std::atof(scroll) : 0;
  using Clock = std::chrono::steady_clock;
  const Clock::time_point begun = Clock::now();
  bool scrolling = scrollSeconds > 0;
  for (;;) {
    const double elapsed = std::chrono::duration<double>(Clock::now() - begun).count();
    if (scrolling && elapsed > scrollSeconds) {
      scrolling = false;
      std::printf("state %s\n", host.app().stateJson().c_str());
      std::fflush(stdout);
    }
    if (scrolling) {
      SDL_Event m{};  // the pointer over the middle of the text
      m.type = SDL_MOUSEMOTION;
      m.motion.x = 640;
      m.motion.y = 400;
      SDL_PushEvent(&m);
      SDL_Event e{};
      e.type = SDL_MOUSEWHEEL;
      e.wheel.y = -2;
      SDL_PushEvent(&e);
    }
    host.waitForEvents(scrolling ? 0 : host.nextFrameIn());
    const Clock::time_point t0 = Clock::now();
    const double cpu0 = stats ? threadCpuMs() : 0;
    if (!host.frame()) break;
    if (stats) {
      const double cpu1 = threadCpuMs();
      std::printf("frame %ld %.2f %.2f\n", host.framesDrawn(),
                  std::chrono::duration<double, std::milli>(Clock::now() - t0).count(),
                  cpu0 < 0 || cpu1 < 0 ? -1.0 : cpu1 - cpu0);
      std::fflush(stdout);
    }
  }
  host.app().flushSave();
  host.shutdown();
  return 0;
}
