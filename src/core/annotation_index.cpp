// AnnotationIndex: incremental id maps and the length-class interval index.
#include "annotation_index.h"

#include <algorithm>

namespace scholion {
namespace {

bool entryLess(uint32_t s1, uint32_t p1, uint32_t s2, uint32_t p2) {
  return s1 < s2 || (s1 == s2 && p1 < p2);
}

// Does a (possibly discontinuous) span touch [a, b)?
bool touches(const Span& s, uint32_t a, uint32_t b) {
  if (s.fragments.empty()) return s.start < b && s.end > a;
  for (const auto& f : s.fragments)
    if (f.start < b && f.end > a) return true;
  return false;
}

}  // namespace

int AnnotationIndex::classOf(uint32_t length) {
  int c = 0;
  while (length > 1) {
    length >>= 1;
    ++c;
  }
  return c;
}

void AnnotationIndex::build(const AnnotationLayer& layer) {
  for (auto& c : classes_) c.clear();
  spanPos_.clear();
  relationPos_.clear();
  relationsBySpan_.clear();
  spanPos_.reserve(layer.spans.size());
  for (uint32_t i = 0; i < layer.spans.size(); ++i) {
    const Span& s = layer.spans[i];
    spanPos_.emplace(s.id, i);
    uint32_t len = s.end > s.start ? s.end - s.start : 0;
    classes_[classOf(len)].push_back(Entry{s.start, s.end, i});
  }
  for (auto& c : classes_)
    std::sort(c.begin(), c.end(), [](const Entry& x, const Entry& y) {
      return entryLess(x.start, x.pos, y.start, y.pos);
    });
  for (uint32_t i = 0; i < layer.relations.size(); ++i) {
    relationPos_.emplace(layer.relations[i].id, i);
    linkRelation(layer.relations[i]);
  }
}

uint32_t AnnotationIndex::spanPos(const std::string& id) const {
  auto it = spanPos_.find(id);
  return it == spanPos_.end() ? kNone : it->second;
}

uint32_t AnnotationIndex::relationPos(const std::string& id) const {
  auto it = relationPos_.find(id);
  return it == relationPos_.end() ? kNone : it->second;
}

void AnnotationIndex::insertEntry(const Span& s, uint32_t pos) {
  uint32_t len = s.end > s.start ? s.end - s.start : 0;
  auto& c = classes_[classOf(len)];
  auto it = std::lower_bound(
      c.begin(), c.end(), Entry{s.start, s.end, pos},
      [](const Entry& x, const Entry& y) { return entryLess(x.start, x.pos, y.start, y.pos); });
  c.insert(it, Entry{s.start, s.end, pos});
}

void AnnotationIndex::eraseEntry(const Span& s, uint32_t pos) {
  uint32_t len = s.end > s.start ? s.end - s.start : 0;
  auto& c = classes_[classOf(len)];
  auto it = std::lower_bound(
      c.begin(), c.end(), Entry{s.start, s.end, pos},
      [](const Entry& x, const Entry& y) { return entryLess(x.start, x.pos, y.start, y.pos); });
  if (it != c.end() && it->pos == pos && it->start == s.start) c.erase(it);
}

void AnnotationIndex::addSpanAt(uint32_t pos, const Span& s) {
  spanPos_[s.id] = pos;
  insertEntry(s, pos);
}

void AnnotationIndex::removeSpanAt(uint32_t pos, const Span& s) {
  eraseEntry(s, pos);
  spanPos_.erase(s.id);
}

void AnnotationIndex::moveSpan(uint32_t from, uint32_t to, const Span& s) {
  eraseEntry(s, from);
  insertEntry(s, to);
  spanPos_[s.id] = to;
}

void AnnotationIndex::onSpanReplaced(uint32_t pos, const Span& before, const Span& after) {
  if (before.start != after.start || before.end != after.end) {
    eraseEntry(before, pos);
    insertEntry(after, pos);
  }
  if (before.id != after.id) {
    spanPos_.erase(before.id);
    spanPos_[after.id] = pos;
  }
}

void AnnotationIndex::linkRelation(const Relation& r) {
  relationsBySpan_[r.from].push_back(r.id);
  if (r.to != r.from) relationsBySpan_[r.to].push_back(r.id);
}

void AnnotationIndex::unlinkRelation(const Relation& r) {
  for (const std::string* end : {&r.from, &r.to}) {
    auto it = relationsBySpan_.find(*end);
    if (it == relationsBySpan_.end()) continue;
    auto& v = it->second;
    v.erase(std::remove(v.begin(), v.end(), r.id), v.end());
    if (v.empty()) relationsBySpan_.erase(it);
  }
}

void AnnotationIndex::addRelationAt(uint32_t pos, const Relation& r) {
  relationPos_[r.id] = pos;
  linkRelation(r);
}

void AnnotationIndex::removeRelationAt(uint32_t pos, const Relation& r) {
  (void)pos;
  relationPos_.erase(r.id);
  unlinkRelation(r);
}

void AnnotationIndex::moveRelation(uint32_t from, uint32_t to, const Relation& r) {
  (void)from;
  relationPos_[r.id] = to;  // relationsBySpan_ holds ids, which do not move
}

void AnnotationIndex::onRelationReplaced(uint32_t pos, const Relation& before,
                                         const Relation& after) {
  unlinkRelation(before);
  if (before.id != after.id) {
    relationPos_.erase(before.id);
    relationPos_[after.id] = pos;
  }
  linkRelation(after);
}

void AnnotationIndex::overlapping(uint32_t a, uint32_t b, const std::vector<Span>& spans,
                                  std::vector<const Span*>& out) const {
  if (b <= a) b = a + 1;
  const std::size_t first = out.size();
  for (int c = 0; c < 33; ++c) {
    const auto& v = classes_[c];
    if (v.empty()) continue;
    // Lengths in class c are < 2^(c+1), so an overlapping span starts after a - 2^(c+1).
    uint64_t reach = (uint64_t(1) << (c + 1));
    uint32_t lo = a > reach ? static_cast<uint32_t>(a - reach) : 0;
    auto it =
        std::partition_point(v.begin(), v.end(), [lo](const Entry& e) { return e.start < lo; });
    for (; it != v.end() && it->start < b; ++it) {
      if (it->end <= a || it->pos >= spans.size()) continue;
      const Span& s = spans[it->pos];
      if (touches(s, a, b)) out.push_back(&s);
    }
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
            [](const Span* x, const Span* y) {
              if (x->start != y->start) return x->start < y->start;
              if (x->end != y->end) return x->end > y->end;
              return x < y;
            });
}

const std::vector<std::string>* AnnotationIndex::relationIdsOf(const std::string& spanId) const {
  auto it = relationsBySpan_.find(spanId);
  return it == relationsBySpan_.end() ? nullptr : &it->second;
}

}  // namespace scholion
