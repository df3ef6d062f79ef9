#include "engine/source/source.h"

#include <algorithm>
#include <string>
#include <utility>

namespace tradelint {
namespace {

// Whether `byte` begins a UTF-8 code point (is not a continuation byte). Invalid UTF-8 thus
// still counts one column per byte that is not a continuation byte.
bool StartsCodePoint(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

}  // namespace

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  // Invariant: line_starts_[i] is the byte offset where line i + 1 begins; line 1 always
  // exists, and a final line break opens one more (empty) line.
  line_starts_.push_back(0);
  for (std::size_t i = text_.find('\n'); i != std::string::npos; i = text_.find('\n', i + 1)) {
    line_starts_.push_back(i + 1);
  }
}

SourceFile::Position SourceFile::PositionOf(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  // The last line start at or before the offset.
  const auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line_index = static_cast<std::size_t>(next_line - line_starts_.begin()) - 1;
  const std::size_t line_start = line_starts_[line_index];
  const int code_points = static_cast<int>(
      std::count_if(text_.begin() + static_cast<std::ptrdiff_t>(line_start),
                    text_.begin() + static_cast<std::ptrdiff_t>(offset), StartsCodePoint));
  return {static_cast<int>(line_index) + 1, code_points + 1};
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  const std::size_t begin = line_starts_[static_cast<std::size_t>(line - 1)];
  std::size_t end =
      line < line_count() ? line_starts_[static_cast<std::size_t>(line)] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;  // A CRLF line break.
  return std::string_view(text_).substr(begin, end - begin);
}

std::string_view Span::text() const {
  if (!valid()) return {};
  const std::string_view whole = file->text();
  const std::size_t first = std::min<std::size_t>(begin, whole.size());
  const std::size_t last = std::clamp<std::size_t>(end, first, whole.size());
  return whole.substr(first, last - first);
}

std::string Span::Location() const {
  if (!valid()) return {};
  const SourceFile::Position position = file->PositionOf(begin);
  return file->path() + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

Span Span::Cover(const Span& a, const Span& b) {
  if (!a.valid()) return b;
  if (!b.valid()) return a;
  return Span{a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

}  // namespace tradelint
