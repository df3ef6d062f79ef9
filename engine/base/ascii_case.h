#pragma once
// Case mapping of ASCII letters only (`std::tolower` in the "C" locale): for codes, tags,
// attribute names and header names, never for text people write (that is Unicode case
// folding, engine/eval). Other bytes, UTF-8 among them, are kept as they are.

#include <string>
#include <string_view>

namespace tradelint {

// `c` with A-Z mapped to a-z (AsciiLower) or a-z to A-Z (AsciiUpper); any other byte as it is.
inline char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
inline char AsciiUpper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string AsciiLower(std::string_view text);
// Appends `text` to `out` with A-Z mapped to a-z.
void AppendAsciiLower(std::string& out, std::string_view text);
std::string AsciiUpper(std::string_view text);
// Whether `a` and `b` are equal when A-Z and a-z are taken as the same letters.
bool AsciiEqualsIgnoringCase(std::string_view a, std::string_view b);

}  // namespace tradelint
