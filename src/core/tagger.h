// A sequence tagger trained as the user annotates: an averaged perceptron over BIO tags with
// greedy left-to-right decoding, trained in slices so the frame loop never runs over budget.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "document.h"
#include "model.h"
#include "phrase_matcher.h"
#include "sliced_sort.h"
#include "suggestion.h"

namespace scholion {

// A document with the person's annotations (spans may be null: nothing labelled yet).
struct LabelledDocument {
  std::string id;
  const Document* document = nullptr;
  const std::vector<Span>* spans = nullptr;
};

// Which sentences teach the tagger. While annotating, a document is only partly done, so only the
// sentences with a span or a rejected suggestion count (an unlabelled sentence may hide entities
// nobody has marked yet). A corpus of finished documents (the CLI) uses every sentence of every
// document that has at least one span.
enum class TrainingScope : uint8_t { AnnotatedSentences, AnnotatedDocuments };

struct TaggerOptions {
  uint32_t epochs = 10;
  uint64_t seed = 1;  // the order sentences are visited in each epoch; same seed, same model
  TrainingScope scope = TrainingScope::AnnotatedSentences;
};

// Sentences longer than this are cut into pieces (a text without full stops stays trainable in
// small steps).
constexpr std::size_t kMaxSequence = 150;

// One sequence of tokens with its static features and gold tags.
struct TaggedSentence {
  std::size_t document = 0;  // index into the LabelledDocuments it was made from
  std::vector<Token> tokens;
  std::vector<std::vector<uint64_t>> features;  // per token
  std::vector<uint16_t> gold;                   // tag ids
};

// Counts distinct 64-bit values in one open-addressing table (one allocation: cheap to grow and to
// free, which matters inside a frame).
class DistinctCounter {
 public:
  void add(uint64_t v);
  std::size_t size() const { return size_ + (zero_ ? 1 : 0); }

 private:
  void grow();
  std::vector<uint64_t> slots_;  // 0 = empty
  std::size_t size_ = 0;
  bool zero_ = false;
};

// Training data: tag 0 is "O", label k has B = 1 + 2k and I = 2 + 2k.
struct TaggerData {
  std::vector<std::string> labels;  // sorted
  std::vector<TaggedSentence> sentences;
  std::size_t tokenCount = 0;
  std::size_t spanCount = 0;
  std::size_t featureCount = 0;  // distinct static features of all sentences
  std::size_t tagCount() const { return 1 + 2 * labels.size(); }
};

// Gold tags from each document's spans (a span claims the tokens that start inside it; a span
// overlapping one already placed is left out), features from the text and the gazetteer's hits.
// Rejected suggestions bring their sentences in with their tokens as O (negative evidence).
TaggerData prepareTaggerData(const std::vector<LabelledDocument>& docs, const RejectedSet& rejected,
                             const PhraseMatcher* gazetteer, TrainingScope scope);

// prepareTaggerData a bounded amount at a time (prepareTaggerData is this run to completion):
// step(n) handles about n tokens (whole sentences, at least one; setting up a document's gold tags
// counts its spans and a sixteenth of its tokens) and returns true when every document is done.
// The documents, their spans and the gazetteer must stay as they are until then; the rejected
// ranges are copied.
class TaggerDataBuilder {
 public:
  TaggerDataBuilder(std::vector<LabelledDocument> docs, const RejectedSet& rejected,
                    const PhraseMatcher* gazetteer, TrainingScope scope);
  // A step ends where a phase or a document does: they cost very different amounts per token.
  bool step(std::size_t tokenBudget);
  bool done() const { return doc_ >= docs_.size(); }
  // Changes with each phase and document (see SuggestionJob::stage).
  std::size_t stage() const { return doc_ * 8 + static_cast<std::size_t>(phase_); }
  // The prepared data (once done); leaves the builder empty.
  TaggerData take();

 private:
  enum class Phase : uint8_t { Start, SortSpans, Gold, Keep, Gazetteer, Sentences };
  using SpanSort = SlicedSort<const Span*, bool (*)(const Span*, const Span*)>;
  std::size_t startDocument();
  std::size_t goldTags(std::size_t budget);
  std::size_t keepSentences(std::size_t budget);
  std::size_t addSentence(std::size_t sentence);
  void nextDocument();
  std::vector<LabelledDocument> docs_;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> rejected_;  // per document
  const PhraseMatcher* gazetteer_;
  TrainingScope scope_;
  std::map<std::string, uint16_t> labelId_;
  TaggerData data_;
  // The document being prepared: its gold tags, sentences kept, gazetteer hits so far.
  std::size_t doc_ = 0, sentence_ = 0, gazToken_ = 0;
  uint32_t gazCursor_ = 0;
  Phase phase_ = Phase::Start;
  std::vector<uint16_t> gold_;
  // Setting up a document's gold tags, in slices: its spans sorted by start (longest first), then
  // placed one by one (`at_`), then which sentences to keep.
  std::vector<const Span*> spans_;
  std::optional<SpanSort> spanSort_;
  std::vector<uint8_t> wanted_;  // token in a span or a rejected suggestion
  std::size_t at_ = 0;
  bool anySpan_ = false;
  std::vector<uint8_t> keep_;
  std::vector<std::vector<std::string>> hits_;
  DistinctCounter features_;
};

// Per token of a document, the labels of the gazetteer entries covering it ("B-X" on an entry's
// first token, "I-X" on the others); empty when there is no gazetteer.
using GazetteerHits = std::vector<std::vector<std::string>>;
void addGazetteerHits(const PhraseMatcher& gazetteer, const std::vector<PhraseMatch>& matches,
                      GazetteerHits& hits);

// Static features of each token of one sentence (lower-cased word, shape, prefixes and suffixes,
// capitalisation, neighbouring words and shapes within the sentence, gazetteer hits), written to
// out[0], ..., out[tokenCount - 1].
void sentenceFeatures(const Document& doc, const Sentence& sentence, const GazetteerHits& hits,
                      std::vector<std::vector<uint64_t>>::iterator out);

// sentenceFeatures of every token of `doc`. With `sentences` (one flag per sentence), only the
// flagged sentences' tokens get features.
std::vector<std::vector<uint64_t>> documentFeatures(
    const Document& doc, const PhraseMatcher* gazetteer,
    const std::vector<uint8_t>* sentences = nullptr);

struct TaggedSpan {
  uint32_t start = 0, end = 0;  // code points
  std::string label;
  // Softmax of the averaged perceptron's scores for the chosen tag, lowest over the span's
  // tokens: a ranking of how sure the tagger is, not a calibrated probability.
  double confidence = 0;
};

// Perceptron weights: one row of tagCount floats per feature hash.
struct WeightTable {
  std::size_t tags = 1;
  std::unordered_map<uint64_t, uint32_t> rows;
  std::vector<float> weights;
  const float* row(uint64_t feature) const;
};

class TaggerModel {
 public:
  TaggerModel() = default;
  TaggerModel(std::vector<std::string> labels, WeightTable table);
  bool empty() const { return labels_.empty(); }
  const std::vector<std::string>& labels() const { return labels_; }
  std::size_t featureCount() const { return table_.rows.size(); }
  const WeightTable& weights() const { return table_; }
  // Tag ids (and, if asked, each tag's softmax share) for one sequence's static features.
  void decode(const std::vector<std::vector<uint64_t>>& features, std::vector<uint16_t>& tags,
              std::vector<float>* confidence) const;
  std::vector<TaggedSpan> predict(const Document& doc, const PhraseMatcher* gazetteer) const;
  // The spans found in one sentence of `doc` (gazetteer features from `hits`), appended to `out`;
  // predict() is this over every sentence.
  void predictSentence(const Document& doc, const Sentence& sentence, const GazetteerHits& hits,
                       std::vector<TaggedSpan>& out) const;

 private:
  std::vector<std::string> labels_;
  WeightTable table_;
};

// Trains on prepared data a slice at a time: step(n) visits about n tokens (whole sentences, at
// least one); after the last epoch, steps average the weights in place (kAverageCellsPerToken
// weights per token of budget), and step returns true when that is done too. Deterministic for a
// given seed.
class TrainingJob {
 public:
  static constexpr std::size_t kAverageCellsPerToken = 256;
  TrainingJob(TaggerData data, TaggerOptions options);
  bool step(std::size_t tokenBudget);
  bool done() const { return trained() && averaged_ >= table_.weights.size(); }
  double progress() const;
  const TaggerData& data() const { return data_; }
  // The averaged model as trained so far.
  TaggerModel model() const;
  // The model once done, without copying the weights; the job keeps none.
  TaggerModel takeModel();

 private:
  bool trained() const { return epoch_ >= options_.epochs || data_.sentences.empty(); }
  float averaged(std::size_t cell) const;
  void train(const TaggedSentence& s);
  void update(uint64_t feature, uint16_t tag, float delta);
  TaggerData data_;
  TaggerOptions options_;
  WeightTable table_;
  std::vector<double> totals_;    // per weight: sum over time, for averaging
  std::vector<uint64_t> stamps_;  // per weight: time of its last change
  uint64_t clock_ = 0;            // tokens visited
  uint32_t epoch_ = 0;
  std::size_t next_ = 0;  // position in order_
  std::vector<uint32_t> order_;
  uint64_t rng_;
  std::size_t averaged_ = 0;  // weights [0, averaged_) hold their average (once trained)
};

// Exact-span scores (start, end and label must all agree).
struct SpanScore {
  std::size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / double(predicted) : 0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  void add(const SpanScore& o) {
    gold += o.gold;
    predicted += o.predicted;
    correct += o.correct;
  }
};
SpanScore scoreSequence(const std::vector<uint16_t>& gold, const std::vector<uint16_t>& predicted);
// Scores a model on data prepared with the same labels.
SpanScore evaluate(const TaggerModel& model, const TaggerData& data);

// k-fold held-out F1 on the user's own annotations, in slices like TrainingJob: sentences are
// dealt into k folds (seeded), each fold is tagged by a model trained on the others, and the
// spans of all folds are scored together (micro-averaged).
class CrossValidationJob {
 public:
  CrossValidationJob(TaggerData data, TaggerOptions options, std::size_t folds);
  bool step(std::size_t tokenBudget);
  bool done() const { return fold_ >= folds_; }
  double progress() const;
  std::size_t folds() const { return folds_; }
  const SpanScore& score() const { return score_; }

 private:
  void startFold();
  TaggerData data_;
  TaggerOptions options_;
  std::size_t folds_ = 0, fold_ = 0;
  std::vector<uint32_t> foldOf_;
  std::vector<TrainingJob> job_;  // empty or the current fold's job
  SpanScore score_;
};

}  // namespace scholion
