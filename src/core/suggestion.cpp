// Suggestion source names, merging suggestions of several sources, the rejected set.
#include "suggestion.h"

#include <algorithm>

namespace scholion {

const char* suggestionSourceName(SuggestionSource s) {
  switch (s) {
    case SuggestionSource::StringMatch:
      return "string-match";
    case SuggestionSource::Gazetteer:
      return "gazetteer";
    case SuggestionSource::Tagger:
      return "tagger";
    case SuggestionSource::Imported:
      return "imported";
  }
  return "string-match";
}

std::optional<SuggestionSource> suggestionSourceFromName(std::string_view name) {
  for (SuggestionSource s : kSuggestionSources)
    if (name == suggestionSourceName(s)) return s;
  return std::nullopt;
}

bool suggestionBefore(const Suggestion& a, const Suggestion& b) {
  if (a.document != b.document) return a.document < b.document;
  if (a.start != b.start) return a.start < b.start;
  if (a.end != b.end) return a.end > b.end;
  if (a.label != b.label) return a.label < b.label;
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return a.source < b.source;
}

std::vector<std::pair<uint32_t, uint32_t>> RejectedSet::rangesOf(const std::string& doc) const {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (auto it = keys_.lower_bound(Key{doc, 0, 0, ""});
       it != keys_.end() && std::get<0>(*it) == doc; ++it)
    out.emplace_back(std::get<1>(*it), std::get<2>(*it));
  return out;
}

}  // namespace scholion
