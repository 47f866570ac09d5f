// Checks plain workspace data before it is swapped in or written: nothing invalid is kept silently.
#include "workspace_check.h"

#include <unordered_set>

namespace scholion {
namespace {

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

}  // namespace

void checkLayer(const AnnotationLayer& layer, std::string_view text, const OffsetIndex& offsets,
                const std::string& ptr, std::vector<std::string>& problems) {
  std::unordered_set<std::string> spanIds, relationIds;
  const std::size_t length = offsets.codePoints();
  for (std::size_t i = 0; i < layer.spans.size(); ++i) {
    const Span& s = layer.spans[i];
    std::string p = ptr + "/spans/" + std::to_string(i);
    if (s.id.empty())
      problems.push_back(p + "/id: empty span id");
    else if (!spanIds.insert(s.id).second)
      problems.push_back(p + "/id: duplicate span id " + quoted(s.id));
    if (s.label.empty()) problems.push_back(p + "/label: empty label");
    std::string shape = spanShapeProblem(s, length);
    if (!shape.empty()) {
      problems.push_back(p + shape);
      continue;
    }
    std::string covered = coveredText(text, offsets, s);
    if (covered != s.text)
      problems.push_back(p + "/text: stored text " + quoted(s.text) + " differs from the text at " +
                         std::to_string(s.start) + ".." + std::to_string(s.end) + ", " +
                         quoted(covered));
  }
  for (std::size_t i = 0; i < layer.relations.size(); ++i) {
    const Relation& r = layer.relations[i];
    std::string p = ptr + "/relations/" + std::to_string(i);
    if (r.id.empty())
      problems.push_back(p + "/id: empty relation id");
    else if (!relationIds.insert(r.id).second)
      problems.push_back(p + "/id: duplicate relation id " + quoted(r.id));
    if (r.label.empty()) problems.push_back(p + "/label: empty label");
    if (!spanIds.count(r.from)) problems.push_back(p + "/from: unknown span " + quoted(r.from));
    if (!spanIds.count(r.to)) problems.push_back(p + "/to: unknown span " + quoted(r.to));
  }
}

std::string coveredText(std::string_view text, const OffsetIndex& offsets, const Span& span) {
  auto piece = [&](uint32_t a, uint32_t b) {
    std::size_t b0 = offsets.byteOfCp(a), b1 = offsets.byteOfCp(b);
    return text.substr(b0, b1 > b0 ? b1 - b0 : 0);
  };
  if (span.fragments.empty()) return std::string(piece(span.start, span.end));
  std::string out;
  for (std::size_t i = 0; i < span.fragments.size(); ++i) {
    if (i) out += ' ';
    out += piece(span.fragments[i].start, span.fragments[i].end);
  }
  return out;
}

std::string spanShapeProblem(const Span& s, std::size_t length) {
  if (s.start >= s.end)
    return "/end: end " + std::to_string(s.end) + " is not after start " + std::to_string(s.start);
  if (s.end > length)
    return "/end: end " + std::to_string(s.end) + " is past the end of the text (" +
           std::to_string(length) + " code points)";
  if (s.fragments.empty()) return "";
  if (s.fragments.size() < 2) return "/fragments: a discontinuous span needs at least 2 fragments";
  for (std::size_t k = 0; k < s.fragments.size(); ++k) {
    const Fragment& f = s.fragments[k];
    std::string fp = "/fragments/" + std::to_string(k);
    if (f.start >= f.end) return fp + ": fragment end is not after its start";
    if (f.end > length) return fp + ": fragment ends past the end of the text";
    if (k > 0 && f.start < s.fragments[k - 1].end)
      return fp + ": fragments must be ordered and must not overlap";
  }
  if (s.fragments.front().start != s.start || s.fragments.back().end != s.end)
    return "/fragments: start and end must be the first fragment's start and the last one's end";
  return "";
}

void checkDocumentData(const DocumentData& d, const std::string& ptr,
                       std::vector<std::string>& problems) {
  if (auto bad = firstInvalidUtf8(d.text)) {
    problems.push_back(ptr + "/text: invalid UTF-8 at byte offset " + std::to_string(*bad));
    return;
  }
  if (!d.sha256.empty()) {
    std::string actual = sha256Hex(d.text);
    if (actual != d.sha256)
      problems.push_back(ptr + "/sha256: " + quoted(d.sha256) +
                         " does not match the text (its SHA-256 is " + actual + ")");
  }
  OffsetIndex offsets(d.text);
  checkLayer(d.annotations, d.text, offsets, ptr, problems);
  for (std::size_t k = 0; k < d.others.size(); ++k)
    checkLayer(d.others[k], d.text, offsets, ptr + "/layers/" + std::to_string(k), problems);
}

std::vector<std::string> workspaceProblems(const Workspace& ws) {
  std::vector<std::string> problems;
  for (auto& p : schemaProblems(ws.schema)) problems.push_back("/schema: " + p);
  std::unordered_set<std::string> ids;
  for (std::size_t i = 0; i < ws.documents.size(); ++i) {
    const DocumentData& d = ws.documents[i];
    std::string ptr = "/documents/" + std::to_string(i);
    if (d.id.empty())
      problems.push_back(ptr + "/id: empty document id");
    else if (!ids.insert(d.id).second)
      problems.push_back(ptr + "/id: duplicate document id " + quoted(d.id));
    checkDocumentData(d, ptr, problems);
  }
  if (!ws.documents.empty() && ws.activeDocument >= ws.documents.size())
    problems.push_back("/activeDocument: " + std::to_string(ws.activeDocument) +
                       " is not a document index (there are " +
                       std::to_string(ws.documents.size()) + ")");
  return problems;
}

std::string joinProblems(const std::string& what, const std::vector<std::string>& problems,
                         std::size_t limit) {
  std::string msg = what;
  for (std::size_t i = 0; i < problems.size() && i < limit; ++i) msg += "\n" + problems[i];
  if (problems.size() > limit)
    msg += "\n... and " + std::to_string(problems.size() - limit) + " more problems";
  return msg;
}

}  // namespace scholion
