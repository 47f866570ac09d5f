// Grading one annotation layer against an answer key: span matching, P/R/F1 per label, relations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model.h"
#include "schema.h"

namespace scholion {

// True/false positives and false negatives, with the conventions of docs/agreement.md:
// a zero denominator gives 1.0 when key and answer are both empty (nothing to find, nothing
// claimed) and 0.0 otherwise; F1 is 0.0 when P + R = 0.
struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const;
  double recall() const;
  double f1() const;
  Counts& operator+=(const Counts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
  }
  bool operator==(const Counts& o) const { return tp == o.tp && fp == o.fp && fn == o.fn; }
};

// Unweighted mean over labels of the per-label scores (1.0 each when there are no labels at all).
struct MacroScores {
  double precision = 1.0, recall = 1.0, f1 = 1.0;
  std::size_t labels = 0;
};

struct LabelCounts {
  std::string label;
  Counts exact;    // same label, same fragments
  Counts overlap;  // same label, overlapping (one-to-one greedy matching)
};

// How a student's spans miss the key's, from pairing them by overlap with labels ignored: which
// key label was given which other label, and boundaries that are too long (the student's span
// covers the key's and more), too short (inside the key's) or shifted (neither).
struct ErrorProfile {
  std::map<std::pair<std::string, std::string>, std::size_t> confusions;  // (key, student) label
  std::size_t tooLong = 0, tooShort = 0, shifted = 0;
  // The most frequent confusions, most first (ties by label names), at most `n`.
  std::vector<std::pair<std::pair<std::string, std::string>, std::size_t>> topConfusions(
      std::size_t n) const;
  ErrorProfile& operator+=(const ErrorProfile& o);
};

struct GradeReport {
  std::string student;
  std::size_t documents = 0;
  std::vector<std::string> documentNames;  // the documents graded (gradeWorkspace), key order
  WorkProgress progress;                   // from the student's file (gradeWorkspace)
  ErrorProfile errors;
  // Labelled, micro-averaged over labels (and over documents after addInto).
  Counts exact, overlap;
  // Boundaries only (labels ignored).
  Counts exactUnlabelled, overlapUnlabelled;
  std::vector<LabelCounts> perLabel;  // sorted by label; labels used by the key or the student
  Counts relations;                   // micro over relation types
  std::map<std::string, Counts> perRelationType;
  MacroScores macroExact() const;
  MacroScores macroOverlap() const;
};

// ---- span matching (shared by grading, agreement, disagreement and exercise checks) ----------

enum class Boundaries : uint8_t { Exact, Overlap };

// One-to-one pairing of two span lists; -1 = unmatched.
struct SpanMatching {
  std::vector<int32_t> studentToKey;
  std::vector<int32_t> keyToStudent;
};

// Interns label names to small integers (stable for the lifetime of the object).
class LabelIds {
 public:
  uint32_t id(const std::string& name);
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::map<std::string, uint32_t> ids_;
  std::vector<std::string> names_;
};

// A layer's spans in a compact, sorted form so that many pairwise matchings are cheap.
struct SpanRef {
  uint32_t start = 0, end = 0;  // extent (first fragment start, last fragment end)
  uint32_t label = 0;           // LabelIds id
  uint32_t index = 0;           // index in the source vector
  const std::vector<Fragment>* fragments = nullptr;  // null for a continuous span
};
struct PreparedSpans {
  std::vector<SpanRef> refs;  // sorted by (start, end, fragments, label)
  uint32_t maxLength = 0;     // longest extent, bounds the overlap search window
  std::size_t size() const { return refs.size(); }
};
PreparedSpans prepareSpans(const std::vector<Span>& spans, LabelIds& labels);
// Orders by (start, end, fragments[, label]): <0, 0, >0.
int compareSpanRefs(const SpanRef& a, const SpanRef& b, bool withLabel);

// Exact: same fragments (and label when sameLabel), multiset semantics; when labels are ignored,
// same-label pairs are still preferred. Overlap: candidate pairs sharing at least one code point
// (and label when sameLabel), taken greedily by overlap length (desc), then by boundary distance
// (asc), then by position, after pairing identical spans first. Indices refer to the original
// span vectors.
SpanMatching matchSpans(const PreparedSpans& key, const PreparedSpans& student, Boundaries mode,
                        bool sameLabel);
SpanMatching matchSpans(const std::vector<Span>& key, const std::vector<Span>& student,
                        Boundaries mode, bool sameLabel);
// The greedy overlap step on two lists of still-unpaired spans, each ordered as in PreparedSpans:
// returns (key list position, student list position) pairs.
std::vector<std::pair<uint32_t, uint32_t>> greedyOverlapPairs(
    const std::vector<const SpanRef*>& keys, const std::vector<const SpanRef*>& students,
    bool sameLabel);
// Extends an existing matching (sized for these lists) by pairing only still-unmatched spans.
void matchMore(const PreparedSpans& key, const PreparedSpans& student, Boundaries mode,
               bool sameLabel, SpanMatching& m);

// One-to-one pairing of relations, -1 = unmatched. A student relation matches a key relation of
// the same type whose endpoints are the key spans paired (by spanMatching) with its endpoints;
// direction counts unless the schema marks the type symmetric. Key relations whose endpoints do
// not exist are marked -2 (not counted).
struct RelationMatching {
  std::vector<int32_t> studentToKey;
  std::vector<int32_t> keyToStudent;
};
RelationMatching matchRelations(const AnnotationLayer& key, const AnnotationLayer& student,
                                const SpanMatching& spanMatching, const Schema* schema);

// Fragments of a span (one fragment [start, end) for a continuous span).
std::vector<Fragment> spanFragments(const Span& s);
// Code points covered by both spans (fragment-aware).
uint32_t overlapLength(const Span& a, const Span& b);
bool sameBoundaries(const Span& a, const Span& b);

// ---- grading --------------------------------------------------------------------------------

// Grades one document's layer. Relations: a student relation matches a key relation of the same
// type whose endpoints are the key spans matched (exact boundaries + label) to its endpoints;
// direction counts unless the schema marks the type symmetric (schema may be null = all directed).
GradeReport gradeLayer(const AnnotationLayer& key, const AnnotationLayer& student,
                       const Schema* schema = nullptr);
// Adds one document's counts (micro over documents). Keeps total.student.
void addInto(GradeReport& total, const GradeReport& doc);

// The answer key of a document: the layer in `others` named exercise.goldAnnotator, else null.
const AnnotationLayer* findKeyLayer(const DocumentData& doc, const ExerciseInfo& exercise);

// Grades a student's workspace against a key workspace, documents matched by sha256. The key of
// a document is its gold layer (findKeyLayer) or else its working layer; the student's answer is
// the student's working layer. A key document the student lacks counts as all missed; student
// documents absent from the key are skipped. Both cases add a line to `warnings` (may be null).
// When the exercise hands each student some of its documents (exercise_handout.h), a key
// document the student's file lacks was not theirs: skipped, not missed.
GradeReport gradeWorkspace(const Workspace& key, const Workspace& student,
                           std::vector<std::string>* warnings = nullptr);

}  // namespace scholion
