// Inter-annotator agreement: token labels, Cohen's and Fleiss' kappa, Krippendorff's alpha, span
// F1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "document.h"
#include "grading.h"
#include "model.h"

namespace scholion {

// An agreement coefficient. When the chance term makes it undefined (expected agreement 1 /
// expected disagreement 0, no pairable items, fewer than two annotators) `defined` is false and
// `value` is 1.0 if nothing was observed to disagree, else 0.0 — never NaN.
struct Coefficient {
  double value = 1.0;
  bool defined = false;
  double observed = 1.0;  // observed agreement (proportion)
  double expected = 1.0;  // chance agreement (proportion)
  std::size_t items = 0;  // items (tokens / units) that entered the computation
};

// ---- building blocks (also used directly by the published worked examples in tests) ---------

// Cohen's kappa from a square contingency table: table[i][j] = items rater A put in category i
// and rater B in category j.
Coefficient cohenKappaFromTable(const std::vector<std::vector<double>>& table);
// Cohen's kappa from two label sequences of equal length with values < categories.
Coefficient cohenKappa(const std::vector<uint16_t>& a, const std::vector<uint16_t>& b,
                       std::size_t categories);

// counts[i][j] = raters who put item i in category j (Fleiss 1971). Items may have different
// rater counts; items rated by fewer than two raters are skipped.
Coefficient fleissKappa(const std::vector<std::vector<uint32_t>>& counts);
// Krippendorff's alpha, nominal metric, from value counts per unit (same shape as fleissKappa).
Coefficient krippendorffAlphaNominal(const std::vector<std::vector<uint32_t>>& counts);
// Reliability data matrix data[observer][unit], with -1 for a missing value.
Coefficient krippendorffAlphaNominalData(const std::vector<std::vector<int>>& data);

// ---- token labels -------------------------------------------------------------------------

// Label of each token: the label of a span sharing at least one code point with the token;
// when several spans do, the one covering the most code points wins, then the earliest start,
// then the label name (alphabetical). 0 = "O" (no span). Ids come from `labels`, which must map
// "O" to 0 (use tokenLabelIds()).
std::vector<uint16_t> tokenLabels(const std::vector<Token>& tokens, const AnnotationLayer& layer,
                                  LabelIds& labels);
LabelIds tokenLabelIds();  // a LabelIds with "O" = 0

// ---- the class ----------------------------------------------------------------------------

// One document of a class: its tokens and sentences, and one layer per annotator (same order
// and count in every document).
struct ClassDocument {
  std::string name;
  const std::vector<Token>* tokens = nullptr;
  const std::vector<Sentence>* sentences = nullptr;
  std::vector<const AnnotationLayer*> layers;
};

struct PairAgreement {
  std::size_t a = 0, b = 0;  // annotator indices, a < b
  Coefficient cohen;         // token labels
  Counts spansExact;         // a as key, b as answer: F1 is symmetric
  Counts spansOverlap;
};

struct LabelAgreement {
  std::string label;
  Coefficient alpha;       // binary alpha on tokens: "this label" vs anything else
  Counts spansExact;       // summed over all pairs (exact, labelled)
  std::size_t spans = 0;   // spans with this label, all annotators
  std::size_t tokens = 0;  // token ratings with this label, all annotators
};

struct PassageAgreement {
  std::size_t document = 0;
  std::size_t sentence = 0;
  uint32_t start = 0, end = 0;     // code points
  Coefficient alpha;               // nominal alpha over the passage's tokens
  double observed = 1.0;           // proportion of agreeing (token, annotator pair)s
  std::size_t disputedTokens = 0;  // tokens not labelled the same by everyone
};

struct ClassAgreement {
  std::vector<std::string> annotators;
  std::vector<std::string> labels;   // label ids; labels[0] == "O"
  std::size_t tokens = 0;            // tokens over all documents (units)
  Coefficient fleiss;                // token labels, all annotators
  Coefficient alpha;                 // Krippendorff nominal, token labels
  std::vector<PairAgreement> pairs;  // every a < b
  Counts spansExact, spansOverlap;   // summed over pairs
  // confusion[i][j]: (token, ordered annotator pair) occurrences with labels i then j; symmetric.
  std::vector<std::vector<uint64_t>> confusion;
  std::vector<LabelAgreement> perLabel;      // labels except "O", in label-name order
  std::vector<PassageAgreement> perPassage;  // per sentence, in document order
  double meanPairwiseCohen() const;
};

// All class-wide and pairwise measures; documents are pooled (micro over documents).
// `annotators` names the layers (in order).
ClassAgreement computeAgreement(const std::vector<ClassDocument>& docs,
                                const std::vector<std::string>& annotators);
// Convenience for one document: tokenizes and splits `text` itself.
ClassAgreement computeAgreement(const std::string& text,
                                const std::vector<AnnotationLayer>& layers);

}  // namespace scholion
