// Where annotators differ (passages to step through) and adjudication into a new gold layer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "editor.h"
#include "model.h"
#include "schema.h"

namespace scholion {

// A passage: a maximal group of spans (from any annotator) chained by overlap, in which the
// annotators did not all mark the same spans (same fragments and labels).
struct DisagreementPassage {
  uint32_t start = 0, end = 0;  // code points, union of the spans' extents
  // spans[a]: indices into layers[a]->spans of annotator a's spans in the passage, by position.
  std::vector<std::vector<uint32_t>> spans;
  // Annotators grouped by identical choices, largest group first (ties: first annotator);
  // annotators who marked nothing here form a group whose spans[a] is empty.
  std::vector<std::vector<std::size_t>> groups;
};

// Passages ordered by position (for "next/previous disagreement"). O(S log S) for S spans.
std::vector<DisagreementPassage> findDisagreements(
    const std::vector<const AnnotationLayer*>& layers);
// Index of the first passage ending after cp (passages.size() if none): stepping from a cursor.
std::size_t passageAtOrAfter(const std::vector<DisagreementPassage>& passages, uint32_t cp);

// ---- adjudication: each returns a new layer; the UI turns it into one undoable command -------

// Majority vote: keeps a span when more than half of the layers have a span with the same
// fragments and label (copied from the first such layer, with a fresh id), and a relation when
// more than half have the same type between kept spans (direction ignored for symmetric types).
AnnotationLayer majorityLayer(const std::vector<const AnnotationLayer*>& layers,
                              const std::string& annotator, const Schema* schema = nullptr);
// Replaces gold's spans overlapping [start, end) (and their relations) by source's spans there,
// with fresh ids; source's relations among spans now in gold are copied too.
AnnotationLayer acceptAnnotator(const AnnotationLayer& gold, const AnnotationLayer& source,
                                uint32_t start, uint32_t end);
// Adds a copy of `span` with a fresh id unless gold has one with the same fragments and label.
AnnotationLayer acceptSpan(const AnnotationLayer& gold, const Span& span);
// Removes a span and the relations that use it.
AnnotationLayer rejectSpan(const AnnotationLayer& gold, const std::string& spanId);
// "T<n>" (prefix + number) above every id of that form in the layer.
std::string freshSpanId(const AnnotationLayer& layer);

// One command that turns `before` into `after` (matched by span/relation id): relation removals,
// span removals, span replacements, span additions, relation additions, in that order.
Command layerChangeCommand(const AnnotationLayer& before, const AnnotationLayer& after,
                           std::string description);

}  // namespace scholion
