// Label Studio JSON tasks: data.text + annotations[].result[] (labels, relation, choices); UTF-16
// offsets.
#pragma once

#include <string>
#include <vector>

#include "model.h"
#include "result.h"

namespace scholion {

// Import: an array of tasks (or one task object). The text is data.text (else the first string in
// data). Each entry of "annotations" (or the older "completions") is one annotator's layer: the
// first becomes DocumentData::annotations, the others DocumentData::others (annotator from
// completed_by). Result items: "labels" -> spans (value.start/end are UTF-16 code units, converted
// to code points; a region with several labels gives one span per label, ids "<id>", "<id>_2"...),
// "relation" -> relations (direction "left" swaps the ends; no label -> "relation"), "choices" ->
// document labels, a "textarea" with a region's id -> that span's note. Anything else, the task's
// other fields and the from_name/to_name used are kept in extras["labelstudio"] and written back.
// Errors are "file: /json/pointer: what" (syntax errors "file:line:col: what").
Result<Workspace> parseLabelStudioJson(const std::string& name, const std::string& bytes);

// One task per document; the working layer and every other layer become annotations.
// Discontinuous spans are written one region per fragment (with a warning); attributes are dropped
// (with a warning).
std::string writeLabelStudioJson(const Workspace& ws, std::vector<std::string>* warnings = nullptr);

}  // namespace scholion
