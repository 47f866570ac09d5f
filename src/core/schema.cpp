// Schema lookups and validation (every problem listed, not just the first).
#include "schema.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace scholion {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool isHexColor(const std::string& c) {
  if (c.size() != 7 || c[0] != '#') return false;
  return std::all_of(c.begin() + 1, c.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
  });
}

bool validHotkey(const std::string& k) {
  if (k.size() != 1) return false;
  char c = k[0];
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

// Reports every name seen more than once.
template <class T, class F>
void duplicates(const std::vector<T>& items, F name, const std::string& what,
                std::vector<std::string>& problems) {
  std::set<std::string> seen, reported;
  for (const T& item : items) {
    const std::string& n = name(item);
    if (n.empty()) {
      problems.push_back(what + " with an empty name");
    } else if (!seen.insert(n).second && reported.insert(n).second) {
      problems.push_back("duplicate " + what + " name " + quoted(n));
    }
  }
}

}  // namespace

const SpanLabel* Schema::findLabel(const std::string& n) const {
  for (const auto& l : spanLabels)
    if (l.name == n) return &l;
  return nullptr;
}

const RelationType* Schema::findRelation(const std::string& n) const {
  for (const auto& r : relationTypes)
    if (r.name == n) return &r;
  return nullptr;
}

const AttributeDef* Schema::findAttribute(const std::string& n) const {
  for (const auto& a : attributes)
    if (a.name == n) return &a;
  return nullptr;
}

std::vector<const RelationType*> Schema::relationsAllowed(const std::string& fromLabel,
                                                          const std::string& toLabel) const {
  auto fitsOne = [](const std::vector<std::string>& from, const std::vector<std::string>& to,
                    const std::string& f, const std::string& t) {
    return (from.empty() || contains(from, f)) && (to.empty() || contains(to, t));
  };
  auto fits = [&](const RelationType& r, const std::string& f, const std::string& t) {
    if (fitsOne(r.fromLabels, r.toLabels, f, t)) return true;
    for (const auto& sig : r.moreSignatures)
      if (fitsOne(sig.fromLabels, sig.toLabels, f, t)) return true;
    return false;
  };
  std::vector<const RelationType*> out;
  for (const auto& r : relationTypes)
    if (fits(r, fromLabel, toLabel) || (r.symmetric && fits(r, toLabel, fromLabel)))
      out.push_back(&r);
  return out;
}

std::vector<std::string> schemaProblems(const Schema& s) {
  std::vector<std::string> problems;
  duplicates(
      s.spanLabels, [](const SpanLabel& l) -> const std::string& { return l.name; }, "span label",
      problems);
  duplicates(
      s.relationTypes, [](const RelationType& r) -> const std::string& { return r.name; },
      "relation type", problems);
  duplicates(
      s.attributes, [](const AttributeDef& a) -> const std::string& { return a.name; }, "attribute",
      problems);
  duplicates(
      s.documentLabels, [](const DocumentLabel& d) -> const std::string& { return d.name; },
      "document label", problems);

  // Label names as a hash set: relation signatures may name hundreds of thousands of labels.
  std::unordered_set<std::string> labelNames;
  for (const auto& l : s.spanLabels) labelNames.insert(l.name);
  std::map<std::string, std::string> hotkeys;  // key -> first label using it
  for (const auto& l : s.spanLabels) {
    if (!isHexColor(l.color))
      problems.push_back("span label " + quoted(l.name) + ": colour " + quoted(l.color) +
                         " is not #rrggbb");
    if (l.hotkey.empty()) continue;
    if (!validHotkey(l.hotkey)) {
      problems.push_back("span label " + quoted(l.name) + ": hotkey " + quoted(l.hotkey) +
                         " is not a single letter or digit");
      continue;
    }
    std::string key = l.hotkey;
    if (key[0] >= 'A' && key[0] <= 'Z') key[0] = static_cast<char>(key[0] + 32);
    auto [it, fresh] = hotkeys.emplace(key, l.name);
    if (!fresh)
      problems.push_back("hotkey " + quoted(l.hotkey) + " is used by both " + quoted(it->second) +
                         " and " + quoted(l.name));
  }
  for (const auto& r : s.relationTypes) {
    if (!r.color.empty() && !isHexColor(r.color))
      problems.push_back("relation type " + quoted(r.name) + ": colour " + quoted(r.color) +
                         " is not #rrggbb");
    std::vector<const std::vector<std::string>*> sides{&r.fromLabels, &r.toLabels};
    for (const auto& sig : r.moreSignatures) {
      sides.push_back(&sig.fromLabels);
      sides.push_back(&sig.toLabels);
    }
    for (const auto* side : sides)
      for (const auto& l : *side)
        if (!labelNames.count(l))
          problems.push_back("relation type " + quoted(r.name) + " names unknown span label " +
                             quoted(l));
  }
  for (const auto& a : s.attributes) {
    for (const auto& l : a.labels)
      if (!labelNames.count(l))
        problems.push_back("attribute " + quoted(a.name) + " names unknown span label " +
                           quoted(l));
    std::set<std::string> values;
    for (const auto& v : a.values) {
      if (v.empty())
        problems.push_back("attribute " + quoted(a.name) + " has an empty value");
      else if (!values.insert(v).second)
        problems.push_back("attribute " + quoted(a.name) + " lists value " + quoted(v) + " twice");
    }
  }
  return problems;
}

}  // namespace scholion
