#include "engine/parse/internal/fragment.h"

#include <algorithm>

#include "engine/base/byte_word.h"
#include "engine/diag/codes.h"

namespace tradelint::parse_internal {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not valid UTF-8
// (overlong forms, surrogates and values above U+10FFFF are invalid).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length;
  std::uint32_t code_point;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code_point < kMinimum[length] || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return 0;
  }
  return length;
}

}  // namespace

Fragment::Fragment(std::shared_ptr<const SourceFile> source, std::size_t begin, std::size_t end)
    : source_(std::move(source)), begin_(begin), end_(end) {
  const std::string_view all = source_->text();
  std::uint32_t extra_bytes = 0;
  for (std::size_t i = begin_; i < end_; ++code_point_count_) {
    const std::size_t length = std::max<std::size_t>(Utf8SequenceLength(all, i), 1);
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
  const std::string_view text = source->text();
  for (std::size_t i = 0; i < text.size();) {
    // Runs of ASCII, most of a ruleset, are passed over 8 bytes at a time.
    if (i + 8 <= text.size() && !byte_word::HasHighByte(byte_word::Load(text.data() + i))) {
      i += 8;
      continue;
    }
    const std::size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      diagnostics.Error(
          code::kInvalidUtf8,
          Span{source, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1)},
          "the file is not valid UTF-8", "save the ruleset as UTF-8");
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace tradelint::parse_internal
