// Sorting opened files into Scholion JSON, imports (zips expanded, brat grouped) and plain texts.
#include "opened_files.h"

#include <cctype>
#include <set>

#include "html_text.h"
#include "scholion_json.h"
#include "text.h"
#include "zip_reader.h"

namespace scholion {
namespace {

// A .zip stands for its files, as if the user had chosen them all; a broken one adds nothing.
std::vector<NamedFile> expandZips(std::vector<NamedFile> files, std::string& archives,
                                  std::vector<std::string>& errors) {
  std::vector<NamedFile> out;
  for (NamedFile& f : files) {
    if (lowerExtension(f.name) != "zip") {
      out.push_back(std::move(f));
      continue;
    }
    Result<std::vector<NamedFile>> entries = readZip(f.bytes, f.name);
    if (!entries) {
      errors.push_back(entries.error());
      continue;
    }
    if (entries->empty()) errors.push_back(f.name + ": the archive holds no files");
    archives += (archives.empty() ? "" : ", ") + baseName(f.name);
    for (NamedFile& e : *entries) out.push_back(std::move(e));
  }
  return out;
}

void importBrat(const std::vector<NamedFile>& brat, const std::string& archives, OpenedFiles& out) {
  std::size_t anns = 0;
  std::string first;
  for (const NamedFile& f : brat)
    if (lowerExtension(f.name) == "ann" && anns++ == 0) first = baseName(f.name);
  if (anns == 0) {
    out.errors.push_back(
        brat.front().name +
        ": brat configuration without annotations (choose the .ann and .txt files with it)");
    return;
  }
  std::vector<std::string> warnings;
  Result<Workspace> ws = importFiles(brat, Format::Brat, &warnings);
  if (!ws) return out.errors.push_back(ws.error());
  std::string name = anns == 1 ? first : first + " and " + std::to_string(anns - 1) + " more";
  if (!archives.empty()) name = archives + " (" + name + ")";
  out.imports.push_back(ImportedFile{name, std::move(*ws), Format::Brat, std::move(warnings)});
}

}  // namespace

OpenedFiles sortOpenedFiles(std::vector<NamedFile> files) {
  OpenedFiles out;
  std::string archives;  // names of the archives opened, for the import's name
  files = expandZips(std::move(files), archives, out.errors);
  std::set<std::string> annStems;
  for (const NamedFile& f : files)
    if (lowerExtension(f.name) == "ann") annStems.insert(fileStem(f.name));
  std::vector<NamedFile> brat;
  for (NamedFile& f : files) {
    const std::string ext = lowerExtension(f.name);
    if (ext == "ann" || ext == "conf" || (ext == "txt" && annStems.count(fileStem(f.name)))) {
      brat.push_back(std::move(f));
      continue;
    }
    const Format format = ext == "txt" ? Format::Unknown : formatFromFileName(f.name, f.bytes);
    if (format == Format::Scholion && ext == "json") {
      out.scholion.push_back(ParsedFile{f.name, parseScholionJson(f.bytes)});
    } else if (format == Format::WebAnno) {
      out.errors.push_back(f.name + ": W3C Web Annotation files can be exported but not opened");
    } else if (format == Format::Conll || format == Format::Doccano ||
               format == Format::LabelStudio) {
      // All-or-nothing: a file with any problem imports nothing.
      std::vector<std::string> warnings;
      Result<Workspace> ws = importFile(f.name, f.bytes, format, &warnings);
      if (!ws)
        out.errors.push_back(ws.error());
      else
        out.imports.push_back(ImportedFile{f.name, std::move(*ws), format, std::move(warnings)});
    } else {
      Result<DocumentData> d = textDocument(f.name, f.bytes);
      if (!d)
        out.errors.push_back(d.error());
      else
        out.texts.push_back(std::move(*d));
    }
  }
  if (!brat.empty()) importBrat(brat, archives, out);
  return out;
}

Result<DocumentData> textDocument(const std::string& name, const std::string& bytes) {
  const std::string ext = lowerExtension(name);
  const bool html = ext == "html" || ext == "htm" || ext == "xhtml";
  std::string text = bytes;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // BOM
  if (auto bad = firstInvalidUtf8(text))
    return fail(name + ": not UTF-8 text (invalid byte at offset " + std::to_string(*bad) +
                "); nothing was opened");
  if (text.find('\0') != std::string::npos)
    return fail(name + ": looks like a binary file (contains NUL bytes); nothing was opened");
  if (html) text = htmlToText(text);
  DocumentData d;
  d.id = safeFilePart(fileStem(name));
  d.name = name;
  d.sha256 = sha256Hex(text);
  d.text = std::move(text);
  return d;
}

std::string safeFilePart(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80)
      out.push_back(static_cast<char>(c));  // UTF-8 letters are kept as they are
    else if (!out.empty() && out.back() != '-')
      out.push_back('-');
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  while (!out.empty() && out.front() == '.') out.erase(out.begin());  // no hidden files
  return out.empty() ? std::string("untitled") : out;
}

}  // namespace scholion
