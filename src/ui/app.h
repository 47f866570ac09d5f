// The whole annotator UI: owns the Editor, draws every panel each frame, turns gestures into
// commands.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "editor.h"
#include "format_util.h"
#include "platform_services.h"
#include "touch_gesture.h"

namespace scholion::ui {

struct RectF {
  float x = 0, y = 0, w = 0, h = 0;
};

// A file the user opened or dropped: its name and bytes.
using OpenedFile = NamedFile;

class App {
 public:
  explicit App(PlatformServices& platform);
  ~App();

  // Loads the embedded sample + default schema, or restores the autosaved workspace.
  void start();
  // Before ImGui::NewFrame(): this frame's fingers (`pointerIsTouch`: ImGui's pointer is the
  // first finger, not a mouse); takes Ctrl+wheel for the interface size.
  void beforeNewFrame(const TouchSample& touch, bool pointerIsTouch);
  // The interface size (View menu, Ctrl+wheel; UI state): the platform builds the fonts for it.
  float uiScale() const;
  // Draws one frame between ImGui::NewFrame() and ImGui::Render().
  void frame();
  // Seconds until the app needs a frame although no input arrives (a debounced save, a
  // throttled rebuild, a blinking text caret): 0 = at once, infinity = not before input.
  double nextFrameIn() const;
  // Called by the platform: files from the chooser or dropped on the window; `fromLink`: the
  // files a link named (?open=), which open at once when nothing would be lost.
  void onFilesOpened(std::vector<NamedFile> files, bool fromLink = false);
  // A link names files to open (?open=): the first-visit name prompt waits until they are on
  // screen (onFilesOpened with fromLink) or the link failed (linkFailed).
  void expectLinkedFiles();
  void linkFailed();
  // The paste dialog is open and waits for text: the page hands it the whole text of its paste
  // event (pasteText) instead of typing it into a field.
  bool wantsPaste() const;
  void pasteText(std::string text);
  // Called when the page is hidden / about to unload: save now, no debounce.
  void flushSave();
  // Tabs of one site (the browser): 0 = this tab edits and saves, 1 = read-only while saving
  // what is left for another tab, 2 = read-only, following another tab's saves.
  void setTabMode(int mode);
  bool hasUnsavedWork() const;  // changes not yet in storage (or a save still under way)
  // Reads the saved workspace again (another tab saved it); keeps the active document and scroll.
  Status reloadSaved();
  // The UI font scale (zoom) and theme are UI state; the platform sets the base font.

  Editor& editor();
  const Editor& editor() const;

  // ---- the JavaScript handle (window.scholion) -------------------------------------------
  void loadText(const std::string& name, const std::string& text);
  std::string exportJson() const;
  Status importJson(const std::string& text);  // opens a Scholion JSON workspace (undoable)
  // Screen rectangle (in ImGui display coordinates) of a code-point range of the active document;
  // scrolls it into view first (takes effect over the next frames). False if not laid out.
  bool spanRect(uint32_t start, uint32_t end, RectF& out);
  void select(uint32_t start, uint32_t end);
  std::string stateJson() const;
  // The file types File > Open offers (".txt,.json,.ann,...", an <input accept> list): the page
  // opens its chooser itself on Ctrl+O, inside the key press, and asks for them here.
  static const char* openFileTypes();
  // Screen rectangle of a named widget drawn in the last frames ("attr:negated", "note",
  // "relation-type:meets-with", "palette:Person", ...; see widget_registry.h). False if not drawn.
  bool widgetRect(const std::string& name, RectF& out)
      const;  // {documents, active, spans, relations, undoDepth, dirty, ...}

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace scholion::ui
