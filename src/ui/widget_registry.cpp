// A small open-addressing table of widget rectangles keyed by a 64-bit hash of their name.
#include "widget_registry.h"

#include <cstdint>

#include "imgui.h"
#include "imgui_internal.h"

namespace scholion::ui {
namespace {

struct Entry {
  uint64_t key = 0;
  int frame = -1000;
  RectF rect;
  ImGuiID id = 0;  // the ImGui item, to find the one the keyboard's focus ring is on
};

constexpr int kSize = 1024;  // power of two
Entry gTable[kSize];
int gFrame = 0;

uint64_t hashPart(uint64_t h, const char* s) {
  for (; *s; ++s) h = (h ^ static_cast<unsigned char>(*s)) * 1099511628211ull;
  return h;
}

uint64_t hashName(const char* kind, const char* name) {
  uint64_t h = hashPart(1469598103934665603ull, kind);
  if (name && *name) h = hashPart(hashPart(h, ":"), name);
  return h ? h : 1;
}

Entry* slot(uint64_t key, bool insert) {
  for (int i = 0; i < kSize; i++) {
    Entry& e = gTable[(key + static_cast<uint64_t>(i)) & (kSize - 1)];
    if (e.key == key) return &e;
    if (e.key == 0 || (insert && gFrame - e.frame > 120)) return insert ? &e : nullptr;
  }
  return nullptr;
}

}  // namespace

void recordWidget(const char* kind, const char* name) {
  const uint64_t key = hashName(kind, name);
  Entry* e = slot(key, true);
  if (!e) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  e->key = key;
  e->frame = gFrame;
  e->rect = RectF{a.x, a.y, b.x - a.x, b.y - a.y};
  e->id = ImGui::GetItemID();
}

bool findWidgetById(unsigned id, RectF& out) {
  if (id == 0) return false;
  for (const Entry& e : gTable)
    if (e.key && e.id == id && gFrame - e.frame <= 1) {
      out = e.rect;
      return true;
    }
  return false;
}

bool findWidget(const char* fullName, RectF& out) {
  const Entry* e = slot(hashName(fullName, ""), false);
  // Drawn in one of the last two frames: frames are drawn on demand and the app stops after
  // two identical ones, so those show what is on screen now (an older entry may be gone).
  if (!e || gFrame - e->frame > 1) return false;
  out = e->rect;
  return true;
}

void widgetRegistryNewFrame() {
  ++gFrame;
}

bool beginNamedMenu(const char* id, const char* label, bool enabled) {
  const bool open = ImGui::BeginMenu(label, enabled);
  recordWidget("menu", id);
  return open;
}

bool recordedMenuItem(const char* kind, const char* name, const char* label, const char* shortcut,
                      bool selected, bool enabled) {
  const bool clicked = ImGui::MenuItem(label, shortcut, selected, enabled);
  recordWidget(kind, name);
  return clicked;
}

bool namedMenuItem(const char* id, const char* label, const char* shortcut, bool selected,
                   bool enabled) {
  return recordedMenuItem("menu-item", id, label, shortcut, selected, enabled);
}

}  // namespace scholion::ui
