// Other tools' formats in the app: File > Import and File > Export as (opening their files is
// sorted in core, opened_files.cpp).
#include "format_util.h"
#include "keys.h"
#include "panels.h"
#include "text.h"
#include "widget_registry.h"
#include "zip_writer.h"

namespace scholion::ui {
namespace {

// File > Export as: one row per menu item, with what it writes.
constexpr ExportChoice kExportChoices[] = {
    {"export-brat", "brat standoff (.zip of .txt + .ann + .conf)", Format::Brat, BioScheme::Iob2,
     DoccanoForm::Entities, "", "application/zip"},
    {"export-conll-iob2", "CoNLL, IOB2 tags (.conll)", Format::Conll, BioScheme::Iob2,
     DoccanoForm::Entities, "-iob2", "text/plain"},
    {"export-conll-iob1", "CoNLL-2003, IOB1 tags (.conll)", Format::Conll, BioScheme::Iob1,
     DoccanoForm::Entities, "-iob1", "text/plain"},
    {"export-doccano", "doccano JSONL, entities + relations (.jsonl)", Format::Doccano,
     BioScheme::Iob2, DoccanoForm::Entities, "-doccano", "application/x-ndjson"},
    {"export-doccano-label", "doccano JSONL, sequence labelling \"label\" (.jsonl)",
     Format::Doccano, BioScheme::Iob2, DoccanoForm::Label, "-doccano-label",
     "application/x-ndjson"},
    {"export-webanno", "W3C Web Annotation (.jsonld)", Format::WebAnno, BioScheme::Iob2,
     DoccanoForm::Entities, "", "application/ld+json"},
    {"export-labelstudio", "Label Studio JSON (.json)", Format::LabelStudio, BioScheme::Iob2,
     DoccanoForm::Entities, "-labelstudio", "application/json"},
};

}  // namespace

void UiState::exportAs(const ExportChoice& c) {
  if (!hasDoc()) return setMessage("Nothing to export", true);
  // Computed on click only: the whole workspace, as it is now.
  const std::string stem = workspaceExportStem();
  ExportOptions options;
  options.scheme = c.scheme;
  options.doccanoForm = c.doccanoForm;
  options.webAnno.baseIri = dialogs.webAnnoBaseIri;
  std::vector<std::string> warnings;
  Result<std::vector<NamedFile>> files =
      exportFiles(editor.snapshot(), c.format, options, stem + c.suffix, &warnings);
  if (!files) return setMessage("Export failed: " + files.error(), true);
  std::string fileName, bytes;
  if (c.format == Format::Brat) {
    // A .txt and an .ann per document plus .conf files: one archive, one download prompt.
    Result<std::string> zip = writeStoredZip(*files);
    if (!zip) return setMessage("Export failed: " + zip.error(), true);
    fileName = stem + "-brat.zip";
    bytes = std::move(*zip);
  } else {
    if (files->empty()) return setMessage("Export failed: nothing was written", true);
    fileName = files->front().name;
    bytes = std::move(files->front().bytes);
  }
  if (!offerFile(fileName, bytes, c.mime)) return;
  dialogs.exportWarnings = std::move(warnings);
  dialogs.exportWarningsFile = fileName;
  if (dialogs.exportWarnings.empty()) return;
  dialogs.openExportWarnings = true;
  setMessage(savedMessage(platform, fileName) + " with " +
             std::to_string(dialogs.exportWarnings.size()) + " warning(s), listed");
}

void drawExchangeMenuItems(UiState& s) {
  if (namedMenuItem("import-other", "Import from brat, CoNLL, doccano, Label Studio (.zip too)..."))
    s.platform.openFileChooser(kImportAccept, true);
  if (beginNamedMenu("export-as", "Export as", s.hasDoc())) {
    ImGui::TextDisabled("The whole workspace, your annotations");
    ImGui::Separator();
    for (const ExportChoice& c : kExportChoices)
      if (namedMenuItem(c.id, c.label)) s.exportAs(c);
    ImGui::Separator();
    // Web Annotation names each document by an IRI: this prefix + its name, or urn:sha256:.
    ImGui::TextDisabled("Web Annotation base IRI (empty: urn:sha256 of each text)");
    ImGui::SetNextItemWidth(360);
    ImGui::InputTextWithHint("##webanno-base", "https://example.org/texts/",
                             s.dialogs.webAnnoBaseIri, sizeof s.dialogs.webAnnoBaseIri);
    recordWidget("export-webanno-base");
    drawLimitNote(s.dialogs.webAnnoBaseIri, sizeof s.dialogs.webAnnoBaseIri);
    ImGui::EndMenu();
  }
}

void drawWarningList(const std::vector<std::string>& lines, const char* id) {
  // One line each, clipped: a long list costs only the rows on screen.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float rows = static_cast<float>(std::min<std::size_t>(lines.size(), 12));
  ImGui::BeginChild(
      id,
      ImVec2(std::min(760.0f, vp->WorkSize.x * 0.8f),
             rows * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2),
      true, ImGuiWindowFlags_HorizontalScrollbar);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      ImGui::TextUnformatted(lines[static_cast<std::size_t>(i)].c_str());
  ImGui::EndChild();
}

void drawExportWarningsModal(UiState& s) {
  const char* title = "Export warnings";
  if (s.dialogs.openExportWarnings) {
    ImGui::OpenPopup(title);
    s.dialogs.openExportWarnings = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(title, nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
    return;
  ImGui::Text("%s was written, but the format could not hold everything:",
              s.dialogs.exportWarningsFile.c_str());
  ImGui::Spacing();
  drawWarningList(s.dialogs.exportWarnings, "##warnings");
  ImGui::TextDisabled("%zu warning(s). Scholion JSON (Ctrl+S) keeps everything.",
                      s.dialogs.exportWarnings.size());
  ImGui::Spacing();
  if (ImGui::Button("OK", ImVec2(120, 0)) || keys::escapeCloses()) ImGui::CloseCurrentPopup();
  recordWidget("export-warnings:ok");
  ImGui::SameLine();
  if (ImGui::Button("Copy list")) {
    std::string all;
    for (const std::string& w : s.dialogs.exportWarnings) all += w + "\n";
    s.platform.setClipboard(all);
    s.setMessage("Copied " + std::to_string(s.dialogs.exportWarnings.size()) + " warning(s)");
  }
  recordWidget("export-warnings:copy");
  ImGui::EndPopup();
}

}  // namespace scholion::ui
