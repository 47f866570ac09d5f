// Other tools' formats in the web app: opening brat/CoNLL/doccano/Label Studio files, File > Export
// as.
#include <set>

#include "app_impl.h"
#include "format_util.h"
#include "text.h"
#include "widget_registry.h"
#include "zip_reader.h"
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

std::string UiState::takeExchangeFiles(std::vector<OpenedFile>& files) {
  std::string errors;
  auto addError = [&](const std::string& e) { errors += (errors.empty() ? "" : "\n") + e; };
  // A .zip stands for its files, as if the user had chosen them all; a broken one adds nothing.
  std::vector<OpenedFile> unzipped;
  std::string archives;  // names of the archives opened, for the import dialog's title
  for (OpenedFile& f : files) {
    if (lowerExtension(f.name) != "zip") {
      unzipped.push_back(std::move(f));
      continue;
    }
    Result<std::vector<NamedFile>> entries = readZip(f.bytes, f.name);
    if (!entries) {
      addError(entries.error());
      continue;
    }
    if (entries->empty()) addError(f.name + ": the archive holds no files");
    archives += (archives.empty() ? "" : ", ") + baseName(f.name);
    for (NamedFile& e : *entries) unzipped.push_back(OpenedFile{e.name, std::move(e.bytes)});
  }
  files = std::move(unzipped);
  // A .txt is a brat document only beside its .ann; alone it stays a plain text document.
  std::set<std::string> annStems;
  for (const OpenedFile& f : files)
    if (lowerExtension(f.name) == "ann") annStems.insert(fileStem(f.name));
  std::vector<NamedFile> brat;
  std::vector<OpenedFile> rest;
  for (OpenedFile& f : files) {
    const std::string ext = lowerExtension(f.name);
    if (ext == "ann" || ext == "conf" || (ext == "txt" && annStems.count(fileStem(f.name)))) {
      brat.push_back(NamedFile{f.name, std::move(f.bytes)});
      continue;
    }
    const Format format = ext == "txt" ? Format::Unknown : formatFromFileName(f.name, f.bytes);
    if (format == Format::WebAnno) {
      addError(f.name + ": W3C Web Annotation files can be exported but not opened");
    } else if (format == Format::Conll || format == Format::Doccano ||
               format == Format::LabelStudio) {
      // All-or-nothing: a file with any problem queues nothing.
      std::vector<std::string> warnings;
      Result<Workspace> ws = importFile(f.name, f.bytes, format, &warnings);
      if (!ws)
        addError(ws.error());
      else
        pendingImports.push_back(
            PendingImport{f.name, std::move(*ws), format, std::move(warnings)});
    } else {
      rest.push_back(std::move(f));
    }
  }
  files = std::move(rest);
  if (brat.empty()) return errors;
  std::size_t anns = 0;
  std::string first;
  for (const NamedFile& f : brat)
    if (lowerExtension(f.name) == "ann" && anns++ == 0) first = baseName(f.name);
  if (anns == 0) {
    addError(brat.front().name +
             ": brat configuration without annotations (choose the .ann and .txt files with it)");
    return errors;
  }
  std::vector<std::string> warnings;  // what brat only warns about: listed in the import dialog
  Result<Workspace> ws = importFiles(brat, Format::Brat, &warnings);
  if (!ws) {
    addError(ws.error());
    return errors;
  }
  std::string name = anns == 1 ? first : first + " and " + std::to_string(anns - 1) + " more";
  if (!archives.empty()) name = archives + " (" + name + ")";
  pendingImports.push_back(PendingImport{name, std::move(*ws), Format::Brat, std::move(warnings)});
  return errors;
}

void UiState::exportAs(const ExportChoice& c) {
  if (!hasDoc()) return setMessage("Nothing to export", true);
  // Computed on click only: the whole workspace, as it is now.
  const std::string stem = workspaceExportStem();
  ExportOptions options;
  options.scheme = c.scheme;
  options.doccanoForm = c.doccanoForm;
  options.webAnno.baseIri = webAnnoBaseIri;
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
  std::string err = platform.download(fileName, bytes, c.mime);
  if (!err.empty()) return setMessage("Export failed: " + err, true);
  const std::string done =
      (std::string(platform.kind()) == "web" ? "Downloaded " : "Saved ") + fileName;
  exportWarnings = std::move(warnings);
  exportWarningsFile = fileName;
  if (exportWarnings.empty()) return setMessage(done);
  openExportWarnings = true;
  setMessage(done + " with " + std::to_string(exportWarnings.size()) + " warning(s), listed");
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
    ImGui::InputTextWithHint("##webanno-base", "https://example.org/texts/", s.webAnnoBaseIri,
                             sizeof s.webAnnoBaseIri);
    recordWidget("export-webanno-base");
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
  if (s.openExportWarnings) {
    ImGui::OpenPopup(title);
    s.openExportWarnings = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(title, nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
    return;
  ImGui::Text("%s was written, but the format could not hold everything:",
              s.exportWarningsFile.c_str());
  ImGui::Spacing();
  drawWarningList(s.exportWarnings, "##warnings");
  ImGui::TextDisabled("%zu warning(s). Scholion JSON (Ctrl+S) keeps everything.",
                      s.exportWarnings.size());
  ImGui::Spacing();
  if (ImGui::Button("OK", ImVec2(120, 0))) ImGui::CloseCurrentPopup();
  recordWidget("export-warnings:ok");
  ImGui::SameLine();
  if (ImGui::Button("Copy list")) {
    std::string all;
    for (const std::string& w : s.exportWarnings) all += w + "\n";
    s.platform.setClipboard(all);
    s.setMessage("Copied " + std::to_string(s.exportWarnings.size()) + " warning(s)");
  }
  recordWidget("export-warnings:copy");
  ImGui::EndPopup();
}

}  // namespace scholion::ui
