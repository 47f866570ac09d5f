// brat configuration files <-> Schema (see brat_conf.h for the mapping).
#include "brat_conf.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <unordered_set>
#include <vector>

#include "brat_conf_lines.h"
#include "format_util.h"

namespace scholion {
namespace {

const char kEventPrefix[] = "brat event";

std::string lowerHex(const std::string& c) {
  std::string s = c;
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// "#rgb", "#rrggbb" or a common colour name -> "#rrggbb"; "" when not understood.
std::string normaliseColor(const std::string& raw) {
  std::string c = lowerHex(bratTrim(raw));
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

}  // namespace

namespace {

// The characters brat's .conf and .ann syntax give a meaning to (and '%', the escape itself).
bool needsEscape(unsigned char c) {
  return c < 0x20 || c == 0x7F || c == ' ' || c == ',' || c == '|' || c == '[' || c == ']' ||
         c == '#' || c == ':' || c == '=' || c == '<' || c == '>' || c == '%';
}

}  // namespace

std::string encodeBratName(std::string_view name) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  const bool allDashes = !name.empty() && name.find_first_not_of('-') == std::string_view::npos;
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    // A leading '!' would mean "not selectable"; a name of dashes only would be a separator.
    if (needsEscape(c) || (i == 0 && (c == '!' || (allDashes && c == '-')))) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string decodeBratName(std::string_view name) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '%' && i + 2 < name.size() && hex(name[i + 1]) >= 0 && hex(name[i + 2]) >= 0) {
      unsigned char c = static_cast<unsigned char>(hex(name[i + 1]) * 16 + hex(name[i + 2]));
      // Only what encodeBratName escapes is decoded: other '%' text stays as it is.
      if (needsEscape(c) || c == '!' || c == '-') {
        out += static_cast<char>(c);
        i += 2;
        continue;
      }
    }
    out += name[i];
  }
  return out;
}

bool isBratEventLabel(const SpanLabel& label) {
  const std::string& d = label.description;
  return d == kEventPrefix || d.rfind(std::string(kEventPrefix) + ": ", 0) == 0;
}

namespace {

// The meaning brat gives to the type lines of annotation.conf, mapped onto Schema.
class ConfMapper {
 public:
  ConfMapper(const std::string& file, BratConfReport& report) : file_(file), report_(report) {}

  void defineTypes(const std::vector<BratTypeLine>& entities,
                   const std::vector<BratTypeLine>& events) {
    for (const auto* list : {&entities, &events}) {
      for (const auto& d : *list) {
        if (byName_.count(d.name)) {
          // get_node_by_storage_form: "appears multiple times" is a warning.
          warn(d.lineNo, "type " + d.name + " is defined more than once; the first is used");
          continue;
        }
        checkStorageForm(d);
        byName_[d.name] = &d;
        if (!d.parent.empty()) children_[d.parent].push_back(&d);
        if (list == &events && !d.unused) eventNames_.push_back(d.name);
      }
    }
  }

  // "A|B|<ENTITY>" -> label names; empty = any. Undefined names are left out with a warning;
  // `anyIfEmpty` is false when every name was left out (the caller decides). Each name once (a
  // hash set, not a search of the list), and the types visited in all are bounded (a parent
  // stands for all its descendants, so a few lines could otherwise name millions).
  std::vector<std::string> expand(const std::vector<std::string>& types, std::size_t lineNo,
                                  const std::string& what, bool& any) {
    Names out;
    any = false;
    for (const std::string& t : types) {
      if (t == "<ENTITY>" || t == "<ANY>") {
        any = true;
        return {};
      }
      if (t == "<EVENT>") {
        for (const auto& e : eventNames_) out.add(e);
        spend(eventNames_.size(), lineNo);
      } else if (t == "<RELATION>" || isBratReserved(t)) {
        continue;
      } else if (!byName_.count(t)) {
        warn(lineNo, what + " names type " + t +
                         ", which is not defined in [entities] or "
                         "[events]; it is left out");
      } else {
        addWithDescendants(t, out, lineNo);
      }
      if (overBudget_) return {};
    }
    return std::move(out.list);
  }

  // Set when the arguments name too many types once parents are expanded (the report has the
  // error).
  bool overBudget() const { return overBudget_; }

  void addEntitiesAndEvents(const std::vector<BratTypeLine>& entities,
                            const std::vector<BratTypeLine>& events, Schema& schema) {
    for (const auto& d : entities) {
      if (d.unused || byName_[d.name] != &d) continue;
      SpanLabel l;
      l.name = d.name;
      schema.spanLabels.push_back(l);
    }
    for (const auto& d : events) {
      if (d.unused || byName_[d.name] != &d) continue;
      SpanLabel l;
      l.name = d.name;
      l.description =
          d.argText.empty() ? kEventPrefix : std::string(kEventPrefix) + ": " + d.argText;
      schema.spanLabels.push_back(l);
      for (const auto& a : d.args) {
        if (a.reserved()) continue;
        bool any = false;
        expand(a.types, d.lineNo, "event " + d.name, any);  // warns about undefined types
      }
    }
  }

  // Each line adds a signature to its relation type (get_relations_by_storage_form returns every
  // line of a type); <OVERLAP> and !unused lines are not relation types one can choose.
  void addRelations(const std::vector<BratTypeLine>& relations, Schema& schema) {
    for (const auto& d : relations) {
      if (d.name == "<OVERLAP>" || d.unused) continue;
      checkStorageForm(d);
      std::vector<const BratArg*> args;
      bool symmetric = d.name == "Equiv";  // get_configs: Equiv without <REL-TYPE>
      for (const auto& a : d.args) {
        if (a.key == "<REL-TYPE>") {
          symmetric = false;
          for (const auto& part : bratSplit(a.types.empty() ? "" : a.types[0], '-'))
            symmetric = symmetric || part == "symmetric";
        } else if (!a.reserved()) {
          args.push_back(&a);
        }
      }
      RelationSignature sig;
      if (args.size() != 2) {
        // __directory_relations_by_arg_num: a warning; the type is kept, its arguments unchecked.
        warn(d.lineNo, "relation " + d.name + " has " + std::to_string(args.size()) +
                           " arguments (expected 2); any spans may be linked by it");
      } else {
        bool anyFrom = false, anyTo = false;
        sig.fromLabels = expand(args[0]->types, d.lineNo, "relation " + d.name, anyFrom);
        sig.toLabels = expand(args[1]->types, d.lineNo, "relation " + d.name, anyTo);
        if ((!anyFrom && sig.fromLabels.empty()) || (!anyTo && sig.toLabels.empty())) {
          warn(d.lineNo, "relation " + d.name +
                             ": no defined type left for an argument; this "
                             "line allows nothing");
          continue;
        }
      }
      if (overBudget_) return;
      auto known = relationIndex_.find(d.name);
      RelationType* rt =
          known == relationIndex_.end() ? nullptr : &schema.relationTypes[known->second];
      if (!rt) {
        relationIndex_[d.name] = schema.relationTypes.size();
        RelationType fresh;
        fresh.name = d.name;
        fresh.symmetric = symmetric;
        fresh.fromLabels = sig.fromLabels;
        fresh.toLabels = sig.toLabels;
        schema.relationTypes.push_back(fresh);
      } else if (!(rt->fromLabels == sig.fromLabels && rt->toLabels == sig.toLabels)) {
        rt->moreSignatures.push_back(sig);
        rt->symmetric = rt->symmetric || symmetric;
      }
    }
  }

  void addAttributes(const std::vector<BratTypeLine>& attributes, Schema& schema) {
    for (const auto& d : attributes) {
      AttributeDef a;
      a.name = d.name;
      const BratArg *arg = nullptr, *value = nullptr;
      for (const auto& x : d.args) {
        if (x.key == "Arg") arg = &x;
        if (x.key == "Value") value = &x;
      }
      if (!arg) {
        warn(d.lineNo, "attribute " + d.name + " has no Arg: and applies to nothing; left out");
        continue;
      }
      bool onSpans = false;
      for (const auto& t : arg->types) onSpans = onSpans || t != "<RELATION>";
      if (!onSpans) {
        warn(d.lineNo, "attribute " + d.name +
                           " applies to relations only, which Scholion does "
                           "not show; the .ann lines are kept as they are");
        continue;
      }
      bool any = false;
      a.labels = expand(arg->types, d.lineNo, "attribute " + d.name, any);
      if (!any && a.labels.empty()) {
        warn(d.lineNo, "attribute " + d.name + ": no defined type left; left out");
        continue;
      }
      if (value) a.values = value->types;
      if (schema.findAttribute(a.name)) {
        warn(d.lineNo, "attribute " + d.name + " is defined more than once; the first is used");
        continue;
      }
      schema.attributes.push_back(a);
    }
  }

 private:
  void warn(std::size_t lineNo, const std::string& what) {
    std::string w = file_ + ":" + std::to_string(lineNo) + ": " + what;
    if (said_.insert(w).second) report_.warnings.push_back(w);  // once, however often it applies
  }
  void checkStorageForm(const BratTypeLine& d) {
    std::string storage = bratStorageForm(d.name);
    if (storage != d.name)
      warn(d.lineNo, "brat stores type " + d.name + " as " + storage +
                         " (only A-Z a-z 0-9 _ - are kept); Scholion keeps the name as written");
  }
  // Names in their first order, each once.
  struct Names {
    std::vector<std::string> list;
    std::unordered_set<std::string> seen;
    void add(const std::string& n) {
      if (seen.insert(n).second) list.push_back(n);
    }
  };
  void spend(std::size_t n, std::size_t lineNo) {
    visited_ += n;
    if (visited_ <= kMaxExpandedTypes || overBudget_) return;
    overBudget_ = true;
    report_.errors.push_back(file_ + ":" + std::to_string(lineNo) +
                             ": the argument types expand to more than " +
                             std::to_string(kMaxExpandedTypes) +
                             " type names in all (a parent type stands for all its descendants)");
  }
  // A parent type allows itself (if selectable) and all its descendants.
  void addWithDescendants(const std::string& name, Names& out, std::size_t lineNo) {
    std::vector<const std::string*> todo{&name};
    while (!todo.empty() && !overBudget_) {
      const std::string& n = *todo.back();
      todo.pop_back();
      spend(1, lineNo);
      auto it = byName_.find(n);
      if (it != byName_.end() && !it->second->unused) out.add(n);
      auto kids = children_.find(n);
      if (kids == children_.end()) continue;
      for (auto c = kids->second.rbegin(); c != kids->second.rend(); ++c)
        todo.push_back(&(*c)->name);
    }
  }

  static constexpr std::size_t kMaxExpandedTypes = 250000;
  std::string file_;
  BratConfReport& report_;
  std::map<std::string, const BratTypeLine*> byName_;
  std::map<std::string, std::vector<const BratTypeLine*>> children_;
  std::vector<std::string> eventNames_;
  std::set<std::string> said_;
  std::map<std::string, std::size_t> relationIndex_;  // relation type name -> index in the schema
  std::size_t visited_ = 0;
  bool overBudget_ = false;
};

// Names written by encodeBratName come back as they were.
void decodeNames(std::map<std::string, std::vector<BratTypeLine>>& sections) {
  for (auto& [section, lines] : sections) {
    for (auto& l : lines) {
      l.name = decodeBratName(l.name);
      l.parent = decodeBratName(l.parent);
      for (auto& a : l.args)
        for (auto& t : a.types) t = decodeBratName(t);
    }
  }
}

// visual.conf: [drawing] colours, [labels] long names as descriptions.
void applyVisualConf(const std::string& visualConf, Schema& schema) {
  BratConfReport ignored;
  auto vs = readBratConf(visualConf, "visual.conf", {"labels", "drawing", "options"},
                         {"labels", "drawing", "options"}, ignored, {"labels"});
  decodeNames(vs);
  std::map<std::string, std::map<std::string, std::string>> drawing;
  for (const auto& l : vs["drawing"]) {
    for (const auto& a : l.args)
      if (!a.types.empty()) drawing[l.name][a.key] = a.types[0];
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
  // [labels] lines are "Name | Long name | Short"; the hierarchy reader keeps only the first term,
  // so the long name is read from the raw line.
  std::size_t lineNo = 0;
  bool inLabels = false;
  for (const std::string& raw : bratSplit(visualConf, '\n')) {
    ++lineNo;
    std::string t = bratTrim(raw);
    if (t.size() >= 2 && t.front() == '[' && t.back() == ']') {
      inLabels = t == "[labels]";
      continue;
    }
    if (!inLabels || t.empty() || t[0] == '#') continue;
    auto parts = bratSplit(t.substr(0, t.find('\t')), '|');
    if (parts.size() < 2) continue;
    std::string name = decodeBratName(bratTrim(parts[0])), longName = bratTrim(parts[1]);
    for (auto& label : schema.spanLabels) {
      if (label.name == name && label.description.empty() && decodeBratName(longName) != name)
        label.description = longName;
    }
  }
}

// kb_shortcuts.conf: "P<tab>Protein" (__parse_kb_shortcuts: a key given twice keeps the first).
void applyKbShortcuts(const std::string& kb, Schema& schema) {
  std::set<std::string> used;
  for (const std::string& raw : bratSplit(kb, '\n')) {
    std::string t = bratTrim(raw);
    if (t.empty() || t[0] == '#') continue;
    auto ws = t.find_first_of(" \t");
    if (ws == std::string::npos) continue;
    std::string key = t.substr(0, ws), type = decodeBratName(bratTrim(t.substr(ws)));
    if (key.size() != 1 || used.count(key)) continue;
    for (auto& label : schema.spanLabels) {
      if (label.name == type && label.hotkey.empty()) {
        label.hotkey = key;
        used.insert(key);
      }
    }
  }
}

}  // namespace

Result<Schema> parseBratConf(const std::string& annotationConf, const std::string& fileName,
                             const std::string& visualConf, const std::string& kbShortcutsConf,
                             std::vector<std::string>* warnings) {
  if (auto bad = firstInvalidUtf8(annotationConf)) {
    return fail(fileName + ": invalid UTF-8 at byte offset " + std::to_string(*bad));
  }
  BratConfReport report;
  auto sections = readBratConf(annotationConf, fileName,
                               {"entities", "relations", "events", "attributes"}, {}, report);
  if (!report.errors.empty()) {
    std::string msg;
    for (const auto& e : report.errors) msg += (msg.empty() ? "" : "\n") + e;
    return fail(msg);
  }
  decodeNames(sections);
  Schema schema;
  schema.name = fileStem(fileName);
  ConfMapper mapper(fileName, report);
  mapper.defineTypes(sections["entities"], sections["events"]);
  mapper.addEntitiesAndEvents(sections["entities"], sections["events"], schema);
  mapper.addRelations(sections["relations"], schema);
  mapper.addAttributes(sections["attributes"], schema);
  if (mapper.overBudget()) return fail(report.errors.back());
  if (!visualConf.empty() && !firstInvalidUtf8(visualConf)) applyVisualConf(visualConf, schema);
  for (std::size_t i = 0; i < schema.spanLabels.size(); ++i) {
    if (schema.spanLabels[i].color.empty()) schema.spanLabels[i].color = defaultLabelColor(i);
  }
  if (!kbShortcutsConf.empty() && !firstInvalidUtf8(kbShortcutsConf))
    applyKbShortcuts(kbShortcutsConf, schema);
  if (warnings) warnings->insert(warnings->end(), report.warnings.begin(), report.warnings.end());
  return schema;
}

std::string writeAnnotationConf(const Schema& schema) {
  auto types = [](const std::vector<std::string>& labels) {
    if (labels.empty()) return std::string("<ENTITY>");
    std::string out;
    for (const auto& l : labels) out += (out.empty() ? "" : "|") + encodeBratName(l);
    return out;
  };
  std::string out = "# Written by Scholion: brat annotation configuration.\n[entities]\n";
  for (const auto& l : schema.spanLabels) {
    if (!isBratEventLabel(l)) out += encodeBratName(l.name) + "\n";
  }
  out += "\n[relations]\n";
  for (const auto& r : schema.relationTypes) {
    std::vector<RelationSignature> sigs{{r.fromLabels, r.toLabels}};
    sigs.insert(sigs.end(), r.moreSignatures.begin(), r.moreSignatures.end());
    for (const auto& sig : sigs) {  // one line per signature
      out += encodeBratName(r.name) + "\tArg1:" + types(sig.fromLabels) +
             ", Arg2:" + types(sig.toLabels);
      if (r.symmetric) out += ", <REL-TYPE>:symmetric";
      out += "\n";
    }
  }
  out += "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n";
  out += "\n[events]\n";
  for (const auto& l : schema.spanLabels) {
    if (!isBratEventLabel(l)) continue;
    out += encodeBratName(l.name);
    if (l.description.size() > sizeof(kEventPrefix) + 1) {
      out += "\t" + l.description.substr(sizeof(kEventPrefix) + 1);
    }
    out += "\n";
  }
  out += "\n[attributes]\n";
  for (const auto& a : schema.attributes) {
    out += encodeBratName(a.name) + "\tArg:" + types(a.labels);
    if (!a.values.empty()) {
      out += ", Value:";
      for (std::size_t i = 0; i < a.values.size(); ++i)
        out += (i ? "|" : "") + encodeBratName(a.values[i]);
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
    bool plain = l.name.find_first_of("|\t\r\n") == std::string::npos;
    out += encodeBratName(l.name) + " | " +
           (shortText ? l.description
            : plain   ? l.name
                      : encodeBratName(l.name)) +
           "\n";
  }
  for (const auto& r : schema.relationTypes) {
    bool plain = r.name.find_first_of("|\t\r\n") == std::string::npos;
    out += encodeBratName(r.name) + " | " + (plain ? r.name : encodeBratName(r.name)) + "\n";
  }
  out += "\n[drawing]\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n";
  // No arc colour by default: a relation type without a colour reads back without one.
  out += "ARC_DEFAULT\tarrowHead:triangle-5\n";
  for (const auto& l : schema.spanLabels) {
    if (!l.color.empty()) out += encodeBratName(l.name) + "\tbgColor:" + l.color + "\n";
  }
  for (const auto& r : schema.relationTypes) {
    if (!r.color.empty()) out += encodeBratName(r.name) + "\tcolor:" + r.color + "\n";
  }
  return out;
}

std::string writeKbShortcutsConf(const Schema& schema) {
  std::string out = "# Written by Scholion: brat keyboard shortcuts.\n";
  for (const auto& l : schema.spanLabels) {
    if (!l.hotkey.empty()) out += l.hotkey + "\t" + encodeBratName(l.name) + "\n";
  }
  return out;
}

}  // namespace scholion
