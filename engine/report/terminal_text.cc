#include "engine/report/terminal_text.h"

#include <cstddef>

#include "engine/base/utf8.h"

namespace tradelint {
namespace {

constexpr char kHex[] = "0123456789abcdef";

bool IsBidiFormatting(char32_t c) {
  return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string Printable(std::string_view text) {
  std::string printable;
  printable.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = 0;
    const std::size_t length = DecodeUtf8(text, i, c);
    if (length == 0 || c < 0x20 || c == 0x7f) {
      const auto byte = static_cast<unsigned char>(text[i]);
      printable.append("\\x").append(1, kHex[byte >> 4]).append(1, kHex[byte & 0xf]);
      ++i;
      continue;
    }
    if ((c >= 0x80 && c <= 0x9f) || IsBidiFormatting(c)) {
      printable += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) printable += kHex[(c >> shift) & 0xf];
    } else {
      printable.append(text.substr(i, length));
    }
    i += length;
  }
  return printable;
}

}  // namespace tradelint
