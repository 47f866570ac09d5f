// Tests for UTF-8 validation/repair, the offset index and SHA-256.
#include <catch2/catch.hpp>
#include <random>

#include "text.h"

using namespace scholion;

TEST_CASE("firstInvalidUtf8 accepts valid text and reports the first bad byte", "[text]") {
  CHECK_FALSE(firstInvalidUtf8("").has_value());
  CHECK_FALSE(firstInvalidUtf8("plain ASCII").has_value());
  CHECK_FALSE(firstInvalidUtf8("Zh\xC5\xABr\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80").has_value());
  struct Case {
    std::string bytes;
    std::size_t offset;
  };
  const Case cases[] = {
      {"ab\x80", 2},               // stray continuation byte
      {"a\xC0\x80", 1},            // overlong NUL
      {"ab\xE0\x80\xAF", 2},       // overlong 3-byte
      {"\xED\xA0\x80", 0},         // UTF-16 surrogate
      {"xyz\xF4\x90\x80\x80", 3},  // above U+10FFFF
      {"ok\xE4\xB8", 2},           // truncated at end
      {"ok\xE4\xB8 more", 2},      // truncated in the middle
      {"\xFF", 0},
      {"caf\xC3\xA9\xF8\x88\x80\x80\x80", 5},  // 5-byte form
  };
  for (const auto& c : cases) {
    INFO(c.bytes.size());
    auto bad = firstInvalidUtf8(c.bytes);
    REQUIRE(bad.has_value());
    CHECK(*bad == c.offset);
  }
}

TEST_CASE("repairUtf8 replaces each bad sequence and keeps good text", "[text]") {
  CHECK(repairUtf8("abc") == "abc");
  CHECK(repairUtf8("a\xFF"
                   "b") ==
        "a\xEF\xBF\xBD"
        "b");
  // A truncated 3-byte sequence is one maximal subpart -> one replacement character.
  CHECK(repairUtf8("a\xE4\xB8"
                   "b") ==
        "a\xEF\xBF\xBD"
        "b");
  std::string repaired = repairUtf8("\xED\xA0\x80 x \xC0\xAF");
  CHECK_FALSE(firstInvalidUtf8(repaired).has_value());
  CHECK(repaired.find(" x ") != std::string::npos);
}

TEST_CASE("decodeUtf8 and appendUtf8 round-trip every plane", "[text]") {
  const uint32_t cps[] = {0x41, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xFFFD, 0x10000, 0x1F600, 0x10FFFF};
  std::string s;
  for (uint32_t c : cps) appendUtf8(s, c);
  CHECK(countCodePoints(s) == 9);
  std::size_t i = 0;
  for (uint32_t c : cps) CHECK(decodeUtf8(s, i) == c);
  CHECK(i == s.size());
  std::string sur;
  appendUtf8(sur, 0xD800);  // not encodable: becomes U+FFFD
  CHECK(sur == "\xEF\xBF\xBD");
}

TEST_CASE("OffsetIndex agrees with a brute-force walk on random mixed text", "[text]") {
  std::mt19937 rng(12345);
  const uint32_t pool[] = {'a', ' ', '\n', 0xA0, 0xE9, 0x416, 0x4E2D, 0x20AC, 0x1F600, 0x10348};
  for (int round = 0; round < 5; ++round) {
    std::string text;
    std::vector<std::size_t> byteAt, u16At;  // per code point
    std::size_t u16 = 0;
    int n = static_cast<int>(rng() % 3000);
    for (int k = 0; k < n; ++k) {
      uint32_t c = pool[rng() % 10];
      byteAt.push_back(text.size());
      u16At.push_back(u16);
      appendUtf8(text, c);
      u16 += c >= 0x10000 ? 2 : 1;
    }
    byteAt.push_back(text.size());
    u16At.push_back(u16);
    OffsetIndex idx(text);
    REQUIRE(idx.codePoints() == static_cast<std::size_t>(n));
    REQUIRE(idx.bytes() == text.size());
    REQUIRE(idx.utf16Units() == u16);
    for (int cp = 0; cp <= n; ++cp) {
      REQUIRE(idx.byteOfCp(cp) == byteAt[cp]);
      REQUIRE(idx.utf16OfCp(cp) == u16At[cp]);
      REQUIRE(idx.cpOfByte(byteAt[cp]) == static_cast<std::size_t>(cp));
      REQUIRE(idx.cpOfUtf16(u16At[cp]) == static_cast<std::size_t>(cp));
      if (cp < n && byteAt[cp + 1] - byteAt[cp] > 1)  // inside a sequence -> that code point
        REQUIRE(idx.cpOfByte(byteAt[cp] + 1) == static_cast<std::size_t>(cp));
      if (cp < n && u16At[cp + 1] - u16At[cp] == 2)  // inside a surrogate pair
        REQUIRE(idx.cpOfUtf16(u16At[cp] + 1) == static_cast<std::size_t>(cp));
    }
    // Out-of-range inputs clamp to the end.
    CHECK(idx.byteOfCp(n + 10) == text.size());
    CHECK(idx.cpOfByte(text.size() + 10) == static_cast<std::size_t>(n));
    CHECK(idx.cpOfUtf16(u16 + 5) == static_cast<std::size_t>(n));
  }
}

TEST_CASE("OffsetIndex on empty text", "[text]") {
  OffsetIndex idx("");
  CHECK(idx.codePoints() == 0);
  CHECK(idx.byteOfCp(0) == 0);
  CHECK(idx.cpOfByte(3) == 0);
  CHECK(idx.utf16OfCp(1) == 0);
}

TEST_CASE("sha256Hex matches the FIPS 180-2 test vectors", "[text][sha256]") {
  CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Lengths around the padding boundary give distinct, well-formed digests.
  std::string prev;
  for (std::size_t len = 54; len <= 66; ++len) {
    std::string h = sha256Hex(std::string(len, 'x'));
    CHECK(h.size() == 64);
    CHECK(h != prev);
    prev = h;
  }
}
