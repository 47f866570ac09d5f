// Reads .zip archives: end record -> central directory -> each local header and its data.
#include "zip_reader.h"

#include <cstdint>
#include <map>
#include <string>

#include "inflate.h"
#include "text.h"
#include "zip_writer.h"

namespace scholion {
namespace {

constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kDirSig = 0x02014b50;
constexpr uint32_t kLocalSig = 0x04034b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr std::size_t kEndSize = 22, kDirSize = 46, kLocalSize = 30;

uint32_t get16(std::string_view b, std::size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
         (static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8);
}

uint32_t get32(std::string_view b, std::size_t at) {
  return get16(b, at) | (get16(b, at + 2) << 16);
}

// macOS Archive Utility adds resource forks and Finder files that are no documents.
bool isJunk(const std::string& path, const std::string& base) {
  return path.rfind("__MACOSX/", 0) == 0 || path.find("/__MACOSX/") != std::string::npos ||
         base.rfind("._", 0) == 0 || base == ".DS_Store";
}

}  // namespace

Result<std::vector<NamedFile>> readZip(std::string_view bytes, std::string_view zipName,
                                       const ZipLimits& limits) {
  const std::string zip(zipName);
  auto bad = [&](const std::string& what) { return fail(zip + ": " + what); };
  auto badEntry = [&](const std::string& entry, const std::string& what) {
    return fail(zip + ": " + entry + ": " + what);
  };
  if (bytes.size() < kEndSize) return bad("not a zip archive (too short)");
  // The end record is last, followed only by a comment of up to 65535 bytes: scan back for it.
  std::size_t end = std::string_view::npos;
  const std::size_t lowest =
      bytes.size() - kEndSize > 0xFFFF ? bytes.size() - kEndSize - 0xFFFF : 0;
  for (std::size_t at = bytes.size() - kEndSize + 1; at-- > lowest;) {
    if (get32(bytes, at) == kEndSig && at + kEndSize + get16(bytes, at + 20) <= bytes.size()) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) return bad("not a zip archive (no end of central directory)");
  if (end >= 20 && get32(bytes, end - 20) == kZip64LocatorSig)
    return bad("ZIP64 archives are not supported");
  const uint32_t disk = get16(bytes, end + 4), dirDisk = get16(bytes, end + 6);
  const uint32_t diskCount = get16(bytes, end + 8), count = get16(bytes, end + 10);
  const uint32_t dirSize = get32(bytes, end + 12), dirStart = get32(bytes, end + 16);
  if (count == 0xFFFF || dirSize == 0xFFFFFFFF || dirStart == 0xFFFFFFFF)
    return bad("ZIP64 archives are not supported");
  if (disk != 0 || dirDisk != 0 || diskCount != count)
    return bad("multi-part (split) archives are not supported");
  if (count > limits.maxEntries)
    return bad("more than " + std::to_string(limits.maxEntries) + " entries");
  if (dirStart > end || dirSize > end - dirStart) return bad("central directory out of bounds");

  struct Entry {
    std::string path, base;
    uint32_t method, crc, csize, size, local;
  };
  std::vector<Entry> entries;
  std::map<std::string, std::string> byBase;  // base name -> full path, to report duplicates
  uint64_t total = 0;
  std::size_t at = dirStart;
  const std::size_t dirEnd = std::size_t{dirStart} + dirSize;
  for (uint32_t i = 0; i < count; ++i) {
    if (dirEnd - at < kDirSize || get32(bytes, at) != kDirSig)
      return bad("central directory entry " + std::to_string(i + 1) + " is damaged");
    const uint32_t flags = get16(bytes, at + 8), method = get16(bytes, at + 10);
    Entry e{"",
            "",
            method,
            get32(bytes, at + 16),
            get32(bytes, at + 20),
            get32(bytes, at + 24),
            get32(bytes, at + 42)};
    const std::size_t nameLen = get16(bytes, at + 28);
    const std::size_t more = nameLen + get16(bytes, at + 30) + get16(bytes, at + 32);
    if (dirEnd - at - kDirSize < more)
      return bad("central directory entry " + std::to_string(i + 1) + " is damaged");
    e.path = std::string(bytes.substr(at + kDirSize, nameLen));
    at += kDirSize + more;
    const std::string& name = e.path;
    if (firstInvalidUtf8(name)) return badEntry(name, "entry name is not UTF-8");
    if (name.empty() || name.back() == '/' || name.back() == '\\') continue;  // a folder
    e.base = baseName(name);
    if (isJunk(name, e.base)) continue;
    if (flags & 1u) return badEntry(name, "encrypted entries are not supported");
    if (method == 99) return badEntry(name, "encrypted (AES) entries are not supported");
    if (method != 0 && method != 8)
      return badEntry(name, "compression method " + std::to_string(method) +
                                " is not supported (only stored and deflate)");
    if (e.csize == 0xFFFFFFFF || e.size == 0xFFFFFFFF || e.local == 0xFFFFFFFF)
      return badEntry(name, "ZIP64 entries are not supported");
    if (method == 0 && e.csize != e.size) return badEntry(name, "stored entry sizes disagree");
    total += e.size;
    if (total > limits.maxTotalBytes)
      return badEntry(name, "the archive holds more than " +
                                std::to_string(limits.maxTotalBytes >> 20) +
                                " MiB uncompressed; unpack it and open fewer files");
    auto [it, fresh] = byBase.emplace(e.base, name);
    if (!fresh)
      return bad("two entries named " + e.base + " (" + it->second + " and " + name +
                 "); files are matched by name, so open the folders one at a time");
    entries.push_back(std::move(e));
  }

  std::vector<NamedFile> out;
  out.reserve(entries.size());
  for (const Entry& e : entries) {
    if (e.local > dirStart || dirStart - e.local < kLocalSize || get32(bytes, e.local) != kLocalSig)
      return badEntry(e.path, "local header is damaged");
    const std::size_t dataAt =
        std::size_t{e.local} + kLocalSize + get16(bytes, e.local + 26) + get16(bytes, e.local + 28);
    // The data lies between its local header and the central directory.
    if (dataAt > dirStart || dirStart - dataAt < e.csize)
      return badEntry(e.path, "data runs past the end of the archive");
    const std::string_view data = bytes.substr(dataAt, e.csize);
    std::string content;
    if (e.method == 0) {
      content = std::string(data);
    } else {
      Result<std::string> r = inflateRaw(data, e.size);
      if (!r) return badEntry(e.path, r.error());
      content = std::move(*r);
    }
    if (content.size() != e.size)
      return badEntry(e.path, "size is " + std::to_string(content.size()) +
                                  " bytes, the directory says " + std::to_string(e.size));
    if (crc32(content) != e.crc)
      return badEntry(e.path, "CRC-32 mismatch (the archive is damaged)");
    out.push_back(NamedFile{e.base, std::move(content)});
  }
  return out;
}

}  // namespace scholion
