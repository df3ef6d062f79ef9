#pragma once
// Decoding of the language's string literals. No ANTLR here.

#include <cstddef>
#include <string>
#include <string_view>

namespace tradelint::parse_internal {

struct EscapeError {
  std::size_t offset = 0;  // byte offset of the bad escape inside the literal's body
  std::size_t length = 0;
  std::string message;
};

// Decodes the body of a "..." literal (without its quotes): `\"`, `\\`, `\n`, `\t`, `\r`,
// `\{`, `\}` and `\u{1F600}`-style code points. Returns false and fills `error` on an
// unknown escape or an invalid code point.
bool UnescapeString(std::string_view body, std::string& out, EscapeError& error);

}  // namespace tradelint::parse_internal
