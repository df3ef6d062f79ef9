#pragma once
// Telling JSON Lines from one JSON document by the start of a stream (docs/cli.md,
// `--input-format auto`): a person who pastes or pipes one pretty-printed record writes a first
// line such as `{` that does not hold a complete JSON value, whereas every line of JSON Lines
// does.

#include <cstddef>
#include <streambuf>
#include <string>
#include <string_view>

#include "engine/input/record_reader.h"

namespace tradelint {

struct SniffedFormat {
  InputFormat format;  // kJson or kJsonLines
  std::string taken;   // the bytes read from the source to decide, to be read again
};

// Reads `source` up to the end of its first non-blank line (at most `max_line_bytes` bytes of
// blank lines and as many of the line; the end of input ends the line too) and decides:
// kJson when that line opens an object, an array or a string that it does not close, else
// kJsonLines (also for a line too long to see whole, which the JSON Lines reader reports as
// too_large, and for empty input).
SniffedFormat SniffJsonFormat(std::streambuf& source, std::size_t max_line_bytes);

// Whether `line` leaves an object, an array or a string open at its end. Brackets inside
// strings do not count; a stray closing bracket does not close anything.
bool LeavesJsonValueOpen(std::string_view line);

}  // namespace tradelint
