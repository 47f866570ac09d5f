// Command builders: turn a user request into a Command (validated again by DocumentState::apply).
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_set>

#include "editor.h"
#include "workspace_check.h"

namespace scholion {
namespace {

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

// `count` span ids "T<n>" that are free in the document and distinct from each other.
std::vector<std::string> freshSpanIds(const DocumentState& s, std::size_t count) {
  std::vector<std::string> ids;
  for (std::size_t n = s.data().annotations.spans.size() + 1; ids.size() < count; ++n) {
    std::string id = "T" + std::to_string(n);
    if (!s.span(id)) ids.push_back(std::move(id));
  }
  return ids;
}

Span makeSpan(const DocumentState& s, std::string id, const std::string& label, uint32_t start,
              uint32_t end, const std::string& annotator) {
  Span sp;
  sp.id = std::move(id);
  sp.label = label;
  sp.start = start;
  sp.end = end;
  sp.text = s.document().slice(start, end);
  sp.annotator = annotator;
  return sp;
}

Change addSpanChange(Span sp) {
  Change c;
  c.kind = Change::Kind::AddSpan;
  c.span = std::move(sp);
  return c;
}

Change replaceSpanChange(const Span& before, Span after) {
  Change c;
  c.kind = Change::Kind::ReplaceSpan;
  c.spanBefore = before;
  c.span = std::move(after);
  return c;
}

Status checkRange(const DocumentState& s, uint32_t start, uint32_t end) {
  if (start >= end)
    return fail("empty selection (" + std::to_string(start) + ".." + std::to_string(end) + ")");
  if (end > s.document().length())
    return fail("range " + std::to_string(start) + ".." + std::to_string(end) +
                " is past the end of the text (" + std::to_string(s.document().length()) + ")");
  return okStatus();
}

// Is there already a continuous span with this label over exactly [start, end)?
bool alreadyLabelled(const DocumentState& s, const std::string& label, uint32_t start, uint32_t end,
                     std::vector<const Span*>& scratch) {
  scratch.clear();
  s.spansOverlapping(start, end, scratch);
  return std::any_of(scratch.begin(), scratch.end(), [&](const Span* sp) {
    return sp->label == label && sp->start == start && sp->end == end && sp->fragments.empty();
  });
}

Result<Command> labelRanges(const DocumentState& s, const Schema& schema,
                            const std::vector<Fragment>& ranges, const std::string& label,
                            const std::string& annotator, const std::string& what) {
  if (!schema.findLabel(label)) return fail("unknown span label " + quoted(label));
  std::vector<Fragment> todo;
  std::vector<const Span*> scratch;
  std::unordered_set<uint64_t> seen;
  for (const auto& r : ranges) {
    Status ok = checkRange(s, r.start, r.end);
    if (!ok) return fail(ok.error());
    if (!seen.insert((uint64_t(r.start) << 32) | r.end).second) continue;
    if (!alreadyLabelled(s, label, r.start, r.end, scratch)) todo.push_back(r);
  }
  if (todo.empty()) return fail("every " + what + " is already labelled " + label);
  Command cmd;
  cmd.description = "Label " + std::to_string(todo.size()) + " " + what +
                    (todo.size() == 1 ? "" : "s") + " " + label;
  auto ids = freshSpanIds(s, todo.size());
  for (std::size_t i = 0; i < todo.size(); ++i)
    cmd.changes.push_back(
        addSpanChange(makeSpan(s, ids[i], label, todo[i].start, todo[i].end, annotator)));
  return cmd;
}

}  // namespace

Result<Command> cmdAddSpan(const DocumentState& s, const Schema& schema, const std::string& label,
                           uint32_t start, uint32_t end, const std::string& annotator) {
  if (!schema.findLabel(label)) return fail("unknown span label " + quoted(label));
  Status ok = checkRange(s, start, end);
  if (!ok) return fail(ok.error());
  std::vector<const Span*> scratch;
  if (alreadyLabelled(s, label, start, end, scratch))
    return fail("this text is already labelled " + label);
  Command cmd;
  cmd.description = "Add " + label;
  cmd.changes.push_back(addSpanChange(makeSpan(s, s.nextSpanId(), label, start, end, annotator)));
  return cmd;
}

Result<Command> cmdDeleteSpan(const DocumentState& s, const std::string& spanId) {
  const Span* sp = s.span(spanId);
  if (!sp) return fail("no span " + quoted(spanId));
  Command cmd;
  cmd.description = "Delete " + sp->label;
  std::vector<const Relation*> rels;
  s.relationsOf(spanId, rels);
  for (const Relation* r : rels) {  // relations first: a span with relations cannot go
    Change c;
    c.kind = Change::Kind::RemoveRelation;
    c.relation = *r;
    cmd.changes.push_back(std::move(c));
  }
  Change c;
  c.kind = Change::Kind::RemoveSpan;
  c.span = *sp;
  cmd.changes.push_back(std::move(c));
  return cmd;
}

Result<Command> cmdRelabelSpan(const DocumentState& s, const std::string& spanId,
                               const std::string& label) {
  const Span* sp = s.span(spanId);
  if (!sp) return fail("no span " + quoted(spanId));
  if (sp->label == label) return fail("the span is already " + label);
  Span after = *sp;
  after.label = label;
  Command cmd;
  cmd.description = "Relabel " + sp->label + " as " + label;
  cmd.changes.push_back(replaceSpanChange(*sp, std::move(after)));
  return cmd;
}

Result<Command> cmdResizeSpan(const DocumentState& s, const std::string& spanId, uint32_t start,
                              uint32_t end) {
  const Span* sp = s.span(spanId);
  if (!sp) return fail("no span " + quoted(spanId));
  Status ok = checkRange(s, start, end);
  if (!ok) return fail(ok.error());
  if (sp->start == start && sp->end == end) return fail("the span already has that extent");
  Span after = *sp;
  after.start = start;
  after.end = end;
  if (!after.fragments.empty()) {  // the outer fragments move with the span's ends
    after.fragments.front().start = start;
    after.fragments.back().end = end;
    std::string shape = spanShapeProblem(after, s.document().length());
    if (!shape.empty())
      return fail("cannot resize a discontinuous span that way (" + shape.substr(1) + ")");
  }
  after.text = coveredText(s.document().text(), s.document().offsets(), after);
  Command cmd;
  cmd.description = "Resize " + sp->label;
  cmd.changes.push_back(replaceSpanChange(*sp, std::move(after)));
  return cmd;
}

Result<Command> cmdSetAttribute(const DocumentState& s, const Schema& schema,
                                const std::string& spanId, const std::string& name,
                                const std::string& value) {
  const Span* sp = s.span(spanId);
  if (!sp) return fail("no span " + quoted(spanId));
  const AttributeDef* def = schema.findAttribute(name);
  if (!def) return fail("unknown attribute " + quoted(name));
  std::string v = (def->values.empty() && value == "false") ? "" : value;  // absent = false
  Span after = *sp;
  if (v.empty())
    after.attributes.erase(name);
  else
    after.attributes[name] = v;
  if (after.attributes == sp->attributes) return fail("nothing to change");
  Command cmd;
  cmd.description = v.empty() ? "Clear " + name : "Set " + name;
  cmd.changes.push_back(replaceSpanChange(*sp, std::move(after)));
  return cmd;
}

Result<Command> cmdSetSpanNote(const DocumentState& s, const std::string& spanId,
                               const std::string& note) {
  const Span* sp = s.span(spanId);
  if (!sp) return fail("no span " + quoted(spanId));
  if (sp->note == note) return fail("nothing to change");
  Span after = *sp;
  after.note = note;
  Command cmd;
  cmd.description = "Edit note";
  cmd.changes.push_back(replaceSpanChange(*sp, std::move(after)));
  return cmd;
}

Result<Command> cmdAddRelation(const DocumentState& s, const Schema& schema,
                               const std::string& type, const std::string& fromSpan,
                               const std::string& toSpan) {
  const RelationType* rt = schema.findRelation(type);
  if (!rt) return fail("unknown relation type " + quoted(type));
  const Span* from = s.span(fromSpan);
  const Span* to = s.span(toSpan);
  if (!from) return fail("no span " + quoted(fromSpan));
  if (!to) return fail("no span " + quoted(toSpan));
  if (fromSpan == toSpan) return fail("a relation needs two different spans");
  auto allowed = schema.relationsAllowed(from->label, to->label);
  if (std::none_of(allowed.begin(), allowed.end(), [&](const RelationType* t) { return t == rt; }))
    return fail(type + " cannot link " + from->label + " to " + to->label);
  std::vector<const Relation*> existing;
  s.relationsOf(fromSpan, existing);
  for (const Relation* r : existing) {
    bool same = r->from == fromSpan && r->to == toSpan;
    bool mirrored = rt->symmetric && r->from == toSpan && r->to == fromSpan;
    if (r->label == type && (same || mirrored))
      return fail("these spans are already linked by " + type);
  }
  Change c;
  c.kind = Change::Kind::AddRelation;
  c.relation.id = s.nextRelationId();
  c.relation.label = type;
  c.relation.from = fromSpan;
  c.relation.to = toSpan;
  Command cmd;
  cmd.description = "Add " + type;
  cmd.changes.push_back(std::move(c));
  return cmd;
}

Result<Command> cmdDeleteRelation(const DocumentState& s, const std::string& relationId) {
  const Relation* r = s.relation(relationId);
  if (!r) return fail("no relation " + quoted(relationId));
  Change c;
  c.kind = Change::Kind::RemoveRelation;
  c.relation = *r;
  Command cmd;
  cmd.description = "Delete " + r->label;
  cmd.changes.push_back(std::move(c));
  return cmd;
}

Result<Command> cmdSetDocumentLabels(const DocumentState& s, std::vector<std::string> labels) {
  std::vector<std::string> unique;
  for (auto& l : labels)
    if (std::find(unique.begin(), unique.end(), l) == unique.end()) unique.push_back(std::move(l));
  if (unique == s.data().annotations.documentLabels) return fail("nothing to change");
  Change c;
  c.kind = Change::Kind::SetDocumentLabels;
  c.labelsBefore = s.data().annotations.documentLabels;
  c.labels = std::move(unique);
  Command cmd;
  cmd.description = "Set document labels";
  cmd.changes.push_back(std::move(c));
  return cmd;
}

Result<Command> cmdLabelEveryOccurrence(const DocumentState& s, const Schema& schema,
                                        const std::string& needle, const std::string& label,
                                        const std::string& annotator) {
  if (needle.empty()) return fail("nothing to search for");
  const Document& doc = s.document();
  const std::string& text = doc.text();
  const auto& tokens = doc.tokens();
  std::vector<Fragment> ranges;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    uint32_t a = static_cast<uint32_t>(doc.offsets().cpOfByte(at));
    uint32_t b = static_cast<uint32_t>(doc.offsets().cpOfByte(at + needle.size()));
    if (at + needle.size() >= text.size()) b = static_cast<uint32_t>(doc.length());
    // Whole tokens only: "Li" must not match inside "Li Peng's" neighbours such as "Lin".
    std::size_t t0 = doc.tokenAtOrAfter(a), t1 = doc.tokenAtOrAfter(b - 1);
    if (t0 >= tokens.size() || t1 >= tokens.size()) continue;
    if (tokens[t0].start != a || tokens[t1].end != b) continue;
    ranges.push_back(Fragment{a, b});
  }
  if (ranges.empty()) return fail("no whole-word occurrence of " + quoted(needle));
  return labelRanges(s, schema, ranges, label, annotator, "occurrence");
}

Result<Command> cmdLabelRanges(const DocumentState& s, const Schema& schema,
                               const std::vector<Fragment>& ranges, const std::string& label,
                               const std::string& annotator) {
  if (ranges.empty()) return fail("no ranges to label");
  return labelRanges(s, schema, ranges, label, annotator, "range");
}

Result<Command> cmdAddLabelledRanges(const DocumentState& s, const Schema& schema,
                                     const std::vector<LabelledRange>& ranges,
                                     const std::string& annotator, const std::string& description) {
  std::vector<const LabelledRange*> todo;
  std::vector<const Span*> scratch;
  std::set<std::tuple<uint32_t, uint32_t, std::string>> seen;
  for (const LabelledRange& r : ranges) {
    if (!schema.findLabel(r.label)) return fail("unknown span label " + quoted(r.label));
    Status ok = checkRange(s, r.start, r.end);
    if (!ok) return fail(ok.error());
    if (!seen.insert({r.start, r.end, r.label}).second) continue;
    if (!alreadyLabelled(s, r.label, r.start, r.end, scratch)) todo.push_back(&r);
  }
  if (todo.empty()) return fail("every range is already labelled");
  Command cmd;
  cmd.description = description;
  auto ids = freshSpanIds(s, todo.size());
  for (std::size_t i = 0; i < todo.size(); ++i)
    cmd.changes.push_back(addSpanChange(
        makeSpan(s, ids[i], todo[i]->label, todo[i]->start, todo[i]->end, annotator)));
  return cmd;
}

}  // namespace scholion
