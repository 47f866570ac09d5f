// How the user set up the window: theme, zoom and which panels show (saved with the workspace).
#pragma once

namespace scholion::ui {

struct ViewPrefs {
  bool dark = false;
  bool highContrast = false;  // black, white and yellow (dark is set too); docs/accessibility.md
  bool labelMarks = true;     // label shapes in tags and palette, patterned underlines
  float zoom = 1.0f;          // the text's size
  float uiScale = 1.0f;       // the whole interface's size (docs/touch.md)
  bool showLeft = true, showRight = true, showStatus = true;
  bool showHelp = false;
  bool showDefinitions = false;  // grading and agreement definitions (docs/agreement.md)
  bool showDemo = false;
};

}  // namespace scholion::ui
