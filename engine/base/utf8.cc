#include "engine/base/utf8.h"

#include "engine/base/byte_word.h"

namespace tradelint {

std::size_t FindInvalidUtf8(std::string_view text) {
  char32_t code_point = 0;
  for (std::size_t i = 0; i < text.size();) {
    // Runs of ASCII, most of any text here, are passed over 8 bytes at a time.
    if (i + 8 <= text.size() && !byte_word::HasHighByte(byte_word::Load(text.data() + i))) {
      i += 8;
      continue;
    }
    const std::size_t length = DecodeUtf8(text, i, code_point);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace tradelint
