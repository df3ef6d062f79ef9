#pragma once
// The character stream ANTLR's lexer reads: a Fragment's UTF-8 text in place, counted in code
// points as ANTLR counts them, with no copy of the text. (ANTLRInputStream would first copy it
// as UTF-32, 4 bytes a code point, and its conversion briefly takes several times more.)

#include <cstddef>
#include <string>
#include <string_view>

#include "CharStream.h"
#include "engine/parse/internal/fragment.h"

namespace tradelint::parse_internal {

// Every code point above U+007F reads as U+007F. ANTLR's lexer caches its DFA transitions for
// code points up to U+007F only and simulates its ATN afresh for every other one, which made
// messages in Chinese, Arabic or Hindi and test records with non-Latin text cost most of the
// parse. The grammar never tells such code points apart (they occur only in strings, comments
// and error tokens, which take any character), so the tokens are the same; their text still
// comes from the original input. `fragment` must outlive the stream.
// Bytes in the UTF-8 sequence that starts with `lead` (the text is valid UTF-8).
std::size_t SequenceLength(char lead);
// Whether `byte` continues a UTF-8 sequence rather than starting one.
bool IsContinuation(char byte);

class Utf8CharStream : public antlr4::CharStream {
 public:
  explicit Utf8CharStream(const Fragment& fragment);

  void consume() override;
  std::size_t LA(ssize_t i) override;
  ssize_t mark() override { return -1; }  // the text is all in memory: nothing to keep
  void release(ssize_t /*marker*/) override {}
  std::size_t index() override { return index_; }
  void seek(std::size_t index) override;
  std::size_t size() override { return fragment_.code_point_count(); }
  std::string getSourceName() const override;
  std::string getText(const antlr4::misc::Interval& interval) override;
  std::string toString() const override { return std::string(fragment_.text()); }

 private:
  const Fragment& fragment_;
  std::string_view file_text_;  // the whole file; fragment_ is [begin, end) of it
  std::size_t begin_;           // byte offset of the fragment's start in file_text_
  std::size_t end_;             // byte offset of the fragment's end in file_text_
  std::size_t index_ = 0;       // code point index of the next character, in the fragment
  std::size_t byte_;            // its byte offset in file_text_
};

}  // namespace tradelint::parse_internal
