// Teacher review: loading student hand-ins as annotator layers, computing grades and agreement
// (on demand, cached), the review window and its Grades tab.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <iterator>

#include "error_profile.h"
#include "grades_csv.h"
#include "keys.h"
#include "panels.h"
#include "widget_glyphs.h"
#include "widget_registry.h"
#include "work_progress.h"

namespace scholion::ui {

std::string classTitle(const UiState& s) {
  if (!s.editor.exercise().title.empty()) return s.editor.exercise().title;
  if (s.classroom.titleBuf[0]) return s.classroom.titleBuf;
  return "class";
}

namespace {

const AnnotationLayer& emptyLayer() {
  static const AnnotationLayer empty;
  return empty;
}

std::string keyNameOf(const Editor& ed) {
  const std::string& g = ed.exercise().goldAnnotator;
  return g.empty() ? std::string("gold") : g;
}

// Grades and agreement read only the other layers (key and students), never the working layer
// the teacher adjudicates in; this cheap fingerprint (O(documents x layers), independent of text
// and annotation counts) tells when they changed, e.g. after a merge from the File menu.
uint64_t layersSignature(const Editor& ed) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](uint64_t v) { h = (h ^ v) * 1099511628211ull; };
  mix(ed.documentCount());
  for (std::size_t i = 0; i < ed.documentCount(); ++i) {
    const DocumentData& d = ed.doc(i).data();
    mix(d.others.size());
    for (const AnnotationLayer& l : d.others) {
      mix(std::hash<std::string>()(l.annotator));
      mix(l.spans.size());
      mix(l.relations.size());
    }
  }
  return h;
}

std::string fmt(double v) {
  char b[16];
  std::snprintf(b, sizeof b, "%.2f", v);
  return b;
}

void prfCells(const Counts& c) {
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(fmt(c.precision()).c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(fmt(c.recall()).c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(fmt(c.f1()).c_str());
}

std::string joinedNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Who had what, and how the student's spans miss the key's (error_profile.h).
void drawErrorProfile(const GradeReport& g) {
  ImGui::PushTextWrapPos(0);
  ImGui::Text("%s had: %s", widgetText(g.student), widgetText(joinedNames(g.documentNames)));
  const std::string confusions = confusionSummary(g.errors, 5);
  ImGui::Text("Labels confused (key \xE2\x86\x92 theirs): %s",
              confusions.empty() ? "none" : widgetText(confusions));
  recordWidget("grades:profile", g.student.c_str());
  ImGui::Text("Boundaries: %zu too long, %zu too short, %zu shifted", g.errors.tooLong,
              g.errors.tooShort, g.errors.shifted);
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
}

}  // namespace

bool classroomTakeFiles(UiState& s, std::vector<ParsedFile>& files) {
  ClassroomState& c = s.classroom;
  if (files.empty()) return false;
  if (c.wantFiles) {
    c.wantFiles = false;
    if (!s.hasDoc()) return false;
    // The native chooser reports in the middle of a frame: swapping the workspace now would pull
    // documents from under the panels still to be drawn, so the files wait for the classroom
    // windows' turn (loadStudentFiles).
    for (ParsedFile& f : files) c.pendingFiles.push_back(std::move(f));
    return true;
  }
  // Not asked for: a file that does not parse takes the ordinary path, which reports it.
  for (const ParsedFile& f : files)
    if (!f.workspace) return false;
  // An exercise as the teacher handed it out (no student name inside), or the student's own save
  // of one: always opened as an exercise (openPendingExercise decides how).
  const Workspace& first = *files[0].workspace;
  if (files.size() == 1 && isExerciseFile(first, s.editor.annotator())) {
    c.pendingExercise = std::move(files[0]);
    return true;
  }
  // Hand-ins (an exercise with a student's name) dropped by a teacher: several at once (a
  // folder's worth), or one more while a review is open. A student reopening their own file
  // (same name) or working in an exercise takes the ordinary path.
  if (!s.hasDoc() || s.editor.exercise().enabled) return false;
  if (files.size() < 2 && c.students.empty()) return false;
  bool matches = false;
  for (const ParsedFile& f : files) {
    const Workspace& w = *f.workspace;
    if (!w.exercise.enabled || w.annotator.empty() || w.annotator == s.editor.annotator())
      return false;
    for (const DocumentData& d : w.documents)
      for (std::size_t i = 0; i < s.editor.documentCount() && !matches; ++i)
        matches = s.editor.doc(i).data().sha256 == d.sha256;
  }
  if (!matches) return false;  // for other texts: the ordinary path opens them as documents
  for (ParsedFile& f : files) c.pendingFiles.push_back(std::move(f));
  return true;
}

void loadStudentFiles(UiState& s) {
  ClassroomState& c = s.classroom;
  std::vector<ParsedFile> files = std::move(c.pendingFiles);
  c.pendingFiles.clear();
  if (files.empty() || !s.hasDoc()) return;
  const std::string keyName = keyNameOf(s.editor);
  StudentLayersPlan plan = planStudentLayers(s.editor, std::move(files), keyName);
  const std::vector<std::string>& warnings = plan.warnings;
  if (plan.loaded.empty() && plan.keptKeys == 0) {
    c.loadWarnings = warnings;
    s.setMessage(warnings.empty() ? "No student files loaded" : warnings.front(), true);
    c.showReview = true;
    return;
  }
  const std::vector<std::string> loaded = plan.loaded;
  const int keptKeys = plan.keptKeys;
  if (!s.applyEdit(std::move(plan.edit))) return;
  c.loadWarnings = warnings;
  std::string msg = "Loaded " + std::to_string(loaded.size()) + " student file(s)";
  if (keptKeys) msg += "; your annotations are kept as the answer key \"" + keyName + "\"";
  s.setMessage(msg, !warnings.empty());
  recomputeReview(s);
  c.showReview = true;
  c.selectTab = 0;
}

std::vector<const AnnotationLayer*> studentLayers(const UiState& s, std::size_t doc) {
  const ClassroomState& c = s.classroom;
  std::vector<const AnnotationLayer*> out(c.students.size(), nullptr);
  if (doc >= s.editor.documentCount()) return out;
  for (const AnnotationLayer& l : s.editor.doc(doc).data().others)
    for (std::size_t i = 0; i < c.students.size(); ++i)
      if (!out[i] && l.annotator == c.students[i]) out[i] = &l;
  return out;
}

void recomputeReview(UiState& s) {
  ClassroomState& c = s.classroom;
  const Editor& ed = s.editor;
  c.computed = true;
  c.computedSignature = layersSignature(ed);
  c.keyName = keyNameOf(ed);
  c.students.clear();
  c.warnings.clear();
  c.grades.clear();
  c.gradeRow = -1;
  c.hasAgreement = false;
  c.agreement = ClassAgreement{};
  c.passagesRevision = UINT64_MAX;  // disagreements follow on their tab
  c.currentPassage = -1;
  for (std::size_t i = 0; i < ed.documentCount(); ++i)
    for (const AnnotationLayer& l : ed.doc(i).data().others)
      if (l.annotator != c.keyName &&
          std::find(c.students.begin(), c.students.end(), l.annotator) == c.students.end())
        c.students.push_back(l.annotator);
  c.studentList.clear();
  for (const std::string& name : c.students)
    c.studentList += (c.studentList.empty() ? "" : ", ") + name;
  if (c.studentList.size() > 120) c.studentList = c.studentList.substr(0, 117) + "...";
  ExerciseInfo keyInfo;
  keyInfo.goldAnnotator = c.keyName;
  // Grades: every student against the key, summed over the documents that have one.
  std::vector<const AnnotationLayer*> keys(ed.documentCount(), nullptr);
  c.keyDocuments = 0;
  for (std::size_t i = 0; i < ed.documentCount(); ++i) {
    keys[i] = findKeyLayer(ed.doc(i).data(), keyInfo);
    if (keys[i])
      ++c.keyDocuments;
    else if (!c.students.empty())
      c.warnings.push_back("\"" + ed.doc(i).data().name +
                           "\" has no answer key: not graded (agreement still counts it)");
  }
  if (c.keyDocuments > 0) {
    for (std::size_t k = 0; k < c.students.size(); ++k) {
      GradeReport total;
      // A student is graded on the documents of their file: with an exercise that hands each
      // student some documents, the others were never theirs (the table says who had what).
      for (std::size_t i = 0; i < ed.documentCount(); ++i) {
        const AnnotationLayer* mine = studentLayers(s, i)[k];
        if (!keys[i] || !mine) continue;
        GradeReport doc = gradeLayer(*keys[i], *mine, &ed.schema());
        doc.documentNames.push_back(ed.doc(i).data().name);
        addInto(total, doc);
        if (total.progress == WorkProgress{}) total.progress = mine->progress;
      }
      if (total.documents < c.keyDocuments)
        c.warnings.push_back(c.students[k] + " had " + std::to_string(total.documents) +
                             " of the " + std::to_string(c.keyDocuments) + " documents with a key");
      total.student = c.students[k];
      c.grades.push_back(std::move(total));
    }
  }
  // Agreement between the students (the key is not an annotator here).
  if (c.students.size() >= 2) {
    std::vector<ClassDocument> docs;
    for (std::size_t i = 0; i < ed.documentCount(); ++i) {
      const DocumentState& ds = ed.doc(i);
      ClassDocument cd;
      cd.name = ds.data().name;
      cd.tokens = &ds.document().tokens();
      cd.sentences = &ds.document().sentences();
      for (const AnnotationLayer* l : studentLayers(s, i))
        cd.layers.push_back(l ? l : &emptyLayer());
      docs.push_back(std::move(cd));
    }
    c.agreement = computeAgreement(docs, c.students);
    c.hasAgreement = true;
  }
}

void drawGradesTab(UiState& s) {
  ClassroomState& c = s.classroom;
  if (c.keyDocuments == 0) {
    ImGui::TextWrapped(
        "No answer key: none of the documents has a layer named \"%s\" and your own annotations "
        "were empty when the files were loaded. Annotate the key yourself (or open the exercise "
        "file with its key) and load the student files again; agreement works without a key.",
        c.keyName.c_str());
    return;
  }
  if (ImGui::Button("Export grades CSV")) {
    std::string file = safeFilePart(classTitle(s)) + "-grades.csv";
    s.offerFile(file, gradesCsv(c.grades, true), "text/csv");
  }
  recordWidget("grades:csv");
  ImGui::SameLine();
  ImGui::TextDisabled("Key: layer \"%s\" (%zu document(s)). Click a student for per-label scores.",
                      c.keyName.c_str(), c.keyDocuments);
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit;
  const char* heads[] = {"Student",       "Exact P",      "Exact R",          "Exact F1",
                         "Overlap P",     "Overlap R",    "Overlap F1",       "Macro F1",
                         "Boundaries F1", "Relations F1", "Spans (tp/fp/fn)", "Documents",
                         "Active time",   "Checks",       "Started (UTC)"};
  // As tall as its rows (up to the space there is), so the per-label table fits below it; room
  // for a horizontal scroll bar only when the columns (about as wide as their headers and the
  // longest name) do not fit.
  const ImGuiStyle& st = ImGui::GetStyle();
  float width = 0;
  for (const char* hd : heads) width += ImGui::CalcTextSize(hd).x + st.CellPadding.x * 2 + 1;
  float nameW = 0;
  for (const GradeReport& g : c.grades)
    nameW = std::max(nameW, ImGui::CalcTextSize(widgetText(g.student)).x);
  width += std::max(0.0f, nameW - ImGui::CalcTextSize(heads[0]).x);
  const float scrollBar = width > ImGui::GetContentRegionAvail().x ? st.ScrollbarSize : 0;
  const float rowH = ImGui::GetTextLineHeight() + st.CellPadding.y * 2;  // as tables lay out rows
  float h = std::min(rowH * (c.grades.size() + 1) + scrollBar + 2,
                     ImGui::GetContentRegionAvail().y * (c.gradeRow >= 0 ? 0.5f : 1.0f));
  if (ImGui::BeginTable("##grades", static_cast<int>(std::size(heads)), flags, ImVec2(0, h))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const char* hd : heads) ImGui::TableSetupColumn(hd);
    ImGui::TableHeadersRow();
    for (int k = 0; k < static_cast<int>(c.grades.size()); ++k) {
      const GradeReport& g = c.grades[k];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(k);
      if (ImGui::Selectable(widgetText(g.student), c.gradeRow == k,
                            ImGuiSelectableFlags_SpanAllColumns))
        c.gradeRow = c.gradeRow == k ? -1 : k;
      recordWidget("grades:row", g.student.c_str());
      ImGui::PopID();
      prfCells(g.exact);
      prfCells(g.overlap);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(fmt(g.macroExact().f1).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(fmt(g.exactUnlabelled.f1()).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(g.relations.tp + g.relations.fp + g.relations.fn == 0
                                 ? "\xE2\x80\x93"
                                 : fmt(g.relations.f1()).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%zu / %zu / %zu", g.exact.tp, g.exact.fp, g.exact.fn);
      ImGui::TableNextColumn();
      ImGui::Text("%zu", g.documents);
      if (ImGui::IsItemHovered() && !g.documentNames.empty())
        ImGui::SetTooltip("%s", widgetText(joinedNames(g.documentNames)));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(minutesText(g.progress.activeSeconds).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%u", g.progress.checks);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(g.progress.startedAt.empty() ? "\xE2\x80\x93"
                                                          : g.progress.startedAt.c_str());
    }
    ImGui::EndTable();
  }
  if (c.gradeRow < 0 || c.gradeRow >= static_cast<int>(c.grades.size())) return;
  const GradeReport& g = c.grades[c.gradeRow];
  drawErrorProfile(g);
  ImGui::Text("%s, per label", widgetText(g.student));
  const std::size_t rows = g.perLabel.size() + g.perRelationType.size() + 1;
  const float h2 = std::min(rowH * rows + 2, ImGui::GetContentRegionAvail().y);
  if (ImGui::BeginTable("##perlabel", 8, flags, ImVec2(0, h2))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    const char* labelHeads[] = {"Label",     "Exact P",   "Exact R",    "Exact F1",
                                "Overlap P", "Overlap R", "Overlap F1", "tp / fp / fn"};
    for (const char* hd : labelHeads) ImGui::TableSetupColumn(hd);
    ImGui::TableHeadersRow();
    for (const LabelCounts& l : g.perLabel) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::ColorButton("##c",
                         ImGui::ColorConvertU32ToFloat4(labelColorFor(s.editor.schema(), l.label)),
                         ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
      ImGui::SameLine();
      ImGui::TextUnformatted(widgetText(l.label));
      prfCells(l.exact);
      prfCells(l.overlap);
      ImGui::TableNextColumn();
      ImGui::Text("%zu / %zu / %zu", l.exact.tp, l.exact.fp, l.exact.fn);
    }
    for (const auto& kv : g.perRelationType) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("(relation) %s", widgetText(kv.first));
      prfCells(kv.second);
      for (int i = 0; i < 3; ++i) ImGui::TableNextColumn();
      ImGui::TableNextColumn();
      ImGui::Text("%zu / %zu / %zu", kv.second.tp, kv.second.fp, kv.second.fn);
    }
    ImGui::EndTable();
  }
}

void drawReviewWindow(UiState& s) {
  ClassroomState& c = s.classroom;
  // Docked low over the text at first, so the passages it scrolls to stay visible above it.
  // A full view takes the whole work area for the tables and charts; back in the window, it is
  // where the teacher left it (and can be resized).
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGuiWindowFlags flags = 0;
  if (c.reviewFull) {
    ImGui::SetNextWindowPos(vp->WorkPos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(vp->WorkSize, ImGuiCond_Always);
    flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;
  } else if (c.reviewRestore) {
    c.reviewRestore = false;
    ImGui::SetNextWindowPos(ImVec2(c.reviewRect[0], c.reviewRect[1]), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(c.reviewRect[2], c.reviewRect[3]), ImGuiCond_Always);
  } else {
    ImGui::SetNextWindowSize(ImVec2(std::min(980.0f, vp->Size.x - 40), vp->Size.y * 0.52f),
                             ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - 30),
                            ImGuiCond_FirstUseEver, ImVec2(0.5f, 1.0f));
  }
  if (!ImGui::Begin("Class review###classroom-review", &c.showReview, flags)) return ImGui::End();
  if (keys::escapeCloses()) c.showReview = false;
  if (!c.reviewFull) {
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    c.reviewRect[0] = pos.x;
    c.reviewRect[1] = pos.y;
    c.reviewRect[2] = size.x;
    c.reviewRect[3] = size.y;
  }
  if (ImGui::Button(c.reviewFull ? "Back to the text" : "Full view")) {
    c.reviewRestore = c.reviewFull;
    c.reviewFull = !c.reviewFull;
  }
  recordWidget("review:full");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(c.reviewFull ? "The review as a window over the text again"
                                   : "Give the review the whole window (the text is hidden)");
  ImGui::SameLine();
  if (ImGui::Button("Definitions")) s.prefs.showDefinitions = true;
  recordWidget("review:definitions");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("How grades, agreement and adjudication are computed");
  ImGui::SameLine();
  if (ImGui::Button("Load student files...")) {
    c.wantFiles = true;
    c.wantFilesSince = s.platform.now();
    s.platform.openFileChooser(".json", true);
  }
  recordWidget("review:load");
  ImGui::SameLine();
  if (ImGui::Button("Recompute")) recomputeReview(s);
  recordWidget("review:recompute");
  ImGui::SameLine();
  if (c.wantFiles) {
    ImGui::TextDisabled("Waiting for the chosen files...");
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel")) c.wantFiles = false;  // e.g. the chooser was dismissed
  } else if (c.computed && c.computedSignature != layersSignature(s.editor))
    ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.10f, 1),
                       "Annotations changed since: Recompute to update grades and agreement.");
  else if (c.students.empty())
    ImGui::TextDisabled("No students yet: load their hand-in files.");
  else
    ImGui::TextDisabled("%zu students: %s", c.students.size(), widgetText(c.studentList));
  if (!c.loadWarnings.empty() || !c.warnings.empty()) {
    std::string head =
        std::to_string(c.loadWarnings.size() + c.warnings.size()) + " warning(s)###warnings";
    if (ImGui::CollapsingHeader(head.c_str())) {
      for (const std::string& w : c.loadWarnings) ImGui::BulletText("%s", w.c_str());
      for (const std::string& w : c.warnings) ImGui::BulletText("%s", w.c_str());
    }
  }
  if (c.students.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped(
        "Load the files your students handed in. Each file's annotations join the document with "
        "the same text as that student's layer. Grades compare each student with the answer key "
        "(a layer named \"%s\", or your own annotations); agreement compares the students with "
        "each other.",
        keyNameOf(s.editor).c_str());
    return ImGui::End();
  }
  if (ImGui::BeginTabBar("##review")) {
    const char* tabs[] = {"Grades", "Agreement", "Disagreements", "Adjudication"};
    void (*draw[])(UiState&) = {drawGradesTab, drawAgreementTab, drawDisagreementsTab,
                                drawAdjudicationTab};
    for (int t = 0; t < 4; ++t) {
      ImGuiTabItemFlags f = c.selectTab == t ? ImGuiTabItemFlags_SetSelected : 0;
      const bool open = ImGui::BeginTabItem(tabs[t], nullptr, f);
      recordWidget("review-tab", tabs[t]);
      if (open) {
        draw[t](s);
        ImGui::EndTabItem();
      }
    }
    c.selectTab = -1;
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace scholion::ui
