// The annotation list (filter by label or text, click to jump) and the per-label counts it caches.
#include <algorithm>
#include <cctype>

#include "glyph_text.h"
#include "panels.h"
#include "widget_glyphs.h"

namespace scholion::ui {
namespace {

bool containsNoCase(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return true;
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
  return it != hay.end();
}

void radixSort(std::vector<std::pair<uint64_t, uint32_t>>& v,
               std::vector<std::pair<uint64_t, uint32_t>>& tmp, std::vector<uint32_t>& counts) {
  tmp.resize(v.size());
  counts.resize(1u << 16);
  for (int shift = 0; shift < 64; shift += 16) {
    // Skip a digit that is the same everywhere (e.g. high bits of small offsets).
    uint64_t first = (v[0].first >> shift) & 0xFFFF;
    bool same = true;
    for (const auto& e : v)
      if (((e.first >> shift) & 0xFFFF) != first) {
        same = false;
        break;
      }
    if (same) continue;
    std::fill(counts.begin(), counts.end(), 0u);
    for (const auto& e : v) ++counts[(e.first >> shift) & 0xFFFF];
    uint32_t sum = 0;
    for (uint32_t& c : counts) {
      uint32_t n = c;
      c = sum;
      sum += n;
    }
    for (const auto& e : v) tmp[counts[(e.first >> shift) & 0xFFFF]++] = e;
    v.swap(tmp);
  }
}

}  // namespace

// Rebuilt only when the document, its revision or the filter changed, never per frame.
void refreshAnnotationCache(const Editor& editor, AnnotationListState& list, double now) {
  const DocumentState* ds = editor.hasDocument() ? &editor.activeDoc() : nullptr;
  std::string key = std::string(list.filter) + '\x1f' + std::to_string(list.label);
  if (!ds) {
    list.rows.clear();
    list.labelCounts.clear();
    return;
  }
  // The workspace-wide revision, not the document's: a replaced workspace can put a fresh
  // document (revision 0 again) at the same index, and its rows must still be rebuilt.
  const uint64_t revision = editor.revision();
  const bool sameView = list.doc == editor.active() && list.key == key;
  if (sameView && list.revision == revision) return;
  // Edits come in bursts (hotkeys, label-all): rebuild at most ~4 times a second for them, so a
  // frame that adds a span never pays for a 25k-row rebuild. The filter or document changing
  // rebuilds at once.
  if (sameView && now - list.builtAt < 0.25) return;
  list.builtAt = now;
  const bool countsStale = list.doc != editor.active() || list.revision != revision;
  list.doc = editor.active();
  list.revision = revision;
  list.key = key;
  const Schema& schema = editor.schema();
  const auto& spans = ds->data().annotations.spans;
  if (countsStale) {
    list.labelCounts.assign(schema.spanLabels.size() + 1, 0);
    for (const Span& sp : spans) {
      std::size_t i = 0;
      while (i < schema.spanLabels.size() && schema.spanLabels[i].name != sp.label) ++i;
      ++list.labelCounts[i];
    }
  }
  const std::string* label =
      (list.label >= 0 && static_cast<std::size_t>(list.label) < schema.spanLabels.size())
          ? &schema.spanLabels[static_cast<std::size_t>(list.label)].name
          : nullptr;
  const std::string filter = list.filter;
  // Sorted by packed (start, -end) keys: a cache-friendly sort instead of chasing 25k Span objects.
  auto& keys = list.keys;
  keys.clear();
  for (uint32_t i = 0; i < spans.size(); ++i) {
    const Span& sp = spans[i];
    if (label && sp.label != *label) continue;
    if (!filter.empty() && !containsNoCase(sp.text, filter) && !containsNoCase(sp.label, filter) &&
        !containsNoCase(sp.note, filter))
      continue;
    keys.emplace_back((static_cast<uint64_t>(sp.start) << 32) | (UINT32_MAX - sp.end), i);
  }
  // Linear-time LSD radix sort (16-bit digits): the list re-sorts after every change, so it must
  // not cost O(n log n) with cache misses on 25k spans.
  if (!std::is_sorted(keys.begin(), keys.end())) radixSort(keys, list.keysTmp, list.radixCounts);
  list.rows.resize(keys.size());
  for (std::size_t r = 0; r < keys.size(); ++r) list.rows[r] = keys[r].second;
}

void drawAnnotationList(UiState& s) {
  const DocumentState* ds = s.doc();
  if (!ds) return;
  const Schema& schema = s.editor.schema();
  ImGui::SetNextItemWidth(-ImGui::GetFrameHeight() * 5.2f);
  ImGui::InputTextWithHint("##filter", "Filter by text", s.list.filter, sizeof s.list.filter);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  const char* cur =
      s.list.label >= 0 && static_cast<std::size_t>(s.list.label) < schema.spanLabels.size()
          ? widgetText(schema.spanLabels[static_cast<std::size_t>(s.list.label)].name)
          : "All labels";
  if (ImGui::BeginCombo("##label", cur)) {
    if (ImGui::Selectable("All labels", s.list.label < 0)) s.list.label = -1;
    for (std::size_t i = 0; i < schema.spanLabels.size(); ++i)
      if (ImGui::Selectable(widgetText(schema.spanLabels[i].name),
                            s.list.label == static_cast<int>(i)))
        s.list.label = static_cast<int>(i);
    ImGui::EndCombo();
  }
  refreshAnnotationCache(s.editor, s.list, s.platform.now());
  // A rebuild held back by the throttle still happens without further input.
  if (s.hasDoc() && s.list.revision != s.editor.revision()) s.frameAt(s.list.builtAt + 0.25);
  const auto& spans = ds->data().annotations.spans;
  ImGui::TextDisabled("%zu of %zu spans", s.list.rows.size(), spans.size());
  ImGui::BeginChild("##rows", ImVec2(0, 0), false);
  takeRegionFocus(s, AccessState::Region::List);
  // Jump the list to the selected span once after it was selected elsewhere.
  int selectedRow = -1;
  if (s.list.scrollToSelected && !s.sel.span.empty()) {
    for (std::size_t r = 0; r < s.list.rows.size(); ++r)
      if (s.list.rows[r] < spans.size() && spans[s.list.rows[r]].id == s.sel.span)
        selectedRow = static_cast<int>(r);
    s.list.scrollToSelected = false;
  }
  const float rowH = ImGui::GetTextLineHeightWithSpacing() + 4;
  if (selectedRow >= 0) {
    float y = selectedRow * rowH;
    if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + ImGui::GetWindowHeight() - rowH)
      ImGui::SetScrollY(y - ImGui::GetWindowHeight() * 0.4f);
  }
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(s.list.rows.size()), rowH);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  while (clip.Step()) {
    for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
      uint32_t row = s.list.rows[static_cast<std::size_t>(r)];
      if (row >= spans.size()) continue;  // the rows can lag an edit by a few frames
      const Span& sp = spans[row];
      ImGui::PushID(r);
      ImVec2 p = ImGui::GetCursorScreenPos();
      bool selected = sp.id == s.sel.span;
      if (ImGui::Selectable("##row", selected, 0, ImVec2(0, rowH - 4))) s.selectSpan(sp.id, true);
      float w = ImGui::GetItemRectSize().x;
      float ty = p.y + (rowH - 4 - ImGui::GetFontSize()) * 0.5f;
      if (s.prefs.labelMarks)
        drawMarkShape(dl, ImVec2(p.x + 5, p.y + (rowH - 4) * 0.5f), 4.0f,
                      labelMarkFor(schema, sp.label).shape, labelColorFor(schema, sp.label));
      else
        dl->AddRectFilled(ImVec2(p.x + 2, p.y + 3), ImVec2(p.x + 6, p.y + rowH - 7),
                          labelColorFor(schema, sp.label), 2.0f);
      // Label, then the covered text clipped to the row.
      const ImFont* font = ImGui::GetFont();
      const float fs = ImGui::GetFontSize();
      float lw = textWidth(font, fs, sp.label);
      drawText(dl, font, fs, ImVec2(p.x + 12, ty), ImGui::GetColorU32(ImGuiCol_TextDisabled),
               sp.label);
      float tx = p.x + 12 + std::max(lw, fs * 5.5f) + 8;
      // At most 200 bytes of the covered text, cut at a character boundary.
      std::size_t cut = std::min<std::size_t>(sp.text.size(), 200);
      while (cut > 0 && cut < sp.text.size() &&
             (static_cast<unsigned char>(sp.text[cut]) & 0xC0) == 0x80)
        --cut;
      dl->PushClipRect(ImVec2(p.x, p.y), ImVec2(p.x + w - 4, p.y + rowH), true);
      drawText(dl, font, fs, ImVec2(tx, ty), ImGui::GetColorU32(ImGuiCol_Text),
               std::string_view(sp.text).substr(0, cut));
      dl->PopClipRect();
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace scholion::ui
