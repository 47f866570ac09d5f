// Tests of the DEFLATE decoder and the .zip reader: zlib/zipfile vectors, round trips, bad input.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "formats.h"
#include "inflate.h"
#include "zip_reader.h"
#include "zip_writer.h"

using namespace scholion;

namespace {

std::string unhex(const char* hex) {
  std::string out;
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  for (const char* p = hex; p[0] && p[1]; p += 2)
    out.push_back(static_cast<char>(nibble(p[0]) * 16 + nibble(p[1])));
  return out;
}

// Python: zlib.compressobj(9, zlib.DEFLATED, -15) of b"Hello, Scholion! Hello, brat." (one
// fixed-Huffman block; "Hello, " comes back as a match).
constexpr const char* kFixedHex = "f348cdc9c9d751084ecec8cfc9cccf5354f0800824152596e80100";

// The same at level 0: one stored block of b"stored block text, level zero.\n".
constexpr const char* kStoredHex =
    "011f00e0ff73746f72656420626c6f636b20746578742c206c6576656c207a65726f2e0a";

// Level 9 of 1701 bytes: 700 bytes of random words, 300 'A's (a literal, then a length-258 match at
// distance 1), the same 700 bytes again (matches at distance 1000 > 258) and "\n". One dynamic
// block; CRC-32 0xf2eabc68.
constexpr const char* kDynamicHex =
    "ed533b0ec2300cdd7d8a9c207760666067ab504a23a52d6a83b83e79b6e384018915a995aa3af6f37bfe3469c861"
    "739739dc0797c2985d9e82bbaec1cd21bbf31ad202cb5362dc2be689a312898b41915b5060c0312e1d017b0144ba"
    "278d4308af71b22110cb5005e1912a4f2569d955505c56a7702842bc906094089b08070abd3466c57abaaddbe3b9"
    "37362bad80c775439ea7ae312140845130c42565788ab572658e5f4af5d472150a8742188e3c5e47a7afbbebf6c8"
    "343a414fe8b3ed826904fca1c4074fd682192a59cb282e1b5165c684d4a51f05f3a86cd85d3355b4fe70aa0ea236"
    "0369c6fa46801b2af3139ad3f1fcfca4e39e1ff7fc4fef39bd01";

// Python zipfile, ZIP_DEFLATED: "corpus/" (a folder entry), corpus/story.txt, corpus/story.ann,
// __MACOSX/corpus/._story.txt, corpus/._story.ann and annotation.conf, all deflated.
constexpr const char* kPythonZipHex =
    "504b030414000000080049bb7b5d00000000020000000000000007000000636f727075732f0300504b0304140000"
    "00080049bb7b5d18bf1b5e330000004c00000010000000636f727075732f73746f72792e7478748bca3fbc5a2137"
    "b544e1dcca737bcead3db7f9dc4685cc3c857313cfed38b7eedcde731bf514a2b028494c4f04aa4255c80500504b"
    "030414000000080049bb7b5d90eff273320000003000000010000000636f727075732f73746f72792e616e6e0b31"
    "e40c482d2acecf53305030e68cca3fbc9a2bc488d3273f39b12413286868ae6064c4796ee2b91de7d69ddb7b6e23"
    "1700504b030414000000080049bb7b5d7d8e0a770a000000080000001b0000005f5f4d41434f53582f636f727075"
    "732f2e5f73746f72792e74787463601563cf2acdcb0600504b030414000000080049bb7b5d7d8e0a770a00000008"
    "00000012000000636f727075732f2e5f73746f72792e616e6e63601563cf2acdcb0600504b030414000000080049"
    "bb7b5d6d782ff336000000400000000f000000616e6e6f746174696f6e2e636f6e668b4ecd2bc92cc94c2d8ee50a"
    "482d2acecfe3f2c94f4e2cc90432b8a28b5273c04ca02457746a19502998955852529499545a02d20400504b0102"
    "140314000000080049bb7b5d000000000200000000000000070000000000000000001000fd4100000000636f7270"
    "75732f504b0102140314000000080049bb7b5d18bf1b5e330000004c000000100000000000000000000000800127"
    "000000636f727075732f73746f72792e747874504b0102140314000000080049bb7b5d90eff27332000000300000"
    "00100000000000000000000000800188000000636f727075732f73746f72792e616e6e504b010214031400000008"
    "0049bb7b5d7d8e0a770a000000080000001b00000000000000000000008001e80000005f5f4d41434f53582f636f"
    "727075732f2e5f73746f72792e747874504b0102140314000000080049bb7b5d7d8e0a770a000000080000001200"
    "0000000000000000000080012b010000636f727075732f2e5f73746f72792e616e6e504b01021403140000000800"
    "49bb7b5d6d782ff336000000400000000f0000000000000000000000800165010000616e6e6f746174696f6e2e63"
    "6f6e66504b0506000000000600060077010000c80100000000";

// Writes bits least significant first, and Huffman codes most significant first (RFC 1951 3.1.1).
struct BitWriter {
  std::string out;
  int used = 8;
  void put(uint32_t v, int n) {
    for (int i = 0; i < n; ++i) {
      if (used == 8) {
        out.push_back(0);
        used = 0;
      }
      if ((v >> i) & 1) out.back() = static_cast<char>(out.back() | (1 << used));
      ++used;
    }
  }
  void code(uint32_t c, int n) {
    for (int i = n - 1; i >= 0; --i) put((c >> i) & 1, 1);
  }
};

// A fixed-Huffman block: the literal 0, then `copies` matches of length 258 at distance 1.
std::string zeroBomb(int copies) {
  BitWriter w;
  w.put(1, 1);      // final block
  w.put(1, 2);      // fixed Huffman
  w.code(0x30, 8);  // literal 0
  for (int i = 0; i < copies; ++i) {
    w.code(0xC5, 8);  // symbol 285: length 258, no extra bits
    w.code(0, 5);     // distance symbol 0: distance 1
  }
  w.code(0, 7);  // end of block (256)
  return w.out;
}

// An archive's single entry patched: `offset` into the central directory entry (and the same
// field of the local header when `local` >= 0) set to a 16-bit value.
void set16(std::string& b, std::size_t at, uint32_t v) {
  b[at] = static_cast<char>(v & 0xFF);
  b[at + 1] = static_cast<char>(v >> 8);
}

std::size_t centralDir(const std::string& zip) {
  const std::size_t end = zip.size() - 22;
  return static_cast<unsigned char>(zip[end + 16]) |
         (static_cast<unsigned char>(zip[end + 17]) << 8);
}

}  // namespace

TEST_CASE("inflate: fixed, dynamic and stored blocks from zlib", "[zip]") {
  const std::string fixed = unhex(kFixedHex);
  CHECK(((static_cast<unsigned char>(fixed[0]) >> 1) & 3) == 1);
  auto a = inflateRaw(fixed, 1000);
  REQUIRE(a.ok());
  CHECK(*a == "Hello, Scholion! Hello, brat.");

  const std::string stored = unhex(kStoredHex);
  CHECK(((static_cast<unsigned char>(stored[0]) >> 1) & 3) == 0);
  std::size_t used = 0;
  auto b = inflateRaw(stored + "trailing", 1000, &used);
  REQUIRE(b.ok());
  CHECK(*b == "stored block text, level zero.\n");
  CHECK(used == stored.size());

  const std::string dyn = unhex(kDynamicHex);
  CHECK(dyn.size() == 256);
  CHECK(((static_cast<unsigned char>(dyn[0]) >> 1) & 3) == 2);
  auto c = inflateRaw(dyn, 1 << 20);
  REQUIRE(c.ok());
  REQUIRE(c->size() == 1701);
  CHECK(crc32(*c) == 0xf2eabc68u);
  CHECK(c->substr(700, 300) == std::string(300, 'A'));
  CHECK(c->substr(0, 700) == c->substr(1000, 700));
  CHECK(c->back() == '\n');
  // The cap: exactly the size is fine, one byte less is not.
  CHECK(inflateRaw(dyn, 1701).ok());
  auto capped = inflateRaw(dyn, 1700);
  REQUIRE_FALSE(capped.ok());
  CHECK_THAT(capped.error(), Catch::Contains("exceeds 1700 bytes"));
}

TEST_CASE("inflate: malformed streams are errors", "[zip]") {
  auto err = [](const std::string& in) {
    auto r = inflateRaw(in, 1 << 20);
    REQUIRE_FALSE(r.ok());
    return r.error();
  };
  CHECK_THAT(err(""), Catch::Contains("truncated"));
  CHECK_THAT(err("\x07"), Catch::Contains("invalid block type"));
  CHECK_THAT(err(std::string("\x01\x05\x00\x00\x00", 5)), Catch::Contains("length check"));
  CHECK_THAT(err(std::string("\x01\x05\x00\xfa\xff"
                             "abc",
                             8)),
             Catch::Contains("truncated"));
  {  // 'a', then a match at distance 2 with only one byte written
    BitWriter w;
    w.put(1, 1);
    w.put(1, 2);
    w.code(0x30 + 'a', 8);
    w.code(1, 7);  // symbol 257: length 3
    w.code(1, 5);  // distance symbol 1: distance 2
    w.code(0, 7);
    CHECK_THAT(err(w.out), Catch::Contains("distance too far back"));
  }
  {  // fixed distance codes 30 and 31 exist as bit patterns but are invalid
    BitWriter w;
    w.put(1, 1);
    w.put(1, 2);
    w.code(0x30 + 'a', 8);
    w.code(1, 7);
    w.code(30, 5);
    CHECK_THAT(err(w.out), Catch::Contains("invalid Huffman code"));
  }
  {  // a dynamic block whose code length code is over-subscribed: four codes of one bit
    BitWriter w;
    w.put(1, 1);
    w.put(2, 2);
    w.put(0, 5);
    w.put(0, 5);
    w.put(0, 4);
    for (int i = 0; i < 4; ++i) w.put(1, 3);
    CHECK_THAT(err(w.out), Catch::Contains("over-subscribed"));
  }
  {  // a dynamic block that repeats a previous length before there is one
    BitWriter w;
    w.put(1, 1);
    w.put(2, 2);
    w.put(0, 5);
    w.put(0, 5);
    w.put(0, 4);   // 4 code length codes: 16, 17, 18, 0
    w.put(1, 3);   // 16: one bit
    w.put(0, 3);   // 17: none
    w.put(0, 3);   // 18: none
    w.put(1, 3);   // 0: one bit (codes: 0 -> "0", 16 -> "1")
    w.code(1, 1);  // 16 first
    CHECK_THAT(err(w.out), Catch::Contains("repeat with no previous length"));
  }
  // Every proper prefix of a valid stream is truncated.
  for (const char* hex : {kFixedHex, kStoredHex, kDynamicHex}) {
    const std::string s = unhex(hex);
    for (std::size_t n = 0; n < s.size(); ++n) {
      INFO("prefix " << n << " of " << s.size());
      CHECK_FALSE(inflateRaw(s.substr(0, n), 1 << 20).ok());
    }
  }
}

TEST_CASE("inflate: a bomb stops at the cap; random damage never crashes", "[zip]") {
  const std::string bomb = zeroBomb(20000);  // 32 KB in, 5 MB out
  auto big = inflateRaw(bomb, 10 << 20);
  REQUIRE(big.ok());
  CHECK(big->size() == 1 + 258u * 20000);
  CHECK(big->find_first_not_of('\0') == std::string::npos);
  auto r = inflateRaw(bomb, 1 << 20);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("exceeds"));

  std::mt19937 rng(12345);
  const std::string dyn = unhex(kDynamicHex);
  int okCount = 0;
  for (int i = 0; i < 400; ++i) {
    std::string s = dyn;
    const int flips = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < flips; ++k) s[rng() % s.size()] ^= static_cast<char>(1 << (rng() % 8));
    auto d = inflateRaw(s, 4096);
    if (d.ok()) {
      ++okCount;
      CHECK(d->size() <= 4096);
    }
  }
  CHECK(okCount < 400);
}

TEST_CASE("zip: what writeStoredZip writes reads back", "[zip]") {
  std::string binary;
  for (int i = 0; i < 256; ++i) binary.push_back(static_cast<char>(i));
  const std::vector<NamedFile> files = {{"Ωμέγα/Zoë.txt", "Zoë met Ωμέγα 😀\n"},
                                        {"empty.ann", ""},
                                        {"bytes.bin", binary + binary},
                                        {"annotation.conf", "[entities]\nPerson\n"}};
  auto zip = writeStoredZip(files);
  REQUIRE(zip.ok());
  auto back = readZip(*zip, "x.zip");
  REQUIRE(back.ok());
  REQUIRE(back->size() == 4);
  CHECK((*back)[0].name == "Zoë.txt");  // folders dropped
  CHECK((*back)[0].bytes == files[0].bytes);
  for (std::size_t i = 1; i < 4; ++i) {
    CHECK((*back)[i].name == files[i].name);
    CHECK((*back)[i].bytes == files[i].bytes);
  }
  // An archive comment after the end record.
  std::string commented = *zip + "made by hand";
  set16(commented, zip->size() - 2, 12);
  auto c = readZip(commented, "c.zip");
  REQUIRE(c.ok());
  CHECK(c->size() == 4);
  auto none = readZip(*writeStoredZip({}), "none.zip");
  REQUIRE(none.ok());
  CHECK(none->empty());
}

TEST_CASE("zip: a deflated archive from Python's zipfile, with a folder and macOS junk", "[zip]") {
  auto files = readZip(unhex(kPythonZipHex), "corpus.zip");
  REQUIRE(files.ok());
  REQUIRE(files->size() == 3);
  CHECK((*files)[0].name == "story.txt");
  CHECK((*files)[0].bytes == "Zoë met Ωμέγα in Αθήνα. Zoë met Ωμέγα again in Αθήνα.\n");
  CHECK((*files)[1].name == "story.ann");
  CHECK((*files)[2].name == "annotation.conf");
  auto ws = importFiles(*files, Format::Brat);
  REQUIRE(ws.ok());
  REQUIRE(ws->documents.size() == 1);
  CHECK(ws->documents[0].annotations.spans.size() == 2);
  CHECK(ws->documents[0].annotations.spans[1].text == "Αθήνα");
}

TEST_CASE("zip: damaged and unsupported archives are errors naming the archive and entry",
          "[zip]") {
  const std::string py = unhex(kPythonZipHex);
  for (std::size_t n = 0; n < py.size(); ++n) {
    INFO("prefix " << n);
    CHECK_FALSE(readZip(py.substr(0, n), "p.zip").ok());
  }
  std::mt19937 rng(777);
  for (int i = 0; i < 400; ++i) {
    std::string s = py;
    s[rng() % s.size()] ^= static_cast<char>(1 + rng() % 255);
    auto r = readZip(s, "p.zip");  // any result, but no crash; good data when it says so
    if (!r.ok()) CHECK_THAT(r.error(), Catch::StartsWith("p.zip: "));
  }

  auto zip = *writeStoredZip({{"corpus/a.txt", "Some text.\n"}, {"b.ann", "T1\tX 0 4\tSome\n"}});
  auto err = [](const std::string& z, const ZipLimits& l = {}) {
    auto r = readZip(z, "corpus.zip", l);
    REQUIRE_FALSE(r.ok());
    return r.error();
  };
  const std::size_t dir = centralDir(zip);
  {  // a changed byte in the data
    std::string bad = zip;
    bad[30 + 12] ^= 1;
    CHECK(err(bad) == "corpus.zip: corpus/a.txt: CRC-32 mismatch (the archive is damaged)");
  }
  {
    std::string bad = zip;
    set16(bad, dir + 8, 1u << 11 | 1);
    CHECK_THAT(err(bad), Catch::Contains("corpus/a.txt: encrypted"));
  }
  {
    std::string bad = zip;
    set16(bad, dir + 10, 12);
    CHECK_THAT(err(bad), Catch::Contains("corpus/a.txt: compression method 12 is not supported"));
  }
  {
    std::string bad = zip;
    for (int k = 0; k < 4; ++k) bad[dir + 20 + k] = '\xff';
    CHECK_THAT(err(bad), Catch::Contains("ZIP64"));
  }
  CHECK_THAT(err(zip, ZipLimits{10, 100}),
             Catch::Contains("corpus/a.txt: the archive holds more than"));
  CHECK_THAT(err(zip, ZipLimits{1 << 20, 1}), Catch::Contains("more than 1 entries"));
  CHECK_THAT(err("PK\x03\x04 not really"), Catch::Contains("corpus.zip: not a zip archive"));
  auto twice = *writeStoredZip({{"a/x.txt", "1"}, {"b/x.txt", "2"}});
  CHECK_THAT(err(twice), Catch::Contains("two entries named x.txt (a/x.txt and b/x.txt)"));

  {  // a deflated entry that says 10 bytes but inflates to megabytes stops at 10
    const std::string bomb = zeroBomb(20000);
    std::string z = *writeStoredZip({{"bomb.txt", bomb}});
    const std::size_t d = centralDir(z);
    set16(z, 8, 8);                                               // local header: deflate
    set16(z, d + 10, 8);                                          // central directory: deflate
    for (int k = 0; k < 4; ++k) z[d + 24 + k] = k == 0 ? 10 : 0;  // uncompressed size 10
    CHECK_THAT(err(z), Catch::Contains("bomb.txt: deflate: output exceeds 10 bytes"));
  }
}
