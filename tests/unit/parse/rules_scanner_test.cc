// The hand-written scanner gives exactly the tokens of the lexer ANTLR generates from
// grammar/Rules.g4 (type, channel, start and stop, line, column, text) on every ruleset in the
// repository and on generated text that mixes the grammar's characters at random.

#include "engine/parse/internal/rules_scanner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "RulesLexer.h"
#include "engine/parse/internal/fragment.h"
#include "engine/parse/internal/utf8_char_stream.h"

namespace tradelint::parse_internal {
namespace {

// One line per token, with everything the parser and the diagnostics read of it.
std::string Describe(antlr4::TokenSource& source) {
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

// The tokens of `text` by ANTLR's lexer and by the scanner.
std::pair<std::string, std::string> BothTokens(const std::string& text) {
  const auto file = std::make_shared<const SourceFile>("t.trl", text);
  const Fragment fragment(file, 0, text.size());
  Utf8CharStream lexer_input(fragment);
  tradelint_grammar::RulesLexer lexer(&lexer_input);
  lexer.removeErrorListeners();
  Utf8CharStream scanner_input(fragment);
  RulesScanner scanner(fragment, scanner_input);
  return {Describe(lexer), Describe(scanner)};
}

TEST(RulesScannerTest, SameTokensAsTheGeneratedLexerOnEveryRulesetOfTheRepository) {
  const std::filesystem::path root = TRADELINT_SOURCE_DIR;
  int files = 0;
  for (const char* folder : {"rulesets", "bench", "tests", "examples", "docs"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
      if (entry.path().extension() != ".trl") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      // Text that is not UTF-8 is refused before it is scanned (a golden case has some).
      Diagnostics diagnostics;
      if (!ValidateUtf8(std::make_shared<const SourceFile>("t.trl", text.str()), diagnostics)) {
        continue;
      }
      const auto [lexer, scanner] = BothTokens(text.str());
      ASSERT_EQ(scanner, lexer) << entry.path();
      ++files;
    }
  }
  EXPECT_GT(files, 100);
}

TEST(RulesScannerTest, SameTokensAsTheGeneratedLexerOnTrickyText) {
  for (const std::string text :
       {"", " ", "\n", "r\"raw\" r\"open\nr", "\"\"\"triple\n\"\"\" \"\"\"\"\"\" \"\"\"open\"\"",
        "\"esc\\\"aped\" \"bad\\\n\"x\\", "[\"a\"] [\"a\", \"b\"] [\"a\" , \"b\",] [\"a\",]",
        "[\"a\", # note ]\n \"b\" # close ] here\n]", "[\"a\", \"b\" # ] only\n",
        "[ # c\n\"a\",\"b\"]", "2025-01-01 2025-1-01 12.5 12. .5 0012 2025-01-011",
        "US-CA US- USA-B Us-CA EU EUx A_b _x", "rule rules RULE r ruleset test tests TRUE true",
        "a==b != ! <= >= < > = += -* /", "é \"é\" # é\n€x 中文 \"\xF0\x9F\x98\x80\"",
        "\t\r\n\r\r\n x"}) {
    const auto [lexer, scanner] = BothTokens(text);
    EXPECT_EQ(scanner, lexer) << text;
  }
}

TEST(RulesScannerTest, SameTokensAsTheGeneratedLexerOnRandomText) {
  const std::vector<std::string> pieces = {
      "\"", "\"\"\"", "\\", "[", "]", ",", "#", "\n", "\r",   " ",  "\t", "r", "a",  "Z", "_",
      "0",  "2025",   "-",  ".", "=", "!", "<", ">",  "rule", "in", "US", "é", "中", "{", "}"};
  std::mt19937 random(20261205);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 24);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    const auto [lexer, scanner] = BothTokens(text);
    ASSERT_EQ(scanner, lexer) << "text: " << text;
  }
}

}  // namespace
}  // namespace tradelint::parse_internal
