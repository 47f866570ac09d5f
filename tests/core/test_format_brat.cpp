// Tests of the brat standoff format (.txt + .ann) and its .conf files.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "brat_conf.h"
#include "format_brat.h"
#include "formats.h"
#include "schema.h"
#include "scholion_json.h"
#include "test_support.h"
#include "workspace_check.h"

using namespace scholion;
using namespace scholion::test;

namespace {

std::vector<NamedFile> storyFiles(bool withConf) {
  std::vector<NamedFile> files;
  for (const char* f : {"story.txt", "story.ann", "empty.txt", "empty.ann"}) {
    files.push_back({f, readFormatFixture(std::string("brat/") + f)});
  }
  if (withConf) {
    for (const char* f : {"annotation.conf", "visual.conf", "kb_shortcuts.conf"}) {
      files.push_back({f, readFormatFixture(std::string("brat/") + f)});
    }
  }
  return files;
}

// .ann lines as a sorted list, with attribute and note ids (which may be renumbered) dropped and
// M written as A, so two files with the same annotations compare equal.
std::vector<std::string> canonicalAnn(const std::string& ann) {
  std::vector<std::string> out;
  std::istringstream in(ann);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == 'A' || line[0] == 'M' || line[0] == '#') {
      line = std::string(1, line[0] == 'M' ? 'A' : line[0]) + line.substr(line.find('\t'));
    }
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<DocumentData> parseOne(const std::string& text, const std::string& ann) {
  return parseBratAnn("d", "d.txt", text, "d.ann", ann);
}

}  // namespace

TEST_CASE("brat import reads every line type of the story fixture", "[formats][brat]") {
  auto ws = importFiles(storyFiles(true), Format::Brat);
  REQUIRE(ws.ok());
  REQUIRE(workspaceProblems(ws.value()).empty());
  REQUIRE(ws->documents.size() == 2);
  const DocumentData& empty = ws->documents[0];
  CHECK(empty.name == "empty.txt");
  CHECK(empty.text.empty());
  CHECK(empty.annotations.spans.empty());
  const DocumentData& d = ws->documents[1];
  CHECK(d.sha256 == sha256Hex(d.text));
  const AnnotationLayer& l = d.annotations;
  REQUIRE(l.spans.size() == 11);
  // Discontinuous span keeps its fragments; covered text joined by one space.
  const Span* t7 = findSpan(l, "T7");
  REQUIRE(t7);
  REQUIRE(t7->fragments.size() == 2);
  CHECK(t7->fragments[0] == Fragment{108, 115});
  CHECK(t7->fragments[1] == Fragment{129, 132});
  CHECK(t7->start == 108);
  CHECK(t7->end == 132);
  CHECK(t7->text == "Protein DNA");
  // A span brat split at the line break.
  const Span* t8 = findSpan(l, "T8");
  REQUIRE(t8);
  CHECK(t8->fragments.size() == 2);
  CHECK(t8->text == "Beijing. Both");
  // Code point offsets: the emoji is one code point, the last span ends the text.
  const Span* t10 = findSpan(l, "T10");
  REQUIRE(t10);
  CHECK(t10->start == 105);
  CHECK(t10->end == 106);
  CHECK(t10->text == "\xF0\x9F\x98\x80");
  const Span* t9 = findSpan(l, "T9");
  REQUIRE(t9);
  CHECK(t9->text == "Z\xC3\xBCrich");
  CHECK(t9->end == 151);
  // Attributes (multi-valued and binary, A and M) and notes.
  const Span* t1 = findSpan(l, "T1");
  REQUIRE(t1);
  CHECK(t1->attributes.at("Certainty") == "High");
  CHECK(t1->note == "President of China");
  CHECK(findSpan(l, "T2")->attributes.at("Speculation") == "true");
  // Relations between text-bound annotations keep their ids; R3 (from an event) is kept aside.
  REQUIRE(l.relations.size() == 2);
  CHECK(l.relations[0].id == "R1");
  CHECK(l.relations[0].from == "T1");
  CHECK(l.relations[0].to == "T2");
  CHECK(l.relations[0].note == "met in person");
  CHECK(l.relations[1].label == "Located");
  const std::string& extras = l.extras.at("brat");
  for (const char* kept :
       {"E1\tMeeting:T4 Participant:T1 Participant2:T2 Place:T3\n", "R3\tCause Arg1:E1 Arg2:T6\n",
        "A1\tNegated E1\n", "N1\tReference T1 Wikipedia:12345\tJiang Zemin\n",
        "#2\tAnnotatorNotes E1\ta note on an event\n", "*\tEquiv T3 T8\n"}) {
    CHECK(extras.find(kept) != std::string::npos);
  }
  CHECK(extras.find("T1\t") == std::string::npos);
}

TEST_CASE("brat schema from annotation.conf, visual.conf and kb_shortcuts.conf",
          "[formats][brat]") {
  auto ws = importFiles(storyFiles(true), Format::Brat);
  REQUIRE(ws.ok());
  const Schema& s = ws->schema;
  CHECK(schemaProblems(s).empty());
  // Hierarchy flattened, non-selectable "!Entity" and "!Abstract" dropped.
  for (const char* name : {"Person", "Leader", "Location", "Document", "Date", "Emoji", "Protein",
                           "Idea", "Meeting"}) {
    CHECK(s.findLabel(name) != nullptr);
  }
  CHECK(s.findLabel("Entity") == nullptr);
  CHECK(s.findLabel("Abstract") == nullptr);
  CHECK(isBratEventLabel(*s.findLabel("Meeting")));
  CHECK(s.findLabel("Meeting")->description.find("Participant+:Person") != std::string::npos);
  CHECK_FALSE(isBratEventLabel(*s.findLabel("Person")));
  // Macros, symmetric relations, <EVENT>, parent types expanded to their descendants.
  const RelationType* meets = s.findRelation("Meets");
  REQUIRE(meets);
  CHECK(meets->symmetric);
  CHECK(meets->fromLabels == std::vector<std::string>{"Person", "Leader"});
  CHECK(meets->color == "#aa0000");
  const RelationType* cause = s.findRelation("Cause");
  REQUIRE(cause);
  CHECK(cause->fromLabels == std::vector<std::string>{"Meeting"});
  CHECK(std::find(cause->toLabels.begin(), cause->toLabels.end(), "Leader") !=
        cause->toLabels.end());
  CHECK(std::find(cause->toLabels.begin(), cause->toLabels.end(), "Entity") ==
        cause->toLabels.end());
  CHECK(s.findRelation("<OVERLAP>") == nullptr);
  // Attributes.
  REQUIRE(s.findAttribute("Certainty"));
  CHECK(s.findAttribute("Certainty")->values == std::vector<std::string>{"Low", "Medium", "High"});
  CHECK(s.findAttribute("Negated")->labels == std::vector<std::string>{"Meeting"});
  CHECK(s.findAttribute("Speculation")->labels.empty());
  // Colours: own bgColor, a colour name, SPAN_DEFAULT; labels; hotkeys.
  CHECK(s.findLabel("Person")->color == "#ffccaa");
  CHECK(s.findLabel("Date")->color == "#ffff00");
  CHECK(s.findLabel("Protein")->color == "#90ee90");
  CHECK(s.findLabel("Location")->description == "Place name");
  CHECK(s.findLabel("Person")->hotkey == "P");
  CHECK(s.findLabel("Location")->hotkey == "L");
}

TEST_CASE("brat .conf files written from a schema read back to the same schema",
          "[formats][brat]") {
  auto ws = importFiles(storyFiles(true), Format::Brat);
  REQUIRE(ws.ok());
  const Schema& s = ws->schema;
  auto again = parseBratConf(writeAnnotationConf(s), "annotation.conf", writeVisualConf(s),
                             writeKbShortcutsConf(s));
  REQUIRE(again.ok());
  CHECK(again.value() == s);
}

TEST_CASE("brat -> Scholion JSON -> brat keeps the same annotations", "[formats][brat]") {
  auto ws = importFiles(storyFiles(true), Format::Brat);
  REQUIRE(ws.ok());
  std::string json = writeScholionJson(ws.value());
  auto back = parseScholionJson(json);
  REQUIRE(back.ok());
  REQUIRE(back->documents.size() == 2);
  CHECK(back->documents[1].annotations == ws->documents[1].annotations);
  std::string original = readFormatFixture("brat/story.ann");
  std::string written = writeBratAnn(back->documents[1]);
  CHECK(canonicalAnn(written) == canonicalAnn(original));
  // And the written file imports again to the same model.
  auto again = parseBratAnn("story", "story.txt", back->documents[1].text, "story.ann", written);
  REQUIRE(again.ok());
  CHECK(again->annotations == ws->documents[1].annotations);
  CHECK(writeBratAnn(ws->documents[0]).empty());
}

TEST_CASE("brat export renumbers foreign ids and rewrites references", "[formats][brat]") {
  auto doc = parseOne("Alpha beta\ngamma delta", "");
  REQUIRE(doc.ok());
  DocumentData d = doc.value();
  Span a;
  a.id = "region-a";
  a.label = "Named Entity";
  a.start = 0;
  a.end = 5;
  a.text = "Alpha";
  Span b = a;
  b.id = "T1";  // a brat id: kept
  b.label = "Thing";
  b.start = 6;
  b.end = 16;  // crosses the line break
  b.text = "beta\ngamma";
  Relation r;
  r.id = "rel";
  r.label = "Links";
  r.from = "region-a";
  r.to = "T1";
  r.note = "two\nlines";
  d.annotations.spans = {a, b};
  d.annotations.relations = {r};
  std::vector<std::string> warnings;
  std::string ann = writeBratAnn(d, &warnings);
  CHECK(ann.find("T1\tThing 6 16\tbeta gamma\n") != std::string::npos);
  CHECK(ann.find("T2\tNamed%20Entity 0 5\tAlpha\n") != std::string::npos);  // reversible
  CHECK(ann.find("R1\tLinks Arg1:T2 Arg2:T1\n") != std::string::npos);
  CHECK(ann.find("AnnotatorNotes R1\ttwo lines\n") != std::string::npos);
  CHECK(warnings.size() >= 2);
  auto again = parseOne(d.text, ann);
  REQUIRE(again.ok());
  CHECK(again->annotations.spans.size() == 2);
  CHECK(findSpan(again->annotations, "T2")->label == "Named Entity");
  CHECK(again->annotations.spans[1].text == "beta\ngamma");
}

TEST_CASE("brat export numbers new attribute and note ids after those kept in extras",
          "[formats][brat]") {
  std::string text = "Kinase binds DNA";
  std::string ann =
      "T1\tProtein 0 6\tKinase\nT2\tBinding 7 12\tbinds\nE1\tBinding:T2 Theme:T1\n"
      "A1\tNegation E1\nA2\tCertain T1\n#1\tAnnotatorNotes E1\tevent note\n#2\tAnnotatorNotes "
      "T1\tnote\n";
  auto d = parseOne(text, ann);
  REQUIRE(d.ok());
  CHECK(d->annotations.spans[0].attributes.at("Certain") == "true");
  std::string out = writeBratAnn(d.value());
  CHECK(out.find("A1\tNegation E1\n") != std::string::npos);
  CHECK(out.find("A2\tCertain T1\n") != std::string::npos);  // A1 is taken by the kept line
  CHECK(out.find("#2\tAnnotatorNotes T1\tnote\n") != std::string::npos);
  CHECK(canonicalAnn(out) == canonicalAnn(ann));
}

TEST_CASE("brat attributes referenced by kept lines stay in extras", "[formats][brat]") {
  std::string ann = "T1\tP 0 1\ta\nA1\tNeg T1\n#1\tAnnotatorNotes A1\twhy\n";
  auto d = parseOne("ab", ann);
  REQUIRE(d.ok());
  CHECK(d->annotations.spans[0].attributes.empty());
  CHECK(d->annotations.extras.at("brat") == "A1\tNeg T1\n#1\tAnnotatorNotes A1\twhy\n");
  CHECK(canonicalAnn(writeBratAnn(d.value())) == canonicalAnn(ann));
}

TEST_CASE("brat import rejects malformed .ann lines with line and column", "[formats][brat]") {
  const std::string text = "Jiang Zemin met Putin";
  struct Case {
    const char* ann;
    const char* expect;
  };
  const Case cases[] = {
      {"T1 Person 0 5\tJiang\n", "d.ann:1:1: bad annotation id"},
      {"T1 Person 0 5 Jiang\n", "d.ann:1:1: expected a tab"},
      {"T1\tPerson -1 5\tJiang\n", "d.ann:1:"},
      {"T1\tPerson 0 99999999999\tx\n", "bad offsets"},
      {"T1\tPerson 0 500\tx\n", "beyond the text"},
      {"T1\tPerson 5 3\tx\n", "reversed"},
      {"T1\tPerson 0 5;3 8\tJiang Zemin\n", "overlapping fragments"},
      {"T1\tPerson 0 5\tJiang\nT1\tPerson 0 5\tJiang\n", "d.ann:2:1: duplicate id T1"},
      {"T1\tPer", "d.ann:1:"},
      {"T1\tPerson 0 5\tJiang\nR1\tRel Arg1:T1 Arg2:T9\n", "d.ann:2:1: R1 refers to unknown id T9"},
      {"T1\tPerson 0 5\tZemin\n", "does not match"},
      {"Q1\tPerson 0 5\tJiang\n", "unknown annotation type"},
      {"T1\tPerson 0 5\tJiang\nE1\tMeet:T1 Theme\n", "d.ann:2:"},
      {"T1\tPerson 0 5\tJiang\nR1\tRel Arg1:T1\n", "two arguments"},
      {"T1\tPerson 0 5\tJi\xC3", "invalid UTF-8"},
      {"TX\tPerson 0 5\tJiang\n", "bad annotation id"},
  };
  for (const auto& c : cases) {
    auto r = parseOne(text, c.ann);
    INFO(c.ann);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find(c.expect) != std::string::npos);
  }
  // Several problems are reported at once.
  auto r = parseOne(text, "T1\tPerson 0 5\tJiang\nbroken line\nT2\tX 1\tx\n");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("d.ann:2:") != std::string::npos);
  CHECK(r.error().find("d.ann:3:") != std::string::npos);
  // Bad UTF-8 in the text, an .ann without its .txt.
  CHECK_FALSE(parseBratAnn("d", "d.txt", "ab\xFF", "d.ann", "").ok());
  auto lone = importFiles({{"x.ann", "T1\tP 0 1\ta\n"}}, Format::Brat);
  REQUIRE_FALSE(lone.ok());
  CHECK(lone.error().find("x.txt is missing") != std::string::npos);
}

TEST_CASE("brat .conf: what brat refuses is an error with its line", "[formats][brat]") {
  struct Case {
    std::string conf, expect;
  };
  const Case cases[] = {
      {"[entities]\nA\n[relations]\nR\tArg1:<PERSON>, Arg2:A\n",
       "annotation.conf:4: undefined macro <PERSON>"},
      {"[relations]\n<X>=A\n[entities]\nA\n[attributes]\nN\tArg:<X>\n",
       "annotation.conf:6: undefined macro <X> (macros belong to the section"},
      {"[entities]\n<ANY>=A\n", "annotation.conf:2: <ANY> is a reserved name"},
      {"[entities]\nA\n\t\tB\n", "annotation.conf:3: no parent for this indented line"},
      {"[relations]\nR\tArg1 A\n", "annotation.conf:2: cannot read the argument"},
      {"[relations]\nR\tArg1:A|, Arg2:A\n", "annotation.conf:2: empty type in the argument"},
      {"[entities]\nA\t<INHERIT>\n", "annotation.conf:2: <INHERIT> without a parent line"},
  };
  for (const auto& c : cases) {
    INFO(c.conf);
    auto r = parseBratConf(c.conf, "annotation.conf");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find(c.expect) != std::string::npos);
  }
}

TEST_CASE("brat .conf: what brat only warns about opens with a warning", "[formats][brat]") {
  std::vector<std::string> w;
  auto r = parseBratConf(
      "[spans]\nProtein\n----\nGene\n-\n!Group\n\tCell\n"  // alias, separators, hierarchy
      "[colours]\nx y\n"                                   // unknown section: ignored
      "[relations]\n"
      "<P>=Protein|Gene\n"
      "Equiv\tArg1:Protein, Arg2:Protein\n"
      "Equiv\tArg1:Gene, Arg2:Gene\n"
      "Binds\tArg1:<P>, Arg2:Undefined|Gene\n"
      "Lonely\tArg1:Protein\n"
      "[attributes]\nNeg\tArg:<ANY>\nCertainty\tArg:Protein, Value:true|false\n"
      "Rel\tArg:<RELATION>\n",
      "annotation.conf", "", "", &w);
  REQUIRE(r.ok());
  const Schema& s = r.value();
  CHECK(schemaProblems(s).empty());
  std::vector<std::string> names;
  for (const auto& l : s.spanLabels) names.push_back(l.name);
  CHECK(names == std::vector<std::string>{"Protein", "Gene", "Cell"});  // no "----", no !Group
  // One relation type declared on two lines: two signatures, symmetric as brat's Equiv.
  const RelationType* eq = s.findRelation("Equiv");
  REQUIRE(eq);
  CHECK(eq->symmetric);
  CHECK(eq->fromLabels == std::vector<std::string>{"Protein"});
  REQUIRE(eq->moreSignatures.size() == 1);
  CHECK(eq->moreSignatures[0].fromLabels == std::vector<std::string>{"Gene"});
  auto allows = [&](const std::string& from, const std::string& to) {
    for (const RelationType* t : s.relationsAllowed(from, to))
      if (t == eq) return true;
    return false;
  };
  CHECK(allows("Gene", "Gene"));
  CHECK(allows("Protein", "Protein"));
  CHECK_FALSE(allows("Protein", "Gene"));
  // The macro expands inside its section; the undefined type is left out with a warning.
  const RelationType* binds = s.findRelation("Binds");
  REQUIRE(binds);
  CHECK(binds->fromLabels == std::vector<std::string>{"Protein", "Gene"});
  CHECK(binds->toLabels == std::vector<std::string>{"Gene"});
  CHECK(s.findRelation("Lonely") != nullptr);  // one argument: kept, any spans, a warning
  CHECK(s.findAttribute("Certainty")->values == std::vector<std::string>{"true", "false"});
  CHECK(s.findAttribute("Neg")->labels.empty());
  CHECK(s.findAttribute("Rel") == nullptr);  // on relations only
  const std::string all = joinedLines(w);
  INFO(all);
  CHECK(all.find("annotation.conf:8: unexpected section [colours]") != std::string::npos);
  CHECK(all.find("names type Undefined, which is not defined") != std::string::npos);
  CHECK(all.find("relation Lonely has 1 arguments") != std::string::npos);
  CHECK(all.find("attribute Rel applies to relations only") != std::string::npos);
  CHECK(all.find("missing section [events]") != std::string::npos);
  // A type defined twice, a name brat would store differently: warnings too.
  w.clear();
  auto twice = parseBratConf("[entities]\nA\nA\nB.c\n[relations]\n[events]\n[attributes]\n",
                             "annotation.conf", "", "", &w);
  REQUIRE(twice.ok());
  CHECK(twice->spanLabels.size() == 2);
  REQUIRE(w.size() == 2);
  CHECK(w[0].find(":3: type A is defined more than once") != std::string::npos);
  CHECK(w[1].find("brat stores type B.c as B_c") != std::string::npos);
}

TEST_CASE("brat corpus opens with a configuration brat only warns about", "[formats][brat]") {
  std::vector<std::string> w;
  auto ws = importFiles({{"a.txt", "PU.1 binds"},
                         {"a.ann",
                          "T1\tProtein 0 4\tPU.1\nT2\tThing 5 10\tbinds\n"
                          "A1\tCertainty T1 true\n"},
                         {"annotation.conf", "[entities]\nProtein\n[unknown]\n"},
                         {"tools.conf", "[options]\n"}},
                        Format::Brat, &w);
  REQUIRE(ws.ok());
  const std::string all = joinedLines(w);
  INFO(all);
  CHECK(all.find("unexpected section [unknown]") != std::string::npos);
  CHECK(all.find("type Thing is not defined in annotation.conf") != std::string::npos);
  CHECK(all.find("tools.conf: not read") != std::string::npos);
  // A configuration brat cannot read: the corpus still opens, labels from the documents.
  w.clear();
  auto broken = importFiles({{"a.txt", "PU.1 binds"},
                             {"a.ann", "T1\tProtein 0 4\tPU.1\nA1\tCertainty T1 true\n"},
                             {"annotation.conf", "[entities]\n\tOrphan\n"}},
                            Format::Brat, &w);
  REQUIRE(broken.ok());
  REQUIRE(w.size() == 2);
  CHECK(w[0].find("annotation.conf:2: no parent") != std::string::npos);
  CHECK(broken->schema.findLabel("Protein") != nullptr);
  // "A1 Certainty T1 true" keeps its value: the attribute is multi-valued.
  const AttributeDef* cert = broken->schema.findAttribute("Certainty");
  REQUIRE(cert);
  CHECK(cert->values == std::vector<std::string>{"true"});
  auto files = exportFiles(broken.value(), Format::Brat, ExportOptions(), "", nullptr);
  REQUIRE(files.ok());
  std::string ann;
  for (const auto& f : files.value())
    if (f.name == "a.ann") ann = f.bytes;
  CHECK(ann.find("Certainty T1 true\n") != std::string::npos);
  auto back = importFiles(files.value(), Format::Brat);
  REQUIRE(back.ok());
  CHECK(back->schema.findAttribute("Certainty")->values == std::vector<std::string>{"true"});
}

TEST_CASE("brat names with brat syntax are written reversibly", "[formats][brat]") {
  for (const std::string name : {"a,b", "x|y", "[z]", "#h", "k:v", "a=b", "<ANY>", "50%",
                                 "two words", "tab\tname", "!bang", "---", "Größe"}) {
    INFO(name);
    CHECK(decodeBratName(encodeBratName(name)) == name);
    std::string enc = encodeBratName(name);
    CHECK(enc.find_first_of(",|[]#:=<> \t") == std::string::npos);
  }
  CHECK(encodeBratName("Größe") == "Größe");        // nothing brat reads differently: unchanged
  CHECK(decodeBratName("100%sure") == "100%sure");  // only our escapes are decoded
  Schema s;
  for (const char* n : {"a,b", "x|y", "two words", "!bang", "---"}) {
    SpanLabel l;
    l.name = n;
    l.color = "#112233";
    s.spanLabels.push_back(l);
  }
  RelationType rt;  // no colour: must not come back black
  rt.name = "links to";
  rt.fromLabels = {"a,b"};
  rt.toLabels = {"x|y"};
  rt.moreSignatures = {{{"two words"}, {"---"}}};
  s.relationTypes.push_back(rt);
  AttributeDef a;
  a.name = "k:v";
  a.values = {"1 2", "true"};
  s.attributes.push_back(a);
  s.name = "annotation";
  auto back = parseBratConf(writeAnnotationConf(s), "annotation.conf", writeVisualConf(s),
                            writeKbShortcutsConf(s));
  REQUIRE(back.ok());
  CHECK(schemaToJson(back.value()) == schemaToJson(s));
  // An empty configuration round-trips as an empty one.
  Schema empty;
  empty.name = "annotation";
  std::vector<std::string> w;
  auto e =
      parseBratConf(writeAnnotationConf(empty), "annotation.conf", writeVisualConf(empty), "", &w);
  REQUIRE(e.ok());
  CHECK(e.value() == empty);
  CHECK(w.empty());
}

TEST_CASE("brat files written for a workspace import back", "[formats][brat]") {
  auto ws = importFiles(storyFiles(true), Format::Brat);
  REQUIRE(ws.ok());
  std::vector<std::string> warnings;
  auto files = exportFiles(ws.value(), Format::Brat, ExportOptions(), "out", &warnings);
  REQUIRE(files.ok());
  CHECK(files->size() == 7);
  auto back = importFiles(files.value(), Format::Brat);
  REQUIRE(back.ok());
  REQUIRE(back->documents.size() == 2);
  CHECK(back->documents[1].annotations == ws->documents[1].annotations);
  CHECK(back->schema == ws->schema);
}
