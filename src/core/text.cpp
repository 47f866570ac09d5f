// UTF-8 validation, repair, decoding and the O(log n) offset index (bytes / code points / UTF-16).
#include "text.h"

#include <algorithm>
#include <cctype>

namespace scholion {
namespace {

// Length of the well-formed UTF-8 sequence at s[i] (Unicode Table 3-7), or 0 when ill-formed.
// `subpart` receives the length of the maximal ill-formed subpart (>= 1) when ill-formed.
std::size_t wellFormedLength(std::string_view s, std::size_t i, std::size_t* subpart) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // > U+10FFFF
  } else {
    if (subpart) *subpart = 1;
    return 0;
  }
  std::size_t k = 1;
  for (; k < need; ++k) {
    if (i + k >= s.size()) break;
    unsigned char d = b(i + k);
    unsigned char l = (k == 1) ? lo : 0x80, h = (k == 1) ? hi : 0xBF;
    if (d < l || d > h) break;
  }
  if (k == need) return need;
  if (subpart) *subpart = k;
  return 0;
}

inline std::size_t seqLen(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

constexpr std::size_t kStride = 64;  // code points between checkpoints

}  // namespace

std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes) {
  std::size_t i = 0, n = bytes.size();
  while (i < n) {
    // Fast path: ASCII runs.
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = wellFormedLength(bytes, i, nullptr);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

std::string repairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0, n = bytes.size();
  while (i < n) {
    std::size_t sub = 1;
    std::size_t len = wellFormedLength(bytes, i, &sub);
    if (len) {
      out.append(bytes.data() + i, len);
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");  // one U+FFFD per maximal ill-formed subpart
      i += sub;
    }
  }
  return out;
}

uint32_t decodeUtf8(std::string_view s, std::size_t& i) {
  if (i >= s.size()) return 0;
  const auto b = [&](std::size_t k) -> uint32_t {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x80u;
  };
  uint32_t c = b(i);
  if (c < 0x80) {
    i += 1;
    return c;
  }
  if (c < 0xE0) {
    uint32_t cp = ((c & 0x1F) << 6) | (b(i + 1) & 0x3F);
    i += 2;
    return cp;
  }
  if (c < 0xF0) {
    uint32_t cp = ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
    i += 3;
    return cp;
  }
  uint32_t cp =
      ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
  i += 4;
  return cp;
}

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t countCodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

OffsetIndex::OffsetIndex(std::string_view text) : text_(text), byteCount_(text.size()) {
  cpToByte_.reserve(text.size() / kStride + 2);
  cpToU16_.reserve(text.size() / kStride + 2);
  std::size_t i = 0, cp = 0, u16 = 0;
  while (i < text.size()) {
    if (cp % kStride == 0) {
      cpToByte_.push_back(static_cast<uint32_t>(i));
      cpToU16_.push_back(static_cast<uint32_t>(u16));
    }
    std::size_t len = seqLen(static_cast<unsigned char>(text[i]));
    u16 += (len == 4) ? 2 : 1;
    i += len;
    ++cp;
  }
  if (cp % kStride == 0) {  // a checkpoint for the end keeps lookups uniform
    cpToByte_.push_back(static_cast<uint32_t>(text.size()));
    cpToU16_.push_back(static_cast<uint32_t>(u16));
  }
  cpCount_ = cp;
  u16Count_ = u16;
}

std::size_t OffsetIndex::byteOfCp(std::size_t cp) const {
  if (cp >= cpCount_) return byteCount_;
  std::size_t k = cp / kStride;
  std::size_t i = cpToByte_[k];
  for (std::size_t left = cp % kStride; left > 0; --left)
    i += seqLen(static_cast<unsigned char>(text_[i]));
  return i;
}

std::size_t OffsetIndex::cpOfByte(std::size_t byte) const {
  if (byte >= byteCount_) return cpCount_;
  auto it = std::upper_bound(cpToByte_.begin(), cpToByte_.end(), static_cast<uint32_t>(byte));
  std::size_t k = static_cast<std::size_t>(it - cpToByte_.begin()) - 1;
  std::size_t cp = k * kStride, i = cpToByte_[k];
  while (true) {
    std::size_t next = i + seqLen(static_cast<unsigned char>(text_[i]));
    if (next > byte) return cp;
    i = next;
    ++cp;
  }
}

std::size_t OffsetIndex::utf16OfCp(std::size_t cp) const {
  if (cp >= cpCount_) return u16Count_;
  std::size_t k = cp / kStride;
  std::size_t i = cpToByte_[k], u = cpToU16_[k];
  for (std::size_t left = cp % kStride; left > 0; --left) {
    std::size_t len = seqLen(static_cast<unsigned char>(text_[i]));
    u += (len == 4) ? 2 : 1;
    i += len;
  }
  return u;
}

std::size_t OffsetIndex::cpOfUtf16(std::size_t unit) const {
  if (unit >= u16Count_) return cpCount_;
  auto it = std::upper_bound(cpToU16_.begin(), cpToU16_.end(), static_cast<uint32_t>(unit));
  std::size_t k = static_cast<std::size_t>(it - cpToU16_.begin()) - 1;
  std::size_t cp = k * kStride, i = cpToByte_[k], u = cpToU16_[k];
  while (true) {
    std::size_t len = seqLen(static_cast<unsigned char>(text_[i]));
    std::size_t next = u + ((len == 4) ? 2 : 1);
    if (next > unit) return cp;
    u = next;
    i += len;
    ++cp;
  }
}

std::string asciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace scholion
