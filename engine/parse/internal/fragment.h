#pragma once
// A stretch of a source file handed to ANTLR: the whole file, or the text of one `{expr}`
// interpolation inside a message. ANTLR counts code points; spans count bytes. A Fragment
// maps one to the other and runs the lexer and parser over its text with diagnostics
// reported at their real place in the file.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "Token.h"
#include "engine/diag/diagnostic.h"
#include "engine/parse/parser.h"
#include "engine/source/source.h"

namespace tradelint::parse_internal {

class Fragment {
 public:
  // `begin`/`end`: byte range of the fragment inside source->text(). The text must be valid
  // UTF-8 (ValidateUtf8 checks a whole file before any fragment of it is made).
  Fragment(std::shared_ptr<const SourceFile> source, std::size_t begin, std::size_t end);

  const std::shared_ptr<const SourceFile>& source() const { return source_; }
  std::string_view text() const;
  std::size_t code_point_count() const { return code_point_count_; }
  // Byte offset in the file of code point `index` of this fragment (`code_point_count()`: of
  // its end).
  std::size_t ByteOffsetOf(std::size_t index) const;
  // Span of code points [first, last] (inclusive, as ANTLR reports tokens) in this fragment.
  Span SpanOfCodePoints(std::size_t first, std::size_t last) const;
  Span SpanOf(const antlr4::Token* token) const;
  Span SpanOf(const antlr4::Token* first, const antlr4::Token* last) const;

 private:
  std::shared_ptr<const SourceFile> source_;
  std::size_t begin_;
  std::size_t end_;
  // The code points of more than one byte, in order, each with the bytes beyond one per code
  // point up to and including it: all a code point's offset needs (ASCII text needs nothing).
  struct WideCodePoint {
    std::uint32_t index;
    std::uint32_t extra_bytes;
  };
  std::vector<WideCodePoint> wide_code_points_;
  std::size_t code_point_count_ = 0;
};

// Reports `invalid_utf8` at the first invalid byte sequence. Returns true when valid.
bool ValidateUtf8(const std::shared_ptr<const SourceFile>& source, Diagnostics& diagnostics);

}  // namespace tradelint::parse_internal
