// Grading a student's layer against a key: exact/overlap P/R/F1, per label, macro, relations.
#include <catch2/catch.hpp>

#include "grading.h"
#include "test_support.h"

using namespace scholion;
using namespace scholion::test;
using Approx = Catch::Detail::Approx;

namespace {

const LabelCounts* labelOf(const GradeReport& r, const std::string& label) {
  for (const LabelCounts& l : r.perLabel)
    if (l.label == label) return &l;
  return nullptr;
}

// CSV records split on CRLF (every record ends with one), fields on commas outside quotes; quotes
// are kept, which is enough for these tests' names.
std::vector<std::string> splitCsvLines(const std::string& csv) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < csv.size()) {
    std::size_t e = csv.find("\r\n", pos);
    REQUIRE(e != std::string::npos);
    lines.push_back(csv.substr(pos, e - pos));
    pos = e + 2;
  }
  return lines;
}

std::vector<std::string> splitCsvFields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted)
      fields.emplace_back();
    else
      fields.back() += c;
  }
  return fields;
}

}  // namespace

TEST_CASE("grading: exact and overlap, labelled and unlabelled, by hand", "[grading]") {
  GradeReport r = gradeLayer(keyLayer(), studentLayer("Zoë"));
  CHECK(r.student == "Zoë");
  // Exact labelled: only S1. tp 1, fp 3, fn 3: P = R = F1 = 1/4.
  CHECK(r.exact == Counts{1, 3, 3});
  CHECK(r.exact.precision() == Approx(0.25));
  CHECK(r.exact.recall() == Approx(0.25));
  CHECK(r.exact.f1() == Approx(0.25));
  // Overlap labelled: S1-K1, S2-K2. tp 2, fp 2, fn 2: 0.5.
  CHECK(r.overlap == Counts{2, 2, 2});
  CHECK(r.overlap.f1() == Approx(0.5));
  // Exact boundaries only: S1-K1, S3-K3: 0.5. Overlap boundaries only: S1, S2, S3: 3/4.
  CHECK(r.exactUnlabelled == Counts{2, 2, 2});
  CHECK(r.overlapUnlabelled == Counts{3, 1, 1});
  CHECK(r.overlapUnlabelled.f1() == Approx(0.75));
  // Per label (exact): Person tp1 fp1 (S3) fn1 (K4): P = R = F1 = 0.5.
  // Org: fp1 fn1 -> 0. Loc: fn1 -> P 0 (nothing claimed but something to find), R 0.
  // Date: fp1 -> P 0, R 0 (nothing to find but something claimed).
  REQUIRE(r.perLabel.size() == 4);
  CHECK(r.perLabel[0].label == "Date");  // sorted
  CHECK(labelOf(r, "Person")->exact == Counts{1, 1, 1});
  CHECK(labelOf(r, "Person")->exact.f1() == Approx(0.5));
  CHECK(labelOf(r, "Org")->exact == Counts{0, 1, 1});
  CHECK(labelOf(r, "Loc")->exact.precision() == 0.0);
  CHECK(labelOf(r, "Date")->exact.recall() == 0.0);
  CHECK(labelOf(r, "Org")->overlap == Counts{1, 0, 0});
  // Macro exact F1 = (0 + 0 + 0 + 0.5) / 4 = 0.125; macro overlap F1 = (0 + 0 + 1 + 0.5) / 4.
  CHECK(r.macroExact().f1 == Approx(0.125));
  CHECK(r.macroExact().labels == 4);
  CHECK(r.macroOverlap().f1 == Approx(0.375));
  // Micro = sums of the per-label counts.
  Counts sum;
  for (const LabelCounts& l : r.perLabel) sum += l.exact;
  CHECK(sum == r.exact);
}

TEST_CASE("grading: zero spans follow the documented convention", "[grading]") {
  AnnotationLayer empty;
  GradeReport both = gradeLayer(empty, empty);
  CHECK(both.exact.precision() == 1.0);
  CHECK(both.exact.recall() == 1.0);
  CHECK(both.exact.f1() == 1.0);
  CHECK(both.macroExact().f1 == 1.0);
  CHECK(both.macroExact().labels == 0);
  GradeReport nothingFound = gradeLayer(keyLayer(), empty);
  CHECK(nothingFound.exact == Counts{0, 0, 4});
  CHECK(nothingFound.exact.precision() == 0.0);
  CHECK(nothingFound.exact.recall() == 0.0);
  CHECK(nothingFound.exact.f1() == 0.0);
  GradeReport allExtra = gradeLayer(empty, studentLayer("Zoë"));
  CHECK(allExtra.exact == Counts{0, 4, 0});
  CHECK(allExtra.exact.precision() == 0.0);
  CHECK(allExtra.exact.recall() == 0.0);
}

TEST_CASE("grading: duplicates, greedy overlap matching and fragments", "[grading]") {
  AnnotationLayer key, stu;
  SECTION("a span marked twice counts once") {
    key.spans = {span("K1", "P", 0, 5)};
    stu.spans = {span("S1", "P", 0, 5), span("S2", "P", 0, 5)};
    CHECK(gradeLayer(key, stu).exact == Counts{1, 1, 0});
    CHECK(gradeLayer(key, stu).overlap == Counts{1, 1, 0});
  }
  SECTION("overlap is one-to-one and prefers the largest overlap") {
    key.spans = {span("K1", "P", 0, 10)};
    stu.spans = {span("S1", "P", 0, 4), span("S2", "P", 0, 10)};
    SpanMatching m = matchSpans(key.spans, stu.spans, Boundaries::Overlap, true);
    CHECK(m.keyToStudent[0] == 1);
    CHECK(m.studentToKey[0] == -1);
    CHECK(gradeLayer(key, stu).overlap == Counts{1, 1, 0});
  }
  SECTION("a span straddling two key spans pairs with one of them") {
    key.spans = {span("K1", "P", 0, 10), span("K2", "P", 10, 20)};
    stu.spans = {span("S1", "P", 5, 15)};
    CHECK(gradeLayer(key, stu).overlap == Counts{1, 0, 1});
  }
  SECTION("labelled overlap needs the same label; unlabelled does not") {
    key.spans = {span("K1", "P", 0, 10)};
    stu.spans = {span("S1", "Q", 2, 8)};
    GradeReport r = gradeLayer(key, stu);
    CHECK(r.overlap == Counts{0, 1, 1});
    CHECK(r.overlapUnlabelled == Counts{1, 0, 0});
  }
  SECTION("discontinuous spans match exactly only with the same fragments") {
    Span k = span("K1", "P", 0, 9);
    k.fragments = {Fragment{0, 3}, Fragment{6, 9}};
    key.spans = {k};
    stu.spans = {span("S1", "P", 0, 9)};
    GradeReport r = gradeLayer(key, stu);
    CHECK(r.exact == Counts{0, 1, 1});
    CHECK(r.overlap == Counts{1, 0, 0});
    CHECK(overlapLength(key.spans[0], stu.spans[0]) == 6);
    Span s = k;
    s.id = "S2";
    stu.spans = {s};
    CHECK(gradeLayer(key, stu).exact == Counts{1, 0, 0});
  }
  SECTION("fragments that leave a gap do not overlap a span inside the gap") {
    Span k = span("K1", "P", 0, 9);
    k.fragments = {Fragment{0, 3}, Fragment{6, 9}};
    key.spans = {k};
    stu.spans = {span("S1", "P", 3, 6)};
    CHECK(gradeLayer(key, stu).overlap == Counts{0, 1, 1});
  }
}

TEST_CASE("grading: relations need matched endpoints, type and direction", "[grading]") {
  AnnotationLayer key, stu;
  key.spans = {span("K1", "Person", 0, 5), span("K2", "Org", 10, 20), span("K3", "Loc", 30, 35)};
  key.relations = {rel("R1", "employs", "K2", "K1"), rel("R2", "near", "K2", "K3")};
  stu.spans = {span("S1", "Person", 0, 5), span("S2", "Org", 10, 20), span("S3", "Loc", 30, 35)};
  stu.relations = {rel("R1", "employs", "S1", "S2"),   // reversed: wrong
                   rel("R2", "near", "S3", "S2"),      // reversed, but "near" is symmetric
                   rel("R3", "employs", "S2", "S1")};  // right
  Schema schema;
  RelationType employs, near;
  employs.name = "employs";
  near.name = "near";
  near.symmetric = true;
  schema.relationTypes = {employs, near};
  // With the schema: tp 2 (R2, R3), fp 1 (R1), fn 0: P = 2/3, R = 1, F1 = 0.8.
  GradeReport r = gradeLayer(key, stu, &schema);
  CHECK(r.relations == Counts{2, 1, 0});
  CHECK(r.relations.f1() == Approx(0.8));
  CHECK(r.perRelationType["near"] == Counts{1, 0, 0});
  // Without a schema every type is directed: tp 1 (R3), fp 2, fn 1 (near): F1 = 2*(1/3*1/2)/(5/6).
  GradeReport d = gradeLayer(key, stu);
  CHECK(d.relations == Counts{1, 2, 1});
  CHECK(d.relations.f1() == Approx(0.4));
  // An endpoint with the right boundaries but the wrong label does not match.
  stu.spans[0].label = "Org";
  CHECK(gradeLayer(key, stu, &schema).relations == Counts{1, 2, 1});
}

TEST_CASE("grading: workspaces are matched by sha256 and aggregated micro", "[grading]") {
  Workspace key, stu;
  DocumentData k1, k2, s1, s3;
  k1.name = "one";
  k1.sha256 = "aaa";
  k1.annotations.spans = {span("K1", "P", 0, 5), span("K2", "P", 10, 15)};
  k2.name = "two";
  k2.sha256 = "bbb";
  // The key of document two is its gold layer, not the working layer.
  AnnotationLayer gold;
  gold.annotator = "gold";
  gold.spans = {span("K1", "Q", 0, 5)};
  k2.others = {gold};
  k2.annotations.spans = {span("X", "Z", 0, 1)};
  key.documents = {k1, k2};
  s1.name = "one (student)";
  s1.sha256 = "aaa";
  s1.annotations.annotator = "Ana";
  s1.annotations.spans = {span("S1", "P", 0, 5), span("S2", "P", 20, 25), span("S3", "P", 30, 35)};
  s3.name = "elsewhere";
  s3.sha256 = "ccc";
  stu.documents = {s3, s1};
  std::vector<std::string> warnings;
  GradeReport r = gradeWorkspace(key, stu, &warnings);
  CHECK(r.student == "Ana");
  CHECK(r.documents == 2);
  // Document one: tp 1, fp 2, fn 1. Document two (missing): fn 1. Total: tp 1, fp 2, fn 2.
  CHECK(r.exact == Counts{1, 2, 2});
  CHECK(r.exact.precision() == Approx(1.0 / 3.0));
  CHECK(r.exact.recall() == Approx(1.0 / 3.0));
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("two") != std::string::npos);
  CHECK(warnings[1].find("elsewhere") != std::string::npos);
  // The macro average is over the aggregated per-label counts: P 0.4 F1, Q 0 -> 0.2.
  CHECK(r.macroExact().f1 == Approx(0.2));
}

#include "grades_csv.h"

TEST_CASE("grades CSV: quoting, formulas, non-ASCII, one row per student", "[grading][csv]") {
  CHECK(csvField("plain") == "plain");
  CHECK(csvField("Zoë Ünal") == "Zoë Ünal");
  CHECK(csvField("Doe, Jane") == "\"Doe, Jane\"");
  CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csvField("two\nlines") == "\"two\nlines\"");
  CHECK(csvField(" padded") == "\" padded\"");
  CHECK(csvField("=HYPERLINK(1)") == "'=HYPERLINK(1)");
  CHECK(csvField("-1") == "'-1");
  CHECK(csvField("=a,b") == "\"'=a,b\"");
  CHECK(csvNumber(0.25) == "0.2500");
  CHECK(csvNumber(1.0 / 3.0) == "0.3333");

  GradeReport a = gradeLayer(keyLayer(), studentLayer("Zoë"));
  a.student = "Doe, \"J\"";
  GradeReport b = gradeLayer(keyLayer(), keyLayer());
  b.student = "Łukasz";
  std::string csv = gradesCsv({a, b});
  // Header + 2 rows, CRLF line ends.
  std::vector<std::string> lines = splitCsvLines(csv);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rfind("student,documents,exact_precision,exact_recall,exact_f1,", 0) == 0);
  CHECK(lines[0].find("Person exact_f1") != std::string::npos);
  CHECK(lines[1].rfind("\"Doe, \"\"J\"\"\",1,0.2500,0.2500,0.2500,0.5000,", 0) == 0);
  CHECK(lines[2].rfind("Łukasz,1,1.0000,1.0000,1.0000,", 0) == 0);
  // Same number of fields in every line (no field of these rows holds a comma except the name).
  CHECK(splitCsvFields(lines[1]).size() == splitCsvFields(lines[0]).size());
  CHECK(splitCsvFields(lines[2]).size() == splitCsvFields(lines[0]).size());
  // A BOM only on request.
  CHECK(gradesCsv({b}, true).rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(gradesCsv({}).find("\r\n") == gradesCsv({}).size() - 2);
}

TEST_CASE("grades CSV: scores over nothing are empty cells, not 1.0000", "[grading][csv]") {
  // Neither side drew relations; label "Zzz" is used only in another student's report.
  GradeReport a = gradeLayer(keyLayer(), keyLayer());
  a.student = "A";
  AnnotationLayer onlyOrg;
  onlyOrg.spans = {keyLayer().spans[0]};
  onlyOrg.spans[0].label = "Zzz";
  GradeReport b = gradeLayer(onlyOrg, onlyOrg);
  b.student = "B";
  std::vector<std::string> lines = splitCsvLines(gradesCsv({a, b}));
  REQUIRE(lines.size() == 3);
  std::vector<std::string> head = splitCsvFields(lines[0]), rowA = splitCsvFields(lines[1]),
                           rowB = splitCsvFields(lines[2]);
  REQUIRE(rowA.size() == head.size());
  REQUIRE(rowB.size() == head.size());
  auto cell = [&](const std::vector<std::string>& row, const std::string& column) {
    for (std::size_t i = 0; i < head.size(); ++i)
      if (head[i] == column) return row[i];
    FAIL("no column " << column);
    return std::string();
  };
  CHECK(cell(rowA, "relation_precision").empty());
  CHECK(cell(rowA, "relation_recall").empty());
  CHECK(cell(rowA, "relation_f1").empty());
  CHECK(cell(rowA, "exact_f1") == "1.0000");  // spans were drawn and all match
  // A label this student's file never mentions: empty, and a used label keeps its score.
  CHECK(cell(rowA, "Zzz exact_precision").empty());
  CHECK(cell(rowA, "Zzz exact_f1").empty());
  CHECK(cell(rowA, "Zzz overlap_f1").empty());
  CHECK(cell(rowA, "Person exact_f1") == "1.0000");
  CHECK(cell(rowB, "Person exact_f1").empty());
  CHECK(cell(rowB, "Zzz exact_f1") == "1.0000");
}
