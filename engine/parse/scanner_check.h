#pragma once
// The parser reads the tokens of a hand-written scanner (engine/parse/internal/rules_scanner.h),
// which must give exactly what the lexer ANTLR generates from grammar/Rules.g4 gives. This is
// the comparison, for the scanner's unit test and its fuzz target: the tokens of a text by each,
// one line per token with everything the parser and the diagnostics read of it (type, channel,
// start and stop, line, column, text).

#include <optional>
#include <string>

namespace tradelint {

struct ScannerCheck {
  std::string lexer_tokens;    // by ANTLR's generated lexer
  std::string scanner_tokens;  // by the hand-written scanner
};

// Both token lists of `text`; nullopt when `text` is not UTF-8, which the parser refuses before
// scanning.
std::optional<ScannerCheck> CheckScanner(const std::string& text);

}  // namespace tradelint
