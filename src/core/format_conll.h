// CoNLL / IOB token-per-line format: import (CoNLL-2003 4 columns, 2 columns; IOB1, IOB2, BIOES)
// and export.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"
#include "result.h"

namespace scholion {

enum class BioScheme { Iob1, Iob2, Bioes };
// "iob1", "iob2" (or "bio"), "bioes" (or "iobes"); case-insensitive.
std::optional<BioScheme> bioSchemeFromName(std::string_view name);

// A span the BIO export could not express.
struct LeftOutSpan {
  std::string document, spanId, label, text, reason;
  std::string describe() const;  // "doc: span T3 [Person] "Jiang" left out: overlaps T2"
};

struct ConllExport {
  std::string text;
  std::vector<LeftOutSpan> leftOut;  // overlapping, discontinuous, cross-sentence, token-less spans
  std::vector<std::string> notes;    // other losses (relations, attributes, widened spans)
};

// Import: one token per line, whitespace-separated columns, first = token, last = tag; blank lines
// end sentences; "-DOCSTART-" lines start documents. Tags are decoded leniently so IOB1, IOB2,
// BIOES (and BILOU, and bare "PER" = IO) all work: B starts a span, I continues a span of the
// same type (or starts one), E/L ends, S/U is a single token. The text is rebuilt: tokens joined
// by spaces, sentences by newlines. The middle columns (POS, chunk) and the DOCSTART line are kept
// in AnnotationLayer::extras["conll"] (one line per token) so a CoNLL round trip keeps them.
Result<Workspace> parseConll(const std::string& name, const std::string& bytes);

// Export: one "token [middle columns] TAG" line per token, a blank line after each sentence, a
// -DOCSTART- line before each document when there are several. Documents imported from CoNLL
// keep their tokens and columns; others use the Document tokenizer and sentence splitter. A span
// is tagged on every token it touches; spans that cannot be expressed are listed in leftOut.
Result<ConllExport> writeConll(const Workspace& ws, BioScheme scheme);

}  // namespace scholion
