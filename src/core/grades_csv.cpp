// CSV export of grades and agreement tables (RFC 4180 quoting, UTF-8).
#include "grades_csv.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "error_profile.h"

namespace scholion {

std::string csvField(const std::string& text) {
  std::string t = text;
  if (!t.empty() &&
      (t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@' || t[0] == '\t' || t[0] == '\r'))
    t.insert(t.begin(), '\'');
  bool quote = t.find_first_of(",\"\r\n") != std::string::npos ||
               (!t.empty() && (t.front() == ' ' || t.back() == ' '));
  if (!quote) return t;
  std::string out = "\"";
  for (char c : t) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csvNumber(double value) {
  if (!std::isfinite(value)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", value);
  return buf;
}

// A score over nothing (no spans or relations on either side) is undefined: an empty cell, as
// the review shows "–", rather than a perfect 1.0000 nobody earned.
static std::string csvScore(const Counts& c, double value) {
  return c.tp + c.fp + c.fn ? csvNumber(value) : "";
}

static std::string csvMinutes(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", seconds / 60);
  return buf;
}

static std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

static void row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += fields[i];
  }
  out += "\r\n";
}

static std::string start(bool bom) {
  return bom ? "\xEF\xBB\xBF" : "";
}

std::string gradesCsv(const std::vector<GradeReport>& reports, bool utf8Bom) {
  std::set<std::string> labels;
  for (const GradeReport& r : reports)
    for (const LabelCounts& l : r.perLabel) labels.insert(l.label);
  std::string out = start(utf8Bom);
  std::vector<std::string> head = {
      "student",         "documents",         "exact_precision",     "exact_recall",
      "exact_f1",        "overlap_precision", "overlap_recall",      "overlap_f1",
      "exact_macro_f1",  "overlap_macro_f1",  "unlabelled_exact_f1", "relation_precision",
      "relation_recall", "relation_f1",       "started_at",          "active_minutes",
      "checks",          "too_long",          "too_short",           "shifted",
      "confusions",      "document_names"};
  for (const std::string& l : labels) {
    head.push_back(csvField(l + " exact_precision"));
    head.push_back(csvField(l + " exact_recall"));
    head.push_back(csvField(l + " exact_f1"));
    head.push_back(csvField(l + " overlap_f1"));
  }
  row(out, head);
  for (const GradeReport& r : reports) {
    std::vector<std::string> f = {csvField(r.student),
                                  std::to_string(r.documents),
                                  csvScore(r.exact, r.exact.precision()),
                                  csvScore(r.exact, r.exact.recall()),
                                  csvScore(r.exact, r.exact.f1()),
                                  csvScore(r.overlap, r.overlap.precision()),
                                  csvScore(r.overlap, r.overlap.recall()),
                                  csvScore(r.overlap, r.overlap.f1()),
                                  csvNumber(r.macroExact().f1),
                                  csvNumber(r.macroOverlap().f1),
                                  csvScore(r.exactUnlabelled, r.exactUnlabelled.f1()),
                                  csvScore(r.relations, r.relations.precision()),
                                  csvScore(r.relations, r.relations.recall()),
                                  csvScore(r.relations, r.relations.f1()),
                                  csvField(r.progress.startedAt),
                                  csvMinutes(r.progress.activeSeconds),
                                  std::to_string(r.progress.checks),
                                  std::to_string(r.errors.tooLong),
                                  std::to_string(r.errors.tooShort),
                                  std::to_string(r.errors.shifted),
                                  csvField(confusionSummary(r.errors, 3)),
                                  csvField(joined(r.documentNames, "; "))};
    for (const std::string& l : labels) {
      const LabelCounts* lc = nullptr;
      for (const LabelCounts& x : r.perLabel)
        if (x.label == l) lc = &x;
      LabelCounts unused;  // a label neither side used in this report: empty cells
      if (!lc) lc = &unused;
      f.push_back(csvScore(lc->exact, lc->exact.precision()));
      f.push_back(csvScore(lc->exact, lc->exact.recall()));
      f.push_back(csvScore(lc->exact, lc->exact.f1()));
      f.push_back(csvScore(lc->overlap, lc->overlap.f1()));
    }
    row(out, f);
  }
  return out;
}

std::string pairwiseAgreementCsv(const ClassAgreement& a, bool utf8Bom) {
  std::string out = start(utf8Bom);
  row(out, {"annotator_a", "annotator_b", "cohen_kappa", "kappa_defined", "exact_span_f1",
            "overlap_span_f1"});
  for (const PairAgreement& p : a.pairs)
    row(out, {csvField(a.annotators[p.a]), csvField(a.annotators[p.b]), csvNumber(p.cohen.value),
              p.cohen.defined ? "yes" : "no", csvNumber(p.spansExact.f1()),
              csvNumber(p.spansOverlap.f1())});
  return out;
}

std::string labelAgreementCsv(const ClassAgreement& a, bool utf8Bom) {
  std::string out = start(utf8Bom);
  row(out, {"label", "alpha", "alpha_defined", "exact_span_f1", "spans", "tokens"});
  for (const LabelAgreement& l : a.perLabel)
    row(out, {csvField(l.label), csvNumber(l.alpha.value), l.alpha.defined ? "yes" : "no",
              csvNumber(l.spansExact.f1()), std::to_string(l.spans), std::to_string(l.tokens)});
  return out;
}

}  // namespace scholion
