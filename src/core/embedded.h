// Files embedded at build time (cmake/embed.cmake): the sample story and the default schema.
#pragma once

#include <cstddef>
#include <string>

extern const unsigned char kSampleText[];
extern const std::size_t kSampleText_size;
extern const unsigned char kDefaultSchema[];
extern const std::size_t kDefaultSchema_size;

namespace scholion {
inline std::string embeddedSampleText() {
  return std::string(reinterpret_cast<const char*>(kSampleText), kSampleText_size);
}
inline std::string embeddedDefaultSchema() {
  return std::string(reinterpret_cast<const char*>(kDefaultSchema), kDefaultSchema_size);
}
}  // namespace scholion
