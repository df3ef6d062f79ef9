#include "engine/input/internal/text_position.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <utility>

#include "engine/input/internal/utf8.h"

namespace tradelint {

std::string TextPosition::ToString() const {
  return fmt::format("line {}, column {}", line, column);
}

TextPosition PositionIn(std::string_view text, std::size_t offset, TextPosition start) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  const std::size_t last_newline = before.rfind('\n');
  if (last_newline == std::string_view::npos) {
    return {start.line, start.column + CountCharacters(before)};
  }
  const auto newlines = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  return {start.line + newlines, 1 + CountCharacters(before.substr(last_newline + 1))};
}

namespace {

// The byte offset `count` characters after (or, negative, before) byte `from` of `line`,
// clamped to the line. `from` is the start of a character.
std::size_t StepCharacters(std::string_view line, std::size_t from, std::ptrdiff_t count) {
  const auto is_continuation = [&](std::size_t i) {
    return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;
  };
  std::size_t at = from;
  for (; count > 0 && at < line.size(); --count) {
    do ++at;
    while (at < line.size() && is_continuation(at));
  }
  for (; count < 0 && at > 0; ++count) {
    do --at;
    while (at > 0 && is_continuation(at));
  }
  return at;
}

}  // namespace

LineExcerpt ExcerptAt(std::string_view text, std::size_t offset, std::size_t max_characters) {
  offset = std::min(offset, text.size());
  const std::size_t line_start = offset == 0 ? 0 : text.rfind('\n', offset - 1) + 1;
  const std::size_t line_end = std::min(text.find('\n', offset), text.size());
  std::string_view line = text.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::size_t at = std::min(offset - line_start, line.size());
  const std::string_view kEllipsis = "…";
  std::string excerpt;
  if (CountCharacters(line) > max_characters) {
    // Room for the two ellipses; the error sits a third of the way in, so more of what
    // follows it shows.
    const std::size_t room = max_characters - 2;
    const std::size_t begin = StepCharacters(line, at, -static_cast<std::ptrdiff_t>(room / 3));
    const std::size_t end = StepCharacters(line, begin, static_cast<std::ptrdiff_t>(room));
    if (begin > 0) excerpt += kEllipsis;
    at = at - begin + excerpt.size();
    excerpt += line.substr(begin, end - begin);
    if (end < line.size()) excerpt += kEllipsis;
  } else {
    excerpt = line;
  }
  const std::size_t column = 1 + CountCharacters(std::string_view(excerpt).substr(0, at));
  return {std::move(excerpt), column};
}

}  // namespace tradelint
