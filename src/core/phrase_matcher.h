// A token-level Aho–Corasick automaton over (text, label) entries: finds every word-bounded
// occurrence of any entry in a document, overlaps included, in one pass over its tokens.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "document.h"

namespace scholion {

// Case rule: an entry matches tokens with exactly its own spelling, unless ignoreCase is set; then
// tokens match after simple case folding (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic;
// other scripts have no case or are compared as written). Entries are split into tokens by the
// documents' own tokenizer, so "Jiang Zemin" matches "Jiang\u00a0Zemin" and "Jiang Zemin's" but
// never "Jiang Zeminski", and whitespace between tokens does not matter.
struct PhraseEntry {
  std::string text;
  std::string label;
  bool ignoreCase = false;
};

struct PhraseMatch {
  uint32_t start = 0;  // code points, end-exclusive
  uint32_t end = 0;
  uint32_t firstToken = 0;  // index into the document's tokens
  uint32_t tokenCount = 0;
  uint32_t entry = 0;  // index into the entries the matcher was built from
};

// Lower-cases one code point of the cased scripts named above; others are returned unchanged.
uint32_t foldCase(uint32_t codePoint);
std::string foldCase(std::string_view validUtf8);

class PhraseMatcher {
 public:
  PhraseMatcher() = default;
  // Entries whose text has no token are ignored (entryCount() still counts them, so match indices
  // stay those of `entries`).
  explicit PhraseMatcher(std::vector<PhraseEntry> entries);
  const std::vector<PhraseEntry>& entries() const { return entries_; }
  std::size_t entryCount() const { return entries_.size(); }
  bool empty() const { return nodes_.size() <= 1; }
  // Every occurrence, ordered by end token then longest first. O(tokens + matches).
  std::vector<PhraseMatch> match(const Document& doc) const;
  // The same over any tokens of `text` (tokens from tokenize(text)).
  std::vector<PhraseMatch> match(std::string_view text, const std::vector<Token>& tokens,
                                 const OffsetIndex& offsets) const;
  // The same a bounded part at a time: `cursor` starts at 0 and carries the automaton's state
  // between calls; matchTokens(doc, cursor, from, to, out) appends the occurrences ending at
  // tokens [from, to) (call with consecutive ranges from token 0). Ranges together give match().
  void matchTokens(std::string_view text, const std::vector<Token>& tokens,
                   const OffsetIndex& offsets, uint32_t& cursor, std::size_t from, std::size_t to,
                   std::vector<PhraseMatch>& out) const;
  void matchTokens(const Document& doc, uint32_t& cursor, std::size_t from, std::size_t to,
                   std::vector<PhraseMatch>& out) const;

 private:
  friend class PhraseMatcherBuilder;
  struct Node {
    uint32_t fail = 0;
    uint32_t dict = 0;    // nearest node on the fail chain with an output (0 = none)
    uint32_t output = 0;  // first entry ending here, +1 (0 = none); more via entryNext_
    uint32_t depth = 0;   // tokens from the root
  };
  static uint64_t edgeKey(uint32_t node, uint32_t token) {
    return (static_cast<uint64_t>(node) << 32) | token;
  }
  static std::string_view tokenText(std::string_view text, const Token& t,
                                    const OffsetIndex& offsets);
  uint32_t child(uint32_t node, uint32_t token) const;
  uint32_t tokenId(const std::string& folded) const;
  bool exactAt(uint32_t entry, std::string_view text, const std::vector<Token>& tokens,
               const OffsetIndex& offsets, std::size_t first) const;
  std::vector<PhraseEntry> entries_;
  std::vector<std::vector<std::string>> exactTokens_;  // per entry, as written
  std::vector<uint32_t> entryNext_;                    // next entry at the same node, +1
  std::unordered_map<std::string, uint32_t> vocab_;    // folded token -> id
  std::unordered_map<uint64_t, uint32_t> edges_;       // (node << 32 | token id) -> node
  std::vector<Node> nodes_{Node{}};
};

}  // namespace scholion
