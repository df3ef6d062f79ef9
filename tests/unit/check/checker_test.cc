// The checker rejects what cannot work before any record is read, each problem with its stable
// code (docs/language.md: Types, Errors for authors; docs/diagnostics.md), and accepts every
// well-formed construct of the language without a diagnostic.
#include "engine/check/checker.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "engine/parse/parser.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {
namespace {

using testing::HasSubstr;

// The schema, market table and function library every case is checked with.
struct Environment {
  Schema schema;
  MarketTable markets;
  FunctionRegistry functions;
};

const Environment& TheEnvironment() {
  static const Environment* const environment = [] {
    std::string error;
    std::optional<Schema> schema = Schema::Load(TRADELINT_SOURCE_DIR "/schema", &error);
    std::optional<MarketTable> markets =
        MarketTable::Load(TRADELINT_SOURCE_DIR "/rulesets/reference/markets.json", &error);
    if (!schema || !markets) {
      ADD_FAILURE() << error;
      std::abort();
    }
    auto built = new Environment{std::move(*schema), std::move(*markets), FunctionRegistry()};
    RegisterBuiltinPlugins(built->functions);
    return built;
  }();
  return *environment;
}

// Parsed files and what the checker made of them.
struct Checked {
  std::vector<std::unique_ptr<ast::RulesetFile>> files;
  std::vector<CheckedRuleset> rulesets;
  Diagnostics diagnostics;

  std::vector<std::string> Codes() const {
    std::vector<std::string> codes;
    for (const Diagnostic& diagnostic : diagnostics.all()) codes.push_back(diagnostic.code);
    std::sort(codes.begin(), codes.end());
    return codes;
  }
  const Diagnostic* Find(const std::string& code) const {
    for (const Diagnostic& diagnostic : diagnostics.all()) {
      if (diagnostic.code == code) return &diagnostic;
    }
    return nullptr;
  }
};

// Parses `texts` (each one ruleset file, which must be free of syntax errors) and checks them
// together. The files are `<folder>/fileN.trl`, with `rules_root` as their rules root.
std::unique_ptr<Checked> CheckTexts(const std::vector<std::string>& texts,
                                    const std::string& folder = "snippets",
                                    const std::string& rules_root = "",
                                    const RulesetFileLimits& limits = {}) {
  auto checked = std::make_unique<Checked>();
  Diagnostics parse_diagnostics;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto source =
        std::make_shared<const SourceFile>(folder + "/file" + std::to_string(i) + ".trl", texts[i]);
    std::unique_ptr<ast::RulesetFile> file = ParseRuleset(source, parse_diagnostics);
    if (file == nullptr) continue;
    file->rules_root = rules_root;
    checked->files.push_back(std::move(file));
  }
  EXPECT_TRUE(parse_diagnostics.all().empty()) << parse_diagnostics.RenderAll();
  std::vector<const ast::RulesetFile*> views;
  for (const auto& file : checked->files) views.push_back(file.get());
  const Environment& environment = TheEnvironment();
  const CheckEnvironment check_environment{&environment.schema, &environment.functions,
                                           &environment.markets, nullptr, limits};
  checked->rulesets = CheckRulesets(views, check_environment, checked->diagnostics);
  return checked;
}

constexpr char kHeader[] = R"(ruleset snippet.rules {
  title        "Checker snippets"
  jurisdiction EU
  effective    2024-01-01
  instrument   "Checker snippets: no version, a draft not held to `ref`"
}
)";

// A rule `snippet` that requires `expression` of a `kind` record.
std::string SnippetRule(const std::string& kind, const std::string& expression) {
  return "\nrule snippet \"Snippet\" {\n  applies to " + kind +
         "\n  domain     consumer_protection\n  severity   error\n  cite       \"test\"\n  require "
         "   " +
         expression + "\n  message    \"m\"\n}\n";
}

// A ruleset holding `top` items and the snippet rule.
std::string RuleFile(const std::string& top, const std::string& kind,
                     const std::string& expression) {
  return std::string(kHeader) + top + SnippetRule(kind, expression);
}

struct ExpressionCase {
  const char* name;
  const char* top;                 // definitions before the rule
  const char* kind;                // the record kind the rule applies to
  const char* expression;          // the `require` condition
  std::vector<std::string> codes;  // sorted; empty: checks cleanly
  const char* help = "";           // a part of the first diagnostic's help line
  const char* span = "";           // the text the first diagnostic points at
};

void PrintTo(const ExpressionCase& c, std::ostream* out) { *out << c.name; }

class Expressions : public testing::TestWithParam<ExpressionCase> {};

TEST_P(Expressions, GiveTheExpectedDiagnostics) {
  const ExpressionCase& c = GetParam();
  const auto checked = CheckTexts({RuleFile(c.top, c.kind, c.expression)});
  EXPECT_EQ(checked->Codes(), c.codes) << checked->diagnostics.RenderAll();
  if (c.codes.empty() || checked->diagnostics.all().empty()) return;
  const Diagnostic& first = checked->diagnostics.all().front();
  EXPECT_THAT(first.help, HasSubstr(c.help)) << first.Render();
  if (*c.span != '\0') {
    EXPECT_EQ(first.span.text(), c.span) << first.Render();
  }
}

std::string CaseName(const testing::TestParamInfo<ExpressionCase>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(
    Errors, Expressions,
    testing::Values(
        ExpressionCase{"UnknownFieldWithDidYouMean",
                       "",
                       "listing",
                       "present(product.manufactrer.name)",
                       {"unknown_field"},
                       "did you mean `product.manufacturer`?",
                       "manufactrer"},
        ExpressionCase{"UnknownRootField",
                       "",
                       "listing",
                       "present(titel)",
                       {"unknown_field"},
                       "did you mean `title`?",
                       "titel"},
        ExpressionCase{
            "FieldOfAnotherRecordKind", "", "seller", "present(offer.price)", {"unknown_field"}},
        ExpressionCase{"ListNeedsIndex",
                       "",
                       "listing",
                       "present(product.warnings.language)",
                       {"list_needs_index"},
                       "product.warnings[*].language",
                       "language"},
        ExpressionCase{
            "NotAnObject", "", "listing", "present(title.text)", {"not_an_object"}, "", "text"},
        ExpressionCase{"FanOutOfAString", "", "listing", "present(title[*])", {"not_a_list"}},
        ExpressionCase{"IndexAfterFanOut",
                       "",
                       "listing",
                       "product.batteries[*].conformity_marks[0] == \"CE\"",
                       {"not_a_list"}},
        ExpressionCase{"QuantifierOverAString",
                       "",
                       "listing",
                       "any w in title: w == \"new\"",
                       {"not_a_list"},
                       "",
                       "title"},
        ExpressionCase{
            "FieldOfAComputedValue", "", "listing", "count(images).value > 0", {"not_a_path"}},
        ExpressionCase{"FractionalIndex",
                       "",
                       "listing",
                       "present(images[1.5].url)",
                       {"invalid_index"},
                       "use a quantifier",
                       "1.5"},
        ExpressionCase{"RecordMoneyAgainstAFixedCurrency",
                       "",
                       "listing",
                       "offer.price < EUR 5",
                       {"currency_mismatch"},
                       "convert(offer.price, EUR)",
                       "offer.price < EUR 5"},
        ExpressionCase{
            "TwoKnownCurrencies", "", "listing", "EUR 1 + USD 1 > EUR 0", {"currency_mismatch"}},
        ExpressionCase{"ConvertedAgainstAnotherCurrency",
                       "",
                       "listing",
                       "convert(offer.price, EUR) < USD 5",
                       {"currency_mismatch"}},
        ExpressionCase{"MoneyAgainstANumber",
                       "",
                       "listing",
                       "offer.price < 5",
                       {"type_mismatch"},
                       "write the threshold as money"},
        ExpressionCase{
            "NumberAgainstAString", "", "listing", "count(images) > \"3\"", {"type_mismatch"}},
        ExpressionCase{"DatePlusDate",
                       "",
                       "listing",
                       "offer.offer_valid_until + published_at > as_of",
                       {"type_mismatch"},
                       "days_between"},
        ExpressionCase{"MoneyTimesMoney",
                       "",
                       "listing",
                       "convert(offer.price, EUR) * EUR 2 > EUR 1",
                       {"type_mismatch"}},
        ExpressionCase{"RequireOfANonCondition", "", "listing", "offer.price", {"type_mismatch"}},
        ExpressionCase{"AndOfAString", "", "listing", "title and true", {"type_mismatch"}},
        ExpressionCase{"NotOfANumber", "", "listing", "not reviews.count", {"type_mismatch"}},
        ExpressionCase{"IfBranchesOfDifferentTypes",
                       "",
                       "listing",
                       "(if true then 1 else \"a\") == 1",
                       {"type_mismatch"}},
        ExpressionCase{"MembershipOfTheWrongType",
                       "",
                       "listing",
                       "reviews.count in [\"a\", \"b\"]",
                       {"type_mismatch"}},
        ExpressionCase{"MembershipInANumber", "", "listing", "\"a\" in 5", {"type_mismatch"}},
        ExpressionCase{
            "OrderOfBooleans", "", "listing", "offer.includes_vat < true", {"type_mismatch"}},
        ExpressionCase{"UnknownFunctionWithDidYouMean",
                       "",
                       "listing",
                       "presnt(title)",
                       {"unknown_function"},
                       "did you mean `present`?",
                       "presnt"},
        ExpressionCase{"PresentOfTwoPaths",
                       "",
                       "listing",
                       "present(title, description)",
                       {"wrong_argument_count"}},
        ExpressionCase{"DefinitionWithTooManyArguments",
                       "def named(party) = present(party.name)\n",
                       "listing",
                       "named(product.manufacturer, product.importers)",
                       {"wrong_argument_count"}},
        ExpressionCase{"DefinitionWithParametersUsedAsAName",
                       "def named(party) = present(party.name)\n",
                       "listing",
                       "named",
                       {"wrong_argument_count"}},
        ExpressionCase{
            "PresentOfALiteral", "", "listing", "present(\"name\")", {"invalid_argument"}},
        ExpressionCase{"PatternNotConstant",
                       "",
                       "listing",
                       "matches(title, description)",
                       {"invalid_argument"}},
        ExpressionCase{"WordListNotConstant",
                       "",
                       "listing",
                       "contains_word(title, description)",
                       {"invalid_argument"}},
        ExpressionCase{"ConvertToAComputedCurrency",
                       "",
                       "listing",
                       "convert(offer.price, currency(offer.price)) > offer.price",
                       {"invalid_argument"}},
        ExpressionCase{"FunctionArgumentOfTheWrongType",
                       "",
                       "listing",
                       "count(title) > 1",
                       {"invalid_argument"}},
        ExpressionCase{"DirectRecursion",
                       "def reduced = reduced or present(offer.prior_price)\n",
                       "listing",
                       "reduced",
                       {"recursive_definition"}},
        ExpressionCase{"RecursionThroughAnother",
                       "def a = b\ndef b = not a\n",
                       "listing",
                       "a",
                       {"recursive_definition"}},
        ExpressionCase{"UnknownConstant",
                       "const MIN_IMAGE = 1\n",
                       "listing",
                       "count(images) >= MIN_IMAGES",
                       {"unknown_name"},
                       "did you mean `MIN_IMAGE`?",
                       "MIN_IMAGES"},
        // A definition does not see the caller's quantifier variables: `w` is read as a field.
        ExpressionCase{"DefinitionCannotSeeCallerVariables",
                       "def german = w.language == \"de\"\n",
                       "listing",
                       "any w in product.warnings: german",
                       {"unknown_field"}},
        ExpressionCase{"SeveralErrorsInOneExpression",
                       "",
                       "listing",
                       "present(product.manufactrer) and offer.price < EUR 5 and presnt(title)",
                       {"currency_mismatch", "unknown_field", "unknown_function"}}),
    CaseName);

INSTANTIATE_TEST_SUITE_P(
    Clean, Expressions,
    testing::Values(
        ExpressionCase{"Present", "", "listing", "present(product.manufacturer.name)", {}},
        ExpressionCase{"ConvertedMoney",
                       "const CEILING = EUR 150\n",
                       "listing",
                       "convert(offer.price, EUR) <= CEILING",
                       {}},
        ExpressionCase{"TwoRecordAmounts", "", "listing", "offer.prior_price <= offer.price", {}},
        ExpressionCase{"MoneyArithmetic",
                       "",
                       "listing",
                       "offer.price * 2 - offer.prior_price > offer.price / 3 and offer.price / "
                       "offer.prior_price < 2",
                       {}},
        ExpressionCase{"ExtensionFields",
                       "",
                       "listing",
                       "x_acme.anything[3].deep == 1 and product.x_flag == true",
                       {}},
        ExpressionCase{
            "Quantifier", "", "listing", "any w in product.warnings: w.language == \"de\"", {}},
        ExpressionCase{"NestedQuantifiers",
                       "",
                       "transaction",
                       "all l in lines: any w in l.product.warnings: w.type == \"choking_hazard\"",
                       {}},
        ExpressionCase{"FanOutsFlatten",
                       "",
                       "listing",
                       "\"CE\" in product.batteries[*].conformity_marks[*]",
                       {}},
        ExpressionCase{
            "IndexedPath", "", "transaction", "lines[0].unit_price == lines[1].unit_price", {}},
        ExpressionCase{"SoftKeywordsAsFields",
                       "",
                       "listing",
                       "present(title) and \"EU\" in product.tariff_codes[*].market",
                       {}},
        ExpressionCase{
            "MarketsAndDates",
            "",
            "listing",
            "market in EU and as_of >= 2025-01-01 and offer.offer_valid_until >= published_at "
            "and published_at + 30 days > as_of",
            {}},
        ExpressionCase{"CountryFieldInAMarketField",
                       "",
                       "transaction",
                       "buyer.country in shipment.ship_to",
                       {}},
        ExpressionCase{
            "ConditionalMoney",
            "",
            "listing",
            "convert(offer.price, EUR) <= (if market == \"DE\" then EUR 100 else EUR 50)",
            {}},
        ExpressionCase{
            "TextFunctions",
            "set WORDS = [\"zentora\", \"made in usa\"]\n",
            "listing",
            "not contains_word(title, WORDS) and matches(title, r\"^\\d+$\") and len(title) < 80",
            {}},
        ExpressionCase{"ListFunctions",
                       "",
                       "listing",
                       "sum(product.batteries[*].energy_watt_hours) < 100 and "
                       "max(offer.price_history[*].valid_from) "
                       "< as_of and count(distinct(product.label_languages)) > 0",
                       {}},
        ExpressionCase{"DefinitionsWithParameters",
                       "def german(w) = primary_language(w.language) == \"de\"\n"
                       "def between(x, low, high) = x >= low and x <= high\n",
                       "listing",
                       "any v in product.warnings: german(v) and between(reviews.count, 1, 10)",
                       {}},
        ExpressionCase{"ConstantsReferringToConstants",
                       "const LIMIT = 10\nconst DOUBLE = LIMIT\nset LIMITS = [LIMIT, DOUBLE, -1]\n",
                       "listing",
                       "reviews.count in LIMITS and reviews.count <= LIMIT - 1",
                       {}},
        ExpressionCase{"CodesAndDatesInSets",
                       "set CODES = [DE, US-CA, EU]\nset DAYS = [2025-01-01]\n",
                       "listing",
                       "market in CODES and offer.offer_valid_until in DAYS",
                       {}}),
    CaseName);

struct FileCase {
  const char* name;
  std::vector<std::string> files;
  std::vector<std::string> codes;  // sorted
};

void PrintTo(const FileCase& c, std::ostream* out) { *out << c.name; }

class Files : public testing::TestWithParam<FileCase> {};

TEST_P(Files, GiveTheExpectedDiagnostics) {
  const auto checked = CheckTexts(GetParam().files);
  EXPECT_EQ(checked->Codes(), GetParam().codes) << checked->diagnostics.RenderAll();
}

std::string FileCaseName(const testing::TestParamInfo<FileCase>& info) { return info.param.name; }

// A rule `id` of `kind` with every required item, followed by `items`.
std::string Rule(const std::string& id, const std::string& items = "",
                 const std::string& kind = "listing") {
  return "rule " + id + " \"Title\" {\n  applies to " + kind +
         "\n  domain consumer_protection\n  severity error\n  cite \"test\"\n  require true\n"
         "  message \"m\"\n" +
         items + "}\n";
}

std::string Header(const std::string& id, const std::string& jurisdiction,
                   const std::string& extra = "") {
  return "ruleset " + id + " {\n  title \"T\"\n  jurisdiction " + jurisdiction + "\n" + extra +
         "}\n";
}

INSTANTIATE_TEST_SUITE_P(
    Errors, Files,
    testing::Values(
        FileCase{"MissingJurisdiction", {"ruleset a.b {\n  title \"T\"\n}\n"}, {"missing_item"}},
        FileCase{"RuleWithoutRequiredItems",
                 {Header("a.b", "EU") + "rule r \"T\" {\n  require true\n}\n"},
                 {"missing_item", "missing_item", "missing_item", "missing_item", "missing_item"}},
        FileCase{
            "RuleWithoutObligation",
            {Header("a.b", "EU") +
             "rule r \"T\" {\n  applies to listing\n  domain ip\n  severity error\n  cite \"c\"\n"
             "  message \"m\"\n}\n"},
            {"missing_item"}},
        FileCase{
            "OnlyATranslatedMessage",
            {Header("a.b", "EU") +
             "rule r \"T\" {\n  applies to listing\n  domain ip\n  severity error\n  cite \"c\"\n"
             "  require true\n  message de \"m\"\n}\n"},
            {"missing_item"}},
        FileCase{"InvalidValues",
                 {Header("a.b", "EU") +
                  "rule r \"T\" {\n  applies to product\n  domain safety\n  severity critical\n"
                  "  responsible buyer\n  cite \"c\"\n  require true\n  message \"m\"\n}\n"},
                 {"invalid_value", "invalid_value", "invalid_value", "invalid_value"}},
        FileCase{"ReservedNames",
                 {Header("a.b", "EU") +
                  "def present = true\ndef count = 1\ndef market = 1\ndef as_of = 1\n"},
                 {"reserved_name", "reserved_name", "reserved_name", "reserved_name"}},
        FileCase{"DuplicateDefinition",
                 {Header("a.b", "EU") + "def x = true\ndef x = false\n"},
                 {"duplicate_definition"}},
        FileCase{
            "DuplicateRule", {Header("a.b", "EU") + Rule("r") + Rule("r")}, {"duplicate_rule"}},
        FileCase{
            "DuplicateRuleset", {Header("a.b", "EU"), Header("a.b", "DE")}, {"duplicate_ruleset"}},
        FileCase{"UnknownImport",
                 {Header("a.b", "EU") + "import a.c\n", Header("a.cc", "EU")},
                 {"unknown_import"}},
        FileCase{"ConstantFromTheRecord",
                 {Header("a.b", "EU") + "const LIMIT = reviews.count\n"},
                 {"not_constant"}},
        FileCase{"UnknownJurisdiction", {Header("a.b", "XX")}, {"unknown_market"}},
        FileCase{"InvalidRulesetDates",
                 {Header("a.b", "EU", "  effective 2025-02-01 until 2025-01-01\n")},
                 {"invalid_dates"}},
        FileCase{"InvalidRuleDates",
                 {Header("a.b", "EU") + Rule("r", "  effective 2025-02-01 until 2025-01-31\n")},
                 {"invalid_dates"}},
        FileCase{"RuleStartsBeforeItsRuleset",
                 {Header("a.b", "EU", "  effective 2025-01-01 until 2025-12-31\n") +
                  Rule("r", "  effective 2024-12-31\n")},
                 {"dates_outside_ruleset"}},
        FileCase{"RuleEndsAfterItsRuleset",
                 {Header("a.b", "EU", "  effective 2025-01-01 until 2025-12-31\n") +
                  Rule("r", "  until 2026-01-01\n")},
                 {"dates_outside_ruleset"}},
        FileCase{"OverrideOfANarrowerJurisdiction",
                 {Header("a.eu", "EU") + Rule("r", "  override a.fr.r\n"),
                  Header("a.fr", "FR") + Rule("r")},
                 {"invalid_override"}},
        FileCase{"OverrideOfTheSameJurisdiction",
                 {Header("a.one", "FR") + Rule("r", "  override a.two.r\n"),
                  Header("a.two", "FR") + Rule("r")},
                 {"invalid_override"}},
        FileCase{"OverrideOfAnotherRecordKind",
                 {Header("a.eu", "EU") + Rule("r", "", "transaction"),
                  Header("a.fr", "FR") + Rule("r", "  override a.eu.r\n")},
                 {"invalid_override"}},
        FileCase{"OverrideOfAnUnknownRule",
                 {Header("a.fr", "FR") + Rule("r", "  override a.eu.r\n")},
                 {"unknown_rule"}},
        FileCase{"TestOfAnUnknownRule",
                 {Header("a.b", "EU") + Rule("r") +
                  "test \"t\" {\n  record \"\"\"{\"kind\": \"listing\", \"id\": \"x\"}\"\"\"\n  "
                  "expect fail rr\n}\n"},
                 {"unknown_rule"}},
        FileCase{"TestWithoutRecordOrExpectation",
                 {Header("a.b", "EU") + Rule("r") + "test \"t\" {\n}\n"},
                 {"missing_item", "missing_item"}},
        FileCase{"TestOfAMissingRecordFile",
                 {Header("a.b", "EU") + Rule("r") +
                  "test \"t\" {\n  record \"no-such-file.json\"\n  expect pass r\n}\n"},
                 {"missing_test_record"}},
        FileCase{"TestWithInvalidWords",
                 {Header("a.b", "EU") + Rule("r") +
                  "test \"t\" {\n  record \"\"\"{}\"\"\"\n  market ZZ\n  expect verdict passed\n"
                  "  expect finding r violated\n}\n"},
                 {"invalid_value", "invalid_value", "unknown_market"}},
        FileCase{"EveryProblemOfAFileIsReported",
                 {Header("a.b", "XX") + "def present = true\n" +
                  SnippetRule("listing", "present(product.manufactrer)") +
                  "rule q \"T\" {\n  applies to listing\n  domain safety\n  severity error\n  cite "
                  "\"c\"\n"
                  "  require true\n  message \"m\"\n}\n"},
                 {"invalid_value", "reserved_name", "unknown_field", "unknown_market"}}),
    FileCaseName);

INSTANTIATE_TEST_SUITE_P(
    Clean, Files,
    testing::Values(
        FileCase{"ValidOverride",
                 {Header("a.eu", "EU") + Rule("r", "", "transaction"),
                  Header("a.fr", "FR") + Rule("r", "  override a.eu.r\n", "transaction")},
                 {}},
        FileCase{"OverrideOfAGlobalRule",
                 {Header("a.everywhere", "GLOBAL") + Rule("r"),
                  Header("a.us", "US-CA") + Rule("r", "  override a.everywhere.r\n")},
                 {}},
        FileCase{"ImportsAndConstantsAcrossFiles",
                 {Header("a.common", "EU") +
                      "const BASE = 100\ndef toy = \"toy\" in product.regulated_as\n",
                  Header("a.user", "DE") + "import a.common\nconst LIMIT = BASE\n" +
                      SnippetRule("listing", "toy and reviews.count <= LIMIT")},
                 {}},
        FileCase{
            "TestsWithEveryExpectation",
            {Header("a.b", "EU") + Rule("r") +
             "test \"t\" {\n  record \"\"\"{\"kind\": \"listing\", \"id\": \"x\"}\"\"\"\n  market "
             "DE\n"
             "  as of 2025-01-01\n  expect verdict pass\n  expect pass r\n  expect no finding "
             "a.b.r\n"
             "  expect fail r\n  expect warn r missing_data\n  expect finding r violation\n}\n"},
            {}}),
    FileCaseName);

TEST(Checker, RuleDatesOutsideTheRulesetWarnAndKeepTheRulesets) {
  const auto checked =
      CheckTexts({Header("a.b", "EU", "  effective 2025-01-01 until 2025-12-31\n") +
                  Rule("early", "  effective 2024-06-01 until 2025-06-30\n") +
                  Rule("late", "  effective 2025-03-01 until 2026-06-30\n") + Rule("inherits")});
  ASSERT_FALSE(checked->diagnostics.has_errors()) << checked->diagnostics.RenderAll();
  EXPECT_EQ(checked->diagnostics.warning_count(), 2);
  ASSERT_EQ(checked->rulesets.size(), 1u);
  const std::vector<CheckedRule>& rules = checked->rulesets[0].rules;
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].effective_from, Date::Parse("2025-01-01"));
  EXPECT_EQ(rules[0].effective_until, Date::Parse("2025-06-30"));
  EXPECT_EQ(rules[1].effective_from, Date::Parse("2025-03-01"));
  EXPECT_EQ(rules[1].effective_until, Date::Parse("2025-12-31"));
  EXPECT_EQ(rules[2].effective_from, Date::Parse("2025-01-01"));
  EXPECT_EQ(rules[2].effective_until, Date::Parse("2025-12-31"));
}

TEST(Checker, CheckedRuleCarriesItsItems) {
  const auto checked = CheckTexts(
      {Header("a.fr", "FR") +
       "rule r \"Title\" {\n  ref \"EXT-1\"\n  applies to transaction\n"
       "  domain privacy\n  severity warning\n  cite \"Art. 1\"\n"
       "  responsible marketplace\n  when true\n  when false\n  unless false\n"
       "  forbid true\n  message \"m {market}\"\n  message de \"d {market}\"\n  fix \"f\"\n}\n"});
  ASSERT_TRUE(checked->diagnostics.all().empty()) << checked->diagnostics.RenderAll();
  const CheckedRule& rule = checked->rulesets.at(0).rules.at(0);
  EXPECT_EQ(rule.id, "a.fr.r");
  EXPECT_EQ(rule.local_id, "r");
  EXPECT_EQ(rule.jurisdiction, "FR");
  EXPECT_EQ(rule.ref, "EXT-1");
  EXPECT_EQ(rule.applies_to, RecordKind::kTransaction);
  EXPECT_EQ(rule.domain, "privacy");
  EXPECT_EQ(rule.severity, Severity::kWarning);
  EXPECT_EQ(rule.citation, "Art. 1");
  EXPECT_EQ(rule.responsible, "marketplace");
  EXPECT_EQ(rule.when.size(), 2u);
  EXPECT_EQ(rule.unless.size(), 1u);
  EXPECT_TRUE(rule.forbid);
  ASSERT_EQ(rule.messages.size(), 2u);
  EXPECT_EQ(rule.messages[0].pieces.size(), 2u);
  EXPECT_EQ(rule.messages[1].language, "de");
  EXPECT_EQ(rule.fixes.size(), 1u);
}

TEST(Checker, DiagnosticsPointAtTheirLineAndColumn) {
  const auto checked = CheckTexts({RuleFile("", "listing", "present(product.manufactrer.name)")});
  const Diagnostic* unknown = checked->Find("unknown_field");
  ASSERT_NE(unknown, nullptr) << checked->diagnostics.RenderAll();
  // `require    present(product.manufactrer.name)` is line 13; `manufactrer` starts at column 30.
  EXPECT_EQ(unknown->span.Location(), "snippets/file0.trl:13:30");
  EXPECT_THAT(unknown->Render(), HasSubstr("error[unknown_field]"));
}

// A ruleset named `id` whose only item is `top`.
std::string HeaderOnly(const std::string& id, const std::string& top) {
  return "ruleset " + id + " {\n  title \"t\"\n  jurisdiction EU\n}\n" + top;
}

TEST(Checker, ImportCyclesAndSelfImportsAreErrors) {
  const auto self = CheckTexts({HeaderOnly("a.self", "import a.self\nconst X = 1\n")});
  const Diagnostic* error = self->Find("import_cycle");
  ASSERT_NE(error, nullptr) << self->diagnostics.RenderAll();
  EXPECT_THAT(error->message, HasSubstr("`a.self` imports itself"));

  const auto cycle = CheckTexts({HeaderOnly("c.one", "import c.two\nconst X = 1\n"),
                                 HeaderOnly("c.two", "import c.three\nconst Y = 1\n"),
                                 HeaderOnly("c.three", "import c.one\nconst Z = 1\n")});
  EXPECT_EQ(cycle->Codes(), std::vector<std::string>{"import_cycle"})
      << cycle->diagnostics.RenderAll();
  EXPECT_THAT(cycle->Find("import_cycle")->message,
              HasSubstr("`c.one` imports `c.two` imports `c.three` imports `c.one`"));

  // Two rulesets importing a third is no cycle.
  const auto shared = CheckTexts(
      {HeaderOnly("d.base", "const X = 1\n"), HeaderOnly("d.left", "import d.base\nconst Y = 1\n"),
       HeaderOnly("d.right", "import d.base\nimport d.left\nconst Z = 1\n")});
  EXPECT_TRUE(shared->Codes().empty()) << shared->diagnostics.RenderAll();
}

TEST(Checker, ListsOfConstantsFoldAndMixedListsKeepEveryItem) {
  const auto constant =
      CheckTexts({RuleFile("", "listing", "product.product_type in [\"a\", \"b\"]")});
  ASSERT_TRUE(constant->Codes().empty()) << constant->diagnostics.RenderAll();
  const CheckedExpr& folded = *constant->rulesets.at(0).rules.at(0).obligation->children.at(1);
  ASSERT_TRUE(folded.is_constant());
  EXPECT_EQ(folded.constant, Value(ValueList{Value("a"), Value("b")}));

  const auto mixed = CheckTexts({RuleFile(
      "", "listing", "product.product_type in [\"a\", \"b\", product.product_type, \"c\"]")});
  ASSERT_TRUE(mixed->Codes().empty()) << mixed->diagnostics.RenderAll();
  const CheckedExpr& list = *mixed->rulesets.at(0).rules.at(0).obligation->children.at(1);
  EXPECT_EQ(list.op, CheckedExpr::Op::kList);
  ASSERT_EQ(list.children.size(), 4u);
  EXPECT_EQ(list.children[0]->constant, Value("a"));
  EXPECT_EQ(list.children[1]->constant, Value("b"));
  EXPECT_FALSE(list.children[2]->is_constant());
  EXPECT_EQ(list.children[3]->constant, Value("c"));
  EXPECT_EQ(list.type.ToString(), Type::ListOf(Type::String()).ToString());
}

TEST(Checker, ConstantZeroDivisorIsAnError) {
  for (const std::string expression : {"count(images) / 0 > 1", "count(images) / 0.00 > 1",
                                       "EUR 5 / EUR 0 > 1", "offer.price / 0 > EUR 1"}) {
    const auto checked = CheckTexts({RuleFile("", "listing", expression)});
    EXPECT_EQ(checked->Codes(), std::vector<std::string>{"division_by_zero"})
        << expression << "\n"
        << checked->diagnostics.RenderAll();
  }
  const auto fine = CheckTexts({RuleFile("", "listing", "count(images) / 2 > 1")});
  EXPECT_TRUE(fine->Codes().empty()) << fine->diagnostics.RenderAll();
}

// A rules folder on disk, removed afterwards: `<root>/rules/` holds the rulesets.
class NamedFilesTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("tradelint_checker_" + std::to_string(::getpid()) + "_" +
             testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_ / "rules" / "tables");
    Write("outside.csv", kTable);
    Write("rules/tables/ages.csv", kTable);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void Write(const std::string& relative, const std::string& text) {
    std::ofstream(root_ / relative) << text;
  }
  // Checks one ruleset in `<root>/rules/sub/` (the folder need not exist) naming `file` as a
  // table.
  std::unique_ptr<Checked> CheckTable(const std::string& file,
                                      const RulesetFileLimits& limits = {}) {
    return CheckTexts(
        {RuleFile("table AGES = \"" + file + "\"\n", "transaction", "\"DE\" in AGES")},
        (root_ / "rules" / "sub").string(), (root_ / "rules").string(), limits);
  }

  static constexpr char kTable[] = "# source: test\n# date: 2024-01-01\nmarket,age\nDE,16\n";
  std::filesystem::path root_;
};

TEST_F(NamedFilesTest, TableInsideTheRootLoadsAlsoThroughDotDot) {
  const auto checked = CheckTable("../tables/ages.csv");
  EXPECT_TRUE(checked->Codes().empty()) << checked->diagnostics.RenderAll();
}

TEST_F(NamedFilesTest, TableOutsideTheRootIsRefused) {
  const auto checked = CheckTable("../../outside.csv");
  EXPECT_EQ(checked->Codes(), std::vector<std::string>{"path_outside_rules_root"})
      << checked->diagnostics.RenderAll();
  // Also when a symbolic link inside the root leads out.
  std::filesystem::create_symlink(root_ / "outside.csv", root_ / "rules" / "tables" / "link.csv");
  const auto linked = CheckTable("../tables/link.csv");
  EXPECT_EQ(linked->Codes(), std::vector<std::string>{"path_outside_rules_root"})
      << linked->diagnostics.RenderAll();
}

TEST_F(NamedFilesTest, DeviceFifoAndOversizedTablesAreRefusedNamingTheFile) {
  const std::string fifo = (root_ / "rules" / "tables" / "fifo.csv").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::filesystem::create_symlink("/dev/zero", root_ / "rules" / "tables" / "zero.csv");
  std::filesystem::create_symlink(root_ / "rules" / "tables" / "zero.csv",
                                  root_ / "rules" / "zero.csv");
  RulesetFileLimits small;
  small.max_table_bytes = 10;
  // /dev/zero lies outside the root; a link to it is refused before it is opened. The root
  // itself may hold a device only by accident, which ReadFile refuses.
  for (const auto& [file, limits, reason] :
       std::vector<std::tuple<std::string, RulesetFileLimits, std::string>>{
           {"../tables/fifo.csv", {}, "is not a regular file"},
           {"../tables/ages.csv", small, "larger than the limit of 10 bytes"}}) {
    const auto checked = CheckTable(file, limits);
    const Diagnostic* error = checked->Find("table_unreadable");
    ASSERT_NE(error, nullptr) << file << "\n" << checked->diagnostics.RenderAll();
    EXPECT_THAT(error->message, HasSubstr(file.substr(3)));
    EXPECT_THAT(error->message, HasSubstr(reason));
  }
  EXPECT_EQ(CheckTable("../zero.csv")->Codes(),
            std::vector<std::string>{"path_outside_rules_root"});
}

TEST_F(NamedFilesTest, TestRecordFilesAreCheckedLikeTables) {
  Write("rules/record.json", "{\"id\": \"r1\"}");
  Write("outside.json", "{\"id\": \"r1\"}");
  const auto test_naming = [&](const std::string& record, const RulesetFileLimits& limits = {}) {
    const std::string test =
        "\ntest \"t\" {\n  record \"" + record + "\"\n  market DE\n  expect verdict pass\n}\n";
    return CheckTexts({RuleFile("", "listing", "true") + test}, (root_ / "rules").string(),
                      (root_ / "rules").string(), limits);
  };
  EXPECT_TRUE(test_naming("record.json")->Codes().empty());
  EXPECT_EQ(test_naming("../outside.json")->Codes(),
            std::vector<std::string>{"path_outside_rules_root"});
  RulesetFileLimits small;
  small.max_test_record_bytes = 4;
  const auto too_large = test_naming("record.json", small);
  ASSERT_NE(too_large->Find("missing_test_record"), nullptr);
  EXPECT_THAT(too_large->Find("missing_test_record")->message,
              HasSubstr("larger than the limit of 4 bytes"));
  std::filesystem::create_directory(root_ / "rules" / "folder.json");
  EXPECT_THAT(test_naming("folder.json")->Find("missing_test_record")->message,
              HasSubstr("is not a regular file"));
}

}  // namespace
}  // namespace tradelint
