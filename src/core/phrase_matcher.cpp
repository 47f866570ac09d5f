// Token-level Aho–Corasick matching of phrase entries (gazetteers, labelled texts) in documents.
#include "phrase_matcher.h"

#include <cstdint>

#include "phrase_matcher_builder.h"

namespace scholion {

uint32_t foldCase(uint32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // À..Þ
  if (c >= 0x100 && c <= 0x137) return c | 1;              // Ā..ķ pairs
  if (c >= 0x139 && c <= 0x148) return (c & 1) ? c + 1 : c;
  if (c >= 0x14A && c <= 0x177) return c | 1;
  if (c == 0x178) return 0xFF;
  if (c >= 0x179 && c <= 0x17E) return (c & 1) ? c + 1 : c;
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek capitals
  if (c == 0x386) return 0x3AC;                               // Greek capitals with tonos
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c == 0x3C2) return 0x3C3;                 // final sigma
  if (c >= 0x400 && c <= 0x40F) return c + 80;  // Cyrillic Ѐ..Џ
  if (c >= 0x410 && c <= 0x42F) return c + 32;  // А..Я
  return c;
}

std::string foldCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) appendUtf8(out, foldCase(decodeUtf8(s, i)));
  return out;
}

namespace {
constexpr uint32_t kNoToken = UINT32_MAX;
}  // namespace

PhraseMatcher::PhraseMatcher(std::vector<PhraseEntry> entries) {
  PhraseMatcherBuilder builder(std::move(entries));
  while (!builder.step(SIZE_MAX)) {
  }
  *this = builder.take();
}

std::string_view PhraseMatcher::tokenText(std::string_view text, const Token& t,
                                          const OffsetIndex& offsets) {
  std::size_t b = offsets.byteOfCp(t.start), e = offsets.byteOfCp(t.end);
  return text.substr(b, e - b);
}

uint32_t PhraseMatcher::child(uint32_t node, uint32_t token) const {
  auto it = edges_.find(edgeKey(node, token));
  return it == edges_.end() ? 0 : it->second;
}

uint32_t PhraseMatcher::tokenId(const std::string& folded) const {
  auto it = vocab_.find(folded);
  return it == vocab_.end() ? kNoToken : it->second;
}

bool PhraseMatcher::exactAt(uint32_t entry, std::string_view text, const std::vector<Token>& tokens,
                            const OffsetIndex& offsets, std::size_t first) const {
  const auto& want = exactTokens_[entry];
  for (std::size_t k = 0; k < want.size(); ++k)
    if (tokenText(text, tokens[first + k], offsets) != want[k]) return false;
  return true;
}

std::vector<PhraseMatch> PhraseMatcher::match(const Document& doc) const {
  return match(doc.text(), doc.tokens(), doc.offsets());
}

std::vector<PhraseMatch> PhraseMatcher::match(std::string_view text,
                                              const std::vector<Token>& tokens,
                                              const OffsetIndex& offsets) const {
  std::vector<PhraseMatch> out;
  uint32_t cursor = 0;
  matchTokens(text, tokens, offsets, cursor, 0, tokens.size(), out);
  return out;
}

void PhraseMatcher::matchTokens(const Document& doc, uint32_t& cursor, std::size_t from,
                                std::size_t to, std::vector<PhraseMatch>& out) const {
  matchTokens(doc.text(), doc.tokens(), doc.offsets(), cursor, from, to, out);
}

void PhraseMatcher::matchTokens(std::string_view text, const std::vector<Token>& tokens,
                                const OffsetIndex& offsets, uint32_t& node, std::size_t from,
                                std::size_t to, std::vector<PhraseMatch>& out) const {
  if (empty()) return;
  for (std::size_t i = from; i < to && i < tokens.size(); ++i) {
    uint32_t tok = tokenId(foldCase(tokenText(text, tokens[i], offsets)));
    if (tok == kNoToken) {
      node = 0;
      continue;
    }
    while (true) {
      uint32_t c = child(node, tok);
      if (c != 0 || node == 0) {
        node = c;
        break;
      }
      node = nodes_[node].fail;
    }
    for (uint32_t n = nodes_[node].output ? node : nodes_[node].dict; n != 0; n = nodes_[n].dict) {
      std::size_t first = i + 1 - nodes_[n].depth;
      for (uint32_t e = nodes_[n].output; e != 0; e = entryNext_[e - 1]) {
        uint32_t entry = e - 1;
        if (!entries_[entry].ignoreCase && !exactAt(entry, text, tokens, offsets, first)) continue;
        out.push_back(PhraseMatch{tokens[first].start, tokens[i].end, static_cast<uint32_t>(first),
                                  nodes_[n].depth, entry});
      }
    }
  }
}

}  // namespace scholion
