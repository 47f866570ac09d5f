// Averaged perceptron BIO tagger: decoding, sliced training, span scoring, k-fold evaluation.
#include "tagger.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace scholion {
namespace {

// Hashes of the previous-tag features (one per tag id, and per pair of previous tags).
uint64_t prevTagFeature(uint16_t prev) {
  return 0x9E3779B97F4A7C15ULL * (prev + 1) ^ 0x7165676174ULL;
}
uint64_t prevPairFeature(uint16_t prev2, uint16_t prev) {
  return 0xC2B2AE3D27D4EB4FULL * ((static_cast<uint64_t>(prev2) << 16 | prev) + 1) ^ 0x70616972ULL;
}

// I-X may only follow B-X or I-X.
bool allowed(uint16_t prev, uint16_t tag) {
  return tag == 0 || tag % 2 == 1 || prev == tag || prev + 1 == tag;
}

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

void shuffle(std::vector<uint32_t>& v, uint64_t& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[splitmix(rng) % i]);
}

// Scores every tag for one token (static features plus the previous tags) and returns the best
// tag allowed after `prev`.
uint16_t bestTag(const WeightTable& t, const std::vector<uint64_t>& features, uint16_t prev,
                 uint16_t prev2, std::vector<float>& score) {
  score.assign(t.tags, 0.0f);
  auto add = [&](uint64_t f) {
    if (const float* r = t.row(f))
      for (std::size_t c = 0; c < t.tags; ++c) score[c] += r[c];
  };
  for (uint64_t f : features) add(f);
  add(prevTagFeature(prev));
  add(prevPairFeature(prev2, prev));
  uint16_t best = 0;
  for (std::size_t c = 1; c < t.tags; ++c)
    if (allowed(prev, static_cast<uint16_t>(c)) && score[c] > score[best])
      best = static_cast<uint16_t>(c);
  return best;
}

// Greedy left-to-right decoding over one sequence with any weight table.
void greedy(const WeightTable& t, const std::vector<std::vector<uint64_t>>& features,
            std::vector<uint16_t>& tags, std::vector<float>* confidence) {
  const std::size_t n = features.size();
  tags.assign(n, 0);
  if (confidence) confidence->assign(n, 1.0f);
  std::vector<float> score;
  uint16_t prev = 0, prev2 = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const uint16_t best = bestTag(t, features[i], prev, prev2, score);
    tags[i] = best;
    if (confidence) {
      double sum = 0;
      for (std::size_t c = 0; c < t.tags; ++c)
        if (allowed(prev, static_cast<uint16_t>(c)))
          sum += std::exp(double(score[c] - score[best]));
      (*confidence)[i] = static_cast<float>(1.0 / sum);
    }
    prev2 = prev;
    prev = best;
  }
}

// Spans of a BIO sequence as (first token, end token, label id).
struct TagSpan {
  std::size_t first, end;
  uint16_t label;
  bool operator==(const TagSpan& o) const {
    return first == o.first && end == o.end && label == o.label;
  }
};
std::vector<TagSpan> spansOf(const std::vector<uint16_t>& tags) {
  std::vector<TagSpan> out;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == 0 || tags[i] % 2 == 0) continue;  // spans start at B (an I after O is not one)
    std::size_t j = i + 1;
    while (j < tags.size() && tags[j] == tags[i] + 1) ++j;
    out.push_back(TagSpan{i, j, static_cast<uint16_t>((tags[i] - 1) / 2)});
  }
  return out;
}

}  // namespace

const float* WeightTable::row(uint64_t feature) const {
  auto it = rows.find(feature);
  return it == rows.end() ? nullptr : &weights[it->second * tags];
}

TaggerModel::TaggerModel(std::vector<std::string> labels, WeightTable table)
    : labels_(std::move(labels)), table_(std::move(table)) {}

void TaggerModel::decode(const std::vector<std::vector<uint64_t>>& features,
                         std::vector<uint16_t>& tags, std::vector<float>* confidence) const {
  greedy(table_, features, tags, confidence);
}

std::vector<TaggedSpan> TaggerModel::predict(const Document& doc,
                                             const PhraseMatcher* gazetteer) const {
  std::vector<TaggedSpan> out;
  if (empty()) return out;
  GazetteerHits hits;
  if (gazetteer) {
    hits.resize(doc.tokens().size());
    addGazetteerHits(*gazetteer, gazetteer->match(doc), hits);
  }
  for (const Sentence& s : doc.sentences()) predictSentence(doc, s, hits, out);
  return out;
}

void TaggerModel::predictSentence(const Document& doc, const Sentence& s, const GazetteerHits& hits,
                                  std::vector<TaggedSpan>& out) const {
  if (empty()) return;
  const auto& tokens = doc.tokens();
  std::vector<std::vector<uint64_t>> features(s.tokenCount);
  sentenceFeatures(doc, s, hits, features.begin());
  std::vector<uint16_t> tags;
  std::vector<float> conf;
  for (std::size_t from = s.firstToken, b = s.firstToken + s.tokenCount; from < b;) {
    std::size_t to = std::min(b, from + kMaxSequence);
    std::vector<std::vector<uint64_t>> f(features.begin() + (from - s.firstToken),
                                         features.begin() + (to - s.firstToken));
    decode(f, tags, &conf);
    for (const TagSpan& t : spansOf(tags)) {
      float c = 1.0f;
      for (std::size_t k = t.first; k < t.end; ++k) c = std::min(c, conf[k]);
      out.push_back(TaggedSpan{tokens[from + t.first].start, tokens[from + t.end - 1].end,
                               labels_[t.label], c});
    }
    from = to;
  }
}

void DistinctCounter::add(uint64_t v) {
  if (v == 0) {
    zero_ = true;
    return;
  }
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = (v * 0x9E3779B97F4A7C15ULL) >> 20 & mask;; i = (i + 1) & mask) {
    if (slots_[i] == v) return;
    if (slots_[i] == 0) {
      slots_[i] = v;
      ++size_;
      return;
    }
  }
}

void DistinctCounter::grow() {
  std::vector<uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  size_ = 0;
  for (uint64_t v : old)
    if (v) add(v);
}

TrainingJob::TrainingJob(TaggerData data, TaggerOptions options)
    : data_(std::move(data)), options_(options), rng_(options.seed) {
  table_.tags = data_.tagCount();
  // Room for every feature training can meet (the static ones and the previous-tag ones), so the
  // table never grows (a rehash and three copies of every weight) inside a step.
  const std::size_t rows = data_.featureCount + table_.tags + table_.tags * table_.tags;
  table_.rows.reserve(rows);
  table_.weights.reserve(rows * table_.tags);
  totals_.reserve(rows * table_.tags);
  stamps_.reserve(rows * table_.tags);
  order_.resize(data_.sentences.size());
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<uint32_t>(i);
  shuffle(order_, rng_);
}

double TrainingJob::progress() const {
  if (done()) return 1.0;
  return (epoch_ + double(next_) / double(order_.size())) / options_.epochs;
}

void TrainingJob::update(uint64_t feature, uint16_t tag, float delta) {
  auto [it, added] = table_.rows.emplace(feature, static_cast<uint32_t>(table_.rows.size()));
  if (added) {
    table_.weights.resize(table_.weights.size() + table_.tags, 0.0f);
    totals_.resize(table_.weights.size(), 0.0);
    stamps_.resize(table_.weights.size(), clock_);
  }
  std::size_t cell = it->second * table_.tags + tag;
  totals_[cell] += double(clock_ - stamps_[cell]) * table_.weights[cell];
  stamps_[cell] = clock_;
  table_.weights[cell] += delta;
}

void TrainingJob::train(const TaggedSentence& s) {
  std::vector<float> score;
  uint16_t prev = 0, prev2 = 0;
  for (std::size_t i = 0; i < s.gold.size(); ++i) {
    // Decode token i after the tags predicted so far (as prediction will), learn from a mistake.
    const uint16_t best = bestTag(table_, s.features[i], prev, prev2, score);
    ++clock_;
    const uint16_t gold = s.gold[i];
    if (best != gold) {
      for (uint64_t f : s.features[i]) {
        update(f, gold, 1.0f);
        update(f, best, -1.0f);
      }
      for (uint64_t f : {prevTagFeature(prev), prevPairFeature(prev2, prev)}) {
        update(f, gold, 1.0f);
        update(f, best, -1.0f);
      }
    }
    prev2 = prev;
    prev = best;
  }
}

bool TrainingJob::step(std::size_t tokenBudget) {
  std::size_t visited = 0;
  if (trained()) {  // average a bounded number of weights in place
    const std::size_t left = table_.weights.size() - averaged_;
    const std::size_t units = std::max<std::size_t>(1, tokenBudget);
    const std::size_t cells =
        units > left / kAverageCellsPerToken ? left : units * kAverageCellsPerToken;
    for (std::size_t c = averaged_; c < averaged_ + cells; ++c) table_.weights[c] = averaged(c);
    averaged_ += cells;
    return done();
  }
  while (!trained() && (visited == 0 || visited < tokenBudget)) {
    const TaggedSentence& s = data_.sentences[order_[next_]];
    train(s);
    visited += s.gold.size() + 1;
    if (++next_ == order_.size()) {
      next_ = 0;
      ++epoch_;
      shuffle(order_, rng_);
    }
  }
  return done();
}

float TrainingJob::averaged(std::size_t c) const {
  if (clock_ == 0) return table_.weights[c];
  return static_cast<float>((totals_[c] + double(clock_ - stamps_[c]) * table_.weights[c]) /
                            double(clock_));
}

TaggerModel TrainingJob::model() const {
  WeightTable avg = table_;
  for (std::size_t c = averaged_; c < avg.weights.size(); ++c) avg.weights[c] = averaged(c);
  return TaggerModel(data_.labels, std::move(avg));
}

TaggerModel TrainingJob::takeModel() {
  while (!done()) step(SIZE_MAX);
  TaggerModel m(data_.labels, std::move(table_));
  table_ = WeightTable();
  table_.tags = data_.tagCount();
  averaged_ = 0;
  totals_.clear();
  stamps_.clear();
  return m;
}

SpanScore scoreSequence(const std::vector<uint16_t>& gold, const std::vector<uint16_t>& predicted) {
  SpanScore s;
  auto g = spansOf(gold), p = spansOf(predicted);
  s.gold = g.size();
  s.predicted = p.size();
  for (const TagSpan& x : p) s.correct += std::find(g.begin(), g.end(), x) != g.end();
  return s;
}

SpanScore evaluate(const TaggerModel& model, const TaggerData& data) {
  SpanScore total;
  std::vector<uint16_t> tags;
  for (const TaggedSentence& s : data.sentences) {
    model.decode(s.features, tags, nullptr);
    total.add(scoreSequence(s.gold, tags));
  }
  return total;
}

CrossValidationJob::CrossValidationJob(TaggerData data, TaggerOptions options, std::size_t folds)
    : data_(std::move(data)), options_(options) {
  folds_ = std::min(folds, data_.sentences.size());
  if (folds_ < 2) {
    folds_ = 0;  // nothing to hold out
    return;
  }
  std::vector<uint32_t> order(data_.sentences.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  uint64_t rng = options_.seed ^ 0xF01D5ULL;
  shuffle(order, rng);
  foldOf_.resize(order.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    foldOf_[order[i]] = static_cast<uint32_t>(i % folds_);
  startFold();
}

void CrossValidationJob::startFold() {
  TaggerData train;
  train.labels = data_.labels;
  for (std::size_t i = 0; i < data_.sentences.size(); ++i)
    if (foldOf_[i] != fold_) train.sentences.push_back(data_.sentences[i]);
  job_.clear();
  job_.emplace_back(std::move(train), options_);
}

double CrossValidationJob::progress() const {
  if (done()) return 1.0;
  return (fold_ + (job_.empty() ? 0.0 : job_[0].progress())) / double(folds_);
}

bool CrossValidationJob::step(std::size_t tokenBudget) {
  if (done()) return true;
  if (!job_[0].step(tokenBudget)) return false;
  TaggerModel m = job_[0].model();
  std::vector<uint16_t> tags;
  for (std::size_t i = 0; i < data_.sentences.size(); ++i) {
    if (foldOf_[i] != fold_) continue;
    m.decode(data_.sentences[i].features, tags, nullptr);
    score_.add(scoreSequence(data_.sentences[i].gold, tags));
  }
  if (++fold_ < folds_)
    startFold();
  else
    job_.clear();
  return done();
}

}  // namespace scholion
