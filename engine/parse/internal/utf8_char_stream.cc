#include "engine/parse/internal/utf8_char_stream.h"

#include <algorithm>

#include "Exceptions.h"
#include "misc/Interval.h"

namespace tradelint::parse_internal {

std::size_t SequenceLength(char lead) {
  const auto byte = static_cast<unsigned char>(lead);
  return byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
}

bool IsContinuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

Utf8CharStream::Utf8CharStream(const Fragment& fragment)
    : fragment_(fragment),
      file_text_(fragment.source()->text()),
      begin_(fragment.ByteOffsetOf(0)),
      end_(fragment.ByteOffsetOf(fragment.code_point_count())),
      byte_(begin_) {}

void Utf8CharStream::consume() {
  if (byte_ >= end_) throw antlr4::IllegalStateException("cannot consume EOF");
  byte_ += SequenceLength(file_text_[byte_]);
  ++index_;
}

std::size_t Utf8CharStream::LA(ssize_t i) {
  if (i == 0) return 0;  // undefined, as in ANTLRInputStream
  std::size_t at = byte_;
  for (; i > 1; --i) {
    if (at >= end_) return antlr4::IntStream::EOF;
    at += SequenceLength(file_text_[at]);
  }
  for (; i < 0; ++i) {
    if (at <= begin_) return antlr4::IntStream::EOF;
    do --at;
    while (IsContinuation(file_text_[at]));
  }
  if (at >= end_) return antlr4::IntStream::EOF;
  return std::min<std::size_t>(static_cast<unsigned char>(file_text_[at]), 0x7F);
}

void Utf8CharStream::seek(std::size_t index) {
  index_ = std::min(index, fragment_.code_point_count());
  byte_ = fragment_.ByteOffsetOf(index_);
}

std::string Utf8CharStream::getSourceName() const { return fragment_.source()->path(); }

std::string Utf8CharStream::getText(const antlr4::misc::Interval& interval) {
  const std::size_t count = fragment_.code_point_count();
  if (interval.a < 0 || interval.b < interval.a || static_cast<std::size_t>(interval.a) >= count)
    return "";
  const std::size_t first = fragment_.ByteOffsetOf(static_cast<std::size_t>(interval.a));
  const std::size_t after_last =
      fragment_.ByteOffsetOf(std::min(static_cast<std::size_t>(interval.b) + 1, count));
  return std::string(file_text_.substr(first, after_last - first));
}

}  // namespace tradelint::parse_internal
