// A .zip reader for opening archived corpora: stored and deflated entries, checked sizes and CRCs.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "format_util.h"
#include "result.h"

namespace scholion {

struct ZipLimits {
  std::size_t maxTotalBytes = std::size_t{512} << 20;  // all entries, uncompressed
  std::size_t maxEntries = 20000;
};

// The files in the archive `bytes` (called `zipName` in error messages), in central directory
// order. Entries are stored (method 0) or deflated (8); each one's sizes and CRC-32 are checked.
// Folders and macOS metadata (`__MACOSX/`, `._*`, `.DS_Store`) are skipped and every name keeps
// only its base name (brat pairs files by name, whatever folder they are in), so two entries with
// the same base name are an error. Encrypted entries, ZIP64, multi-disk archives, other methods
// and more than `limits` in total fail with a message naming the archive and the entry.
Result<std::vector<NamedFile>> readZip(std::string_view bytes, std::string_view zipName,
                                       const ZipLimits& limits = {});

}  // namespace scholion
