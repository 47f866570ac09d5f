// Benchmark of suggestions: tagger training time on 10,000 and 100,000 tokens, prediction speed,
// the longest training step and data preparation (what one UI frame pays), learning curve (F1
// after 50/100/200/500 labelled spans), and a 100,000-entry gazetteer. Generated corpus.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "document.h"
#include "phrase_matcher.h"
#include "tagger.h"

using namespace scholion;

// Process CPU time, not wall time: the machines these run on are shared and loaded, and a
// preempted step would otherwise look slow. Emscripten has no process CPU clock (it reads 0), so
// under node this is the wall clock and wants a quiet machine.
struct Clock {
  using time_point = double;
  static double now() {
    timespec t{};
#ifdef __EMSCRIPTEN__
    clock_gettime(CLOCK_MONOTONIC, &t);
#else
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
#endif
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
  }
};

namespace {

double msSince(Clock::time_point t) {
  return Clock::now() - t;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// A news-like corpus: sentences from templates over made-up names, places and organisations
// (a new name now and then, as in real text), filler words from a 2,000-word vocabulary.
struct Generator {
  std::mt19937 rng{7};
  std::vector<std::string> filler, first, last, places, orgs, capitalised;
  // Not uniform_int_distribution: its results differ between libstdc++ and libc++, and the
  // native and wasm runs must see the same corpus.
  int pick(int n) { return int(rng() % uint32_t(n)); }
  std::string word(int minLen, int maxLen, bool cap) {
    static const char* syl[] = {"ka", "lo", "mi", "ru", "te", "sa", "vo", "ne", "bi", "du",
                                "ar", "el", "in", "os", "um", "ta", "ri", "go", "pe", "zu"};
    std::string w;
    int n = minLen + pick(maxLen - minLen + 1);
    for (int i = 0; i < n; ++i) w += syl[pick(20)];
    if (cap) w[0] = static_cast<char>(w[0] - 32);
    return w;
  }
  Generator() {
    for (int i = 0; i < 2000; ++i) filler.push_back(word(1, 3, false));
    for (int i = 0; i < 400; ++i) first.push_back(word(1, 2, true));
    for (int i = 0; i < 600; ++i) last.push_back(word(2, 3, true));
    for (int i = 0; i < 300; ++i) places.push_back(word(2, 3, true));
    // Each pick() in its own statement: the order operands of `+` are evaluated in differs
    // between compilers, and native and wasm must draw the same corpus.
    for (int i = 0; i < 200; ++i) {
      if (pick(3)) {
        std::string name = word(1, 2, true);
        orgs.push_back(name + " " + (pick(2) ? "Council" : "Bank"));
      } else {
        orgs.push_back(word(2, 3, true));  // some organisations look like names
      }
    }
    for (int i = 0; i < 100; ++i) last.push_back(places[static_cast<std::size_t>(i)]);  // Mr. Rome
    for (int i = 0; i < 150; ++i) capitalised.push_back(word(1, 3, true));  // not entities
  }
  struct Out {
    std::string text;
    std::vector<Span> spans;
  };
  // Appends sentences to `o` until it has `tokens` tokens (approximately).
  void sentences(Out& o, std::size_t tokens, bool unseenNames) {
    std::size_t count = 0;
    auto add = [&](const std::string& w, const char* label) {
      if (!o.text.empty() && o.text.back() != '\n') o.text += ' ';
      Span s;
      s.start = static_cast<uint32_t>(o.text.size());
      o.text += w;
      s.end = static_cast<uint32_t>(o.text.size());
      for (char c : w) count += c == ' ';
      ++count;
      if (label) {
        s.label = label;
        s.id = "T" + std::to_string(o.spans.size() + 1);
        s.text = w;
        o.spans.push_back(s);
      }
    };
    auto fill = [&](int n) {
      for (int i = 0; i < n; ++i)
        add(pick(12) ? filler[static_cast<std::size_t>(pick(2000))]
                     : capitalised[static_cast<std::size_t>(pick(150))],
            nullptr);
    };
    auto person = [&] {
      if (pick(3) == 0) add(pick(2) ? "Mr." : "Dr.", nullptr);
      std::string name;
      if (unseenNames && pick(2)) {
        name = word(1, 2, true);
        name += " " + word(2, 3, true);
      } else {
        name = first[static_cast<std::size_t>(pick(400))];
        name += " " + last[static_cast<std::size_t>(pick(static_cast<int>(last.size())))];
      }
      add(name, "Person");
      if (pick(4) == 0) {
        add("of", nullptr);
        add(orgs[static_cast<std::size_t>(pick(200))], "Organization");
      }
    };
    while (count < tokens) {
      switch (pick(4)) {
        case 0:
          person();
          add("said", nullptr);
          fill(3 + pick(6));
          add("in", nullptr);
          add(places[static_cast<std::size_t>(pick(300))], "Location");
          break;
        case 1:
          add("The", nullptr);
          add(orgs[static_cast<std::size_t>(pick(200))], "Organization");
          fill(2 + pick(5));
          person();
          break;
        case 2:
          add(capitalised[static_cast<std::size_t>(pick(150))], nullptr);  // sentence-initial
          fill(4 + pick(8));
          break;
        default:
          add(places[static_cast<std::size_t>(pick(300))], "Location");
          fill(2 + pick(4));
          add("with", nullptr);
          person();
          fill(1 + pick(4));
      }
      add(".", nullptr);
      o.text.back() = '.';
      o.text += '\n';
    }
  }
};

struct Corpus {
  std::shared_ptr<const Document> doc;
  std::vector<Span> spans;
};

Corpus make(Generator& g, std::size_t tokens, bool unseen) {
  Generator::Out o;
  g.sentences(o, tokens, unseen);
  auto d = Document::create(o.text);
  if (!d) {
    std::fprintf(stderr, "corpus: %s\n", d.error().c_str());
    std::exit(1);
  }
  return Corpus{*d, o.spans};
}

TaggerData dataOf(const Corpus& c, const PhraseMatcher* gaz = nullptr) {
  std::vector<LabelledDocument> docs = {{"c", c.doc.get(), &c.spans}};
  return prepareTaggerData(docs, RejectedSet(), gaz, TrainingScope::AnnotatedDocuments);
}

// The corpus cut after its first n spans (whole sentences).
Corpus firstSpans(const Corpus& c, std::size_t n) {
  uint32_t end = static_cast<uint32_t>(c.doc->text().size());
  if (n < c.spans.size()) end = static_cast<uint32_t>(c.doc->text().find('\n', c.spans[n - 1].end));
  Corpus out{*Document::create(c.doc->text().substr(0, end)), {}};
  for (const Span& s : c.spans)
    if (s.end <= end) out.spans.push_back(s);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  Generator g;
  Corpus small = make(g, 10000, false), large = make(g, 100000, false);
  Corpus test = make(g, 20000, true);
  std::printf("suggest benchmark (%d runs, medians of CPU time; averaged perceptron, 10 epochs)\n",
              runs);

  for (const Corpus* c : {&small, &large}) {
    std::vector<double> prep, train, step;
    TaggerModel model;
    std::size_t tokens = 0, spans = 0;
    for (int r = 0; r < runs; ++r) {
      auto t0 = Clock::now();
      TaggerData data = dataOf(*c);
      prep.push_back(msSince(t0));
      tokens = data.tokenCount;
      spans = data.spanCount;
      TrainingJob job(std::move(data), TaggerOptions());
      double worst = 0;
      auto t1 = Clock::now();
      bool done = false;
      while (!done) {
        auto s0 = Clock::now();
        done = job.step(64);  // the UI's step size
        worst = std::max(worst, msSince(s0));
      }
      train.push_back(msSince(t1));
      step.push_back(worst);
      model = job.model();
    }
    std::printf(
        "train %6zu tokens (%4zu spans): prepare %7.1f ms, train %8.1f ms, longest step(64) %.2f "
        "ms, %zu features\n",
        tokens, spans, median(prep), median(train), median(step), model.featureCount());
    if (c == &large) {
      std::vector<double> predict;
      std::size_t found = 0;
      for (int r = 0; r < runs; ++r) {
        auto t0 = Clock::now();
        found = model.predict(*test.doc, nullptr).size();
        predict.push_back(msSince(t0));
      }
      const double tokensPerSecond = double(test.doc->tokens().size()) / (median(predict) / 1000);
      std::printf("predict %zu tokens: %.1f ms (%.0f tokens/s), %zu spans\n",
                  test.doc->tokens().size(), median(predict), tokensPerSecond, found);
    }
  }

  // Learning curve: F1 on a held-out corpus where half the names are new.
  Corpus pool = make(g, 40000, false);
  TaggerData testData = dataOf(test);
  std::printf("learning curve (exact span F1 on %zu held-out spans, half of the names unseen):\n",
              testData.spanCount);
  for (std::size_t n : {50u, 100u, 200u, 500u, 1000u}) {
    Corpus part = firstSpans(pool, n);
    TrainingJob job(dataOf(part), TaggerOptions());
    while (!job.step(1u << 20)) {
    }
    // The test data must use the training labels' tag ids: prepare it with the same labels.
    TaggerModel m = job.model();
    SpanScore s = m.labels() == testData.labels ? evaluate(m, testData) : SpanScore();
    std::printf("  %4zu labelled spans: F1 %.3f (precision %.3f, recall %.3f)\n", part.spans.size(),
                s.f1(), s.precision(), s.recall());
  }

  // A 100,000-entry gazetteer: build and match.
  std::vector<PhraseEntry> entries;
  auto unique = [](int i) {  // a distinct made-up name per number: its base-20 syllables
    static const char* syl[] = {"ka", "lo", "mi", "ru", "te", "sa", "vo", "ne", "bi", "du",
                                "ar", "el", "in", "os", "um", "ta", "ri", "go", "pe", "zu"};
    std::string w = "Qa";
    for (int k = i + 1; k > 0; k /= 20) w += syl[k % 20];
    return w;
  };
  for (int i = 0; i < 100000; ++i)
    entries.push_back({unique(i) + (i % 3 ? " Town" : ""), "Location"});
  // A text where every tenth token or so starts an entry.
  std::string gt;
  for (int i = 0; i < 10000; ++i)
    gt += unique(i * 7) + (i * 7 % 3 ? " Town" : "") + " said that it was very far .\n";
  Corpus gazText{*Document::create(gt), {}};
  std::vector<double> build, match;
  std::size_t hits = 0;
  for (int r = 0; r < runs; ++r) {
    auto t0 = Clock::now();
    PhraseMatcher pm(entries);
    build.push_back(msSince(t0));
    auto t1 = Clock::now();
    hits = pm.match(*gazText.doc).size();
    match.push_back(msSince(t1));
  }
  std::printf("gazetteer 100000 entries: build %.1f ms, match %zu tokens %.1f ms (%zu hits)\n",
              median(build), gazText.doc->tokens().size(), median(match), hits);
  return 0;
}
