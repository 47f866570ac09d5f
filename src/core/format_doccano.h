// doccano JSONL: one document per line, spans as "label" [[s,e,L]] or "entities"/"relations",
// document labels.
#pragma once

#include <string>
#include <vector>

#include "model.h"
#include "result.h"

namespace scholion {

enum class DoccanoForm {
  Entities,  // {"text", "entities":[{id,label,start_offset,end_offset}], "relations":[...],
             // "label":[doc labels]}
  Label,     // {"text", "label":[[start,end,"L"],...], "cats":[doc labels]}  (sequence labelling)
};

// Import accepts both forms on any line: "label" as [[s,e,L]] (spans) or ["A","B"] (document
// labels), "entities"/"relations", and "cats" (["A"] or {"A": true/1.0}) for document labels.
// The text is "text" (or "data"). Offsets are code points. Every other field of a line (id, meta,
// ...) is kept in AnnotationLayer::extras["doccano"] (a JSON object) and written back on export.
// Errors are "file:line:col: /json/pointer: what".
Result<Workspace> parseDoccanoJsonl(const std::string& name, const std::string& bytes);

// One line per document (working layer). Discontinuous spans are written fragment by fragment in
// the Label form and left out (with a warning) in the Entities form; attributes and notes are
// dropped with a warning. Entity and relation ids are numbered 1.. across the file.
std::string writeDoccanoJsonl(const Workspace& ws, DoccanoForm form,
                              std::vector<std::string>* warnings = nullptr);

}  // namespace scholion
