#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "plugins/regex/regex_plugin.h"
#include "tests/unit/plugins/function_harness.h"

namespace tradelint {
namespace {

struct RegexCase {
  std::string function;
  std::string text;
  std::string pattern;
  Value expected;
};

class RegexTest : public testing::TestWithParam<RegexCase> {};

TEST_P(RegexTest, Evaluates) {
  const RegexCase& c = GetParam();
  EXPECT_EQ(Call(c.function, {Value(c.text), Value(c.pattern)}), c.expected)
      << c.function << "(\"" << c.text << "\", r\"" << c.pattern << "\")";
}

INSTANTIATE_TEST_SUITE_P(
    Regex, RegexTest,
    testing::Values(
        RegexCase{"matches", "CE 0123 certified", R"(\bCE\s*\d{4}\b)", Value(true)},
        RegexCase{"matches", "ce 0123", R"(\bCE\s*\d{4}\b)", Value(false)},
        RegexCase{"matches", "ce 0123", R"((?i)\bCE\s*\d{4}\b)", Value(true)},
        RegexCase{"matches", "Zentora充电器", "充电", Value(true)},
        RegexCase{"matches", "Ärger", R"(^\p{Lu})", Value(true)},  // UTF-8, Unicode classes
        RegexCase{"full_match", "DE123456789", R"([A-Z]{2}\d{9})", Value(true)},
        RegexCase{"full_match", "xDE123456789", R"([A-Z]{2}\d{9})", Value(false)},
        RegexCase{"extract", "EAN: 4006381333931", R"((\d{13}))", Value("4006381333931")},
        RegexCase{"extract", "no code here", R"((\d{13}))", Value()},
        RegexCase{"extract", "size M", R"(size (S|M|L)|(XL))", Value("M")},
        RegexCase{"extract", "XL", R"((S|M|L)|(XL))", Value()}));  // group 1 did not take part

TEST(RegexTest, ThePatternMustBeAConstantString) {
  const Value text("x");
  EXPECT_EQ(CheckMessage("matches", {ArgumentInfo{Type::String(), &text},
                                     ArgumentInfo{Type::String(), nullptr}}),
            "the pattern must be a constant string (a literal or a `const`), so that it is "
            "compiled once");
  EXPECT_EQ(CheckMessage("matches", Infos({text, Value(Decimal(1))})),
            "expected a string for argument 2, found number");
  EXPECT_EQ(CheckMessage("full_match", Infos({text})), "`full_match` takes 2 arguments, found 1");
}

TEST(RegexTest, AnInvalidPatternNamesRe2sError) {
  const PrepareResult prepared = Function("matches").prepare(Infos({Value("x"), Value("(a")}));
  ASSERT_TRUE(std::holds_alternative<CheckError>(prepared));
  EXPECT_EQ(std::get<CheckError>(prepared).message, "invalid regular expression: missing ): (a");
  EXPECT_EQ(std::get<CheckError>(prepared).argument, 1);
}

TEST(RegexTest, ExtractNeedsACaptureGroup) {
  const PrepareResult prepared = Function("extract").prepare(Infos({Value("x"), Value(R"(\d+)")}));
  ASSERT_TRUE(std::holds_alternative<CheckError>(prepared));
  EXPECT_EQ(std::get<CheckError>(prepared).message,
            "`extract` needs a pattern with a capture group, such as `(\\d+)`");
}

TEST(RegexTest, MaxMemLimitsCompiledPatterns) {
  FunctionRegistry registry;
  std::string error;
  ASSERT_TRUE(registry.Register(RegexPlugin(RegexOptions{.max_mem = 1 << 10}), &error)) << error;
  const std::vector<Value> args = {Value("x"), Value(R"(\w{50}\d{50})")};
  const std::vector<ArgumentInfo> infos = Infos(args);
  const PrepareResult prepared = registry.Find("matches")->prepare(infos);
  ASSERT_TRUE(std::holds_alternative<CheckError>(prepared));
  EXPECT_EQ(std::get<CheckError>(prepared).message,
            "invalid regular expression: pattern too large - compile failed");
  // The default budget (8 MiB) compiles it.
  EXPECT_TRUE(std::holds_alternative<PreparedState>(Function("matches").prepare(infos)));
}

// One prepared pattern serves every evaluation, from several threads at once.
TEST(RegexTest, CompiledOnceAndSharedBetweenThreads) {
  const Value pattern(R"((?i)\bfake\b)");
  const std::vector<Value> args = {Value(""), pattern};
  const std::vector<ArgumentInfo> infos = Infos(args);
  const FunctionDef& matches = Function("matches");
  const PreparedState state = std::get<PreparedState>(matches.prepare(infos));
  ASSERT_NE(state, nullptr);
  std::vector<std::thread> threads;
  std::vector<int> hits(4, 0);
  for (std::size_t t = 0; t < hits.size(); ++t) {
    threads.emplace_back([&, t] {
      CallContext context;
      context.prepared = state.get();
      for (int i = 0; i < 1000; ++i) {
        const Value text(i % 2 == 0 ? "a FAKE bag" : "a fakery");
        if (matches.eval(std::vector<Value>{text, pattern}, context) == Value(true)) ++hits[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : hits) EXPECT_EQ(count, 500);
  EXPECT_EQ(state.use_count(), 1);  // evaluations never copied or rebuilt the state
}

}  // namespace
}  // namespace tradelint
