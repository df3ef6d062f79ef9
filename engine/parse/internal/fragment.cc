#include "engine/parse/internal/fragment.h"

#include <algorithm>

#include "engine/base/utf8.h"
#include "engine/diag/codes.h"

namespace tradelint::parse_internal {

Fragment::Fragment(std::shared_ptr<const SourceFile> source, std::size_t begin, std::size_t end)
    : source_(std::move(source)), begin_(begin), end_(end) {
  const std::string_view all = source_->text();
  std::uint32_t extra_bytes = 0;
  char32_t code_point = 0;
  for (std::size_t i = begin_; i < end_; ++code_point_count_) {
    const std::size_t length = std::max<std::size_t>(DecodeUtf8(all, i, code_point), 1);
    if (length > 1) {
      extra_bytes += static_cast<std::uint32_t>(length - 1);
      wide_code_points_.push_back({static_cast<std::uint32_t>(code_point_count_), extra_bytes});
    }
    i += length;
  }
}

std::string_view Fragment::text() const {
  return std::string_view(source_->text()).substr(begin_, end_ - begin_);
}

std::size_t Fragment::ByteOffsetOf(std::size_t index) const {
  const auto after = std::lower_bound(
      wide_code_points_.begin(), wide_code_points_.end(), index,
      [](const WideCodePoint& wide, std::size_t wanted) { return wide.index < wanted; });
  return begin_ + index + (after == wide_code_points_.begin() ? 0 : (after - 1)->extra_bytes);
}

Span Fragment::SpanOfCodePoints(std::size_t first, std::size_t last) const {
  first = std::min(first, code_point_count_);
  const std::size_t after_last = std::clamp(last + 1, first, code_point_count_);
  return Span{source_, static_cast<std::uint32_t>(ByteOffsetOf(first)),
              static_cast<std::uint32_t>(ByteOffsetOf(after_last))};
}

Span Fragment::SpanOf(const antlr4::Token* token) const { return SpanOf(token, token); }

Span Fragment::SpanOf(const antlr4::Token* first, const antlr4::Token* last) const {
  if (first == nullptr || last == nullptr)
    return Span{source_, std::uint32_t(end_), std::uint32_t(end_)};
  if (first->getType() == antlr4::Token::EOF) {
    return SpanOfCodePoints(code_point_count_, code_point_count_ - 1);
  }
  const std::size_t start = first->getStartIndex();
  const std::size_t stop = std::max<std::size_t>(last->getStopIndex(), start);
  return SpanOfCodePoints(start, stop);
}

bool ValidateUtf8(const std::shared_ptr<const SourceFile>& source, Diagnostics& diagnostics) {
  const std::size_t invalid = FindInvalidUtf8(source->text());
  if (invalid == std::string_view::npos) return true;
  diagnostics.Error(
      code::kInvalidUtf8,
      Span{source, static_cast<std::uint32_t>(invalid), static_cast<std::uint32_t>(invalid + 1)},
      "the file is not valid UTF-8", "save the ruleset as UTF-8");
  return false;
}

}  // namespace tradelint::parse_internal
