// The parser turns ruleset text into the AST docs/language.md describes (header, imports,
// definitions, rules with their items, message pieces, tests with their expectations), with
// the documented precedence and literals, and reports every syntax error of a file with a
// stable code and a span at the right line and column.
#include "engine/parse/parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <type_traits>
#include <variant>
#include <vector>

namespace tradelint {
namespace {

using testing::Each;
using testing::ElementsAre;
using testing::Eq;
using testing::HasSubstr;
using testing::IsSupersetOf;

struct Parsed {
  std::unique_ptr<ast::RulesetFile> file;
  Diagnostics diagnostics;

  std::vector<std::string> Codes() const {
    std::vector<std::string> codes;
    for (const Diagnostic& diagnostic : diagnostics.all()) codes.push_back(diagnostic.code);
    return codes;
  }
  std::vector<std::string> Locations() const {
    std::vector<std::string> locations;
    for (const Diagnostic& diagnostic : diagnostics.all())
      locations.push_back(diagnostic.span.Location());
    return locations;
  }
};

std::unique_ptr<Parsed> Parse(const std::string& text, const ParseLimits& limits = {}) {
  auto parsed = std::make_unique<Parsed>();
  parsed->file =
      ParseRuleset(std::make_shared<const SourceFile>("t.trl", text), parsed->diagnostics, limits);
  return parsed;
}

constexpr char kHeader[] = "ruleset t.parse {\n  jurisdiction EU\n}\n";

// The AST of `expression` written as the `require` of a rule.
std::unique_ptr<Parsed> ParseExpression(const std::string& expression) {
  return Parse(std::string(kHeader) + "rule r {\n  require " + expression + "\n}\n");
}

const ast::Expr& RequireOf(const Parsed& parsed) { return *parsed.file->rules.at(0).require; }

// A compact prefix rendering of an expression, to compare tree shapes.
std::string Shape(const ast::Expr& expr) {
  return std::visit(
      [](const auto& node) -> std::string {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::Literal>) {
          return (node.raw ? "raw:" : "") + node.value.ToDisplayString();
        } else if constexpr (std::is_same_v<T, ast::Name>) {
          return node.name;
        } else if constexpr (std::is_same_v<T, ast::UpperName>) {
          return node.name;
        } else if constexpr (std::is_same_v<T, ast::Member>) {
          return Shape(*node.base) + "." + node.field;
        } else if constexpr (std::is_same_v<T, ast::Index>) {
          return Shape(*node.base) + "[" + (node.index ? Shape(*node.index) : "*") + "]";
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          return std::string(node.op == ast::UnaryOp::kNot ? "(not " : "(neg ") +
                 Shape(*node.operand) + ")";
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          return "(" + std::string(ast::BinaryOpText(node.op)) + " " + Shape(*node.lhs) + " " +
                 Shape(*node.rhs) + ")";
        } else if constexpr (std::is_same_v<T, ast::Conditional>) {
          return "(if " + Shape(*node.condition) + " " + Shape(*node.then_branch) + " " +
                 Shape(*node.else_branch) + ")";
        } else if constexpr (std::is_same_v<T, ast::Quantifier>) {
          return std::string(node.all ? "(all " : "(any ") + node.variable + " " +
                 Shape(*node.domain) + " " + Shape(*node.body) + ")";
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          std::string text = "(" + node.function;
          for (const ast::ExprPtr& argument : node.arguments) text += " " + Shape(*argument);
          return text + ")";
        } else {
          std::string text = "[";
          for (const ast::ExprPtr& item : node.items)
            text += (text.size() > 1 ? " " : "") + Shape(*item);
          return text + "]";
        }
      },
      expr.node);
}

constexpr char kFullFile[] = R"trl(# A comment line
ruleset eu.sample {
  title        "Sample"
  jurisdiction EU
  instrument   "Regulation (EU) 2023/988"
  effective    2024-12-13 until 2028-06-30
  version      "2024-12-13"
}

import eu.common
def offered = "consumer" in offer.audience or missing(offer.audience)
def in_window(period, limit) = period.valid_from < limit - 30 days
const CEILING = EUR 150
set HAZARDS = ["small_parts", "marble"]

rule contact "Manufacturer contact" {
  ref         "EU-GPSR-19-MFR"
  applies to  listing
  domain      product_safety
  severity    error
  cite        "Regulation (EU) 2023/988, Art. 19(a)"
  responsible seller
  effective   2025-01-01
  override    eu.base.contact
  when        offered
  when        market in EU
  unless      product.professional_use_only == true
  require     present(product.manufacturer.name)
  message     "name {product.manufacturer.name} for {market}; {{literal}}"
  message de  "Hersteller angeben"
  fix         "fill the name"
}

rule later {
  until   2026-07-31
  forbid  false
}

test "a test" {
  record """{"kind": "listing", "id": "L-1"}"""
  market DE
  as of  2025-03-01
  expect verdict pass
  expect finding contact violation
  expect fail eu.sample.contact
  expect warn contact
  expect pass contact
  expect no finding later
}

test "a record file" {
  record "records/x.json"
  market US-CA
  expect fail contact missing_data
}
)trl";

TEST(Parser, BuildsTheHeaderImportsAndDefinitions) {
  const auto parsed = Parse(kFullFile);
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  EXPECT_TRUE(parsed->diagnostics.all().empty()) << parsed->diagnostics.RenderAll();
  const ast::RulesetFile& file = *parsed->file;
  EXPECT_EQ(file.id.text, "eu.sample");
  EXPECT_EQ(file.title->text, "Sample");
  EXPECT_EQ(file.jurisdiction->text, "EU");
  EXPECT_EQ(file.instrument->text, "Regulation (EU) 2023/988");
  EXPECT_EQ(file.version->text, "2024-12-13");
  EXPECT_EQ(file.effective.from, Date::Parse("2024-12-13"));
  EXPECT_EQ(file.effective.until, Date::Parse("2028-06-30"));
  ASSERT_EQ(file.imports.size(), 1u);
  EXPECT_EQ(file.imports[0].text, "eu.common");

  ASSERT_EQ(file.definitions.size(), 4u);
  EXPECT_EQ(file.definitions[0].kind, ast::Definition::Kind::kDef);
  EXPECT_EQ(file.definitions[0].name, "offered");
  EXPECT_TRUE(file.definitions[0].parameters.empty());
  EXPECT_EQ(Shape(*file.definitions[0].body),
            "(or (in \"consumer\" offer.audience) (missing offer.audience))");
  EXPECT_EQ(file.definitions[1].name, "in_window");
  ASSERT_EQ(file.definitions[1].parameters.size(), 2u);
  EXPECT_EQ(file.definitions[1].parameters[0].text, "period");
  EXPECT_EQ(file.definitions[1].parameters[1].text, "limit");
  EXPECT_EQ(Shape(*file.definitions[1].body), "(< period.valid_from (- limit 30 days))");
  EXPECT_EQ(file.definitions[2].kind, ast::Definition::Kind::kConst);
  EXPECT_EQ(file.definitions[2].name, "CEILING");
  EXPECT_EQ(Shape(*file.definitions[2].body), "EUR 150");
  EXPECT_EQ(file.definitions[3].kind, ast::Definition::Kind::kSet);
  // A list of strings is one literal (a list value), not a node per item.
  EXPECT_EQ(Shape(*file.definitions[3].body), "[\"small_parts\", \"marble\"]");
}

TEST(Parser, BuildsRulesWithEveryItem) {
  const auto parsed = Parse(kFullFile);
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  ASSERT_EQ(parsed->file->rules.size(), 2u);
  const ast::Rule& rule = parsed->file->rules[0];
  EXPECT_EQ(rule.id.text, "contact");
  EXPECT_EQ(rule.title, "Manufacturer contact");
  EXPECT_EQ(rule.ref->text, "EU-GPSR-19-MFR");
  EXPECT_EQ(rule.applies_to->text, "listing");
  EXPECT_EQ(rule.domain->text, "product_safety");
  EXPECT_EQ(rule.severity->text, "error");
  EXPECT_EQ(rule.citation->text, "Regulation (EU) 2023/988, Art. 19(a)");
  EXPECT_EQ(rule.responsible->text, "seller");
  EXPECT_EQ(rule.effective.from, Date::Parse("2025-01-01"));
  EXPECT_FALSE(rule.effective.until.has_value());
  ASSERT_EQ(rule.overrides.size(), 1u);
  EXPECT_EQ(rule.overrides[0].text, "eu.base.contact");
  ASSERT_EQ(rule.when.size(), 2u);
  EXPECT_EQ(Shape(*rule.when[0]), "offered");
  EXPECT_EQ(Shape(*rule.when[1]), "(in market EU)");
  ASSERT_EQ(rule.unless.size(), 1u);
  EXPECT_EQ(Shape(*rule.unless[0]), "(== product.professional_use_only true)");
  ASSERT_NE(rule.require, nullptr);
  EXPECT_EQ(rule.forbid, nullptr);
  EXPECT_EQ(Shape(*rule.require), "(present product.manufacturer.name)");

  const ast::Rule& later = parsed->file->rules[1];
  EXPECT_EQ(later.title, "");
  EXPECT_FALSE(later.effective.from.has_value());
  EXPECT_EQ(later.effective.until, Date::Parse("2026-07-31"));
  EXPECT_EQ(later.require, nullptr);
  ASSERT_NE(later.forbid, nullptr);
}

TEST(Parser, SplitsMessagesIntoLiteralAndInterpolatedPieces) {
  const auto parsed = Parse(kFullFile);
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  const ast::Rule& rule = parsed->file->rules[0];
  ASSERT_EQ(rule.messages.size(), 2u);
  const ast::Text& english = rule.messages[0];
  EXPECT_EQ(english.language, "");
  ASSERT_EQ(english.pieces.size(), 5u);
  EXPECT_EQ(english.pieces[0].literal, "name ");
  ASSERT_NE(english.pieces[1].expr, nullptr);
  EXPECT_EQ(Shape(*english.pieces[1].expr), "product.manufacturer.name");
  EXPECT_EQ(english.pieces[2].literal, " for ");
  ASSERT_NE(english.pieces[3].expr, nullptr);
  EXPECT_EQ(Shape(*english.pieces[3].expr), "market");
  EXPECT_EQ(english.pieces[4].expr, nullptr);
  EXPECT_EQ(english.pieces[4].literal, "; {literal}");
  // The interpolated expression's span points into the message text.
  EXPECT_EQ(english.pieces[1].expr->span.Location(), "t.trl:29:22");
  EXPECT_EQ(english.pieces[1].expr->span.text(), "product.manufacturer.name");

  EXPECT_EQ(rule.messages[1].language, "de");
  ASSERT_EQ(rule.messages[1].pieces.size(), 1u);
  EXPECT_EQ(rule.messages[1].pieces[0].literal, "Hersteller angeben");
  ASSERT_EQ(rule.fixes.size(), 1u);
  EXPECT_EQ(rule.fixes[0].pieces.at(0).literal, "fill the name");
}

TEST(Parser, BuildsTestsWithTheirExpectations) {
  const auto parsed = Parse(kFullFile);
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  ASSERT_EQ(parsed->file->tests.size(), 2u);
  const ast::Test& test = parsed->file->tests[0];
  EXPECT_EQ(test.name.text, "a test");
  ASSERT_EQ(test.records.size(), 1u);
  EXPECT_EQ(test.records[0].text.text, R"({"kind": "listing", "id": "L-1"})");
  EXPECT_FALSE(test.records[0].is_file);
  EXPECT_EQ(test.market->text, "DE");
  EXPECT_EQ(test.as_of, Date::Parse("2025-03-01"));
  using Kind = ast::Expectation::Kind;
  ASSERT_EQ(test.expectations.size(), 6u);
  EXPECT_EQ(test.expectations[0].kind, Kind::kVerdict);
  EXPECT_EQ(test.expectations[0].subject.text, "pass");
  EXPECT_EQ(test.expectations[1].kind, Kind::kFinding);
  EXPECT_EQ(test.expectations[1].subject.text, "contact");
  EXPECT_EQ(test.expectations[1].basis->text, "violation");
  EXPECT_EQ(test.expectations[2].kind, Kind::kFinding);
  EXPECT_EQ(test.expectations[2].subject.text, "eu.sample.contact");
  EXPECT_FALSE(test.expectations[2].basis.has_value());
  EXPECT_EQ(test.expectations[3].kind, Kind::kFinding);
  EXPECT_EQ(test.expectations[4].kind, Kind::kNoFinding);
  EXPECT_EQ(test.expectations[4].subject.text, "contact");
  EXPECT_EQ(test.expectations[5].kind, Kind::kNoFinding);
  EXPECT_EQ(test.expectations[5].subject.text, "later");
  EXPECT_EQ(test.expectations[5].span.Location(), "t.trl:48:3");

  const ast::Test& file_test = parsed->file->tests[1];
  ASSERT_EQ(file_test.records.size(), 1u);
  EXPECT_TRUE(file_test.records[0].is_file);
  EXPECT_EQ(file_test.records[0].text.text, "records/x.json");
  EXPECT_EQ(file_test.market->text, "US-CA");
  EXPECT_FALSE(file_test.as_of.has_value());
  EXPECT_EQ(file_test.expectations.at(0).basis->text, "missing_data");
}

TEST(Parser, SkipsTestBlocksWhenAsked) {
  auto parsed = std::make_unique<Parsed>();
  parsed->file = ParseRuleset(std::make_shared<const SourceFile>("t.trl", kFullFile),
                              parsed->diagnostics, {}, TestBlocks::kSkip);
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  EXPECT_TRUE(parsed->file->tests.empty());
  EXPECT_EQ(parsed->file->rules.size(), Parse(kFullFile)->file->rules.size());

  // A syntax error inside a test block is the concern of `lint` and `test` only; one outside
  // is still reported, at its place.
  const std::string broken = std::string(kHeader) +
                             "test \"t\" { record ))) expect { nested } }\n"
                             "rule r {\n  require present(a)\n}\n";
  parsed = std::make_unique<Parsed>();
  parsed->file = ParseRuleset(std::make_shared<const SourceFile>("t.trl", broken),
                              parsed->diagnostics, {}, TestBlocks::kSkip);
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  EXPECT_EQ(parsed->file->rules.size(), 1u);
  EXPECT_EQ(Parse(broken)->file, nullptr);

  parsed = std::make_unique<Parsed>();
  parsed->file = ParseRuleset(
      std::make_shared<const SourceFile>("t.trl", broken + "rule s {\n  require ((\n}\n"),
      parsed->diagnostics, {}, TestBlocks::kSkip);
  EXPECT_EQ(parsed->file, nullptr);
  EXPECT_THAT(parsed->Locations(), ElementsAre("t.trl:10:1"));  // the `}` after `((`
}

struct ShapeCase {
  const char* expression;
  const char* shape;
};

void PrintTo(const ShapeCase& c, std::ostream* out) { *out << c.expression; }

class Expressions : public testing::TestWithParam<ShapeCase> {};

TEST_P(Expressions, ParseWithTheDocumentedPrecedence) {
  const auto parsed = ParseExpression(GetParam().expression);
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  EXPECT_EQ(Shape(RequireOf(*parsed)), GetParam().shape);
}

INSTANTIATE_TEST_SUITE_P(
    Precedence, Expressions,
    testing::Values(ShapeCase{"a or b and c", "(or a (and b c))"},
                    ShapeCase{"a and b or c", "(or (and a b) c)"},
                    ShapeCase{"not a and b", "(and (not a) b)"},
                    ShapeCase{"not a in L", "(not (in a L))"},
                    ShapeCase{"a not in [1, 2]", "(not in a [1 2])"},
                    ShapeCase{"a == b in L", "(in (== a b) L)"},
                    ShapeCase{"1 + 2 * 3 == 7", "(== (+ 1 (* 2 3)) 7)"},
                    ShapeCase{"10 - 4 - 3 == 3", "(== (- (- 10 4) 3) 3)"},
                    ShapeCase{"8 / 2 / 2 == 2", "(== (/ (/ 8 2) 2) 2)"},
                    ShapeCase{"-a.b * 2 < 0", "(< (* (neg a.b) 2) 0)"},
                    ShapeCase{"if a then b else c or d", "(if a b (or c d))"},
                    ShapeCase{"if a or b then c else d", "(if (or a b) c d)"},
                    ShapeCase{"any x in lines: x.a and x.b", "(any x lines (and x.a x.b))"},
                    ShapeCase{"all l in lines: any w in l.product.warnings: w.language == \"de\"",
                              "(all l lines (any w l.product.warnings (== w.language \"de\")))"},
                    ShapeCase{"lines[*].unit_price == lines[0].unit_price",
                              "(== lines[*].unit_price lines[0].unit_price)"},
                    ShapeCase{"product.tariff_codes[*].market == title",
                              "(== product.tariff_codes[*].market title)"},
                    ShapeCase{"(a or b) and c", "(and (or a b) c)"},
                    ShapeCase{"LIMIT - 1 > 0", "(> (- LIMIT 1) 0)"},
                    ShapeCase{"market in US-CA", "(in market US-CA)"},
                    ShapeCase{"f(a, [1, 2,], g())", "(f a [1 2] (g))"}));

TEST(Parser, ReadsLiterals) {
  const auto parsed = ParseExpression(
      "[150.00, 0.1, EUR 19.99, 30 days, 1 day, 2 weeks, 12 months, 1 year, 2025-02-28, true, "
      "false, "
      "\"a\\\"b\\\\c\\u{1F600}\\{\\}\", r\"^\\d+$\"]");
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  const auto& items = std::get<ast::ListLiteral>(RequireOf(*parsed).node).items;
  ASSERT_EQ(items.size(), 13u);
  auto value = [&](std::size_t i) { return std::get<ast::Literal>(items[i]->node).value; };
  EXPECT_EQ(value(0).as_number(), Decimal(150));
  EXPECT_EQ(value(1).as_number(), *Decimal::Parse("0.1"));
  EXPECT_EQ(value(2).as_money().amount, *Decimal::Parse("19.99"));
  EXPECT_EQ(value(2).as_money().currency.code(), "EUR");
  EXPECT_EQ(value(3).as_duration().count(), 30);
  EXPECT_EQ(value(3).as_duration().unit(), Duration::Unit::kDays);
  EXPECT_EQ(value(4).as_duration().count(), 1);
  EXPECT_EQ(value(5).as_duration().count(), 14);  // a week is 7 days
  EXPECT_EQ(value(5).as_duration().unit(), Duration::Unit::kDays);
  EXPECT_EQ(value(6).as_duration().count(), 12);
  EXPECT_EQ(value(6).as_duration().unit(), Duration::Unit::kMonths);
  EXPECT_EQ(value(7).as_duration().count(), 12);  // a year is 12 months
  EXPECT_EQ(value(7).as_duration().unit(), Duration::Unit::kMonths);
  EXPECT_EQ(value(8).as_date(), *Date::Parse("2025-02-28"));
  EXPECT_TRUE(value(9).as_bool());
  EXPECT_FALSE(value(10).as_bool());
  EXPECT_EQ(value(11).as_string(), "a\"b\\c\xF0\x9F\x98\x80{}");
  EXPECT_EQ(value(12).as_string(), "^\\d+$");
  EXPECT_TRUE(std::get<ast::Literal>(items[12]->node).raw);
}

TEST(Parser, ReadsAListOfStringsAsOneLiteral) {
  // Spaces, line breaks, comments and a trailing comma between the strings; escapes decoded.
  const auto parsed =
      ParseExpression("a in [\"x\", # first\n    \"y\\\"z\",\"caf\xC3\xA9\" # last\n  , ]");
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  const auto& in = std::get<ast::Binary>(RequireOf(*parsed).node);
  const auto& list = std::get<ast::Literal>(in.rhs->node).value.as_list();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].as_string(), "x");
  EXPECT_EQ(list[1].as_string(), "y\"z");
  EXPECT_EQ(list[2].as_string(), "caf\xC3\xA9");
  EXPECT_EQ(in.rhs->span.Location(), "t.trl:5:16");
  EXPECT_EQ(in.rhs->span.text().back(), ']');
}

TEST(Parser, ListsWithOtherItemsStayListsOfExpressions) {
  const auto parsed = ParseExpression("a in [\"x\", b, r\"y\"] and T[\"k\"].c in [\"z\"]");
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  EXPECT_EQ(Shape(RequireOf(*parsed)), "(and (in a [\"x\" b raw:\"y\"]) (in T[\"k\"].c [\"z\"]))");
}

TEST(Parser, ErrorsInAListOfStringsPointAtTheirPlace) {
  const auto escape = ParseExpression("a in [\"x\",\n    \"caf\xC3\xA9\\q\"]");
  EXPECT_THAT(escape->Codes(), ElementsAre("invalid_escape"));
  EXPECT_THAT(escape->Locations(), ElementsAre("t.trl:6:10"));
  // A list of strings where none can stand is reported at its `[`.
  const auto unexpected = ParseExpression("a [\"x\", \"y\"]");
  ASSERT_EQ(unexpected->diagnostics.all().size(), 1u) << unexpected->diagnostics.RenderAll();
  EXPECT_EQ(unexpected->Locations(), std::vector<std::string>{"t.trl:5:13"});
  EXPECT_THAT(unexpected->diagnostics.all()[0].message, HasSubstr("unexpected `[`"));
  // A list of strings left open is lexed as `[` and its items, and reported as before.
  const auto open = ParseExpression("a in [\"x\", \"y\"");
  EXPECT_THAT(open->Codes(), ElementsAre("syntax_error"));
  EXPECT_THAT(open->Locations(), ElementsAre("t.trl:6:1"));
}

TEST(Parser, StatementWordsAreSoftKeywords) {
  const auto parsed =
      ParseExpression("present(title) and record.market == version and test.message");
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  EXPECT_EQ(Shape(RequireOf(*parsed)),
            "(and (and (present title) (== record.market version)) test.message)");
}

TEST(Parser, SpansPointAtTheirLineAndColumn) {
  const auto parsed = Parse(std::string(kHeader) +
                            "rule r {\n  when    offer.condition == \"new\"\n"
                            "  require  any w in product.warnings: w.language == \"de\"\n}\n");
  ASSERT_NE(parsed->file, nullptr) << parsed->diagnostics.RenderAll();
  const ast::Rule& rule = parsed->file->rules.at(0);
  EXPECT_EQ(rule.span.Location(), "t.trl:4:1");
  EXPECT_EQ(rule.id.span.Location(), "t.trl:4:6");
  EXPECT_EQ(rule.when.at(0)->span.Location(), "t.trl:5:11");
  EXPECT_EQ(rule.when.at(0)->span.text(), "offer.condition == \"new\"");
  const auto& quantifier = std::get<ast::Quantifier>(rule.require->node);
  EXPECT_EQ(quantifier.variable_span.Location(), "t.trl:6:16");
  EXPECT_EQ(quantifier.domain->span.Location(), "t.trl:6:21");
  EXPECT_EQ(quantifier.body->span.text(), "w.language == \"de\"");
}

TEST(Parser, ColumnsCountCodePoints) {
  // `$` is the 35th character of line 2 but its 38th byte.
  const auto parsed = Parse("ruleset t.x {\n  title \"Größe 😀\" jurisdiction EU $\n}\n");
  ASSERT_EQ(parsed->file, nullptr);
  EXPECT_THAT(parsed->Codes(), ElementsAre("invalid_character"));
  EXPECT_THAT(parsed->Locations(), ElementsAre("t.trl:2:35"));
}

struct ErrorCase {
  const char* name;
  std::string text;
  std::vector<std::string> codes;
  std::vector<std::string> locations;
};

void PrintTo(const ErrorCase& c, std::ostream* out) { *out << c.name; }

class SyntaxErrors : public testing::TestWithParam<ErrorCase> {};

TEST_P(SyntaxErrors, AreAllReportedWithTheirCodeAndPosition) {
  const auto parsed = Parse(GetParam().text);
  EXPECT_EQ(parsed->file, nullptr);
  EXPECT_EQ(parsed->Codes(), GetParam().codes) << parsed->diagnostics.RenderAll();
  EXPECT_EQ(parsed->Locations(), GetParam().locations) << parsed->diagnostics.RenderAll();
}

std::string ErrorCaseName(const testing::TestParamInfo<ErrorCase>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(
    Codes, SyntaxErrors,
    testing::Values(
        ErrorCase{"MissingOperand",
                  std::string(kHeader) + "rule r {\n  require a ==\n}\n",
                  {"syntax_error"},
                  {"t.trl:6:1"}},
        ErrorCase{"UnterminatedString",
                  std::string(kHeader) + "rule r {\n  message \"open\n}\n",
                  {"unterminated_string"},
                  {"t.trl:5:11"}},
        ErrorCase{"InvalidCharacter",
                  std::string(kHeader) + "rule r {\n  require a == $b\n}\n",
                  {"invalid_character"},
                  {"t.trl:5:16"}},
        ErrorCase{"InvalidEscape",
                  std::string(kHeader) + "rule r {\n  require a == \"x\\qy\"\n}\n",
                  {"invalid_escape"},
                  {"t.trl:5:18"}},
        ErrorCase{"InvalidCodePoint",
                  std::string(kHeader) + "rule r {\n  require a == \"\\u{D800}\"\n}\n",
                  {"invalid_escape"},
                  {"t.trl:5:17"}},
        ErrorCase{"ImpossibleDate",
                  std::string(kHeader) + "rule r {\n  effective 2025-02-30\n}\n",
                  {"invalid_date"},
                  {"t.trl:5:13"}},
        ErrorCase{"ImpossibleDateInAnExpression",
                  std::string(kHeader) + "rule r {\n  require as_of < 2025-13-01\n}\n",
                  {"invalid_date"},
                  {"t.trl:5:19"}},
        ErrorCase{"NumberTooLarge",
                  std::string(kHeader) +
                      "rule r {\n  require a < 1234567890123456789012345678901234567890\n}\n",
                  {"invalid_number"},
                  {"t.trl:5:15"}},
        ErrorCase{"FractionalDuration",
                  std::string(kHeader) + "rule r {\n  require as_of < as_of + 1.5 days\n}\n",
                  {"invalid_number"},
                  {"t.trl:5:27"}},
        ErrorCase{"NotACurrency",
                  std::string(kHeader) + "rule r {\n  require a < EURO 5\n}\n",
                  {"invalid_currency"},
                  {"t.trl:5:15"}},
        ErrorCase{"NotUtf8",
                  std::string(kHeader) + "rule r {\n  message \"caf\xE9\"\n}\n",
                  {"invalid_utf8"},
                  {"t.trl:5:15"}},
        ErrorCase{"DuplicateItems",
                  std::string(kHeader) +
                      "rule r {\n  severity error\n  severity warning\n  require a\n"
                      "  forbid b\n  message \"x\"\n  message \"y\"\n}\n",
                  {"duplicate_item", "duplicate_item", "duplicate_item"},
                  {"t.trl:6:3", "t.trl:8:3", "t.trl:10:3"}},
        ErrorCase{"DuplicateHeaderItem",
                  "ruleset t.x {\n  jurisdiction EU\n  jurisdiction DE\n}\n",
                  {"duplicate_item"},
                  {"t.trl:3:3"}},
        ErrorCase{"UnmatchedBraceInAMessage",
                  std::string(kHeader) + "rule r {\n  message \"a } b\"\n}\n",
                  {"syntax_error"},
                  {"t.trl:5:14"}},
        ErrorCase{"UnclosedInterpolation",
                  std::string(kHeader) + "rule r {\n  message \"a {b\"\n}\n",
                  {"syntax_error"},
                  {"t.trl:5:14"}},
        ErrorCase{"BadInterpolatedExpression",
                  std::string(kHeader) + "rule r {\n  message \"a {b ==} c\"\n}\n",
                  {"syntax_error"},
                  {"t.trl:5:19"}},
        ErrorCase{"BadInterpolatedExpressionAfterWideCharacters",
                  std::string(kHeader) + "rule r {\n  message \"Größe 😀 {b ==} c\"\n}\n",
                  {"syntax_error"},
                  {"t.trl:5:25"}},
        ErrorCase{"ReservedWordAsAName",
                  std::string(kHeader) + "def any = 1\n",
                  {"syntax_error"},
                  {"t.trl:4:5"}},
        ErrorCase{"MissingHeader",
                  "rule r {\n  require a\n}\n",
                  {"syntax_error", "syntax_error", "syntax_error"},
                  {"t.trl:1:1", "t.trl:1:6", "t.trl:2:3"}}),
    ErrorCaseName);

TEST(Parser, ReportsEveryBrokenRuleOfAFile) {
  // Three broken rules: each one's error is reported (error recovery may add more).
  const auto parsed = Parse(std::string(kHeader) +
                            "rule r {\n  require a ==\n}\nrule s {\n  when (b\n  require c\n}\n"
                            "rule t {\n  severity\n}\n");
  EXPECT_EQ(parsed->file, nullptr);
  EXPECT_THAT(parsed->Codes(), Each(Eq("syntax_error")));
  EXPECT_THAT(parsed->Locations(), IsSupersetOf({"t.trl:6:1", "t.trl:9:3", "t.trl:13:1"}))
      << parsed->diagnostics.RenderAll();
}

TEST(Parser, NestingTooDeepIsReported) {
  ParseLimits limits;
  limits.max_nesting = 5;
  const auto parsed =
      Parse(std::string(kHeader) + "rule r {\n  require ((((((a))))))\n}\n", limits);
  EXPECT_EQ(parsed->file, nullptr);
  EXPECT_THAT(parsed->Codes(), ElementsAre("nesting_too_deep"));
}

TEST(Parser, AListOfStringsCountsAsABracket) {
  ParseLimits limits;
  limits.max_nesting = 4;  // the rule's `{`, two `(` and the list's `[`
  EXPECT_NE(Parse(std::string(kHeader) + "rule r {\n  require a in (([\"x\", \"y\"]))\n}\n", limits)
                ->file,
            nullptr);
  const auto parsed =
      Parse(std::string(kHeader) + "rule r {\n  require a in ((([\"x\", \"y\"])))\n}\n", limits);
  EXPECT_EQ(parsed->file, nullptr);
  EXPECT_THAT(parsed->Codes(), ElementsAre("nesting_too_deep"));
  EXPECT_THAT(parsed->Locations(), ElementsAre("t.trl:5:19"));
}

TEST(Parser, StopsReportingAfterTooManyErrors) {
  ParseLimits limits;
  limits.max_errors = 3;
  std::string text(kHeader);
  for (int i = 0; i < 10; ++i) text += "rule r" + std::to_string(i) + " {\n  require a ==\n}\n";
  const auto parsed = Parse(text, limits);
  EXPECT_EQ(parsed->file, nullptr);
  EXPECT_THAT(parsed->Codes(), ElementsAre("syntax_error", "syntax_error", "too_many_errors"));
}

TEST(Parser, SyntaxErrorMessageSaysWhatWasExpected) {
  const auto parsed = ParseExpression("a ==");
  ASSERT_EQ(parsed->diagnostics.all().size(), 1u) << parsed->diagnostics.RenderAll();
  EXPECT_THAT(parsed->diagnostics.all()[0].message, HasSubstr("expected an expression"));
  EXPECT_THAT(parsed->diagnostics.all()[0].Render(), HasSubstr("t.trl:6:1: error[syntax_error]"));
}

// The scanner and the parser keep no state between parses that threads would share: threads
// parsing at once get what one thread gets, tokens, spans and errors alike.
TEST(Parser, ParsesAlikeOnSeveralThreadsAtOnce) {
  const std::string valid = std::string(kHeader) +
                            "rule r {\n  require any c in product.certificates: "
                            "c.type == \"CE\" and \u00e9t\u00e9 != [\"a\", \"b\"]\n}\n";
  const std::string broken = std::string(kHeader) + "rule r {\n  require (a and\n}\n\"x\n";
  const auto summary = [](const Parsed& parsed) {
    std::string text = parsed.file != nullptr && !parsed.file->rules.empty()
                           ? Shape(*parsed.file->rules.at(0).require)
                           : "-";
    for (const std::string& location : parsed.Locations()) text += " " + location;
    for (const std::string& code : parsed.Codes()) text += " " + code;
    return text;
  };
  const std::string expected_valid = summary(*Parse(valid));
  const std::string expected_broken = summary(*Parse(broken));
  ASSERT_NE(expected_broken.find("syntax_error"), std::string::npos) << expected_broken;
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 20; ++round) {
        results[i] = summary(*Parse(i % 2 == 0 ? valid : broken));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t i = 0; i < results.size(); ++i) {
    EXPECT_EQ(results[i], i % 2 == 0 ? expected_valid : expected_broken) << "thread " << i;
  }
}

}  // namespace
}  // namespace tradelint
