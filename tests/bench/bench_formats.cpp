// Benchmark (a program, not a test): brat .ann and CoNLL read/write throughput on a generated
// corpus. Usage: bench_formats [megabytes of text, default 12] [runs, default 5]. Prints median
// MB/s.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "format_brat.h"
#include "format_conll.h"
#include "text.h"

using namespace scholion;

namespace {

// Deterministic corpus: news-like sentences with some non-ASCII words, spans on ~1 token in 6.
Workspace makeCorpus(std::size_t textBytes, std::size_t docBytes) {
  const char* words[] = {"the",
                         "minister",
                         "met",
                         "officials",
                         "in",
                         "Z\xC3\xBC"
                         "rich",
                         "and",
                         "S\xC3\xA3o",
                         "Paulo",
                         "on",
                         "Monday",
                         "to",
                         "discuss",
                         "trade",
                         "with",
                         "Beijing",
                         "Jiang",
                         "Zemin",
                         "said",
                         "that",
                         "the",
                         "agreement",
                         "would",
                         "strengthen",
                         "co-operation",
                         "between",
                         "both",
                         "countries",
                         "\xE2\x80\x9Cnew\xE2\x80\x9D",
                         "era"};
  const char* labels[] = {"Person", "Organization", "Location", "Date", "Event"};
  const std::size_t nWords = sizeof(words) / sizeof(words[0]);
  uint64_t seed = 42;
  auto rnd = [&seed](uint64_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) % n;
  };
  Workspace ws;
  std::size_t total = 0;
  while (total < textBytes) {
    DocumentData d;
    d.id = d.name = "doc" + std::to_string(ws.documents.size() + 1);
    uint32_t cp = 0;
    std::size_t spanCount = 0;
    while (d.text.size() < docBytes) {
      std::size_t sentenceLen = 8 + rnd(20);
      for (std::size_t w = 0; w < sentenceLen; ++w) {
        if (w > 0) {
          d.text += ' ';
          ++cp;
        }
        bool span = rnd(6) == 0 && w + 3 < sentenceLen;
        std::size_t len = span ? 1 + rnd(3) : 1;
        uint32_t start = cp;
        for (std::size_t k = 0; k < len; ++k) {
          if (k > 0) {
            d.text += ' ';
            ++cp;
          }
          const char* word = words[rnd(nWords)];
          d.text += word;
          cp += static_cast<uint32_t>(countCodePoints(word));
        }
        w += len - 1;
        if (span) {
          Span s;
          s.id = "T" + std::to_string(++spanCount);
          s.label = labels[rnd(5)];
          s.start = start;
          s.end = cp;
          d.annotations.spans.push_back(s);
        }
      }
      d.text += ".\n";
      cp += 2;
    }
    OffsetIndex index(d.text);
    for (auto& s : d.annotations.spans) {
      std::size_t b = index.byteOfCp(s.start), e = index.byteOfCp(s.end);
      s.text = d.text.substr(b, e - b);
    }
    d.sha256 = sha256Hex(d.text);
    total += d.text.size();
    ws.documents.push_back(std::move(d));
  }
  return ws;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Runs fn `runs` times; returns the median MB/s for `bytes` bytes processed per run.
double measure(int runs, std::size_t bytes, const std::function<void()>& fn) {
  std::vector<double> rates;
  for (int r = 0; r < runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    fn();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rates.push_back(static_cast<double>(bytes) / 1e6 / std::max(s, 1e-9));
  }
  return median(rates);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 12;
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  if (mb == 0 || runs <= 0) {
    std::fprintf(stderr, "usage: bench_formats [megabytes >= 1] [runs >= 1]\n");
    return 2;
  }
  Workspace ws = makeCorpus(mb * 1000000, 200000);
  std::size_t textBytes = 0, spans = 0;
  for (const auto& d : ws.documents) {
    textBytes += d.text.size();
    spans += d.annotations.spans.size();
  }
  std::printf("corpus: %zu documents, %.1f MB of text, %zu spans; median of %d runs\n",
              ws.documents.size(), textBytes / 1e6, spans, runs);

  // brat: write every .ann, then read every .txt + .ann pair.
  std::vector<std::string> anns(ws.documents.size());
  std::size_t annBytes = 0;
  for (std::size_t i = 0; i < anns.size(); ++i) {
    anns[i] = writeBratAnn(ws.documents[i]);
    annBytes += anns[i].size();
  }
  double bratWrite = measure(runs, annBytes, [&] {
    for (std::size_t i = 0; i < anns.size(); ++i) anns[i] = writeBratAnn(ws.documents[i]);
  });
  bool ok = true;
  double bratRead = measure(runs, annBytes + textBytes, [&] {
    for (std::size_t i = 0; i < anns.size(); ++i) {
      auto d = parseBratAnn(ws.documents[i].id, ws.documents[i].name, ws.documents[i].text, "x.ann",
                            anns[i]);
      ok = ok && d.ok() && d->annotations.spans.size() == ws.documents[i].annotations.spans.size();
    }
  });
  std::printf("brat .ann  write: %8.1f MB/s  (%.1f MB of .ann)\n", bratWrite, annBytes / 1e6);
  std::printf("brat read (.txt + .ann): %8.1f MB/s  (%.1f MB)\n", bratRead,
              (annBytes + textBytes) / 1e6);

  // CoNLL: write with the tokenizer (plain documents), read the file, write it back (CoNLL tokens).
  std::string conll;
  auto first = writeConll(ws, BioScheme::Iob2);
  if (!first) {
    std::fprintf(stderr, "conll export failed: %s\n", first.error().c_str());
    return 1;
  }
  conll = first->text;
  double conllWriteTok =
      measure(runs, conll.size(), [&] { conll = writeConll(ws, BioScheme::Iob2)->text; });
  Workspace fromConll;
  double conllRead = measure(runs, conll.size(), [&] {
    auto r = parseConll("bench.conll", conll);
    ok = ok && r.ok();
    if (r) fromConll = std::move(r.value());
  });
  double conllWrite = measure(runs, conll.size(), [&] {
    ok = ok && writeConll(fromConll, BioScheme::Iob2)->text == conll;
  });
  std::printf(
      "CoNLL write (tokenizer + sentence splitter): %8.1f MB/s  (%.1f MB of CoNLL, %zu spans left "
      "out)\n",
      conllWriteTok, conll.size() / 1e6, first->leftOut.size());
  std::printf("CoNLL read: %8.1f MB/s\n", conllRead);
  std::printf("CoNLL write (documents read from CoNLL): %8.1f MB/s\n", conllWrite);
  if (!ok) {
    std::fprintf(stderr, "round-trip check failed\n");
    return 1;
  }
  return 0;
}
