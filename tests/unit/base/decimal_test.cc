#include "engine/base/decimal.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace tradelint {
namespace {

Decimal D(std::string_view text) {
  const std::optional<Decimal> parsed = Decimal::Parse(text);
  EXPECT_TRUE(parsed.has_value()) << text;
  return parsed.value_or(Decimal());
}

// 38 nines: the largest coefficient magnitude.
constexpr std::string_view kMax = "99999999999999999999999999999999999999";
constexpr std::string_view kMinusMax = "-99999999999999999999999999999999999999";

struct ParseCase {
  std::string_view text;
  std::optional<std::string_view> canonical;  // ToString of the result; nullopt = rejected
};

// Numbers of up to 18 digits without an exponent take a short path; they must come out as the
// general path gives them: exactly as written, on both sides of the boundary.
TEST(DecimalParse, NumbersAsWrittenOnBothSidesOfTheShortPath) {
  std::mt19937 random(20261205);
  const auto digits = [&](std::size_t count, bool leading_zero_allowed) {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
      const bool first = i == 0 && !leading_zero_allowed;
      text += static_cast<char>('0' + (first ? 1 + random() % 9 : random() % 10));
    }
    return text;
  };
  for (int round = 0; round < 20000; ++round) {
    const std::size_t integer_size = 1 + random() % 14;
    const std::size_t fraction_size = random() % 12;
    std::string text = random() % 4 == 0 ? "0" : digits(integer_size, false);
    if (fraction_size > 0) text += "." + digits(fraction_size, true);
    ASSERT_EQ(D(text).ToString(), text);
    const bool zero = text.find_first_not_of("0.") == std::string::npos;
    ASSERT_EQ(D("-" + text).ToString(), zero ? text : "-" + text);
    ASSERT_EQ(D(text + "e0").ToString(), text);
  }
}

class DecimalParseTest : public testing::TestWithParam<ParseCase> {};

TEST_P(DecimalParseTest, ParsesJsonNumbersExactly) {
  const ParseCase& c = GetParam();
  const std::optional<Decimal> parsed = Decimal::Parse(c.text);
  if (!c.canonical) {
    EXPECT_FALSE(parsed.has_value()) << c.text << " parsed as " << parsed->ToString();
    return;
  }
  ASSERT_TRUE(parsed.has_value()) << c.text;
  EXPECT_EQ(parsed->ToString(), *c.canonical) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DecimalParseTest,
    testing::Values(
        ParseCase{"0", "0"}, ParseCase{"-12", "-12"}, ParseCase{"19.99", "19.99"},
        ParseCase{"150.00", "150.00"}, ParseCase{"0.1", "0.1"}, ParseCase{"-0.0", "0.0"},
        ParseCase{"-0", "0"}, ParseCase{"1e3", "1000"}, ParseCase{"1E+3", "1000"},
        ParseCase{"2.5E-2", "0.025"}, ParseCase{"1.50e1", "15.0"}, ParseCase{"0.000", "0.000"},
        ParseCase{"0e-500", "0.00000000000000000000000000000000000000"},
        ParseCase{"1e-38", "0.00000000000000000000000000000000000001"}, ParseCase{kMax, kMax},
        ParseCase{"-99999999999999999999999999999999999999",
                  "-99999999999999999999999999999999999999"},
        // Trailing fractional zeros beyond 38 digits are dropped rather than rejected.
        ParseCase{"1.0000000000000000000000000000000000000000",
                  "1.0000000000000000000000000000000000000"},
        ParseCase{"100000000000000000000000000000000000000", std::nullopt},  // 39 digits
        ParseCase{"1e38", std::nullopt}, ParseCase{"1e-39", std::nullopt},
        ParseCase{"1e999999999999999999999", std::nullopt},
        // Not JSON numbers.
        ParseCase{"", std::nullopt}, ParseCase{"abc", std::nullopt}, ParseCase{"1.", std::nullopt},
        ParseCase{".5", std::nullopt}, ParseCase{"01", std::nullopt}, ParseCase{"+1", std::nullopt},
        ParseCase{"-", std::nullopt}, ParseCase{"1e", std::nullopt}, ParseCase{"1e+", std::nullopt},
        ParseCase{" 1", std::nullopt}, ParseCase{"1 ", std::nullopt},
        ParseCase{"1,5", std::nullopt}, ParseCase{"0x10", std::nullopt},
        ParseCase{"NaN", std::nullopt}));

TEST(DecimalTest, EqualityIsNumericAcrossScales) {
  EXPECT_EQ(D("150.00"), D("150"));
  EXPECT_EQ(D("150.00"), Decimal(150));
  EXPECT_EQ(D("0.0"), D("0"));
  EXPECT_NE(D("150.01"), D("150"));
  EXPECT_LT(D("-1"), D("0.5"));
  EXPECT_LT(D("-2.5"), D("-2.49"));
  EXPECT_GT(D("10"), D("9.99999999999999999999999999999999999"));
  // Aligning 38-digit coefficients to scale 38 would overflow 128 bits.
  EXPECT_LT(D("0.00000000000000000000000000000000000001"), D(kMax));
  EXPECT_GT(D(kMax), D("9999999999999999999999999999999999999.9"));
  EXPECT_LT(D(std::string("-") + std::string(kMax)),
            D("-0.00000000000000000000000000000000000001"));
}

struct ArithmeticCase {
  std::string_view a;
  char op;
  std::string_view b;
  std::optional<std::string_view> result;  // exact ToString; nullopt = overflow / div by zero
};

class DecimalArithmeticTest : public testing::TestWithParam<ArithmeticCase> {};

TEST_P(DecimalArithmeticTest, IsExact) {
  const ArithmeticCase& c = GetParam();
  const Decimal a = D(c.a);
  const Decimal b = D(c.b);
  std::optional<Decimal> result;
  switch (c.op) {
    case '+':
      result = a.Add(b);
      break;
    case '-':
      result = a.Subtract(b);
      break;
    case '*':
      result = a.Multiply(b);
      break;
    case '/':
      result = a.Divide(b);
      break;
  }
  const std::string expression = std::string(c.a) + " " + c.op + " " + std::string(c.b);
  if (!c.result) {
    EXPECT_FALSE(result.has_value()) << expression << " = " << result->ToString();
    return;
  }
  ASSERT_TRUE(result.has_value()) << expression;
  EXPECT_EQ(result->ToString(), *c.result) << expression;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DecimalArithmeticTest,
    testing::Values(
        ArithmeticCase{"0.1", '+', "0.2", "0.3"}, ArithmeticCase{"19.99", '+', "0.01", "20.00"},
        ArithmeticCase{"1", '+', "0.50", "1.50"}, ArithmeticCase{"-5", '+', "3.5", "-1.5"},
        ArithmeticCase{"0.5", '-', "0.5", "0.0"}, ArithmeticCase{"1", '-', "1.001", "-0.001"},
        ArithmeticCase{kMax, '+', "1", std::nullopt}, ArithmeticCase{kMax, '-', "-1", std::nullopt},
        ArithmeticCase{kMax, '+', "-1", "99999999999999999999999999999999999998"},
        // The exact result fits although aligning the operands does not.
        ArithmeticCase{"10000000000000000000000000000000000000", '+', "0.0",
                       "10000000000000000000000000000000000000"},
        ArithmeticCase{"10000000000000000000000000000000000000", '-',
                       "9999999999999999999999999999999999999.9", "0.1"},
        ArithmeticCase{"10000000000000000000000000000000000000", '+', "0.5", std::nullopt},
        ArithmeticCase{"19.99", '*', "3", "59.97"}, ArithmeticCase{"1.50", '*', "2", "3.00"},
        ArithmeticCase{"-0.19", '*', "100.00", "-19.0000"},
        ArithmeticCase{"0.1", '*', "0.1", "0.01"}, ArithmeticCase{kMax, '*', "2", std::nullopt},
        ArithmeticCase{"0.00000000000000000000000000000000000001", '*', "0.1", std::nullopt},
        // Products past 128 bits that reduce to a representable value.
        ArithmeticCase{"1.00000000000000000000", '*', "1.00000000000000000000",
                       "1.0000000000000000000000000000000000000"},
        // 2^54 * 5^54 = 10^54.
        ArithmeticCase{"1.8014398509481984", '*', "0.55511151231257827021181583404541015625",
                       "1.0000000000000000000000000000000000000"},
        ArithmeticCase{"150.00", '/', "2", "75.00"}, ArithmeticCase{"1", '/', "4", "0.25"},
        ArithmeticCase{"1", '/', "3", "0.333333333333333333"},
        ArithmeticCase{"2", '/', "3", "0.666666666666666667"},
        ArithmeticCase{"-2", '/', "3", "-0.666666666666666667"},
        ArithmeticCase{"1", '/', "0.001", "1000"}, ArithmeticCase{"10", '/', "0.5", "20"},
        ArithmeticCase{"0.000001", '/', "3", "0.000000333333333333"},
        // A dividend more precise than kDivisionScale keeps its own scale.
        ArithmeticCase{"1e-30", '/', "1", "0.000000000000000000000000000001"},
        // Ties in the 19th fractional digit round to even.
        ArithmeticCase{"0.000000000000000005", '/', "2", "0.000000000000000002"},
        ArithmeticCase{"0.000000000000000015", '/', "2", "0.000000000000000008"},
        ArithmeticCase{"1", '/', "0", std::nullopt}, ArithmeticCase{"0", '/', "0.00", std::nullopt},
        ArithmeticCase{kMax, '/', "0.1", std::nullopt}, ArithmeticCase{kMax, '/', "1", kMax},
        // Overflow toward the negative end, and of mixed signs.
        ArithmeticCase{kMinusMax, '-', "1", std::nullopt},
        ArithmeticCase{kMinusMax, '+', "-0.1", std::nullopt},
        ArithmeticCase{kMinusMax, '-', kMax, std::nullopt},
        ArithmeticCase{kMinusMax, '*', "2", std::nullopt},
        ArithmeticCase{kMax, '*', kMinusMax, std::nullopt},
        ArithmeticCase{kMinusMax, '/', "0.5", std::nullopt},
        ArithmeticCase{kMax, '/', "-0.1", std::nullopt}, ArithmeticCase{kMinusMax, '*', "-1", kMax},
        ArithmeticCase{kMinusMax, '/', "-1", kMax},
        // A quotient too small for 38 fractional digits rounds to zero rather than failing.
        ArithmeticCase{"0.00000000000000000000000000000000000001", '/', kMax,
                       "0.00000000000000000000000000000000000000"}));

// Negation is exact for every value arithmetic and Parse produce: the coefficient range is
// symmetric (at most 38 nines either way).
TEST(DecimalTest, NegateIsExactAtTheLimits) {
  EXPECT_EQ(D(kMax).Negate().ToString(), kMinusMax);
  EXPECT_EQ(D(kMinusMax).Negate().ToString(), kMax);
  EXPECT_EQ(D("0.00000000000000000000000000000000000001").Negate().ToString(),
            "-0.00000000000000000000000000000000000001");
  EXPECT_EQ(D(kMinusMax).Subtract(D(kMinusMax))->ToString(), "0");
}

struct RoundCase {
  std::string_view value;
  int scale;
  std::string_view rounded;
};

class DecimalRoundTest : public testing::TestWithParam<RoundCase> {};

TEST_P(DecimalRoundTest, RoundsHalfEven) {
  const RoundCase& c = GetParam();
  EXPECT_EQ(D(c.value).Rounded(c.scale).ToString(), c.rounded) << c.value << " to " << c.scale;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DecimalRoundTest,
    testing::Values(RoundCase{"2.5", 0, "2"}, RoundCase{"3.5", 0, "4"}, RoundCase{"-2.5", 0, "-2"},
                    RoundCase{"-3.5", 0, "-4"}, RoundCase{"2.51", 0, "3"},
                    RoundCase{"1.005", 2, "1.00"}, RoundCase{"1.015", 2, "1.02"},
                    RoundCase{"1.0151", 2, "1.02"}, RoundCase{"9.999", 2, "10.00"},
                    RoundCase{"19.99", 2, "19.99"}, RoundCase{"19.9", 4, "19.9"}));

TEST(DecimalTest, IntegerQueries) {
  EXPECT_TRUE(D("150.00").IsInteger());
  EXPECT_FALSE(D("150.01").IsInteger());
  EXPECT_EQ(D("150.00").ToInt64(), 150);
  EXPECT_EQ(D("-7").ToInt64(), -7);
  EXPECT_EQ(D("1.5").ToInt64(), std::nullopt);
  EXPECT_EQ(D("9223372036854775807").ToInt64(), INT64_MAX);
  EXPECT_EQ(D("9223372036854775808").ToInt64(), std::nullopt);
  EXPECT_EQ(D("-9223372036854775808").ToInt64(), INT64_MIN);
}

TEST(DecimalTest, ToStringKeepsScaleAndNormalizedDropsZeros) {
  EXPECT_EQ(Decimal::FromParts(15000, 2).ToString(), "150.00");
  EXPECT_EQ(Decimal::FromParts(-5, 3).ToString(), "-0.005");
  EXPECT_EQ(Decimal::FromParts(0, 2).ToString(), "0.00");
  EXPECT_EQ(Decimal(-42).ToString(), "-42");
  EXPECT_EQ(D("150.00").Normalized().ToString(), "150");
  EXPECT_EQ(D("0.30").Normalized().ToString(), "0.3");
  EXPECT_EQ(D("0.000").Normalized().ToString(), "0");
  EXPECT_EQ(D("1000").Normalized().ToString(), "1000");
  EXPECT_EQ(D("-1.50").Negate().ToString(), "1.50");
}

}  // namespace
}  // namespace tradelint
