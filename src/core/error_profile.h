// A student's kinds of mistakes against a key: label confusions and boundary errors (grading.h).
#pragma once

#include <vector>

#include "grading.h"

namespace scholion {

// The profile of one document: `pairs` is a one-to-one overlap pairing of key and student spans
// with labels ignored (matchSpans(..., Boundaries::Overlap, false)).
ErrorProfile errorProfile(const std::vector<Span>& key, const std::vector<Span>& student,
                          const SpanMatching& pairs);

// "ORG → LOC ×3, PER → ORG ×1" (at most `n`), "" when there is no confusion.
std::string confusionSummary(const ErrorProfile& p, std::size_t n);

}  // namespace scholion
