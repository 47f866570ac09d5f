// Tests for workspace edits: merge by content hash, students as layers, adjudication, open,
// rename, remove; each one undoable step on one clock with the documents' own commands.
#include <catch2/catch.hpp>

#include "editor.h"
#include "test_support.h"
#include "text.h"
#include "workspace_ops.h"

using namespace scholion;
using namespace scholion::test;

namespace {

const std::string kA = "Jiang Zemin met Vladimir Putin in Beijing.";
const std::string kB = "Kofi Annan spoke in New York.";

DocumentData doc(const std::string& id, const std::string& text) {
  return plainDocument(id, text);
}

// A workspace with documents a (kA) and b (kB), alice annotating, the news schema.
Editor twoDocuments() {
  Workspace ws;
  ws.schema = newsSchema();
  ws.annotator = "alice";
  ws.documents = {doc("a", kA), doc("b", kB)};
  Editor ed;
  REQUIRE(ed.load(ws).ok());
  return ed;
}

void addPerson(Editor& ed, std::size_t d, uint32_t a, uint32_t b) {
  auto cmd = cmdAddSpan(ed.doc(d), ed.schema(), "Person", a, b, ed.annotator());
  REQUIRE(cmd.ok());
  REQUIRE(ed.apply(d, *cmd).ok());
}

// A file with one document of text `text`, annotated by `annotator` (Person [0,5)).
Workspace fileWith(const std::string& text, const std::string& annotator,
                   const std::string& id = "x") {
  Workspace in;
  in.annotator = annotator;
  DocumentData d = doc(id, text);
  d.annotations.spans.push_back(span("T1", "Person", 0, 5, text.substr(0, 5)));
  in.documents.push_back(d);
  return in;
}

}  // namespace

TEST_CASE("merging as a layer joins documents with the same text and adds the others") {
  Editor ed = twoDocuments();
  Workspace in = fileWith(kA, "bob", "a");
  in.documents.push_back(doc("a", "A third text."));  // new text whose id is taken
  MergePlan plan = planMerge(ed, in, MergeMode::AsLayer, "bob.json");
  CHECK(plan.matched == 1);
  CHECK(plan.added == 1);
  REQUIRE(ed.apply(std::move(plan.edit)).ok());
  REQUIRE(ed.documentCount() == 3);
  CHECK(ed.doc(0).data().others.size() == 1);
  CHECK(ed.doc(0).data().others[0].annotator == "bob");
  CHECK(ed.doc(0).data().annotations.spans.empty());  // alice's layer untouched
  CHECK(ed.doc(2).data().id == "a-2");                // ids made unique
  CHECK(ed.active() == 2);                            // what was opened is shown

  // Merging bob's file again replaces his layer instead of adding a second one.
  MergePlan again = planMerge(ed, fileWith(kA, "bob"), MergeMode::AsLayer, "bob.json");
  REQUIRE(ed.apply(std::move(again.edit)).ok());
  CHECK(ed.doc(0).data().others.size() == 1);

  // One undo per merge, back to the start.
  REQUIRE(ed.undo().ok());
  REQUIRE(ed.undo().ok());
  CHECK(ed.documentCount() == 2);
  CHECK(ed.doc(0).data().others.empty());
  CHECK(ed.active() == 0);
  REQUIRE(ed.redo().ok());
  CHECK(ed.documentCount() == 3);
  CHECK(ed.doc(0).data().others.size() == 1);
}

TEST_CASE("a layer without an annotator is named after the file") {
  Editor ed = twoDocuments();
  MergePlan plan = planMerge(ed, fileWith(kB, ""), MergeMode::AsLayer, "from-carol.json");
  REQUIRE(ed.apply(std::move(plan.edit)).ok());
  REQUIRE(ed.doc(1).data().others.size() == 1);
  CHECK(ed.doc(1).data().others[0].annotator == "from-carol.json");
}

TEST_CASE("merging in place of my annotations keeps my name and is undone as one step") {
  Editor ed = twoDocuments();
  addPerson(ed, 0, 16, 31);  // "Vladimir Putin"
  Workspace in = fileWith(kA, "bob");
  in.documents[0].annotations.spans[0].label = "Minister";  // a label the schema lacks
  MergePlan plan = planMerge(ed, in, MergeMode::ReplaceMine, "bob.json");
  REQUIRE(ed.apply(std::move(plan.edit)).ok());
  const AnnotationLayer& mine = ed.doc(0).data().annotations;
  REQUIRE(mine.spans.size() == 1);
  CHECK(mine.spans[0].label == "Minister");
  CHECK(mine.spans[0].start == 0);
  CHECK(ed.schema().findLabel("Minister"));  // joined the schema so it can be edited
  CHECK(ed.undoDescription() == "Merge bob.json");
  REQUIRE(ed.undo().ok());
  REQUIRE(ed.doc(0).data().annotations.spans.size() == 1);
  CHECK(ed.doc(0).data().annotations.spans[0].start == 16);
  CHECK_FALSE(ed.schema().findLabel("Minister"));
  // The document's own command is still there to undo after the merge was undone.
  REQUIRE(ed.undo().ok());
  CHECK(ed.doc(0).data().annotations.spans.empty());
}

TEST_CASE("undo takes the newest step, whether a command or a workspace edit") {
  Editor ed = twoDocuments();
  addPerson(ed, 0, 0, 11);                                 // step 1: command in a
  REQUIRE(ed.apply(planRename(ed, 0, "first.txt")).ok());  // step 2: rename
  addPerson(ed, 0, 16, 31);                                // step 3: command in a
  CHECK(ed.undoDescription().rfind("Add", 0) == 0);
  REQUIRE(ed.undo().ok());  // 3
  CHECK(ed.doc(0).data().annotations.spans.size() == 1);
  CHECK(ed.doc(0).data().name == "first.txt");
  REQUIRE(ed.undo().ok());  // 2
  CHECK(ed.doc(0).data().name == "a.txt");
  CHECK(ed.doc(0).data().annotations.spans.size() == 1);
  REQUIRE(ed.undo().ok());  // 1
  CHECK(ed.doc(0).data().annotations.spans.empty());
  CHECK_FALSE(ed.canUndo());
  // Redo brings them back oldest first.
  REQUIRE(ed.redo().ok());
  CHECK(ed.doc(0).data().annotations.spans.size() == 1);
  CHECK(ed.doc(0).data().name == "a.txt");
  REQUIRE(ed.redo().ok());
  CHECK(ed.doc(0).data().name == "first.txt");
  REQUIRE(ed.redo().ok());
  CHECK(ed.doc(0).data().annotations.spans.size() == 2);
  CHECK_FALSE(ed.canRedo());
}

TEST_CASE("a workspace step is not undone over later edits of a document it changed") {
  Editor ed = twoDocuments();
  AnnotationLayer majority;
  majority.spans.push_back(span("T1", "Person", 0, 4, "Kofi"));
  AnnotationLayer forA;
  forA.spans.push_back(span("T1", "Person", 0, 5, "Jiang"));
  REQUIRE(ed.apply(planReplaceWorkingLayers(ed, {0, 1}, {forA, majority}, "Accept all")).ok());
  ed.setActive(1);
  addPerson(ed, 1, 20, 28);  // "New York" in b, after the step
  ed.setActive(0);
  Status st = ed.undo();  // a's newest is the step, but b changed since
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().find("b.txt") != std::string::npos);
  CHECK(ed.doc(0).data().annotations.spans.size() == 1);  // nothing changed
  ed.setActive(1);
  REQUIRE(ed.undo().ok());  // b's own edit first
  REQUIRE(ed.undo().ok());  // then the step, in both documents
  CHECK(ed.doc(0).data().annotations.spans.empty());
  CHECK(ed.doc(1).data().annotations.spans.empty());
}

TEST_CASE("a removed document comes back with its history") {
  Editor ed = twoDocuments();
  addPerson(ed, 1, 0, 10);
  ed.setActive(1);
  REQUIRE(ed.apply(planRemoveDocument(ed, 1)).ok());
  CHECK(ed.documentCount() == 1);
  CHECK(ed.active() == 0);
  REQUIRE(ed.undo().ok());
  REQUIRE(ed.documentCount() == 2);
  CHECK(ed.active() == 1);
  CHECK(ed.doc(1).data().annotations.spans.size() == 1);
  REQUIRE(ed.undo().ok());  // its own command, undone after it came back
  CHECK(ed.doc(1).data().annotations.spans.empty());
}

TEST_CASE("opening a workspace replaces everything and undo restores the old one") {
  Editor ed = twoDocuments();
  addPerson(ed, 0, 0, 11);
  Workspace other;
  other.documents = {doc("z", "Zed.")};
  other.exercise.enabled = true;
  other.exercise.title = "Task";
  REQUIRE(ed.apply(planOpenWorkspace(ed, other, "Open task.json")).ok());
  CHECK(ed.documentCount() == 1);
  CHECK(ed.doc(0).data().id == "z");
  CHECK(ed.exercise().title == "Task");
  CHECK(ed.annotator() == "alice");  // a file without an annotator keeps the user's name
  CHECK(ed.schema().spanLabels.empty());
  REQUIRE(ed.undo().ok());
  REQUIRE(ed.documentCount() == 2);
  CHECK(ed.doc(0).data().annotations.spans.size() == 1);
  CHECK_FALSE(ed.exercise().enabled);
  CHECK(ed.schema().findLabel("Person"));
}

TEST_CASE("an edit with a bad part changes nothing") {
  Editor ed = twoDocuments();
  const uint64_t rev = ed.revision();
  WorkspaceEdit edit;
  edit.description = "Bad";
  edit.ops.push_back(opRename(0, "renamed"));
  DocumentData bad = doc("c", "ok");
  bad.text = "not \xFF UTF-8";
  edit.ops.push_back(opInsertDocument(2, bad));
  Status st = ed.apply(edit);
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().find("Bad:") == 0);
  CHECK(ed.doc(0).data().name == "a.txt");
  CHECK(ed.documentCount() == 2);
  CHECK(ed.revision() >= rev);
  CHECK_FALSE(ed.canUndo());

  // Another annotator's layer must fit the text too.
  AnnotationLayer outside;
  outside.annotator = "bob";
  outside.spans.push_back(span("T1", "Person", 0, 500));
  WorkspaceEdit layers;
  layers.description = "Layers";
  layers.ops.push_back(opSetOtherLayers(0, {outside}));
  CHECK_FALSE(ed.apply(layers).ok());
  CHECK(ed.doc(0).data().others.empty());
}

TEST_CASE("students join as layers named after them, with the teacher's work kept as the key") {
  Editor ed = twoDocuments();
  addPerson(ed, 0, 0, 11);  // the teacher's own annotation in a
  std::vector<ParsedFile> files;
  files.push_back(ParsedFile{"task-Ann.scholion.json", fileWith(kA, "")});
  files.push_back(ParsedFile{"bob.json", fileWith(kA, "bob")});
  files.push_back(ParsedFile{"bob2.json", fileWith(kB, "bob")});  // a second "bob"
  files.push_back(ParsedFile{"other.json", fileWith("Other text.", "eve")});
  files.push_back(ParsedFile{"broken.json", Result<Workspace>(fail("line 1: bad"))});
  StudentLayersPlan plan = planStudentLayers(ed, std::move(files), "gold");
  CHECK(plan.keptKeys == 1);
  CHECK(plan.loaded == std::vector<std::string>{"task-Ann", "bob", "bob (2)"});
  REQUIRE(plan.warnings.size() == 3);
  CHECK(plan.warnings[0].find("other.json") == 0);
  CHECK(plan.warnings[2].find("broken.json: line 1: bad") == 0);
  REQUIRE(ed.apply(std::move(plan.edit)).ok());
  const auto& others = ed.doc(0).data().others;
  REQUIRE(others.size() == 3);
  CHECK(others[0].annotator == "gold");
  CHECK(others[0].spans.size() == 1);
  CHECK(ed.doc(1).data().others.size() == 1);
  REQUIRE(ed.undo().ok());
  CHECK(ed.doc(0).data().others.empty());
}

TEST_CASE("added documents get unique ids and the last one is shown") {
  Editor ed = twoDocuments();
  REQUIRE(ed.apply(planAddDocuments(ed, {doc("a", "One."), doc("a", "Two.")}, "Add 2")).ok());
  REQUIRE(ed.documentCount() == 4);
  CHECK(ed.doc(2).data().id == "a-2");
  CHECK(ed.doc(3).data().id == "a-3");
  CHECK(ed.active() == 3);
  UniqueNames ids = documentIds(ed);
  ids.reserve("a-4");
  CHECK(ids.take("a") == "a-5");
  CHECK(workspaceHasWork(ed) == false);
  addPerson(ed, 0, 0, 5);
  CHECK(workspaceHasWork(ed));
}

TEST_CASE("rename and instructions are steps; a no-op plan is empty") {
  Editor ed = twoDocuments();
  CHECK(planRename(ed, 0, "a.txt").empty());
  CHECK(planRename(ed, 0, "").empty());
  CHECK(planSetInstructions(ed, ed.schema().instructions).empty());
  REQUIRE(ed.apply(planSetInstructions(ed, "Mark every person.")).ok());
  CHECK(ed.schema().instructions == "Mark every person.");
  CHECK(ed.dirty());
  REQUIRE(ed.undo().ok());
  CHECK(ed.schema().instructions != "Mark every person.");
  CHECK(nameFromFile("dir/Task-Alice.scholion.json") == "Task-Alice");
  CHECK(nameFromFile("Bob.json") == "Bob");
}

TEST_CASE("the adjudicated layer becomes the key only on purpose, in one undoable step") {
  Editor ed = twoDocuments();
  addPerson(ed, 0, 0, 11);  // the teacher's key in a
  std::vector<ParsedFile> files;
  files.push_back(ParsedFile{"bob.json", fileWith(kA, "bob")});
  REQUIRE(ed.apply(std::move(planStudentLayers(ed, std::move(files), "gold").edit)).ok());
  const AnnotationLayer keyBefore = ed.doc(0).data().others[0];
  REQUIRE(keyBefore.annotator == "gold");
  // Adjudicating changes the working layer only: the key stays.
  addPerson(ed, 0, 16, 30);
  CHECK(ed.doc(0).data().others[0] == keyBefore);
  PromotePlan plan = planPromoteToKey(ed, "gold");
  CHECK(plan.promoted == 1);  // b has no adjudicated work: its (absent) key is not touched
  REQUIRE(ed.apply(std::move(plan.edit)).ok());
  const AnnotationLayer& key = ed.doc(0).data().others[0];
  CHECK(key.annotator == "gold");
  CHECK(key.spans.size() == 2);
  CHECK(ed.doc(0).data().others.size() == 2);  // bob's layer kept, no second key
  CHECK(ed.doc(1).data().others.empty());
  CHECK(planPromoteToKey(ed, "gold").edit.empty());  // nothing left to promote
  REQUIRE(ed.undo().ok());
  CHECK(ed.doc(0).data().others[0] == keyBefore);
}
