// Label Studio JSON tasks: data.text + annotations[].result[] (labels, relation, choices) and
// predictions; code-point offsets.
#pragma once

#include <string>
#include <vector>

#include "model.h"
#include "result.h"

namespace scholion {

// Import: an array of tasks (or one task object). The text is data.text (else the first string in
// data); a task with data only is a plain document. Each entry of "annotations" (or the older
// "completions") is one annotator's layer: the first becomes DocumentData::annotations, the others
// DocumentData::others (annotator from completed_by). Each entry of "predictions" is a layer of
// DocumentData::others named after its model_version ("predictions" if none), to be reviewed; it
// is written back as a prediction. Result items: "labels" -> spans (value.start/end are Unicode
// code points, as Label Studio's own emoji tests expect; a region with several labels gives one
// span per label, ids "<id>", "<id>_2"...), "relation" -> relations ("left" swaps the ends; a
// relation without labels is shown as "relation"; direction and missing labels are written back
// as read), "choices" -> document labels, a "textarea" with a region's id -> that span's note.
// Anything else, the task's other fields and the from_name/to_name used are kept in
// extras["labelstudio"] and written back. Errors are "file: /json/pointer: what" (syntax errors
// "file:line:col: what").
Result<Workspace> parseLabelStudioJson(const std::string& name, const std::string& bytes);

// One task per document; the working layer and every other layer become annotations (predictions
// stay predictions). No task id or completed_by is invented. Discontinuous spans are written one
// region per fragment (with a warning); attributes are dropped (with a warning).
std::string writeLabelStudioJson(const Workspace& ws, std::vector<std::string>* warnings = nullptr);

}  // namespace scholion
