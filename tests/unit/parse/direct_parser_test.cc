// The direct parser (engine/parse/internal/direct_parser.h) gives exactly the AST of the
// reference path, ANTLR's parser and the AST builder, wherever it does not decline; it declines
// wherever the reference reports an error; and it declines none of the repository's rulesets.

#include "engine/parse/parser_check.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tests/unit/parse/repository_rulesets.h"

namespace tradelint {
namespace {

// Asserts what the direct parser promises of `text`; returns whether it gave an AST.
bool ExpectSameAstOrDeclined(const std::string& text, TestBlocks tests,
                             const ParseLimits& limits = {}) {
  const auto check = CheckDirectParser(text, tests, limits);
  EXPECT_TRUE(check) << text;
  if (!check) return false;
  if (check->declined) return false;
  EXPECT_FALSE(check->reference_failed) << "the reference refuses what the direct parser took:\n"
                                        << text;
  EXPECT_EQ(check->direct_ast, check->reference_ast) << text;
  return true;
}

TEST(DirectParserTest, SameAstAsTheReferenceOnEveryRulesetOfTheRepository) {
  int parsed = 0;
  for (const RepositoryRuleset& ruleset : RepositoryRulesets()) {
    for (const TestBlocks tests : {TestBlocks::kParse, TestBlocks::kSkip}) {
      const auto check = CheckDirectParser(ruleset.text, tests);
      if (!check) continue;  // not UTF-8 (a golden case)
      if (check->reference_failed) {
        EXPECT_TRUE(check->declined) << ruleset.path;
        continue;
      }
      // A file the reference parses is never left to it: that is the point of the parser.
      EXPECT_FALSE(check->declined) << ruleset.path;
      EXPECT_EQ(check->direct_ast, check->reference_ast) << ruleset.path;
      ++parsed;
    }
  }
  EXPECT_GT(parsed, 200);
}

std::string InRule(const std::string& expression) {
  return "ruleset t.x {\n}\nrule r {\n  when " + expression + "\n  require true\n}\n";
}

TEST(DirectParserTest, SameAstAsTheReferenceForEveryOperatorAndPrecedence) {
  for (const std::string expression : {"a.b.c[0][*].d",
                                       "-a * b",
                                       "-a.b",
                                       "not a and b",
                                       "not a == b",
                                       "not a in b",
                                       "a not in b or c in d",
                                       "a + b * c - d / e",
                                       "a == b == c",
                                       "a < b and b <= c or c > d",
                                       "if a then b else c and d",
                                       "if a then if b then c else d else e or f",
                                       "x + if a then b else c * d",
                                       "any x in xs: x.y > 1 and all z in x.zs: z == 2",
                                       "any x in a in b: c",
                                       "f() and g(a) and h(a, b.c, [1, 2,])",
                                       "[] == [,] and [a,] != []",
                                       "(a or b) and (c)",
                                       "((a))",
                                       "EUR 150 < price and 30 days > d and 2025-01-01 < t",
                                       "DE in markets and US-CA == m and X",
                                       "[\"a\", \"b\"] and [\"a\"]",
                                       "r\"^x+$\" == s",
                                       "\"t\\u{1F600}\\n\" == s",
                                       "a.when.title.in_x",
                                       "market == \"DE\" and as_of > d",
                                       "not not not a",
                                       "- - 5",
                                       "a - -5",
                                       "3 * -a",
                                       "1.50 == 1.5",
                                       "a[b + 1]"}) {
    EXPECT_TRUE(ExpectSameAstOrDeclined(InRule(expression), TestBlocks::kParse)) << expression;
  }
}

TEST(DirectParserTest, SameAstAsTheReferenceForEveryItem) {
  const std::string file = R"(ruleset eu.gpsr.x {
  title "T \"q\""
  jurisdiction EU
  instrument "I"
  effective 2024-12-13 until 2030-01-01
  version "1"
  scope product.category
  scope x.y
}
import eu.common
def f(a, b) = a + b
def g() = 1
def h = 2
const LIMIT = EUR 150
set NAMES = ["a", # note
  "b"]
table BRANDS = "data/brands.csv"
group rule g1 "Group" {
  link order by order_id
  link payment by order.id
  within 30 days
  require count(orders) > 0
}
rule r1 "Title" {
  title de "Titel"
  title fr "Titre"
  ref "R-1"
  applies to listing
  domain product_safety
  severity error
  cite "Art. 1"
  responsible seller
  effective 2024-01-01
  when a
  when b
  unless c
  forbid d
  message "Brand {brand} is {{literal}} and {x.y + 1}."
  message de "Marke {brand}"
  fix "Add it \{x\}"
  override eu.other.rule
}
rule r2 { until 2025-01-01 require x }
test "t1" {
  record "records/a.json"
  record """{"id": "x"}"""
  market US-CA
  as of 2025-06-01
  expect verdict pass
  expect fail eu.gpsr.x.r1 violation
  expect warn r2
  expect finding r2 missing_data
  expect pass r1
  expect no finding r1
}
)";
  EXPECT_TRUE(ExpectSameAstOrDeclined(file, TestBlocks::kParse));
  EXPECT_TRUE(ExpectSameAstOrDeclined(file, TestBlocks::kSkip));
}

TEST(DirectParserTest, DeclinesWhereTheReferenceReportsAnError) {
  for (const std::string& text : std::vector<std::string>{
           InRule("a +"),
           InRule("(a"),
           InRule("a b"),
           InRule("\"bad \\q\""),
           InRule("2025-02-30"),
           InRule("EUR 99999999999999999999999999999999999999999"),
           InRule("ABCD 5"),
           InRule("5.5 days"),
           InRule("[, a]"),
           InRule("€"),
           InRule("\"open"),
           "ruleset t {\n title \"a\"\n title \"b\"\n}\n",
           "ruleset t {\n}\nrule r { require a\n forbid b }\n",
           "ruleset t {\n}\nrule r \"x\" { title \"y\" require a }\n",
           "ruleset t {\n}\nrule r { require a message \"{a\" }\n",
           "ruleset t {\n}\nrule r { require a message \"a}\" }\n",
           "ruleset t {\n}\nrule r { require a message \"{}\" }\n",
           "ruleset t {\n}\nrule r { require a message \"x\" message \"y\" }\n",
           "ruleset t {\n}\ngroup rule r { within 2 fortnights require a }\n",
           "ruleset t {\n}\ngroup rule r { within 2 days within 3 days require a }\n",
           "ruleset t {\n}\ngroup rule r { within 1.5 days require a }\n",
           "ruleset t {\n}\ntest \"x\" { as of 2025-13-01 }\n",
           "ruleset t {\n}\ntest x { }\n",
           "ruleset t {\n}\nrule r { effective 2024-01-01 until 2025-01-01 until 2026-01-01 }\n"}) {
    const auto check = CheckDirectParser(text, TestBlocks::kParse);
    ASSERT_TRUE(check) << text;
    EXPECT_TRUE(check->reference_failed) << text;
    EXPECT_TRUE(check->declined) << text;
  }
}

TEST(DirectParserTest, DeclinesShortOfTheNestingLimits) {
  ParseLimits limits;
  limits.max_expression_depth = 12;
  limits.max_nesting = 6;
  for (int depth = 1; depth < 20; ++depth) {
    std::string nots, parens, chain = "a";
    for (int i = 0; i < depth; ++i) {
      nots += "not ";
      parens += "(";
      chain += " and a";
    }
    // Well short of the limits, nothing is declined; near and beyond them, whatever is not
    // declined is still the reference's AST.
    const bool shallow = depth <= 3;
    EXPECT_EQ(ExpectSameAstOrDeclined(InRule(nots + "a"), TestBlocks::kParse, limits) || !shallow,
              true);
    EXPECT_EQ(ExpectSameAstOrDeclined(InRule(parens + "a" + std::string(depth, ')')),
                                      TestBlocks::kParse, limits) ||
                  !shallow,
              true);
    EXPECT_EQ(ExpectSameAstOrDeclined(InRule(chain), TestBlocks::kParse, limits) || !shallow, true);
  }
}

// Expressions and items of random tokens: wherever the direct parser gives an AST, it is the
// reference's; and it gives one often enough for that to mean something.
TEST(DirectParserTest, SameAstAsTheReferenceOnRandomTokens) {
  const std::vector<std::string> pieces = {"a",          "b.c",
                                           ".",          "x",
                                           "(",          ")",
                                           "[",          "]",
                                           "[*]",        ",",
                                           "not",        "in",
                                           "and",        "or",
                                           "+",          "-",
                                           "*",          "/",
                                           "==",         "<",
                                           ">=",         "if",
                                           "then",       "else",
                                           "any",        "all",
                                           ":",          "1",
                                           "2.5",        "days",
                                           "EUR 5",      "DE",
                                           "US-CA",      "\"s\"",
                                           "true",       "f(",
                                           "2025-01-01", "[\"p\", \"q\"]",
                                           "r\"re\"",    "market",
                                           "title"};
  std::mt19937 random(20261205);
  int parsed = 0;
  for (int round = 0; round < 6000; ++round) {
    std::string expression;
    const int length = 1 + static_cast<int>(random() % 9);
    for (int i = 0; i < length; ++i) expression += pieces[random() % pieces.size()] + " ";
    if (ExpectSameAstOrDeclined(InRule(expression), TestBlocks::kParse)) ++parsed;
    if (testing::Test::HasFailure()) return;
  }
  EXPECT_GT(parsed, 300);
}

}  // namespace
}  // namespace tradelint
