// Per-document lookup structures: id -> position maps, a length-class interval index, relations by
// span.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "model.h"

namespace scholion {

// Positions refer to AnnotationLayer::spans / ::relations; the owner changes the vectors and
// tells the index.
// Overlap queries are O(C log n + k) with C <= 33 length classes: spans are grouped by
// floor(log2(length)), each group sorted by start, so one huge span never slows queries.
class AnnotationIndex {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  void build(const AnnotationLayer& layer);

  uint32_t spanPos(const std::string& id) const;      // kNone if absent
  uint32_t relationPos(const std::string& id) const;  // kNone if absent
  bool hasSpanId(const std::string& id) const { return spanPos(id) != kNone; }
  bool hasRelationId(const std::string& id) const { return relationPos(id) != kNone; }
  std::size_t spanCount() const { return spanPos_.size(); }

  // Positions are slots: the owner removes by moving the last item into the freed slot
  // (O(1), exactly reversible), so no change ever shifts other positions.
  void addSpanAt(uint32_t pos, const Span& s);     // slot `pos` holds `s` now
  void removeSpanAt(uint32_t pos, const Span& s);  // `s` left slot `pos`
  void moveSpan(uint32_t from, uint32_t to, const Span& s);
  void onSpanReplaced(uint32_t pos, const Span& before, const Span& after);
  void addRelationAt(uint32_t pos, const Relation& r);
  void removeRelationAt(uint32_t pos, const Relation& r);
  void moveRelation(uint32_t from, uint32_t to, const Relation& r);
  void onRelationReplaced(uint32_t pos, const Relation& before, const Relation& after);

  // Appends spans whose fragments overlap [start, end) (end <= start means the point `start`),
  // ordered by start, longer first. Allocation-free when `out` has capacity.
  void overlapping(uint32_t start, uint32_t end, const std::vector<Span>& spans,
                   std::vector<const Span*>& out) const;
  // Relation ids touching a span, in insertion order (nullptr if none).
  const std::vector<std::string>* relationIdsOf(const std::string& spanId) const;

 private:
  struct Entry {
    uint32_t start, end, pos;
  };
  static int classOf(uint32_t length);
  void insertEntry(const Span& s, uint32_t pos);
  void eraseEntry(const Span& s, uint32_t pos);
  void linkRelation(const Relation& r);
  void unlinkRelation(const Relation& r);

  std::array<std::vector<Entry>, 33> classes_;
  std::unordered_map<std::string, uint32_t> spanPos_, relationPos_;
  std::unordered_map<std::string, std::vector<std::string>> relationsBySpan_;
};

}  // namespace scholion
