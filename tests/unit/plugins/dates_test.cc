#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/plugins/function_harness.h"

namespace tradelint {
namespace {

Value D(std::string_view text) { return Value(*Date::Parse(text)); }
Value T(std::string_view text) { return Value(*DateTime::Parse(text)); }

struct DateCase {
  std::string function;
  std::vector<Value> args;
  Value expected;
};

class DatesTest : public testing::TestWithParam<DateCase> {};

TEST_P(DatesTest, Evaluates) {
  const DateCase& c = GetParam();
  EXPECT_EQ(Call(c.function, c.args), c.expected) << c.function;
}

INSTANTIATE_TEST_SUITE_P(
    Dates, DatesTest,
    testing::Values(
        DateCase{"date", {D("2025-03-01")}, D("2025-03-01")},
        DateCase{"date", {T("2025-03-01T23:30:00-02:00")}, D("2025-03-02")},  // UTC date
        DateCase{"date", {T("2025-03-01T00:30:00+01:00")}, D("2025-02-28")},
        DateCase{"days_between", {D("2024-12-13"), D("2025-03-01")}, Value(Decimal(78))},
        DateCase{"days_between", {D("2025-03-01"), D("2024-12-13")}, Value(Decimal(-78))},
        DateCase{"days_between", {D("2024-02-28"), D("2024-03-01")}, Value(Decimal(2))},  // leap
        DateCase{"days_between", {T("2025-03-01T23:59:59Z"), D("2025-03-02")}, Value(Decimal(1))},
        DateCase{"year", {D("2025-03-01")}, Value(Decimal(2025))},
        DateCase{"year", {T("2024-12-31T23:30:00-01:00")}, Value(Decimal(2025))},
        DateCase{"month", {D("2025-03-01")}, Value(Decimal(3))},
        DateCase{"month", {T("2025-12-01T10:00:00Z")}, Value(Decimal(12))},
        DateCase{"day", {D("2024-02-29")}, Value(Decimal(29))},
        DateCase{"period_end", {Value("2025-05")}, D("2025-05-31")},
        DateCase{"period_end", {Value("2024-02")}, D("2024-02-29")},  // leap year
        DateCase{"period_end", {Value("2025-12")}, D("2025-12-31")},
        DateCase{"period_end", {Value("2025")}, D("2025-12-31")},
        DateCase{"period_end", {Value("2025-06-14")}, D("2025-06-14")},
        DateCase{"period_end", {Value("2025-13")}, Value()},  // not a period: unknown
        DateCase{"period_end", {Value("2025-5")}, Value()},
        DateCase{"period_end", {Value("25")}, Value()},
        DateCase{"period_end", {Value("2025-02-30")}, Value()}));

TEST(DatesTest, TodayIsTheAsOfDate) {
  CallContext context;
  context.as_of = *Date::Parse("2025-03-01");
  EXPECT_EQ(Call("today", {}, context), D("2025-03-01"));
}

TEST(DatesTest, ChecksArguments) {
  EXPECT_EQ(CheckMessage("today", Infos({D("2025-03-01")})), "`today` takes no arguments, found 1");
  EXPECT_EQ(CheckMessage("year", Infos({Value("2025")})),
            "expected a date or a datetime for argument 1, found string");
  EXPECT_EQ(CheckMessage("days_between", Infos({D("2025-03-01"), Value(Decimal(3))})),
            "expected a date or a datetime for argument 2, found number");
  EXPECT_EQ(CheckMessage("days_between", Infos({D("2025-03-01")})),
            "`days_between` takes 2 arguments, found 1");
  EXPECT_EQ(std::get<Type>(Function("date").check(Infos({T("2025-03-01T00:00:00Z")}))).kind,
            Type::Kind::kDate);
}

TEST(DatesTest, AValueOfTheWrongKindAtRunTimeIsMissing) {
  EXPECT_TRUE(Function("year").eval(std::vector<Value>{Value("2025")}, {}).is_missing());
}

}  // namespace
}  // namespace tradelint
