// Builds a PhraseMatcher a bounded amount at a time (the trie a few entries per step, then the
// failure links a few nodes per step), so an automaton over tens of thousands of entries can be
// built across frames; PhraseMatcher's constructor is this run to completion.
#pragma once

#include <cstdint>
#include <vector>

#include "phrase_matcher.h"

namespace scholion {

class PhraseMatcherBuilder {
 public:
  explicit PhraseMatcherBuilder(std::vector<PhraseEntry> entries);
  // Inserts about `budget` entries or links about `budget` nodes; true once the matcher is whole.
  bool step(std::size_t budget);
  // The matcher (once step has returned true); leaves the builder empty.
  PhraseMatcher take();

 private:
  enum class Phase : uint8_t { Trie, Order, Links, Done };
  void insert(std::size_t entry);
  void link(uint32_t node);
  PhraseMatcher m_;
  Phase phase_ = Phase::Trie;
  std::size_t next_ = 0;
  // Per node: the node before it and the token of the edge from there (the root's are unused).
  std::vector<uint32_t> parent_, token_;
  // Failure links need those of every shallower node first: nodes are counted per depth while
  // the trie grows, then ordered by depth (a counting sort) and linked in that order.
  std::vector<uint32_t> perDepth_, byDepth_;
};

}  // namespace scholion
