// The Agreement tab of the class review: coefficients, pairwise table, per-label bar chart and
// the label confusion heat map (all from the cached ClassAgreement).
#include <algorithm>
#include <cstdio>

#include "grades_csv.h"
#include "panels.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

// Landis & Koch's words for kappa-like values: a reading aid, not a verdict.
const char* strength(const Coefficient& c) {
  if (!c.defined) return "undefined";
  double v = c.value;
  if (v < 0) return "worse than chance";
  if (v < 0.2) return "slight";
  if (v < 0.4) return "fair";
  if (v < 0.6) return "moderate";
  if (v < 0.8) return "substantial";
  return "almost perfect";
}

// Red (low) -> amber -> green (high) for a value in [0, 1], with the given alpha.
ImU32 heat(double v, float alpha) {
  float t = static_cast<float>(std::clamp(v, 0.0, 1.0));
  float r = t < 0.5f ? 0.86f : 0.86f - (t - 0.5f) * 2 * 0.66f;
  float g = t < 0.5f ? 0.30f + t * 2 * 0.45f : 0.75f - (t - 0.5f) * 2 * 0.10f;
  return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, 0.25f, alpha));
}

// A new table row whose first cell is the measure's name, explained on hover.
void nameCell(const char* name, const char* help) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(name);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
  ImGui::TableNextColumn();
}

void coefficientRow(const char* name, const Coefficient& c, const char* help) {
  nameCell(name, help);
  ImGui::TextUnformatted(formatCoefficient(c).c_str());
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", strength(c));
  ImGui::TableNextColumn();
  ImGui::TextDisabled("observed %.3f, chance %.3f, %zu items", c.observed, c.expected, c.items);
}

void countsRow(const char* name, const Counts& c, const char* help) {
  nameCell(name, help);
  ImGui::Text("%.3f", c.f1());
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%zu matched, %zu + %zu unmatched", c.tp, c.fp, c.fn);
}

void download(UiState& s, const std::string& file, const std::string& bytes) {
  s.offerFile(file, bytes, "text/csv");
}

void pairwiseTable(UiState& s, const ClassAgreement& a) {
  const int n = static_cast<int>(a.annotators.size());
  ImGui::TextUnformatted("Cohen's kappa between each pair (token labels)");
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
  float h = std::min(ImGui::GetTextLineHeightWithSpacing() * (n + 2.5f), 260.0f);
  if (ImGui::BeginTable("##pairs", n + 1, flags, ImVec2(0, h))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("");
    for (const std::string& name : a.annotators) ImGui::TableSetupColumn(widgetText(name));
    ImGui::TableHeadersRow();
    for (int i = 0; i < n; ++i) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(widgetText(a.annotators[i]));
      for (int j = 0; j < n; ++j) {
        ImGui::TableNextColumn();
        if (i == j) {
          ImGui::TextDisabled("\xE2\x80\x94");
          continue;
        }
        // pairs holds every a < b in order: index of (lo, hi) is computable without a search.
        std::size_t lo = std::min(i, j), hi = std::max(i, j);
        std::size_t idx = lo * n - lo * (lo + 1) / 2 + (hi - lo - 1);
        if (idx >= a.pairs.size()) continue;
        const PairAgreement& p = a.pairs[idx];
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, heat(p.cohen.value, 0.45f));
        ImGui::TextUnformatted(formatCoefficient(p.cohen).c_str());
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("%s / %s\nkappa %s (%s)\nspan F1 exact %.3f, overlap %.3f",
                            widgetText(a.annotators[lo]), widgetText(a.annotators[hi]),
                            formatCoefficient(p.cohen).c_str(), strength(p.cohen),
                            p.spansExact.f1(), p.spansOverlap.f1());
      }
    }
    ImGui::EndTable();
  }
  if (ImGui::TreeNode("Span F1 between pairs")) {
    if (ImGui::BeginTable("##pairf1", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
      for (const char* hd :
           {"Annotator A", "Annotator B", "Cohen's kappa", "Span F1 exact", "Span F1 overlap"})
        ImGui::TableSetupColumn(hd);
      ImGui::TableHeadersRow();
      for (const PairAgreement& p : a.pairs) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(widgetText(a.annotators[p.a]));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(widgetText(a.annotators[p.b]));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(formatCoefficient(p.cohen).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.3f", p.spansExact.f1());
        ImGui::TableNextColumn();
        ImGui::Text("%.3f", p.spansOverlap.f1());
      }
      ImGui::EndTable();
    }
    ImGui::TreePop();
  }
  (void)s;
}

// Two bars per label, drawn with the draw list: alpha (label colour) and span F1 (grey-blue),
// on a shared 0..1 axis with grid lines, so weak labels stand out at a glance.
void perLabelChart(UiState& s, const ClassAgreement& a) {
  ImGui::TextUnformatted("Agreement per label");
  ImGui::SameLine();
  ImGui::TextDisabled("(upper bar: Krippendorff's alpha on tokens; lower bar: exact span F1)");
  if (a.perLabel.empty()) {
    ImGui::TextDisabled("No labels used.");
    return;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const float rowH = line * 2.2f;
  float nameW = 0;
  for (const LabelAgreement& l : a.perLabel)
    nameW = std::max(nameW, ImGui::CalcTextSize(widgetText(l.label)).x);
  nameW = std::min(nameW + 24, 220.0f);
  const float totalW = ImGui::GetContentRegionAvail().x;
  const float valueW = ImGui::CalcTextSize("-0.000  /  0.000   (9999 spans)").x;
  const float barW = std::max(80.0f, totalW - nameW - valueW - 8);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  const float axisH = line + 4;
  const float height = axisH + rowH * a.perLabel.size();
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float x0 = origin.x + nameW;
  for (int g = 0; g <= 5; ++g) {
    float x = x0 + barW * g / 5.0f;
    dl->AddLine(ImVec2(x, origin.y + axisH), ImVec2(x, origin.y + height), grid);
    char b[8];
    std::snprintf(b, sizeof b, "%.1f", g / 5.0);
    dl->AddText(ImVec2(x - ImGui::CalcTextSize(b).x * 0.5f, origin.y), dim, b);
  }
  const ImU32 f1Color = ImGui::ColorConvertFloat4ToU32(ImVec4(0.45f, 0.55f, 0.72f, 0.85f));
  for (std::size_t i = 0; i < a.perLabel.size(); ++i) {
    const LabelAgreement& l = a.perLabel[i];
    float y = origin.y + axisH + rowH * i;
    ImU32 col = labelColorFor(s.editor.schema(), l.label, 0.9f);
    dl->AddRectFilled(ImVec2(origin.x, y + rowH * 0.5f - 5),
                      ImVec2(origin.x + 10, y + rowH * 0.5f + 5), col, 2);
    dl->AddText(ImVec2(origin.x + 16, y + (rowH - line) * 0.5f), text, widgetText(l.label));
    const float bh = rowH * 0.32f;
    double alpha = l.alpha.defined ? l.alpha.value : (l.alpha.value > 0.5 ? 1.0 : 0.0);
    float wA = barW * static_cast<float>(std::clamp(alpha, 0.0, 1.0));
    float wF = barW * static_cast<float>(std::clamp(l.spansExact.f1(), 0.0, 1.0));
    float yA = y + rowH * 0.14f, yF = yA + bh + 2;
    dl->AddRectFilled(ImVec2(x0, yA), ImVec2(x0 + std::max(wA, 1.0f), yA + bh), col, 2);
    if (alpha < 0)  // below chance: a red notch at zero
      dl->AddRectFilled(ImVec2(x0 - 3, yA), ImVec2(x0, yA + bh), IM_COL32(220, 50, 50, 255));
    dl->AddRectFilled(ImVec2(x0, yF), ImVec2(x0 + std::max(wF, 1.0f), yF + bh), f1Color, 2);
    char b[64];
    std::snprintf(b, sizeof b, "%s  /  %.3f   (%zu spans)", formatCoefficient(l.alpha).c_str(),
                  l.spansExact.f1(), l.spans);
    dl->AddText(ImVec2(x0 + barW + 8, y + (rowH - line) * 0.5f), text, b);
  }
  ImGui::Dummy(ImVec2(totalW, height + 4));
  if (ImGui::IsItemHovered()) {
    float my = ImGui::GetIO().MousePos.y - origin.y - axisH;
    int row = my < 0 ? -1 : static_cast<int>(my / rowH);
    if (row >= 0 && row < static_cast<int>(a.perLabel.size())) {
      const LabelAgreement& l = a.perLabel[row];
      ImGui::SetTooltip(
          "%s\nalpha %s (%s)\nexact span F1 %.3f over all pairs\n%zu spans, %zu token "
          "ratings",
          widgetText(l.label), formatCoefficient(l.alpha).c_str(), strength(l.alpha),
          l.spansExact.f1(), l.spans, l.tokens);
    }
  }
}

// confusion[i][j]: how often one annotator said label i where another said j, coloured by the
// share of row i: the diagonal (agreement) in green, confusions in red.
void confusionMatrix(UiState& s, const ClassAgreement& a) {
  const int n = static_cast<int>(a.labels.size());
  if (n == 0 || a.confusion.size() != a.labels.size()) return;
  // Each token is counted once per ordered pair of annotators, so the cells add up to far more
  // than the token count shown above; say so, with the sum, so "O/O = 8172" is not a puzzle.
  uint64_t comparisons = 0;
  for (const std::vector<uint64_t>& r : a.confusion)
    for (uint64_t v : r) comparisons += v;
  const std::size_t k = a.annotators.size();
  ImGui::TextUnformatted("Label confusion");
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled(
      "%llu comparisons: each of %zu tokens once per ordered pair of annotators "
      "(%zu pairs). Row: one annotator's label, column: the other's; \"O\" = no "
      "span.",
      static_cast<unsigned long long>(comparisons), a.tokens, k * (k - 1));
  ImGui::PopTextWrapPos();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
  float h = std::min(ImGui::GetTextLineHeightWithSpacing() * (n + 2.5f), 360.0f);
  if (!ImGui::BeginTable("##confusion", n + 1, flags, ImVec2(0, h))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("");
  for (const std::string& l : a.labels) ImGui::TableSetupColumn(widgetText(l));
  ImGui::TableHeadersRow();
  for (int i = 0; i < n; ++i) {
    uint64_t rowSum = 0;
    for (uint64_t v : a.confusion[i]) rowSum += v;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(widgetText(a.labels[i]));
    for (int j = 0; j < n && j < static_cast<int>(a.confusion[i].size()); ++j) {
      ImGui::TableNextColumn();
      uint64_t v = a.confusion[i][j];
      if (v == 0) {
        ImGui::TextDisabled("\xC2\xB7");
        continue;
      }
      float share = rowSum ? static_cast<float>(v) / rowSum : 0;
      ImVec4 col = i == j ? ImVec4(0.25f, 0.65f, 0.35f, 0.15f + 0.6f * share)
                          : ImVec4(0.85f, 0.25f, 0.25f, 0.15f + 0.75f * share);
      ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::ColorConvertFloat4ToU32(col));
      ImGui::Text("%llu", static_cast<unsigned long long>(v));
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s vs %s: %llu (%.0f%% of the row)", widgetText(a.labels[i]),
                          widgetText(a.labels[j]), static_cast<unsigned long long>(v), share * 100);
    }
  }
  ImGui::EndTable();
  (void)s;
}

}  // namespace

void drawAgreementTab(UiState& s) {
  ClassroomState& c = s.classroom;
  if (!c.hasAgreement) {
    ImGui::TextWrapped("Agreement needs at least two students' files.");
    return;
  }
  const ClassAgreement& a = c.agreement;
  const std::string base = safeFilePart(!s.editor.exercise().title.empty()
                                            ? s.editor.exercise().title
                                            : (c.titleBuf[0] ? std::string(c.titleBuf) : "class"));
  if (ImGui::Button("Export pairwise CSV"))
    download(s, base + "-agreement-pairs.csv", pairwiseAgreementCsv(a, true));
  recordWidget("agreement:csv-pairs");
  ImGui::SameLine();
  if (ImGui::Button("Export per-label CSV"))
    download(s, base + "-agreement-labels.csv", labelAgreementCsv(a, true));
  recordWidget("agreement:csv-labels");
  ImGui::SameLine();
  ImGui::TextDisabled("%zu annotators, %zu tokens.", a.annotators.size(), a.tokens);
  ImGui::SameLine();
  if (ImGui::SmallButton("Definitions")) s.prefs.showDefinitions = true;
  ImGui::BeginChild("##agreement", ImVec2(0, 0), false);
  if (ImGui::BeginTable("##coef", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    coefficientRow("Fleiss' kappa", a.fleiss, "All students at once, token labels (O = no span).");
    coefficientRow("Krippendorff's alpha", a.alpha, "Nominal alpha over token labels.");
    Coefficient mean;
    mean.value = a.meanPairwiseCohen();
    mean.defined = !a.pairs.empty();
    mean.items = a.pairs.size();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("Mean pairwise Cohen's kappa");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(formatCoefficient(mean).c_str());
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", strength(mean));
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%zu pairs", a.pairs.size());
    countsRow("Span F1, exact", a.spansExact, "Same boundaries and label, summed over pairs.");
    countsRow("Span F1, overlap", a.spansOverlap, "Overlapping spans with the same label.");
    ImGui::EndTable();
  }
  ImGui::Separator();
  pairwiseTable(s, a);
  ImGui::Separator();
  perLabelChart(s, a);
  ImGui::Separator();
  confusionMatrix(s, a);
  ImGui::EndChild();
}

}  // namespace scholion::ui
