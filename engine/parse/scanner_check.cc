#include "engine/parse/scanner_check.h"

#include <memory>

#include "RulesLexer.h"
#include "engine/diag/diagnostic.h"
#include "engine/parse/internal/fragment.h"
#include "engine/parse/internal/rules_scanner.h"
#include "engine/parse/internal/utf8_char_stream.h"
#include "engine/source/source.h"

namespace tradelint {
namespace {

std::string DescribeTokens(antlr4::TokenSource& source) {
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

}  // namespace

std::optional<ScannerCheck> CheckScanner(const std::string& text) {
  using parse_internal::Fragment;
  using parse_internal::Utf8CharStream;
  const auto file = std::make_shared<const SourceFile>("t.trl", text);
  Diagnostics diagnostics;
  if (!parse_internal::ValidateUtf8(file, diagnostics)) return std::nullopt;
  const Fragment fragment(file, 0, text.size());
  Utf8CharStream lexer_input(fragment);
  tradelint_grammar::RulesLexer lexer(&lexer_input);
  lexer.removeErrorListeners();
  Utf8CharStream scanner_input(fragment);
  parse_internal::RulesScanner scanner(fragment, scanner_input);
  return ScannerCheck{DescribeTokens(lexer), DescribeTokens(scanner)};
}

}  // namespace tradelint
