// Autosave records of one document, written in slices so that no frame waits for a large
// document, and the workspace put back together from its records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "document_state.h"
#include "model.h"
#include "result.h"

namespace scholion {

// Writes the annotations of one document (every layer, without the text, which has a record of
// its own) as JSON: {"layers":[{annotator, spans, relations, documentLabels, extras}, ...]},
// the working layer first. Holds the document, so it stays valid while the user goes on; if the
// document changes before the record is finished, stale() says so and the record is discarded.
class DocumentRecordWriter {
 public:
  explicit DocumentRecordWriter(std::shared_ptr<const DocumentState> doc);
  // Appends up to `items` spans or relations; true once the record is complete.
  bool step(std::size_t items);
  bool stale() const { return doc_->revision() != revision_; }
  uint64_t revision() const { return revision_; }
  const std::string& text() const { return out_; }

 private:
  enum class Phase { LayerStart, Spans, Relations, LayerEnd, Done };
  const AnnotationLayer& layer() const;
  // Appends list[item_...] while fewer than `items` are done; true when the list is complete.
  template <class T>
  bool appendItems(const std::vector<T>& list, std::size_t& done, std::size_t items,
                   void (*append)(std::string&, const T&));
  std::shared_ptr<const DocumentState> doc_;
  uint64_t revision_;
  std::string out_;
  Phase phase_ = Phase::LayerStart;
  std::size_t layer_ = 0, item_ = 0;
};

// A finished record (or a text) is handed to the store in parts of about `partBytes` bytes, one
// part per step, so that no frame converts or stores megabytes at once. Parts end on UTF-8
// character boundaries (each is valid text on its own) and concatenated give `bytes` back; an
// empty record is one empty part.
std::vector<std::string_view> splitIntoParts(std::string_view bytes, std::size_t partBytes);
// Part 0 is stored under the record's own key (a one-part record is stored as before parts
// existed), part n under "<key>/<n>".
std::string partKey(const std::string& key, std::size_t part);

// One span or relation as a record holds it: the bytes of spanJson / relationJson, compact.
void appendSpanRecord(std::string& out, const Span& s);
void appendRelationRecord(std::string& out, const Relation& r);

// One document as the autosave manifest lists it: the keys of its records and what is not in
// them (the name changes by workspace edits that leave the annotations alone).
struct DocumentRecordRef {
  std::string id, name, sha256;
  std::string textKey, recordKey;
  std::size_t textParts = 1, recordParts = 1;
};

// The workspace from the manifest (Scholion JSON without documents; the refs say where each
// document is) and each document's text and record, validated like an opened Scholion file.
// Errors name the document and the key that could not be read.
Result<Workspace> assembleWorkspace(const std::string& manifestWorkspace,
                                    const std::vector<DocumentRecordRef>& refs,
                                    const std::vector<std::string>& texts,
                                    const std::vector<std::string>& records);

}  // namespace scholion
