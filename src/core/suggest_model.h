// A trained suggestion model as a file: the tagger's averaged weights and the string-matching
// entries, so `scholion suggest` can train once and pre-annotate many corpora.
#pragma once

#include <string>
#include <vector>

#include "phrase_matcher.h"
#include "result.h"
#include "tagger.h"

namespace scholion {

struct SuggestModel {
  TaggerModel tagger;
  std::vector<PhraseEntry> strings;  // string-matching entries
  std::vector<double> shares;        // per entry: share of its majority label
};

// JSON {"format": "scholion-suggest-model", "version": 1, "labels": [...], "features":
// {"<16 hex digits>": [weight per tag], ...}, "strings": [{"text", "label", "share"}]}.
std::string writeSuggestModel(const SuggestModel& model);
// True when the bytes look like a model file (so a caller can tell it from a workspace).
bool looksLikeSuggestModel(const std::string& bytes);
Result<SuggestModel> parseSuggestModel(const std::string& bytes, const std::string& name);

}  // namespace scholion
