// A minimal store-only ZIP writer: local headers, central directory, end of central directory.
#include "zip_writer.h"

#include <array>
#include <set>

namespace scholion {
namespace {

std::array<uint32_t, 256> makeCrcTable() {
  std::array<uint32_t, 256> t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[i] = c;
  }
  return t;
}

void put16(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

void put32(std::string& out, uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

constexpr uint32_t kVersion = 20;         // 2.0: enough for stored entries and folders
constexpr uint32_t kUtf8Flag = 1u << 11;  // names (and comments) are UTF-8
constexpr uint32_t kDosTime = 0;          // 00:00:00
constexpr uint32_t kDosDate = (0u << 9) | (1u << 5) | 1u;  // 1980-01-01
constexpr uint64_t kMax32 = 0xFFFFFFFFull;

}  // namespace

uint32_t crc32(std::string_view data, uint32_t crc) {
  static const std::array<uint32_t, 256> table = makeCrcTable();
  crc = ~crc;
  for (unsigned char b : data) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

Result<std::string> writeStoredZip(const std::vector<NamedFile>& files) {
  if (files.size() > 0xFFFF) return fail("zip: more than 65535 files");
  std::set<std::string> seen;
  uint64_t total = 22;
  for (const NamedFile& f : files) {
    if (f.name.empty()) return fail("zip: a file has no name");
    if (f.name.size() > 0xFFFF) return fail("zip: file name too long: " + f.name.substr(0, 64));
    if (!seen.insert(f.name).second) return fail("zip: two files named " + f.name);
    total += 30 + 46 + 2 * f.name.size() + f.bytes.size();
  }
  if (total > kMax32) return fail("zip: the archive would exceed 4 GiB");

  std::string out;
  out.reserve(static_cast<std::size_t>(total));
  std::vector<uint32_t> offsets, crcs;
  offsets.reserve(files.size());
  crcs.reserve(files.size());
  for (const NamedFile& f : files) {
    const uint32_t crc = crc32(f.bytes);
    const uint32_t size = static_cast<uint32_t>(f.bytes.size());
    offsets.push_back(static_cast<uint32_t>(out.size()));
    crcs.push_back(crc);
    put32(out, 0x04034b50);  // local file header
    put16(out, kVersion);
    put16(out, kUtf8Flag);
    put16(out, 0);  // method: stored
    put16(out, kDosTime);
    put16(out, kDosDate);
    put32(out, crc);
    put32(out, size);  // compressed size = size (stored)
    put32(out, size);
    put16(out, static_cast<uint32_t>(f.name.size()));
    put16(out, 0);  // extra field length
    out += f.name;
    out += f.bytes;
  }
  const uint32_t dirStart = static_cast<uint32_t>(out.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const NamedFile& f = files[i];
    const uint32_t size = static_cast<uint32_t>(f.bytes.size());
    put32(out, 0x02014b50);  // central directory header
    put16(out, kVersion);    // made by: MS-DOS attributes, version 2.0
    put16(out, kVersion);    // needed to extract
    put16(out, kUtf8Flag);
    put16(out, 0);
    put16(out, kDosTime);
    put16(out, kDosDate);
    put32(out, crcs[i]);
    put32(out, size);
    put32(out, size);
    put16(out, static_cast<uint32_t>(f.name.size()));
    put16(out, 0);  // extra
    put16(out, 0);  // comment
    put16(out, 0);  // disk number start
    put16(out, 0);  // internal attributes
    put32(out, 0);  // external attributes
    put32(out, offsets[i]);
    out += f.name;
  }
  const uint32_t dirSize = static_cast<uint32_t>(out.size()) - dirStart;
  put32(out, 0x06054b50);  // end of central directory
  put16(out, 0);           // this disk
  put16(out, 0);           // disk with the directory
  put16(out, static_cast<uint32_t>(files.size()));
  put16(out, static_cast<uint32_t>(files.size()));
  put32(out, dirSize);
  put32(out, dirStart);
  put16(out, 0);  // comment length
  return out;
}

}  // namespace scholion
