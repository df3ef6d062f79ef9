#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/refdata/reference_data.h"
#include "plugins/money/conversion.h"
#include "tests/unit/plugins/function_harness.h"

namespace tradelint {
namespace {

constexpr std::string_view kRates = R"(# source: test rates (copied from ECB tables)
# date: 2025-03-14
date,currency,rate
2025-02-28,USD,1.0411
2025-02-28,GBP,0.82608
2025-02-28,CAD,1.5019
2025-03-14,USD,1.0889
2025-03-14,GBP,0.84183
2025-03-14,JPY,161.88
2025-03-14,XTS,1
)";

constexpr std::string_view kLanguages = R"(# source: test
# date: 2025-03-14
country,languages
DE,de
)";

const ReferenceData& Reference() {
  static const ReferenceData* reference = [] {
    std::string error;
    std::optional<FxTable> fx = FxTable::Parse(kRates, "rates.csv", &error);
    std::optional<LanguageTable> languages = LanguageTable::Parse(kLanguages, "l.csv", &error);
    if (!fx || !languages) throw std::runtime_error(error);
    return new ReferenceData(std::move(*fx), std::move(*languages));
  }();
  return *reference;
}

Value M(std::string_view currency, std::string_view amount) {
  return Value(Money{*Decimal::Parse(amount), Currency::FromCode(currency)});
}

CallContext At(std::string_view date, std::vector<std::string>* notes = nullptr) {
  CallContext context;
  context.as_of = *Date::Parse(date);
  context.reference = &Reference();
  context.notes = notes;
  return context;
}

struct ConvertCase {
  std::string as_of;
  Value money;
  std::string target;
  Value expected;
  std::string note;
  std::string stale_note;  // empty: the rates used are fresh
};

// The end of every stale-rate note.
const std::string kRefresh =
    ": the exchange rates may be out of date (refresh them with `tradelint refdata import-ecb`)";

class ConvertTest : public testing::TestWithParam<ConvertCase> {};

TEST_P(ConvertTest, ConvertsAtTheLatestRateOnOrBeforeTheAsOfDate) {
  const ConvertCase& c = GetParam();
  std::vector<std::string> notes;
  const Value result = PreparedCall("convert", {c.money, Value(c.target)})
                           .Eval({c.money, Value(c.target)}, At(c.as_of, &notes));
  EXPECT_EQ(result, c.expected) << result.ToDisplayString();
  if (!c.expected.is_missing()) {
    // Exact decimals: the result carries exactly two places (compare the text, not the value).
    EXPECT_EQ(result.ToDisplayString(), c.expected.ToDisplayString());
  }
  std::vector<std::string> expected_notes;
  for (const std::string& note : {c.note, c.stale_note}) {
    if (!note.empty()) expected_notes.push_back(note);
  }
  EXPECT_EQ(notes, expected_notes);
}

INSTANTIATE_TEST_SUITE_P(
    Money, ConvertTest,
    testing::Values(
        // On a rate date.
        ConvertCase{"2025-03-14", M("USD", "160.00"), "EUR", M("EUR", "146.94"),
                    "converted USD 160.00 to EUR 146.94 at the ECB reference rate of 2025-03-14 "
                    "(1 EUR = 1.0889 USD)",
                    ""},
        // Between dates: the earlier date's rate.
        ConvertCase{"2025-03-03", M("EUR", "100"), "USD", M("USD", "104.11"),
                    "converted EUR 100 to USD 104.11 at the ECB reference rate of 2025-02-28 "
                    "(1 EUR = 1.0411 USD)",
                    ""},
        ConvertCase{"2025-03-13", M("USD", "160.00"), "EUR", M("EUR", "153.68"),
                    "converted USD 160.00 to EUR 153.68 at the ECB reference rate of 2025-02-28 "
                    "(1 EUR = 1.0411 USD)",
                    "the ECB reference rate of 2025-02-28 is 13 days older"
                    " than the as-of date 2025-03-13" +
                        kRefresh},
        // A rate is stale when more than 7 days older than the as-of date.
        ConvertCase{"2025-03-07", M("EUR", "100"), "USD", M("USD", "104.11"),
                    "converted EUR 100 to USD 104.11 at the ECB reference rate of 2025-02-28 "
                    "(1 EUR = 1.0411 USD)",
                    ""},
        ConvertCase{"2025-03-08", M("EUR", "100"), "USD", M("USD", "104.11"),
                    "converted EUR 100 to USD 104.11 at the ECB reference rate of 2025-02-28 "
                    "(1 EUR = 1.0411 USD)",
                    "the ECB reference rate of 2025-02-28 is 8 days older"
                    " than the as-of date 2025-03-08" +
                        kRefresh},
        // After the last date: the last rate.
        ConvertCase{"2026-06-30", M("USD", "160.00"), "EUR", M("EUR", "146.94"),
                    "converted USD 160.00 to EUR 146.94 at the ECB reference rate of 2025-03-14 "
                    "(1 EUR = 1.0889 USD)",
                    "the ECB reference rate of 2025-03-14 is 473 days older"
                    " than the as-of date 2026-06-30" +
                        kRefresh},
        // Before the table starts, or a currency it does not have: missing, with the reason
        // a finding gives for its `undecided` basis.
        ConvertCase{"2025-02-27", M("USD", "160.00"), "EUR", Value(),
                    "no FX rate for USD on or before 2025-02-27 in the ECB reference rates (the "
                    "table starts later)",
                    ""},
        ConvertCase{"2025-03-14", M("CHF", "10"), "EUR", Value(),
                    "no FX rate for CHF in the ECB reference rates (the ECB publishes none for it)",
                    ""},
        ConvertCase{"2025-03-14", M("EUR", "10"), "VND", Value(),
                    "no FX rate for VND in the ECB reference rates (the ECB publishes none for it)",
                    ""},
        // Identity: unchanged, no rate needed, even before the table.
        ConvertCase{"2020-01-01", M("EUR", "19.999"), "EUR", M("EUR", "19.999"), "", ""},
        ConvertCase{"2025-03-14", M("USD", "1.5"), "USD", M("USD", "1.5"), "", ""},
        // Cross rates through the euro, one rounding at the end.
        ConvertCase{"2025-03-14", M("USD", "160.00"), "GBP", M("GBP", "123.70"),
                    "converted USD 160.00 to GBP 123.70 at the ECB reference rates of 2025-03-14 "
                    "(1 EUR = 1.0889 USD, 1 EUR = 0.84183 GBP)",
                    ""},
        ConvertCase{"2025-03-14", M("JPY", "10000"), "USD", M("USD", "67.27"),
                    "converted JPY 10000 to USD 67.27 at the ECB reference rates of 2025-03-14 "
                    "(1 EUR = 161.88 JPY, 1 EUR = 1.0889 USD)",
                    ""},
        ConvertCase{"2025-03-14", M("USD", "160.00"), "CAD", M("CAD", "220.69"),
                    "converted USD 160.00 to CAD 220.69 at the ECB reference rates of 2025-03-14 "
                    "(1 EUR = 1.0889 USD) and 2025-02-28 (1 EUR = 1.5019 CAD)",
                    "the ECB reference rate of 2025-02-28 is 14 days older"
                    " than the as-of date 2025-03-14" +
                        kRefresh},
        // Half-even rounding to cents.
        ConvertCase{"2025-03-14", M("EUR", "0.125"), "XTS", M("XTS", "0.12"),
                    "converted EUR 0.125 to XTS 0.12 at the ECB reference rate of 2025-03-14 "
                    "(1 EUR = 1 XTS)",
                    ""},
        ConvertCase{"2025-03-14", M("EUR", "0.135"), "XTS", M("XTS", "0.14"),
                    "converted EUR 0.135 to XTS 0.14 at the ECB reference rate of 2025-03-14 "
                    "(1 EUR = 1 XTS)",
                    ""},
        // An exact quotient still has two places.
        ConvertCase{"2025-03-14", M("EUR", "100"), "XTS", M("XTS", "100.00"),
                    "converted EUR 100 to XTS 100.00 at the ECB reference rate of 2025-03-14 "
                    "(1 EUR = 1 XTS)",
                    ""},
        // The result has its currency's minor units: whole yen (1.23 x 161.88 = 199.1124).
        ConvertCase{"2025-03-14", M("EUR", "1.23"), "JPY", M("JPY", "199"),
                    "converted EUR 1.23 to JPY 199 at the ECB reference rate of 2025-03-14 "
                    "(1 EUR = 161.88 JPY)",
                    ""}));

TEST(ConvertTest, WithoutReferenceDataTheResultIsMissing) {
  CallContext context = At("2025-03-14");
  context.reference = nullptr;
  EXPECT_TRUE(Call("convert", {M("USD", "1"), Value("EUR")}, context).is_missing());
}

TEST(ConvertTest, ExactDecimalArithmetic) {
  // A large amount converts without binary floating-point drift.
  const std::optional<Conversion> large =
      Convert({*Decimal::Parse("123456789.87"), Currency::FromCode("USD")},
              Currency::FromCode("GBP"), *Date::Parse("2025-03-14"), Reference());
  ASSERT_TRUE(large);
  // 123456789.87 * 0.84183 / 1.0889 = 95444604.11081... -> 95444604.11
  EXPECT_EQ(large->result.amount.ToString(), "95444604.11");
}

TEST(ConvertTest, ChecksTheTargetCurrency) {
  const Value money = M("USD", "1");
  EXPECT_EQ(std::get<Type>(Function("convert").check(Infos({money, Value("EUR")}))).ToString(),
            "money (EUR)");
  EXPECT_EQ(CheckMessage("convert", Infos({money, Value("euro")})),
            "expected a currency code of three capital letters such as `EUR`, found \"euro\"");
  EXPECT_EQ(CheckMessage("convert", {ArgumentInfo{Type::MoneyIn(Currency::FromCode("USD")), &money},
                                     ArgumentInfo{Type::String(), nullptr}}),
            "the target currency must be a constant currency code such as `EUR`");
  EXPECT_EQ(CheckMessage("convert", Infos({Value(Decimal(1)), Value("EUR")})),
            "expected money for argument 1, found number");
  EXPECT_EQ(CheckMessage("convert", Infos({money})), "`convert` takes 2 arguments, found 1");
}

TEST(MoneyTest, AmountAndCurrency) {
  EXPECT_EQ(Call("amount", {M("EUR", "19.99")}), Value(*Decimal::Parse("19.99")));
  EXPECT_EQ(Call("currency", {M("EUR", "19.99")}), Value("EUR"));
  EXPECT_EQ(CheckMessage("amount", Infos({Value("19.99")})),
            "expected money for argument 1, found string");
}

TEST(MoneyTest, MoneyFromAmountAndCode) {
  EXPECT_EQ(Call("money", {Value(*Decimal::Parse("150.00")), Value("EUR")}), M("EUR", "150"));
  EXPECT_EQ(
      std::get<Type>(Function("money").check(Infos({Value(Decimal(1)), Value("JPY")}))).ToString(),
      "money (JPY)");
  const Value amount(Decimal(1));
  const std::vector<ArgumentInfo> read_code = {ArgumentInfo{Type::Number(), &amount},
                                               ArgumentInfo{Type::String(), nullptr}};
  EXPECT_EQ(std::get<Type>(Function("money").check(read_code)).ToString(), "money");
  EXPECT_EQ(CheckMessage("money", Infos({amount, Value("eur")})),
            "expected a currency code of three capital letters such as `EUR`, found \"eur\"");
  // A code read from the record that is not a currency code: missing.
  EXPECT_TRUE(Function("money").eval(std::vector<Value>{amount, Value("e")}, {}).is_missing());
}

}  // namespace
}  // namespace tradelint
