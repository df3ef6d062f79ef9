#include "engine/plugin/type.h"

#include <gtest/gtest.h>

#include <string>

namespace tradelint {
namespace {

const Currency kEur = Currency::FromCode("EUR");
const Currency kUsd = Currency::FromCode("USD");

TEST(TypeTest, ToString) {
  EXPECT_EQ(Type::Any().ToString(), "any");
  EXPECT_EQ(Type::Bool().ToString(), "boolean");
  EXPECT_EQ(Type::Number().ToString(), "number");
  EXPECT_EQ(Type::String().ToString(), "string");
  EXPECT_EQ(Type::Date().ToString(), "date");
  EXPECT_EQ(Type::DateTime().ToString(), "datetime");
  EXPECT_EQ(Type::Duration().ToString(), "duration");
  EXPECT_EQ(Type::Of(Type::Kind::kMoney).ToString(), "money");
  EXPECT_EQ(Type::MoneyIn(kEur).ToString(), "money (EUR)");
  EXPECT_EQ(Type::ListOf(Type::Any()).ToString(), "list");
  EXPECT_EQ(Type::ListOf(Type::ListOf(Type::String())).ToString(), "list of list of string");
  EXPECT_EQ(Type::ObjectOf(nullptr).ToString(), "object");
}

TEST(TypeTest, ElementOfAListAndOfAnythingElse) {
  EXPECT_EQ(Type::ListOf(Type::Number()).Element().kind, Type::Kind::kNumber);
  EXPECT_TRUE(Type::String().Element().is_any());
  EXPECT_TRUE(Type::Of(Type::Kind::kList).Element().is_any());  // a list without element type
}

struct AcceptsCase {
  Type expected;
  Type given;
  bool accepts;
};

class AcceptsTest : public testing::TestWithParam<AcceptsCase> {};

TEST_P(AcceptsTest, Accepts) {
  const AcceptsCase& c = GetParam();
  EXPECT_EQ(c.expected.Accepts(c.given), c.accepts)
      << c.expected.ToString() << " accepts " << c.given.ToString();
}

INSTANTIATE_TEST_SUITE_P(
    Type, AcceptsTest,
    testing::Values(AcceptsCase{Type::Number(), Type::Number(), true},
                    AcceptsCase{Type::Number(), Type::String(), false},
                    AcceptsCase{Type::Any(), Type::String(), true},
                    AcceptsCase{Type::String(), Type::Any(), true},
                    AcceptsCase{Type::Date(), Type::DateTime(), false},
                    AcceptsCase{Type::MoneyIn(kEur), Type::MoneyIn(kUsd), true},
                    AcceptsCase{Type::Of(Type::Kind::kMoney), Type::MoneyIn(kUsd), true},
                    AcceptsCase{Type::ListOf(Type::String()), Type::ListOf(Type::String()), true},
                    AcceptsCase{Type::ListOf(Type::String()), Type::ListOf(Type::Number()), false},
                    AcceptsCase{Type::ListOf(Type::Any()), Type::ListOf(Type::Number()), true},
                    AcceptsCase{Type::ListOf(Type::Number()), Type::ListOf(Type::Any()), true},
                    AcceptsCase{Type::ListOf(Type::Number()), Type::Number(), false},
                    AcceptsCase{Type::ObjectOf(nullptr), Type::ObjectOf(nullptr), true}));

}  // namespace
}  // namespace tradelint
