#pragma once
// Text from records, rulesets and file names made safe to show on a terminal.

#include <string>
#include <string_view>

namespace tradelint {

// `text` with every character that could take control of a terminal or hide what it shows
// written as an escape instead, so that data can neither move the cursor, recolour or clear
// the screen, nor break or reorder the lines of a report:
//   - C0 controls (U+0000..U+001F, including line ends and tabs) and DEL as `\x1b`, `\x7f`;
//   - C1 controls (U+0080..U+009F) as `\u009b`;
//   - bidirectional formatting characters, which reorder how the text around them is shown
//     ("Trojan Source"): U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069, as `\u202e`;
//   - bytes that are not well-formed UTF-8 (RFC 3629) as `\xff`, byte by byte.
// Everything else, including other non-ASCII characters, is kept as it is.
std::string Printable(std::string_view text);

}  // namespace tradelint
