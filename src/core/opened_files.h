// What a set of opened files is: zips stand for their entries, brat .txt/.ann/.conf go together,
// other tools' files are imports, Scholion JSON is parsed once, the rest are plain texts. One rule
// for the web app, the desktop and the CLI.
#pragma once

#include <string>
#include <vector>

#include "format_util.h"
#include "formats.h"
#include "workspace_ops.h"

namespace scholion {

// Another tool's file (or a brat group) read into a workspace, waiting for open-or-merge.
struct ImportedFile {
  std::string name;  // for messages and the dialog title ("a.ann and 2 more", "corpus.zip (a.ann)")
  Workspace workspace;
  Format format = Format::Unknown;
  std::vector<std::string> warnings;  // what the file's own tool would only warn about
};

struct OpenedFiles {
  std::vector<ParsedFile> scholion;   // Scholion JSON (parsed, or why not)
  std::vector<ImportedFile> imports;  // brat, CoNLL, doccano, Label Studio
  std::vector<DocumentData> texts;    // plain text and HTML documents (ids from the file names)
  std::vector<std::string> errors;    // one per file that gave nothing, saying what and where
  bool onlyScholion() const { return imports.empty() && texts.empty() && errors.empty(); }
};

// Sorts and reads opened files. A .txt is a brat document only beside an .ann of the same stem;
// alone it stays a plain text. A file with a problem adds an error and nothing else.
OpenedFiles sortOpenedFiles(std::vector<NamedFile> files);

// A plain text (or HTML, converted) as a document: UTF-8 only (a BOM is dropped), no NUL bytes.
Result<DocumentData> textDocument(const std::string& name, const std::string& bytes);

// File names keep letters, digits, '-', '_', '.' and UTF-8; everything else becomes '-'; no
// leading or trailing dots (no hidden files), "untitled" when nothing is left.
std::string safeFilePart(const std::string& s);

}  // namespace scholion
