#pragma once
// The tokens of a text by the hand-written scanner (engine/parse/internal/rules_scanner.h) and
// by the lexer ANTLR generates from grammar/Rules.g4, each as one line per token with
// everything the parser and the diagnostics read of it: for the scanner's unit test and its
// fuzz target, which require the two to be equal on any UTF-8 text.

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "RulesLexer.h"
#include "engine/diag/diagnostic.h"
#include "engine/parse/internal/fragment.h"
#include "engine/parse/internal/rules_scanner.h"
#include "engine/parse/internal/utf8_char_stream.h"
#include "engine/source/source.h"

namespace tradelint::parse_internal {

inline std::string DescribeTokens(antlr4::TokenSource& source) {
  std::string out;
  while (true) {
    const std::unique_ptr<antlr4::Token> token = source.nextToken();
    out += std::to_string(token->getType()) + " ch" + std::to_string(token->getChannel()) + " " +
           std::to_string(token->getStartIndex()) + ".." + std::to_string(token->getStopIndex()) +
           " " + std::to_string(token->getLine()) + ":" +
           std::to_string(token->getCharPositionInLine()) + " `" + token->getText() + "`\n";
    if (token->getType() == antlr4::Token::EOF) return out;
  }
}

// {the generated lexer's tokens, the scanner's tokens} of `text`; nullopt when `text` is not
// UTF-8, which the parser refuses before scanning (ValidateUtf8).
inline std::optional<std::pair<std::string, std::string>> LexerAndScannerTokens(
    const std::string& text) {
  const auto file = std::make_shared<const SourceFile>("t.trl", text);
  Diagnostics diagnostics;
  if (!ValidateUtf8(file, diagnostics)) return std::nullopt;
  const Fragment fragment(file, 0, text.size());
  Utf8CharStream lexer_input(fragment);
  tradelint_grammar::RulesLexer lexer(&lexer_input);
  lexer.removeErrorListeners();
  Utf8CharStream scanner_input(fragment);
  RulesScanner scanner(fragment, scanner_input);
  return std::pair(DescribeTokens(lexer), DescribeTokens(scanner));
}

}  // namespace tradelint::parse_internal
