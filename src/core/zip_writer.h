// A minimal store-only ZIP writer (no compression), so several exported files make one download.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "format_util.h"
#include "result.h"

namespace scholion {

// CRC-32 as ZIP uses it (IEEE 802.3, reflected, polynomial 0xEDB88320): CRC32("123456789") is
// 0xCBF43926. `crc` continues an earlier value (0 to start).
uint32_t crc32(std::string_view data, uint32_t crc = 0);

// An archive holding `files` in order, stored uncompressed (method 0), names flagged as UTF-8
// (general purpose bit 11), every entry dated 1980-01-01 00:00 so the same files give the same
// bytes. Local file headers, then the central directory, then the end record; no ZIP64, so the
// archive must stay under 4 GiB and 65535 entries. Fails on an empty, duplicate or over-long
// name (names are kept as given: '/' separates folders).
Result<std::string> writeStoredZip(const std::vector<NamedFile>& files);

}  // namespace scholion
