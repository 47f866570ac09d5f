// DocumentState: applies validated commands atomically to one document, with undo/redo.
#include "document_state.h"

#include <algorithm>
#include <set>

#include "annotation_index.h"
#include "workspace_check.h"

namespace scholion {
namespace {

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

Change inverse(const Change& c) {
  Change r;
  r.position = c.position;
  switch (c.kind) {
    case Change::Kind::AddSpan:
      r.kind = Change::Kind::RemoveSpan;
      r.span = c.span;
      break;
    case Change::Kind::RemoveSpan:
      r.kind = Change::Kind::AddSpan;
      r.span = c.span;
      break;
    case Change::Kind::ReplaceSpan:
      r.kind = Change::Kind::ReplaceSpan;
      r.span = c.spanBefore;
      r.spanBefore = c.span;
      break;
    case Change::Kind::AddRelation:
      r.kind = Change::Kind::RemoveRelation;
      r.relation = c.relation;
      break;
    case Change::Kind::RemoveRelation:
      r.kind = Change::Kind::AddRelation;
      r.relation = c.relation;
      break;
    case Change::Kind::ReplaceRelation:
      r.kind = Change::Kind::ReplaceRelation;
      r.relation = c.relationBefore;
      r.relationBefore = c.relation;
      break;
    case Change::Kind::SetDocumentLabels:
      r.kind = Change::Kind::SetDocumentLabels;
      r.labels = c.labelsBefore;
      r.labelsBefore = c.labels;
      break;
  }
  return r;
}

// Attribute values the schema allows on a span with this label ("" = fine).
std::string attributeProblem(const Schema& schema, const std::string& label,
                             const std::string& name, const std::string& value) {
  const AttributeDef* def = schema.findAttribute(name);
  if (!def) return "unknown attribute " + quoted(name);
  if (!def->labels.empty() &&
      std::find(def->labels.begin(), def->labels.end(), label) == def->labels.end())
    return "attribute " + quoted(name) + " does not apply to " + quoted(label) + " spans";
  if (def->values.empty()) {
    if (value != "true")
      return "boolean attribute " + quoted(name) + " takes \"true\", not " + quoted(value);
  } else if (std::find(def->values.begin(), def->values.end(), value) == def->values.end()) {
    return "attribute " + quoted(name) + " has no value " + quoted(value);
  }
  return "";
}

}  // namespace

DocumentState::DocumentState(std::shared_ptr<const Document> doc, DocumentData data)
    : doc_(std::move(doc)), data_(std::move(data)), index_(std::make_unique<AnnotationIndex>()) {
  if (data_.text != doc_->text()) data_.text = doc_->text();
  data_.sha256 = doc_->sha256();
  index_->build(data_.annotations);
}

DocumentState::~DocumentState() = default;
DocumentState::DocumentState(DocumentState&&) noexcept = default;
DocumentState& DocumentState::operator=(DocumentState&&) noexcept = default;

const Span* DocumentState::span(const std::string& id) const {
  uint32_t p = index_->spanPos(id);
  return p == AnnotationIndex::kNone ? nullptr : &data_.annotations.spans[p];
}

const Relation* DocumentState::relation(const std::string& id) const {
  uint32_t p = index_->relationPos(id);
  return p == AnnotationIndex::kNone ? nullptr : &data_.annotations.relations[p];
}

void DocumentState::spansOverlapping(uint32_t start, uint32_t end,
                                     std::vector<const Span*>& out) const {
  index_->overlapping(start, end, data_.annotations.spans, out);
}

void DocumentState::spansAt(uint32_t offset, std::vector<const Span*>& out) const {
  index_->overlapping(offset, offset + 1, data_.annotations.spans, out);
}

void DocumentState::relationsOf(const std::string& spanId,
                                std::vector<const Relation*>& out) const {
  if (const auto* ids = index_->relationIdsOf(spanId))
    for (const auto& id : *ids)
      if (const Relation* r = relation(id)) out.push_back(r);
}

// Checks one change against the current state (earlier changes of the same command applied).
static Status validateChange(const DocumentState& st, const AnnotationIndex& index, const Change& c,
                             const Schema& schema) {
  const Document& doc = st.document();
  auto checkSpan = [&](const Span& s, const Span* before) -> Status {
    std::string shape = spanShapeProblem(s, doc.length());
    if (!shape.empty()) return fail("span " + quoted(s.id) + shape);
    std::string covered = coveredText(doc.text(), doc.offsets(), s);
    if (covered != s.text)
      return fail("span " + quoted(s.id) + ": text " + quoted(s.text) +
                  " differs from the document (" + quoted(covered) + ")");
    if ((!before || before->label != s.label) && !schema.findLabel(s.label))
      return fail("unknown span label " + quoted(s.label));
    for (const auto& [name, value] : s.attributes) {
      bool changed = !before || before->label != s.label || !before->attributes.count(name) ||
                     before->attributes.at(name) != value;
      if (!changed) continue;
      std::string p = attributeProblem(schema, s.label, name, value);
      if (!p.empty()) return fail(p);
    }
    return okStatus();
  };
  auto checkRelation = [&](const Relation& r, const Relation* before) -> Status {
    const Span* from = st.span(r.from);
    const Span* to = st.span(r.to);
    if (!from) return fail("relation " + quoted(r.id) + ": unknown span " + quoted(r.from));
    if (!to) return fail("relation " + quoted(r.id) + ": unknown span " + quoted(r.to));
    if (r.from == r.to) return fail("a relation needs two different spans");
    if (before && before->label == r.label && before->from == r.from && before->to == r.to)
      return okStatus();
    if (!schema.findRelation(r.label)) return fail("unknown relation type " + quoted(r.label));
    auto allowed = schema.relationsAllowed(from->label, to->label);
    bool ok = std::any_of(allowed.begin(), allowed.end(),
                          [&](const RelationType* t) { return t->name == r.label; });
    if (!ok)
      return fail("relation " + quoted(r.label) + " is not allowed from " + quoted(from->label) +
                  " to " + quoted(to->label));
    return okStatus();
  };

  switch (c.kind) {
    case Change::Kind::AddSpan:
      if (c.span.id.empty()) return fail("a span needs an id");
      if (index.hasSpanId(c.span.id))
        return fail("span id " + quoted(c.span.id) + " already exists");
      return checkSpan(c.span, nullptr);
    case Change::Kind::RemoveSpan: {
      if (!index.hasSpanId(c.span.id)) return fail("no span " + quoted(c.span.id));
      const auto* rels = index.relationIdsOf(c.span.id);
      if (rels && !rels->empty())
        return fail("span " + quoted(c.span.id) + " still has relations (" + rels->front() + ")");
      return okStatus();
    }
    case Change::Kind::ReplaceSpan: {
      const Span* before = st.span(c.spanBefore.id);
      if (!before) return fail("no span " + quoted(c.spanBefore.id));
      if (c.span.id != c.spanBefore.id) return fail("a span keeps its id when changed");
      return checkSpan(c.span, before);
    }
    case Change::Kind::AddRelation:
      if (c.relation.id.empty()) return fail("a relation needs an id");
      if (index.hasRelationId(c.relation.id))
        return fail("relation id " + quoted(c.relation.id) + " already exists");
      return checkRelation(c.relation, nullptr);
    case Change::Kind::RemoveRelation:
      if (!index.hasRelationId(c.relation.id)) return fail("no relation " + quoted(c.relation.id));
      return okStatus();
    case Change::Kind::ReplaceRelation: {
      const Relation* before = st.relation(c.relationBefore.id);
      if (!before) return fail("no relation " + quoted(c.relationBefore.id));
      if (c.relation.id != c.relationBefore.id) return fail("a relation keeps its id when changed");
      return checkRelation(c.relation, before);
    }
    case Change::Kind::SetDocumentLabels: {
      std::set<std::string> seen;
      for (const auto& l : c.labels) {
        if (!seen.insert(l).second) return fail("document label " + quoted(l) + " given twice");
        bool known = std::any_of(schema.documentLabels.begin(), schema.documentLabels.end(),
                                 [&](const DocumentLabel& d) { return d.name == l; });
        if (!known) return fail("unknown document label " + quoted(l));
      }
      if (!schema.multipleDocumentLabels && c.labels.size() > 1)
        return fail("this schema allows one document label");
      return okStatus();
    }
  }
  return fail("unknown change");
}

// Performs a change known to be valid; records positions and the exact previous values.
void DocumentState::perform(Change& c) {
  auto& spans = data_.annotations.spans;
  auto& rels = data_.annotations.relations;
  switch (c.kind) {
    case Change::Kind::AddSpan: {
      // Append, or (undoing a removal) put it back in its slot and move the occupant to the end.
      uint32_t pos = std::min<uint32_t>(c.position, static_cast<uint32_t>(spans.size()));
      if (pos < spans.size()) {
        spans.push_back(std::move(spans[pos]));
        index_->moveSpan(pos, static_cast<uint32_t>(spans.size() - 1), spans.back());
        spans[pos] = c.span;
      } else {
        spans.push_back(c.span);
      }
      c.position = pos;
      index_->addSpanAt(pos, spans[pos]);
      break;
    }
    case Change::Kind::RemoveSpan: {
      // The last span moves into the freed slot: O(1) and exactly undone by AddSpan above.
      uint32_t pos = index_->spanPos(c.span.id);
      uint32_t last = static_cast<uint32_t>(spans.size() - 1);
      c.span = std::move(spans[pos]);
      c.position = pos;
      index_->removeSpanAt(pos, c.span);
      if (pos != last) {
        spans[pos] = std::move(spans[last]);
        index_->moveSpan(last, pos, spans[pos]);
      }
      spans.pop_back();
      break;
    }
    case Change::Kind::ReplaceSpan: {
      uint32_t pos = index_->spanPos(c.spanBefore.id);
      c.spanBefore = spans[pos];
      c.position = pos;
      spans[pos] = c.span;
      index_->onSpanReplaced(pos, c.spanBefore, spans[pos]);
      break;
    }
    case Change::Kind::AddRelation: {
      uint32_t pos = std::min<uint32_t>(c.position, static_cast<uint32_t>(rels.size()));
      if (pos < rels.size()) {
        rels.push_back(std::move(rels[pos]));
        index_->moveRelation(pos, static_cast<uint32_t>(rels.size() - 1), rels.back());
        rels[pos] = c.relation;
      } else {
        rels.push_back(c.relation);
      }
      c.position = pos;
      index_->addRelationAt(pos, rels[pos]);
      break;
    }
    case Change::Kind::RemoveRelation: {
      uint32_t pos = index_->relationPos(c.relation.id);
      uint32_t last = static_cast<uint32_t>(rels.size() - 1);
      c.relation = std::move(rels[pos]);
      c.position = pos;
      index_->removeRelationAt(pos, c.relation);
      if (pos != last) {
        rels[pos] = std::move(rels[last]);
        index_->moveRelation(last, pos, rels[pos]);
      }
      rels.pop_back();
      break;
    }
    case Change::Kind::ReplaceRelation: {
      uint32_t pos = index_->relationPos(c.relationBefore.id);
      c.relationBefore = rels[pos];
      c.position = pos;
      rels[pos] = c.relation;
      index_->onRelationReplaced(pos, c.relationBefore, rels[pos]);
      break;
    }
    case Change::Kind::SetDocumentLabels:
      c.labelsBefore = data_.annotations.documentLabels;
      data_.annotations.documentLabels = c.labels;
      break;
  }
}

Status DocumentState::performAll(Command& command, const Schema& schema) {
  if (command.changes.empty()) return fail(command.description + ": nothing to change");
  for (std::size_t i = 0; i < command.changes.size(); ++i) {
    Status st = validateChange(*this, *index_, command.changes[i], schema);
    if (!st) {
      for (std::size_t j = i; j-- > 0;) {  // roll back what this command already did
        Change back = inverse(command.changes[j]);
        perform(back);
      }
      return fail((command.description.empty() ? std::string("change") : command.description) +
                  ": " + st.error());
    }
    perform(command.changes[i]);
  }
  ++revision_;
  return okStatus();
}

Status DocumentState::apply(Command command, const Schema& schema) {
  Status st = performAll(command, schema);
  if (!st) return st;
  undo_.push_back(std::move(command));
  redo_.clear();
  return okStatus();
}

Status DocumentState::applyUnrecorded(Command& command, const Schema& schema) {
  return performAll(command, schema);
}

void DocumentState::revertUnrecorded(Command& command) {
  for (std::size_t j = command.changes.size(); j-- > 0;) {
    Change back = inverse(command.changes[j]);
    perform(back);
  }
  ++revision_;
}

void DocumentState::reapplyUnrecorded(Command& command) {
  for (auto& c : command.changes) perform(c);
  ++revision_;
}

bool DocumentState::canUndo() const {
  return !undo_.empty();
}
bool DocumentState::canRedo() const {
  return !redo_.empty();
}
std::size_t DocumentState::undoDepth() const {
  return undo_.size();
}
std::size_t DocumentState::redoDepth() const {
  return redo_.size();
}

const std::string& DocumentState::undoDescription() const {
  static const std::string kNone;
  return undo_.empty() ? kNone : undo_.back().description;
}

const std::string& DocumentState::redoDescription() const {
  static const std::string kNone;
  return redo_.empty() ? kNone : redo_.back().description;
}

bool DocumentState::undo() {
  if (undo_.empty()) return false;
  Command cmd = std::move(undo_.back());
  undo_.pop_back();
  revertUnrecorded(cmd);
  redo_.push_back(std::move(cmd));
  return true;
}

bool DocumentState::redo() {
  if (redo_.empty()) return false;
  Command cmd = std::move(redo_.back());
  redo_.pop_back();
  reapplyUnrecorded(cmd);
  undo_.push_back(std::move(cmd));
  return true;
}

std::string DocumentState::nextSpanId() const {
  for (std::size_t n = data_.annotations.spans.size() + 1;; ++n) {
    std::string id = "T" + std::to_string(n);
    if (!index_->hasSpanId(id)) return id;
  }
}

std::string DocumentState::nextRelationId() const {
  for (std::size_t n = data_.annotations.relations.size() + 1;; ++n) {
    std::string id = "R" + std::to_string(n);
    if (!index_->hasRelationId(id)) return id;
  }
}

}  // namespace scholion
