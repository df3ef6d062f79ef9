#pragma once
// RulesScanner: the tokens of grammar/Rules.g4's lexer rules, scanned by hand over a
// Fragment's UTF-8 text, for the generated parser.
//
// ANTLR's generated lexer simulates its ATN character by character through virtual calls,
// an edge map and a lock: it took over a third of the time of compiling the bundled rulesets.
// The scanner gives exactly the same tokens (type, channel, start and stop in code points,
// line, column; `WS` skipped, `COMMENT` on the hidden channel) by the same rule: the longest
// match, and between matches of one length the rule listed first in the grammar. A test
// compares the two on every ruleset of the repository and on generated text
// (tests/unit/parse/rules_scanner_test.cc); a change to the grammar's lexer rules must be
// made here too.
//
// The text must be valid UTF-8 (ValidateUtf8). Like the grammar, the scanner tells no code
// point above U+007F apart: such a code point is part of a string or comment, or one
// ERROR_CHAR token.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "antlr4-runtime.h"
#include "engine/parse/internal/fragment.h"
#include "engine/parse/internal/utf8_char_stream.h"

namespace tradelint::parse_internal {

// The token at byte `at` of `text` (before its end): its type (a RulesLexer token type, or
// kSkippedToken for whitespace, which the grammar skips) and its length in bytes.
struct ScannedToken {
  std::size_t type;
  std::size_t length;
};
inline constexpr std::size_t kSkippedToken = static_cast<std::size_t>(-1);
ScannedToken ScanToken(std::string_view text, std::size_t at);

class RulesScanner : public antlr4::TokenSource {
 public:
  // `input` reads `fragment`; both must outlive the scanner and its tokens (a token's text is
  // read from `input`).
  RulesScanner(const Fragment& fragment, Utf8CharStream& input);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return line_; }
  size_t getCharPositionInLine() override { return column_; }
  antlr4::CharStream* getInputStream() override { return &input_; }
  std::string getSourceName() override { return input_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

 private:
  // Moves past `length` bytes, counting code points, lines and columns as ANTLR does.
  void Advance(std::size_t length);

  std::string_view text_;  // the fragment's text
  Utf8CharStream& input_;
  std::size_t offset_ = 0;  // bytes into text_
  std::size_t index_ = 0;   // code points into text_
  std::size_t line_ = 1;
  std::size_t column_ = 0;  // code points since the last line feed
};

}  // namespace tradelint::parse_internal
