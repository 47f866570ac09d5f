// A raw DEFLATE decoder written from RFC 1951: canonical Huffman codes decoded a bit at a time.
#include "inflate.h"

#include <array>
#include <cstdint>

namespace scholion {
namespace {

constexpr int kMaxBits = 15;     // longest code (3.2.7)
constexpr int kMaxLitLen = 286;  // literal/length symbols that can occur in a stream
constexpr int kMaxDist = 30;     // distance symbols that can occur
constexpr int kFixedLitLen = 288;

constexpr std::array<uint16_t, 29> kLengthBase = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                                  15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                                  67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<uint8_t, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                  2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<uint16_t, 30> kDistBase = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<uint8_t, 30> kDistExtra = {0, 0, 0,  0,  1,  1,  2,  2,  3,  3,
                                                4, 4, 5,  5,  6,  6,  7,  7,  8,  8,
                                                9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order code length code lengths are sent in (3.2.7).
constexpr std::array<uint8_t, 19> kCodeLengthOrder = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                      11, 4,  12, 3, 13, 2, 14, 1, 15};

// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
  std::array<uint16_t, kMaxBits + 1> count{};
  std::array<uint16_t, kFixedLitLen> symbol{};
  int maxLen = 0;  // no code is longer: an incomplete code's unused patterns end there
};

// Builds `h` from code lengths. Returns 0 for a complete code (or no codes at all), > 0 for an
// incomplete one, < 0 for an over-subscribed one (more codes than the lengths leave room for).
int buildHuffman(Huffman& h, const uint8_t* lengths, int n) {
  h.count.fill(0);
  h.maxLen = 0;
  for (int s = 0; s < n; ++s) {
    ++h.count[lengths[s]];
    if (lengths[s] > h.maxLen) h.maxLen = lengths[s];
  }
  if (h.count[0] == n) return 0;
  int left = 1;
  for (int len = 1; len <= kMaxBits; ++len) {
    left <<= 1;
    left -= h.count[len];
    if (left < 0) return left;
  }
  std::array<uint16_t, kMaxBits + 1> offs{};
  for (int len = 1; len < kMaxBits; ++len) offs[len + 1] = offs[len] + h.count[len];
  for (int s = 0; s < n; ++s)
    if (lengths[s] != 0) h.symbol[offs[lengths[s]]++] = static_cast<uint16_t>(s);
  return left;
}

class Inflater {
 public:
  Inflater(std::string_view in, std::size_t maxOut) : in_(in), maxOut_(maxOut) {}

  Result<std::string> run(std::size_t* consumed) {
    bool last = false;
    // Every block reads at least three bits, so this ends when the input does.
    while (!last && error_.empty()) {
      last = bits(1) == 1;
      const uint32_t type = bits(2);
      if (!error_.empty()) break;
      if (type == 0)
        stored();
      else if (type == 1)
        fixed();
      else if (type == 2)
        dynamic();
      else
        setError("invalid block type 3");
    }
    if (!error_.empty()) return fail("deflate: " + error_);
    if (consumed) *consumed = pos_;
    return std::move(out_);
  }

 private:
  std::string_view in_;
  std::size_t maxOut_;
  std::size_t pos_ = 0;  // next byte of in_ to load into bitBuf_
  uint32_t bitBuf_ = 0;
  int bitCount_ = 0;
  std::string out_;
  std::string error_;  // the first problem; once set, every read returns 0

  void setError(const std::string& what) {
    if (error_.empty()) error_ = what + " (at byte " + std::to_string(pos_) + ")";
  }

  // The next `n` (<= 16) bits, least significant first; 0 and an error past the end.
  uint32_t bits(int n) {
    while (bitCount_ < n) {
      if (pos_ >= in_.size()) {
        setError("truncated input");
        return 0;
      }
      bitBuf_ |= static_cast<uint32_t>(static_cast<unsigned char>(in_[pos_++])) << bitCount_;
      bitCount_ += 8;
    }
    const uint32_t v = bitBuf_ & ((1u << n) - 1);
    bitBuf_ >>= n;
    bitCount_ -= n;
    return v;
  }

  // One symbol of `h`, or -1 (with an error set) for a bit pattern that is no code.
  int decode(const Huffman& h) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= h.maxLen; ++len) {
      code |= static_cast<int>(bits(1));
      if (!error_.empty()) return -1;
      const int count = h.count[len];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    setError("invalid Huffman code");
    return -1;
  }

  bool room(std::size_t n) {
    if (n <= maxOut_ - out_.size()) return true;
    setError("output exceeds " + std::to_string(maxOut_) + " bytes");
    return false;
  }

  void stored() {
    bitBuf_ = 0;  // skip to the byte boundary
    bitCount_ = 0;
    if (in_.size() - pos_ < 4) return setError("truncated stored block header");
    auto byte = [&](std::size_t i) {
      return static_cast<uint32_t>(static_cast<unsigned char>(in_[i]));
    };
    const uint32_t len = byte(pos_) | (byte(pos_ + 1) << 8);
    const uint32_t nlen = byte(pos_ + 2) | (byte(pos_ + 3) << 8);
    if ((len ^ 0xFFFFu) != nlen) return setError("stored block length check failed");
    pos_ += 4;
    if (in_.size() - pos_ < len) return setError("truncated stored block");
    if (!room(len)) return;
    out_.append(in_.substr(pos_, len));
    pos_ += len;
  }

  void codes(const Huffman& lit, const Huffman& dist) {
    for (;;) {
      const int sym = decode(lit);
      if (sym < 0) return;
      if (sym < 256) {
        if (!room(1)) return;
        out_.push_back(static_cast<char>(sym));
        continue;
      }
      if (sym == 256) return;  // end of block
      const int li = sym - 257;
      if (li >= static_cast<int>(kLengthBase.size())) return setError("invalid length symbol");
      const std::size_t len = kLengthBase[li] + bits(kLengthExtra[li]);
      const int di = decode(dist);
      if (di < 0) return;
      if (di >= kMaxDist) return setError("invalid distance symbol");
      const std::size_t d = kDistBase[di] + bits(kDistExtra[di]);
      if (!error_.empty()) return;
      if (d > out_.size()) return setError("distance too far back");
      if (!room(len)) return;
      // Byte by byte: the copy may overlap what it writes (distance < length repeats a run).
      const std::size_t at = out_.size();
      out_.resize(at + len);
      for (std::size_t i = 0; i < len; ++i) out_[at + i] = out_[at + i - d];
    }
  }

  void fixed() {
    static const std::array<Huffman, 2> tables = [] {
      std::array<Huffman, 2> t;
      std::array<uint8_t, kFixedLitLen> l{};
      for (int s = 0; s < kFixedLitLen; ++s) l[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
      buildHuffman(t[0], l.data(), kFixedLitLen);
      l.fill(5);
      buildHuffman(t[1], l.data(), kMaxDist);  // incomplete: codes 30 and 31 are invalid
      return t;
    }();
    codes(tables[0], tables[1]);
  }

  void dynamic() {
    const int nlen = static_cast<int>(bits(5)) + 257;
    const int ndist = static_cast<int>(bits(5)) + 1;
    const int ncode = static_cast<int>(bits(4)) + 4;
    if (!error_.empty()) return;
    if (nlen > kMaxLitLen || ndist > kMaxDist) return setError("too many length or distance codes");
    std::array<uint8_t, kMaxLitLen + kMaxDist> lengths{};
    for (int i = 0; i < ncode; ++i) lengths[kCodeLengthOrder[i]] = static_cast<uint8_t>(bits(3));
    if (!error_.empty()) return;
    Huffman lencode;
    if (buildHuffman(lencode, lengths.data(), 19) != 0)
      return setError("incomplete or over-subscribed code length code");
    lengths.fill(0);
    int index = 0;
    while (index < nlen + ndist) {
      const int sym = decode(lencode);
      if (sym < 0) return;
      if (sym < 16) {
        lengths[index++] = static_cast<uint8_t>(sym);
        continue;
      }
      uint8_t len = 0;
      int repeat = 0;
      if (sym == 16) {
        if (index == 0) return setError("repeat with no previous length");
        len = lengths[index - 1];
        repeat = 3 + static_cast<int>(bits(2));
      } else if (sym == 17) {
        repeat = 3 + static_cast<int>(bits(3));
      } else {
        repeat = 11 + static_cast<int>(bits(7));
      }
      if (!error_.empty()) return;
      if (index + repeat > nlen + ndist) return setError("too many code lengths");
      while (repeat--) lengths[index++] = len;
    }
    if (lengths[256] == 0) return setError("no end-of-block code");
    Huffman lit, dist;
    // An incomplete code is allowed only when it has a single code (RFC 1951 3.2.7, as zlib).
    int left = buildHuffman(lit, lengths.data(), nlen);
    if (left < 0 || (left > 0 && nlen - lit.count[0] != 1))
      return setError("bad literal/length code lengths");
    left = buildHuffman(dist, lengths.data() + nlen, ndist);
    if (left < 0 || (left > 0 && ndist - dist.count[0] != 1))
      return setError("bad distance code lengths");
    codes(lit, dist);
  }
};

}  // namespace

Result<std::string> inflateRaw(std::string_view in, std::size_t maxOut, std::size_t* consumed) {
  return Inflater(in, maxOut).run(consumed);
}

}  // namespace scholion
