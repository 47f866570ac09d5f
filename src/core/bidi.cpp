// UAX #9 bidi: class lookup over generated tables, weak and neutral type resolution, L1 and L2.
#include "bidi.h"

#include <algorithm>
#include <iterator>

#include "unicode_ranges.h"

namespace scholion {
namespace {

const ClassRange kRanges[] = {
#include "bidi_tables.inc"
};

using C = BidiClass;

bool isStrong(C c) {
  return c == C::L || c == C::R || c == C::AL;
}

bool isNeutral(C c) {
  return c == C::B || c == C::S || c == C::WS || c == C::ON || c == C::BN || c == C::LRE ||
         c == C::LRO || c == C::RLE || c == C::RLO || c == C::PDF || c == C::LRI || c == C::RLI ||
         c == C::FSI || c == C::PDI;
}

bool isIsolateInitiator(C c) {
  return c == C::LRI || c == C::RLI || c == C::FSI;
}

// Whitespace for L1: WS, isolate controls and what X9 removes.
bool isL1Space(C c) {
  return c == C::WS || c == C::BN || isIsolateInitiator(c) || c == C::PDI || c == C::LRE ||
         c == C::LRO || c == C::RLE || c == C::RLO || c == C::PDF;
}

// Direction a class counts as for N1 (EN and AN count as R); L otherwise.
C strongOf(C c) {
  return c == C::L ? C::L : C::R;
}

}  // namespace

BidiClass bidiClass(uint32_t cp) {
  return static_cast<C>(rangeClass(kRanges, cp, static_cast<uint8_t>(C::L)));
}

bool isRtlTrigger(uint32_t cp) {
  if (cp < 0x0590) return false;
  C c = bidiClass(cp);
  return c == C::R || c == C::AL || c == C::AN || c == C::RLE || c == C::RLO || c == C::RLI;
}

uint8_t paragraphLevel(const BidiClass* cls, std::size_t n, uint8_t fallback) {
  int isolate = 0;
  for (std::size_t i = 0; i < n; ++i) {
    C c = cls[i];
    if (isIsolateInitiator(c)) {
      ++isolate;
    } else if (c == C::PDI) {
      if (isolate > 0) --isolate;
    } else if (isolate == 0 && isStrong(c)) {
      return c == C::L ? 0 : 1;
    }
  }
  return fallback;
}

void resolveLevels(const BidiClass* cls, std::size_t n, uint8_t para, BidiClass* t,
                   uint8_t* levels) {
  const C sos = (para & 1) ? C::R : C::L;
  if (t != cls) std::copy(cls, cls + n, t);
  // W1: marks (and, without X9, boundary neutrals) take the type of what precedes them.
  C prev = sos;
  for (std::size_t i = 0; i < n; ++i) {
    if (t[i] == C::NSM || t[i] == C::BN) {
      t[i] = isIsolateInitiator(prev) || prev == C::PDI ? C::ON : prev;
      if (t[i] == C::BN) t[i] = C::ON;
    }
    prev = t[i];
  }
  // W2: European numbers after Arabic letters are Arabic numbers. W3: AL is R.
  C strong = sos;
  for (std::size_t i = 0; i < n; ++i) {
    if (t[i] == C::EN && strong == C::AL) t[i] = C::AN;
    if (isStrong(t[i])) strong = t[i];
  }
  for (std::size_t i = 0; i < n; ++i)
    if (t[i] == C::AL) t[i] = C::R;
  // W4: one separator between two numbers of the same kind joins them.
  for (std::size_t i = 1; i + 1 < n; ++i) {
    if (t[i] == C::ES && t[i - 1] == C::EN && t[i + 1] == C::EN) t[i] = C::EN;
    if (t[i] == C::CS && t[i - 1] == C::EN && t[i + 1] == C::EN) t[i] = C::EN;
    if (t[i] == C::CS && t[i - 1] == C::AN && t[i + 1] == C::AN) t[i] = C::AN;
  }
  // W5: terminators (currency, %) next to European numbers are European numbers.
  for (std::size_t i = 0; i < n;) {
    if (t[i] != C::ET) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && t[j] == C::ET) ++j;
    if ((i > 0 && t[i - 1] == C::EN) || (j < n && t[j] == C::EN)) std::fill(t + i, t + j, C::EN);
    i = j;
  }
  // W6: the separators and terminators left are neutrals.
  for (std::size_t i = 0; i < n; ++i)
    if (t[i] == C::ES || t[i] == C::ET || t[i] == C::CS) t[i] = C::ON;
  // W7: European numbers in left-to-right context are L.
  strong = sos;
  for (std::size_t i = 0; i < n; ++i) {
    if (t[i] == C::EN && strong == C::L) t[i] = C::L;
    if (t[i] == C::L || t[i] == C::R) strong = t[i];
  }
  // N1/N2: a run of neutrals between two of the same direction takes it, else the paragraph's.
  for (std::size_t i = 0; i < n;) {
    if (!isNeutral(t[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && isNeutral(t[j])) ++j;
    C before = i > 0 ? strongOf(t[i - 1]) : sos;
    C after = j < n ? strongOf(t[j]) : sos;
    std::fill(t + i, t + j, before == after ? before : sos);
    i = j;
  }
  // I1/I2.
  for (std::size_t i = 0; i < n; ++i) {
    uint8_t lv = para;
    if ((para & 1) == 0) {
      if (t[i] == C::R)
        lv += 1;
      else if (t[i] == C::AN || t[i] == C::EN)
        lv += 2;
    } else if (t[i] == C::L || t[i] == C::EN || t[i] == C::AN) {
      lv += 1;
    }
    levels[i] = lv;
  }
}

void resetWhitespaceLevels(const BidiClass* cls, std::size_t n, uint8_t para, uint8_t* levels) {
  bool trailing = true;  // at the end of the line, or before a separator
  for (std::size_t i = n; i-- > 0;) {
    C c = cls[i];
    if (c == C::S || c == C::B) {
      levels[i] = para;
      trailing = true;
    } else if (trailing && isL1Space(c)) {
      levels[i] = para;
    } else {
      trailing = false;
    }
  }
}

void visualOrder(const uint8_t* levels, std::size_t n, uint32_t* order) {
  uint8_t hi = 0, lowOdd = 255;
  for (std::size_t i = 0; i < n; ++i) {
    order[i] = static_cast<uint32_t>(i);
    hi = std::max(hi, levels[i]);
    if (levels[i] & 1) lowOdd = std::min(lowOdd, levels[i]);
  }
  // From the highest level down to the lowest odd one, reverse every run at that level or above.
  for (int lv = hi; lv >= lowOdd && lv > 0; --lv) {
    for (std::size_t i = 0; i < n;) {
      if (levels[order[i]] < lv) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < n && levels[order[j]] >= lv) ++j;
      std::reverse(order + i, order + j);
      i = j;
    }
  }
}

uint32_t mirrored(uint32_t c) {
  switch (c) {
    case '(':
      return ')';
    case ')':
      return '(';
    case '[':
      return ']';
    case ']':
      return '[';
    case '{':
      return '}';
    case '}':
      return '{';
    case '<':
      return '>';
    case '>':
      return '<';
    case 0xAB:
      return 0xBB;
    case 0xBB:
      return 0xAB;
    case 0x2039:
      return 0x203A;
    case 0x203A:
      return 0x2039;
    default:
      return c;
  }
}

}  // namespace scholion
