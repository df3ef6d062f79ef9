#pragma once
// Unicode operations on UTF-8 strings, built on utf8proc. Each returns nullopt when the input
// is not valid UTF-8 (a function then evaluates to missing rather than guess).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tradelint {

class WordSplitter;

// NFKC normalisation with full case folding (utf8proc COMPOSE | COMPAT | CASEFOLD | STABLE):
// the form in which texts are compared case-insensitively. `STRAßE` -> `strasse`,
// `ＡＢＣ` (full-width) -> `abc`, `ﬁ` -> `fi`.
std::optional<std::string> CaseFold(std::string_view text);

// Appends CaseFold(text) to `out` and, when `words` is not null, gives `words` each code point
// it appends (offsets in `out`), so that a text is folded and split into words in one pass
// (words.h); `words` is not finished. False when `text` is not valid UTF-8: `out` then holds
// part of the folding.
bool AppendCaseFold(std::string_view text, std::string& out, WordSplitter* words);

// NFC normalisation (canonical composition): `u` + U+0308 -> `ü`.
std::optional<std::string> NormalizeNfc(std::string_view text);

// Simple (one code point to one code point) lower / upper case mapping, as utf8proc defines
// it: `ß` upper-cases to the capital sharp s `ẞ` (U+1E9E), never to `SS`.
std::optional<std::string> ToLower(std::string_view text);
std::optional<std::string> ToUpper(std::string_view text);

// `text` without leading and trailing white space (ASCII controls \t \n \v \f \r, U+0085 and
// the Unicode separators Zs, Zl, Zp such as U+00A0 and U+3000).
std::optional<std::string_view> TrimSpace(std::string_view text);

// The number of code points in `text`.
std::optional<std::size_t> CodePointCount(std::string_view text);

}  // namespace tradelint
