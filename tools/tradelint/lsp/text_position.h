#pragma once
// Positions as the Language Server Protocol counts them: a 0-based line and, within it, a
// 0-based offset in UTF-16 code units (the protocol's default and only universal encoding).
// The engine counts bytes (Span) and code points (SourceFile::Position); a LineIndex converts
// between byte offsets into one UTF-8 text and LSP positions.

#include <cstddef>
#include <string_view>
#include <vector>

namespace tradelint::lsp {

struct Position {
  int line = 0;
  int character = 0;  // UTF-16 code units from the start of the line
};

class LineIndex {
 public:
  // `text` must outlive the index. Lines end at `\n`; a `\r` before it is not part of the line.
  explicit LineIndex(std::string_view text);

  // The position of a byte offset (clamped to the text). An offset inside a code point counts
  // as that code point's start.
  Position PositionOf(std::size_t offset) const;
  // The byte offset of a position, clamped: a line past the last is the end of the text, a
  // character past the end of its line is the line's end, one inside a surrogate pair is the
  // code point's end.
  std::size_t OffsetOf(Position position) const;

 private:
  // The byte offset where the line's content ends (before `\r\n` or `\n`).
  std::size_t LineEnd(std::size_t line) const;

  std::string_view text_;
  std::vector<std::size_t> line_starts_;  // line_starts_[i]: the byte offset of line i
};

}  // namespace tradelint::lsp
