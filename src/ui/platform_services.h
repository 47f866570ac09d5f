// What the UI asks of the platform (browser or desktop): storage, files, clipboard. Implemented in
// src/platform.
#pragma once

#include <string>

#include "autosave.h"

namespace scholion::ui {

enum class PlatformKind { Web, Desktop };

// The parts of the page's screen-reader mirror (docs/accessibility.md): live regions the page
// keeps beside the canvas. Status is read politely, Alert (an error) at once.
enum class AccessibleField { Sentence, Caret, Selection, Span, Status, Alert };

class PlatformServices : public KeyValueStore {
 public:
  // Offers bytes as a download (web) or writes into the export folder (desktop).
  virtual Status download(const std::string& fileName, const std::string& bytes,
                          const std::string& mimeType) = 0;
  // Opens the file chooser; chosen files arrive later through App::onFilesOpened.
  virtual void openFileChooser(const std::string& accept, bool multiple) = 0;
  virtual void setClipboard(const std::string& text) = 0;
  // Text the platform pasted (Ctrl+V in the browser arrives through ImGui's clipboard already).
  // Monotonic seconds, for debouncing.
  virtual double now() = 0;
  // Where work is kept and how much room is left, in words (the save status's tooltip); "" = the
  // figures from storageUsed()/storageQuota() are shown instead.
  virtual std::string storageSummary() { return ""; }
  // Puts `text` into a part of the screen-reader mirror (the browser's live regions; nothing on
  // the desktop). Called only when the text changed, or to read a repeated status message again.
  virtual void setAccessibleText(AccessibleField field, const std::string& text) {}
  // Where the app runs (for wording such as "Download" vs "Save to folder").
  virtual PlatformKind kind() const = 0;
};

// "Downloaded <file>" in the browser, "Saved <file>" on the desktop.
inline std::string savedMessage(const PlatformServices& p, const std::string& file) {
  return (p.kind() == PlatformKind::Web ? "Downloaded " : "Saved ") + file;
}

}  // namespace scholion::ui
