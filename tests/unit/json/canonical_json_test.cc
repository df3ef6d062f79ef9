// RFC 8785 (JSON Canonicalization Scheme): the RFC's own examples.
#include "engine/json/canonical_json.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <string>
#include <variant>

#include "engine/json/json.h"

namespace tradelint {
namespace {

std::string Canonical(const std::string& text) {
  JsonResult parsed = ParseJson(text);
  EXPECT_TRUE(std::holds_alternative<Value>(parsed)) << text;
  return std::holds_alternative<Value>(parsed) ? CanonicalJson(std::get<Value>(parsed)) : "";
}

// RFC 8785, section 3.2.2: whitespace, numbers, strings and literals.
TEST(CanonicalJsonTest, Rfc8785Section322) {
  const std::string input = R"({
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  })";
  EXPECT_EQ(Canonical(input),
            R"({"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],)"
            R"("string":"€$\u000f\nA'B\"\\\\\"/"})");
}

// RFC 8785, section 3.2.3: members sorted by UTF-16 code units (the emoji's surrogates sort
// before U+FB33, though its code point is greater).
TEST(CanonicalJsonTest, Rfc8785Section323SortsByUtf16CodeUnits) {
  const std::string input = R"({
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  })";
  EXPECT_EQ(Canonical(input),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xC2\x80\":\"Control\","
            "\"\xC3\xB6\":\"Latin Small Letter O With Diaeresis\",\"\xE2\x82\xAC\":\"Euro Sign\","
            "\"\xF0\x9F\x98\x80\":\"Emoji: Grinning Face\","
            "\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

// The same order after a shared prefix, between characters of one length (the difference in a
// continuation byte), and for a name that is a prefix of another.
TEST(CanonicalJsonTest, Utf16OrderAfterASharedPrefix) {
  EXPECT_EQ(Canonical(R"({"x\ufb33": 1, "x\ud83d\ude01": 2, "x": 3, "x\ud83d\ude00": 4,)"
                      R"( "x\u00f6": 5, "x\u00e4": 6, "x\uffff": 7})"),
            "{\"x\":3,\"x\xC3\xA4\":6,\"x\xC3\xB6\":5,\"x\xF0\x9F\x98\x80\":4,"
            "\"x\xF0\x9F\x98\x81\":2,\"x\xEF\xAC\xB3\":1,\"x\xEF\xBF\xBF\":7}");
}

TEST(CanonicalJsonTest, NestedObjectsAndArraysAreCanonicalToo) {
  EXPECT_EQ(Canonical(R"({"b": [{"z": 1.0, "a": -0}], "a": {"d": 1e2, "c": "x"}})"),
            R"({"a":{"c":"x","d":100},"b":[{"a":0,"z":1}]})");
}

// RFC 8785, Appendix B: IEEE 754 doubles (as bits) and their ECMAScript form.
TEST(CanonicalJsonTest, Rfc8785AppendixBNumbers) {
  const struct {
    std::uint64_t bits;
    const char* text;
  } cases[] = {
      {0x0000000000000000, "0"},
      {0x8000000000000000, "0"},
      {0x0000000000000001, "5e-324"},
      {0x8000000000000001, "-5e-324"},
      {0x7fefffffffffffff, "1.7976931348623157e+308"},
      {0xffefffffffffffff, "-1.7976931348623157e+308"},
      {0x4340000000000000, "9007199254740992"},
      {0xc340000000000000, "-9007199254740992"},
      {0x4430000000000000, "295147905179352830000"},
      {0x44b52d02c7e14af5, "9.999999999999997e+22"},
      {0x44b52d02c7e14af6, "1e+23"},
      {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
      {0x444b1ae4d6e2ef4e, "999999999999999700000"},
      {0x444b1ae4d6e2ef4f, "999999999999999900000"},
      {0x444b1ae4d6e2ef50, "1e+21"},
      {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
      {0x3eb0c6f7a0b5ed8d, "0.000001"},
      {0x41b3de4355555553, "333333333.3333332"},
      {0x41b3de4355555554, "333333333.33333325"},
      {0x41b3de4355555555, "333333333.3333333"},
      {0x41b3de4355555556, "333333333.3333334"},
      {0x41b3de4355555557, "333333333.33333343"},
      {0xbecbf647612f3696, "-0.0000033333333333333333"},
      {0x43143ff3c1cb0959, "1424953923781206.2"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(EcmaScriptNumber(std::bit_cast<double>(c.bits)), c.text) << std::hex << c.bits;
  }
}

}  // namespace
}  // namespace tradelint
