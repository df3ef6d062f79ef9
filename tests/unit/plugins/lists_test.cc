#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/plugins/function_harness.h"

namespace tradelint {
namespace {

Value L(std::vector<Value> values) { return Value(ValueList(std::move(values))); }
Value M(std::string_view currency, std::string_view amount) {
  return Value(Money{*Decimal::Parse(amount), Currency::FromCode(currency)});
}
Value D(std::string_view text) { return Value(*Date::Parse(text)); }

struct ListCase {
  std::string function;
  Value list;
  Value expected;
};

class ListsTest : public testing::TestWithParam<ListCase> {};

TEST_P(ListsTest, Evaluates) {
  const ListCase& c = GetParam();
  const Value result = Call(c.function, {c.list});
  EXPECT_EQ(result, c.expected) << c.function << "(" << c.list.ToDisplayString()
                                << ") = " << result.ToDisplayString();
}

INSTANTIATE_TEST_SUITE_P(
    Lists, ListsTest,
    testing::Values(
        ListCase{"count", L({}), Value(Decimal(0))},
        ListCase{"count", Strings({"a", "b", "a"}), Value(Decimal(3))},
        ListCase{"sum", L({Number("0.1"), Number("0.2")}), Number("0.3")},
        ListCase{"sum", L({M("EUR", "19.99"), M("EUR", "0.01")}), M("EUR", "20")},
        ListCase{"sum", L({M("EUR", "1"), M("USD", "1")}), Value()},  // mixed currencies
        ListCase{"sum", L({Number("1"), Value()}), Value()},          // missing element
        ListCase{"sum", L({Number("1"), Value::Null()}), Value()},    // null element
        ListCase{"sum", L({Number("1"), M("EUR", "1")}), Value()},    // mixed kinds
        ListCase{"min", L({Number("3"), Number("-1.5"), Number("2")}), Number("-1.5")},
        ListCase{"max", L({Number("3"), Number("-1.5"), Number("2")}), Number("3")},
        ListCase{"max", L({Number("150"), Number("150.00")}), Number("150")},
        ListCase{"min", L({D("2025-03-01"), D("2024-12-13")}), D("2024-12-13")},
        ListCase{"max", L({M("EUR", "5"), M("EUR", "7.5")}), M("EUR", "7.5")},
        ListCase{"max", L({M("EUR", "5"), M("USD", "7.5")}), Value()},
        ListCase{"min", L({}), Value()}, ListCase{"min", L({Number("1"), Value()}), Value()},
        ListCase{"distinct", Strings({"a", "b", "a", "c", "b"}), Strings({"a", "b", "c"})},
        ListCase{"distinct", L({Number("150"), Number("150.00"), Number("1")}),
                 L({Number("150"), Number("1")})},
        ListCase{"flatten", L({Strings({"a"}), Strings({}), Strings({"b", "c"})}),
                 Strings({"a", "b", "c"})},
        ListCase{"flatten", L({Strings({"a"}), Value("b")}), Value()}));

TEST(ListsTest, TheSumOfAnEmptyListIsZeroOfItsStaticType) {
  const Value empty = L({});
  const auto sum_of = [&](const Type& type) {
    const std::vector<ArgumentInfo> infos = {ArgumentInfo{type, nullptr}};
    const PreparedState state = std::get<PreparedState>(Function("sum").prepare(infos));
    CallContext context;
    context.prepared = state.get();
    return Function("sum").eval(std::vector<Value>{empty}, context);
  };
  EXPECT_EQ(sum_of(Type::ListOf(Type::Number())), Value(Decimal(0)));
  EXPECT_EQ(sum_of(Type::ListOf(Type::MoneyIn(Currency::FromCode("EUR")))), M("EUR", "0"));
  EXPECT_TRUE(sum_of(Type::ListOf(Type::Of(Type::Kind::kMoney))).is_missing());
  EXPECT_TRUE(sum_of(Type::ListOf(Type::Any())).is_missing());
}

TEST(ListsTest, ChecksElementTypes) {
  EXPECT_EQ(CheckMessage("count", Infos({Value("abc")})),
            "expected a list for argument 1, found string");
  EXPECT_EQ(CheckMessage("sum", Infos({Strings({"a"})})),
            "expected a list of numbers or money for argument 1, found list of string");
  EXPECT_EQ(CheckMessage("min", Infos({Strings({"a"})})),
            "expected a list of numbers, dates, datetimes or money for argument 1, found list of "
            "string");
  EXPECT_EQ(CheckMessage("flatten", Infos({Strings({"a"})})),
            "expected a list of lists for argument 1, found list of string");
  EXPECT_EQ(CheckMessage("max", Infos({})), "`max` takes 1 argument, found 0");
  EXPECT_EQ(std::get<Type>(Function("sum").check(Infos({L({M("EUR", "1")})}))).ToString(),
            "money (EUR)");
  EXPECT_EQ(std::get<Type>(Function("flatten").check(Infos({L({Strings({"a"})})}))).ToString(),
            "list of string");
  EXPECT_EQ(std::get<Type>(Function("distinct").check(Infos({Strings({"a"})}))).ToString(),
            "list of string");
}

}  // namespace
}  // namespace tradelint
