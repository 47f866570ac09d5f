// The format registry: detection and dispatch to each format's reader and writer.
#include "formats.h"

#include <algorithm>
#include <cctype>

#include "format_brat.h"
#include "format_labelstudio.h"
#include "scholion_json.h"
#include "workspace_check.h"

namespace scholion {

namespace {

// One row per format: the facts the names, titles and extensions come from.
struct FormatFacts {
  Format format;
  const char* name;
  const char* title;
  const char* extension;
};
constexpr FormatFacts kFormatFacts[] = {
    {Format::Scholion, "scholion", "Scholion JSON", ".json"},
    {Format::Brat, "brat", "brat standoff", ".ann"},
    {Format::Conll, "conll", "CoNLL", ".conll"},
    {Format::Doccano, "doccano", "doccano JSONL", ".jsonl"},
    {Format::WebAnno, "webanno", "W3C Web Annotation", ".jsonld"},
    {Format::LabelStudio, "labelstudio", "Label Studio JSON", ".json"},
};

const FormatFacts* factsOf(Format format) {
  for (const FormatFacts& f : kFormatFacts)
    if (f.format == format) return &f;
  return nullptr;
}

}  // namespace

const char* formatName(Format format) {
  const FormatFacts* f = factsOf(format);
  return f ? f->name : "unknown";
}

const char* formatTitle(Format format) {
  const FormatFacts* f = factsOf(format);
  return f ? f->title : "unknown format";
}

Format formatFromName(std::string_view name) {
  std::string n = asciiLower(name);
  if (n == "scholion" || n == "json") return Format::Scholion;
  if (n == "brat" || n == "ann" || n == "standoff") return Format::Brat;
  if (n == "conll" || n == "iob" || n == "iob1" || n == "iob2" || n == "bio" || n == "bioes")
    return Format::Conll;
  if (n == "doccano" || n == "jsonl") return Format::Doccano;
  if (n == "webanno" || n == "w3c" || n == "jsonld" || n == "web-annotation")
    return Format::WebAnno;
  if (n == "labelstudio" || n == "label-studio" || n == "ls") return Format::LabelStudio;
  return Format::Unknown;
}

Format formatFromFileName(std::string_view path, std::string_view content) {
  const std::string ext = lowerExtension(path);
  if (ext == "ann" || ext == "txt" || ext == "conf") return Format::Brat;
  if (ext == "conll" || ext == "iob" || ext == "bio" || ext == "bioes" || ext == "tsv" ||
      ext == "conll03")
    return Format::Conll;
  if (ext == "jsonl") return Format::Doccano;
  if (ext == "jsonld") return Format::WebAnno;
  if (ext == "json" || ext == "scholion") {
    std::size_t i = content.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos) return Format::Scholion;
    if (content[i] == '[') return Format::LabelStudio;
    std::string_view head = content.substr(i, 4096);
    if (head.find("AnnotationCollection") != std::string_view::npos) return Format::WebAnno;
    if (head.find("\"scholion\"") == std::string_view::npos &&
        head.find("\"data\"") != std::string_view::npos)
      return Format::LabelStudio;
    return Format::Scholion;
  }
  return Format::Unknown;
}

bool canImport(Format format) {
  return format != Format::Unknown && format != Format::WebAnno;
}
bool canExport(Format format) {
  return format != Format::Unknown;
}

const char* formatExtension(Format format) {
  const FormatFacts* f = factsOf(format);
  return f ? f->extension : ".json";
}

std::string formatsHelp() {
  return "  scholion     .json     Scholion JSON (keeps everything)      import, export\n"
         "  brat         .ann+.txt brat standoff (+ annotation.conf)     import, export\n"
         "  conll        .conll    CoNLL/IOB token per line              import, export\n"
         "  doccano      .jsonl    doccano JSONL                         import, export\n"
         "  labelstudio  .json     Label Studio tasks                    import, export\n"
         "  webanno      .jsonld   W3C Web Annotation                    export\n";
}

namespace {

Result<Workspace> importUnchecked(const std::vector<NamedFile>& files, Format format,
                                  std::vector<std::string>& warnings);

}  // namespace

Result<Workspace> importFiles(const std::vector<NamedFile>& files, Format format,
                              std::vector<std::string>* warnings) {
  std::vector<std::string> notes;
  auto ws = importUnchecked(files, format, notes);
  if (!ws) return ws;
  // The last gate: what an import gives must be what Editor::replaceWorkspace accepts.
  auto problems = workspaceProblems(ws.value());
  if (!problems.empty()) {
    return fail(joinProblems(files[0].name + ": the imported data is not valid", problems, 10));
  }
  if (warnings) warnings->insert(warnings->end(), notes.begin(), notes.end());
  return ws;
}

namespace {

Result<Workspace> importUnchecked(const std::vector<NamedFile>& files, Format format,
                                  std::vector<std::string>& warnings) {
  if (files.empty()) return fail("no file to import");
  if (format == Format::Unknown) format = formatFromFileName(files[0].name, files[0].bytes);
  if (format == Format::Unknown) {
    return fail(files[0].name +
                ": unknown format (name it with --from: scholion, brat, conll, "
                "doccano, labelstudio)");
  }
  if (!canImport(format))
    return fail(files[0].name + ": " + formatName(format) + " cannot be imported");
  if (format == Format::Brat) return importBratFiles(files, &warnings);
  Workspace merged;
  UniqueNames ids;  // document ids of the merged files, each once
  for (std::size_t i = 0; i < files.size(); ++i) {
    const NamedFile& f = files[i];
    Result<Workspace> r = fail("");
    switch (format) {
      case Format::Scholion:
        r = parseScholionJson(f.bytes);
        break;
      case Format::Conll:
        r = parseConll(f.name, f.bytes);
        break;
      case Format::Doccano:
        r = parseDoccanoJsonl(f.name, f.bytes);
        break;
      default:
        r = parseLabelStudioJson(f.name, f.bytes);
        break;
    }
    if (!r) {
      std::string msg = r.error();
      // Scholion JSON messages do not carry the file name.
      if (format == Format::Scholion && msg.rfind(f.name, 0) != 0) msg = f.name + ": " + msg;
      return fail(msg);
    }
    if (i == 0) {
      merged = std::move(r.value());
      for (const auto& d : merged.documents) ids.reserve(d.id);
      continue;
    }
    for (auto& d : r->documents) {
      d.id = ids.take(d.id);
      merged.documents.push_back(std::move(d));
    }
  }
  if (files.size() > 1) addMissingToSchema(merged.schema, merged);
  return merged;
}

}  // namespace

Result<Workspace> importFile(const std::string& name, const std::string& bytes, Format format,
                             std::vector<std::string>* warnings) {
  return importFiles({NamedFile{name, bytes}}, format, warnings);
}

Result<std::string> exportFile(const Workspace& ws, Format format, const ExportOptions& options,
                               std::vector<std::string>* warnings) {
  switch (format) {
    case Format::Scholion:
      return writeScholionJson(ws);
    case Format::Brat: {
      std::size_t i = options.document == std::numeric_limits<std::size_t>::max()
                          ? ws.activeDocument
                          : options.document;
      if (i >= ws.documents.size()) return fail("brat export: no such document");
      return writeBratAnn(ws.documents[i], warnings, &ws.schema);
    }
    case Format::Conll: {
      auto r = writeConll(ws, options.scheme);
      if (!r) return fail(r.error());
      if (warnings) {
        for (const auto& l : r->leftOut) warnings->push_back(l.describe());
        for (const auto& n : r->notes) warnings->push_back(n);
      }
      return std::move(r->text);
    }
    case Format::Doccano:
      return writeDoccanoJsonl(ws, options.doccanoForm, warnings);
    case Format::WebAnno:
      if (!options.webAnno.baseIri.empty() && !isAbsoluteIri(options.webAnno.baseIri))
        return fail("base IRI '" + options.webAnno.baseIri +
                    "' is not an absolute IRI (it needs a scheme, such as https: or urn:, and no "
                    "spaces)");
      return writeWebAnnotation(ws, options.webAnno, warnings);
    case Format::LabelStudio:
      return writeLabelStudioJson(ws, warnings);
    default:
      return fail("unknown export format");
  }
}

Result<std::vector<NamedFile>> exportFiles(const Workspace& ws, Format format,
                                           const ExportOptions& options,
                                           const std::string& baseName,
                                           std::vector<std::string>* warnings) {
  if (format == Format::Brat) return writeBratFiles(ws, warnings);
  auto r = exportFile(ws, format, options, warnings);
  if (!r) return fail(r.error());
  return std::vector<NamedFile>{{baseName + formatExtension(format), std::move(r.value())}};
}

}  // namespace scholion
