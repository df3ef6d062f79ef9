// The hand-written scanner gives exactly the tokens of the lexer ANTLR generates from
// grammar/Rules.g4 (type, channel, start and stop, line, column, text) on every ruleset in the
// repository and on generated text that mixes the grammar's characters at random.

#include "engine/parse/scanner_check.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tests/unit/parse/repository_rulesets.h"

namespace tradelint {
namespace {

TEST(RulesScannerTest, SameTokensAsTheGeneratedLexerOnEveryRulesetOfTheRepository) {
  int files = 0;
  for (const RepositoryRuleset& ruleset : RepositoryRulesets()) {
    // Text that is not UTF-8 is refused before it is scanned (a golden case has some).
    const auto tokens = CheckScanner(ruleset.text);
    if (!tokens) continue;
    ASSERT_EQ(tokens->scanner_tokens, tokens->lexer_tokens) << ruleset.path;
    ++files;
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
    const auto tokens = CheckScanner(text);
    ASSERT_TRUE(tokens) << text;
    EXPECT_EQ(tokens->scanner_tokens, tokens->lexer_tokens) << text;
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
    const auto tokens = CheckScanner(text);
    ASSERT_TRUE(tokens) << text;
    ASSERT_EQ(tokens->scanner_tokens, tokens->lexer_tokens) << "text: " << text;
  }
}

}  // namespace
}  // namespace tradelint
