// Document: validated immutable text with hash, offset index, tokens, sentences and line starts.
#include "document.h"

#include <algorithm>

#include "grapheme.h"

namespace scholion {

Result<std::shared_ptr<const Document>> Document::create(std::string text) {
  if (auto bad = firstInvalidUtf8(text)) {
    return fail("invalid UTF-8 at byte offset " + std::to_string(*bad));
  }
  if (text.size() > 0xFFFFFFF0u) return fail("text too large (over 4 GiB)");
  // Heap-allocated and never moved afterwards: offsets_ keeps a view into text_.
  std::shared_ptr<Document> doc(new Document());
  doc->text_ = std::move(text);
  doc->sha256_ = sha256Hex(doc->text_);
  doc->offsets_ = OffsetIndex(doc->text_);
  doc->tokens_ = tokenize(doc->text_);
  doc->sentences_ = splitSentences(doc->text_, doc->tokens_);
  doc->lineStarts_.push_back(0);
  uint32_t cp = 0;
  for (char ch : doc->text_) {
    auto b = static_cast<unsigned char>(ch);
    if ((b & 0xC0) == 0x80) continue;
    ++cp;
    if (ch == '\n') doc->lineStarts_.push_back(cp);
  }
  return std::shared_ptr<const Document>(std::move(doc));
}

std::size_t Document::lineOf(uint32_t cp) const {
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), cp);
  return static_cast<std::size_t>(it - lineStarts_.begin()) - 1;
}

std::string_view Document::sliceView(uint32_t cpStart, uint32_t cpEnd) const {
  if (cpEnd < cpStart) cpEnd = cpStart;
  std::size_t b0 = offsets_.byteOfCp(cpStart), b1 = offsets_.byteOfCp(cpEnd);
  return std::string_view(text_).substr(b0, b1 - b0);
}

std::string Document::slice(uint32_t cpStart, uint32_t cpEnd) const {
  return std::string(sliceView(cpStart, cpEnd));
}

std::size_t Document::tokenAtOrAfter(uint32_t cp) const {
  auto it = std::partition_point(tokens_.begin(), tokens_.end(),
                                 [cp](const Token& t) { return t.end <= cp; });
  return static_cast<std::size_t>(it - tokens_.begin());
}

uint32_t Document::clusterBoundary(uint32_t cp, bool forward) const {
  return snapToGrapheme(text_, cp, static_cast<uint32_t>(length()), forward,
                        [this](uint32_t c) { return offsets_.byteOfCp(c); });
}

}  // namespace scholion
