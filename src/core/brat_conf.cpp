// brat configuration files <-> Schema (see brat_conf.h for the mapping).
#include "brat_conf.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <vector>

#include "format_util.h"

namespace scholion {
namespace {

const char kEventPrefix[] = "brat event";

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (;;) {
    auto p = s.find(sep, b);
    out.push_back(s.substr(b, p == std::string::npos ? std::string::npos : p - b));
    if (p == std::string::npos) break;
    b = p + 1;
  }
  return out;
}

struct ConfLine {
  std::size_t lineNo = 0;
  std::size_t indent = 0;
  std::string text;  // trimmed, macros expanded
};

// Splits a conf file into sections of non-comment lines, expanding <MACRO>=... definitions.
std::map<std::string, std::vector<ConfLine>> readSections(const std::string& bytes,
                                                          const std::string& file,
                                                          ErrorList& errors,
                                                          const std::set<std::string>& known) {
  std::map<std::string, std::vector<ConfLine>> sections;
  std::map<std::string, std::string> macros;
  std::string section;
  std::size_t lineNo = 0;
  for (const std::string& rawLine : split(bytes, '\n')) {
    ++lineNo;
    std::string line = rawLine;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (t.front() == '[' && t.back() == ']') {
      section = trim(t.substr(1, t.size() - 2));
      if (!known.empty() && !known.count(section)) {
        errors.add(lineNo, 1, "unknown section [" + section + "]");
      }
      sections[section];
      continue;
    }
    auto eq = t.find('=');
    if (t[0] == '<' && eq != std::string::npos && eq > 1 && t[eq - 1] == '>') {
      macros[t.substr(0, eq)] = trim(t.substr(eq + 1));
      continue;
    }
    if (section.empty()) {
      if (!known.empty()) errors.add(lineNo, 1, "line outside any [section]");
      continue;
    }
    for (const auto& [name, value] : macros) {
      std::size_t p = 0;
      while ((p = t.find(name, p)) != std::string::npos) {
        t.replace(p, name.size(), value);
        p += value.size();
      }
    }
    ConfLine cl;
    cl.lineNo = lineNo;
    while (cl.indent < line.size() && (line[cl.indent] == '\t' || line[cl.indent] == ' ')) {
      ++cl.indent;
    }
    cl.text = t;
    sections[section].push_back(cl);
  }
  return sections;
}

// A type line of [entities]/[events]/[relations]: name, whether selectable, the rest.
struct TypeDef {
  std::string name;
  bool selectable = true;
  std::string args;  // the text after the name, trimmed
  std::size_t lineNo = 0;
  std::string parent;
};

std::vector<TypeDef> readTypes(const std::vector<ConfLine>& lines) {
  std::vector<TypeDef> out;
  std::vector<std::pair<std::size_t, std::string>> stack;  // indent, name
  for (const auto& l : lines) {
    TypeDef d;
    d.lineNo = l.lineNo;
    auto ws = l.text.find_first_of(" \t");
    d.name = l.text.substr(0, ws);
    d.args = ws == std::string::npos ? "" : trim(l.text.substr(ws));
    if (!d.name.empty() && d.name[0] == '!') {
      d.selectable = false;
      d.name = d.name.substr(1);
    }
    while (!stack.empty() && stack.back().first >= l.indent) stack.pop_back();
    if (!stack.empty()) d.parent = stack.back().second;
    stack.emplace_back(l.indent, d.name);
    out.push_back(d);
  }
  return out;
}

std::string lowerHex(const std::string& c) {
  std::string s = c;
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// "#rgb", "#rrggbb" or a common colour name -> "#rrggbb"; "" when not understood.
std::string normaliseColor(const std::string& raw) {
  std::string c = lowerHex(trim(raw));
  auto isHex = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(),
                       [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
  };
  if (c.size() == 7 && c[0] == '#' && isHex(c.substr(1))) return c;
  if (c.size() == 4 && c[0] == '#' && isHex(c.substr(1))) {
    return std::string("#") + c[1] + c[1] + c[2] + c[2] + c[3] + c[3];
  }
  static const std::map<std::string, std::string> kNames = {
      {"black", "#000000"},       {"white", "#ffffff"},     {"red", "#ff0000"},
      {"green", "#008000"},       {"blue", "#0000ff"},      {"yellow", "#ffff00"},
      {"orange", "#ffa500"},      {"purple", "#800080"},    {"pink", "#ffc0cb"},
      {"gray", "#808080"},        {"grey", "#808080"},      {"brown", "#a52a2a"},
      {"cyan", "#00ffff"},        {"magenta", "#ff00ff"},   {"lightgreen", "#90ee90"},
      {"lightblue", "#add8e6"},   {"lightgray", "#d3d3d3"}, {"lightgrey", "#d3d3d3"},
      {"darkgreen", "#006400"},   {"darkblue", "#00008b"},  {"darkred", "#8b0000"},
      {"violet", "#ee82ee"},      {"gold", "#ffd700"},      {"salmon", "#fa8072"},
      {"khaki", "#f0e68c"},       {"turquoise", "#40e0d0"}, {"tan", "#d2b48c"},
      {"lightyellow", "#ffffe0"}, {"lightpink", "#ffb6c1"}, {"navy", "#000080"}};
  auto it = kNames.find(c);
  return it == kNames.end() ? "" : it->second;
}

// "key:value, key:value" -> map.
std::map<std::string, std::string> readKeyValues(const std::string& s) {
  std::map<std::string, std::string> out;
  for (const std::string& part : split(s, ',')) {
    auto colon = part.find(':');
    if (colon == std::string::npos) continue;
    out[trim(part.substr(0, colon))] = trim(part.substr(colon + 1));
  }
  return out;
}

}  // namespace

bool isBratEventLabel(const SpanLabel& label) {
  const std::string& d = label.description;
  return d == kEventPrefix || d.rfind(std::string(kEventPrefix) + ": ", 0) == 0;
}

Result<Schema> parseBratConf(const std::string& annotationConf, const std::string& fileName,
                             const std::string& visualConf, const std::string& kbShortcutsConf) {
  ErrorList errors(fileName);
  if (auto bad = firstInvalidUtf8(annotationConf)) {
    return fail(fileName + ": invalid UTF-8 at byte offset " + std::to_string(*bad));
  }
  auto sections = readSections(annotationConf, fileName, errors,
                               {"entities", "relations", "events", "attributes"});
  std::vector<TypeDef> entities = readTypes(sections["entities"]);
  std::vector<TypeDef> events = readTypes(sections["events"]);
  std::vector<TypeDef> relations = readTypes(sections["relations"]);

  // Children of each type, to expand a parent type into its descendants.
  std::map<std::string, std::vector<const TypeDef*>> children;
  std::map<std::string, const TypeDef*> byName;
  std::vector<std::string> eventNames;
  for (const auto* list : {&entities, &events}) {
    for (const auto& d : *list) {
      if (d.name.empty()) continue;
      if (byName.count(d.name)) {
        errors.add(d.lineNo, 1, "type " + d.name + " defined twice");
        continue;
      }
      byName[d.name] = &d;
      if (!d.parent.empty()) children[d.parent].push_back(&d);
    }
  }
  for (const auto& d : events) {
    if (d.selectable) eventNames.push_back(d.name);
  }
  // Type list "A|B|<ENTITY>" -> label names; empty = any.
  std::function<void(const std::string&, std::vector<std::string>&)> addWithDescendants =
      [&](const std::string& name, std::vector<std::string>& out) {
        auto it = byName.find(name);
        if (it == byName.end() || it->second->selectable) {
          if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
        }
        for (const TypeDef* c : children[name]) addWithDescendants(c->name, out);
      };
  auto expandTypes = [&](const std::string& list) {
    std::vector<std::string> out;
    for (std::string t : split(list, '|')) {
      t = trim(t);
      if (t.empty()) continue;
      if (t == "<ENTITY>" || t == "<ANY>") return std::vector<std::string>{};
      if (t == "<EVENT>") {
        for (const auto& e : eventNames) {
          if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
        }
        continue;
      }
      addWithDescendants(t, out);
    }
    return out;
  };

  Schema schema;
  schema.name = fileStem(fileName);
  for (const auto& d : entities) {
    if (d.name.empty() || !d.selectable) continue;
    SpanLabel l;
    l.name = d.name;
    schema.spanLabels.push_back(l);
  }
  for (const auto& d : events) {
    if (d.name.empty() || !d.selectable) continue;
    SpanLabel l;
    l.name = d.name;
    l.description = d.args.empty() ? kEventPrefix : std::string(kEventPrefix) + ": " + d.args;
    schema.spanLabels.push_back(l);
  }
  for (const auto& d : relations) {
    if (d.name.empty() || d.name == "<OVERLAP>" || !d.selectable) continue;
    RelationType rt;
    rt.name = d.name;
    int argIndex = 0;
    for (const std::string& partRaw : split(d.args, ',')) {
      std::string part = trim(partRaw);
      if (part.empty()) continue;
      auto colon = part.find(':');
      if (colon == std::string::npos) {
        errors.add(d.lineNo, 1, "relation " + d.name + ": argument '" + part + "' has no ':'");
        continue;
      }
      std::string key = trim(part.substr(0, colon)), value = trim(part.substr(colon + 1));
      if (key == "<REL-TYPE>") {
        rt.symmetric = value.find("symmetric") != std::string::npos;
        continue;
      }
      if (key.size() > 2 && key[0] == '<') continue;  // other options
      if (argIndex == 0) rt.fromLabels = expandTypes(value);
      if (argIndex == 1) rt.toLabels = expandTypes(value);
      ++argIndex;
    }
    if (argIndex != 2) {
      errors.add(d.lineNo, 1,
                 "relation " + d.name + " needs two arguments, found " + std::to_string(argIndex));
    }
    if (schema.findRelation(rt.name)) {
      errors.add(d.lineNo, 1, "relation " + d.name + " defined twice");
      continue;
    }
    schema.relationTypes.push_back(rt);
  }
  for (const auto& l : sections["attributes"]) {
    auto ws = l.text.find_first_of(" \t");
    AttributeDef a;
    a.name = l.text.substr(0, ws);
    auto kv = readKeyValues(ws == std::string::npos ? "" : l.text.substr(ws));
    if (!kv.count("Arg")) {
      errors.add(l.lineNo, 1, "attribute " + a.name + " has no Arg:");
      continue;
    }
    a.labels = expandTypes(kv["Arg"]);
    if (kv.count("Value")) {
      for (std::string v : split(kv["Value"], '|')) {
        v = trim(v);
        if (!v.empty()) a.values.push_back(v);
      }
    }
    schema.attributes.push_back(a);
  }

  // visual.conf: colours and display names.
  if (!visualConf.empty() && !firstInvalidUtf8(visualConf)) {
    ErrorList ignored("visual.conf");
    auto vs = readSections(visualConf, "visual.conf", ignored, {});
    std::map<std::string, std::map<std::string, std::string>> drawing;
    for (const auto& l : vs["drawing"]) {
      auto ws = l.text.find_first_of(" \t");
      if (ws == std::string::npos) continue;
      drawing[l.text.substr(0, ws)] = readKeyValues(l.text.substr(ws));
    }
    for (auto& label : schema.spanLabels) {
      std::string c = normaliseColor(drawing[label.name]["bgColor"]);
      if (c.empty()) c = normaliseColor(drawing["SPAN_DEFAULT"]["bgColor"]);
      label.color = c;
    }
    for (auto& rt : schema.relationTypes) {
      std::string c = normaliseColor(drawing[rt.name]["color"]);
      if (c.empty()) c = normaliseColor(drawing["ARC_DEFAULT"]["color"]);
      rt.color = c;
    }
    for (const auto& l : vs["labels"]) {
      auto parts = split(l.text, '|');
      if (parts.size() < 2) continue;
      std::string name = trim(parts[0]), longName = trim(parts[1]);
      for (auto& label : schema.spanLabels) {
        if (label.name == name && label.description.empty() && longName != name) {
          label.description = longName;
        }
      }
    }
  }
  for (std::size_t i = 0; i < schema.spanLabels.size(); ++i) {
    if (schema.spanLabels[i].color.empty()) schema.spanLabels[i].color = defaultLabelColor(i);
  }
  // kb_shortcuts.conf: "P<tab>Protein".
  if (!kbShortcutsConf.empty() && !firstInvalidUtf8(kbShortcutsConf)) {
    std::set<std::string> used;
    for (const std::string& raw : split(kbShortcutsConf, '\n')) {
      std::string t = trim(raw);
      if (t.empty() || t[0] == '#') continue;
      auto ws = t.find_first_of(" \t");
      if (ws == std::string::npos) continue;
      std::string key = t.substr(0, ws), type = trim(t.substr(ws));
      if (key.size() != 1 || used.count(key)) continue;
      for (auto& label : schema.spanLabels) {
        if (label.name == type && label.hotkey.empty()) {
          label.hotkey = key;
          used.insert(key);
        }
      }
    }
  }
  if (!errors.empty()) return errors.error();
  return schema;
}

std::string writeAnnotationConf(const Schema& schema) {
  auto types = [](const std::vector<std::string>& labels) {
    if (labels.empty()) return std::string("<ENTITY>");
    std::string out;
    for (const auto& l : labels) out += (out.empty() ? "" : "|") + noSpaces(l);
    return out;
  };
  std::string out = "# Written by Scholion: brat annotation configuration.\n[entities]\n";
  for (const auto& l : schema.spanLabels) {
    if (!isBratEventLabel(l)) out += noSpaces(l.name) + "\n";
  }
  out += "\n[relations]\n";
  for (const auto& r : schema.relationTypes) {
    out += noSpaces(r.name) + "\tArg1:" + types(r.fromLabels) + ", Arg2:" + types(r.toLabels);
    if (r.symmetric) out += ", <REL-TYPE>:symmetric";
    out += "\n";
  }
  out += "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n";
  out += "\n[events]\n";
  for (const auto& l : schema.spanLabels) {
    if (!isBratEventLabel(l)) continue;
    out += noSpaces(l.name);
    if (l.description.size() > sizeof(kEventPrefix) + 1) {
      out += "\t" + l.description.substr(sizeof(kEventPrefix) + 1);
    }
    out += "\n";
  }
  out += "\n[attributes]\n";
  for (const auto& a : schema.attributes) {
    out += noSpaces(a.name) + "\tArg:" + types(a.labels);
    if (!a.values.empty()) {
      out += ", Value:";
      for (std::size_t i = 0; i < a.values.size(); ++i)
        out += (i ? "|" : "") + noSpaces(a.values[i]);
    }
    out += "\n";
  }
  return out;
}

std::string writeVisualConf(const Schema& schema) {
  std::string out = "# Written by Scholion: brat visual configuration.\n[labels]\n";
  for (const auto& l : schema.spanLabels) {
    // A short description travels as the long display name (read back as the description).
    bool shortText = !l.description.empty() && !isBratEventLabel(l) &&
                     l.description.find_first_of("|\n") == std::string::npos;
    out += noSpaces(l.name) + " | " + (shortText ? l.description : l.name) + "\n";
  }
  for (const auto& r : schema.relationTypes) out += noSpaces(r.name) + " | " + r.name + "\n";
  out += "\n[drawing]\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n";
  out += "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n";
  for (const auto& l : schema.spanLabels) {
    if (!l.color.empty()) out += noSpaces(l.name) + "\tbgColor:" + l.color + "\n";
  }
  for (const auto& r : schema.relationTypes) {
    if (!r.color.empty()) out += noSpaces(r.name) + "\tcolor:" + r.color + "\n";
  }
  return out;
}

std::string writeKbShortcutsConf(const Schema& schema) {
  std::string out = "# Written by Scholion: brat keyboard shortcuts.\n";
  for (const auto& l : schema.spanLabels) {
    if (!l.hotkey.empty()) out += l.hotkey + "\t" + noSpaces(l.name) + "\n";
  }
  return out;
}

}  // namespace scholion
