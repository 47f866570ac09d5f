// Core benchmark (a program, not a test): 1 MiB text, 25,000 spans, 2,500 relations; prints
// medians.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "editor.h"
#include "embedded.h"
#include "scholion_json.h"

using namespace scholion;
using Clock = std::chrono::steady_clock;

namespace {

// Median wall time in microseconds of `runs` calls.
double medianMicros(int runs, const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto a = Clock::now();
    f();
    t.push_back(std::chrono::duration<double, std::micro>(Clock::now() - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

void row(const char* what, double value, const char* unit, const char* note) {
  std::printf("| %-34s | %12.2f %-5s | %-30s |\n", what, value, unit, note);
}

}  // namespace

int main() {
  // The sample story repeated to 1 MiB (it has no-break spaces, so offsets are real code points).
  std::string sample = embeddedSampleText();
  std::string text;
  while (text.size() < (1u << 20)) text += sample;
  auto doc = Document::create(text);
  if (!doc) {
    std::fprintf(stderr, "%s\n", doc.error().c_str());
    return 1;
  }
  const Document& d = **doc;
  auto schema = parseSchemaJson(embeddedDefaultSchema());
  if (!schema) return 1;

  // 25,000 spans on tokens (some two-token spans overlap others), 2,500 relations.
  std::mt19937 rng(42);
  DocumentData data;
  data.id = "bench";
  data.name = "bench.txt";
  data.text = text;
  data.sha256 = d.sha256();
  const auto& tokens = d.tokens();
  const char* labels[] = {"Person", "Organization", "Location", "GPE", "Date", "Event"};
  for (int i = 0; i < 25000; ++i) {
    std::size_t t = rng() % (tokens.size() - 2);
    Span s;
    s.id = "T" + std::to_string(i + 1);
    s.label = labels[rng() % 6];
    s.start = tokens[t].start;
    s.end = tokens[t + (rng() % 4 == 0 ? 1 : 0)].end;
    s.text = d.slice(s.start, s.end);
    if (i % 10 == 0) s.attributes["certainty"] = "low";
    data.annotations.spans.push_back(std::move(s));
  }
  for (int i = 0; i < 2500; ++i) {
    Relation r;
    r.id = "R" + std::to_string(i + 1);
    r.label = "meets-with";
    r.from = data.annotations.spans[rng() % 25000].id;
    r.to = data.annotations.spans[rng() % 25000].id;
    data.annotations.relations.push_back(std::move(r));
  }
  Workspace ws;
  ws.schema = *schema;
  ws.annotator = "bench";
  ws.documents.push_back(data);

  const int kRuns = 7;
  std::string saved;
  double saveUs = medianMicros(kRuns, [&] { saved = writeScholionJson(ws); });
  double mb = saved.size() / 1e6;
  bool loadOk = true;
  double loadUs = medianMicros(kRuns, [&] { loadOk = parseScholionJson(saved).ok() && loadOk; });
  std::size_t tokenCount = 0;
  double tokUs = medianMicros(kRuns, [&] { tokenCount = tokenize(text).size(); });
  double docUs = medianMicros(kRuns, [&] { (void)Document::create(text); });

  DocumentState state(*doc, data);
  std::vector<const Span*> visible;
  visible.reserve(4096);
  uint32_t mid = static_cast<uint32_t>(d.length() / 2);
  std::size_t found = 0;
  double queryUs = medianMicros(2001, [&] {
    visible.clear();
    state.spansOverlapping(mid, mid + 3000, visible);  // about one screen of text
    found = visible.size();
  });
  // One huge span covering everything must not slow the query.
  Span huge;
  huge.id = "HUGE";
  huge.label = "Misc";
  huge.start = 0;
  huge.end = static_cast<uint32_t>(d.length());
  huge.text = text;
  Command addHuge;
  addHuge.description = "huge";
  addHuge.changes.push_back(Change{Change::Kind::AddSpan, huge, {}, {}, {}, {}, {}});
  bool hugeOk = state.apply(addHuge, *schema).ok();
  double queryHugeUs = medianMicros(2001, [&] {
    visible.clear();
    state.spansOverlapping(mid, mid + 3000, visible);
  });
  state.undo();

  uint32_t at = tokens[tokens.size() / 3].start, atEnd = tokens[tokens.size() / 3].end;
  bool addOk = true;
  double addUndoUs = medianMicros(501, [&] {
    auto cmd = cmdAddSpan(state, *schema, "Misc", at, atEnd, "bench");
    addOk = cmd.ok() && state.apply(*cmd, *schema).ok() && state.undo() && addOk;
  });
  double deleteUndoUs = medianMicros(101, [&] {
    auto cmd = cmdDeleteSpan(state, "T5");  // near the front: shifts the positions behind it
    addOk = cmd.ok() && state.apply(*cmd, *schema).ok() && state.undo() && addOk;
  });

  std::printf(
      "Scholion core benchmark: %.2f MiB text, %zu tokens, 25000 spans, 2500 relations, "
      "JSON %.2f MB; medians of %d runs (queries: 2001, edits: 501/101)\n",
      text.size() / 1048576.0, tokenCount, mb, kRuns);
  std::printf("| %-34s | %18s | %-30s |\n", "measure", "value", "note");
  std::printf("|%s|%s|%s|\n", std::string(36, '-').c_str(), std::string(20, '-').c_str(),
              std::string(32, '-').c_str());
  row("save Scholion JSON", mb / (saveUs / 1e6), "MB/s",
      (std::to_string(int(saveUs / 1000)) + " ms").c_str());
  row("load Scholion JSON (+validate)", mb / (loadUs / 1e6), "MB/s",
      (std::to_string(int(loadUs / 1000)) + " ms" + (loadOk ? "" : " FAILED")).c_str());
  row("tokenize", text.size() / 1e6 / (tokUs / 1e6), "MB/s",
      (std::to_string(int(tokUs / 1000)) + " ms").c_str());
  row("Document::create (all indices)", text.size() / 1e6 / (docUs / 1e6), "MB/s",
      (std::to_string(int(docUs / 1000)) + " ms").c_str());
  row("visible-range query (3000 cp)", queryUs, "us",
      (std::to_string(found) + " spans found").c_str());
  row("same query with one huge span", queryHugeUs, "us", hugeOk ? "" : "add FAILED");
  row("add span + undo", addUndoUs, "us", addOk ? "" : "FAILED");
  row("delete span (+relations) + undo", deleteUndoUs, "us", addOk ? "" : "FAILED");
  return loadOk && addOk && hugeOk ? 0 : 1;
}
