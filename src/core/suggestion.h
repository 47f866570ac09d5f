// Machine suggestions: the Suggestion type, its sources, and the set of suggestions a person
// rejected (negative evidence every source and the tagger's training consult).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace scholion {

// Where a suggestion came from. Names ("string-match", "gazetteer", "tagger", "imported") are
// used in files and the UI.
enum class SuggestionSource : uint8_t { StringMatch, Gazetteer, Tagger, Imported };
constexpr SuggestionSource kSuggestionSources[] = {
    SuggestionSource::StringMatch, SuggestionSource::Gazetteer, SuggestionSource::Tagger,
    SuggestionSource::Imported};
const char* suggestionSourceName(SuggestionSource s);
std::optional<SuggestionSource> suggestionSourceFromName(std::string_view name);

// A span a machine proposes; it becomes an annotation only when a person accepts it.
struct Suggestion {
  std::string document;  // DocumentData::id
  uint32_t start = 0;    // code points, end-exclusive
  uint32_t end = 0;
  std::string label;
  SuggestionSource source = SuggestionSource::StringMatch;
  double confidence =
      1.0;  // 0..1 (string match: share of the majority label; tagger: see tagger.h)
  bool sameSpan(const Suggestion& o) const {
    return document == o.document && start == o.start && end == o.end && label == o.label;
  }
};

// The order suggestions are shown in: by document, start, longer first, label, then most
// confident first (ties: the first source in kSuggestionSources order). Of repeats of one
// (document, start, end, label) from several sources, the first in this order is kept.
bool suggestionBefore(const Suggestion& a, const Suggestion& b);

// Suggestions a person rejected, by (document, start, end, label).
class RejectedSet {
 public:
  void add(const Suggestion& s) { keys_.insert(key(s)); }
  void remove(const Suggestion& s) { keys_.erase(key(s)); }
  bool contains(const Suggestion& s) const { return keys_.count(key(s)) != 0; }
  bool contains(const std::string& doc, uint32_t start, uint32_t end,
                const std::string& label) const {
    return keys_.count(Key{doc, start, end, label}) != 0;
  }
  // Rejected spans of one document (any label), for training.
  std::vector<std::pair<uint32_t, uint32_t>> rangesOf(const std::string& doc) const;
  std::size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }
  void clear() { keys_.clear(); }

 private:
  using Key = std::tuple<std::string, uint32_t, uint32_t, std::string>;
  static Key key(const Suggestion& s) { return Key{s.document, s.start, s.end, s.label}; }
  std::set<Key> keys_;
};

}  // namespace scholion
