// Tests of suggestion matching: the token-level phrase automaton, gazetteer files, the sources.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "document.h"
#include "editor.h"
#include "gazetteer.h"
#include "phrase_matcher.h"
#include "suggest_sources.h"
#include "test_support.h"
#include "text.h"

using namespace scholion;

namespace {

// "start-end:label" of every match, in the matcher's order.
std::vector<std::string> found(const PhraseMatcher& m, const Document& d) {
  std::vector<std::string> out;
  for (const PhraseMatch& x : m.match(d))
    out.push_back(std::to_string(x.start) + "-" + std::to_string(x.end) + ":" +
                  m.entries()[x.entry].label);
  return out;
}

}  // namespace

TEST_CASE("phrase matcher finds overlapping and nested entries, word-bounded", "[suggest]") {
  PhraseMatcher m({{"New York", "GPE"},
                   {"New York City", "GPE"},
                   {"York City Council", "Org"},
                   {"York", "Person"},
                   {"City", "Misc"}});
  //                  0         1         2         3
  //                  0123456789012345678901234567890123456789
  auto d = test::documentOf("New York City Council met. New Yorkers, Yorkshire.");
  CHECK(found(m, *d) ==
        std::vector<std::string>{"0-8:GPE", "4-8:Person", "0-13:GPE", "9-13:Misc", "4-21:Org"});
  // A failure link must not lose an entry that starts later ("York City Council" after a dead
  // end in "New York City").
  CHECK(found(m, *test::documentOf("York City Council")) ==
        std::vector<std::string>{"0-4:Person", "5-9:Misc", "0-17:Org"});
}

TEST_CASE("phrase matcher: case rules, Unicode and any whitespace between tokens", "[suggest]") {
  PhraseMatcher m({{"Jiang Zemin", "Person"},
                   {"zürich", "GPE", true},
                   {"江泽民", "Person"},
                   {"Ελλάδα", "GPE", true},
                   {"São Paulo", "GPE"}});
  // Exact entries keep their case; ignore-case entries fold Latin-1 and Greek.
  CHECK(found(m, *test::documentOf("jiang zemin and JIANG ZEMIN")).empty());
  CHECK(found(m, *test::documentOf("ZÜRICH, Zürich and ΕΛΛΆΔΑ")) ==
        std::vector<std::string>{"0-6:GPE", "8-14:GPE", "19-25:GPE"});
  // A no-break space and a line break between the tokens; a clitic after the last token; emoji
  // on either side (code points, not bytes or UTF-16 units: 🙂 is one code point).
  CHECK(found(m, *test::documentOf("Jiang\u00a0Zemin's visit")) ==
        std::vector<std::string>{"0-11:Person"});
  CHECK(found(m, *test::documentOf("🙂Jiang\nZemin🙂")) ==
        std::vector<std::string>{"1-12:Person"});
  CHECK(found(m, *test::documentOf("Jiang Zeminski")).empty());
  // Chinese has no spaces: one token per ideograph, so the entry matches inside a run.
  CHECK(found(m, *test::documentOf("国家主席江泽民说")) == std::vector<std::string>{"4-7:Person"});
  CHECK(found(m, *test::documentOf("在São Paulo。")) == std::vector<std::string>{"1-10:GPE"});
  CHECK(found(m, *test::documentOf("Sao Paulo")).empty());
}

TEST_CASE("phrase matcher builds and matches 100,000 entries", "[suggest]") {
  std::vector<PhraseEntry> entries;
  for (int i = 0; i < 100000; ++i)
    entries.push_back({"Place" + std::to_string(i) + " Town", i % 2 ? "GPE" : "Location"});
  PhraseMatcher m(std::move(entries));
  CHECK(m.entryCount() == 100000);
  auto d = test::documentOf("From Place99999 Town to Place42 Town via Place7 Towns.");
  CHECK(found(m, *d) == std::vector<std::string>{"5-20:GPE", "24-36:Location"});
}

TEST_CASE("gazetteer: tab-separated and CSV lines, header, comments, case column", "[suggest]") {
  auto tsv = parseGazetteer(
      "text\tlabel\n# people\nJiang Zemin\tPerson\n\nmoscow\tGPE\tignore-case\r\n", "people.tsv");
  REQUIRE(tsv.ok());
  REQUIRE(tsv->size() == 2);
  CHECK(((*tsv)[1].text == "moscow" && (*tsv)[1].label == "GPE" && (*tsv)[1].ignoreCase));
  auto csv = parseGazetteer(
      "\xEF\xBB\xBFtext,label,case\n\"Beijing, China\",GPE,exact\n\"The \"\"Times\"\"\",Org\n",
      "places.CSV");
  REQUIRE(csv.ok());
  REQUIRE(csv->size() == 2);
  CHECK((*csv)[0].text == "Beijing, China");
  CHECK((*csv)[1].text == "The \"Times\"");
  CHECK_FALSE((*csv)[1].ignoreCase);
}

TEST_CASE("gazetteer: bad lines are refused with the file and line named", "[suggest]") {
  auto err = [](const std::string& text, const std::string& name) {
    auto r = parseGazetteer(text, name);
    REQUIRE_FALSE(r.ok());
    return r.error();
  };
  CHECK(err("Jiang Zemin\tPerson\nVladimir Putin Person\n", "people.tsv") ==
        "people.tsv:2: no tab between the text and the label (expected text<TAB>label)");
  CHECK(err("a\tPerson\n\t Person\n", "g.tsv") == "g.tsv:2: the text is empty");
  CHECK(err("a\tPerson\nb\t\n", "g.tsv") == "g.tsv:2: the label is empty");
  CHECK(err("a\tPerson\tsometimes\n", "g.tsv") ==
        "g.tsv:1: unknown case rule \"sometimes\" (use exact or ignore-case)");
  CHECK(err("a\tb\tc\td\n", "g.tsv") == "g.tsv:1: 4 columns; expected 2 or 3 (text, label, case)");
  CHECK(err("x,GPE\n\"multi\nline\",GPE\nbad\"quote,GPE\n", "g.csv") ==
        "g.csv:4: a quote inside an unquoted field (quote the whole field and double the quote)");
  CHECK(err("\"never closed,GPE\n", "g.csv") == "g.csv:1: a quoted field is never closed");
  CHECK(err("ok\tGPE\n\xFF\tGPE\n", "g.tsv") == "g.tsv: not UTF-8 text (invalid byte at offset 7)");
  CHECK(err("# only a comment\n\n", "g.tsv") ==
        "g.tsv: no entries (expected lines text<TAB>label)");
}

TEST_CASE("string matching suggests other occurrences with the majority label", "[suggest]") {
  //                         0         1         2         3         4         5
  //                         0123456789012345678901234567890123456789012345678901234567
  auto d1 = test::documentOf("Jiang Zemin met Putin. Later Jiang Zemin left. Putin stayed.");
  auto d2 = test::documentOf("Putin and Jiang Zemin. Mr. Putin.");
  std::vector<Span> s1 = {test::span("T1", "Person", 0, 11, "Jiang Zemin"),
                          test::span("T2", "Person", 16, 21, "Putin")};
  std::vector<Span> s2 = {test::span("T1", "Org", 0, 5, "Putin"),
                          test::span("T2", "Person", 27, 32, "Putin")};
  std::vector<LabelledDocument> docs = {{"a", d1.get(), &s1}, {"b", d2.get(), &s2}};
  SuggestionSources src;
  src.useTagger = false;
  src.rebuildStringMatch(docs);
  RejectedSet rejected;
  auto a = src.suggest(docs[0], nullptr, rejected);
  REQUIRE(a.size() == 2);  // the labelled places are left out
  CHECK((a[0].start == 29 && a[0].end == 40 && a[0].label == "Person" && a[0].confidence == 1.0));
  // "Putin" is Person twice and Org once: Person, with a share of 2/3.
  CHECK((a[1].start == 47 && a[1].label == "Person"));
  CHECK(a[1].confidence == Approx(2.0 / 3.0));
  CHECK(a[1].source == SuggestionSource::StringMatch);
  // A rejection is consulted: that place is not suggested again, the other one still is.
  rejected.add(a[0]);
  auto again = src.suggest(docs[0], nullptr, rejected);
  REQUIRE(again.size() == 1);
  CHECK(again[0].start == 47);
  // The second document: its labelled places (whatever their label) are left out.
  auto b = src.suggest(docs[1], nullptr, rejected);
  REQUIRE(b.size() == 1);
  CHECK((b[0].document == "b" && b[0].start == 10 && b[0].end == 21));
  // Switched off, the source says nothing.
  src.useStringMatch = false;
  CHECK(src.suggest(docs[0], nullptr, rejected).empty());
}

TEST_CASE("suggestions of several sources merge; imported predictions are a source", "[suggest]") {
  auto d = test::documentOf("Beijing and Moscow signed.");
  std::vector<Span> none;
  LabelledDocument ld{"d", d.get(), &none};
  SuggestionSources src;
  src.useTagger = false;
  src.gazetteer = PhraseMatcher({{"Beijing", "GPE"}, {"Moscow", "GPE"}});
  std::vector<AnnotationLayer> others(1);
  others[0].annotator = "model";
  others[0].spans = {test::span("P1", "GPE", 0, 7, "Beijing"),
                     test::span("P2", "Org", 12, 18, "Moscow")};
  src.importedAnnotator = "model";
  auto s = src.suggest(ld, &others, RejectedSet());
  REQUIRE(s.size() == 3);
  CHECK((s[0].start == 0 && s[0].source == SuggestionSource::Gazetteer));  // one Beijing/GPE
  CHECK((s[1].start == 12 && s[1].label == "GPE" && s[2].label == "Org"));
  CHECK(s[2].source == SuggestionSource::Imported);
  CHECK(suggestionSourceFromName("imported") == SuggestionSource::Imported);
  CHECK_FALSE(suggestionSourceFromName("oracle").has_value());
}

TEST_CASE("accepted suggestions of several labels are one undoable step", "[suggest]") {
  Editor ed;
  Workspace ws;
  ws.schema = test::newsSchema();
  DocumentData d;
  d.id = "d";
  d.text = "Jiang Zemin met Putin in Beijing.";
  d.sha256 = sha256Hex(d.text);
  ws.documents.push_back(d);
  REQUIRE(ed.load(ws).ok());
  const DocumentState& s = ed.doc(0);
  auto cmd = cmdAddLabelledRanges(
      s, ed.schema(), {{0, 11, "Person"}, {16, 21, "Person"}, {25, 32, "GPE"}, {25, 32, "GPE"}},
      "ana", "Accept 3 suggestions");
  REQUIRE(cmd.ok());
  CHECK(cmd->changes.size() == 3);  // the repeated range once
  const uint64_t before = ed.clock();
  REQUIRE(ed.apply(0, *cmd).ok());
  CHECK(ed.doc(0).data().annotations.spans.size() == 3);
  CHECK(ed.undoSequence() == before + 1);
  REQUIRE(ed.undo().ok());
  CHECK(ed.doc(0).data().annotations.spans.empty());
  CHECK(ed.redoSequence() == before + 1);
  auto unknown = cmdAddLabelledRanges(s, ed.schema(), {{0, 5, "Wizard"}}, "ana", "x");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error() == "unknown span label \"Wizard\"");
}
