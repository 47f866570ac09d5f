// Keyboard caret and selection rules over a document's tokens (see caret.h).
#include "caret.h"

#include <algorithm>
#include <tuple>

namespace scholion {
namespace {

// Index of the first token starting after cp.
std::size_t firstStartAfter(const std::vector<Token>& toks, uint32_t cp) {
  auto it = std::partition_point(toks.begin(), toks.end(),
                                 [cp](const Token& t) { return t.start <= cp; });
  return static_cast<std::size_t>(it - toks.begin());
}

// Index of the first token starting at or after cp.
std::size_t firstStartAtOrAfter(const std::vector<Token>& toks, uint32_t cp) {
  auto it =
      std::partition_point(toks.begin(), toks.end(), [cp](const Token& t) { return t.start < cp; });
  return static_cast<std::size_t>(it - toks.begin());
}

// Index of the first token ending after cp.
std::size_t firstEndAfter(const std::vector<Token>& toks, uint32_t cp) {
  auto it =
      std::partition_point(toks.begin(), toks.end(), [cp](const Token& t) { return t.end <= cp; });
  return static_cast<std::size_t>(it - toks.begin());
}

// Number of tokens ending before cp (the last of them is the one before cp).
std::size_t endsBefore(const std::vector<Token>& toks, uint32_t cp) {
  auto it =
      std::partition_point(toks.begin(), toks.end(), [cp](const Token& t) { return t.end < cp; });
  return static_cast<std::size_t>(it - toks.begin());
}

uint32_t docEnd(const Document& d) {
  return static_cast<uint32_t>(d.length());
}

}  // namespace

uint32_t caretNextToken(const Document& d, uint32_t cp) {
  const auto& toks = d.tokens();
  std::size_t i = firstStartAfter(toks, cp);
  if (i < toks.size()) return toks[i].start;
  if (!toks.empty() && toks.back().end > cp) return toks.back().end;
  return docEnd(d);
}

uint32_t caretPrevToken(const Document& d, uint32_t cp) {
  const auto& toks = d.tokens();
  std::size_t i = firstStartAtOrAfter(toks, cp);  // tokens [0, i) start before cp
  return i > 0 ? toks[i - 1].start : 0;
}

uint32_t caretNextSentence(const Document& d, uint32_t cp) {
  const auto& ss = d.sentences();
  auto it =
      std::partition_point(ss.begin(), ss.end(), [cp](const Sentence& s) { return s.start <= cp; });
  return it != ss.end() ? it->start : docEnd(d);
}

uint32_t caretPrevSentence(const Document& d, uint32_t cp) {
  const auto& ss = d.sentences();
  auto it =
      std::partition_point(ss.begin(), ss.end(), [cp](const Sentence& s) { return s.start < cp; });
  return it != ss.begin() ? std::prev(it)->start : 0;
}

uint32_t firstTokenStartIn(const Document& d, uint32_t a, uint32_t b) {
  const auto& toks = d.tokens();
  std::size_t i = firstStartAtOrAfter(toks, a);
  return i < toks.size() && toks[i].start < b ? toks[i].start : a;
}

uint32_t lastTokenEndIn(const Document& d, uint32_t a, uint32_t b) {
  const auto& toks = d.tokens();
  // Tokens ending at or before b: the last of them, if it ends after a.
  auto it =
      std::partition_point(toks.begin(), toks.end(), [b](const Token& t) { return t.end <= b; });
  return it != toks.begin() && std::prev(it)->end > a ? std::prev(it)->end : b;
}

uint32_t caretSnap(const Document& d, uint32_t cp) {
  const auto& toks = d.tokens();
  cp = std::min(cp, docEnd(d));
  std::size_t i = firstEndAfter(toks, cp);
  if (i < toks.size() && toks[i].start < cp)
    return cp - toks[i].start <= toks[i].end - cp ? toks[i].start : toks[i].end;
  return d.clusterBoundary(cp, false);
}

FocusStep extendByToken(const Document& d, uint32_t anchor, uint32_t focus, bool forward,
                        bool wasHeld) {
  const auto& toks = d.tokens();
  FocusStep r{focus, false};
  if (toks.empty()) return r;
  std::size_t i;
  uint32_t target, nearEdge;  // where the focus goes; the side of that token facing the focus
  if (forward) {
    // The start edge (focus before the anchor) goes to the next token start, the end edge (or
    // the start edge past the anchor) to the next token end.
    i = firstStartAfter(toks, focus);
    const bool startEdge = focus < anchor && i < toks.size() && toks[i].start <= anchor;
    if (!startEdge) i = firstEndAfter(toks, focus);
    if (i >= toks.size()) return r;
    target = startEdge ? toks[i].start : toks[i].end;
    nearEdge = toks[i].start;
  } else {
    std::size_t before = endsBefore(toks, focus);
    const bool endEdge = focus > anchor && before > 0 && toks[before - 1].end >= anchor;
    if (endEdge) {
      i = before - 1;
    } else {
      std::size_t k = firstStartAtOrAfter(toks, focus);
      if (k == 0) return r;
      i = k - 1;
    }
    target = endEdge ? toks[i].end : toks[i].start;
    nearEdge = toks[i].end;
  }
  // A line break between the focus and the token it goes to: hold at the line's end first.
  const bool crosses =
      forward ? d.lineOf(nearEdge) > d.lineOf(focus) : d.lineOf(nearEdge) < d.lineOf(focus);
  if (crosses && !wasHeld) {
    r.held = true;
    return r;
  }
  r.focus = target;
  return r;
}

const Span* stepSpan(const std::vector<Span>& spans, uint32_t start, uint32_t end,
                     const std::string& id, bool forward) {
  // Document order: start ascending, then longer first, then id.
  auto key = [](const Span& s) { return std::make_tuple(s.start, ~s.end, std::cref(s.id)); };
  const auto here = std::make_tuple(start, ~end, std::cref(id));
  const bool fromPoint = id.empty();
  const Span* best = nullptr;  // nearest in the stepping direction
  const Span* wrap = nullptr;  // first (forward) or last (backward) of all, for wrapping around
  for (const Span& s : spans) {
    const auto k = key(s);
    bool ahead;
    if (fromPoint)
      ahead = forward ? s.start >= start : s.start < start;
    else
      ahead = forward ? here < k : k < here;
    if (ahead && (!best || (forward ? k < key(*best) : key(*best) < k))) best = &s;
    if (!wrap || (forward ? k < key(*wrap) : key(*wrap) < k)) wrap = &s;
  }
  return best ? best : wrap;
}

}  // namespace scholion
