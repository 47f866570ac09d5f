// The Suggestions panel (sources, bulk decisions, how suggestions fared, held-out F1) and the
// ghost spans drawn over the text.
#include <algorithm>
#include <cmath>
#include <map>

#include "keys.h"
#include "panels.h"
#include "suggest_ui.h"
#include "text_view.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

// A dashed line from a to b.
void dashed(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 c, float thickness) {
  const float dash = 4, gap = 3;
  const float len = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
  if (len <= 0) return;
  const ImVec2 d((b.x - a.x) / len, (b.y - a.y) / len);
  for (float t = 0; t < len; t += dash + gap) {
    const float e = std::min(t + dash, len);
    dl->AddLine(ImVec2(a.x + d.x * t, a.y + d.y * t), ImVec2(a.x + d.x * e, a.y + d.y * e), c,
                thickness);
  }
}

void sourceRow(const char* id, const char* label, bool& on, const std::string& detail) {
  ImGui::Checkbox(label, &on);
  recordWidget("suggest-source", id);
  if (!detail.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", detail.c_str());
  }
}

void sourcesSection(UiState& s) {
  SuggestState& g = s.suggest;
  SuggestionSources& src = g.sources;
  const bool was[4] = {src.useStringMatch, src.useGazetteer, src.useTagger, src.useImported};
  const std::string wasLayer = src.importedAnnotator;
  sourceRow("string-match", "Same text elsewhere", src.useStringMatch,
            std::to_string(src.labelled.entryCount()) + " labelled texts");
  sourceRow("gazetteer", "Gazetteer", src.useGazetteer,
            g.gazetteerImport ? "reading " + g.gazetteerImport->name + "..."
            : src.gazetteerName.empty()
                ? std::string("none")
                : src.gazetteerName + ", " + std::to_string(src.gazetteer.entryCount()));
  if (ImGui::SmallButton("Import gazetteer...")) {
    g.wantGazetteer = true;
    s.platform.openFileChooser(".tsv,.txt,.csv", false);
  }
  recordWidget("suggest", "import-gazetteer");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "One entry per line: text<TAB>label (a third column ignore-case lets the "
        "case differ), or a CSV file text,label");
  std::string tagger = g.job ? "training " + std::to_string(int(g.job->progress() * 100)) + "%"
                       : src.model.empty()
                           ? std::string("learns once you label")
                           : "trained on " + std::to_string(g.trainedSpans) + " spans";
  sourceRow("tagger", "Tagger", src.useTagger, tagger);
  sourceRow("imported", "Predictions layer", src.useImported, "");
  // The imported source: an annotator layer of the active document.
  std::vector<std::string> names;
  if (const DocumentState* d = s.doc())
    for (const AnnotationLayer& l : d->data().others) names.push_back(l.annotator);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##imported", src.importedAnnotator.empty()
                                          ? "(choose a layer)"
                                          : src.importedAnnotator.c_str())) {
    if (ImGui::Selectable("(none)", src.importedAnnotator.empty())) src.importedAnnotator.clear();
    for (const std::string& n : names)
      if (ImGui::Selectable(n.c_str(), n == src.importedAnnotator)) src.importedAnnotator = n;
    ImGui::EndCombo();
  }
  const bool now[4] = {src.useStringMatch, src.useGazetteer, src.useTagger, src.useImported};
  if (!std::equal(was, was + 4, now) || wasLayer != src.importedAnnotator) ++g.version;
}

void decisionsSection(UiState& s) {
  SuggestState& g = s.suggest;
  ImGui::Text("%zu in this document", g.shown.size());
  for (const auto& [label, n] : g.shownPerLabel) {
    ImGui::PushID(label.c_str());
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(labelColorFor(s.editor.schema(), label)),
                       "%s", label.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%zu", n);
    ImGui::SameLine();
    if (ImGui::SmallButton("Accept all")) acceptOrRejectWhere(s, true, label, 0.0f);
    recordWidget("suggest-accept-label", label.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Reject all")) acceptOrRejectWhere(s, false, label, 0.0f);
    recordWidget("suggest-reject-label", label.c_str());
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(120);
  ImGui::SliderFloat("##threshold", &g.threshold, 0.0f, 1.0f, "at or above %.2f");
  ImGui::SameLine();
  if (ImGui::SmallButton("Accept")) acceptOrRejectWhere(s, true, "", g.threshold);
  recordWidget("suggest", "accept-above");
  ImGui::SameLine();
  if (ImGui::SmallButton("Reject")) acceptOrRejectWhere(s, false, "", g.threshold);
  recordWidget("suggest", "reject-above");
}

void qualitySection(UiState& s) {
  SuggestState& g = s.suggest;
  if (g.stats.empty()) {
    ImGui::TextDisabled("No decisions yet");
  } else if (ImGui::BeginTable("##stats", 4,
                               ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("source");
    ImGui::TableSetupColumn("label");
    ImGui::TableSetupColumn("accepted");
    ImGui::TableSetupColumn("rejected");
    ImGui::TableHeadersRow();
    for (const auto& [key, c] : g.stats) {
      const std::size_t bar = key.find('|');
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(key.substr(0, bar).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(key.substr(bar + 1).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%zu", c.accepted);
      ImGui::TableNextColumn();
      ImGui::Text("%zu", c.rejected);
    }
    ImGui::EndTable();
  }
  ImGui::BeginDisabled(g.heldOutBusy());
  if (ImGui::SmallButton("Held-out F1 (5-fold)")) startHeldOutScore(s);
  recordWidget("suggest", "held-out");
  ImGui::EndDisabled();
  if (g.heldOutPrep)
    ImGui::TextDisabled("preparing the data");
  else if (g.heldOut)
    ImGui::TextDisabled("scoring %.0f%%", g.heldOut->progress() * 100);
  else if (!g.heldOutResult.empty())
    ImGui::TextWrapped("%s", g.heldOutResult.c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Your annotated sentences are split in 5 parts; each part is tagged by a "
        "model trained on the other 4 and compared with your spans.");
}

}  // namespace

void drawSuggestionGhosts(UiState& s, ImDrawList* dl) {
  const SuggestState& g = s.suggest;
  const VisibleFrame& f = s.view.frame;
  if (g.shown.empty() || !f.valid) return;
  const TextGeometry& geo = s.view.geo;
  const ImVec2 mouse = ImGui::GetMousePos();
  const Suggestion* hovered = nullptr;
  // `shown` is sorted by start: the visible ones start at most `shownLongest` before the frame.
  const uint32_t from = f.cpStart > g.shownLongest ? f.cpStart - g.shownLongest : 0;
  const auto first =
      std::lower_bound(g.shown.begin(), g.shown.end(), from,
                       [](const Suggestion& sg, uint32_t at) { return sg.start < at; });
  for (std::size_t i = static_cast<std::size_t>(first - g.shown.begin());
       i < g.shown.size() && g.shown[i].start < f.cpEnd; ++i) {
    const Suggestion& sg = g.shown[i];
    if (sg.end <= f.cpStart) continue;
    const bool current = static_cast<int>(i) == g.current;
    const ImU32 c = labelColorFor(s.editor.schema(), sg.label);
    forEachVisibleSegment(s.view, sg.start, sg.end, [&](std::size_t li, float x0, float x1) {
      const ImVec2 a(x0 - 1, geo.textTop(li) - 2), b(x1 + 1, geo.textBottom(li) + 2);
      if (current) dl->AddRectFilled(a, b, labelColorFor(s.editor.schema(), sg.label, 0.18f), 2);
      const float t = current ? 2.0f : 1.2f;
      dashed(dl, a, ImVec2(b.x, a.y), c, t);
      dashed(dl, ImVec2(a.x, b.y), b, c, t);
      dashed(dl, a, ImVec2(a.x, b.y), c, t);
      dashed(dl, ImVec2(b.x, a.y), b, c, t);
      if (mouse.x >= a.x && mouse.x <= b.x && mouse.y >= a.y && mouse.y <= b.y) hovered = &sg;
    });
  }
  if (hovered && ImGui::IsWindowHovered())
    ImGui::SetTooltip("Suggested %s (%s, confidence %.0f%%)\nEnter accepts, x rejects, U: next",
                      hovered->label.c_str(), suggestionSourceName(hovered->source),
                      hovered->confidence * 100);
}

void drawSuggestionsPanel(UiState& s) {
  SuggestState& g = s.suggest;
  if (!g.panelOpen) return;
  ImGui::SetNextWindowSize(ImVec2(340, 460), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(ImGui::GetMainViewport()->Size.x - 720, 60),
                          ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Suggestions", &g.panelOpen)) return ImGui::End();
  if (keys::escapeCloses()) g.panelOpen = false;
  if (!suggestionsAllowed(s)) {
    ImGui::TextWrapped("The teacher has not allowed suggestions in this exercise.");
    return ImGui::End();
  }
  ImGui::Checkbox("Show suggestions", &g.show);
  recordWidget("suggest", "show");
  ImGui::TextDisabled("Enter or a label key accepts, x / Delete rejects, U: least sure next");
  ImGui::Spacing();
  ImGui::TextDisabled("Sources");
  ImGui::Separator();
  sourcesSection(s);
  ImGui::Spacing();
  ImGui::TextDisabled("Decide");
  ImGui::Separator();
  decisionsSection(s);
  ImGui::Spacing();
  ImGui::TextDisabled("How they fared");
  ImGui::Separator();
  qualitySection(s);
  ImGui::End();
}

}  // namespace scholion::ui
