#pragma once
// Decoding of the language's string literals. No ANTLR here.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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

// The body (between the quotes) of the closed "..." literal whose opening quote is at `open` in
// `text`; a `\"` inside it does not close it.
std::string_view QuotedBody(std::string_view text, std::size_t open);

// The offset of the opening quote of each string in the text of a STRING_LIST token
// (`["a", # note` / `"b"]`: strings between spaces, commas and comments), in order.
std::vector<std::size_t> StringListItems(std::string_view list);

// The next brace that matters in the body of a message or fix text, from byte `from` (0, or
// just past a brace this found before): an `{` opening an `{expr}` interpolation, or a `}`
// with no `{` before it. `{{` and `}}` write a literal brace, as do `\{` and `\}`.
struct TextBrace {
  enum class Kind { kNone, kOpen, kUnmatchedClose };
  Kind kind = Kind::kNone;
  std::size_t at = 0;  // offset of the brace in the body
};
TextBrace NextTextBrace(std::string_view body, std::size_t from);

// Decodes a stretch of message text between interpolations: `{{` and `}}` write one brace,
// then escapes are decoded as by UnescapeString. On failure `error.offset` is an offset in `raw`.
bool DecodeTextLiteral(std::string_view raw, std::string& out, EscapeError& error);

}  // namespace tradelint::parse_internal
