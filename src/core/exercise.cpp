// Classroom exercises: "check my work" against the key, stripping the key, building an exercise.
#include "exercise.h"

#include <algorithm>

#include "grading.h"

namespace scholion {

const char* checkMarkName(CheckMark m) {
  switch (m) {
    case CheckMark::Correct:
      return "correct";
    case CheckMark::WrongLabel:
      return "wrong-label";
    case CheckMark::WrongBoundaries:
      return "wrong-boundaries";
    case CheckMark::Extra:
      return "extra";
  }
  return "extra";
}

CheckResult checkWork(const ExerciseInfo& info, const AnnotationLayer& student,
                      const AnnotationLayer& key, const Schema* schema) {
  CheckResult r;
  r.scope = info.checkScope;
  const bool labels = r.scope != CheckScope::Spans;
  LabelIds ids;
  PreparedSpans pk = prepareSpans(key.spans, ids), ps = prepareSpans(student.spans, ids);

  // Pass 1: correct. Pass 2 (labels): same boundaries, other label. Pass 3: overlapping.
  // Each pass pairs only what earlier passes left, so every span is paired at most once.
  SpanMatching m;
  m.keyToStudent.assign(key.spans.size(), -1);
  m.studentToKey.assign(student.spans.size(), -1);
  matchMore(pk, ps, Boundaries::Exact, labels, m);
  SpanMatching correctOnly = m;  // relations are judged on correct spans only
  if (labels) matchMore(pk, ps, Boundaries::Exact, false, m);
  matchMore(pk, ps, Boundaries::Overlap, false, m);

  for (std::size_t i = 0; i < student.spans.size(); ++i) {
    CheckedSpan c;
    c.spanId = student.spans[i].id;
    int32_t k = m.studentToKey[i];
    if (k < 0) {
      c.mark = CheckMark::Extra;
    } else {
      const Span& ks = key.spans[k];
      c.keyStart = ks.start;
      c.keyEnd = ks.end;
      if (info.revealMissingLabels) c.keyLabel = ks.label;
      if (correctOnly.studentToKey[i] >= 0)
        c.mark = CheckMark::Correct;
      else if (sameBoundaries(ks, student.spans[i]))
        c.mark = CheckMark::WrongLabel;
      else
        c.mark = CheckMark::WrongBoundaries;
      if (c.mark == CheckMark::Correct) r.correct++;
    }
    r.spans.push_back(std::move(c));
  }
  for (const SpanRef& ref : pk.refs) {  // by position
    if (m.keyToStudent[ref.index] >= 0) continue;
    const Span& ks = key.spans[ref.index];
    MissingSpan miss;
    miss.start = ks.start;
    miss.end = ks.end;
    if (info.revealMissingLabels) miss.label = ks.label;
    r.missing.push_back(std::move(miss));
  }
  r.studentItems = student.spans.size();
  r.keyItems = key.spans.size();

  if (r.scope == CheckScope::Relations) {
    RelationMatching rm = matchRelations(key, student, correctOnly, schema);
    for (std::size_t i = 0; i < student.relations.size(); ++i) {
      bool ok = rm.studentToKey[i] >= 0;
      r.relations.push_back({student.relations[i].id, ok});
      r.correct += ok;
    }
    for (int32_t s : rm.keyToStudent) {
      if (s == -1) r.missingRelations++;
      if (s != -2) r.keyItems++;
    }
    r.studentItems += student.relations.size();
  }
  std::size_t total = r.studentItems + r.keyItems;
  r.score = total == 0 ? 1.0 : 2.0 * static_cast<double>(r.correct) / static_cast<double>(total);
  return r;
}

Result<CheckResult> checkDocument(const Workspace& ws, std::size_t index) {
  if (!ws.exercise.enabled) return fail("this workspace is not an exercise");
  if (!ws.exercise.allowCheck) return fail("the teacher has not allowed checking this exercise");
  if (index >= ws.documents.size()) return fail("no document " + std::to_string(index + 1));
  const DocumentData& d = ws.documents[index];
  const AnnotationLayer* key = findKeyLayer(d, ws.exercise);
  if (!key)
    return fail("document '" + d.name + "' has no answer key (layer '" + ws.exercise.goldAnnotator +
                "')");
  return checkWork(ws.exercise, d.annotations, *key, &ws.schema);
}

Workspace stripAnswerKey(Workspace ws) {
  for (DocumentData& d : ws.documents)
    d.others.erase(std::remove_if(d.others.begin(), d.others.end(),
                                  [&](const AnnotationLayer& l) {
                                    return l.annotator == ws.exercise.goldAnnotator;
                                  }),
                   d.others.end());
  ws.exercise.allowCheck = false;
  return ws;
}

Result<Workspace> makeExerciseWorkspace(const Workspace& teacher, ExerciseInfo info) {
  if (info.goldAnnotator.empty()) return fail("the answer key needs an annotator name");
  info.enabled = true;
  Workspace out;
  out.exercise = info;
  out.schema = teacher.schema;
  out.activeDocument = 0;
  for (const DocumentData& src : teacher.documents) {
    DocumentData d;
    d.id = src.id;
    d.name = src.name;
    d.text = src.text;
    d.sha256 = src.sha256;
    AnnotationLayer key = src.annotations;
    if (key.spans.empty() && key.relations.empty() && key.documentLabels.empty()) {
      if (const AnnotationLayer* existing = findKeyLayer(src, info)) key = *existing;
    }
    key.annotator = info.goldAnnotator;
    for (Span& s : key.spans) s.annotator = info.goldAnnotator;
    if (info.allowCheck) d.others.push_back(std::move(key));
    out.documents.push_back(std::move(d));
  }
  return out;
}

}  // namespace scholion
