// The token trie of a PhraseMatcher and its failure and dictionary links, built in steps.
#include "phrase_matcher_builder.h"

#include <utility>

namespace scholion {
namespace {
// The end of a step of `budget` items from `from` in a list of `size` (budget may be SIZE_MAX).
std::size_t stepEnd(std::size_t from, std::size_t budget, std::size_t size) {
  return size - from <= budget ? size : from + budget;
}
}  // namespace

PhraseMatcherBuilder::PhraseMatcherBuilder(std::vector<PhraseEntry> entries) {
  m_.entries_ = std::move(entries);
  const std::size_t n = m_.entries_.size();
  m_.exactTokens_.resize(n);
  m_.entryNext_.assign(n, 0);
  // Most entries are a word or two: room for that many edges, so the tables rarely rehash.
  m_.edges_.reserve(2 * n);
  m_.vocab_.reserve(2 * n);
  parent_.assign(1, 0);
  token_.assign(1, 0);
  perDepth_.assign(1, 0);
}

void PhraseMatcherBuilder::insert(std::size_t e) {
  const std::string& text = m_.entries_[e].text;
  OffsetIndex offsets(text);
  uint32_t node = 0;
  for (const Token& t : tokenize(text)) {
    std::string exact(PhraseMatcher::tokenText(text, t, offsets));
    auto [v, added] = m_.vocab_.emplace(foldCase(exact), static_cast<uint32_t>(m_.vocab_.size()));
    const uint32_t fresh = static_cast<uint32_t>(m_.nodes_.size());
    auto [edge, isNew] = m_.edges_.emplace(PhraseMatcher::edgeKey(node, v->second), fresh);
    if (isNew) {
      PhraseMatcher::Node n;
      n.depth = m_.nodes_[node].depth + 1;
      m_.nodes_.push_back(n);
      parent_.push_back(node);
      token_.push_back(v->second);
      if (perDepth_.size() <= n.depth) perDepth_.resize(n.depth + 1, 0);
      ++perDepth_[n.depth];
    }
    node = edge->second;
    m_.exactTokens_[e].push_back(std::move(exact));
  }
  if (node == 0) return;  // no token
  m_.entryNext_[e] = m_.nodes_[node].output;
  m_.nodes_[node].output = static_cast<uint32_t>(e) + 1;
}

// v's failure link is the deepest node, other than v, reached by v's last token from a node on
// its parent's failure chain; its dictionary link the nearest node with an output on that chain.
void PhraseMatcherBuilder::link(uint32_t v) {
  const uint32_t parent = parent_[v], token = token_[v];
  uint32_t target = 0;
  if (parent != 0)
    for (uint32_t f = m_.nodes_[parent].fail;; f = m_.nodes_[f].fail) {
      if (uint32_t c = m_.child(f, token); c != 0) {
        target = c;
        break;
      }
      if (f == 0) break;
    }
  m_.nodes_[v].fail = target;
  m_.nodes_[v].dict = m_.nodes_[target].output ? target : m_.nodes_[target].dict;
}

bool PhraseMatcherBuilder::step(std::size_t budget) {
  if (budget == 0) budget = 1;
  switch (phase_) {
    case Phase::Trie: {
      const std::size_t end = stepEnd(next_, budget, m_.entries_.size());
      for (; next_ < end; ++next_) insert(next_);
      if (next_ < m_.entries_.size()) return false;
      // Where each depth starts in byDepth_ (the root, depth 0, is never linked).
      uint32_t start = 0;
      for (uint32_t& count : perDepth_) start += std::exchange(count, start);
      byDepth_.assign(m_.nodes_.size(), 0);
      phase_ = Phase::Order;
      next_ = 1;
      return false;
    }
    case Phase::Order: {
      const std::size_t end = stepEnd(next_, budget, m_.nodes_.size());
      for (; next_ < end; ++next_)
        byDepth_[perDepth_[m_.nodes_[next_].depth]++] = static_cast<uint32_t>(next_);
      if (next_ < m_.nodes_.size()) return false;
      phase_ = Phase::Links;
      next_ = 0;
      return false;
    }
    case Phase::Links: {
      const std::size_t linked = m_.nodes_.size() - 1;  // every node but the root
      const std::size_t end = stepEnd(next_, budget, linked);
      for (; next_ < end; ++next_) link(byDepth_[next_]);
      if (next_ < linked) return false;
      phase_ = Phase::Done;
      return true;
    }
    case Phase::Done:
      return true;
  }
  return true;
}

PhraseMatcher PhraseMatcherBuilder::take() {
  parent_ = {};
  token_ = {};
  byDepth_ = {};
  return std::move(m_);
}

}  // namespace scholion
