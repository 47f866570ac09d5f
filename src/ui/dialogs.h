// Modal dialogs waiting to open or open: their flags, inputs and the files awaiting a choice.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "opened_files.h"

namespace scholion::ui {

struct Dialogs {
  bool askAnnotator = false;
  bool linkPending = false;  // files named by ?open= are on their way: the name prompt waits
  char annotatorBuf[128] = {};
  bool openPaste = false;
  bool pasteOpen = false;  // the paste dialog is waiting for the page's paste event
  std::string pasted;      // the text pasted into it, whole
  char pasteName[128] = {};
  bool openReset = false;
  bool openRemoveDoc = false;
  std::size_t removeDocIndex = 0;
  std::vector<ImportedFile> pendingImports;  // each waits for open-as-workspace or merge
  char modalTitle[96] = {};                  // the import modal's title, rebuilt each frame
  std::size_t renameDoc = SIZE_MAX;
  char renameBuf[256] = {};
  std::vector<std::string> exportWarnings;  // what the last export left out (listed in a modal)
  std::string exportWarningsFile;
  bool openExportWarnings = false;
  char webAnnoBaseIri[256] = "";  // File > Export as: documents' IRI prefix (empty: urn:sha256)

  // Indices into the workspace are stale once it is replaced.
  void onWorkspaceReplaced() {
    renameDoc = SIZE_MAX;
    openRemoveDoc = false;
  }
};

}  // namespace scholion::ui
