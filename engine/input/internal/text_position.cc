#include "engine/input/internal/text_position.h"

#include <fmt/format.h>

#include <algorithm>

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

}  // namespace tradelint
