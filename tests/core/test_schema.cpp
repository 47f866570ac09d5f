// Tests for the schema: the default news schema, validation listing every problem, JSON round-trip.
#include <algorithm>
#include <catch2/catch.hpp>

#include "embedded.h"
#include "schema.h"

using namespace scholion;

namespace {

bool anyContains(const std::vector<std::string>& v, const std::string& needle) {
  for (const auto& s : v)
    if (s.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("the default news schema parses and is valid", "[schema]") {
  auto s = parseSchemaJson(embeddedDefaultSchema());
  REQUIRE(s.ok());
  CHECK(schemaProblems(*s).empty());
  for (const char* name : {"Person", "Organization", "Location", "GPE", "Date", "Event"})
    CHECK(s->findLabel(name) != nullptr);
  CHECK(s->findLabel("Person")->hotkey == "1");
  CHECK(s->findRelation("meets-with")->symmetric);
  CHECK_FALSE(s->findRelation("located-in")->symmetric);
  CHECK(s->findAttribute("negated")->values.empty());
  CHECK(s->findAttribute("certainty")->values.size() == 3);
  CHECK(s->findAttribute("mention")->labels == std::vector<std::string>{"Person", "Organization"});
  CHECK(s->documentLabels.size() >= 4);
  CHECK_FALSE(s->instructions.empty());
  for (const auto& l : s->spanLabels) CHECK(l.color.size() == 7);
}

TEST_CASE("relationsAllowed follows argument labels and symmetry", "[schema]") {
  auto s = parseSchemaJson(embeddedDefaultSchema());
  REQUIRE(s.ok());
  auto names = [](const std::vector<const RelationType*>& v) {
    std::vector<std::string> out;
    for (auto* r : v) out.push_back(r->name);
    return out;
  };
  auto pg = names(s->relationsAllowed("Person", "GPE"));
  CHECK(std::find(pg.begin(), pg.end(), "member-of") != pg.end());
  CHECK(std::find(pg.begin(), pg.end(), "located-in") == pg.end());
  auto gp = names(s->relationsAllowed("GPE", "Person"));
  CHECK(std::find(gp.begin(), gp.end(), "member-of") == gp.end());  // directed
  auto pp = names(s->relationsAllowed("Person", "Person"));
  CHECK(std::find(pp.begin(), pp.end(), "meets-with") != pp.end());
  CHECK(s->relationsAllowed("Date", "Quantity").empty());
}

TEST_CASE("schema validation lists every problem", "[schema]") {
  Schema s;
  s.spanLabels = {{"Person", "#112233", "1", ""},
                  {"Person", "#445566", "2", ""},                 // duplicate name
                  {"Place", "red", "1", ""},                      // bad colour + hotkey reused
                  {"Thing", "#12345", "xy", ""}};                 // bad colour + bad hotkey
  s.relationTypes = {{"knows", {"Person"}, {"Ghost"}, true, ""},  // unknown label
                     {"knows", {}, {}, false, "#zzzzzz"}};        // duplicate + bad colour
  s.attributes = {{"neg", {}, {"Nobody"}}, {"level", {"a", "a"}, {}}};
  s.documentLabels = {{"Politics", ""}, {"Politics", ""}};
  auto p = schemaProblems(s);
  CHECK(anyContains(p, "duplicate span label name \"Person\""));
  CHECK(anyContains(p, "\"red\" is not #rrggbb"));
  CHECK(anyContains(p, "\"#12345\" is not #rrggbb"));
  CHECK(anyContains(p, "hotkey \"1\" is used by both \"Person\" and \"Place\""));
  CHECK(anyContains(p, "hotkey \"xy\""));
  CHECK(anyContains(p, "unknown span label \"Ghost\""));
  CHECK(anyContains(p, "duplicate relation type name \"knows\""));
  CHECK(anyContains(p, "\"#zzzzzz\""));
  CHECK(anyContains(p, "attribute \"neg\" names unknown span label \"Nobody\""));
  CHECK(anyContains(p, "lists value \"a\" twice"));
  CHECK(anyContains(p, "duplicate document label name \"Politics\""));
  CHECK(p.size() == 11);
}

TEST_CASE("parseSchemaJson reports type errors and semantic problems together", "[schema]") {
  std::string text = R"({"spanLabels":[{"name":"A","color":"#000000","hotkey":"1"},
                         {"name":"B","color":"#ffffff","hotkey":"1"}, {"name":5,"color":"#000000"}],
                         "relationTypes":[{"name":"r","from":["A"],"to":["C"]}],
                         "multipleDocumentLabels":"yes"})";
  auto s = parseSchemaJson(text);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().find("/spanLabels/2/name: expected a string") != std::string::npos);
  CHECK(s.error().find("/multipleDocumentLabels") != std::string::npos);
  CHECK(s.error().find("hotkey \"1\"") != std::string::npos);
  CHECK(s.error().find("unknown span label \"C\"") != std::string::npos);
  auto syntax = parseSchemaJson("{\n  \"spanLabels\": [,]\n}");
  REQUIRE_FALSE(syntax.ok());
  CHECK(syntax.error().find("schema:2:") != std::string::npos);
  CHECK_FALSE(parseSchemaJson("[1,2]").ok());
}

TEST_CASE("schemaToJson and parseSchemaJson round-trip", "[schema]") {
  auto s = parseSchemaJson(embeddedDefaultSchema());
  REQUIRE(s.ok());
  Schema t = *s;
  t.multipleDocumentLabels = false;
  t.name = "Nachrichten \xE2\x80\x94 \xF0\x9F\x93\xB0";
  auto back = parseSchemaJson(schemaToJson(t));
  REQUIRE(back.ok());
  CHECK(*back == t);
}
