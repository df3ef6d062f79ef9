#include "engine/value/value.h"

#include <gtest/gtest.h>

#include <ostream>

#include <cctype>
#include <string>
#include <string_view>

namespace tradelint {
namespace {

Value Number(std::string_view text) { return Value(*Decimal::Parse(text)); }

Value Object(ValueObject members) { return Value(std::move(members)); }

TEST(CurrencyTest, FromCodeAcceptsThreeUpperCaseLetters) {
  EXPECT_EQ(Currency::FromCode("EUR").code(), "EUR");
  EXPECT_FALSE(Currency::FromCode("EUR").empty());
  for (const std::string_view bad : {"eur", "EU", "EURO", "", "E1R", "€"}) {
    EXPECT_TRUE(Currency::FromCode(bad).empty()) << bad;
    EXPECT_EQ(Currency::FromCode(bad).code(), "") << bad;
  }
  EXPECT_EQ(Currency::FromCode("USD"), Currency::FromCode("USD"));
  EXPECT_NE(Currency::FromCode("USD"), Currency::FromCode("EUR"));
}

TEST(ValueTest, KindsAndAccessors) {
  EXPECT_TRUE(Value().is_missing());
  EXPECT_TRUE(Value::Null().is_null());
  EXPECT_TRUE(Value(true).as_bool());
  EXPECT_EQ(Value("text").as_string(), "text");
  EXPECT_EQ(Value(std::string("text")).kind(), Value::Kind::kString);
  EXPECT_EQ(Number("1.5").as_number(), *Decimal::Parse("1.50"));
  EXPECT_EQ(Value(ValueList{Value(true)}).as_list().size(), 1u);
}

TEST(ValueTest, GetAndAtReturnMissingWhenAbsent) {
  const Value object = Object({{"a", Number("1")}, {"b", Value("x")}});
  EXPECT_EQ(object.Get("b").as_string(), "x");
  EXPECT_TRUE(object.Get("c").is_missing());
  EXPECT_TRUE(Value("x").Get("a").is_missing());
  const Value list(ValueList{Value("first"), Value("second")});
  EXPECT_EQ(list.At(1).as_string(), "second");
  EXPECT_TRUE(list.At(2).is_missing());
  EXPECT_TRUE(object.At(0).is_missing());
  EXPECT_EQ(&list.At(5), &Value::MissingValue());
  EXPECT_EQ(&object.Get("zzz").Get("deeper"), &Value::MissingValue());
}

struct EqualityCase {
  std::string_view name;
  Value a;
  Value b;
  bool equal;
};
// Names the case in test output.
void PrintTo(const EqualityCase& c, std::ostream* os) { *os << c.name; }

class ValueEqualityTest : public testing::TestWithParam<EqualityCase> {};

TEST_P(ValueEqualityTest, IsDeepAndNumeric) {
  const EqualityCase& c = GetParam();
  EXPECT_EQ(c.a == c.b, c.equal) << c.name;
  EXPECT_EQ(c.b == c.a, c.equal) << c.name;
}

const Money kEur150{*Decimal::Parse("150.00"), Currency::FromCode("EUR")};
const Money kEur150Plain{Decimal(150), Currency::FromCode("EUR")};
const Money kUsd150{Decimal(150), Currency::FromCode("USD")};

INSTANTIATE_TEST_SUITE_P(
    Cases, ValueEqualityTest,
    testing::Values(
        EqualityCase{"numbers across scales", Number("150.00"), Number("150"), true},
        EqualityCase{"different numbers", Number("150.01"), Number("150"), false},
        EqualityCase{"number vs string", Number("1"), Value("1"), false},
        EqualityCase{"missing", Value(), Value(), true},
        EqualityCase{"missing vs null", Value(), Value::Null(), false},
        EqualityCase{"null", Value::Null(), Value::Null(), true},
        EqualityCase{"bools", Value(true), Value(false), false},
        EqualityCase{"strings", Value("a"), Value("a"), true},
        EqualityCase{"money across scales", Value(kEur150), Value(kEur150Plain), true},
        EqualityCase{"money currencies", Value(kEur150), Value(kUsd150), false},
        EqualityCase{"dates", Value(*Date::Parse("2024-01-01")), Value(*Date::Parse("2024-01-01")),
                     true},
        EqualityCase{"durations", Value(Duration::Months(12)), Value(Duration::Days(365)), false},
        EqualityCase{"lists deep", Value(ValueList{Number("1.0"), Value("x")}),
                     Value(ValueList{Number("1"), Value("x")}), true},
        EqualityCase{"lists order", Value(ValueList{Number("1"), Value("x")}),
                     Value(ValueList{Value("x"), Number("1")}), false},
        EqualityCase{"lists length", Value(ValueList{Number("1")}),
                     Value(ValueList{Number("1"), Number("1")}), false},
        EqualityCase{"objects ignore member order",
                     Object({{"a", Number("1")}, {"b", Object({{"c", Number("2.0")}})}}),
                     Object({{"b", Object({{"c", Number("2")}})}, {"a", Number("1.00")}}), true},
        EqualityCase{"objects differ deep", Object({{"b", Object({{"c", Number("2")}})}}),
                     Object({{"b", Object({{"c", Number("3")}})}}), false},
        EqualityCase{"objects different keys", Object({{"a", Value()}}), Object({{"b", Value()}}),
                     false},
        EqualityCase{"objects size", Object({{"a", Number("1")}}),
                     Object({{"a", Number("1")}, {"b", Number("1")}}), false}),
    [](const testing::TestParamInfo<EqualityCase>& param_info) {
      std::string name(param_info.param.name);
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(ValueTest, SharedListsCompareEqual) {
  const Value list(ValueList{Number("1")});
  const Value copy = list;
  EXPECT_EQ(list, copy);
  EXPECT_EQ(&list.as_list(), &copy.as_list());
}

TEST(ValueTest, ToDisplayString) {
  EXPECT_EQ(Value().ToDisplayString(), "missing");
  EXPECT_EQ(Value::Null().ToDisplayString(), "null");
  EXPECT_EQ(Value(false).ToDisplayString(), "false");
  EXPECT_EQ(Number("150.00").ToDisplayString(), "150.00");
  EXPECT_EQ(Value("say \"hi\"\n\x01").ToDisplayString(), R"("say \"hi\"\n\u0001")");
  EXPECT_EQ(Value("Grüße").ToDisplayString(), "\"Grüße\"");
  EXPECT_EQ(Value(*Date::Parse("2024-02-29")).ToDisplayString(), "2024-02-29");
  EXPECT_EQ(Value(*DateTime::Parse("2024-02-29T10:00:00+01:00")).ToDisplayString(),
            "2024-02-29T09:00:00Z");
  EXPECT_EQ(Value(Duration::Days(30)).ToDisplayString(), "30 days");
  EXPECT_EQ(Value(Money{*Decimal::Parse("19.99"), Currency::FromCode("EUR")}).ToDisplayString(),
            "EUR 19.99");
  EXPECT_EQ(Value(ValueList{}).ToDisplayString(), "[]");
  EXPECT_EQ(Object({{"a", Value(ValueList{Number("1"), Value("x")})}, {"b", Value::Null()}})
                .ToDisplayString(),
            R"({"a": [1, "x"], "b": null})");
}

TEST(ValueTest, KindNames) {
  EXPECT_EQ(KindName(Value::Kind::kNumber), "number");
  EXPECT_EQ(KindName(Value::Kind::kString), "string");
  EXPECT_EQ(KindName(Value::Kind::kList), "list");
  EXPECT_EQ(KindName(Value::Kind::kObject), "object");
  EXPECT_EQ(KindName(Value::Kind::kBool), "boolean");
  EXPECT_EQ(KindName(Value::Kind::kDateTime), "datetime");
  EXPECT_EQ(KindName(Value::Kind::kMoney), "money");
  EXPECT_EQ(KindName(Value::Kind::kMissing), "missing");
}

}  // namespace
}  // namespace tradelint

namespace tradelint {
namespace {

TEST(CurrencyTest, MinorUnitsFollowIso4217) {
  EXPECT_EQ(Currency::FromCode("EUR").minor_units(), 2);
  EXPECT_EQ(Currency::FromCode("JPY").minor_units(), 0);
  EXPECT_EQ(Currency::FromCode("KRW").minor_units(), 0);
  EXPECT_EQ(Currency::FromCode("KWD").minor_units(), 3);
  EXPECT_EQ(Currency::FromCode("BHD").minor_units(), 3);
  EXPECT_EQ(Currency::FromCode("OMR").minor_units(), 3);
  EXPECT_EQ(Currency::FromCode("SAR").minor_units(), 2);
}

}  // namespace
}  // namespace tradelint
