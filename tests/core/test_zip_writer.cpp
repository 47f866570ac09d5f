// Tests of the store-only ZIP writer: CRC-32, header bytes and offsets, read back by a small
// reader.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "zip_writer.h"

using namespace scholion;

namespace {

uint32_t get16(const std::string& b, std::size_t at) {
  REQUIRE(at + 2 <= b.size());
  return static_cast<unsigned char>(b[at]) | (static_cast<unsigned char>(b[at + 1]) << 8);
}

uint32_t get32(const std::string& b, std::size_t at) {
  return get16(b, at) | (get16(b, at + 2) << 16);
}

// Reads an archive the way unzip does: from the end record to the central directory, and from
// each directory entry to its local header; checks that both headers agree and the CRC holds.
std::vector<NamedFile> readBack(const std::string& zip) {
  REQUIRE(zip.size() >= 22);
  const std::size_t end = zip.size() - 22;  // no archive comment
  REQUIRE(get32(zip, end) == 0x06054b50);
  const uint32_t count = get16(zip, end + 10);
  CHECK(get16(zip, end + 8) == count);
  const uint32_t dirSize = get32(zip, end + 12);
  const uint32_t dirStart = get32(zip, end + 16);
  CHECK(dirStart + dirSize == end);
  std::vector<NamedFile> out;
  std::size_t at = dirStart;
  for (uint32_t i = 0; i < count; ++i) {
    REQUIRE(get32(zip, at) == 0x02014b50);
    CHECK(get16(zip, at + 8) == (1u << 11));  // UTF-8 names
    CHECK(get16(zip, at + 10) == 0);          // stored
    const uint32_t crc = get32(zip, at + 16);
    const uint32_t csize = get32(zip, at + 20), size = get32(zip, at + 24);
    CHECK(csize == size);
    const uint32_t nameLen = get16(zip, at + 28);
    const uint32_t extra = get16(zip, at + 30), comment = get16(zip, at + 32);
    const uint32_t local = get32(zip, at + 42);
    std::string name = zip.substr(at + 46, nameLen);
    at += 46 + nameLen + extra + comment;

    REQUIRE(get32(zip, local) == 0x04034b50);
    CHECK(get16(zip, local + 6) == (1u << 11));
    CHECK(get16(zip, local + 8) == 0);
    CHECK(get32(zip, local + 14) == crc);
    CHECK(get32(zip, local + 18) == size);
    CHECK(get32(zip, local + 22) == size);
    const uint32_t localName = get16(zip, local + 26), localExtra = get16(zip, local + 28);
    CHECK(zip.substr(local + 30, localName) == name);
    const std::size_t data = local + 30 + localName + localExtra;
    REQUIRE(data + size <= dirStart);
    std::string bytes = zip.substr(data, size);
    CHECK(crc32(bytes) == crc);
    out.push_back(NamedFile{name, bytes});
  }
  CHECK(at == end);
  return out;
}

}  // namespace

TEST_CASE("CRC-32 check values", "[zip]") {
  CHECK(crc32("") == 0u);
  CHECK(crc32("123456789") == 0xCBF43926u);
  CHECK(crc32("The quick brown fox jumps over the lazy dog") == 0x414FA339u);
  // Continuing a CRC over a second piece gives the CRC of the whole.
  CHECK(crc32("6789", crc32("12345")) == 0xCBF43926u);
}

TEST_CASE("an empty archive is just the end record", "[zip]") {
  auto z = writeStoredZip({});
  REQUIRE(z.ok());
  CHECK(*z == std::string("PK\x05\x06", 4) + std::string(18, '\0'));
  CHECK(readBack(*z).empty());
}

TEST_CASE("one stored file: exact header bytes and offsets", "[zip]") {
  auto z = writeStoredZip({NamedFile{"a.txt", "123456789"}});
  REQUIRE(z.ok());
  const std::string& b = *z;
  // 30-byte local header + name + data, 46-byte directory entry + name, 22-byte end record.
  REQUIRE(b.size() == 30 + 5 + 9 + 46 + 5 + 22);
  CHECK(b.substr(0, 4) == "PK\x03\x04");
  CHECK(get16(b, 4) == 20);  // version needed
  CHECK(get32(b, 14) == 0xCBF43926u);
  CHECK(get16(b, 12) == 0x21);  // 1980-01-01
  CHECK(b.substr(30, 5) == "a.txt");
  CHECK(b.substr(35, 9) == "123456789");
  CHECK(b.substr(44, 4) == "PK\x01\x02");
  CHECK(get32(b, 44 + 42) == 0);                  // the local header is at offset 0
  CHECK(get32(b, b.size() - 22 + 16) == 44);      // directory offset
  CHECK(get32(b, b.size() - 22 + 12) == 46 + 5);  // directory size
  auto files = readBack(b);
  REQUIRE(files.size() == 1);
  CHECK(files[0].name == "a.txt");
  CHECK(files[0].bytes == "123456789");
}

TEST_CASE("several files with UTF-8 names, empty and binary contents round-trip", "[zip]") {
  std::string binary;
  for (int i = 0; i < 256; ++i) binary.push_back(static_cast<char>(i));
  std::vector<NamedFile> in = {
      {"Caf\xC3\xA9-\xCE\xB1\xCE\xB2.txt",
       "Stra\xC3\x9F"
       "e \xF0\x9F\x98\x80\n"},
      {"empty.ann", ""},
      {"folder/binary.bin", binary},
      {"annotation.conf", "[entities]\nPerson\n"},
  };
  auto z = writeStoredZip(in);
  REQUIRE(z.ok());
  auto out = readBack(*z);
  REQUIRE(out.size() == in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    CHECK(out[i].name == in[i].name);
    CHECK(out[i].bytes == in[i].bytes);
  }
  // Same files, same bytes (fixed dates): exports are reproducible.
  CHECK(*writeStoredZip(in) == *z);
}

TEST_CASE("names the archive cannot hold are refused", "[zip]") {
  CHECK_FALSE(writeStoredZip({NamedFile{"", "x"}}).ok());
  auto dup = writeStoredZip({NamedFile{"a.txt", "1"}, NamedFile{"a.txt", "2"}});
  REQUIRE_FALSE(dup.ok());
  CHECK(dup.error().find("a.txt") != std::string::npos);
  CHECK_FALSE(writeStoredZip({NamedFile{std::string(70000, 'n'), "x"}}).ok());
}
