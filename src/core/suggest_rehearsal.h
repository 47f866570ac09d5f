// The suggestion pipeline run once on a tiny text: before the person's first edit, so that code a
// browser compiles on first call (wasm functions are compiled lazily) is ready when it matters.
#pragma once

#include <cstddef>

namespace scholion {

// String matching, training data, a short training and the suggestions of one tiny labelled
// document, each job stepped to completion as the app steps them. Returns how many suggestions
// came out (the text is made so that some do).
std::size_t rehearseSuggestions();

}  // namespace scholion
