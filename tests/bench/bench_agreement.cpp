// Benchmark: a class of 40 students x 600 spans on a 5,000-word text; grades + all agreement
// measures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "agreement.h"
#include "disagreement.h"
#include "document.h"
#include "grading.h"

using namespace scholion;

int main(int argc, char** argv) {
  const int kWords = 5000, kStudents = 40, kSpans = 600;
  int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  std::mt19937 rng(12345);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };

  // Text: words of 2-9 letters, a full stop every 8-25 words.
  std::string text;
  int untilStop = uniform(8, 25);
  for (int w = 0; w < kWords; ++w) {
    int len = uniform(2, 9);
    for (int i = 0; i < len; ++i) text += static_cast<char>('a' + uniform(0, 25));
    if (--untilStop == 0) {
      text += ". ";
      untilStop = uniform(8, 25);
    } else {
      text += ' ';
    }
  }
  std::vector<Token> tokens = tokenize(text);
  std::vector<Sentence> sentences = splitSentences(text, tokens);
  const std::vector<std::string> labels = {"Person", "Organization", "Location", "GPE",
                                           "Date",   "Event",        "Money",    "Law"};
  auto randomSpan = [&](int firstToken) {
    Span s;
    int n = uniform(1, 4);
    int last = std::min<int>(firstToken + n - 1, static_cast<int>(tokens.size()) - 1);
    s.start = tokens[firstToken].start;
    s.end = tokens[last].end;
    s.label = labels[uniform(0, static_cast<int>(labels.size()) - 1)];
    return s;
  };

  // The key: 600 spans at distinct random tokens; students perturb it.
  AnnotationLayer key;
  key.annotator = "gold";
  std::vector<int> starts(tokens.size());
  for (std::size_t i = 0; i < starts.size(); ++i) starts[i] = static_cast<int>(i);
  std::shuffle(starts.begin(), starts.end(), rng);
  starts.resize(kSpans);
  std::sort(starts.begin(), starts.end());
  for (int t : starts) {
    Span s = randomSpan(t);
    s.id = "T" + std::to_string(key.spans.size() + 1);
    key.spans.push_back(s);
  }
  std::vector<AnnotationLayer> students(kStudents);
  for (int k = 0; k < kStudents; ++k) {
    AnnotationLayer& l = students[k];
    l.annotator = "student " + std::to_string(k + 1);
    for (const Span& ks : key.spans) {
      Span s = ks;
      int roll = uniform(0, 99);
      if (roll < 10)
        s.label = labels[uniform(0, static_cast<int>(labels.size()) - 1)];
      else if (roll < 15)
        s.end = std::min<uint32_t>(s.end + 3, tokens.back().end);
      else if (roll < 20)
        s = randomSpan(uniform(0, static_cast<int>(tokens.size()) - 1));
      s.id = "T" + std::to_string(l.spans.size() + 1);
      l.spans.push_back(s);
    }
  }

  std::vector<double> ms, cpu, parts[3];
  double checksum = 0;
  for (int run = 0; run < runs; ++run) {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    for (const AnnotationLayer& l : students) checksum += gradeLayer(key, l).exact.f1();
    auto tGrades = std::chrono::steady_clock::now();
    ClassDocument doc;
    doc.name = "bench";
    doc.tokens = &tokens;
    doc.sentences = &sentences;
    std::vector<std::string> names;
    for (const AnnotationLayer& l : students) {
      doc.layers.push_back(&l);
      names.push_back(l.annotator);
    }
    ClassAgreement a = computeAgreement({doc}, names);
    auto tAgree = std::chrono::steady_clock::now();
    std::vector<const AnnotationLayer*> layers(doc.layers);
    std::vector<DisagreementPassage> d = findDisagreements(layers);
    auto t1 = std::chrono::steady_clock::now();
    cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    checksum +=
        a.alpha.value + a.fleiss.value + static_cast<double>(d.size()) + a.meanPairwiseCohen();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    parts[0].push_back(std::chrono::duration<double, std::milli>(tGrades - t0).count());
    parts[1].push_back(std::chrono::duration<double, std::milli>(tAgree - tGrades).count());
    parts[2].push_back(std::chrono::duration<double, std::milli>(t1 - tAgree).count());
    if (run == 0)
      std::printf(
          "tokens %zu, sentences %zu, pairs %zu, alpha %.3f, fleiss %.3f, mean kappa %.3f, "
          "passages %zu\n",
          a.tokens, sentences.size(), a.pairs.size(), a.alpha.value, a.fleiss.value,
          a.meanPairwiseCohen(), d.size());
  }
  for (auto& p : parts) std::sort(p.begin(), p.end());
  std::printf(
      "medians: 40 grades %.1f ms, class agreement %.1f ms, disagreement passages %.1f ms\n",
      parts[0][runs / 2], parts[1][runs / 2], parts[2][runs / 2]);
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  // CPU time is printed too: on a loaded machine it is the steadier figure.
  std::printf(
      "grades (40) + class agreement + disagreements: median %.1f ms wall, %.1f ms CPU "
      "(wall min %.1f, max %.1f, %d runs) [checksum %.3f]\n",
      ms[ms.size() / 2], cpu[cpu.size() / 2], ms.front(), ms.back(), runs, checksum);
  return 0;
}
