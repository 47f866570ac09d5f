// An open document: its text with offset index, line index, tokens and sentences (built once).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"
#include "text.h"

namespace scholion {

enum class TokenKind : uint8_t { Word, Number, Punctuation, Symbol };

struct Token {
  uint32_t start = 0;  // code points, end-exclusive
  uint32_t end = 0;
  TokenKind kind = TokenKind::Word;
};

struct Sentence {
  uint32_t start = 0;  // code points; first token start to last token end
  uint32_t end = 0;
  uint32_t firstToken = 0;  // index into tokens()
  uint32_t tokenCount = 0;
};

// Words, numbers, punctuation. "Jiang Zemin's" -> Jiang | Zemin | 's ; "co-operation" stays one
// word; no-break spaces and other Unicode spaces separate tokens.
std::vector<Token> tokenize(std::string_view validUtf8);
// News-grade sentence splitter: abbreviations such as "U.S.", "Dec.", "Mr." and initials do not end
// sentences.
std::vector<Sentence> splitSentences(std::string_view validUtf8, const std::vector<Token>& tokens);

// Immutable; shared between the model and the UI. Text never changes once created.
class Document {
 public:
  // Rejects invalid UTF-8 with the byte offset of the first bad sequence.
  static Result<std::shared_ptr<const Document>> create(std::string text);

  const std::string& text() const { return text_; }
  const std::string& sha256() const { return sha256_; }
  const OffsetIndex& offsets() const { return offsets_; }
  std::size_t length() const { return offsets_.codePoints(); }  // in code points
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  // Code point offsets where each line starts ('\n' ends a line).
  const std::vector<uint32_t>& lineStarts() const { return lineStarts_; }
  std::size_t lineOf(uint32_t cp) const;                      // O(log n)
  std::string slice(uint32_t cpStart, uint32_t cpEnd) const;  // UTF-8 of [start, end)
  std::string_view sliceView(uint32_t cpStart, uint32_t cpEnd) const;
  // Index of the token containing cp or the first token after it (tokens().size() if none); O(log
  // n).
  std::size_t tokenAtOrAfter(uint32_t cp) const;
  // cp moved to a grapheme cluster boundary: the start of the cluster it is inside (forward ==
  // false) or its end (forward == true); cp itself when it already is a boundary.
  uint32_t clusterBoundary(uint32_t cp, bool forward) const;

  // Never copied or moved: offsets() views this object's own text.
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

 private:
  Document() = default;
  std::string text_;
  std::string sha256_;
  OffsetIndex offsets_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<uint32_t> lineStarts_;
};

}  // namespace scholion
