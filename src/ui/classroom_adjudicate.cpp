// The Disagreements and Adjudication tabs of the class review: stepping through passages where
// the students differ, and building the adjudicated layer (the working layer) apart from the key.
#include <algorithm>

#include "panels.h"
#include "scholion_json.h"
#include "widget_glyphs.h"
#include "widget_registry.h"

namespace scholion::ui {
namespace {

const char* const kAdjudicated = "adjudicated";

const AnnotationLayer& noLayer() {
  static const AnnotationLayer empty;
  return empty;
}

// The compared layers, in passageNames order: the students, then the key when asked for.
std::vector<const AnnotationLayer*> passageLayers(const UiState& s, std::size_t doc) {
  const ClassroomState& c = s.classroom;
  std::vector<const AnnotationLayer*> layers = studentLayers(s, doc);
  for (const AnnotationLayer*& l : layers)
    if (!l) l = &noLayer();
  if (c.passagesWithKey) {
    const AnnotationLayer* key = nullptr;
    for (const AnnotationLayer& l : s.editor.doc(doc).data().others)
      if (l.annotator == c.keyName) key = &l;
    layers.push_back(key ? key : &noLayer());
  }
  return layers;
}

// A heading line with a rule under it (ImGui 1.86 has no SeparatorText).
void sectionTitle(const char* text) {
  ImGui::Spacing();
  ImGui::TextUnformatted(text);
  ImGui::Separator();
}

std::string shortText(const Document& d, uint32_t start, uint32_t end, uint32_t max) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(d.length()));
  start = std::min(start, end);
  std::string t = end - start > max ? d.slice(start, start + max - 3) + "..." : d.slice(start, end);
  for (char& ch : t)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return t;
}

// Rebuilds the passages of the active document when it or its annotations changed.
void refreshPassages(UiState& s) {
  ClassroomState& c = s.classroom;
  c.passagesShownFrame = ImGui::GetFrameCount();  // the text view outlines them
  if (!s.hasDoc()) {
    c.passages.clear();
    c.passageRows.clear();
    return;
  }
  const std::size_t doc = s.editor.active();
  if (c.passagesDoc == doc && c.passagesRevision == s.editor.revision()) return;
  if (c.passagesDoc != doc) c.currentPassage = -1;
  c.passagesDoc = doc;
  c.passagesRevision = s.editor.revision();
  c.passageNames = c.students;
  if (c.passagesWithKey) c.passageNames.push_back(c.keyName + " (key)");
  std::vector<const AnnotationLayer*> layers = passageLayers(s, doc);
  c.passages = findDisagreements(layers);
  c.passageRows.clear();
  c.passageRows.reserve(c.passages.size());
  const Document& d = s.editor.doc(doc).document();
  for (const DisagreementPassage& p : c.passages) {
    PassageRow row;
    row.excerpt = shortText(d, p.start, p.end, 48);
    for (const std::vector<std::size_t>& group : p.groups) {
      std::string who;
      for (std::size_t a : group) who += (who.empty() ? "" : ", ") + c.passageNames[a];
      std::string what;
      const std::size_t first = group.empty() ? 0 : group[0];
      if (first < p.spans.size())
        for (uint32_t si : p.spans[first]) {
          const Span& sp = layers[first]->spans[si];
          what += (what.empty() ? "" : "; ") + sp.label + " \"" +
                  shortText(d, sp.start, sp.end, 40) + "\"";
        }
      if (what.empty()) what = "(nothing)";
      row.groupText.push_back(who + ": " + what);
      row.summary += (row.summary.empty() ? "" : "  |  ") + row.groupText.back();
    }
    c.passageRows.push_back(std::move(row));
  }
  if (c.currentPassage >= static_cast<int>(c.passages.size()))
    c.currentPassage = static_cast<int>(c.passages.size()) - 1;
}

void goPassage(UiState& s, int i) {
  ClassroomState& c = s.classroom;
  if (i < 0 || i >= static_cast<int>(c.passages.size())) return;
  c.currentPassage = i;
  const DisagreementPassage& p = c.passages[i];
  s.setTextSelection(p.start, p.end);
  s.scrollToRange(p.start, p.end);
}

void stepButtons(UiState& s) {
  ClassroomState& c = s.classroom;
  const int n = static_cast<int>(c.passages.size());
  // Without a current passage, step from the text cursor.
  const uint32_t cursor = s.sel.hasText() ? s.sel.start : 0;
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left) && n > 0) {
    int at = c.currentPassage >= 0 ? c.currentPassage
                                   : static_cast<int>(passageAtOrAfter(c.passages, cursor));
    goPassage(s, std::max(0, at - 1));
  }
  recordWidget("passage:prev");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous disagreement");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right) && n > 0) {
    int at = c.currentPassage >= 0 ? c.currentPassage + 1
                                   : static_cast<int>(passageAtOrAfter(c.passages, cursor));
    goPassage(s, std::min(n - 1, at));
  }
  recordWidget("passage:next");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next disagreement");
  ImGui::SameLine();
  if (c.currentPassage >= 0)
    ImGui::Text("Passage %d of %d", c.currentPassage + 1, n);
  else
    ImGui::Text("%d passage(s) where the annotators differ", n);
}

void currentPassageDetails(UiState& s) {
  ClassroomState& c = s.classroom;
  if (c.currentPassage < 0 || c.currentPassage >= static_cast<int>(c.passageRows.size())) return;
  const PassageRow& row = c.passageRows[c.currentPassage];
  ImGui::TextDisabled("\"%s\"", widgetText(row.excerpt));
  for (const std::string& g : row.groupText) ImGui::BulletText("%s", widgetText(g));
}

bool applyLayer(UiState& s, std::size_t doc, const AnnotationLayer& after,
                const std::string& what) {
  const AnnotationLayer& before = s.editor.doc(doc).data().annotations;
  Command cmd = layerChangeCommand(before, after, what);
  if (cmd.empty()) {
    s.setMessage(what + ": nothing to change");
    return false;
  }
  if (doc == s.editor.active()) return s.apply(std::move(cmd));
  return s.applyToDocument(doc, std::move(cmd));
}

std::vector<const AnnotationLayer*> presentStudentLayers(const UiState& s, std::size_t doc) {
  std::vector<const AnnotationLayer*> layers = studentLayers(s, doc);
  for (const AnnotationLayer*& l : layers)
    if (!l) l = &noLayer();  // a student without this document voted "nothing"
  return layers;
}

void acceptMajority(UiState& s, bool allDocuments) {
  auto majorityOf = [&](std::size_t i) {
    return majorityLayer(presentStudentLayers(s, i), s.editor.doc(i).data().annotations.annotator,
                         &s.editor.schema());
  };
  if (!allDocuments) {
    applyLayer(s, s.editor.active(), majorityOf(s.editor.active()), "Accept the majority");
    return;
  }
  // Every document at once is one step (one Undo takes it all back).
  std::vector<std::size_t> docs;
  std::vector<AnnotationLayer> layers;
  for (std::size_t i = 0; i < s.editor.documentCount(); ++i) {
    docs.push_back(i);
    layers.push_back(majorityOf(i));
  }
  WorkspaceEdit edit =
      planReplaceWorkingLayers(s.editor, docs, layers, "Accept the majority in every document");
  const std::size_t changed = edit.ops.size();
  if (changed == 0) return s.setMessage("Accept the majority: nothing to change");
  if (s.applyEdit(std::move(edit)))
    s.setMessage("Accepted the majority in " + std::to_string(changed) + " document(s)");
}

// The adjudicated layer is exported as annotator "adjudicated", never as the key's name: the two
// stay apart until the teacher promotes one to the other (promoteToKey).
void exportAdjudicated(UiState& s) {
  Workspace ws = s.editor.snapshot();
  ws.exercise = ExerciseInfo{};
  ws.annotator = kAdjudicated;
  for (DocumentData& d : ws.documents) {
    d.others.clear();
    d.annotations.annotator = kAdjudicated;
  }
  std::string file = safeFilePart(classTitle(s)) + "-adjudicated.scholion.json";
  s.offerFile(file, writeScholionJson(ws), "application/json");
}

void promoteToKey(UiState& s) {
  const std::string& key = s.classroom.keyName;
  PromotePlan plan = planPromoteToKey(s.editor, key);
  if (plan.edit.empty())
    return s.setMessage("The answer key \"" + key + "\" already equals the adjudicated layer");
  const int n = plan.promoted;
  if (!s.applyEdit(std::move(plan.edit))) return;
  recomputeReview(s);  // grades now use the new key
  s.setMessage("The adjudicated layer is now the answer key \"" + key + "\" in " +
               std::to_string(n) + " document(s); Undo takes it back");
}

const AnnotationLayer* keyLayerOf(const UiState& s, std::size_t doc) {
  for (const AnnotationLayer& l : s.editor.doc(doc).data().others)
    if (l.annotator == s.classroom.keyName) return &l;
  return nullptr;
}

}  // namespace

void drawDisagreementsTab(UiState& s) {
  ClassroomState& c = s.classroom;
  if (c.students.size() + (c.passagesWithKey ? 1 : 0) < 2) {
    ImGui::TextWrapped(
        "Disagreements need at least two annotators (students, or a student and "
        "the key).");
    if (ImGui::Checkbox("Compare with the key too", &c.passagesWithKey))
      c.passagesRevision = UINT64_MAX;
    return;
  }
  refreshPassages(s);
  if (!s.hasDoc()) return;
  if (ImGui::Checkbox("Compare with the key too", &c.passagesWithKey)) {
    c.passagesRevision = UINT64_MAX;
    c.currentPassage = -1;
  }
  recordWidget("disagreements:with-key");
  ImGui::SameLine();
  ImGui::TextDisabled("Outlined in the text of \"%s\": hover one for who chose what.",
                      s.doc()->data().name.c_str());
  stepButtons(s);
  currentPassageDetails(s);
  ImGui::Separator();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("##passages", 3, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 36);
  ImGui::TableSetupColumn("Passage", ImGuiTableColumnFlags_WidthStretch, 0.35f);
  ImGui::TableSetupColumn("Who chose what", ImGuiTableColumnFlags_WidthStretch, 0.65f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clip;  // one line per passage: only the visible ones are drawn
  clip.Begin(static_cast<int>(c.passageRows.size()));
  while (clip.Step()) {
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const PassageRow& row = c.passageRows[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(i);
      char num[16];
      std::snprintf(num, sizeof num, "%d", i + 1);
      if (ImGui::Selectable(num, c.currentPassage == i, ImGuiSelectableFlags_SpanAllColumns))
        goPassage(s, i);
      recordWidget("passage:row", num);
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(widgetText(row.excerpt));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.summary.c_str());
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        for (const std::string& g : row.groupText) ImGui::BulletText("%s", widgetText(g));
        ImGui::EndTooltip();
      }
    }
  }
  ImGui::EndTable();
}

void drawAdjudicationTab(UiState& s) {
  ClassroomState& c = s.classroom;
  if (!s.hasDoc()) return;
  refreshPassages(s);
  const std::size_t doc = s.editor.active();
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled(
      "Adjudication builds the adjudicated layer: your own layer, the annotations shown in the "
      "text. Each action is one step you can undo (Ctrl+Z), and you can edit by hand as usual. "
      "The answer key \"%s\" and the students' layers are not changed; grades keep using the "
      "key until you make the adjudicated layer the new key.",
      c.keyName.c_str());
  ImGui::PopTextWrapPos();
  const AnnotationLayer* key = keyLayerOf(s, doc);
  ImGui::Text("In \"%s\": adjudicated %zu span(s); answer key \"%s\" %zu span(s)",
              s.doc()->data().name.c_str(), s.doc()->data().annotations.spans.size(),
              c.keyName.c_str(), key ? key->spans.size() : std::size_t{0});
  // The whole-document actions and the export first, so they stay on screen in a low window.
  if (ImGui::Button("Accept the majority in this document")) acceptMajority(s, false);
  recordWidget("adjudicate:majority");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Keeps a span when more than half of the %zu students marked it the same way;\n"
        "replaces the adjudicated layer in this document (one undo step).",
        c.students.size());
  ImGui::SameLine();
  if (ImGui::Button("... in every document")) acceptMajority(s, true);
  recordWidget("adjudicate:majority-all");
  ImGui::SameLine();
  if (ImGui::Button("Export adjudicated (Scholion JSON)")) exportAdjudicated(s);
  recordWidget("adjudicated:export");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Your layer of every document, as annotator \"%s\".", kAdjudicated);
  ImGui::SameLine();
  if (ImGui::Button("Make it the answer key")) promoteToKey(s);
  recordWidget("adjudicated:promote");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Replaces the answer key \"%s\" by the adjudicated layer in every document where you "
        "adjudicated;\ngrades are recomputed. One step: Ctrl+Z takes it back.",
        c.keyName.c_str());
  sectionTitle("This passage");
  stepButtons(s);
  if (c.currentPassage >= 0 && c.currentPassage < static_cast<int>(c.passages.size())) {
    const DisagreementPassage& p = c.passages[c.currentPassage];
    const PassageRow& row = c.passageRows[c.currentPassage];
    ImGui::SameLine();
    ImGui::TextDisabled("\"%s\"", widgetText(row.excerpt));
    std::vector<const AnnotationLayer*> layers = passageLayers(s, doc);
    for (std::size_t g = 0; g < p.groups.size() && g < row.groupText.size(); ++g) {
      ImGui::PushID(static_cast<int>(g));
      if (ImGui::SmallButton("Accept") && !p.groups[g].empty() && p.groups[g][0] < layers.size()) {
        const AnnotationLayer& mine = s.doc()->data().annotations;
        AnnotationLayer after = acceptAnnotator(mine, *layers[p.groups[g][0]], p.start, p.end);
        if (applyLayer(s, doc, after, "Accept " + c.passageNames[p.groups[g][0]] + "'s spans"))
          goPassage(s, std::min(c.currentPassage + 1, static_cast<int>(c.passages.size()) - 1));
      }
      if (!p.groups[g].empty() && p.groups[g][0] < c.passageNames.size())
        recordWidget("adjudicate:accept", c.passageNames[p.groups[g][0]].c_str());
      ImGui::SameLine();
      ImGui::TextUnformatted(widgetText(row.groupText[g]));
      ImGui::PopID();
    }
    if (ImGui::SmallButton("Clear my spans here")) {
      const AnnotationLayer& mine = s.doc()->data().annotations;
      applyLayer(s, doc, acceptAnnotator(mine, noLayer(), p.start, p.end), "Clear the passage");
    }
    recordWidget("adjudicate:clear");
    ImGui::SameLine();
    ImGui::TextDisabled("Accepting moves on to the next passage.");
  } else {
    ImGui::TextDisabled("Step to a passage with the arrows (or pick one in Disagreements).");
  }
}

}  // namespace scholion::ui
