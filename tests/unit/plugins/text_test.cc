#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/plugins/function_harness.h"

namespace tradelint {
namespace {

struct StringCase {
  std::string function;
  std::string input;
  std::string expected;
};

class StringMapTest : public testing::TestWithParam<StringCase> {};

TEST_P(StringMapTest, MapsTheString) {
  const StringCase& c = GetParam();
  EXPECT_EQ(Call(c.function, {Value(c.input)}), Value(c.expected))
      << c.function << "(\"" << c.input << "\")";
}

INSTANTIATE_TEST_SUITE_P(
    Text, StringMapTest,
    testing::Values(
        StringCase{"lower", "Hello WORLD", "hello world"},
        StringCase{"lower", "ÄÖÜ ΣΟΦΙΑ Привет", "äöü σοφια привет"},
        StringCase{"upper", "straße", "STRAẞE"},  // one code point: ẞ, not SS
        StringCase{"upper", "größe", "GRÖẞE"}, StringCase{"casefold", "STRAßE", "strasse"},
        StringCase{"casefold", "ＡＢＣ１２３", "abc123"},             // full-width, NFKC
        StringCase{"casefold", "ﬁle", "file"},                        // ligature, NFKC
        StringCase{"casefold", "Mu\xCC\x88nchen", "m\xC3\xBCnchen"},  // NFD in
        StringCase{"casefold", "CAFE\xCC\x81 ZENTORA充电 ÄRGER",
                   "caf\xC3\xA9 zentora充电 ärger"},  // ASCII runs and the mark after one
        StringCase{"normalize", "Mu\xCC\x88nchen", "M\xC3\xBCnchen"},  // NFD -> NFC
        StringCase{"normalize", "M\xC3\xBCnchen", "M\xC3\xBCnchen"},
        StringCase{"trim", "  \t padded \n", "padded"},
        StringCase{"trim", "\xC2\xA0\xE3\x80\x80nbsp\xE3\x80\x80", "nbsp"},  // U+00A0, U+3000
        StringCase{"trim", "   ", ""}, StringCase{"trim", "", ""}));

TEST(TextTest, InvalidUtf8IsMissing) {
  for (const char* function : {"lower", "upper", "casefold", "normalize", "trim"}) {
    EXPECT_TRUE(Call(function, {Value("bad \xFF byte")}).is_missing()) << function;
  }
  EXPECT_TRUE(Call("len", {Value("\xC3")}).is_missing());
}

TEST(TextTest, LenCountsCodePointsAndListElements) {
  EXPECT_EQ(Call("len", {Value("")}), Value(Decimal(0)));
  EXPECT_EQ(Call("len", {Value("abc")}), Value(Decimal(3)));
  EXPECT_EQ(Call("len", {Value("充电器")}), Value(Decimal(3)));
  EXPECT_EQ(Call("len", {Value("Mu\xCC\x88nchen")}), Value(Decimal(8)));  // code points, not NFC
  EXPECT_EQ(Call("len", {Strings({"a", "b"})}), Value(Decimal(2)));
  EXPECT_EQ(Call("len", {Value(ValueList{})}), Value(Decimal(0)));
}

struct TestCase {
  std::string function;
  std::string text;
  std::string part;
  bool expected;
};

class StringTestTest : public testing::TestWithParam<TestCase> {};

TEST_P(StringTestTest, Decides) {
  const TestCase& c = GetParam();
  EXPECT_EQ(Call(c.function, {Value(c.text), Value(c.part)}), Value(c.expected))
      << c.function << "(\"" << c.text << "\", \"" << c.part << "\")";
}

INSTANTIATE_TEST_SUITE_P(
    Text, StringTestTest,
    testing::Values(TestCase{"contains", "Zentora charger", "charger", true},
                    TestCase{"contains", "Zentora charger", "Charger", false},
                    TestCase{"contains", "anything", "", true},
                    TestCase{"starts_with", "Zentora charger", "Zentora", true},
                    TestCase{"starts_with", "Zentora charger", "zentora", false},
                    TestCase{"ends_with", "Zentora charger", "charger", true},
                    TestCase{"ends_with", "Zentora charger", "Zentora", false},
                    TestCase{"contains_text", "Zentora CHARGER", "charger", true},
                    TestCase{"contains_text", "GROSSE STRAßE", "strasse", true},
                    TestCase{"contains_text", "Mu\xCC\x88nchen", "MÜNCHEN", true},
                    TestCase{"contains_text", "Zentora充电器", "充电", true},
                    TestCase{"contains_text", "Zentora", "zentorax", false}));

TEST(TextTest, ChecksArgumentCountAndTypes) {
  EXPECT_EQ(CheckMessage("lower", Infos({})), "`lower` takes 1 argument, found 0");
  EXPECT_EQ(CheckMessage("lower", Infos({Value(Decimal(1))})),
            "expected a string for argument 1, found number");
  EXPECT_EQ(CheckMessage("contains", Infos({Value("a"), Value(true)})),
            "expected a string for argument 2, found boolean");
  EXPECT_EQ(CheckMessage("len", Infos({Value(Decimal(1))})),
            "expected a string or a list for argument 1, found number");
  EXPECT_EQ(CheckMessage("contains_word", Infos({Value("a"), Value("b"), Value("c")})),
            "`contains_word` takes 2 arguments, found 3");
  EXPECT_EQ(CheckMessage("lower", {ArgumentInfo{Type::Any(), nullptr}}), "");
}

TEST(TextTest, ResultTypes) {
  EXPECT_EQ(std::get<Type>(Function("len").check(Infos({Value("x")}))).kind, Type::Kind::kNumber);
  const Type matching =
      std::get<Type>(Function("matching_words").check(Infos({Value("x"), Value("y")})));
  EXPECT_EQ(matching.ToString(), "list of string");
}

TEST(TextTest, EveryFunctionIsDocumented) {
  for (const char* name :
       {"lower", "upper", "casefold", "normalize", "trim", "len", "contains", "starts_with",
        "ends_with", "contains_text", "contains_word", "matching_words"}) {
    const FunctionDef& def = Function(name);
    EXPECT_TRUE(def.signature.starts_with(std::string(name) + "(")) << def.signature;
    EXPECT_FALSE(def.summary.empty()) << name;
  }
}

}  // namespace
}  // namespace tradelint
