// News-grade sentence splitter over tokens: terminal punctuation, blank lines, short heading lines.
#include "char_class.h"
#include "document.h"

namespace scholion {

namespace {

bool isTerminal(uint32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F || c == 0xFF0E;
}
// Full stops of scripts written without spaces: they end a sentence even when text follows at once.
bool endsWithoutSpace(uint32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
}
bool isClosing(uint32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x201D || c == 0x2019 ||
         c == 0xBB || c == 0x300D || c == 0x300F || c == 0xFF09;
}
bool isBullet(uint32_t c) {
  return c == '*' || c == 0x2022 || c == 0xB7 || c == '-' || c == 0x2013 || c == 0x2014 ||
         c == 0x25AA || c == 0x25CF;
}

constexpr uint32_t kShortLine = 40;  // a line this short without final punctuation is a heading

}  // namespace

std::vector<Sentence> splitSentences(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Sentence> out;
  if (tokens.empty()) return out;
  std::vector<uint32_t> cps = decodeAll(text);
  const std::size_t nt = tokens.size();
  std::size_t first = 0;
  uint32_t lineStart = 0;  // code point where the current line starts
  for (uint32_t k = 0; k < tokens[0].start; ++k)
    if (cps[k] == '\n') lineStart = k + 1;

  auto close = [&](std::size_t last) {
    out.push_back(Sentence{tokens[first].start, tokens[last].end, static_cast<uint32_t>(first),
                           static_cast<uint32_t>(last - first + 1)});
    first = last + 1;
  };

  for (std::size_t t = 0; t < nt; ++t) {
    const Token& tok = tokens[t];
    if (t + 1 == nt) {
      close(t);
      break;
    }
    bool brk = false;
    uint32_t c0 = cps[tok.start];
    if (tok.kind == TokenKind::Punctuation && isTerminal(c0)) {
      // Closing quotes/brackets glued to the terminal belong to the sentence.
      while (t + 1 < nt && tokens[t + 1].start == tokens[t].end &&
             tokens[t + 1].kind == TokenKind::Punctuation && isClosing(cps[tokens[t + 1].start]))
        ++t;
      if (t + 1 == nt) {
        close(t);
        break;
      }
      uint32_t nextC = cps[tokens[t + 1].start];
      bool ellipsis = (c0 == '.' && tok.end - tok.start > 1) || c0 == 0x2026;
      brk = !ellipsis || isUpperStart(nextC) || classify(nextC) == CharClass::Digit;
      // A sentence never ends inside a whitespace-delimited token ("PU.1", "?:?", "e.g.x").
      if (tokens[t + 1].start == tokens[t].end && !endsWithoutSpace(c0)) brk = false;
    }
    // Newlines between this token and the next.
    const Token& cur = tokens[t];
    const Token& nxt = tokens[t + 1];
    int newlines = 0;
    uint32_t lastNewline = 0;
    for (uint32_t k = cur.end; k < nxt.start; ++k)
      if (cps[k] == '\n') {
        ++newlines;
        lastNewline = k;
      }
    if (newlines >= 2) brk = true;
    if (newlines == 1 && !brk) {
      uint32_t lineLen = cur.end - lineStart;
      uint32_t lastC = cps[cur.start];
      bool continues = cur.kind == TokenKind::Punctuation &&
                       (lastC == ',' || lastC == ';' || lastC == ':' || lastC == '-');
      bool bulletNext =
          nxt.kind != TokenKind::Word && nxt.kind != TokenKind::Number && isBullet(cps[nxt.start]);
      if ((lineLen < kShortLine && !continues) || bulletNext) brk = true;
    }
    if (newlines >= 1) lineStart = lastNewline + 1;
    if (brk) close(t);
  }
  return out;
}

}  // namespace scholion
