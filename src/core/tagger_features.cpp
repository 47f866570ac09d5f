// The tagger's token features and its training data prepared from labelled documents.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>

#include "char_class.h"
#include "tagger.h"

namespace scholion {
namespace {

uint64_t fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}
uint64_t feature(std::string_view name, std::string_view value) {
  return fnv(fnv(14695981039346656037ULL, name), value);
}

// "Jiang" -> "Xx", "U.S." -> "X.X.", "2000" -> "d", "江" -> "C": runs of one class collapse.
std::string shapeOf(std::string_view word) {
  std::string out;
  std::size_t i = 0;
  char last = 0;
  while (i < word.size()) {
    uint32_t c = decodeUtf8(word, i);
    CharClass k = classify(c);
    char s = k == CharClass::Digit       ? 'd'
             : k == CharClass::Ideograph ? 'C'
             : k == CharClass::Letter    ? (foldCase(c) != c ? 'X' : 'x')
             : c < 0x80                  ? static_cast<char>(c)
                                         : '*';
    if (s != last) out += s;
    last = s;
  }
  return out;
}

// Case of a word: "init", "upper", "lower", "mixed" or "none" (no cased letter).
const char* caseOf(std::string_view word) {
  std::size_t i = 0, upper = 0, lower = 0;
  bool firstUpper = false, first = true;
  while (i < word.size()) {
    uint32_t c = decodeUtf8(word, i);
    bool up = foldCase(c) != c;
    bool low = !up && classify(c) == CharClass::Letter && c < 0x3000;
    if (first) firstUpper = up;
    first = false;
    upper += up;
    lower += low;
  }
  if (upper == 0) return lower ? "lower" : "none";
  if (lower == 0) return "upper";
  return firstUpper && upper == 1 ? "init" : "mixed";
}

// Byte offsets where each code point of a word starts.
void cpStarts(std::string_view w, std::vector<std::size_t>& out) {
  out.clear();
  for (std::size_t i = 0; i < w.size();) {
    out.push_back(i);
    decodeUtf8(w, i);
  }
}

struct TokenText {
  std::string lower, shape;
  const char* caseName = "none";
};

// Hashed feature names, made once.
struct Names {
  uint64_t bias = feature("bias", ""), w = feature("w", ""), shape = feature("shape", ""),
           cas = feature("case", ""), firstCase = feature("first+case", ""),
           midCase = feature("case+", ""), wm1 = feature("w-1", ""), wp1 = feature("w+1", ""),
           wm2 = feature("w-2", ""), wp2 = feature("w+2", ""), sm1 = feature("shape-1", ""),
           sp1 = feature("shape+1", ""), bigram = feature("w-1|w", ""), gaz = feature("gaz", "");
  uint64_t pre[3] = {feature("pre1", ""), feature("pre2", ""), feature("pre3", "")};
  uint64_t suf[3] = {feature("suf1", ""), feature("suf2", ""), feature("suf3", "")};
};

}  // namespace

void addGazetteerHits(const PhraseMatcher& gazetteer, const std::vector<PhraseMatch>& matches,
                      GazetteerHits& hits) {
  for (const PhraseMatch& m : matches) {
    const std::string& label = gazetteer.entries()[m.entry].label;
    for (uint32_t k = 0; k < m.tokenCount; ++k)
      hits[m.firstToken + k].push_back((k == 0 ? "B-" : "I-") + label);
  }
}

void sentenceFeatures(const Document& doc, const Sentence& s, const GazetteerHits& hits,
                      std::vector<std::vector<uint64_t>>::iterator out) {
  static const Names n;
  const auto& tokens = doc.tokens();
  const std::size_t a = s.firstToken, b = s.firstToken + s.tokenCount;
  std::vector<TokenText> tt(s.tokenCount);
  std::vector<std::size_t> starts;
  for (std::size_t i = a; i < b; ++i) {
    std::string_view w = doc.sliceView(tokens[i].start, tokens[i].end);
    tt[i - a] = TokenText{foldCase(w), shapeOf(w), caseOf(w)};
  }
  auto word = [&](std::ptrdiff_t i) -> std::string_view {
    if (i < static_cast<std::ptrdiff_t>(a)) return "<s>";
    if (i >= static_cast<std::ptrdiff_t>(b)) return "</s>";
    return tt[static_cast<std::size_t>(i) - a].lower;
  };
  auto shape = [&](std::ptrdiff_t i) -> std::string_view {
    if (i < static_cast<std::ptrdiff_t>(a) || i >= static_cast<std::ptrdiff_t>(b)) return "_";
    return tt[static_cast<std::size_t>(i) - a].shape;
  };
  for (std::size_t i = a; i < b; ++i) {
    auto j = static_cast<std::ptrdiff_t>(i);
    const TokenText& t = tt[i - a];
    auto& f = out[static_cast<std::ptrdiff_t>(i - a)];
    f.clear();
    f.reserve(22);
    f.push_back(n.bias);
    f.push_back(fnv(n.w, t.lower));
    f.push_back(fnv(n.shape, t.shape));
    f.push_back(fnv(n.cas, t.caseName));
    f.push_back(fnv(i == a ? n.firstCase : n.midCase, t.caseName));
    cpStarts(t.lower, starts);
    const std::string_view lw = t.lower;
    for (std::size_t k = 1; k <= 3; ++k) {
      const bool whole = starts.size() <= k;
      f.push_back(fnv(n.pre[k - 1], whole ? lw : lw.substr(0, starts[k])));
      f.push_back(fnv(n.suf[k - 1], whole ? lw : lw.substr(starts[starts.size() - k])));
    }
    f.push_back(fnv(n.wm1, word(j - 1)));
    f.push_back(fnv(n.wp1, word(j + 1)));
    f.push_back(fnv(n.wm2, word(j - 2)));
    f.push_back(fnv(n.wp2, word(j + 2)));
    f.push_back(fnv(n.sm1, shape(j - 1)));
    f.push_back(fnv(n.sp1, shape(j + 1)));
    f.push_back(fnv(fnv(n.bigram, word(j - 1)), t.lower));
    if (!hits.empty())
      for (const std::string& g : hits[i]) f.push_back(fnv(n.gaz, g));
  }
}

std::vector<std::vector<uint64_t>> documentFeatures(const Document& doc,
                                                    const PhraseMatcher* gazetteer,
                                                    const std::vector<uint8_t>* sentences) {
  GazetteerHits hits;
  if (gazetteer) {
    hits.resize(doc.tokens().size());
    addGazetteerHits(*gazetteer, gazetteer->match(doc), hits);
  }
  std::vector<std::vector<uint64_t>> out(doc.tokens().size());
  const auto& sents = doc.sentences();
  for (std::size_t si = 0; si < sents.size(); ++si)
    if (!sentences || (*sentences)[si])
      sentenceFeatures(doc, sents[si], hits, out.begin() + sents[si].firstToken);
  return out;
}

TaggerDataBuilder::TaggerDataBuilder(std::vector<LabelledDocument> docs,
                                     const RejectedSet& rejected, const PhraseMatcher* gazetteer,
                                     TrainingScope scope)
    : docs_(std::move(docs)), gazetteer_(gazetteer), scope_(scope) {
  std::set<std::string> labels;
  for (const auto& d : docs_) {
    if (d.spans)
      for (const Span& s : *d.spans) labels.insert(s.label);
    rejected_.push_back(rejected.rangesOf(d.id));
  }
  data_.labels.assign(labels.begin(), labels.end());
  for (std::size_t k = 0; k < data_.labels.size(); ++k)
    labelId_[data_.labels[k]] = static_cast<uint16_t>(k);
}

bool TaggerDataBuilder::step(std::size_t tokenBudget) {
  std::size_t visited = 0;
  const std::size_t at = stage();
  while (!done() && (visited == 0 || (visited < tokenBudget && stage() == at))) {
    const Document* doc = docs_[doc_].document;
    const std::size_t left = std::max<std::size_t>(1, tokenBudget - visited);
    if (phase_ == Phase::Start) {
      visited += startDocument();
    } else if (phase_ == Phase::SortSpans) {
      if (spanSort_->step(left)) {
        spanSort_.reset();
        phase_ = Phase::Gold;
      }
      visited += std::min(left, spans_.size() + 1);
    } else if (phase_ == Phase::Gold) {
      visited += goldTags(left);
    } else if (phase_ == Phase::Keep) {
      visited += keepSentences(left);
    } else if (phase_ == Phase::Gazetteer) {
      const std::size_t chunk = std::max<std::size_t>(1, tokenBudget - visited);
      const std::size_t to = gazToken_ + std::min(chunk, doc->tokens().size() - gazToken_);
      std::vector<PhraseMatch> found;
      gazetteer_->matchTokens(*doc, gazCursor_, gazToken_, to, found);
      addGazetteerHits(*gazetteer_, found, hits_);
      visited += to - gazToken_ + 1;
      gazToken_ = to;
      if (gazToken_ >= doc->tokens().size()) phase_ = Phase::Sentences;
    } else if (sentence_ < keep_.size()) {
      const std::size_t si = sentence_++;
      if (keep_[si]) visited += addSentence(si) + 1;
    } else {
      nextDocument();
    }
  }
  return done();
}

void TaggerDataBuilder::nextDocument() {
  ++doc_;
  phase_ = Phase::Start;
  gold_.clear();
  spans_.clear();
  wanted_.clear();
  keep_.clear();
  hits_.clear();
}

std::size_t TaggerDataBuilder::startDocument() {
  const LabelledDocument& d = docs_[doc_];
  if (!d.document) {
    nextDocument();
    return 1;
  }
  const std::size_t n = d.document->tokens().size();
  gold_.assign(n, 0);
  wanted_.assign(n, 0);
  spans_.clear();
  if (d.spans)
    for (const Span& s : *d.spans) spans_.push_back(&s);
  spanSort_.emplace(spans_, [](const Span* x, const Span* y) {
    return x->start != y->start ? x->start < y->start : x->end > y->end;
  });
  at_ = 0;
  anySpan_ = false;
  phase_ = Phase::SortSpans;
  return spans_.size() / 16 + n / 64 + 1;
}

// Places the next spans' gold tags (a span overlapping one already placed is left out).
std::size_t TaggerDataBuilder::goldTags(std::size_t budget) {
  const Document& doc = *docs_[doc_].document;
  const auto& tokens = doc.tokens();
  std::size_t work = 0;
  for (; at_ < spans_.size() && work < budget; ++at_) {
    const Span* s = spans_[at_];
    std::size_t first = doc.tokenAtOrAfter(s->start), last = first;
    while (last < tokens.size() && tokens[last].start < s->end) ++last;
    work += 1 + (last - first);
    if (first == last) continue;
    bool free = true;
    for (std::size_t k = first; k < last && free; ++k) free = gold_[k] == 0;
    if (!free) continue;
    uint16_t id = labelId_[s->label];
    for (std::size_t k = first; k < last; ++k) {
      gold_[k] = static_cast<uint16_t>(k == first ? 1 + 2 * id : 2 + 2 * id);
      wanted_[k] = 1;
    }
    anySpan_ = true;
    ++data_.spanCount;
  }
  if (at_ < spans_.size()) return std::max<std::size_t>(work, 1);
  for (auto [start, end] : rejected_[doc_])
    for (std::size_t k = doc.tokenAtOrAfter(start); k < tokens.size() && tokens[k].start < end; ++k)
      wanted_[k] = 1;
  if (scope_ == TrainingScope::AnnotatedDocuments && !anySpan_) {
    nextDocument();
    return work + 1;
  }
  keep_.assign(doc.sentences().size(), 1);
  at_ = 0;
  phase_ = Phase::Keep;
  return work + 1;
}

// Marks the next sentences kept or not; once all are, the gazetteer or the sentences come next.
std::size_t TaggerDataBuilder::keepSentences(std::size_t budget) {
  const Document& doc = *docs_[doc_].document;
  const auto& sents = doc.sentences();
  std::size_t work = 0;
  if (scope_ == TrainingScope::AnnotatedSentences)
    for (; at_ < sents.size() && work < budget; ++at_) {
      auto first = wanted_.begin() + static_cast<std::ptrdiff_t>(sents[at_].firstToken);
      keep_[at_] =
          std::find(first, first + sents[at_].tokenCount, 1) != first + sents[at_].tokenCount;
      work += 1 + sents[at_].tokenCount / 16;
    }
  if (scope_ == TrainingScope::AnnotatedSentences && at_ < sents.size())
    return std::max<std::size_t>(work, 1);
  if (std::find(keep_.begin(), keep_.end(), 1) == keep_.end()) {
    nextDocument();
    return work + 1;
  }
  sentence_ = 0;
  phase_ = Phase::Sentences;
  if (gazetteer_) {
    hits_.assign(doc.tokens().size(), {});
    gazToken_ = 0;
    gazCursor_ = 0;
    phase_ = Phase::Gazetteer;
  }
  return work + 1;
}

std::size_t TaggerDataBuilder::addSentence(std::size_t si) {
  const Document& doc = *docs_[doc_].document;
  const auto& tokens = doc.tokens();
  const Sentence& sentence = doc.sentences()[si];
  std::vector<std::vector<uint64_t>> features(sentence.tokenCount);
  sentenceFeatures(doc, sentence, hits_, features.begin());
  for (const auto& token : features)
    for (uint64_t f : token) features_.add(f);
  const std::size_t a = sentence.firstToken, b = a + sentence.tokenCount;
  for (std::size_t from = a; from < b;) {
    std::size_t to = std::min(b, from + kMaxSequence);
    while (to < b && to > from + 1 && gold_[to] != 0 && gold_[to] % 2 == 0) --to;  // not in a span
    TaggedSentence ts;
    ts.document = doc_;
    ts.tokens.assign(tokens.begin() + from, tokens.begin() + to);
    ts.features.assign(std::make_move_iterator(features.begin() + (from - a)),
                       std::make_move_iterator(features.begin() + (to - a)));
    ts.gold.assign(gold_.begin() + from, gold_.begin() + to);
    data_.tokenCount += to - from;
    data_.sentences.push_back(std::move(ts));
    from = to;
  }
  return sentence.tokenCount;
}

TaggerData TaggerDataBuilder::take() {
  data_.featureCount = features_.size();
  features_ = DistinctCounter();
  TaggerData out = std::move(data_);
  data_ = TaggerData();
  return out;
}

TaggerData prepareTaggerData(const std::vector<LabelledDocument>& docs, const RejectedSet& rejected,
                             const PhraseMatcher* gazetteer, TrainingScope scope) {
  TaggerDataBuilder builder(docs, rejected, gazetteer, scope);
  while (!builder.step(SIZE_MAX)) {
  }
  return builder.take();
}

}  // namespace scholion
