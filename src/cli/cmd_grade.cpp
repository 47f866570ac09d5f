// "scholion grade KEY.json STUDENT.json...": each student's P/R/F1 against the key, table or CSV.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli_io.h"
#include "commands.h"
#include "error_profile.h"
#include "grades_csv.h"
#include "grading.h"
#include "scholion_json.h"
#include "work_progress.h"

namespace scholion::cli {
namespace {

const char kHelp[] =
    "Usage: scholion grade KEY.json STUDENT.json... [--csv] [--bom] [--per-label] [--out FILE]\n"
    "\n"
    "Grades each student's Scholion JSON file against the answer key. Documents are matched by\n"
    "their SHA-256; the key of a document is its gold layer (the exercise's gold annotator) or\n"
    "else its working layer; a student's answer is the working layer of the student's file.\n"
    "Scores: precision, recall, F1 with exact boundaries and with overlapping boundaries (same\n"
    "label required), macro F1 over labels, and relations (see docs/agreement.md); then the\n"
    "time on task from the student's file (active time, checks run) and the error profile:\n"
    "spans too long, too short or shifted against the key's, and the labels most confused\n"
    "(key label -> student's label). An exercise that hands each student some of its documents\n"
    "grades each student on their own documents only.\n"
    "Exit status: 0 graded; 1 a file is missing or unreadable, or shares no document with the\n"
    "key; 2 usage error.\n"
    "\n"
    "  --csv        print the grades as CSV (one row per student, per-label columns)\n"
    "  --bom        start the CSV with a UTF-8 byte order mark (for spreadsheet programs)\n"
    "  --per-label  also print each student's per-label table\n"
    "  --out FILE   write the output to FILE instead of standard output\n";

std::string table(const std::vector<GradeReport>& reports, bool perLabel) {
  std::size_t nameWidth = 7;
  for (const GradeReport& r : reports) nameWidth = std::max(nameWidth, cpWidth(r.student));
  nameWidth = std::min<std::size_t>(nameWidth + 2, 40);
  std::string out = pad("student", nameWidth) +
                    "docs  exact P  exact R  exact F1  ovl P  ovl R  ovl F1  macro F1  rel F1  "
                    "active  checks  long  short  shifted  confusions\n";
  for (const GradeReport& r : reports) {
    out +=
        pad(r.student, nameWidth) + pad(std::to_string(r.documents), 6) +
        pad(fixed(r.exact.precision()), 9) + pad(fixed(r.exact.recall()), 9) +
        pad(fixed(r.exact.f1()), 10) + pad(fixed(r.overlap.precision()), 7) +
        pad(fixed(r.overlap.recall()), 7) + pad(fixed(r.overlap.f1()), 8) +
        pad(fixed(r.macroExact().f1), 10) +
        pad(r.relations.tp + r.relations.fp + r.relations.fn ? fixed(r.relations.f1()) : "-", 8) +
        pad(minutesText(r.progress.activeSeconds), 8) + pad(std::to_string(r.progress.checks), 8) +
        pad(std::to_string(r.errors.tooLong), 6) + pad(std::to_string(r.errors.tooShort), 7) +
        pad(std::to_string(r.errors.shifted), 9) + confusionSummary(r.errors, 3) + "\n";
  }
  if (!perLabel) return out;
  for (const GradeReport& r : reports) {
    out += "\n" + r.student + "\n  " + pad("label", 20) +
           "key  found  exact P  exact R  exact F1  ovl F1\n";
    for (const LabelCounts& l : r.perLabel) {
      out += "  " + pad(l.label, 20) + pad(std::to_string(l.exact.tp + l.exact.fn), 5) +
             pad(std::to_string(l.exact.tp + l.exact.fp), 7) + pad(fixed(l.exact.precision()), 9) +
             pad(fixed(l.exact.recall()), 9) + pad(fixed(l.exact.f1()), 10) +
             fixed(l.overlap.f1()) + "\n";
    }
  }
  return out;
}

}  // namespace

int cmdGrade(int argc, char** argv) {
  ParsedArgs args;
  std::string err = parseArgs(argc, argv, {"--out"}, {"--csv", "--bom", "--per-label"}, args);
  if (args.help) {
    std::cout << kHelp;
    return 0;
  }
  if (!err.empty() || args.positional.size() < 2) {
    std::cerr << "scholion grade: "
              << (err.empty() ? "expected KEY.json and at least one STUDENT.json" : err) << "\n\n"
              << kHelp;
    return 2;
  }
  // Everything is read and validated before anything is printed.
  Result<Workspace> key = loadScholion(args.positional[0]);
  if (!key) {
    std::cerr << "scholion grade: " << key.error() << "\n";
    return 1;
  }
  std::vector<GradeReport> reports;
  bool failed = false;
  for (std::size_t i = 1; i < args.positional.size(); ++i) {
    const std::string& path = args.positional[i];
    Result<Workspace> stu = loadScholion(path);
    if (!stu) {
      std::cerr << "scholion grade: " << stu.error() << "\n";
      failed = true;
      continue;
    }
    // A file made for other texts has nothing to grade: an error, not a zero.
    bool shared = false;
    for (const DocumentData& kd : key->documents)
      for (const DocumentData& sd : stu->documents) shared = shared || kd.sha256 == sd.sha256;
    if (!shared) {
      std::cerr << "scholion grade: " << path
                << ": none of its documents is in the key (different text)\n";
      failed = true;
      continue;
    }
    std::vector<std::string> warnings;
    GradeReport r = gradeWorkspace(*key, *stu, &warnings);
    if (r.student.empty()) r.student = baseName(path);
    for (const std::string& w : warnings) std::cerr << path << ": " << w << "\n";
    reports.push_back(std::move(r));
  }
  if (failed) return 1;
  std::string text = args.flag("--csv") ? gradesCsv(reports, args.flag("--bom"))
                                        : table(reports, args.flag("--per-label"));
  if (const std::string* out = args.option("--out")) {
    Status st = writeFile(*out, text);
    if (!st) {
      std::cerr << "scholion grade: " << st.error() << "\n";
      return 1;
    }
    return 0;
  }
  std::cout << text;
  return 0;
}

}  // namespace scholion::cli
