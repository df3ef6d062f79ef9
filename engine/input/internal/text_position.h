#pragma once
// TextPosition: a line and column in an input file, for messages (`line 3, column 17`).

#include <cstddef>
#include <string>
#include <string_view>

namespace tradelint {

struct TextPosition {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in characters (UTF-8 sequences count once)

  // Moves past one byte of text: a line feed starts the next line, a UTF-8 continuation
  // byte stays in the same column.
  void Advance(char c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
  }

  // "line 3, column 17"
  std::string ToString() const;
};

// The position of byte `offset` of `text`, given that `text` starts at `start`.
TextPosition PositionIn(std::string_view text, std::size_t offset, TextPosition start);

// The line of `text` that holds byte `offset`, shortened to at most `max_characters`
// characters around that byte (an ellipsis `…` marks each cut; requires max_characters >= 8),
// and the 1-based character column of the byte in the excerpt. `text` is valid UTF-8.
struct LineExcerpt {
  std::string text;
  std::size_t column = 1;
};
LineExcerpt ExcerptAt(std::string_view text, std::size_t offset, std::size_t max_characters);

}  // namespace tradelint
