// Helpers shared by the foreign file formats: error lists, span checks, schema derivation.
#include "format_util.h"

#include <algorithm>
#include <set>

namespace scholion {

bool parseUint32(std::string_view s, uint32_t& out) {
  if (s.empty() || s.size() > 10) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > 0xFFFFFFFFull) return false;
  out = static_cast<uint32_t>(v);
  return true;
}

std::string UniqueNames::take(const std::string& name) {
  std::size_t& next = next_[name];  // 0: the name itself is tried first, then suffixes from 2
  for (;;) {
    std::string candidate = next == 0 ? name : name + separator_ + std::to_string(next);
    next = next == 0 ? 2 : next + 1;
    ++probes_;
    if (taken_.insert(candidate).second) return candidate;
  }
}

void ErrorList::add(std::size_t line, std::size_t col, const std::string& message) {
  std::string loc = file_;
  if (line > 0) loc += ":" + std::to_string(line) + ":" + std::to_string(col > 0 ? col : 1);
  addRaw(loc + ": " + message);
}

void ErrorList::addRaw(const std::string& message) {
  if (full()) {
    ++dropped_;
    return;
  }
  messages_.push_back(message);
}

Error ErrorList::error() const {
  std::string out;
  for (const auto& m : messages_) {
    if (!out.empty()) out += '\n';
    out += m;
  }
  if (dropped_ > 0) out += "\n(" + std::to_string(dropped_) + " more problems not shown)";
  return fail(out);
}

Result<DocumentData> makeDocumentData(const std::string& id, const std::string& name,
                                      std::string text) {
  if (auto bad = firstInvalidUtf8(text)) {
    return fail(name + ": invalid UTF-8 at byte offset " + std::to_string(*bad));
  }
  DocumentData d;
  d.id = id;
  d.name = name;
  d.sha256 = sha256Hex(text);
  d.text = std::move(text);
  return d;
}

std::string sliceCp(const std::string& text, const OffsetIndex& index, uint32_t start,
                    uint32_t end) {
  std::size_t b = index.byteOfCp(start), e = index.byteOfCp(end);
  if (e < b) return "";
  return text.substr(b, e - b);
}

std::string finishSpan(Span& span, const std::string& text, const OffsetIndex& index) {
  const std::size_t length = index.codePoints();
  if (span.fragments.size() == 1) {
    span.start = span.fragments[0].start;
    span.end = span.fragments[0].end;
    span.fragments.clear();
  }
  if (span.fragments.empty()) {
    if (span.start >= span.end) {
      return "empty or reversed span " + std::to_string(span.start) + "-" +
             std::to_string(span.end);
    }
    if (span.end > length) {
      return "span end " + std::to_string(span.end) + " is beyond the text (" +
             std::to_string(length) + " characters)";
    }
    span.text = sliceCp(text, index, span.start, span.end);
    return "";
  }
  std::sort(span.fragments.begin(), span.fragments.end(),
            [](const Fragment& a, const Fragment& b) { return a.start < b.start; });
  std::string covered;
  for (std::size_t i = 0; i < span.fragments.size(); ++i) {
    const Fragment& f = span.fragments[i];
    if (f.start >= f.end) {
      return "empty or reversed fragment " + std::to_string(f.start) + "-" + std::to_string(f.end);
    }
    if (f.end > length) {
      return "fragment end " + std::to_string(f.end) + " is beyond the text (" +
             std::to_string(length) + " characters)";
    }
    if (i > 0 && f.start < span.fragments[i - 1].end) return "overlapping fragments";
    if (i > 0) covered += ' ';
    covered += sliceCp(text, index, f.start, f.end);
  }
  span.start = span.fragments.front().start;
  span.end = span.fragments.back().end;
  span.text = std::move(covered);
  return "";
}

std::string defaultLabelColor(std::size_t i) {
  static const char* kPalette[] = {"#7fa2ff", "#ffb347", "#8fdc7f", "#ff7f7f",
                                   "#c59bff", "#f5e36b", "#6fd5d5", "#ff9fd4",
                                   "#b5b5b5", "#d2a679", "#9fe0a8", "#a0c4ff"};
  return kPalette[i % (sizeof(kPalette) / sizeof(kPalette[0]))];
}

void addMissingToSchema(Schema& schema, const Workspace& ws) {
  std::set<std::string> labels, relations, docLabels;
  std::map<std::string, std::set<std::string>> attrs;  // name -> values (non-"true")
  auto scan = [&](const AnnotationLayer& layer) {
    for (const auto& s : layer.spans) {
      labels.insert(s.label);
      for (const auto& [k, v] : s.attributes) {
        auto& vals = attrs[k];
        if (v != "true") vals.insert(v);
      }
    }
    for (const auto& r : layer.relations) relations.insert(r.label);
    for (const auto& l : layer.documentLabels) docLabels.insert(l);
  };
  for (const auto& d : ws.documents) {
    scan(d.annotations);
    for (const auto& o : d.others) scan(o);
  }
  for (const auto& l : labels) {
    if (l.empty() || schema.findLabel(l)) continue;
    SpanLabel sl;
    sl.name = l;
    sl.color = defaultLabelColor(schema.spanLabels.size());
    schema.spanLabels.push_back(sl);
  }
  for (const auto& r : relations) {
    if (r.empty() || schema.findRelation(r)) continue;
    RelationType rt;
    rt.name = r;
    schema.relationTypes.push_back(rt);
  }
  for (const auto& [name, values] : attrs) {
    if (schema.findAttribute(name)) continue;
    AttributeDef a;
    a.name = name;
    a.values.assign(values.begin(), values.end());
    schema.attributes.push_back(a);
  }
  for (const auto& l : docLabels) {
    bool found = false;
    for (const auto& dl : schema.documentLabels) found = found || dl.name == l;
    if (found || l.empty()) continue;
    DocumentLabel dl;
    dl.name = l;
    schema.documentLabels.push_back(dl);
  }
}

Result<Workspace> finishImport(Workspace ws, const ErrorList& errors, std::string_view name) {
  if (!errors.empty()) return errors.error();
  ws.schema.name = fileStem(name);
  addMissingToSchema(ws.schema, ws);
  return ws;
}

std::string baseName(std::string_view path) {
  auto slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string fileStem(std::string_view path) {
  std::string b = baseName(path);
  auto dot = b.rfind('.');
  if (dot != std::string::npos && dot > 0) b.resize(dot);
  return b;
}

std::string lowerExtension(std::string_view path) {
  std::string b = baseName(path);
  auto dot = b.rfind('.');
  return dot == std::string::npos ? std::string() : asciiLower(b.substr(dot + 1));
}

std::string noSpaces(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') c = '_';
  }
  return out;
}

}  // namespace scholion
