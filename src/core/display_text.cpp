// Display forms of widget strings: Arabic joining over generated tables, then bidi reordering.
#include "display_text.h"

#include <algorithm>

#include "bidi.h"
#include "text.h"
#include "unicode_ranges.h"

namespace scholion {
namespace {

enum class JoiningType : uint8_t { U, R, L, D, C, T };

const ClassRange kJoining[] = {
#define SCHOLION_JOINING_TYPES
#include "arabic_tables.inc"
#undef SCHOLION_JOINING_TYPES
};

struct Forms {
  uint32_t base, isolated, final, initial, medial;
};
const Forms kForms[] = {
#define SCHOLION_ARABIC_FORMS
#include "arabic_tables.inc"
#undef SCHOLION_ARABIC_FORMS
};

struct LamAlef {
  uint32_t alef, isolated, final;
};
const LamAlef kLamAlef[] = {
#define SCHOLION_LAM_ALEF
#include "arabic_tables.inc"
#undef SCHOLION_LAM_ALEF
};

constexpr uint32_t kLam = 0x0644;

JoiningType joiningType(uint32_t cp) {
  if (cp < 0x0300) return JoiningType::U;
  return static_cast<JoiningType>(rangeClass(kJoining, cp, 0));
}

template <typename T, std::size_t N>
const T* findByKey(const T (&table)[N], uint32_t key, uint32_t T::*field) {
  const T* it = std::lower_bound(table, table + N, key,
                                 [field](const T& row, uint32_t k) { return row.*field < k; });
  return it != table + N && (*it).*field == key ? it : nullptr;
}

bool joinsForward(JoiningType t) {  // can connect to the letter after it
  return t == JoiningType::D || t == JoiningType::L || t == JoiningType::C;
}
bool joinsBackward(JoiningType t) {  // can connect to the letter before it
  return t == JoiningType::D || t == JoiningType::R || t == JoiningType::C;
}

uint32_t pick(const Forms& f, bool prev, bool next) {
  uint32_t c = 0;
  if (prev && next) c = f.medial;
  if (!c && prev) c = f.final;
  if (!c && next && !prev) c = f.initial;
  if (!c) c = f.isolated;
  return c ? c : f.base;
}

}  // namespace

bool mayBeRtl(std::string_view s) {
  for (char ch : s)
    if (static_cast<unsigned char>(ch) >= 0xD6) return true;  // U+0590 and above
  return false;
}

void shapeArabic(std::vector<uint32_t>& cps) {
  const std::size_t n = cps.size();
  std::vector<JoiningType> jt(n);
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    jt[i] = joiningType(cps[i]);
    any = any || jt[i] == JoiningType::D || jt[i] == JoiningType::R || jt[i] == JoiningType::L;
  }
  if (!any) return;
  std::vector<uint32_t> out;
  out.reserve(n);
  JoiningType prev = JoiningType::U;  // the last letter that is not transparent
  for (std::size_t i = 0; i < n; ++i) {
    const JoiningType t = jt[i];
    if (t == JoiningType::T) {
      out.push_back(cps[i]);
      continue;
    }
    std::size_t k = i + 1;
    while (k < n && jt[k] == JoiningType::T) ++k;
    const JoiningType next = k < n ? jt[k] : JoiningType::U;
    const bool joinPrev = joinsBackward(t) && joinsForward(prev);
    const bool joinNext = joinsForward(t) && joinsBackward(next);
    const LamAlef* la = cps[i] == kLam && k == i + 1 && k < n
                            ? findByKey(kLamAlef, cps[k], &LamAlef::alef)
                            : nullptr;
    if (la) {
      out.push_back(joinPrev ? la->final : la->isolated);
      prev = jt[k];  // the alef: joins nothing after it
      i = k;
      continue;
    }
    const Forms* f = (t == JoiningType::U || t == JoiningType::C)
                         ? nullptr
                         : findByKey(kForms, cps[i], &Forms::base);
    out.push_back(f ? pick(*f, joinPrev, joinNext) : cps[i]);
    prev = t;
  }
  cps.swap(out);
}

void displayUnits(std::string_view logical, PieceMap* pieces, DisplayUnits& u) {
  u.cps.clear();
  u.cls.clear();
  u.rtl = u.pieces = false;
  u.cps.reserve(logical.size());
  for (std::size_t i = 0; i < logical.size();) {
    const std::size_t end = pieces ? pieces->pieceEnd(logical, i) : 0;
    if (end > i) {
      std::size_t j = i;
      const uint32_t first = decodeUtf8(logical, j);
      u.rtl = u.rtl || isRtlTrigger(first);
      u.pieces = true;
      u.cps.push_back(pieces->glyphFor(logical.substr(i, end - i)));
      u.cls.push_back(bidiClass(first));
      i = end;
      continue;
    }
    const uint32_t c = decodeUtf8(logical, i);
    u.rtl = u.rtl || isRtlTrigger(c);
    u.cps.push_back(c);
    u.cls.push_back(bidiClass(c));
  }
  if (pieces || !u.rtl) return;
  // Arabic joining, line by line (joining never crosses a line); it may merge lam-alef pairs.
  std::vector<uint32_t> line, all;
  all.reserve(u.cps.size());
  for (std::size_t b = 0; b <= u.cps.size();) {
    std::size_t e = b;
    while (e < u.cps.size() && u.cps[e] != '\n') ++e;
    line.assign(u.cps.begin() + static_cast<std::ptrdiff_t>(b),
                u.cps.begin() + static_cast<std::ptrdiff_t>(e));
    shapeArabic(line);
    all.insert(all.end(), line.begin(), line.end());
    if (e < u.cps.size()) all.push_back('\n');
    b = e + 1;
  }
  u.cps.swap(all);
  u.cls.resize(u.cps.size());
  for (std::size_t k = 0; k < u.cps.size(); ++k) u.cls[k] = bidiClass(u.cps[k]);
}

uint8_t paragraphLevelAt(const DisplayUnits& u, std::size_t b) {
  std::size_t e = b;
  while (e < u.cps.size() && u.cps[e] != '\n') ++e;
  return b < e ? paragraphLevel(u.cls.data() + b, e - b, 0) : 0;
}

void appendVisualLine(const DisplayUnits& u, std::size_t b, std::size_t e, int paraLevel,
                      std::string& out) {
  const std::size_t n = e > b ? e - b : 0;
  const uint32_t* cps = u.cps.data() + b;
  const BidiClass* cls = u.cls.data() + b;
  std::vector<BidiClass> work(n);
  std::vector<uint8_t> levels(n);
  std::vector<uint32_t> order(n);
  const uint8_t para =
      paraLevel < 0 ? paragraphLevel(cls, n, 0) : static_cast<uint8_t>(paraLevel & 1);
  resolveLevels(cls, n, para, work.data(), levels.data());
  resetWhitespaceLevels(cls, n, para, levels.data());
  visualOrder(levels.data(), n, order.data());
  for (std::size_t v = 0; v < n;) {
    const uint32_t at = order[v];
    // L3: marks of a right-to-left run come before their base in visual order; draw the base
    // first so a zero-width mark lands on it.
    if (levels[at] % 2 == 1 && cls[at] == BidiClass::NSM) {
      std::size_t k = v;
      while (k < n && levels[order[k]] % 2 == 1 && cls[order[k]] == BidiClass::NSM) ++k;
      if (k < n && levels[order[k]] % 2 == 1) {
        appendUtf8(out, mirrored(cps[order[k]]));
        for (std::size_t m = v; m < k; ++m) appendUtf8(out, cps[order[m]]);
        v = k + 1;
        continue;
      }
    }
    appendUtf8(out, levels[at] % 2 == 1 ? mirrored(cps[at]) : cps[at]);
    ++v;
  }
}

bool displayText(std::string_view logical, std::string& out, PieceMap* pieces) {
  if (!pieces && !mayBeRtl(logical)) return false;
  DisplayUnits u;
  displayUnits(logical, pieces, u);
  if (!u.rtl && !u.pieces) return false;
  out.clear();
  out.reserve(logical.size() + 8);
  for (std::size_t b = 0; b <= u.cps.size();) {
    std::size_t e = b;
    while (e < u.cps.size() && u.cps[e] != '\n') ++e;
    if (u.rtl) {
      appendVisualLine(u, b, e, -1, out);
    } else {
      for (std::size_t k = b; k < e; ++k) appendUtf8(out, u.cps[k]);
    }
    if (e < u.cps.size()) out.push_back('\n');
    b = e + 1;
  }
  return true;
}

const DisplayTextCache::Entry& DisplayTextCache::get(std::string_view logical, bool* created,
                                                     PieceMap* pieces) {
  auto it = index_.find(logical);
  if (it != index_.end()) {
    if (created) *created = false;
    return it->second->second;
  }
  entries_.emplace_back(std::string(logical), Entry{});
  auto& e = entries_.back();
  e.second.changed = displayText(e.first, e.second.display, pieces);
  index_.emplace(std::string_view(e.first), &e);
  if (created) *created = true;
  return e.second;
}

void DisplayTextCache::clear() {
  index_.clear();
  entries_.clear();
}

}  // namespace scholion
