// Code point classes used by the tokenizer and sentence splitter (spaces, letters, punctuation...).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace scholion {

enum class CharClass : uint8_t { Space, Letter, Digit, Ideograph, Punct, Symbol };

// Coarse classification that needs no Unicode tables: ASCII exactly, the common punctuation,
// symbol and space blocks by range, CJK ideographs apart, everything else a letter.
inline CharClass classify(uint32_t c) {
  if (c < 0x80) {
    if (c <= 0x20 || c == 0x7F) return CharClass::Space;  // controls count as separators
    if (c >= '0' && c <= '9') return CharClass::Digit;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::Letter;
    switch (c) {
      case '$':
      case '%':
      case '+':
      case '=':
      case '<':
      case '>':
      case '^':
      case '`':
      case '|':
      case '~':
      case '@':
      case '#':
      case '&':
      case '*':
      case '/':
      case '\\':
        return CharClass::Symbol;
      default:
        return CharClass::Punct;
    }
  }
  if (c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
      c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || c < 0xA0)
    return CharClass::Space;  // includes no-break, thin, ideographic and zero-width spaces
  if (c <= 0xBF) {
    if (c == 0xAA || c == 0xB5 || c == 0xBA) return CharClass::Letter;
    if (c == 0xA1 || c == 0xA7 || c == 0xAB || c == 0xB6 || c == 0xB7 || c == 0xBB || c == 0xBF)
      return CharClass::Punct;
    return CharClass::Symbol;  // ¢ £ ¥ © ® ° ± ...
  }
  if (c == 0xD7 || c == 0xF7) return CharClass::Symbol;
  if (c >= 0x2010 && c <= 0x205E) return CharClass::Punct;   // dashes, quotes, bullets, ellipsis
  if (c >= 0x20A0 && c <= 0x20CF) return CharClass::Symbol;  // currency
  if (c >= 0x2100 && c <= 0x2BFF) return CharClass::Symbol;  // letterlike, arrows, math, shapes
  if (c >= 0x3001 && c <= 0x303F) return CharClass::Punct;   // CJK punctuation
  if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF))
    return CharClass::Ideograph;
  if ((c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFE50 && c <= 0xFE6F)) return CharClass::Punct;
  if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
      (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65))
    return CharClass::Punct;  // fullwidth punctuation
  if (c >= 0xFF10 && c <= 0xFF19) return CharClass::Digit;
  if (c >= 0x1F000 && c <= 0x1FAFF) return CharClass::Symbol;  // emoji and pictographs
  if (c >= 0xE000 && c <= 0xF8FF) return CharClass::Symbol;    // private use
  return CharClass::Letter;  // letters of every script, combining marks
}

// Scripts written without spaces between words whose tokens are single characters (grapheme
// clusters): kana, Thai, Lao, Khmer, Myanmar (Han ideographs are CharClass::Ideograph).
inline bool isCharacterTokenScript(uint32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
         (c >= 0xFF66 && c <= 0xFF9F) || (c >= 0x0E00 && c <= 0x0EFF) ||
         (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF);
}

inline bool isUpperStart(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}

// Every code point of valid UTF-8 text (tokenizer.cpp).
std::vector<uint32_t> decodeAll(std::string_view validUtf8);

}  // namespace scholion
