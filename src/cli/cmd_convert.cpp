// "scholion convert IN OUT": reads any importable format and writes any exportable one.
#include <filesystem>
#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "zip_writer.h"

namespace scholion::cli {
namespace {

const char kHelp[] =
    "Usage: scholion convert IN OUT [--from F] [--to F] [--scheme iob1|iob2|bioes]\n"
    "                               [--doccano-form entities|label] [--base-iri IRI] "
    "[--all-layers]\n"
    "\n"
    "Reads IN (format from --from or its extension) and writes OUT (format from --to or its\n"
    "extension; .json is Scholion JSON: use --to labelstudio for Label Studio).\n"
    "brat input: give the .ann (or .txt) file; its .txt/.ann partner and the annotation.conf,\n"
    "visual.conf and kb_shortcuts.conf of the same folder are read too; or give a folder to read\n"
    "every document in it. A .zip as IN is read as the files inside it (stored or deflated).\n"
    "brat output: OUT ending in .ann writes OUT and the .txt next to it (one document); OUT\n"
    "ending in .zip writes one archive (as the web app's export); any other OUT is a folder that\n"
    "receives <doc>.txt, <doc>.ann and the .conf files.\n"
    "\n"
    "  --scheme        CoNLL tags: iob2 (default), iob1 (original CoNLL-2003), bioes\n"
    "  --doccano-form  entities (default; with relations) or label ([[start,end,label]])\n"
    "  --base-iri      Web Annotation: documents are named IRI + their file name (default:\n"
    "                  urn:sha256: of their text)\n"
    "  --all-layers    Web Annotation: export every annotator's layer, not only the working one\n"
    "\n"
    "What the source format only warns about (brat configuration problems) and what the target\n"
    "format cannot hold are printed as 'warning: ...' lines on stderr (CoNLL: every span left\n"
    "out, with id, label and text). Exit status: 0 written, 1 failed, 2 usage\n"
    "error.\n";

}  // namespace

int cmdConvert(int argc, char** argv) {
  namespace fs = std::filesystem;
  ParsedArgs args;
  std::string err =
      parseArgs(argc, argv, {"--from", "--to", "--scheme", "--doccano-form", "--base-iri"},
                {"--all-layers"}, args);
  if (auto exit = helpOrUsage(args, err, args.positional.size() == 2, "convert",
                              "expected IN and OUT", kHelp))
    return *exit;
  const std::string& in = args.positional[0];
  const std::string& out = args.positional[1];
  Format from, to;
  if (!formatOption(args, "--from", from) || !formatOption(args, "--to", to)) return 2;
  if (from != Format::Unknown && !canImport(from)) {
    std::cerr << "scholion convert: " << formatName(from) << " cannot be read\n";
    return 2;
  }
  std::error_code ec;
  const bool zipOut = fs::path(out).extension() == ".zip";  // brat in one archive, as the web app
  if (to == Format::Unknown && zipOut) to = Format::Brat;
  if (to == Format::Unknown) {
    to = formatFromFileName(out);
    if (to == Format::Unknown && (fs::is_directory(out, ec) || out.back() == '/'))
      to = Format::Brat;
  }
  if (to == Format::Unknown) {
    std::cerr << "scholion convert: cannot tell the output format of '" << out << "'; use --to\n";
    return 2;
  }
  ExportOptions options;
  if (const std::string* s = args.option("--scheme")) {
    auto scheme = bioSchemeFromName(*s);
    if (!scheme) {
      std::cerr << "scholion convert: unknown --scheme '" << *s << "' (iob1, iob2, bioes)\n";
      return 2;
    }
    options.scheme = *scheme;
  }
  if (const std::string* f = args.option("--doccano-form")) {
    if (*f != "entities" && *f != "label") {
      std::cerr << "scholion convert: --doccano-form is entities or label\n";
      return 2;
    }
    options.doccanoForm = *f == "label" ? DoccanoForm::Label : DoccanoForm::Entities;
  }
  if (const std::string* c = args.option("--base-iri")) options.webAnno.baseIri = *c;
  options.webAnno.includeOtherLayers = args.flag("--all-layers");

  std::vector<std::string> warnings;
  auto ws = loadWorkspace(in, from, &from, &warnings);
  if (!ws) {
    std::cerr << ws.error() << "\n";
    return 1;
  }
  std::vector<NamedFile> files;
  if (to == Format::Brat) {
    bool single = out.size() > 4 && out.compare(out.size() - 4, 4, ".ann") == 0;
    auto all = exportFiles(ws.value(), to, options, "", &warnings);
    if (!all) {
      std::cerr << all.error() << "\n";
      return 1;
    }
    if (zipOut) {
      auto zip = writeStoredZip(all.value());
      if (!zip) {
        std::cerr << out << ": " << zip.error() << "\n";
        return 1;
      }
      files.push_back({out, std::move(zip.value())});
    } else if (single) {
      if (ws->documents.size() != 1) {
        std::cerr << "scholion convert: " << ws->documents.size()
                  << " documents cannot go into one .ann file; give a folder as OUT\n";
        return 1;
      }
      fs::path ann(out), txt(out), dir = fs::path(out).parent_path();
      txt.replace_extension(".txt");
      for (auto& f : all.value()) {
        std::string ext = fs::path(f.name).extension().string();
        std::string target = ext == ".ann"   ? ann.string()
                             : ext == ".txt" ? txt.string()
                                             : (dir / f.name).string();
        files.push_back({target, std::move(f.bytes)});
      }
    } else {
      fs::create_directories(out, ec);
      if (ec) {
        std::cerr << out << ": cannot create the folder: " << ec.message() << "\n";
        return 1;
      }
      for (auto& f : all.value())
        files.push_back({(fs::path(out) / f.name).string(), std::move(f.bytes)});
    }
  } else {
    auto bytes = exportFile(ws.value(), to, options, &warnings);
    if (!bytes) {
      std::cerr << bytes.error() << "\n";
      return 1;
    }
    files.push_back({out, std::move(bytes.value())});
  }
  for (const auto& w : warnings) std::cerr << "warning: " << w << "\n";
  for (const auto& f : files) {
    fs::path parent = fs::path(f.name).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    auto st = writeFile(f.name, f.bytes);
    if (!st) {
      std::cerr << st.error() << "\n";
      return 1;
    }
  }
  std::cerr << "converted " << in << " (" << formatName(from) << ", " << ws->documents.size()
            << " documents) to " << out << " (" << formatName(to) << ")\n";
  return 0;
}

}  // namespace scholion::cli
