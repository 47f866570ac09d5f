// Screen rectangles of named widgets drawn in the last frames, so window.scholion.widgetRect() can
// point real mouse events at them (tests, embedding pages). Fixed size: no per-frame allocation.
#pragma once

#include "app.h"

namespace scholion::ui {

// Records the last ImGui item's rectangle under the name "kind:name" (or "kind").
void recordWidget(const char* kind, const char* name = "");
// The rectangle recorded under that name, if it was drawn within the last few frames.
bool findWidget(const char* fullName, RectF& out);
// The rectangle of the named widget whose ImGui item id is `id` (the item the keyboard's focus
// ring is on), if drawn within the last few frames. O(table size): for tests, not per frame.
bool findWidgetById(unsigned id, RectF& out);
// Called once per frame: entries older than a few frames expire.
void widgetRegistryNewFrame();

// ImGui::BeginMenu that records its header as "menu:<id>" (whether or not it opened).
bool beginNamedMenu(const char* id, const char* label, bool enabled = true);
// ImGui::MenuItem that records itself as "<kind>:<name>".
bool recordedMenuItem(const char* kind, const char* name, const char* label,
                      const char* shortcut = nullptr, bool selected = false, bool enabled = true);
// ImGui::MenuItem that records itself as "menu-item:<id>".
bool namedMenuItem(const char* id, const char* label, const char* shortcut = nullptr,
                   bool selected = false, bool enabled = true);

}  // namespace scholion::ui
