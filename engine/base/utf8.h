#pragma once
// UTF-8 as RFC 3629 defines it: the shortest form of a scalar value, no surrogates, nothing
// above U+10FFFF (exactly what utf8proc_iterate accepts, tested byte for byte against it). The
// one decoder of the project: rulesets, records, terminal text and the text functions' loops
// over every code point of a text (hence inline).

#include <cstddef>
#include <string_view>

namespace tradelint {

// Decodes the code point that starts at `text[at]` (at < text.size()) into `code_point`; returns
// its length in bytes, or 0 when the bytes there are not valid UTF-8.
inline std::size_t DecodeUtf8(std::string_view text, std::size_t at, char32_t& code_point) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const auto continues = [&](std::size_t i) {
    return at + i < text.size() && (byte(i) & 0xC0) == 0x80;
  };
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  if (lead < 0xC2 || lead > 0xF4) return 0;  // a continuation byte, overlong or too large
  if (lead < 0xE0) {
    if (!continues(1)) return 0;
    code_point = (char32_t{lead} & 0x1F) << 6 | (byte(1) & 0x3F);
    return 2;
  }
  if (lead < 0xF0) {
    if (!continues(1) || !continues(2)) return 0;
    code_point = (char32_t{lead} & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
    const bool overlong = code_point < 0x800;
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    return overlong || surrogate ? 0 : 3;
  }
  if (!continues(1) || !continues(2) || !continues(3)) return 0;
  code_point = (char32_t{lead} & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 |
               (byte(3) & 0x3F);
  return code_point < 0x10000 || code_point > 0x10FFFF ? 0 : 4;
}

// Offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence, or npos
// when the whole text is well-formed.
std::size_t FindInvalidUtf8(std::string_view text);

}  // namespace tradelint
