// Inter-annotator agreement: token labels, Cohen's and Fleiss' kappa, Krippendorff's alpha, span
// F1.
#include "agreement.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scholion {

namespace {

constexpr double kEps = 1e-12;

// The value reported when a coefficient is undefined: agreement when nothing disagreed.
Coefficient undefinedCoefficient(double observed, double expected, std::size_t items) {
  Coefficient c;
  c.defined = false;
  c.observed = observed;
  c.expected = expected;
  c.items = items;
  c.value = observed >= 1.0 - 1e-9 ? 1.0 : 0.0;
  return c;
}

Coefficient chanceCorrected(double observed, double expected, std::size_t items) {
  if (items == 0 || 1.0 - expected < kEps) return undefinedCoefficient(observed, expected, items);
  Coefficient c;
  c.defined = true;
  c.observed = observed;
  c.expected = expected;
  c.items = items;
  c.value = (observed - expected) / (1.0 - expected);
  return c;
}

// A units x categories table of value counts, flat.
struct CountTable {
  std::size_t units = 0, cats = 0;
  std::vector<uint32_t> n;
  uint32_t at(std::size_t u, std::size_t c) const { return n[u * cats + c]; }
};

CountTable toTable(const std::vector<std::vector<uint32_t>>& counts) {
  CountTable t;
  t.units = counts.size();
  for (const auto& row : counts) t.cats = std::max(t.cats, row.size());
  t.n.assign(t.units * t.cats, 0);
  for (std::size_t u = 0; u < counts.size(); ++u)
    for (std::size_t c = 0; c < counts[u].size(); ++c) t.n[u * t.cats + c] = counts[u][c];
  return t;
}

// Walks the units in [begin, end) rated at least twice: adds each one's counts to `colSum` and
// calls f(ratings, sumOfSquaredCounts). Returns how many units it walked.
template <class F>
std::size_t forRatedUnits(const CountTable& t, std::size_t begin, std::size_t end,
                          std::vector<double>& colSum, F f) {
  std::size_t items = 0;
  for (std::size_t u = begin; u < end; ++u) {
    double m = 0, sq = 0;
    for (std::size_t c = 0; c < t.cats; ++c) {
      double x = t.at(u, c);
      m += x;
      sq += x * x;
    }
    if (m < 2) continue;
    for (std::size_t c = 0; c < t.cats; ++c) colSum[c] += t.at(u, c);
    f(m, sq);
    ++items;
  }
  return items;
}

Coefficient fleissFlat(const CountTable& t, std::size_t begin, std::size_t end) {
  // P_i = (sum_j n_ij^2 - n_i) / (n_i (n_i - 1)); P-bar = mean P_i; p_j = sum_i n_ij / sum_i n_i;
  // P_e = sum_j p_j^2; kappa = (P-bar - P_e) / (1 - P_e).
  std::vector<double> colSum(t.cats, 0.0);
  double sumP = 0, total = 0;
  std::size_t items = forRatedUnits(t, begin, end, colSum, [&](double ni, double sq) {
    sumP += (sq - ni) / (ni * (ni - 1));
    total += ni;
  });
  if (items == 0) return undefinedCoefficient(1.0, 1.0, 0);
  double pe = 0;
  for (double s : colSum) pe += (s / total) * (s / total);
  return chanceCorrected(sumP / static_cast<double>(items), pe, items);
}

Coefficient alphaFlat(const CountTable& t, std::size_t begin, std::size_t end) {
  // Coincidences: o_ck = sum_u n_uc (n_uk - [c==k]) / (m_u - 1) over units with m_u >= 2;
  // n = sum_u m_u; n_c = sum_u n_uc. Nominal:
  // alpha = 1 - (n - 1) * (n - sum_c o_cc) / (n^2 - sum_c n_c^2).
  std::vector<double> nc(t.cats, 0.0);
  double n = 0, agree = 0;
  // sum_c n_uc (n_uc - 1) = sum_c n_uc^2 - m_u (exact: the counts are small integers).
  std::size_t items = forRatedUnits(t, begin, end, nc, [&](double m, double sq) {
    agree += (sq - m) / (m - 1);
    n += m;
  });
  if (items == 0) return undefinedCoefficient(1.0, 1.0, 0);
  double sumSq = 0, sameExp = 0;
  for (double x : nc) {
    sumSq += x * x;
    sameExp += x * (x - 1);
  }
  double observed = agree / n, expected = sameExp / (n * (n - 1));
  double de = (n * n - sumSq) / (n - 1);
  if (de < kEps) return undefinedCoefficient(observed, expected, items);
  Coefficient c;
  c.defined = true;
  c.observed = observed;
  c.expected = expected;
  c.items = items;
  c.value = 1.0 - (n - agree) / de;
  return c;
}

}  // namespace

// ---- building blocks --------------------------------------------------------------------------

Coefficient cohenKappaFromTable(const std::vector<std::vector<double>>& table) {
  std::size_t k = table.size();
  std::vector<double> rows(k, 0.0), cols(k, 0.0);
  double total = 0, diag = 0;
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < table[i].size() && j < k; ++j) {
      rows[i] += table[i][j];
      cols[j] += table[i][j];
      total += table[i][j];
      if (i == j) diag += table[i][j];
    }
  if (total <= 0) return undefinedCoefficient(1.0, 1.0, 0);
  double pe = 0;
  for (std::size_t i = 0; i < k; ++i) pe += (rows[i] / total) * (cols[i] / total);
  return chanceCorrected(diag / total, pe, static_cast<std::size_t>(std::llround(total)));
}

Coefficient cohenKappa(const std::vector<uint16_t>& a, const std::vector<uint16_t>& b,
                       std::size_t categories) {
  std::size_t n = std::min(a.size(), b.size());
  std::vector<double> ca(categories, 0.0), cb(categories, 0.0);
  std::size_t agree = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] < categories) ca[a[i]]++;
    if (b[i] < categories) cb[b[i]]++;
    agree += a[i] == b[i];
  }
  if (n == 0) return undefinedCoefficient(1.0, 1.0, 0);
  double dn = static_cast<double>(n), pe = 0;
  for (std::size_t c = 0; c < categories; ++c) pe += (ca[c] / dn) * (cb[c] / dn);
  return chanceCorrected(static_cast<double>(agree) / dn, pe, n);
}

Coefficient fleissKappa(const std::vector<std::vector<uint32_t>>& counts) {
  CountTable t = toTable(counts);
  return fleissFlat(t, 0, t.units);
}

Coefficient krippendorffAlphaNominal(const std::vector<std::vector<uint32_t>>& counts) {
  CountTable t = toTable(counts);
  return alphaFlat(t, 0, t.units);
}

Coefficient krippendorffAlphaNominalData(const std::vector<std::vector<int>>& data) {
  std::size_t units = 0;
  int maxValue = -1;
  for (const auto& row : data) {
    units = std::max(units, row.size());
    for (int v : row) maxValue = std::max(maxValue, v);
  }
  std::vector<std::vector<uint32_t>> counts(units, std::vector<uint32_t>(maxValue + 1, 0));
  for (const auto& row : data)
    for (std::size_t u = 0; u < row.size(); ++u)
      if (row[u] >= 0) counts[u][row[u]]++;
  return krippendorffAlphaNominal(counts);
}

// ---- token labels -------------------------------------------------------------------------------

LabelIds tokenLabelIds() {
  LabelIds ids;
  ids.id("O");
  return ids;
}

std::vector<uint16_t> tokenLabels(const std::vector<Token>& tokens, const AnnotationLayer& layer,
                                  LabelIds& labels) {
  std::vector<uint16_t> out(tokens.size(), 0);
  std::vector<uint32_t> bestLen(tokens.size(), 0), bestStart(tokens.size(), 0);
  for (const Span& s : layer.spans) {
    uint32_t id = labels.id(s.label);
    if (id > std::numeric_limits<uint16_t>::max()) continue;  // absurd label counts: ignored
    const std::vector<Fragment> frags = spanFragments(s);
    uint32_t len = 0;
    for (const Fragment& f : frags) len += f.end > f.start ? f.end - f.start : 0;
    for (const Fragment& f : frags) {
      // Tokens are ordered and disjoint: binary search the first token ending after f.start.
      auto it = std::partition_point(tokens.begin(), tokens.end(),
                                     [&](const Token& t) { return t.end <= f.start; });
      for (std::size_t t = static_cast<std::size_t>(it - tokens.begin());
           t < tokens.size() && tokens[t].start < f.end; ++t) {
        bool better =
            out[t] == 0 || len > bestLen[t] || (len == bestLen[t] && s.start < bestStart[t]) ||
            (len == bestLen[t] && s.start == bestStart[t] && s.label < labels.names()[out[t]]);
        if (!better) continue;
        out[t] = static_cast<uint16_t>(id);
        bestLen[t] = len;
        bestStart[t] = s.start;
      }
    }
  }
  return out;
}

// ---- the class --------------------------------------------------------------------------------

double ClassAgreement::meanPairwiseCohen() const {
  if (pairs.empty()) return 1.0;
  double sum = 0;
  for (const PairAgreement& p : pairs) sum += p.cohen.value;
  return sum / static_cast<double>(pairs.size());
}

namespace {

// Phase 1: token labels per annotator (documents concatenated) and spans prepared per document.
struct TokenRatings {
  std::vector<std::vector<uint16_t>> labels;         // [annotator][token]
  std::vector<std::size_t> docOffset;                // first token of each document
  std::vector<std::vector<PreparedSpans>> prepared;  // [document][annotator]
};

TokenRatings collectLabels(const std::vector<ClassDocument>& docs, std::size_t A, LabelIds& ids,
                           std::size_t& tokens) {
  TokenRatings t;
  t.labels.resize(A);
  t.prepared.resize(docs.size());
  static const std::vector<Token> kNoTokens;
  static const AnnotationLayer kEmpty;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const ClassDocument& doc = docs[d];
    t.docOffset.push_back(tokens);
    const std::vector<Token>& toks = doc.tokens ? *doc.tokens : kNoTokens;
    for (std::size_t a = 0; a < A; ++a) {
      const AnnotationLayer& layer =
          a < doc.layers.size() && doc.layers[a] ? *doc.layers[a] : kEmpty;
      std::vector<uint16_t> l = tokenLabels(toks, layer, ids);
      t.labels[a].insert(t.labels[a].end(), l.begin(), l.end());
      t.prepared[d].push_back(prepareSpans(layer.spans, ids));
    }
    tokens += toks.size();
  }
  return t;
}

// Phase 2: identical spans (fragments + label) across annotators share a group id, per document.
struct DocGroups {
  std::vector<SpanRef> groups;
  std::vector<std::vector<uint32_t>> gids;  // [annotator][position in prepared refs]
};

std::vector<DocGroups> groupIdenticalSpans(const TokenRatings& t, std::size_t A) {
  std::vector<DocGroups> groups(t.prepared.size());
  struct Tag {
    const SpanRef* ref;
    uint32_t annotator, pos;
  };
  std::vector<Tag> all;
  for (std::size_t d = 0; d < t.prepared.size(); ++d) {
    all.clear();
    groups[d].gids.resize(A);
    for (std::size_t a = 0; a < A; ++a) {
      const std::vector<SpanRef>& refs = t.prepared[d][a].refs;
      groups[d].gids[a].resize(refs.size());
      for (std::size_t i = 0; i < refs.size(); ++i)
        all.push_back({&refs[i], static_cast<uint32_t>(a), static_cast<uint32_t>(i)});
    }
    std::sort(all.begin(), all.end(),
              [](const Tag& x, const Tag& y) { return compareSpanRefs(*x.ref, *y.ref, true) < 0; });
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (i == 0 || compareSpanRefs(*all[i - 1].ref, *all[i].ref, true) != 0)
        groups[d].groups.push_back(*all[i].ref);
      groups[d].gids[all[i].annotator][all[i].pos] =
          static_cast<uint32_t>(groups[d].groups.size() - 1);
    }
  }
  return groups;
}

// Phase 3: every pair a < b: Cohen's kappa from marginals and the agreement count; span F1 per
// document, summed (exact = equal group ids, then greedy overlap on what is left, as matchSpans
// does). Per-label exact counts go to `labelSpans`.
void pairwiseAgreement(ClassAgreement& r, const TokenRatings& t,
                       const std::vector<DocGroups>& groups, std::vector<Counts>& labelSpans) {
  const std::size_t A = r.annotators.size(), C = r.labels.size();
  std::vector<std::vector<double>> marg(A, std::vector<double>(C, 0.0));
  for (std::size_t a = 0; a < A; ++a)
    for (uint16_t l : t.labels[a]) marg[a][l]++;
  std::vector<const SpanRef*> unA, unB;
  const double T = static_cast<double>(r.tokens);
  for (std::size_t a = 0; a < A; ++a) {
    for (std::size_t b = a + 1; b < A; ++b) {
      PairAgreement p;
      p.a = a;
      p.b = b;
      std::size_t agree = 0;
      const uint16_t* la = t.labels[a].data();
      const uint16_t* lb = t.labels[b].data();
      for (std::size_t u = 0; u < r.tokens; ++u) agree += la[u] == lb[u];
      if (r.tokens == 0) {
        p.cohen = undefinedCoefficient(1.0, 1.0, 0);
      } else {
        double pe = 0;
        for (std::size_t c = 0; c < C; ++c) pe += (marg[a][c] / T) * (marg[b][c] / T);
        p.cohen = chanceCorrected(static_cast<double>(agree) / T, pe, r.tokens);
      }
      for (const DocGroups& dg : groups) {
        const std::vector<uint32_t>& ga = dg.gids[a];
        const std::vector<uint32_t>& gb = dg.gids[b];
        const std::vector<SpanRef>& g = dg.groups;
        unA.clear();
        unB.clear();
        std::size_t i = 0, j = 0, tp = 0;
        while (i < ga.size() && j < gb.size()) {
          if (ga[i] == gb[j]) {
            ++tp;
            labelSpans[g[ga[i]].label].tp++;
            ++i;
            ++j;
          } else if (ga[i] < gb[j]) {
            unA.push_back(&g[ga[i++]]);
          } else {
            unB.push_back(&g[gb[j++]]);
          }
        }
        for (; i < ga.size(); ++i) unA.push_back(&g[ga[i]]);
        for (; j < gb.size(); ++j) unB.push_back(&g[gb[j]]);
        for (const SpanRef* x : unA) labelSpans[x->label].fn++;
        for (const SpanRef* x : unB) labelSpans[x->label].fp++;
        std::size_t more =
            unA.empty() || unB.empty() ? 0 : greedyOverlapPairs(unA, unB, true).size();
        p.spansExact += Counts{tp, unB.size(), unA.size()};
        p.spansOverlap += Counts{tp + more, unB.size() - more, unA.size() - more};
      }
      r.spansExact += p.spansExact;
      r.spansOverlap += p.spansOverlap;
      r.pairs.push_back(p);
    }
  }
}

// Phase 4: confusion over ordered pairs and per-label binary alpha, in one pass over the table.
void perLabelAgreement(ClassAgreement& r, const CountTable& table, const TokenRatings& t,
                       const std::vector<Counts>& labelSpans) {
  const std::size_t C = r.labels.size();
  std::vector<std::size_t> labelSpanCount(C, 0);
  for (const auto& perAnnotator : t.prepared)
    for (const PreparedSpans& ps : perAnnotator)
      for (const SpanRef& s : ps.refs) labelSpanCount[s.label]++;
  r.confusion.assign(C, std::vector<uint64_t>(C, 0));
  std::vector<double> labelAgree(C, 0.0), labelN1(C, 0.0);
  std::vector<std::size_t> labelTokens(C, 0);
  std::vector<std::size_t> present;
  double n = 0;
  for (std::size_t u = 0; u < table.units; ++u) {
    present.clear();
    uint64_t m = 0;
    for (std::size_t c = 0; c < C; ++c)
      if (table.at(u, c)) {
        present.push_back(c);
        m += table.at(u, c);
      }
    for (std::size_t i : present)
      for (std::size_t j : present) {
        uint64_t x = table.at(u, i), y = table.at(u, j);
        r.confusion[i][j] += i == j ? x * (x - 1) : x * y;
      }
    for (std::size_t c : present) labelTokens[c] += table.at(u, c);
    if (m < 2) continue;
    double dm = static_cast<double>(m);
    n += dm;
    for (std::size_t c = 1; c < C; ++c) {
      // Binary data "c" vs "not c": agreeing pairs within the unit, weighted 1 / (m - 1).
      double x = table.at(u, c);
      labelN1[c] += x;
      labelAgree[c] += (x * (x - 1) + (dm - x) * (dm - x - 1)) / (dm - 1);
    }
  }
  for (std::size_t c = 1; c < C; ++c) {
    LabelAgreement la;
    la.label = r.labels[c];
    la.spansExact = labelSpans[c];
    la.spans = labelSpanCount[c];
    la.tokens = labelTokens[c];
    if (n < 2) {
      la.alpha = undefinedCoefficient(1.0, 1.0, 0);
    } else {
      double n1 = labelN1[c], n0 = n - n1;
      double observed = labelAgree[c] / n;
      double expected = (n1 * (n1 - 1) + n0 * (n0 - 1)) / (n * (n - 1));
      double de = (n * n - n1 * n1 - n0 * n0) / (n - 1);
      if (de < kEps) {
        la.alpha = undefinedCoefficient(observed, expected, table.units);
      } else {
        la.alpha.defined = true;
        la.alpha.observed = observed;
        la.alpha.expected = expected;
        la.alpha.items = table.units;
        la.alpha.value = 1.0 - (n - labelAgree[c]) / de;
      }
    }
    r.perLabel.push_back(la);
  }
  std::sort(r.perLabel.begin(), r.perLabel.end(),
            [](const LabelAgreement& x, const LabelAgreement& y) { return x.label < y.label; });
}

// Phase 5: passages are the sentences of each document.
void perPassageAgreement(ClassAgreement& r, const std::vector<ClassDocument>& docs,
                         const TokenRatings& t, const CountTable& table) {
  const std::size_t C = r.labels.size();
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (!docs[d].sentences) continue;
    for (std::size_t s = 0; s < docs[d].sentences->size(); ++s) {
      const Sentence& sent = (*docs[d].sentences)[s];
      PassageAgreement p;
      p.document = d;
      p.sentence = s;
      p.start = sent.start;
      p.end = sent.end;
      std::size_t begin = t.docOffset[d] + sent.firstToken;
      std::size_t end = std::min(begin + sent.tokenCount, table.units);
      p.alpha = alphaFlat(table, begin, end);
      double same = 0, pairs = 0;
      for (std::size_t u = begin; u < end; ++u) {
        double m = 0, maxCount = 0;
        for (std::size_t c = 0; c < C; ++c) {
          double x = table.at(u, c);
          m += x;
          same += x * (x - 1);
          maxCount = std::max(maxCount, x);
        }
        pairs += m * (m - 1);
        if (maxCount < m) p.disputedTokens++;
      }
      p.observed = pairs > 0 ? same / pairs : 1.0;
      r.perPassage.push_back(p);
    }
  }
}

}  // namespace

ClassAgreement computeAgreement(const std::vector<ClassDocument>& docs,
                                const std::vector<std::string>& annotators) {
  ClassAgreement r;
  r.annotators = annotators;
  const std::size_t A = annotators.size();
  LabelIds ids = tokenLabelIds();
  TokenRatings ratings = collectLabels(docs, A, ids, r.tokens);
  r.labels = ids.names();
  const std::size_t C = r.labels.size();

  // Units (tokens) x categories: Fleiss and Krippendorff over all annotators.
  CountTable table;
  table.units = r.tokens;
  table.cats = C;
  table.n.assign(table.units * C, 0);
  for (std::size_t a = 0; a < A; ++a)
    for (std::size_t u = 0; u < r.tokens; ++u) table.n[u * C + ratings.labels[a][u]]++;
  r.fleiss = fleissFlat(table, 0, table.units);
  r.alpha = alphaFlat(table, 0, table.units);

  std::vector<Counts> labelSpans(C);
  pairwiseAgreement(r, ratings, groupIdenticalSpans(ratings, A), labelSpans);
  perLabelAgreement(r, table, ratings, labelSpans);
  perPassageAgreement(r, docs, ratings, table);
  return r;
}

ClassAgreement computeAgreement(const std::string& text,
                                const std::vector<AnnotationLayer>& layers) {
  std::vector<Token> tokens = tokenize(text);
  std::vector<Sentence> sentences = splitSentences(text, tokens);
  ClassDocument doc;
  doc.tokens = &tokens;
  doc.sentences = &sentences;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    doc.layers.push_back(&layers[i]);
    names.push_back(layers[i].annotator.empty() ? "annotator " + std::to_string(i + 1)
                                                : layers[i].annotator);
  }
  return computeAgreement(std::vector<ClassDocument>{doc}, names);
}

}  // namespace scholion
