// Grading one annotation layer against an answer key: span matching, P/R/F1 per label, relations.
#include "grading.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "error_profile.h"

namespace scholion {

// ---- counts -----------------------------------------------------------------------------------

double Counts::precision() const {
  if (tp + fp == 0) return fn == 0 ? 1.0 : 0.0;
  return static_cast<double>(tp) / static_cast<double>(tp + fp);
}

double Counts::recall() const {
  if (tp + fn == 0) return fp == 0 ? 1.0 : 0.0;
  return static_cast<double>(tp) / static_cast<double>(tp + fn);
}

double Counts::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static MacroScores macroOf(const std::vector<LabelCounts>& labels, bool exact) {
  MacroScores m;
  if (labels.empty()) return m;
  double p = 0, r = 0, f = 0;
  for (const LabelCounts& l : labels) {
    const Counts& c = exact ? l.exact : l.overlap;
    p += c.precision();
    r += c.recall();
    f += c.f1();
  }
  double n = static_cast<double>(labels.size());
  m.precision = p / n;
  m.recall = r / n;
  m.f1 = f / n;
  m.labels = labels.size();
  return m;
}

MacroScores GradeReport::macroExact() const {
  return macroOf(perLabel, true);
}
MacroScores GradeReport::macroOverlap() const {
  return macroOf(perLabel, false);
}

// ---- labels and prepared spans ------------------------------------------------------------------

uint32_t LabelIds::id(const std::string& name) {
  auto it = ids_.find(name);
  if (it != ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(names_.size());
  ids_.emplace(name, id);
  names_.push_back(name);
  return id;
}

std::vector<Fragment> spanFragments(const Span& s) {
  if (!s.fragments.empty()) return s.fragments;
  return {Fragment{s.start, s.end}};
}

// Compares fragment lists; a continuous span is its single extent.
static int compareFragments(const SpanRef& a, const SpanRef& b) {
  if (!a.fragments && !b.fragments) return 0;  // extents already compared
  Fragment fa{a.start, a.end}, fb{b.start, b.end};
  std::size_t na = a.fragments ? a.fragments->size() : 1,
              nb = b.fragments ? b.fragments->size() : 1;
  for (std::size_t i = 0; i < na && i < nb; ++i) {
    const Fragment& x = a.fragments ? (*a.fragments)[i] : fa;
    const Fragment& y = b.fragments ? (*b.fragments)[i] : fb;
    if (x.start != y.start) return x.start < y.start ? -1 : 1;
    if (x.end != y.end) return x.end < y.end ? -1 : 1;
  }
  if (na != nb) return na < nb ? -1 : 1;
  return 0;
}

static int compareBoundaries(const SpanRef& a, const SpanRef& b) {
  if (a.start != b.start) return a.start < b.start ? -1 : 1;
  if (a.end != b.end) return a.end < b.end ? -1 : 1;
  return compareFragments(a, b);
}

static int compareFull(const SpanRef& a, const SpanRef& b) {
  int c = compareBoundaries(a, b);
  if (c != 0) return c;
  if (a.label != b.label) return a.label < b.label ? -1 : 1;
  return 0;
}

int compareSpanRefs(const SpanRef& a, const SpanRef& b, bool withLabel) {
  return withLabel ? compareFull(a, b) : compareBoundaries(a, b);
}

PreparedSpans prepareSpans(const std::vector<Span>& spans, LabelIds& labels) {
  PreparedSpans p;
  p.refs.reserve(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const Span& s = spans[i];
    SpanRef r;
    r.start = s.start;
    r.end = std::max(s.start, s.end);
    r.label = labels.id(s.label);
    r.index = static_cast<uint32_t>(i);
    // A single fragment equal to the extent is the same as a continuous span.
    if (s.fragments.size() > 1) r.fragments = &s.fragments;
    p.maxLength = std::max(p.maxLength, r.end - r.start);
    p.refs.push_back(r);
  }
  std::sort(p.refs.begin(), p.refs.end(), [](const SpanRef& a, const SpanRef& b) {
    int c = compareFull(a, b);
    return c != 0 ? c < 0 : a.index < b.index;
  });
  return p;
}

static uint32_t refOverlap(const SpanRef& a, const SpanRef& b) {
  uint32_t lo = std::max(a.start, b.start), hi = std::min(a.end, b.end);
  if (lo >= hi) return 0;
  if (!a.fragments && !b.fragments) return hi - lo;
  Fragment fa{a.start, a.end}, fb{b.start, b.end};
  std::size_t na = a.fragments ? a.fragments->size() : 1,
              nb = b.fragments ? b.fragments->size() : 1;
  std::size_t i = 0, j = 0;
  uint32_t total = 0;
  while (i < na && j < nb) {  // both fragment lists are ordered: two-pointer intersection
    const Fragment& x = a.fragments ? (*a.fragments)[i] : fa;
    const Fragment& y = b.fragments ? (*b.fragments)[j] : fb;
    uint32_t l = std::max(x.start, y.start), h = std::min(x.end, y.end);
    if (l < h) total += h - l;
    if (x.end < y.end)
      ++i;
    else
      ++j;
  }
  return total;
}

uint32_t overlapLength(const Span& a, const Span& b) {
  SpanRef ra{a.start, std::max(a.start, a.end), 0, 0,
             a.fragments.size() > 1 ? &a.fragments : nullptr};
  SpanRef rb{b.start, std::max(b.start, b.end), 0, 0,
             b.fragments.size() > 1 ? &b.fragments : nullptr};
  return refOverlap(ra, rb);
}

bool sameBoundaries(const Span& a, const Span& b) {
  return spanFragments(a) == spanFragments(b);
}

// ---- matching -----------------------------------------------------------------------------------

// Merge walk over two lists sorted by compareFull, skipping spans already paired: pairs equal
// elements (multiset semantics). Skipping keeps each list sorted, so no copies are needed.
template <class Cmp>
static void mergeMatch(const PreparedSpans& key, const PreparedSpans& stu, Cmp cmp,
                       SpanMatching& m) {
  std::size_t i = 0, j = 0;
  const std::size_t nk = key.refs.size(), ns = stu.refs.size();
  while (true) {
    while (i < nk && m.keyToStudent[key.refs[i].index] >= 0) ++i;
    while (j < ns && m.studentToKey[stu.refs[j].index] >= 0) ++j;
    if (i == nk || j == ns) break;
    const SpanRef& k = key.refs[i];
    const SpanRef& s = stu.refs[j];
    int c = cmp(k, s);
    if (c == 0) {
      m.keyToStudent[k.index] = static_cast<int32_t>(s.index);
      m.studentToKey[s.index] = static_cast<int32_t>(k.index);
      ++i;
      ++j;
    } else if (c < 0) {
      ++i;
    } else {
      ++j;
    }
  }
}

static void matchExact(const PreparedSpans& key, const PreparedSpans& stu, bool sameLabel,
                       SpanMatching& m) {
  // Labelled pass first: even when labels are ignored, same-label pairs are preferred.
  mergeMatch(key, stu, compareFull, m);
  if (!sameLabel) mergeMatch(key, stu, compareBoundaries, m);
}

static void matchOverlap(const PreparedSpans& key, const PreparedSpans& stu, bool sameLabel,
                         SpanMatching& m) {
  // Identical spans are paired first: greedy would take them anyway (their overlap is the most
  // either span can have, at distance 0), and the merge walk is linear, so only the few spans
  // left need candidate pairs.
  matchExact(key, stu, sameLabel, m);
  // Only the spans still unpaired take part: compact lists keep the scans short.
  std::vector<const SpanRef*> keys, stus;
  for (const SpanRef& r : key.refs)
    if (m.keyToStudent[r.index] < 0) keys.push_back(&r);
  for (const SpanRef& r : stu.refs)
    if (m.studentToKey[r.index] < 0) stus.push_back(&r);
  for (const auto& pr : greedyOverlapPairs(keys, stus, sameLabel)) {
    uint32_t k = keys[pr.first]->index, st = stus[pr.second]->index;
    m.studentToKey[st] = static_cast<int32_t>(k);
    m.keyToStudent[k] = static_cast<int32_t>(st);
  }
}

std::vector<std::pair<uint32_t, uint32_t>> greedyOverlapPairs(
    const std::vector<const SpanRef*>& keys, const std::vector<const SpanRef*>& stus,
    bool sameLabel) {
  struct Cand {
    uint32_t overlap, distance, s, k;  // s, k: positions in the lists
  };
  uint32_t maxLength = 0;
  for (const SpanRef* r : keys) maxLength = std::max(maxLength, r->end - r->start);
  std::vector<Cand> cands;
  cands.reserve(stus.size() * 2);
  // Keys sorted by start: a key overlapping [s.start, s.end) starts in [s.start - maxLen, s.end).
  std::size_t lo = 0;
  for (std::size_t si = 0; si < stus.size(); ++si) {
    const SpanRef& s = *stus[si];
    uint32_t from = s.start > maxLength ? s.start - maxLength : 0;
    while (lo < keys.size() && keys[lo]->start < from) ++lo;
    for (std::size_t k = lo; k < keys.size() && keys[k]->start < s.end; ++k) {
      const SpanRef& r = *keys[k];
      if (r.end <= s.start) continue;
      if (sameLabel && r.label != s.label) continue;
      uint32_t ov = refOverlap(r, s);
      if (ov == 0) continue;
      uint32_t dist = (r.start > s.start ? r.start - s.start : s.start - r.start) +
                      (r.end > s.end ? r.end - s.end : s.end - r.end);
      if (dist == 0 && compareFragments(r, s) != 0) dist = 1;  // same extent, other fragments
      if (r.label != s.label) dist += 1;  // prefer same-label pairs when labels are ignored
      cands.push_back({ov, dist, static_cast<uint32_t>(si), static_cast<uint32_t>(k)});
    }
  }
  std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    return std::tie(b.overlap, a.distance, a.s, a.k) < std::tie(a.overlap, b.distance, b.s, b.k);
  });
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  std::vector<char> keyUsed(keys.size(), 0), stuUsed(stus.size(), 0);
  for (const Cand& c : cands) {
    if (stuUsed[c.s] || keyUsed[c.k]) continue;
    stuUsed[c.s] = keyUsed[c.k] = 1;
    pairs.emplace_back(c.k, c.s);
  }
  return pairs;
}

void matchMore(const PreparedSpans& key, const PreparedSpans& student, Boundaries mode,
               bool sameLabel, SpanMatching& m) {
  if (mode == Boundaries::Exact)
    matchExact(key, student, sameLabel, m);
  else
    matchOverlap(key, student, sameLabel, m);
}

SpanMatching matchSpans(const PreparedSpans& key, const PreparedSpans& student, Boundaries mode,
                        bool sameLabel) {
  SpanMatching m;
  m.keyToStudent.assign(key.refs.size(), -1);
  m.studentToKey.assign(student.refs.size(), -1);
  matchMore(key, student, mode, sameLabel, m);
  return m;
}

SpanMatching matchSpans(const std::vector<Span>& key, const std::vector<Span>& student,
                        Boundaries mode, bool sameLabel) {
  LabelIds ids;
  PreparedSpans pk = prepareSpans(key, ids), ps = prepareSpans(student, ids);
  return matchSpans(pk, ps, mode, sameLabel);
}

// ---- grading ------------------------------------------------------------------------------------

static Counts countsOf(const SpanMatching& m) {
  Counts c;
  for (int32_t k : m.studentToKey) (k >= 0 ? c.tp : c.fp)++;
  for (int32_t s : m.keyToStudent)
    if (s < 0) c.fn++;
  return c;
}

static void perLabelCounts(const std::vector<Span>& key, const std::vector<Span>& stu,
                           const SpanMatching& m, bool exact,
                           std::map<std::string, LabelCounts>& out) {
  for (std::size_t i = 0; i < stu.size(); ++i) {
    LabelCounts& l = out[stu[i].label];
    Counts& c = exact ? l.exact : l.overlap;
    (m.studentToKey[i] >= 0 ? c.tp : c.fp)++;
  }
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (m.keyToStudent[i] >= 0) continue;
    LabelCounts& l = out[key[i].label];
    (exact ? l.exact : l.overlap).fn++;
  }
}

RelationMatching matchRelations(const AnnotationLayer& key, const AnnotationLayer& stu,
                                const SpanMatching& spans, const Schema* schema) {
  RelationMatching m;
  m.studentToKey.assign(stu.relations.size(), -1);
  m.keyToStudent.assign(key.relations.size(), -1);
  if (key.relations.empty() && stu.relations.empty()) return m;
  std::unordered_map<std::string, int32_t> keyIdx, stuIdx;
  for (std::size_t i = 0; i < key.spans.size(); ++i)
    keyIdx.emplace(key.spans[i].id, static_cast<int32_t>(i));
  for (std::size_t i = 0; i < stu.spans.size(); ++i)
    stuIdx.emplace(stu.spans[i].id, static_cast<int32_t>(i));
  auto symmetric = [&](const std::string& type) {
    const RelationType* t = schema ? schema->findRelation(type) : nullptr;
    return t && t->symmetric;
  };
  // A relation as (type, from key span, to key span); symmetric types put the smaller index first.
  using Tuple = std::tuple<std::string, int32_t, int32_t>;
  auto norm = [&](const std::string& type, int32_t a, int32_t b) {
    if (symmetric(type) && b < a) std::swap(a, b);
    return Tuple{type, a, b};
  };
  std::map<Tuple, std::vector<int32_t>> keyBag;  // unmatched key relations by tuple
  for (std::size_t i = key.relations.size(); i-- > 0;) {
    const Relation& rel = key.relations[i];
    auto f = keyIdx.find(rel.from), t = keyIdx.find(rel.to);
    if (f == keyIdx.end() || t == keyIdx.end()) {
      m.keyToStudent[i] = -2;  // dangling key relation: ignored
      continue;
    }
    keyBag[norm(rel.label, f->second, t->second)].push_back(static_cast<int32_t>(i));
  }
  for (std::size_t i = 0; i < stu.relations.size(); ++i) {
    const Relation& rel = stu.relations[i];
    auto f = stuIdx.find(rel.from), t = stuIdx.find(rel.to);
    int32_t kf = f == stuIdx.end() ? -1 : spans.studentToKey[f->second];
    int32_t kt = t == stuIdx.end() ? -1 : spans.studentToKey[t->second];
    if (kf < 0 || kt < 0) continue;
    auto it = keyBag.find(norm(rel.label, kf, kt));
    if (it == keyBag.end() || it->second.empty()) continue;
    int32_t k = it->second.back();  // the first remaining key relation (stored reversed)
    it->second.pop_back();
    m.studentToKey[i] = k;
    m.keyToStudent[k] = static_cast<int32_t>(i);
  }
  return m;
}

static void gradeRelations(const AnnotationLayer& key, const AnnotationLayer& stu,
                           const SpanMatching& exact, const Schema* schema, GradeReport& r) {
  RelationMatching m = matchRelations(key, stu, exact, schema);
  for (std::size_t i = 0; i < stu.relations.size(); ++i) {
    Counts& c = r.perRelationType[stu.relations[i].label];
    (m.studentToKey[i] >= 0 ? c.tp : c.fp)++;
  }
  for (std::size_t i = 0; i < key.relations.size(); ++i)
    if (m.keyToStudent[i] == -1) r.perRelationType[key.relations[i].label].fn++;
  for (const auto& kv : r.perRelationType) r.relations += kv.second;
}

GradeReport gradeLayer(const AnnotationLayer& key, const AnnotationLayer& student,
                       const Schema* schema) {
  GradeReport r;
  r.student = student.annotator;
  r.documents = 1;
  LabelIds ids;
  PreparedSpans pk = prepareSpans(key.spans, ids), ps = prepareSpans(student.spans, ids);
  // Overlap matching starts by pairing identical spans, so it can extend the exact matching.
  SpanMatching exact = matchSpans(pk, ps, Boundaries::Exact, true);
  SpanMatching overlap = exact;
  matchMore(pk, ps, Boundaries::Overlap, true, overlap);
  SpanMatching exactU = matchSpans(pk, ps, Boundaries::Exact, false);
  r.exact = countsOf(exact);
  r.overlap = countsOf(overlap);
  r.exactUnlabelled = countsOf(exactU);
  matchMore(pk, ps, Boundaries::Overlap, false, exactU);
  r.overlapUnlabelled = countsOf(exactU);
  std::map<std::string, LabelCounts> labels;
  perLabelCounts(key.spans, student.spans, exact, true, labels);
  perLabelCounts(key.spans, student.spans, overlap, false, labels);
  for (auto& kv : labels) {
    kv.second.label = kv.first;
    r.perLabel.push_back(kv.second);
  }
  gradeRelations(key, student, exact, schema, r);
  r.errors = errorProfile(key.spans, student.spans, exactU);
  return r;
}

void addInto(GradeReport& total, const GradeReport& doc) {
  total.documents += doc.documents;
  total.exact += doc.exact;
  total.overlap += doc.overlap;
  total.exactUnlabelled += doc.exactUnlabelled;
  total.overlapUnlabelled += doc.overlapUnlabelled;
  total.relations += doc.relations;
  total.errors += doc.errors;
  total.documentNames.insert(total.documentNames.end(), doc.documentNames.begin(),
                             doc.documentNames.end());
  for (const auto& kv : doc.perRelationType) total.perRelationType[kv.first] += kv.second;
  std::map<std::string, LabelCounts> merged;
  for (const LabelCounts& l : total.perLabel) merged[l.label] = l;
  for (const LabelCounts& l : doc.perLabel) {
    LabelCounts& m = merged[l.label];
    m.label = l.label;
    m.exact += l.exact;
    m.overlap += l.overlap;
  }
  total.perLabel.clear();
  for (auto& kv : merged) total.perLabel.push_back(kv.second);
}

const AnnotationLayer* findKeyLayer(const DocumentData& doc, const ExerciseInfo& exercise) {
  for (const AnnotationLayer& l : doc.others)
    if (l.annotator == exercise.goldAnnotator) return &l;
  return nullptr;
}

GradeReport gradeWorkspace(const Workspace& key, const Workspace& student,
                           std::vector<std::string>* warnings) {
  GradeReport total;
  total.student = !student.annotator.empty() ? student.annotator : "";
  std::unordered_map<std::string, const DocumentData*> bySha;
  for (const DocumentData& d : student.documents) {
    bySha.emplace(d.sha256, &d);
    if (total.student.empty() && !d.annotations.annotator.empty())
      total.student = d.annotations.annotator;
  }
  total.progress = student.progress;
  // An exercise that hands each student some of its documents: the student's file holds theirs.
  const bool subsets =
      key.exercise.documentsPerStudent > 0 || student.exercise.documentsPerStudent > 0;
  std::unordered_map<std::string, bool> used;
  for (const DocumentData& kd : key.documents) {
    if (subsets && !bySha.count(kd.sha256)) continue;  // not handed to this student
    const AnnotationLayer* keyLayer = findKeyLayer(kd, key.exercise);
    if (!keyLayer) keyLayer = &kd.annotations;
    auto it = bySha.find(kd.sha256);
    AnnotationLayer empty;
    const AnnotationLayer* stuLayer = &empty;
    if (it == bySha.end()) {
      if (warnings)
        warnings->push_back("document '" + kd.name + "' is missing from " +
                            (total.student.empty() ? std::string("the student's file")
                                                   : "'" + total.student + "'") +
                            ": counted as unannotated");
    } else {
      stuLayer = &it->second->annotations;
      used[kd.sha256] = true;
    }
    GradeReport doc = gradeLayer(*keyLayer, *stuLayer, &key.schema);
    doc.documentNames.push_back(kd.name);
    addInto(total, doc);
  }
  for (const DocumentData& d : student.documents)
    if (!used.count(d.sha256) && warnings)
      warnings->push_back("document '" + d.name + "' is not in the key: skipped");
  return total;
}

}  // namespace scholion
