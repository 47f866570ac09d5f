// The plain data of a workspace: documents, spans, relations, layers. Formats read and write these.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema.h"

namespace scholion {

// Every offset in the model is a Unicode code point index into the document text,
// 0-based, end-exclusive (as in every file we read or write).
struct Fragment {
  uint32_t start = 0;
  uint32_t end = 0;
  bool operator==(const Fragment& o) const { return start == o.start && end == o.end; }
};

struct Span {
  std::string id;  // unique within its layer, e.g. "T1"
  std::string
      label;  // a SpanLabel name from the schema (unknown labels are kept, flagged by validation)
  uint32_t start = 0;  // first fragment's start
  uint32_t end = 0;    // last fragment's end
  // Empty for a continuous span; otherwise >= 2 ordered, non-overlapping fragments (brat "0 5;16
  // 23").
  std::vector<Fragment> fragments;
  // The covered text; for fragments, the fragments' texts joined by a single space (as brat does).
  std::string text;
  // attribute name -> value; boolean attributes use "true" (absent = false).
  std::map<std::string, std::string> attributes;
  std::string note;
  std::string annotator;
  bool operator==(const Span& o) const {
    return id == o.id && label == o.label && start == o.start && end == o.end &&
           fragments == o.fragments && text == o.text && attributes == o.attributes &&
           note == o.note && annotator == o.annotator;
  }
};

// A continuous span (no fragments) with the text it covers.
inline Span continuousSpan(std::string id, std::string label, uint32_t start, uint32_t end,
                           std::string text) {
  Span s;
  s.id = std::move(id);
  s.label = std::move(label);
  s.start = start;
  s.end = end;
  s.text = std::move(text);
  return s;
}

struct Relation {
  std::string id;     // unique within its layer, e.g. "R1"
  std::string label;  // a RelationType name
  std::string from;   // span id
  std::string to;     // span id
  std::string note;
  bool operator==(const Relation& o) const {
    return id == o.id && label == o.label && from == o.from && to == o.to && note == o.note;
  }
};

// A student's progress on an exercise, handed in with the work: when it was first opened (UTC,
// ISO 8601, "" when unknown), the time spent editing (gaps between edits of up to two minutes
// count, longer pauses do not), and how many times the work was checked.
struct WorkProgress {
  std::string startedAt;
  double activeSeconds = 0;
  uint32_t checks = 0;
  bool handedIn = false;  // the work was handed in at least once (feedback "key-after-hand-in")
  bool operator==(const WorkProgress& o) const {
    return startedAt == o.startedAt && activeSeconds == o.activeSeconds && checks == o.checks &&
           handedIn == o.handedIn;
  }
};

// One annotator's annotations of one document.
struct AnnotationLayer {
  std::string annotator;
  std::vector<Span> spans;
  std::vector<Relation> relations;
  std::vector<std::string> documentLabels;  // DocumentLabel names
  // Data a foreign format carried that Scholion cannot show, kept to be written back
  // unchanged: format name (e.g. "brat") -> opaque text (e.g. E/N/* lines).
  std::map<std::string, std::string> extras;
  // The student's progress, on each layer of a hand-in loaded for review (the review's time on
  // task); default elsewhere.
  WorkProgress progress;
  bool operator==(const AnnotationLayer& o) const {
    return annotator == o.annotator && spans == o.spans && relations == o.relations &&
           documentLabels == o.documentLabels && extras == o.extras && progress == o.progress;
  }
};

struct DocumentData {
  std::string id;                       // unique within the workspace
  std::string name;                     // shown to the user, e.g. a file name
  std::string text;                     // valid UTF-8, never changed by annotating
  std::string sha256;                   // lowercase hex SHA-256 of text's UTF-8 bytes
  AnnotationLayer annotations;          // the working layer (the current annotator's)
  std::vector<AnnotationLayer> others;  // other annotators' layers (imports, students, gold)
  bool operator==(const DocumentData& o) const {
    return id == o.id && name == o.name && text == o.text && sha256 == o.sha256 &&
           annotations == o.annotations && others == o.others;
  }
};

// What "Check my work" compares: span boundaries only; spans and their labels; or relations too.
enum class CheckScope : uint8_t { Spans, Labels, Relations };
// The names used in Scholion JSON: "spans", "labels", "relations".
inline const char* checkScopeName(CheckScope s) {
  return s == CheckScope::Spans ? "spans" : s == CheckScope::Relations ? "relations" : "labels";
}
inline std::optional<CheckScope> checkScopeFromName(std::string_view name) {
  for (CheckScope s : {CheckScope::Spans, CheckScope::Labels, CheckScope::Relations})
    if (name == checkScopeName(s)) return s;
  return std::nullopt;
}

// What "Check my work" shows a student (only when checking is allowed at all; "none", graded
// later, is allowCheck = false): the score alone; the score and marks in the text; or those and,
// once the work is handed in, the whole answer key.
enum class Feedback : uint8_t { Score, Marks, KeyAfterHandIn };
// The names used in Scholion JSON: "score", "marks", "key-after-hand-in" (and "none").
inline const char* feedbackName(Feedback f) {
  return f == Feedback::Score ? "score" : f == Feedback::Marks ? "marks" : "key-after-hand-in";
}
inline std::optional<Feedback> feedbackFromName(std::string_view name) {
  for (Feedback f : {Feedback::Score, Feedback::Marks, Feedback::KeyAfterHandIn})
    if (name == feedbackName(f)) return f;
  return std::nullopt;
}

// Set when the workspace is a classroom exercise made by a teacher.
struct ExerciseInfo {
  bool enabled = false;
  std::string title;
  // The answer key is the layer in DocumentData::others whose annotator equals goldAnnotator.
  std::string goldAnnotator = "gold";
  bool allowCheck = false;           // students may check their work against the key
  bool revealMissingLabels = false;  // "check" may show the labels of spans the student missed
  CheckScope checkScope = CheckScope::Labels;
  // Machine suggestions (string matching, gazetteer, tagger) may be shown to students; off by
  // default, since graded work should be the student's own. Outside an exercise they always may.
  bool allowSuggestions = false;
  Feedback feedback = Feedback::Marks;  // what a check shows (when allowCheck)
  // Each student gets documentsPerStudent of the documents (0: all of them): the first
  // sharedDocuments go to everyone, so agreement can be measured on them, the others are chosen
  // from the student's name (exercise_handout.h), so the teacher can reproduce who had what.
  uint32_t documentsPerStudent = 0;
  uint32_t sharedDocuments = 0;
  bool operator==(const ExerciseInfo& o) const {
    return enabled == o.enabled && title == o.title && goldAnnotator == o.goldAnnotator &&
           allowCheck == o.allowCheck && revealMissingLabels == o.revealMissingLabels &&
           checkScope == o.checkScope && allowSuggestions == o.allowSuggestions &&
           feedback == o.feedback && documentsPerStudent == o.documentsPerStudent &&
           sharedDocuments == o.sharedDocuments;
  }
};

struct Workspace {
  ExerciseInfo exercise;
  Schema schema;
  std::string annotator;  // the current user's name
  std::vector<DocumentData> documents;
  std::size_t activeDocument = 0;
  WorkProgress progress;
  bool operator==(const Workspace& o) const {
    return exercise == o.exercise && schema == o.schema && annotator == o.annotator &&
           documents == o.documents && activeDocument == o.activeDocument && progress == o.progress;
  }
};

}  // namespace scholion
