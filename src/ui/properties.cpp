// Properties of the selection: a text selection, a span (label, extent, attributes, note,
// relations) or a relation.
#include <algorithm>

#include "keys.h"
#include "panels.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

// ImGui multiline input on a std::string (non-ASCII works: ImGui edits UTF-8).
int resizeCallback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* str = static_cast<std::string*>(data->UserData);
    str->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = str->data();
  }
  return 0;
}

void drawSpan(UiState& s, const DocumentState& ds, const Span& sp) {
  const Schema& schema = s.editor.schema();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(labelColorFor(schema, sp.label)), "%s",
                     widgetText(sp.label));
  ImGui::SameLine();
  ImGui::TextDisabled("%s  [%u, %u)", sp.id.c_str(), sp.start, sp.end);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(
      widgetTextWrapped("\xE2\x80\x9C" + sp.text.substr(0, 400) + "\xE2\x80\x9D"));
  ImGui::PopTextWrapPos();
  if (!sp.annotator.empty()) ImGui::TextDisabled("by %s", widgetText(sp.annotator));
  ImGui::Spacing();

  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##relabel", widgetText(sp.label))) {
    for (const SpanLabel& l : schema.spanLabels)
      if (ImGui::Selectable(widgetText(l.name), l.name == sp.label))
        s.apply(cmdRelabelSpan(ds, sp.id, l.name));
    ImGui::EndCombo();
  }
  const float bw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  if (ImGui::Button("Add relation (R)", ImVec2(bw, 0))) {
    s.gesture.relating = true;
    s.gesture.relationFrom = sp.id;
    s.setMessage("Click the target span (Esc cancels)");
  }
  ImGui::SameLine();
  if (ImGui::Button("Delete (Del)", ImVec2(bw, 0))) {
    s.deleteSelected();
    return;
  }

  // Attributes that apply to this label.
  bool header = false;
  for (const AttributeDef& a : schema.attributes) {
    if (!a.labels.empty() &&
        std::find(a.labels.begin(), a.labels.end(), sp.label) == a.labels.end())
      continue;
    if (!header) {
      ImGui::Spacing();
      ImGui::TextDisabled("Attributes");
      header = true;
    }
    auto it = sp.attributes.find(a.name);
    std::string value = it == sp.attributes.end() ? std::string() : it->second;
    ImGui::PushID(a.name.c_str());
    if (a.values.empty()) {
      bool on = value == "true";
      const bool toggled = ImGui::Checkbox(widgetText(a.name), &on);
      recordWidget("attr", a.name.c_str());
      if (toggled) s.apply(cmdSetAttribute(ds, schema, sp.id, a.name, on ? "true" : ""));
    } else {
      ImGui::SetNextItemWidth(-ImGui::CalcTextSize(widgetText(a.name)).x - 12);
      const bool comboOpen =
          ImGui::BeginCombo(widgetText(a.name), value.empty() ? "-" : widgetText(value));
      recordWidget("attr", a.name.c_str());
      if (comboOpen) {
        if (ImGui::Selectable("-", value.empty()))
          s.apply(cmdSetAttribute(ds, schema, sp.id, a.name, ""));
        for (const std::string& v : a.values) {
          const bool picked = ImGui::Selectable(widgetText(v), v == value);
          recordWidget("attr-value", v.c_str());
          if (picked) s.apply(cmdSetAttribute(ds, schema, sp.id, a.name, v));
        }
        ImGui::EndCombo();
      }
    }
    ImGui::PopID();
  }

  // The note: edited in a buffer, committed when the field loses focus (one undo step).
  ImGui::Spacing();
  ImGui::TextDisabled("Note");
  if (!s.note.editing && (s.note.span != sp.id || s.note.text != sp.note)) {
    s.note.span = sp.id;
    s.note.text = sp.note;
  }
  if (s.note.focus) {
    ImGui::SetKeyboardFocusHere();
    s.note.focus = false;
  }
  if (s.note.text.capacity() < 16) s.note.text.reserve(16);
  // Esc leaves the field like a click elsewhere and keeps what was typed (ImGui would put the
  // old text back): a note being typed is never thrown away.
  const bool escaped = s.note.editing && keys::pressedNamed(ImGuiKey_Escape, false);
  const std::string typed = escaped ? s.note.text : std::string();
  ImGui::InputTextMultiline("##note", s.note.text.data(), s.note.text.capacity() + 1,
                            ImVec2(-1, ImGui::GetTextLineHeight() * 4.5f),
                            ImGuiInputTextFlags_CallbackResize, resizeCallback, &s.note.text);
  recordWidget("note");
  s.note.editing = ImGui::IsItemActive();
  // Committed when the field loses focus, to the span it was opened for (one undo step).
  if (ImGui::IsItemDeactivated()) {
    if (escaped) s.note.text = typed;
    const Span* target = ds.span(s.note.span);
    if (target && target->note != s.note.text)
      s.apply(cmdSetSpanNote(ds, s.note.span, s.note.text));
  }

  // Relations of this span.
  std::vector<const Relation*>& rels = s.view.visRelations;
  rels.clear();
  ds.relationsOf(sp.id, rels);
  if (!rels.empty()) {
    ImGui::Spacing();
    ImGui::TextDisabled("Relations");
    for (const Relation* r : rels) {
      const Span* other = ds.span(r->from == sp.id ? r->to : r->from);
      ImGui::PushID(r->id.c_str());
      std::string line = (r->from == sp.id ? "\xE2\x86\x92 " : "\xE2\x86\x90 ") + r->label + "  " +
                         (other ? other->text.substr(0, 40) : std::string("?"));
      if (ImGui::Selectable(widgetText(line), r->id == s.sel.relation)) {
        if (other) s.selectSpan(other->id, true);
      }
      if (ImGui::BeginPopupContextItem()) {
        if (ImGui::MenuItem("Delete relation")) s.apply(cmdDeleteRelation(ds, r->id));
        ImGui::EndPopup();
      }
      ImGui::PopID();
    }
  }
}

}  // namespace

void drawProperties(UiState& s) {
  const DocumentState* ds = s.doc();
  if (!ds) return;
  const Schema& schema = s.editor.schema();
  if (!s.sel.relation.empty()) {
    if (const Relation* r = ds->relation(s.sel.relation)) {
      const Span* a = ds->span(r->from);
      const Span* b = ds->span(r->to);
      ImGui::Text("Relation %s", widgetText(r->label));
      ImGui::TextDisabled("%s", r->id.c_str());
      ImGui::PushTextWrapPos(0);
      ImGui::Text("%s \xE2\x86\x92 %s", a ? widgetText(a->text.substr(0, 60)) : "?",
                  b ? widgetText(b->text.substr(0, 60)) : "?");
      ImGui::PopTextWrapPos();
      if (ImGui::Button("Delete relation (Del)", ImVec2(-1, 0))) s.deleteSelected();
      return;
    }
    s.sel.relation.clear();
  }
  if (!s.sel.span.empty()) {
    if (const Span* sp = ds->span(s.sel.span)) {
      Span copy = *sp;  // the command may replace the span while we draw
      drawSpan(s, *ds, copy);
      return;
    }
    s.sel.span.clear();
  }
  if (s.sel.hasText()) {
    std::string text = ds->document().slice(s.sel.start, std::min(s.sel.end, s.sel.start + 400));
    ImGui::TextDisabled("Selection [%u, %u)", s.sel.start, s.sel.end);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(widgetTextWrapped(text));
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("Press a label's key, click it in the palette, or Enter.");
    (void)schema;
    return;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled(
      "Drag across words (Alt: exact characters) or double-click one, or move the caret with the "
      "arrow keys and select with Shift + arrows; then press a label key. Click a span (or Tab "
      "to it) to edit it. F1 lists every key.");
  ImGui::PopTextWrapPos();
}

}  // namespace scholion::ui
