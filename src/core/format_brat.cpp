// brat standoff import/export (.txt + .ann) and the .conf files around it.
#include "format_brat.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "brat_conf.h"
#include "text.h"

namespace scholion {
namespace {

const char kExtrasKey[] = "brat";

// One parsed .ann line.
struct AnnLine {
  std::size_t lineNo = 0;
  std::string raw;  // without the line break
  std::string id;
  char kind = 0;  // T R E A N # * (M is stored as A)
  std::string type;
  std::vector<std::string> refs;  // ids this line refers to
  std::vector<Fragment> fragments;
  std::string value;  // A: value; #: note text
  std::string textField;
  bool hasText = false;
  bool hasValue = false;  // A/M: a value was written (binary attributes have none)
  bool absorbed = false;  // shown in the model (not kept in extras)
};

std::vector<std::string> splitWs(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::string spacesForBreaks(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

// Equal when newlines and tabs count as spaces (brat writes line breaks inside spans as spaces).
bool sameIgnoringBreaks(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  auto norm = [](char c) { return c == '\n' || c == '\r' || c == '\t' ? ' ' : c; };
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (norm(a[i]) != norm(b[i])) return false;
  }
  return true;
}

bool isBratId(const std::string& id, char prefix) {
  if (id.size() < 2 || id[0] != prefix) return false;
  uint32_t n = 0;
  return parseUint32(std::string_view(id).substr(1), n);
}

// Column (1-based, code points) of a byte position in a valid UTF-8 line.
std::size_t colOf(const std::string& line, std::size_t byte) {
  return countCodePoints(std::string_view(line).substr(0, std::min(byte, line.size()))) + 1;
}

// Parses one non-empty line into `out`; returns "" or what is wrong (and the byte column).
std::string parseLine(const std::string& line, AnnLine& out, std::size_t& errByte) {
  errByte = 0;
  auto tab = line.find('\t');
  if (tab == std::string::npos) return "expected a tab after the annotation id";
  out.id = line.substr(0, tab);
  std::string rest = line.substr(tab + 1), third;
  auto tab2 = rest.find('\t');
  if (tab2 != std::string::npos) {
    third = rest.substr(tab2 + 1);
    rest.resize(tab2);
    out.hasText = true;
  }
  out.textField = third;
  errByte = tab + 1;
  char k = out.id.empty() ? 0 : out.id[0];
  if (k == '*') {
    auto f = splitWs(rest);
    if (f.size() < 3) return "an equivalence needs a type and at least two ids";
    out.kind = '*';
    out.type = f[0];
    out.refs.assign(f.begin() + 1, f.end());
    return "";
  }
  uint32_t num = 0;
  if (out.id.size() < 2 || !parseUint32(std::string_view(out.id).substr(1), num)) {
    errByte = 0;
    return "bad annotation id '" + out.id + "'";
  }
  switch (k) {
    case 'T': {
      out.kind = 'T';
      auto sp = rest.find(' ');
      if (sp == std::string::npos || sp == 0) return "expected 'Type start end'";
      out.type = decodeBratName(rest.substr(0, sp));
      std::string offs = rest.substr(sp + 1);
      std::size_t b = 0;
      for (;;) {
        auto semi = offs.find(';', b);
        std::string part = offs.substr(b, semi == std::string::npos ? std::string::npos : semi - b);
        auto f = splitWs(part);
        Fragment fr;
        errByte = tab + 1 + sp + 1 + b;
        if (f.size() != 2 || !parseUint32(f[0], fr.start) || !parseUint32(f[1], fr.end)) {
          return "bad offsets '" + part + "' (expected two non-negative integers)";
        }
        if (fr.start >= fr.end) return "empty or reversed offsets '" + part + "'";
        out.fragments.push_back(fr);
        if (semi == std::string::npos) break;
        b = semi + 1;
      }
      return "";
    }
    case 'R': {
      out.kind = 'R';
      auto f = splitWs(rest);
      if (f.size() != 3) return "a relation needs a type and two arguments";
      out.type = decodeBratName(f[0]);
      for (std::size_t i = 1; i < 3; ++i) {
        auto colon = f[i].find(':');
        if (colon == std::string::npos || colon + 1 >= f[i].size()) {
          return "bad relation argument '" + f[i] + "' (expected Name:Id)";
        }
        out.refs.push_back(f[i].substr(colon + 1));
      }
      return "";
    }
    case 'E': {
      out.kind = 'E';
      auto f = splitWs(rest);
      if (f.empty()) return "an event needs Type:Trigger";
      for (std::size_t i = 0; i < f.size(); ++i) {
        auto colon = f[i].find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 >= f[i].size()) {
          return "bad event argument '" + f[i] + "' (expected Role:Id)";
        }
        if (i == 0) out.type = f[i].substr(0, colon);
        out.refs.push_back(f[i].substr(colon + 1));
      }
      return "";
    }
    case 'A':
    case 'M': {
      out.kind = 'A';
      auto f = splitWs(rest);
      if (f.size() < 2 || f.size() > 3)
        return "an attribute needs a name, a target and an optional value";
      out.type = decodeBratName(f[0]);
      out.refs.push_back(f[1]);
      out.hasValue = f.size() == 3;  // "A1 Certainty T1 true" has the value "true"
      if (out.hasValue) out.value = decodeBratName(f[2]);
      return "";
    }
    case 'N': {
      out.kind = 'N';
      auto f = splitWs(rest);
      if (f.size() != 3 || f[2].find(':') == std::string::npos) {
        return "a normalisation needs a type, a target and Db:Id";
      }
      out.type = f[0];
      out.refs.push_back(f[1]);
      return "";
    }
    case '#': {
      out.kind = '#';
      auto f = splitWs(rest);
      if (f.size() != 2) return "a note needs a type and a target";
      out.type = f[0];
      out.refs.push_back(f[1]);
      out.value = third;
      return "";
    }
    default:
      errByte = 0;
      return "unknown annotation type '" + out.id + "'";
  }
}

}  // namespace

Result<DocumentData> parseBratAnn(const std::string& docId, const std::string& txtName,
                                  std::string text, const std::string& annName,
                                  const std::string& ann, BratAttributeValues* valued) {
  auto docR = makeDocumentData(docId, txtName, std::move(text));
  if (!docR) return fail(docR.error());
  DocumentData doc = std::move(docR.value());
  if (auto bad = firstInvalidUtf8(ann)) {
    return fail(annName + ": invalid UTF-8 at byte offset " + std::to_string(*bad));
  }
  OffsetIndex index(doc.text);
  ErrorList errors(annName);
  std::vector<AnnLine> lines;
  std::unordered_map<std::string, std::size_t> byId;  // id -> index in lines
  const std::size_t lineCount =
      static_cast<std::size_t>(std::count(ann.begin(), ann.end(), '\n')) + 1;
  lines.reserve(lineCount);
  byId.reserve(lineCount);
  std::size_t lineNo = 0, b = 0;
  while (b < ann.size()) {
    auto nl = ann.find('\n', b);
    std::string line = ann.substr(b, nl == std::string::npos ? std::string::npos : nl - b);
    b = nl == std::string::npos ? ann.size() : nl + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    AnnLine al;
    al.lineNo = lineNo;
    al.raw = line;
    std::size_t errByte = 0;
    std::string why = parseLine(line, al, errByte);
    if (!why.empty()) {
      errors.add(lineNo, colOf(line, errByte), why);
      if (errors.full()) break;
      continue;
    }
    if (al.kind != '*') {
      if (byId.count(al.id)) {
        errors.add(lineNo, 1, "duplicate id " + al.id);
        continue;
      }
      byId[al.id] = lines.size();
    }
    lines.push_back(std::move(al));
  }
  // References must name annotations of this file.
  for (const auto& l : lines) {
    for (const auto& r : l.refs) {
      if (!byId.count(r)) errors.add(l.lineNo, 1, l.id + " refers to unknown id " + r);
    }
  }
  if (!errors.empty()) return errors.error();

  auto kindOf = [&](const std::string& id) { return lines[byId.at(id)].kind; };
  // Decide what the model shows; the rest stays in extras.
  std::unordered_set<std::string> notedTargets;
  for (auto& l : lines) {
    if (l.kind == 'T') l.absorbed = true;
    if (l.kind == 'R') l.absorbed = kindOf(l.refs[0]) == 'T' && kindOf(l.refs[1]) == 'T';
    if (l.kind == '#' && l.type == "AnnotatorNotes") {
      char k = kindOf(l.refs[0]);
      if ((k == 'T' || (k == 'R' && lines[byId.at(l.refs[0])].absorbed)) &&
          notedTargets.insert(l.refs[0]).second) {
        l.absorbed = true;
      }
    }
  }
  std::unordered_set<std::string> referencedByExtras;
  for (const auto& l : lines) {
    if (l.kind != 'A' && !l.absorbed) referencedByExtras.insert(l.refs.begin(), l.refs.end());
  }
  std::set<std::pair<std::string, std::string>> attrSet;  // (span, name)
  for (auto& l : lines) {
    if (l.kind == 'A' && kindOf(l.refs[0]) == 'T' && !referencedByExtras.count(l.id) &&
        attrSet.emplace(l.refs[0], l.type).second) {
      l.absorbed = true;
    }
  }

  AnnotationLayer& layer = doc.annotations;
  std::unordered_map<std::string, std::size_t> spanIndex, relIndex;
  spanIndex.reserve(lineCount);
  layer.spans.reserve(lineCount);
  std::string extras;
  for (const auto& l : lines) {
    if (l.kind == 'T') {
      Span s;
      s.id = l.id;
      s.label = l.type;
      s.fragments = l.fragments;
      std::string why = finishSpan(s, doc.text, index);
      if (!why.empty()) {
        errors.add(l.lineNo, 1, l.id + ": " + why);
        continue;
      }
      if (l.hasText && !sameIgnoringBreaks(l.textField, s.text)) {
        errors.add(l.lineNo, colOf(l.raw, l.raw.size() - l.textField.size()),
                   l.id + ": text '" + l.textField + "' does not match the document text '" +
                       s.text + "' at those offsets");
        continue;
      }
      spanIndex[s.id] = layer.spans.size();
      layer.spans.push_back(std::move(s));
    } else if (l.kind == 'R' && l.absorbed) {
      Relation r;
      r.id = l.id;
      r.label = l.type;
      r.from = l.refs[0];
      r.to = l.refs[1];
      relIndex[r.id] = layer.relations.size();
      layer.relations.push_back(std::move(r));
    } else if (!l.absorbed) {
      extras += l.raw + "\n";
    }
  }
  if (!errors.empty()) return errors.error();
  for (const auto& l : lines) {
    if (!l.absorbed) continue;
    if (l.kind == 'A') {
      layer.spans[spanIndex.at(l.refs[0])].attributes[l.type] = l.hasValue ? l.value : "true";
      if (valued && l.hasValue) (*valued)[l.type].insert(l.value);
    } else if (l.kind == '#') {
      if (spanIndex.count(l.refs[0])) {
        layer.spans[spanIndex.at(l.refs[0])].note = l.value;
      } else {
        layer.relations[relIndex.at(l.refs[0])].note = l.value;
      }
    }
  }
  if (!extras.empty()) layer.extras[kExtrasKey] = extras;
  return doc;
}

std::string writeBratAnn(const DocumentData& doc, std::vector<std::string>* warnings,
                         const Schema* schema) {
  const AnnotationLayer& layer = doc.annotations;
  auto warn = [&](const std::string& w) {
    if (warnings) warnings->push_back(doc.name + ": " + w);
  };
  std::string extras;
  if (auto it = layer.extras.find(kExtrasKey); it != layer.extras.end()) extras = it->second;
  if (!extras.empty() && extras.back() != '\n') extras += '\n';
  // Highest number used per id prefix (in extras and in kept ids), to number new ids after it.
  std::map<char, uint32_t> maxId;
  auto note = [&](const std::string& id) {
    uint32_t n = 0;
    if (id.size() >= 2 && parseUint32(std::string_view(id).substr(1), n)) {
      char k = id[0] == 'M' ? 'A' : id[0];
      maxId[k] = std::max(maxId[k], n);
    }
  };
  std::unordered_set<std::string> extrasIds;
  for (std::size_t b = 0; b < extras.size();) {
    auto nl = extras.find('\n', b);
    std::string line = extras.substr(b, nl - b);
    b = nl + 1;
    std::string id = line.substr(0, line.find('\t'));
    note(id);
    extrasIds.insert(id);
  }
  // Keep brat-shaped ids (first occurrence wins); number the others after the highest in use.
  for (const auto& s : layer.spans) {
    if (isBratId(s.id, 'T')) note(s.id);
  }
  for (const auto& r : layer.relations) {
    if (isBratId(r.id, 'R')) note(r.id);
  }
  std::unordered_set<std::string> used = extrasIds;
  auto fresh = [&](char k) { return std::string(1, k) + std::to_string(++maxId[k]); };
  std::vector<std::string> spanOut(layer.spans.size());
  for (std::size_t i = 0; i < layer.spans.size(); ++i) {
    const Span& s = layer.spans[i];
    if (isBratId(s.id, 'T') && used.insert(s.id).second) {
      spanOut[i] = s.id;
    } else {
      spanOut[i] = fresh('T');
      warn("span " + s.id + " written as " + spanOut[i]);
    }
  }
  std::unordered_map<std::string, std::string> spanMap;  // old id -> written id (first wins)
  for (std::size_t i = 0; i < layer.spans.size(); ++i)
    spanMap.emplace(layer.spans[i].id, spanOut[i]);

  std::string out;
  out.reserve(layer.spans.size() * 48 + extras.size());
  std::string attrs, notes;
  auto typeName = [](const std::string& name) { return encodeBratName(name); };
  // An attribute with values keeps its value even when it is "true" (binary ones write none).
  auto valued = [&](const std::string& name, const std::string& value) {
    if (value != "true") return true;
    const AttributeDef* def = schema ? schema->findAttribute(name) : nullptr;
    return def && !def->values.empty();
  };
  for (std::size_t i = 0; i < layer.spans.size(); ++i) {
    const Span& s = layer.spans[i];
    out += spanOut[i];
    out += '\t';
    out += typeName(s.label);
    out += ' ';
    if (s.fragments.empty()) {
      out += std::to_string(s.start) + " " + std::to_string(s.end);
    } else {
      for (std::size_t f = 0; f < s.fragments.size(); ++f) {
        if (f) out += ';';
        out += std::to_string(s.fragments[f].start) + " " + std::to_string(s.fragments[f].end);
      }
    }
    out += '\t';
    out += spacesForBreaks(s.text);
    out += '\n';
    for (const auto& [name, value] : s.attributes) {
      attrs += fresh('A') + "\t" + typeName(name) + " " + spanOut[i];
      if (valued(name, value)) attrs += " " + typeName(value);
      attrs += "\n";
    }
    if (!s.note.empty()) {
      notes +=
          fresh('#') + "\tAnnotatorNotes " + spanOut[i] + "\t" + spacesForBreaks(s.note) + "\n";
    }
  }
  out += attrs;
  for (const auto& r : layer.relations) {
    auto from = spanMap.find(r.from), to = spanMap.find(r.to);
    if (from == spanMap.end() || to == spanMap.end()) {
      warn("relation " + r.id + " left out: it refers to a missing span");
      continue;
    }
    std::string id;
    if (isBratId(r.id, 'R') && used.insert(r.id).second) {
      id = r.id;
    } else {
      id = fresh('R');
      warn("relation " + r.id + " written as " + id);
    }
    out += id + "\t" + typeName(r.label) + " Arg1:" + from->second + " Arg2:" + to->second + "\n";
    if (!r.note.empty()) {
      notes += fresh('#') + "\tAnnotatorNotes " + id + "\t" + spacesForBreaks(r.note) + "\n";
    }
  }
  out += notes;
  out += extras;
  return out;
}

Result<Workspace> importBratFiles(const std::vector<NamedFile>& files,
                                  std::vector<std::string>* warnings) {
  std::map<std::string, const NamedFile*> txts, anns;
  const NamedFile *annConf = nullptr, *visualConf = nullptr, *kbConf = nullptr;
  std::vector<std::string> notes;  // warnings, given to the caller only when the import works
  for (const auto& f : files) {
    std::string base = baseName(f.name);
    auto dot = base.rfind('.');
    std::string ext = dot == std::string::npos ? "" : base.substr(dot);
    if (base == "annotation.conf") {
      annConf = &f;
    } else if (base == "visual.conf") {
      visualConf = &f;
    } else if (base == "kb_shortcuts.conf") {
      kbConf = &f;
    } else if (ext == ".ann") {
      anns[fileStem(f.name)] = &f;
    } else if (ext == ".txt") {
      txts[fileStem(f.name)] = &f;
    } else if (ext == ".conf") {
      notes.push_back(f.name +
                      ": not read (tools.conf and other brat settings have no meaning "
                      "here)");
    } else {
      return fail(f.name + ": not a brat file (expected .txt, .ann or .conf)");
    }
  }
  for (const auto& [stem, f] : anns) {
    if (!txts.count(stem)) return fail(f->name + ": the document text " + stem + ".txt is missing");
  }
  if (txts.empty()) return fail("brat import: no .txt document given");
  Workspace ws;
  std::string problems;
  BratAttributeValues valued;
  for (const auto& [stem, txt] : txts) {
    auto a = anns.find(stem);
    auto doc = parseBratAnn(stem, baseName(txt->name), txt->bytes,
                            a == anns.end() ? stem + ".ann" : a->second->name,
                            a == anns.end() ? std::string() : a->second->bytes, &valued);
    if (!doc) {
      problems += (problems.empty() ? "" : "\n") + doc.error();
      continue;
    }
    ws.documents.push_back(std::move(doc.value()));
  }
  if (!problems.empty()) return fail(problems);
  bool fromConf = false;
  if (annConf) {
    auto schema = parseBratConf(annConf->bytes, annConf->name, visualConf ? visualConf->bytes : "",
                                kbConf ? kbConf->bytes : "", &notes);
    if (schema) {
      ws.schema = std::move(schema.value());
      fromConf = true;
    } else {
      // brat falls back to a default configuration; here the labels the documents use.
      notes.push_back(schema.error());
      notes.push_back(annConf->name + ": not used; the labels come from the documents instead");
    }
  }
  if (!fromConf) {
    ws.schema.name = "brat";
    // Attributes written with a value ("A1 Certainty T1 true") keep their values.
    for (const auto& [name, values] : valued) {
      AttributeDef def;
      def.name = name;
      def.values.assign(values.begin(), values.end());
      ws.schema.attributes.push_back(def);
    }
    addMissingToSchema(ws.schema, ws);
  } else {
    // verify_annotation_types: a type the configuration does not define is a warning in brat.
    std::set<std::string> reported;
    for (const auto& d : ws.documents) {
      for (const auto& sp : d.annotations.spans)
        if (!ws.schema.findLabel(sp.label) && reported.insert(sp.label).second)
          notes.push_back(d.name + ": type " + sp.label + " is not defined in " + annConf->name);
      for (const auto& r : d.annotations.relations)
        if (!ws.schema.findRelation(r.label) && reported.insert(r.label).second)
          notes.push_back(d.name + ": relation type " + r.label + " is not defined in " +
                          annConf->name);
    }
  }
  if (warnings) warnings->insert(warnings->end(), notes.begin(), notes.end());
  return ws;
}

std::vector<NamedFile> writeBratFiles(const Workspace& ws, std::vector<std::string>* warnings) {
  std::vector<NamedFile> out;
  UniqueNames stems;
  for (std::size_t i = 0; i < ws.documents.size(); ++i) {
    const DocumentData& d = ws.documents[i];
    std::string stem = noSpaces(fileStem(d.name.empty() ? d.id : d.name));
    if (stem.empty()) stem = "document" + std::to_string(i + 1);
    std::string unique = stems.take(stem);
    out.push_back({unique + ".txt", d.text});
    out.push_back({unique + ".ann", writeBratAnn(d, warnings, &ws.schema)});
  }
  // Always written, so that an empty configuration also comes back as one.
  out.push_back({"annotation.conf", writeAnnotationConf(ws.schema)});
  out.push_back({"visual.conf", writeVisualConf(ws.schema)});
  out.push_back({"kb_shortcuts.conf", writeKbShortcutsConf(ws.schema)});
  return out;
}

}  // namespace scholion
