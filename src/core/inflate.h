// A raw DEFLATE (RFC 1951) decoder for reading .zip archives: stored, fixed and dynamic blocks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "result.h"

namespace scholion {

// Decodes the raw DEFLATE stream at the start of `in` (no zlib or gzip wrapper). Fails, without
// reading past `in`, on a malformed stream (bad block type, bad code lengths, a distance before
// the start of the output, truncated input) and when the output would exceed `maxOut` bytes.
// `consumed`, when given, receives how many bytes of `in` the stream used (its last byte may be
// partly used). Errors start with "deflate:" and give the byte offset.
Result<std::string> inflateRaw(std::string_view in, std::size_t maxOut,
                               std::size_t* consumed = nullptr);

}  // namespace scholion
