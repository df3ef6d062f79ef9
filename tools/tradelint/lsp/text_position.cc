#include "tools/tradelint/lsp/text_position.h"

#include <algorithm>

namespace tradelint::lsp {
namespace {

// The length in bytes of the UTF-8 sequence that `lead` begins; 1 for a byte that begins none
// (a stray continuation byte or an invalid lead), so invalid UTF-8 counts one unit per byte.
std::size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

// UTF-16 code units of the code point a sequence of `length` bytes encodes.
int Utf16Units(std::size_t length) { return length == 4 ? 2 : 1; }

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::size_t LineIndex::LineEnd(std::size_t line) const {
  if (line + 1 >= line_starts_.size()) return text_.size();
  std::size_t end = line_starts_[line + 1] - 1;  // the `\n`
  if (end > line_starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

Position LineIndex::PositionOf(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(next - line_starts_.begin()) - 1;
  int character = 0;
  for (std::size_t i = line_starts_[line]; i < offset;) {
    const std::size_t length = SequenceLength(static_cast<unsigned char>(text_[i]));
    if (i + length > offset) break;  // `offset` lies inside this code point
    character += Utf16Units(length);
    i += length;
  }
  return {static_cast<int>(line), character};
}

std::size_t LineIndex::OffsetOf(Position position) const {
  if (position.line < 0) return 0;
  const auto line = static_cast<std::size_t>(position.line);
  if (line >= line_starts_.size()) return text_.size();
  const std::size_t end = LineEnd(line);
  std::size_t offset = line_starts_[line];
  for (int character = 0; character < position.character && offset < end;) {
    const std::size_t length = SequenceLength(static_cast<unsigned char>(text_[offset]));
    character += Utf16Units(length);
    offset = std::min(offset + length, end);
  }
  return offset;
}

}  // namespace tradelint::lsp
