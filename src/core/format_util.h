// Helpers shared by the foreign file formats: error lists with file:line:col, span checks, schema
// derivation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model.h"
#include "result.h"
#include "text.h"

namespace scholion {

// A file's name and bytes (imports of several files, exports that write several files).
struct NamedFile {
  std::string name;
  std::string bytes;
};

// Distinct names: "name" if free, else "name-2", "name-3", ... (the first free one), in linear
// time however many names repeat (a counter per name, not a search from 2 each time).
class UniqueNames {
 public:
  explicit UniqueNames(std::string separator = "-") : separator_(std::move(separator)) {}
  // Marks `name` as taken without renaming it (names that exist already).
  void reserve(const std::string& name) { taken_.insert(name); }
  bool taken(const std::string& name) const { return taken_.count(name) > 0; }
  std::string take(const std::string& name);
  // Candidates tried so far: each take tries its result once, and a name already taken fails at
  // most twice (as itself and as "base-N" of one base), so probes <= takes + 2 * names taken.
  std::size_t probes() const { return probes_; }

 private:
  std::string separator_;
  std::unordered_set<std::string> taken_;
  std::unordered_map<std::string, std::size_t> next_;  // name -> the next suffix to try
  std::size_t probes_ = 0;
};

// Parses a non-negative decimal that fits uint32 (digits only: no sign, no spaces).
bool parseUint32(std::string_view s, uint32_t& out);

// Collects the first few problems of an import (all-or-nothing: any problem fails the import).
class ErrorList {
 public:
  explicit ErrorList(std::string file, std::size_t limit = 10)
      : file_(std::move(file)), limit_(limit) {}
  // "file:line:col: message"; line/col are 1-based (col counts code points); 0 omits them.
  void add(std::size_t line, std::size_t col, const std::string& message);
  void addRaw(const std::string& message);  // already located (e.g. from the JSON parser)
  bool empty() const { return messages_.empty(); }
  bool full() const { return messages_.size() >= limit_; }
  const std::string& file() const { return file_; }
  Error error() const;  // messages joined by newlines (+ "... more problems" when capped)

 private:
  std::string file_;
  std::size_t limit_;
  std::size_t dropped_ = 0;
  std::vector<std::string> messages_;
};

// Builds a document's data (id, name, text, sha256) after checking the text is valid UTF-8.
Result<DocumentData> makeDocumentData(const std::string& id, const std::string& name,
                                      std::string text);

// Checks a span's fragments (or start/end) against a text of `length` code points, normalises
// start/end from the fragments and fills span.text. Returns "" or what is wrong.
std::string finishSpan(Span& span, const std::string& text, const OffsetIndex& index);

// The covered text of [start, end) of a text indexed by `index`.
std::string sliceCp(const std::string& text, const OffsetIndex& index, uint32_t start,
                    uint32_t end);

// Adds to `schema` every span label, relation type, attribute and document label used in `ws` but
// missing from it (so that a format without a schema still gives a usable workspace).
void addMissingToSchema(Schema& schema, const Workspace& ws);

// Ends a one-file import: the collected errors if any, else `ws` with its schema named after the
// file's stem and completed by addMissingToSchema.
Result<Workspace> finishImport(Workspace ws, const ErrorList& errors, std::string_view name);

// A distinct default colour "#rrggbb" for the i-th label.
std::string defaultLabelColor(std::size_t i);

// The file's base name without folders; the stem also drops the last extension.
std::string baseName(std::string_view path);
std::string fileStem(std::string_view path);
// The last extension in lower case, without the dot: "txt" for "a/b/Story.TXT"; "" if none.
std::string lowerExtension(std::string_view path);

// Replaces whitespace by '_' (for formats whose names cannot hold spaces).
std::string noSpaces(std::string_view s);

}  // namespace scholion
