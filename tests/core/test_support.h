// Fixture builders shared by the core tests: schema, spans, relations, key/student layers, files.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "document.h"
#include "embedded.h"
#include "model.h"
#include "schema.h"
#include "text.h"

namespace scholion::test {

// A document of `text` named after its id, with its hash.
inline DocumentData plainDocument(const std::string& id, const std::string& text) {
  DocumentData d;
  d.id = id;
  d.name = id + ".txt";
  d.text = text;
  d.sha256 = sha256Hex(text);
  return d;
}

// The open document of `text` (the test fails if it cannot be made).
inline std::shared_ptr<const Document> documentOf(const std::string& text) {
  auto d = Document::create(text);
  REQUIRE(d.ok());
  return *d;
}

// The default schema embedded in the app.
inline Schema newsSchema() {
  auto s = parseSchemaJson(embeddedDefaultSchema());
  REQUIRE(s.ok());
  return *s;
}

// A continuous span; `text` is the covered text (left empty by tests that do not need it).
inline Span span(const std::string& id, const std::string& label, uint32_t start, uint32_t end,
                 const std::string& text = "") {
  return continuousSpan(id, label, start, end, text);
}

inline Relation rel(const std::string& id, const std::string& label, const std::string& from,
                    const std::string& to) {
  Relation r;
  r.id = id;
  r.label = label;
  r.from = from;
  r.to = to;
  return r;
}

// Key: K1 Person[0,5) K2 Org[10,20) K3 Loc[30,35) K4 Person[40,45), annotator "gold".
inline AnnotationLayer keyLayer() {
  AnnotationLayer k;
  k.annotator = "gold";
  k.spans = {span("K1", "Person", 0, 5), span("K2", "Org", 10, 20), span("K3", "Loc", 30, 35),
             span("K4", "Person", 40, 45)};
  return k;
}

// Student: S1 Person[0,5) (exact), S2 Org[10,18) (boundaries differ), S3 Person[30,35) (right
// boundaries, wrong label), S4 Date[50,55) (overlaps nothing: extra).
inline AnnotationLayer studentLayer(const std::string& annotator = "") {
  AnnotationLayer s;
  s.annotator = annotator;
  s.spans = {span("S1", "Person", 0, 5), span("S2", "Org", 10, 18), span("S3", "Person", 30, 35),
             span("S4", "Date", 50, 55)};
  return s;
}

// Lines joined with newlines (warnings as one text for INFO and find).
inline std::string joinedLines(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& x : lines) all += x + "\n";
  return all;
}

// The bytes of tests/data/formats/<path> ("" when missing).
inline std::string readFormatFixture(const std::string& path) {
  std::ifstream in(std::string(SCHOLION_SOURCE_DIR) + "/tests/data/formats/" + path,
                   std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A document's spans as "LABEL start-end text", in layer order.
inline std::vector<std::string> spanList(const DocumentData& d) {
  std::vector<std::string> out;
  for (const auto& s : d.annotations.spans) {
    out.push_back(s.label + " " + std::to_string(s.start) + "-" + std::to_string(s.end) + " " +
                  s.text);
  }
  return out;
}

// spanList, sorted (for formats that do not keep the span order).
inline std::vector<std::string> sortedSpanList(const DocumentData& d) {
  std::vector<std::string> out = spanList(d);
  std::sort(out.begin(), out.end());
  return out;
}

inline const Span* findSpan(const AnnotationLayer& l, const std::string& id) {
  for (const auto& s : l.spans) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

}  // namespace scholion::test
