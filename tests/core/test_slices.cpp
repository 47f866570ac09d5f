// Tests that the frame loop's sliced jobs give exactly the one-shot results: matching by token
// ranges, preparing the tagger's data and computing a document's suggestions a little at a time.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "document.h"
#include "phrase_matcher.h"
#include "phrase_matcher_builder.h"
#include "sliced_sort.h"
#include "string_match_job.h"
#include "suggest_job.h"
#include "suggest_rehearsal.h"
#include "suggest_sources.h"
#include "tagger.h"
#include "test_support.h"

using namespace scholion;

namespace {

// Spans on every occurrence of each (text, label).
std::vector<Span> labelAll(const Document& d, const std::string& text,
                           const std::vector<std::pair<std::string, std::string>>& names) {
  std::vector<Span> out;
  for (const auto& [needle, label] : names)
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + 1)) {
      const auto start = static_cast<uint32_t>(d.offsets().cpOfByte(at));
      const auto end = static_cast<uint32_t>(d.offsets().cpOfByte(at + needle.size()));
      out.push_back(test::span("T" + std::to_string(out.size() + 1), label, start, end, needle));
    }
  return out;
}

// Three documents: a labelled one (with one sentence longer than kMaxSequence), one without
// spans but with a rejected suggestion, and one with nothing; non-ASCII words throughout.
struct Fixture {
  std::string t1, t2, t3;
  std::shared_ptr<const Document> d1, d2, d3;
  std::vector<Span> s1, s2, s3;
  RejectedSet rejected;
  PhraseMatcher gazetteer;
  std::vector<LabelledDocument> docs() const {
    return {{"a", d1.get(), &s1},
            {"b", d2.get(), &s2},
            {"c", d3.get(), &s3},
            {"null", nullptr, nullptr}};
  }
};

Fixture fixture() {
  Fixture f;
  for (int i = 0; i < 12; ++i)
    f.t1 +=
        "Jiang Zemin met Putin in Moscow. Beijing welcomed Zoë Müller. The Committee said "
        "nothing. ";
  for (int i = 0; i < 170; ++i) f.t1 += i % 17 == 0 ? "Putin " : "word ";
  f.t1 += "in Moscow.";
  f.t2 = "Putin left Moscow. Nobody came. Jiang Zemin stayed in Beijing.";
  f.t3 = "Nothing at all here. Moscow.";
  f.d1 = test::documentOf(f.t1);
  f.d2 = test::documentOf(f.t2);
  f.d3 = test::documentOf(f.t3);
  f.s1 = labelAll(*f.d1, f.t1,
                  {{"Jiang Zemin", "Person"},
                   {"Putin", "Person"},
                   {"Zoë Müller", "Person"},
                   {"Moscow", "GPE"},
                   {"Beijing", "GPE"}});
  f.rejected.add(Suggestion{"b", 0, 5, "Person", SuggestionSource::Tagger, 0.5});
  // An entry across a sentence end ("Moscow . Beijing") and overlapping ones.
  f.gazetteer = PhraseMatcher({{"Moscow", "GPE"},
                               {"Moscow. Beijing", "Odd"},
                               {"Jiang Zemin", "Person"},
                               {"Zemin", "Person"},
                               {"zoë müller", "Person", true}});
  return f;
}

void sameData(const TaggerData& a, const TaggerData& b) {
  CHECK(a.labels == b.labels);
  CHECK(a.tokenCount == b.tokenCount);
  CHECK(a.spanCount == b.spanCount);
  REQUIRE(a.sentences.size() == b.sentences.size());
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    const TaggedSentence &x = a.sentences[i], &y = b.sentences[i];
    CHECK(x.document == y.document);
    CHECK(x.features == y.features);
    CHECK(x.gold == y.gold);
    REQUIRE(x.tokens.size() == y.tokens.size());
    for (std::size_t k = 0; k < x.tokens.size(); ++k)
      CHECK((x.tokens[k].start == y.tokens[k].start && x.tokens[k].end == y.tokens[k].end));
  }
}

TaggerData sliced(const Fixture& f, const PhraseMatcher* gaz, TrainingScope scope,
                  std::size_t budget, std::size_t& steps) {
  TaggerDataBuilder b(f.docs(), f.rejected, gaz, scope);
  steps = 0;
  while (!b.step(budget)) ++steps;
  ++steps;
  CHECK(b.done());
  return b.take();
}

void sameSuggestions(const std::vector<Suggestion>& a, const std::vector<Suggestion>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].sameSpan(b[i]));
    CHECK(a[i].source == b[i].source);
    CHECK(a[i].confidence == b[i].confidence);
  }
}

// The same matches in the same order.
void sameMatches(const std::vector<PhraseMatch>& got, const std::vector<PhraseMatch>& expected) {
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i)
    CHECK((got[i].start == expected[i].start && got[i].end == expected[i].end &&
           got[i].firstToken == expected[i].firstToken && got[i].entry == expected[i].entry));
}

}  // namespace

TEST_CASE("matching a token range at a time finds what one pass finds", "[slices]") {
  Fixture f = fixture();
  const Document& d = *f.d1;
  const std::vector<PhraseMatch> whole = f.gazetteer.match(d);
  REQUIRE(whole.size() > 40);
  bool crossing = false;  // the "Moscow. Beijing" entry spans two sentences and chunk bounds
  for (const PhraseMatch& m : whole) crossing |= f.gazetteer.entries()[m.entry].label == "Odd";
  CHECK(crossing);
  for (std::size_t chunk : {1, 2, 3, 7, 64}) {
    std::vector<PhraseMatch> got;
    uint32_t cursor = 0;
    for (std::size_t from = 0; from < d.tokens().size(); from += chunk)
      f.gazetteer.matchTokens(d, cursor, from, from + chunk, got);
    sameMatches(got, whole);
  }
}

TEST_CASE("training data prepared in slices equals the one-shot preparation", "[slices]") {
  Fixture f = fixture();
  const PhraseMatcher* none = nullptr;
  const PhraseMatcher* gazetteer = &f.gazetteer;
  for (const PhraseMatcher* gaz : {none, gazetteer})
    for (TrainingScope scope :
         {TrainingScope::AnnotatedSentences, TrainingScope::AnnotatedDocuments}) {
      const TaggerData whole = prepareTaggerData(f.docs(), f.rejected, gaz, scope);
      REQUIRE(whole.spanCount == f.s1.size());
      REQUIRE(whole.sentences.size() > 10);
      for (std::size_t budget : {1, 5, 64, 1000}) {
        std::size_t steps = 0;
        const TaggerData part = sliced(f, gaz, scope, budget, steps);
        sameData(part, whole);
        // Bounded: with a budget of one token each step adds at most one sentence.
        if (budget == 1) CHECK(steps >= whole.sentences.size());
      }
    }
  // The rejected suggestion brings document b's first sentence in (as O) only while annotating.
  const TaggerData a =
      prepareTaggerData(f.docs(), f.rejected, nullptr, TrainingScope::AnnotatedSentences);
  std::size_t fromB = 0;
  for (const TaggedSentence& s : a.sentences) fromB += s.document == 1;
  CHECK(fromB == 1);
  // The features are those of documentFeatures over the whole document.
  const auto all = documentFeatures(*f.d1, &f.gazetteer);
  const TaggerData g =
      prepareTaggerData(f.docs(), f.rejected, &f.gazetteer, TrainingScope::AnnotatedDocuments);
  std::size_t token = 0;
  for (const TaggedSentence& s : g.sentences)
    if (s.document == 0)
      for (const auto& feats : s.features) CHECK(feats == all[token++]);
  CHECK(token == f.d1->tokens().size());
}

TEST_CASE("a document's suggestions computed in slices equal the one-shot ones", "[slices]") {
  Fixture f = fixture();
  const auto docs = f.docs();
  TaggerOptions o;
  o.epochs = 3;
  TrainingJob job(prepareTaggerData(docs, RejectedSet(), &f.gazetteer, o.scope), o);
  while (!job.step(100)) {
  }
  SuggestionSources src;
  src.rebuildStringMatch(docs);
  src.gazetteer = f.gazetteer;
  src.model = job.model();
  REQUIRE_FALSE(src.model.empty());
  std::vector<AnnotationLayer> others(1);
  others[0].annotator = "model";
  others[0].spans = {test::span("P1", "GPE", 0, 5, "Putin")};
  src.importedAnnotator = "model";
  for (std::size_t d : {0, 1, 2}) {
    src.taggerCache.clear();
    const std::vector<Suggestion> whole = src.suggest(docs[d], &others, f.rejected);
    if (d == 1) REQUIRE(whole.size() >= 4);
    // The tagger's part is the model's prediction over the whole document.
    REQUIRE(src.taggerCache.count(docs[d].id) == 1);
    const auto predicted = src.model.predict(*docs[d].document, &src.gazetteer);
    const auto& cached = src.taggerCache.at(docs[d].id);
    REQUIRE(cached.size() == predicted.size());
    for (std::size_t i = 0; i < cached.size(); ++i)
      CHECK((cached[i].start == predicted[i].start && cached[i].end == predicted[i].end &&
             cached[i].label == predicted[i].label &&
             cached[i].confidence == predicted[i].confidence));
    for (std::size_t budget : {1, 3, 64}) {
      for (bool cachedTagger : {false, true}) {
        if (!cachedTagger) src.taggerCache.clear();
        SuggestionJob sj(src, docs[d], &others, f.rejected);
        std::size_t steps = 0;
        while (!sj.step(budget)) ++steps;
        if (budget == 1) CHECK(steps >= docs[d].document->tokens().size());
        sameSuggestions(sj.take(), whole);
        CHECK(src.taggerCache.count(docs[d].id) == 1);
      }
    }
  }
  // With sources switched off, the sliced job agrees too (nothing but the imported layer).
  src.useStringMatch = src.useGazetteer = src.useTagger = false;
  SuggestionJob off(src, docs[0], &others, f.rejected);
  while (!off.step(2)) {
  }
  const auto rest = off.take();
  REQUIRE(rest.size() == 1);
  CHECK(rest[0].source == SuggestionSource::Imported);
  // A missing document gives nothing and is done at once.
  SuggestionJob none(src, docs[3], &others, f.rejected);
  CHECK(none.done());
  CHECK(none.take().empty());
}

TEST_CASE("training averages its weights in slices after the last epoch", "[slices]") {
  Fixture f = fixture();
  TaggerOptions o;
  o.epochs = 2;
  const TaggerData data = prepareTaggerData(f.docs(), f.rejected, &f.gazetteer, o.scope);
  TrainingJob whole(data, o);
  while (!whole.step(SIZE_MAX)) {
  }
  const TaggerModel a = whole.model();
  TrainingJob part(data, o);
  std::size_t steps = 0;
  while (!part.step(1)) {
    ++steps;
    // Mid-way the model as trained so far is still the averaged one of the steps so far.
    if (steps == data.sentences.size() * o.epochs + 1) {
      const TaggerModel mid = part.model();
      CHECK(mid.weights().weights == a.weights().weights);
    }
  }
  // Two epochs of one sentence per step, then the averaging a bounded number of weights per step.
  const std::size_t cells = a.weights().weights.size();
  REQUIRE(cells > 2 * TrainingJob::kAverageCellsPerToken);
  CHECK(steps + 1 >= data.sentences.size() * o.epochs + cells / TrainingJob::kAverageCellsPerToken);
  const TaggerModel b = part.takeModel();
  CHECK(b.labels() == a.labels());
  CHECK(b.weights().rows == a.weights().rows);
  CHECK(b.weights().weights == a.weights().weights);
  CHECK(part.done());
  CHECK(part.data().sentences.size() == data.sentences.size());
}

TEST_CASE("a sort in slices gives std::stable_sort's order", "[slices]") {
  // Keys with many repeats, so stability shows: each element remembers its first place.
  using Item = std::pair<uint32_t, uint32_t>;
  auto byKey = [](const Item& a, const Item& b) { return a.first < b.first; };
  uint32_t seed = 12345;
  for (std::size_t n : {0, 1, 31, 32, 33, 64, 65, 1000, 4097}) {
    std::vector<Item> items;
    for (uint32_t i = 0; i < n; ++i) {
      seed = seed * 1103515245u + 12345u;
      items.push_back({(seed >> 16) % 50, i});
    }
    std::vector<Item> expected = items;
    std::stable_sort(expected.begin(), expected.end(), byKey);
    for (std::size_t budget : {std::size_t(1), std::size_t(7), std::size_t(100), SIZE_MAX}) {
      std::vector<Item> v = items;
      SlicedSort<Item, decltype(byKey)> sort(v, byKey);
      std::size_t steps = 1;
      while (!sort.step(budget)) ++steps;
      CHECK(v == expected);
      // Bounded work per step: with budget 1 every element is moved in a step of its own on
      // every merge pass, so the steps grow with n.
      if (budget == 1 && n > 64) CHECK(steps >= n);
    }
  }
}

TEST_CASE("collecting, sorting and merging suggestions go in slices too", "[slices]") {
  // Many string matches: a document that repeats a few labelled names, most not yet spans.
  std::string text;
  for (int i = 0; i < 400; ++i) text += "Putin met Jiang Zemin in Moscow. ";
  const auto d = test::documentOf(text);
  std::vector<Span> spans = labelAll(
      *d, text.substr(0, 66), {{"Putin", "Person"}, {"Jiang Zemin", "Person"}, {"Moscow", "GPE"}});
  const std::vector<LabelledDocument> docs = {{"a", d.get(), &spans}};
  SuggestionSources src;
  src.rebuildStringMatch(docs);
  src.useTagger = false;
  // Two sources agreeing on the same spans: the merge keeps one of each (the string match).
  src.gazetteer = PhraseMatcher({{"Putin", "Person"}, {"Moscow", "GPE"}});
  RejectedSet rejected;
  rejected.add(Suggestion{"a", 66, 71, "Person", SuggestionSource::StringMatch, 1.0});
  const std::vector<Suggestion> whole = src.suggest(docs[0], nullptr, rejected);
  // Every occurrence but the 6 labelled ones and the rejected one.
  REQUIRE(whole.size() == 400 * 3 - 6 - 1);
  for (std::size_t i = 1; i < whole.size(); ++i) {
    CHECK(suggestionBefore(whole[i - 1], whole[i]));
    CHECK_FALSE(whole[i - 1].sameSpan(whole[i]));
  }
  for (const Suggestion& sg : whole) CHECK(sg.source == SuggestionSource::StringMatch);
  SuggestionJob job(src, docs[0], nullptr, rejected);
  std::size_t steps = 1;
  while (!job.step(1)) ++steps;
  sameSuggestions(job.take(), whole);
  // The job counted them per label as it merged, and knows the longest ("Jiang Zemin").
  REQUIRE(job.perLabel().size() == 2);
  CHECK(job.perLabel().at("Person") == 400 * 2 - 4 - 1);
  CHECK(job.perLabel().at("GPE") == 400 - 2);
  CHECK(job.longest() == 11);
  // Matching visits each token once; collecting, sorting and merging each handle every
  // suggestion (the gazetteer's repeats too) a step at a time.
  CHECK(steps >= d->tokens().size() + 3 * whole.size());
}

TEST_CASE("prepared data counts its distinct features, so training never grows its table",
          "[slices]") {
  DistinctCounter c;
  for (uint64_t v = 0; v < 5000; ++v) c.add(v * 7919 % 3001);  // 0 included, repeats
  CHECK(c.size() == 3001);
  Fixture f = fixture();
  const TaggerData data =
      prepareTaggerData(f.docs(), f.rejected, &f.gazetteer, TrainingScope::AnnotatedSentences);
  std::set<uint64_t> distinct;
  for (const TaggedSentence& s : data.sentences)
    for (const auto& token : s.features) distinct.insert(token.begin(), token.end());
  CHECK(data.featureCount == distinct.size());
  // Every row the trained model has is a static feature or a previous-tag one.
  TrainingJob job(data, TaggerOptions());
  while (!job.step(64)) {
  }
  const TaggerModel m = job.takeModel();
  CHECK(m.featureCount() <=
        data.featureCount + data.tagCount() + data.tagCount() * data.tagCount());
}

namespace {

// Every occurrence of every entry by brute force: each entry's folded tokens compared at each
// token of the document (exact spelling unless the entry ignores case), ordered as match() orders.
std::vector<PhraseMatch> bruteForce(const PhraseMatcher& m, const Document& d) {
  auto tokenAt = [&](std::size_t i) {
    const Token& t = d.tokens()[i];
    const std::size_t b = d.offsets().byteOfCp(t.start), e = d.offsets().byteOfCp(t.end);
    return std::string(d.text().substr(b, e - b));
  };
  std::vector<PhraseMatch> out;
  for (std::size_t e = 0; e < m.entryCount(); ++e) {
    const PhraseEntry& entry = m.entries()[e];
    const auto words = tokenize(entry.text);
    if (words.empty()) continue;
    OffsetIndex offsets(entry.text);
    for (std::size_t i = 0; i + words.size() <= d.tokens().size(); ++i) {
      bool same = true;
      for (std::size_t k = 0; k < words.size() && same; ++k) {
        const std::size_t b = offsets.byteOfCp(words[k].start), x = offsets.byteOfCp(words[k].end);
        std::string want = entry.text.substr(b, x - b), got = tokenAt(i + k);
        same = entry.ignoreCase ? foldCase(want) == foldCase(got) : want == got;
      }
      if (same)
        out.push_back(PhraseMatch{d.tokens()[i].start, d.tokens()[i + words.size() - 1].end,
                                  static_cast<uint32_t>(i), static_cast<uint32_t>(words.size()),
                                  static_cast<uint32_t>(e)});
    }
  }
  return out;
}

// Matches as a comparable set (match() orders by end token, then longest; entries at one node
// come newest first, which brute force does not reproduce).
std::set<std::vector<uint32_t>> asSet(const std::vector<PhraseMatch>& ms) {
  std::set<std::vector<uint32_t>> out;
  for (const PhraseMatch& m : ms) out.insert({m.start, m.end, m.firstToken, m.tokenCount, m.entry});
  return out;
}

}  // namespace

TEST_CASE("an automaton built a few entries and nodes at a time equals the one built at once",
          "[slices]") {
  // Shared prefixes and suffixes, so failure and dictionary links decide what is found.
  const std::vector<PhraseEntry> entries{
      {"a b c", "X"},     {"b c", "Y"},          {"c", "Z"},         {"b c d", "Y"},
      {"a b c d e", "W"}, {"d e", "V"},          {"Ä b", "U", true}, {"   ", "none"},
      {"c d e f", "T"},   {"江 泽民", "Person"}, {"b", "S"}};
  const std::string text = "a b c d e f. ä B c d e. x a b c d e f g 江 泽民 b c";
  const auto doc = test::documentOf(text);
  const PhraseMatcher whole(entries);
  const std::vector<PhraseMatch> expected = whole.match(*doc);
  REQUIRE(expected.size() > 15);
  CHECK(asSet(expected) == asSet(bruteForce(whole, *doc)));
  for (std::size_t budget : {1, 2, 5}) {
    PhraseMatcherBuilder builder(entries);
    std::size_t steps = 1;
    while (!builder.step(budget)) ++steps;
    CHECK(steps > entries.size() / budget);  // it did go in steps
    const PhraseMatcher built = builder.take();
    const std::vector<PhraseMatch> got = built.match(*doc);
    sameMatches(got, expected);
  }
}

TEST_CASE("the string matching rebuilt in slices equals the one-shot rebuild", "[slices]") {
  Fixture f = fixture();
  // Two labels on one text: the majority wins and its share is kept.
  f.s2 = labelAll(*f.d2, f.t2, {{"Moscow", "Place"}, {"Nobody", "Person"}});
  const auto docs = f.docs();
  SuggestionSources once;
  once.rebuildStringMatch(docs);
  REQUIRE(once.labelled.entryCount() == 6);
  for (std::size_t budget : {1, 3, 64}) {
    StringMatchJob job(docs);
    std::size_t steps = 1;
    while (!job.step(budget)) ++steps;
    CHECK(steps > f.s1.size() / budget);
    SuggestionSources sliced;
    job.finish(sliced);
    REQUIRE(sliced.labelled.entryCount() == once.labelled.entryCount());
    for (std::size_t e = 0; e < once.labelled.entryCount(); ++e) {
      CHECK(sliced.labelled.entries()[e].text == once.labelled.entries()[e].text);
      CHECK(sliced.labelled.entries()[e].label == once.labelled.entries()[e].label);
    }
    CHECK(sliced.labelledShare == once.labelledShare);
    for (const LabelledDocument& d : docs)
      if (d.document)
        CHECK(asSet(sliced.labelled.match(*d.document)) == asSet(once.labelled.match(*d.document)));
  }
  // Moscow: 13 spans as GPE in the first document, 1 as Place in the second.
  for (std::size_t e = 0; e < once.labelled.entryCount(); ++e)
    if (once.labelled.entries()[e].text == "Moscow") {
      CHECK(once.labelled.entries()[e].label == "GPE");
      CHECK(once.labelledShare[e] == Approx(13.0 / 14.0));
    }
}

TEST_CASE("the suggestion rehearsal runs every job to the end and suggests", "[slices]") {
  // Run after start-up so the jobs' code is compiled before the first edit (suggest_rehearsal.h):
  // "Ada" and "Rome" are labelled once and occur again, so string matching finds them.
  CHECK(rehearseSuggestions() >= 2);
}
