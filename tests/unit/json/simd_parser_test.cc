// The simdjson fast path of ParseJson: it accepts exactly the well-formed documents it can
// prove well-formed, builds the same Value as the nlohmann path, and leaves everything else
// (with its precise error message) to that path.
#include "engine/json/internal/simd_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/json/json.h"

namespace tradelint::json_internal {
namespace {

std::string Dump(const Value& value) {
  std::string out;
  AppendJson(out, value);
  return out;
}

class FastPathAcceptsTest : public testing::TestWithParam<std::string> {};

TEST_P(FastPathAcceptsTest, BuildsTheSameValueAsTheFullParser) {
  const std::optional<Value> fast = ParseJsonFast(GetParam(), 64);
  ASSERT_TRUE(fast.has_value()) << GetParam();
  const JsonResult full = ParseJsonPrecise(GetParam());
  ASSERT_TRUE(std::holds_alternative<Value>(full));
  EXPECT_EQ(Dump(*fast), Dump(std::get<Value>(full)));
}

INSTANTIATE_TEST_SUITE_P(
    Documents, FastPathAcceptsTest,
    testing::Values(
        R"({"id": "L-1", "price": {"amount": 19.99, "currency": "EUR"}})",
        R"({"a": 1, "b": 2, "a": 3})",  // repeated key: first place, last value
        R"({"n": [0, -0, 1e3, 2.5E-2, 123456789012345678901234567, -7.250]})",
        R"({"s": "Zentora\u5145\u7535\u5668 \"q\" \\ \n", "t": true, "f": false, "z": null})",
        R"([{"x": []}, {}, [[[]]]])", " \t\r\n{\"padded\": \"text\"} \n"));

class FastPathDeclinesTest : public testing::TestWithParam<std::string> {};

TEST_P(FastPathDeclinesTest, LeavesTheDocumentToTheFullParser) {
  EXPECT_FALSE(ParseJsonFast(GetParam(), 4).has_value()) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(
    Documents, FastPathDeclinesTest,
    testing::Values(R"({"a": 1} x)",  // text after the root value
                    R"({"a": 1}})",
                    R"({"a": 01})",  // numbers outside the JSON grammar
                    R"({"a": 1.})", R"({"a": .5})", R"({"a": -})", R"({"a": 1e})",
                    "{\"a\": \"tab\tinside\"}",  // a raw control character in a string
                    std::string("{\"a\": 1}\0", 9),
                    R"("a root string")",  // roots other than objects and arrays
                    "12", "",
                    R"({"a": [[[[1]]]]})",  // deeper than max_depth (4)
                    R"({"a": 1e999999})",   // beyond a Decimal
                    R"({"a": )", R"({"a" 1})"));

// A control character is found wherever it stands, also past the first 8 bytes and in the
// last few (the scan reads 8 bytes at a time); JSON whitespace anywhere between tokens is not one.
TEST(FastPathControlCharacters, DeclinedAtEveryOffsetWhitespaceAcceptedAtEvery) {
  const std::string document =
      R"({"id":"L-1","tags":["a","b"],"n":12,"ok":true,"no":false,"z":null,"t":"some text"})";
  for (std::size_t at = 1; at < document.size(); ++at) {
    for (char control = 0; control < 0x20; ++control) {
      if (control == '\t' || control == '\n' || control == '\r') continue;
      std::string with_control = document;
      with_control.insert(at, 1, control);
      EXPECT_FALSE(ParseJsonFast(with_control, 8).has_value()) << at << " " << int{control};
    }
  }
  for (std::size_t at = 0; at <= document.size(); ++at) {
    const char before = at == 0 ? ' ' : document[at - 1];
    if (at > 0 && at < document.size() && before != ',' && before != ':' && before != '{' &&
        before != '[')
      continue;  // inside a token: whitespace would change the document
    for (const char space : {'\t', '\n', '\r'}) {
      std::string spaced = document;
      spaced.insert(at, 1, space);
      EXPECT_TRUE(ParseJsonFast(spaced, 8).has_value()) << at << " " << int{space};
    }
  }
}

}  // namespace
}  // namespace tradelint::json_internal

namespace tradelint {
namespace {

// The input path relies on this: a document that parses is valid UTF-8, so only a failed parse
// needs the UTF-8 check that names the first bad byte.
TEST(ParseJsonTest, BothParsersRefuseIllFormedUtf8) {
  for (const std::string& text :
       {std::string("{\"a\": \"\xff\"}"), std::string("{\"a\": \"\xC3\"}"),
        std::string("{\"\xED\xA0\x80\": 1}")}) {
    EXPECT_TRUE(std::holds_alternative<JsonError>(ParseJson(text))) << text;
    EXPECT_TRUE(std::holds_alternative<JsonError>(ParseJsonPrecise(text))) << text;
  }
}

}  // namespace
}  // namespace tradelint

namespace tradelint::json_internal {
namespace {

// Repeated keys keep their first place and their last value, in objects of every size on both
// sides of the linear scan's limit, with keys that share a length, a first or a last byte (and
// so may share KeyBit) and keys that share none. The expected object is worked out here.
TEST(RepeatedKeys, FirstPlaceLastValueInObjectsOfEverySize) {
  const std::vector<std::string> keys = {"a",        "b",  "ab",  "ba",  "aa",
                                         "abc",      "cb", "xyz", "x_z", "price",
                                         "currency", "id", "",    "ib",  "kind"};
  std::uint32_t state = 12345;
  const auto next = [&state](std::uint32_t bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % bound;
  };
  for (int round = 0; round < 400; ++round) {
    const std::size_t size = 1 + next(48);
    std::string text = "{";
    std::vector<std::pair<std::string, int>> expected;  // first place, last value
    for (std::size_t i = 0; i < size; ++i) {
      // Mostly fresh keys (numbered), sometimes one of `keys` again.
      const std::string key = next(3) == 0 ? "k" + std::to_string(i) : keys[next(keys.size())];
      const int value = static_cast<int>(i);
      text += (i == 0 ? "\"" : ", \"") + key + "\": " + std::to_string(value);
      auto found = std::find_if(expected.begin(), expected.end(),
                                [&](const auto& member) { return member.first == key; });
      if (found != expected.end()) {
        found->second = value;
      } else {
        expected.emplace_back(key, value);
      }
    }
    text += "}";
    std::string want = "{";
    for (const auto& [key, value] : expected) {
      want += (want.size() == 1 ? "\"" : ",\"") + key + "\":" + std::to_string(value);
    }
    want += "}";
    const std::optional<Value> fast = ParseJsonFast(text, 8);
    ASSERT_TRUE(fast.has_value()) << text;
    EXPECT_EQ(Dump(*fast), want) << text;
    const JsonResult full = ParseJsonPrecise(text);
    ASSERT_TRUE(std::holds_alternative<Value>(full)) << text;
    EXPECT_EQ(Dump(std::get<Value>(full)), want) << text;
  }
}

}  // namespace
}  // namespace tradelint::json_internal
