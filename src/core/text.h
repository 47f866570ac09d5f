// Text primitives: UTF-8 validation, offset conversion (bytes / code points / UTF-16), SHA-256.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scholion {

// Byte offset of the first invalid UTF-8 sequence (overlongs, surrogates, > U+10FFFF included), or
// none.
std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes);
// Replaces each invalid sequence with U+FFFD (only when the user asks for repair).
std::string repairUtf8(std::string_view bytes);
// Decodes one code point at byte offset i of valid UTF-8, advancing i.
uint32_t decodeUtf8(std::string_view s, std::size_t& i);
void appendUtf8(std::string& out, uint32_t codePoint);
std::size_t countCodePoints(std::string_view validUtf8);
// Lower-cases the ASCII letters (std::tolower byte by byte); other bytes are kept.
std::string asciiLower(std::string_view s);

// Converts offsets of one valid UTF-8 text in O(log n) using checkpoints.
class OffsetIndex {
 public:
  OffsetIndex() = default;
  explicit OffsetIndex(std::string_view validUtf8);
  std::size_t codePoints() const { return cpCount_; }
  std::size_t bytes() const { return byteCount_; }
  std::size_t utf16Units() const { return u16Count_; }
  // Out-of-range inputs clamp to the end.
  std::size_t byteOfCp(std::size_t cp) const;
  std::size_t cpOfByte(std::size_t byte) const;  // byte inside a sequence -> that code point
  std::size_t utf16OfCp(std::size_t cp) const;
  std::size_t cpOfUtf16(std::size_t unit) const;  // unit inside a surrogate pair -> that code point

 private:
  std::string_view text_;  // not owned: the owner keeps the text alive and unmoved
  std::size_t cpCount_ = 0, byteCount_ = 0, u16Count_ = 0;
  // Every kStride code points: byte offset and UTF-16 offset of that code point.
  std::vector<uint32_t> cpToByte_, cpToU16_;
};

std::string sha256Hex(std::string_view bytes);

}  // namespace scholion
