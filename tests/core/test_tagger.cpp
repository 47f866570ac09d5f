// Tests of the suggestion tagger: it learns a synthetic pattern, is deterministic with a seed,
// trains in slices, takes rejections as negative evidence, and scores itself by k-fold.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "document.h"
#include "suggest_model.h"
#include "suggest_sources.h"
#include "tagger.h"
#include "test_support.h"

using namespace scholion;

namespace {

// Made-up names from syllables: the k-th name, never a real word of the template.
std::string name(uint64_t k) {
  static const char* const syl[] = {"ka", "lo", "mi", "ru", "te", "sa", "vo", "ne", "bi", "du"};
  std::string s;
  for (int i = 0; i < 3; ++i, k /= 10) s += syl[k % 10];
  s[0] = static_cast<char>(s[0] - 32);
  return s;
}

// Sentences "Mr. First Last met Dr. First Last in Place ." with names first..first+n: Person
// spans on the two names after a title, GPE on the word after "in"; filler sentences with
// capitalised words that are not entities ("The Committee said nothing .").
struct Corpus {
  std::shared_ptr<const Document> doc;
  std::vector<Span> spans;
};
Corpus corpus(uint64_t first, int n) {
  std::string text;
  std::vector<Span> spans;
  auto add = [&](const std::string& w, const char* label) {
    if (!text.empty()) text += ' ';
    uint32_t start = static_cast<uint32_t>(text.size());
    text += w;
    if (label)
      spans.push_back(test::span("T" + std::to_string(spans.size() + 1), label, start,
                                 static_cast<uint32_t>(text.size()), w));
  };
  auto person = [&](const char* title, uint64_t k) {
    add(title, nullptr);
    add(name(k) + " " + name(k * 7 + 3), "Person");
  };
  for (int i = 0; i < n; ++i) {
    uint64_t k = first + static_cast<uint64_t>(i);
    if (i % 3 == 0) {
      add("The Committee said nothing", nullptr);
      add(".\n", nullptr);
    }
    person(i % 2 ? "Mr." : "Mrs.", k);
    add("met", nullptr);
    person("Dr.", k + 500);
    add("in", nullptr);
    add(name(k + 900), "GPE");
    add(".\n", nullptr);
  }
  auto d = Document::create(text);
  REQUIRE(d.ok());
  return Corpus{*d, spans};
}

TaggerModel train(const Corpus& c, TaggerOptions o, std::size_t slice = 1000000) {
  std::vector<LabelledDocument> docs = {{"train", c.doc.get(), &c.spans}};
  TrainingJob job(prepareTaggerData(docs, RejectedSet(), nullptr, o.scope), o);
  while (!job.step(slice)) {
  }
  return job.model();
}

}  // namespace

TEST_CASE("the tagger learns a synthetic pattern perfectly, on names it never saw", "[suggest]") {
  Corpus trainSet = corpus(0, 60), testSet = corpus(200, 30);
  TaggerOptions o;
  o.scope = TrainingScope::AnnotatedDocuments;
  TaggerModel m = train(trainSet, o);
  REQUIRE(m.labels() == std::vector<std::string>{"GPE", "Person"});
  std::vector<TaggedSpan> got = m.predict(*testSet.doc, nullptr);
  REQUIRE(got.size() == testSet.spans.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO(i << ": " << testSet.spans[i].text);
    CHECK(got[i].start == testSet.spans[i].start);
    CHECK(got[i].end == testSet.spans[i].end);
    CHECK(got[i].label == testSet.spans[i].label);
    CHECK((got[i].confidence > 0.0 && got[i].confidence <= 1.0));
  }
  std::vector<LabelledDocument> docs = {{"test", testSet.doc.get(), &testSet.spans}};
  SpanScore s = evaluate(m, prepareTaggerData(docs, RejectedSet(), nullptr, o.scope));
  CHECK(s.f1() == 1.0);
}

TEST_CASE("training is deterministic with a seed and the same in slices", "[suggest]") {
  Corpus c = corpus(0, 25), probe = corpus(300, 20);
  auto predicted = [&](const TaggerModel& m) {
    std::string out;
    for (const TaggedSpan& t : m.predict(*probe.doc, nullptr))
      out += std::to_string(t.start) + "-" + std::to_string(t.end) + t.label + ":" +
             std::to_string(t.confidence) + " ";
    return out;
  };
  TaggerOptions o;
  o.scope = TrainingScope::AnnotatedDocuments;
  o.epochs = 3;  // not converged, so the visiting order shows
  o.seed = 42;
  std::string once = predicted(train(c, o));
  CHECK_FALSE(once.empty());
  CHECK(predicted(train(c, o)) == once);
  CHECK(predicted(train(c, o, 7)) == once);  // in slices of about 7 tokens: the same model
}

TEST_CASE("a training job visits at most about its budget per step", "[suggest]") {
  Corpus c = corpus(0, 40);
  std::vector<LabelledDocument> docs = {{"d", c.doc.get(), &c.spans}};
  TaggerOptions o;
  o.epochs = 2;
  TaggerData data = prepareTaggerData(docs, RejectedSet(), nullptr, o.scope);
  REQUIRE(data.sentences.size() == 40);  // the filler sentences teach nothing here
  std::size_t longest = 0;
  for (const auto& s : data.sentences) longest = std::max(longest, s.gold.size());
  TrainingJob job(data, o);
  int steps = 0;
  double last = 0;
  while (!job.step(10)) {
    ++steps;
    CHECK(job.progress() >= last);
    last = job.progress();
  }
  // Each step is at least one sentence and stops once 10 tokens are reached.
  CHECK(steps + 1 >= static_cast<int>(data.tokenCount * 2 / (10 + longest)));
  CHECK(job.progress() == 1.0);
}

TEST_CASE("only annotated sentences teach, rejections bring theirs in as O", "[suggest]") {
  auto d = Document::create("Mr. Kato Sem met Dr. Lin. Nobody came. Rome was empty. Rome slept.");
  REQUIRE(d.ok());
  std::vector<Span> spans = {test::span("T1", "Person", 4, 12, "Kato Sem")};
  std::vector<LabelledDocument> docs = {{"d", d->get(), &spans}};
  RejectedSet rejected;
  TaggerData a = prepareTaggerData(docs, rejected, nullptr, TrainingScope::AnnotatedSentences);
  REQUIRE(a.sentences.size() == 1);
  CHECK(a.spanCount == 1);
  CHECK(a.sentences[0].gold[1] == 1);  // B-Person (labels: Person)
  CHECK(a.sentences[0].gold[2] == 2);  // I-Person
  rejected.add(Suggestion{"d", 39, 43, "GPE", SuggestionSource::Tagger, 0.5});  // "Rome" was
  TaggerData b = prepareTaggerData(docs, rejected, nullptr, TrainingScope::AnnotatedSentences);
  REQUIRE(b.sentences.size() == 2);
  CHECK(b.sentences[1].gold == std::vector<uint16_t>{0, 0, 0, 0});
  TaggerData all = prepareTaggerData(docs, rejected, nullptr, TrainingScope::AnnotatedDocuments);
  CHECK(all.sentences.size() == 4);
}

TEST_CASE("k-fold held-out F1 on the user's annotations", "[suggest]") {
  Corpus c = corpus(0, 40);
  std::vector<LabelledDocument> docs = {{"d", c.doc.get(), &c.spans}};
  TaggerOptions o;
  TaggerData data = prepareTaggerData(docs, RejectedSet(), nullptr, o.scope);
  CrossValidationJob cv(data, o, 5);
  REQUIRE(cv.folds() == 5);
  while (!cv.step(500)) {
  }
  // Every labelled span is held out exactly once.
  CHECK(cv.score().gold == c.spans.size());
  CHECK(cv.score().f1() > 0.9);
  // Too little to hold anything out.
  TaggerData one;
  one.labels = data.labels;
  one.sentences.push_back(data.sentences[0]);
  CrossValidationJob none(one, o, 5);
  CHECK(none.folds() == 0);
  CHECK(none.done());
}

TEST_CASE("the tagger is a suggestion source with gazetteer hits as features", "[suggest]") {
  Corpus c = corpus(0, 30), probe = corpus(400, 3);
  SuggestionSources src;
  src.useStringMatch = false;
  TaggerOptions o;
  o.scope = TrainingScope::AnnotatedDocuments;
  src.model = train(c, o);
  std::vector<Span> none;
  auto s = src.suggest(LabelledDocument{"p", probe.doc.get(), &none}, nullptr, RejectedSet());
  REQUIRE(s.size() == probe.spans.size());
  CHECK(s[0].source == SuggestionSource::Tagger);
  // Gazetteer hits are features: with a gazetteer, features include them (more than without).
  PhraseMatcher gaz({{name(400 + 900), "GPE"}});
  auto with = documentFeatures(*probe.doc, &gaz), without = documentFeatures(*probe.doc, nullptr);
  std::size_t a = 0, b = 0;
  for (const auto& f : with) a += f.size();
  for (const auto& f : without) b += f.size();
  CHECK(a == b + 1);
}

TEST_CASE("a saved suggestion model predicts the same; a broken one names the place", "[suggest]") {
  Corpus c = corpus(0, 20), probe = corpus(600, 5);
  TaggerOptions o;
  o.scope = TrainingScope::AnnotatedDocuments;
  SuggestModel m;
  m.tagger = train(c, o);
  m.strings = {{"Kalomi Rurute", "Person"}};
  m.shares = {0.75};
  auto back = parseSuggestModel(writeSuggestModel(m), "m.json");
  REQUIRE(back.ok());
  CHECK(back->tagger.labels() == m.tagger.labels());
  CHECK(back->tagger.featureCount() == m.tagger.featureCount());
  CHECK(back->strings[0].text == "Kalomi Rurute");
  CHECK(back->shares[0] == 0.75);
  auto a = m.tagger.predict(*probe.doc, nullptr), b = back->tagger.predict(*probe.doc, nullptr);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    CHECK((a[i].start == b[i].start && a[i].label == b[i].label));
  auto bad = [](const std::string& text) {
    auto r = parseSuggestModel(text, "m.json");
    REQUIRE_FALSE(r.ok());
    return r.error();
  };
  CHECK(bad(R"({"format":"scholion"})") ==
        "m.json: not a Scholion suggestion model (\"format\": \"scholion-suggest-model\")");
  CHECK(bad(R"({"format":"scholion-suggest-model","version":1,"labels":["A"],)"
            R"("features":{"00000000000000ff":[1,2]}})") ==
        "m.json: /features/00000000000000ff: expected 3 weights");
  CHECK(bad(R"({"format":"scholion-suggest-model","version":2})") ==
        "m.json: /version: unknown version (this program reads 1)");
}
