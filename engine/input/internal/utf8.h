#pragma once
// UTF-8 checks for record text: JSON and CSV input must be UTF-8 (RFC 8259, section 8.1).

#include <cstddef>
#include <string_view>

namespace tradelint {

// Offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or npos when the
// whole text is well-formed.
std::size_t FindInvalidUtf8(std::string_view text);

// Number of characters in `text`: the bytes that are not UTF-8 continuation bytes.
std::size_t CountCharacters(std::string_view text);

}  // namespace tradelint
