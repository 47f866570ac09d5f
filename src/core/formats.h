// The format registry: names, detection from file names, and import/export through one entry point.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "format_conll.h"
#include "format_doccano.h"
#include "format_util.h"
#include "format_webanno.h"
#include "model.h"
#include "result.h"

namespace scholion {

enum class Format { Unknown, Scholion, Brat, Conll, Doccano, WebAnno, LabelStudio };

// "scholion", "brat", "conll", "doccano", "webanno", "labelstudio".
const char* formatName(Format format);
// For people: "brat standoff", "CoNLL", "doccano JSONL", "Label Studio JSON", ...
const char* formatTitle(Format format);
// Canonical names and aliases (json, ann, iob, iob2, bio, jsonl, w3c, jsonld, ls, label-studio);
// Unknown if none.
Format formatFromName(std::string_view name);
// From the extension (.ann/.txt/.conf brat, .conll/.iob/.bio/.bioes/.tsv CoNLL, .jsonl doccano,
// .jsonld Web Annotation); ".json" looks at `content` when given (a JSON array or a task object
// is Label Studio, an AnnotationCollection is Web Annotation, otherwise Scholion).
Format formatFromFileName(std::string_view path, std::string_view content = std::string_view());
bool canImport(Format format);  // every format but WebAnno
bool canExport(Format format);  // every format but Unknown
// One line per format for help texts: "brat  .ann + .txt (+ annotation.conf)  import, export".
std::string formatsHelp();

struct ExportOptions {
  BioScheme scheme = BioScheme::Iob2;               // CoNLL
  DoccanoForm doccanoForm = DoccanoForm::Entities;  // doccano
  WebAnnoOptions webAnno;                           // Web Annotation
  // Formats with one document per file (brat .ann) write this one; npos = ws.activeDocument.
  std::size_t document = std::numeric_limits<std::size_t>::max();
};

// All-or-nothing import. Format::Unknown detects from the name (and content). `warnings` gets
// what the file's own tool would only warn about (the import still works), e.g. a brat
// configuration problem; nothing is added when the import fails.
Result<Workspace> importFile(const std::string& name, const std::string& bytes,
                             Format format = Format::Unknown,
                             std::vector<std::string>* warnings = nullptr);
// Several files of one format (brat: .txt/.ann pairs + .conf files); other formats merge the
// documents of each file into one workspace (the first file's schema wins, labels are added).
Result<Workspace> importFiles(const std::vector<NamedFile>& files, Format format = Format::Unknown,
                              std::vector<std::string>* warnings = nullptr);

// The main file of an export (brat: the .ann of one document). Warnings say what the format could
// not hold (CoNLL: every span left out, with its id, label and text).
Result<std::string> exportFile(const Workspace& ws, Format format,
                               const ExportOptions& options = ExportOptions(),
                               std::vector<std::string>* warnings = nullptr);
// Every file of an export: brat gives <doc>.txt + <doc>.ann per document and the .conf files;
// other formats give one file named baseName + the format's extension.
Result<std::vector<NamedFile>> exportFiles(const Workspace& ws, Format format,
                                           const ExportOptions& options,
                                           const std::string& baseName,
                                           std::vector<std::string>* warnings = nullptr);
// The usual extension of a format's main file (".json", ".ann", ".conll", ".jsonl", ".jsonld").
const char* formatExtension(Format format);

}  // namespace scholion
