// Where annotators differ (passages to step through) and adjudication into a new gold layer.
#include "disagreement.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "grading.h"

namespace scholion {

namespace {

struct Tagged {
  const SpanRef* ref;
  std::size_t annotator;
};

// All spans of all layers, sorted by (extent, fragments, label, annotator).
std::vector<Tagged> allSpans(const std::vector<PreparedSpans>& prepared) {
  std::vector<Tagged> all;
  for (std::size_t a = 0; a < prepared.size(); ++a)
    for (const SpanRef& r : prepared[a].refs) all.push_back({&r, a});
  std::sort(all.begin(), all.end(), [](const Tagged& x, const Tagged& y) {
    int c = compareSpanRefs(*x.ref, *y.ref, true);
    if (c != 0) return c < 0;
    return x.annotator != y.annotator ? x.annotator < y.annotator : x.ref->index < y.ref->index;
  });
  return all;
}

bool sameChoice(const std::vector<const SpanRef*>& x, const std::vector<const SpanRef*>& y) {
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (compareSpanRefs(*x[i], *y[i], true) != 0) return false;
  return true;
}

// prepareSpans of every layer (a null layer counts as one without spans), labels numbered in `ids`.
std::vector<PreparedSpans> prepareLayers(const std::vector<const AnnotationLayer*>& layers,
                                         LabelIds& ids) {
  std::vector<PreparedSpans> prepared;
  static const AnnotationLayer kEmpty;
  for (const AnnotationLayer* l : layers)
    prepared.push_back(prepareSpans(l ? l->spans : kEmpty.spans, ids));
  return prepared;
}

}  // namespace

std::vector<DisagreementPassage> findDisagreements(
    const std::vector<const AnnotationLayer*>& layers) {
  std::vector<DisagreementPassage> out;
  const std::size_t A = layers.size();
  LabelIds ids;
  std::vector<PreparedSpans> prepared = prepareLayers(layers, ids);
  std::vector<Tagged> all = allSpans(prepared);

  std::vector<std::vector<const SpanRef*>> mine(A);
  std::size_t i = 0;
  while (i < all.size()) {
    // A cluster: spans chained by overlap of their extents (sorted by start).
    std::size_t j = i;
    uint32_t start = all[i].ref->start, end = all[i].ref->end;
    for (auto& m : mine) m.clear();
    while (j < all.size() && (all[j].ref->start < end || all[j].ref->start == start)) {
      end = std::max(end, all[j].ref->end);
      mine[all[j].annotator].push_back(all[j].ref);
      ++j;
    }
    i = j;
    // Group annotators by identical span lists (lists are in compareSpanRefs order).
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t a = 0; a < A; ++a) {
      bool placed = false;
      for (auto& g : groups)
        if (sameChoice(mine[g.front()], mine[a])) {
          g.push_back(a);
          placed = true;
          break;
        }
      if (!placed) groups.push_back({a});
    }
    if (groups.size() <= 1) continue;  // everyone agrees here
    std::stable_sort(groups.begin(), groups.end(),
                     [](const auto& x, const auto& y) { return x.size() > y.size(); });
    DisagreementPassage p;
    p.start = start;
    p.end = end;
    p.groups = std::move(groups);
    p.spans.resize(A);
    for (std::size_t a = 0; a < A; ++a) {
      std::vector<const SpanRef*> byPos = mine[a];
      for (const SpanRef* r : byPos) p.spans[a].push_back(r->index);
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::size_t passageAtOrAfter(const std::vector<DisagreementPassage>& passages, uint32_t cp) {
  // Passages are disjoint and ordered, so their ends are ordered too.
  auto it = std::partition_point(passages.begin(), passages.end(),
                                 [&](const DisagreementPassage& p) { return p.end <= cp; });
  return static_cast<std::size_t>(it - passages.begin());
}

// ---- adjudication -------------------------------------------------------------------------------

// `prefix` followed by one more than the largest number of the ids `prefix`<digits> in `items`.
template <class Item>
static std::string freshId(const std::vector<Item>& items, char prefix) {
  unsigned long long maxN = 0;
  for (const Item& x : items) {
    if (x.id.size() < 2 || x.id[0] != prefix || x.id.size() > 18) continue;
    if (!std::all_of(x.id.begin() + 1, x.id.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    maxN = std::max(maxN, std::stoull(x.id.substr(1)));
  }
  return prefix + std::to_string(maxN + 1);
}

std::string freshSpanId(const AnnotationLayer& layer) {
  return freshId(layer.spans, 'T');
}

static std::string freshRelationId(const AnnotationLayer& layer) {
  return freshId(layer.relations, 'R');
}

AnnotationLayer majorityLayer(const std::vector<const AnnotationLayer*>& layers,
                              const std::string& annotator, const Schema* schema) {
  AnnotationLayer out;
  out.annotator = annotator;
  const std::size_t A = layers.size();
  if (A == 0) return out;
  LabelIds ids;
  std::vector<PreparedSpans> prepared = prepareLayers(layers, ids);
  std::vector<Tagged> all = allSpans(prepared);
  // groupOf[a][spanIndex] = id of the identical-span group; kept groups map to new span ids.
  std::vector<std::vector<int>> groupOf(A);
  for (std::size_t a = 0; a < A; ++a) groupOf[a].assign(prepared[a].refs.size(), -1);
  std::vector<std::string> keptId;
  std::size_t i = 0;
  int group = 0;
  while (i < all.size()) {
    std::size_t j = i;
    std::set<std::size_t> voters;
    while (j < all.size() && compareSpanRefs(*all[i].ref, *all[j].ref, true) == 0) {
      voters.insert(all[j].annotator);
      groupOf[all[j].annotator][all[j].ref->index] = group;
      ++j;
    }
    std::string id;
    if (voters.size() * 2 > A) {
      Span s = layers[all[i].annotator]->spans[all[i].ref->index];
      s.id = "T" + std::to_string(out.spans.size() + 1);
      s.annotator = annotator;
      id = s.id;
      out.spans.push_back(std::move(s));
    }
    keptId.push_back(id);
    ++group;
    i = j;
  }
  // Relations: (type, from group, to group) voted by distinct layers.
  std::map<std::tuple<std::string, int, int>, std::set<std::size_t>> votes;
  std::map<std::tuple<std::string, int, int>, const Relation*> firstSeen;
  for (std::size_t a = 0; a < A; ++a) {
    if (!layers[a]) continue;
    std::unordered_map<std::string, int> spanGroup;
    for (std::size_t s = 0; s < layers[a]->spans.size(); ++s)
      spanGroup.emplace(layers[a]->spans[s].id, groupOf[a][s]);
    for (const Relation& r : layers[a]->relations) {
      auto f = spanGroup.find(r.from), t = spanGroup.find(r.to);
      if (f == spanGroup.end() || t == spanGroup.end()) continue;
      int gf = f->second, gt = t->second;
      const RelationType* type = schema ? schema->findRelation(r.label) : nullptr;
      if (type && type->symmetric && gt < gf) std::swap(gf, gt);
      auto key = std::make_tuple(r.label, gf, gt);
      votes[key].insert(a);
      firstSeen.emplace(key, &r);
    }
  }
  for (const auto& kv : votes) {
    int gf = std::get<1>(kv.first), gt = std::get<2>(kv.first);
    if (kv.second.size() * 2 <= A || keptId[gf].empty() || keptId[gt].empty()) continue;
    Relation r = *firstSeen[kv.first];
    r.id = "R" + std::to_string(out.relations.size() + 1);
    r.from = keptId[gf];
    r.to = keptId[gt];
    out.relations.push_back(std::move(r));
  }
  return out;
}

static bool overlapsRange(const Span& s, uint32_t start, uint32_t end) {
  if (s.start == s.end) return s.start >= start && s.start < end;
  return s.start < end && s.end > start;
}

AnnotationLayer acceptAnnotator(const AnnotationLayer& gold, const AnnotationLayer& source,
                                uint32_t start, uint32_t end) {
  AnnotationLayer out = gold;
  std::set<std::string> removed;
  out.spans.clear();
  for (const Span& s : gold.spans) {
    if (overlapsRange(s, start, end))
      removed.insert(s.id);
    else
      out.spans.push_back(s);
  }
  out.relations.clear();
  for (const Relation& r : gold.relations)
    if (!removed.count(r.from) && !removed.count(r.to)) out.relations.push_back(r);
  // source span id -> id in the result: copied spans, and (for relations reaching outside the
  // passage) an identical span gold already has.
  std::unordered_map<std::string, std::string> mapped;
  std::unordered_map<std::string, const Span*> sourceById;
  // Fresh ids continue after gold's, so a removed span's id is never reused for another span.
  unsigned long long nextSpan = std::stoull(freshSpanId(gold).substr(1));
  unsigned long long nextRelation = std::stoull(freshRelationId(gold).substr(1));
  for (const Span& s : source.spans) {
    sourceById.emplace(s.id, &s);
    if (!overlapsRange(s, start, end)) continue;
    Span copy = s;
    copy.id = "T" + std::to_string(nextSpan++);
    copy.annotator = gold.annotator;
    mapped.emplace(s.id, copy.id);
    out.spans.push_back(std::move(copy));
  }
  auto mapOutside = [&](const std::string& id) {
    if (mapped.count(id)) return;
    auto it = sourceById.find(id);
    if (it == sourceById.end()) return;
    for (const Span& g : out.spans)
      if (g.label == it->second->label && sameBoundaries(g, *it->second)) {
        mapped.emplace(id, g.id);
        return;
      }
  };
  for (const Relation& r : source.relations) {
    if (mapped.count(r.from)) mapOutside(r.to);
    if (mapped.count(r.to)) mapOutside(r.from);
  }
  std::set<std::tuple<std::string, std::string, std::string>> have;
  for (const Relation& r : out.relations) have.insert({r.label, r.from, r.to});
  for (const Relation& r : source.relations) {
    auto f = mapped.find(r.from), t = mapped.find(r.to);
    if (f == mapped.end() || t == mapped.end()) continue;
    if (!have.insert({r.label, f->second, t->second}).second) continue;
    Relation copy = r;
    copy.id = "R" + std::to_string(nextRelation++);
    copy.from = f->second;
    copy.to = t->second;
    out.relations.push_back(std::move(copy));
  }
  return out;
}

AnnotationLayer acceptSpan(const AnnotationLayer& gold, const Span& span) {
  AnnotationLayer out = gold;
  for (const Span& g : gold.spans)
    if (g.label == span.label && sameBoundaries(g, span)) return out;
  Span copy = span;
  copy.id = freshSpanId(gold);
  copy.annotator = gold.annotator;
  out.spans.push_back(std::move(copy));
  return out;
}

AnnotationLayer rejectSpan(const AnnotationLayer& gold, const std::string& spanId) {
  AnnotationLayer out = gold;
  out.spans.erase(std::remove_if(out.spans.begin(), out.spans.end(),
                                 [&](const Span& s) { return s.id == spanId; }),
                  out.spans.end());
  out.relations.erase(
      std::remove_if(out.relations.begin(), out.relations.end(),
                     [&](const Relation& r) { return r.from == spanId || r.to == spanId; }),
      out.relations.end());
  return out;
}

Command layerChangeCommand(const AnnotationLayer& before, const AnnotationLayer& after,
                           std::string description) {
  Command cmd;
  cmd.description = std::move(description);
  std::unordered_map<std::string, const Span*> spansAfter, spansBefore;
  std::unordered_map<std::string, const Relation*> relsAfter, relsBefore;
  for (const Span& s : after.spans) spansAfter.emplace(s.id, &s);
  for (const Span& s : before.spans) spansBefore.emplace(s.id, &s);
  for (const Relation& r : after.relations) relsAfter.emplace(r.id, &r);
  for (const Relation& r : before.relations) relsBefore.emplace(r.id, &r);
  auto push = [&cmd](Change::Kind kind) -> Change& {
    cmd.changes.emplace_back();
    cmd.changes.back().kind = kind;
    return cmd.changes.back();
  };
  for (const Relation& r : before.relations) {
    auto it = relsAfter.find(r.id);
    if (it == relsAfter.end() || !(*it->second == r))
      push(Change::Kind::RemoveRelation).relation = r;
  }
  for (const Span& s : before.spans)
    if (!spansAfter.count(s.id)) push(Change::Kind::RemoveSpan).span = s;
  for (const Span& s : after.spans) {
    auto it = spansBefore.find(s.id);
    if (it == spansBefore.end() || *it->second == s) continue;
    Change& c = push(Change::Kind::ReplaceSpan);
    c.spanBefore = *it->second;
    c.span = s;
  }
  for (const Span& s : after.spans)
    if (!spansBefore.count(s.id)) push(Change::Kind::AddSpan).span = s;
  for (const Relation& r : after.relations) {
    auto it = relsBefore.find(r.id);
    if (it == relsBefore.end() || !(*it->second == r)) push(Change::Kind::AddRelation).relation = r;
  }
  return cmd;
}

}  // namespace scholion
