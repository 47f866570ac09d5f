// Web entry point: the main loop, window sizing, and the C functions behind window.scholion.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <cmath>
#include <exception>
#include <string>
#include <vector>

#include "app.h"
#include "host.h"
#include "imgui.h"
#include "sdl_input.h"
#include "web_services.h"

namespace {

scholion::platform::WebServices gServices;
scholion::platform::Host gHost;
bool gStarted = false;
int gFrames = 0;
std::string gReturned;  // keeps returned strings alive until the next call
std::vector<scholion::ui::OpenedFile> gPendingFiles;
bool gBatchFromLink = false;  // the batch being received came from a ?open= link
// Frame times (ms, on the clock), a ring the benchmark reads through scholion_frame_times.
std::vector<float> gFrameTimes;

// Frames on demand: one animation frame is requested when something happens (an SDL event, a
// call from the page, a resize, the app's own timer) and none while the app is idle.
bool gFrameRequested = false;
long gTimer = 0;      // the pending timeout, 0 if none
double gTimerAt = 0;  // when it fires (ms, emscripten_get_now)
void runFrame();

EM_BOOL onAnimationFrame(double, void*) {
  gFrameRequested = false;
  runFrame();
  return EM_FALSE;
}

void wake() {
  if (!gStarted || gFrameRequested) return;
  gFrameRequested = true;
  emscripten_request_animation_frame(onAnimationFrame, nullptr);
}

void onTimer(void*) {
  gTimer = 0;
  wake();
}

// After a frame: the next one at once, at the app's next timer, or when input arrives.
void scheduleNext() {
  const double in = gHost.nextFrameIn();
  if (in <= 0) return wake();
  if (std::isinf(in)) return;
  const double at = emscripten_get_now() + in * 1000.0;
  if (gTimer && gTimerAt <= at + 1) return;  // an earlier timer is already set
  if (gTimer) emscripten_clear_timeout(gTimer);
  gTimerAt = at;
  gTimer = emscripten_set_timeout(onTimer, in * 1000.0, nullptr);
}

// Every SDL event (mouse, wheel, focus, window, keys and text from the page) asks for a frame;
// not the marker SDL pushes itself each time the events are polled.
int onSdlEvent(void*, SDL_Event* e) {
  if (e->type != SDL_POLLSENTINEL) wake();
  return 0;
}

void runFrame() {
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  gHost.setPixelRatio(static_cast<float>(emscripten_get_device_pixel_ratio()));
  if (w > 0 && h > 0) gHost.setWindowSize(static_cast<int>(w), static_cast<int>(h));
  try {
    gHost.frame();
  } catch (const std::exception& e) {
    // The safety net of -fexceptions: report instead of killing the page.
    EM_ASM({ console.warn('Scholion: ' + UTF8ToString($0)); }, e.what());
  }
  if (gFrameTimes.size() < 100000)
    gFrameTimes.push_back(static_cast<float>(gHost.stats().lastFrameMs));
  // Ready after the first frame: the panels have fixed sizes, so ImGui draws them (and the
  // document) at once; only auto-sized popups wait a frame, and tests wait frames for those.
  if (++gFrames == 1)
    EM_ASM({
      if (Module.scholionFirstFrame) Module.scholionFirstFrame();
    });
  scheduleNext();
}

// Copies a rectangle into the float[4] the page passed (x, y, w, h); returns 1 for the caller.
int writeRect(const scholion::ui::RectF& r, float* out) {
  out[0] = r.x;
  out[1] = r.y;
  out[2] = r.w;
  out[3] = r.h;
  return 1;
}

const char* ret(std::string s) {
  gReturned = std::move(s);
  return gReturned.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* scholion_document_text() {
  auto& ed = gHost.app().editor();
  if (!ed.hasDocument()) return ret("");
  return ret(ed.activeDoc().document().text());
}

EMSCRIPTEN_KEEPALIVE void scholion_load_text(const char* name, const char* text) {
  gHost.app().loadText(name, text);
  wake();
}

EMSCRIPTEN_KEEPALIVE const char* scholion_export_json() {
  return ret(gHost.app().exportJson());
}

EMSCRIPTEN_KEEPALIVE const char* scholion_import_json(const char* text) {
  wake();
  try {
    scholion::Status st = gHost.app().importJson(text);
    return ret(st ? std::string() : st.error());
  } catch (const std::exception& e) {
    return ret(std::string("Import failed: ") + e.what());
  }
}

EMSCRIPTEN_KEEPALIVE const char* scholion_state() {
  return ret(gHost.app().stateJson());
}

// Returns 1 and fills out[4] with x, y, w, h in CSS pixels of the canvas, or 0.
EMSCRIPTEN_KEEPALIVE int scholion_span_rect(int start, int end, float* out) {
  scholion::ui::RectF r;
  if (start < 0 || end < start) return 0;
  wake();  // scrolls the range into view
  if (!gHost.app().spanRect(static_cast<uint32_t>(start), static_cast<uint32_t>(end), r)) return 0;
  return writeRect(r, out);
}

// Like scholion_span_rect, for a named widget (see App::widgetRect).
EMSCRIPTEN_KEEPALIVE int scholion_widget_rect(const char* name, float* out) {
  scholion::ui::RectF r;
  if (!gHost.app().widgetRect(name, r)) return 0;
  return writeRect(r, out);
}

EMSCRIPTEN_KEEPALIVE void scholion_select(int start, int end) {
  if (start >= 0 && end >= start)
    gHost.app().select(static_cast<uint32_t>(start), static_cast<uint32_t>(end));
  wake();
}

// Files from the chooser or a drop arrive one by one; the last one hands the batch to the app.
EMSCRIPTEN_KEEPALIVE void scholion_file_opened(const char* name, const char* data, int size,
                                               int last) {
  scholion::ui::OpenedFile f;
  f.name = name;
  f.bytes.assign(data, data + (size > 0 ? size : 0));
  gPendingFiles.push_back(std::move(f));
  if (last) {
    std::vector<scholion::ui::OpenedFile> batch;
    batch.swap(gPendingFiles);
    gHost.app().onFilesOpened(std::move(batch), gBatchFromLink);
    gBatchFromLink = false;
    wake();
  }
}

// The next batch of files is what a ?open= link named.
EMSCRIPTEN_KEEPALIVE void scholion_link_batch() {
  gBatchFromLink = true;
}

// Whether the paste dialog waits for the text of the page's paste event.
EMSCRIPTEN_KEEPALIVE int scholion_paste_wanted() {
  return gStarted && gHost.app().wantsPaste() ? 1 : 0;
}

// The whole text of a paste event (any size; line breaks as \n), for the paste dialog.
EMSCRIPTEN_KEEPALIVE void scholion_paste_text(const char* utf8) {
  if (gStarted) gHost.app().pasteText(utf8);
  wake();
}

// The ?open= link could not be read (or the user declined): nothing more will come from it.
EMSCRIPTEN_KEEPALIVE void scholion_link_failed() {
  if (gStarted) gHost.app().linkFailed();
  wake();
}

// A key from the page (SDL's own key listener is parked, see host.cpp): queued as an SDL event
// so the input layer orders it with mouse events and keeps every press at least a frame long.
EMSCRIPTEN_KEEPALIVE void scholion_key(int scancode, int down, int mods) {
  if (!gStarted || scancode <= 0 || scancode >= SDL_NUM_SCANCODES) return;
  SDL_Event e{};
  e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
  e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
  e.key.keysym.scancode = static_cast<SDL_Scancode>(scancode);
  e.key.keysym.sym = SDL_GetKeyFromScancode(e.key.keysym.scancode);
  Uint16 mod = 0;
  if (mods & 1) mod |= KMOD_LCTRL;
  if (mods & 2) mod |= KMOD_LSHIFT;
  if (mods & 4) mod |= KMOD_LALT;
  if (mods & 8) mod |= KMOD_LGUI;
  e.key.keysym.mod = mod;
  SDL_PushEvent(&e);
}

// The accept list of File > Open, for the chooser the page opens on Ctrl+O.
EMSCRIPTEN_KEEPALIVE const char* scholion_open_accept() {
  return scholion::ui::App::openFileTypes();
}

// Text typed, composed (IME, dead keys) or pasted into the page's hidden text area.
EMSCRIPTEN_KEEPALIVE void scholion_text_input(const char* utf8) {
  if (gStarted) scholion::platform::SdlInput::pushText(utf8);
}

EMSCRIPTEN_KEEPALIVE void scholion_flush_save() {
  if (gStarted) gHost.app().flushSave();
  wake();
}

// Tabs of the site (web/scholion-store.js): 0 edit, 1 read-only while handing over, 2 follow.
EMSCRIPTEN_KEEPALIVE void scholion_set_tab_mode(int mode) {
  if (gStarted) gHost.app().setTabMode(mode);
  wake();
}

EMSCRIPTEN_KEEPALIVE int scholion_unsaved() {
  return gStarted && gHost.app().hasUnsavedWork() ? 1 : 0;
}

// Another tab saved: show its work (the records are already read into memory).
EMSCRIPTEN_KEEPALIVE void scholion_reload_saved() {
  if (!gStarted) return;
  scholion::Status st = gHost.app().reloadSaved();
  if (!st) EM_ASM({ console.warn('Scholion: ' + UTF8ToString($0)); }, st.error().c_str());
  wake();
}

// The page asks for a frame: the window was resized, its pixel ratio changed, it became visible.
EMSCRIPTEN_KEEPALIVE void scholion_wake() {
  wake();
}

// Copies up to `max` recorded frame times (ms) into out, clears the record, returns the count.
EMSCRIPTEN_KEEPALIVE int scholion_frame_times(float* out, int max) {
  const int n =
      static_cast<int>(gFrameTimes.size()) < max ? static_cast<int>(gFrameTimes.size()) : max;
  for (int i = 0; i < n; i++) out[i] = gFrameTimes[gFrameTimes.size() - n + i];
  gFrameTimes.clear();
  return n;
}

// out[0]: frames run since start; out[1]: those whose picture was already on screen and so were
// not drawn again (Host::frame).
EMSCRIPTEN_KEEPALIVE void scholion_frame_counts(double* out) {
  out[0] = static_cast<double>(gHost.framesDrawn());
  out[1] = static_cast<double>(gHost.stats().framesNotRedrawn);
}

}  // extern "C"

namespace {
// Records a startup phase in the page (web/scholion-startup.js).
void markPhase(const char* phase) {
  EM_ASM(
      {
        if (Module.scholionMark) Module.scholionMark(UTF8ToString($0));
      },
      phase);
}
}  // namespace

int main() {
  markPhase("runtime");
  scholion::Status started = gHost.init(gServices, markPhase);
  if (!started) {
    EM_ASM(
        {
          if (Module.scholionFatal) Module.scholionFatal(UTF8ToString($0));
        },
        started.error().c_str());
    return 1;
  }
  gStarted = true;
  // A ?open= link: the first-visit name prompt waits until its files are on screen.
  if (EM_ASM_INT({
        return new URLSearchParams(window.location.search).getAll('open').some(Boolean) ? 1 : 0;
      }))
    gHost.app().expectLinkedFiles();
  // Another tab edits this workspace: this one shows it read-only (decided before the start).
  const int tabMode =
      EM_ASM_INT({ return Module.scholionStore ? Module.scholionStore.mode() : 0; });
  if (tabMode != 0) gHost.app().setTabMode(tabMode);
  SDL_AddEventWatch(onSdlEvent, nullptr);
  wake();
  return 0;  // the runtime stays alive: frames come from animation frame callbacks
}
