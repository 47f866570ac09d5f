// Validation of plain workspace data (UTF-8, hashes, ids, offsets, covered text, relations).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model.h"
#include "text.h"

namespace scholion {

// The text a span covers; for fragments, the fragment texts joined by a single space.
std::string coveredText(std::string_view text, const OffsetIndex& offsets, const Span& span);

// Shape problems of a span against a text of `length` code points (empty = fine):
// start < end <= length; fragments >= 2, ordered, non-overlapping, matching start/end.
std::string spanShapeProblem(const Span& span, std::size_t length);

// Appends "<ptr>/...: what" for every problem of one annotation layer on `text` (ids, offsets,
// covered text, relations naming unknown spans).
void checkLayer(const AnnotationLayer& layer, std::string_view text, const OffsetIndex& offsets,
                const std::string& ptr, std::vector<std::string>& problems);

// Appends "<ptr>/...: what" for every problem of one document: invalid UTF-8 (byte offset),
// a sha256 that does not match (an empty one is accepted), empty or duplicate span/relation ids,
// offsets outside the text, stored span text differing from the text, relations naming
// unknown spans. Layers are reported under <ptr>/layers/<k>, as in the Scholion JSON format.
void checkDocumentData(const DocumentData& doc, const std::string& ptr,
                       std::vector<std::string>& problems);

// Every problem of a workspace, with JSON pointers as in the Scholion JSON format
// (/documents/0/spans/3/end, /schema: ...). Empty = valid.
std::vector<std::string> workspaceProblems(const Workspace& ws);

// Joins problems into one message ("what:\nproblem\nproblem..."), at most `limit` lines.
std::string joinProblems(const std::string& what, const std::vector<std::string>& problems,
                         std::size_t limit = 50);

}  // namespace scholion
