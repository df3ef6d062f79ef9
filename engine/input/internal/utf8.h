#pragma once
// Counting characters of record text for positions in messages. Finding invalid UTF-8 is
// engine/base/utf8.h's FindInvalidUtf8.

#include <cstddef>
#include <string_view>

namespace tradelint {

// Number of characters in `text`: the bytes that are not UTF-8 continuation bytes.
std::size_t CountCharacters(std::string_view text);

}  // namespace tradelint
