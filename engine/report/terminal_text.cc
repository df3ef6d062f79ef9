#include "engine/report/terminal_text.h"

#include <cstddef>

namespace tradelint {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// The code point of the well-formed UTF-8 sequence at text[i] and its length in bytes, or
// length 0 when the bytes there are not one (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF).
struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 0;
};

Decoded DecodeUtf8(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t smallest = 0;  // below it, the form is overlong
  if (lead < 0x80) return {lead, 1};
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2, code_point = lead & 0x1f, smallest = 0x80;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3, code_point = lead & 0x0f, smallest = 0x800;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4, code_point = lead & 0x07, smallest = 0x10000;
  } else {
    return {};
  }
  if (text.size() - i < length) return {};
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xc0) != 0x80) return {};
    code_point = (code_point << 6) | (next & 0x3f);
  }
  if (code_point < smallest || code_point > 0x10ffff ||
      (code_point >= 0xd800 && code_point <= 0xdfff)) {
    return {};
  }
  return {code_point, length};
}

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
    const Decoded decoded = DecodeUtf8(text, i);
    const char32_t c = decoded.code_point;
    if (decoded.length == 0 || c < 0x20 || c == 0x7f) {
      const auto byte = static_cast<unsigned char>(text[i]);
      printable.append("\\x").append(1, kHex[byte >> 4]).append(1, kHex[byte & 0xf]);
      ++i;
      continue;
    }
    if ((c >= 0x80 && c <= 0x9f) || IsBidiFormatting(c)) {
      printable += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) printable += kHex[(c >> shift) & 0xf];
    } else {
      printable.append(text.substr(i, decoded.length));
    }
    i += decoded.length;
  }
  return printable;
}

}  // namespace tradelint
