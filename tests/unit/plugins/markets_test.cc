#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/markets/market_table.h"
#include "engine/refdata/reference_data.h"
#include "tests/unit/plugins/function_harness.h"

namespace tradelint {
namespace {

constexpr std::string_view kMarkets = R"({
  "name": "test markets", "source": "test", "date": "2025-01-01",
  "countries": ["BE", "DE", "FR", "GB", "IE", "NO", "US", "MX"],
  "groups": {
    "EU": {"members": [
      {"country": "BE", "from": "1958-01-01"},
      {"country": "DE", "from": "1958-01-01"},
      {"country": "FR", "from": "1958-01-01"},
      {"country": "GB", "from": "1973-01-01", "until": "2020-01-31"},
      {"country": "IE", "from": "1973-01-01"}]},
    "NORDIC": {"members": [{"country": "NO", "from": "1994-01-01"}]}
  }
})";

constexpr std::string_view kLanguages = R"(# source: test
# date: 2025-01-01
country,languages
BE,nl fr de
DE,de
FR,fr
GB,en
IE,ga en
NO,no nb nn
US,en
)";

constexpr std::string_view kRates = "# source: test\n# date: 2025-01-01\ndate,currency,rate\n";

struct Fixture {
  MarketTable markets;
  ReferenceData reference;
};

const Fixture& Data() {
  static const Fixture* fixture = [] {
    std::string error;
    std::optional<MarketTable> markets = MarketTable::Parse(kMarkets, &error);
    if (!markets) throw std::runtime_error(error);
    std::optional<FxTable> fx = FxTable::Parse(kRates, "rates.csv", &error);
    std::optional<LanguageTable> languages = LanguageTable::Parse(kLanguages, "l.csv", &error);
    if (!fx || !languages) throw std::runtime_error(error);
    return new Fixture{std::move(*markets), ReferenceData(std::move(*fx), std::move(*languages))};
  }();
  return *fixture;
}

CallContext At(std::string_view date) {
  CallContext context;
  context.as_of = *Date::Parse(date);
  context.markets = &Data().markets;
  context.reference = &Data().reference;
  return context;
}

struct MarketCase {
  std::string function;
  std::string code;
  std::string as_of;
  Value expected;
};

class MarketsTest : public testing::TestWithParam<MarketCase> {};

TEST_P(MarketsTest, Evaluates) {
  const MarketCase& c = GetParam();
  EXPECT_EQ(Call(c.function, {Value(c.code)}, At(c.as_of)), c.expected)
      << c.function << "(\"" << c.code << "\") at " << c.as_of;
}

INSTANTIATE_TEST_SUITE_P(
    Markets, MarketsTest,
    testing::Values(
        MarketCase{"country_of", "US-CA", "2025-01-01", Value("US")},
        MarketCase{"country_of", "DE", "2025-01-01", Value("DE")},
        MarketCase{"country_of", "EU", "2025-01-01", Value()},
        MarketCase{"country_of", "UK", "2025-01-01", Value()},
        MarketCase{"is_group", "EU", "2025-01-01", Value(true)},
        MarketCase{"is_group", "DE", "2025-01-01", Value(false)},
        MarketCase{"is_group", "XX", "2025-01-01", Value(false)},
        MarketCase{"members", "EU", "2019-06-01", Strings({"BE", "DE", "FR", "GB", "IE"})},
        MarketCase{"members", "EU", "2025-01-01", Strings({"BE", "DE", "FR", "IE"})},
        MarketCase{"members", "DE", "2025-01-01", Value()},
        MarketCase{"official_languages", "BE", "2025-01-01", Strings({"nl", "fr", "de"})},
        MarketCase{"official_languages", "US-CA", "2025-01-01", Strings({"en"})},
        MarketCase{"official_languages", "EU", "2025-01-01",
                   Strings({"nl", "fr", "de", "ga", "en"})},
        MarketCase{"official_languages", "EU", "2019-06-01",
                   Strings({"nl", "fr", "de", "en", "ga"})},
        MarketCase{"official_languages", "MX", "2025-01-01", Value()},  // not in the table
        MarketCase{"official_languages", "XX", "2025-01-01", Value()},
        MarketCase{"primary_language", "en-GB", "2025-01-01", Value("en")},
        MarketCase{"primary_language", "DE", "2025-01-01", Value("de")},
        MarketCase{"primary_language", "zh_Hant_TW", "2025-01-01", Value("zh")},
        MarketCase{"primary_language", "-GB", "2025-01-01", Value()},
        MarketCase{"primary_language", "e1-GB", "2025-01-01", Value()}));

TEST(MarketsTest, WithoutTablesTheResultIsMissing) {
  EXPECT_TRUE(Call("is_group", {Value("EU")}).is_missing());
  EXPECT_TRUE(Call("official_languages", {Value("DE")}).is_missing());
  EXPECT_EQ(Call("primary_language", {Value("fr-BE")}), Value("fr"));
}

TEST(MarketsTest, ChecksArguments) {
  EXPECT_EQ(CheckMessage("members", Infos({Value(Decimal(1))})),
            "expected a string for argument 1, found number");
  EXPECT_EQ(CheckMessage("official_languages", Infos({})),
            "`official_languages` takes 1 argument, found 0");
  EXPECT_EQ(std::get<Type>(Function("members").check(Infos({Value("EU")}))).ToString(),
            "list of string");
}

}  // namespace
}  // namespace tradelint
