#include "engine/json/json.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <variant>

namespace tradelint {
namespace {

Value Parse(std::string_view text, const JsonLimits& limits = {}) {
  JsonResult result = ParseJson(text, limits);
  if (const JsonError* error = std::get_if<JsonError>(&result)) {
    ADD_FAILURE() << "parse failed at " << error->byte_offset << ": " << error->message;
    return Value();
  }
  return std::get<Value>(result);
}

JsonError ParseError(std::string_view text, const JsonLimits& limits = {}) {
  JsonResult result = ParseJson(text, limits);
  if (!std::holds_alternative<JsonError>(result)) {
    ADD_FAILURE() << "expected an error for: " << text;
    return {};
  }
  return std::get<JsonError>(result);
}

Decimal Dec(std::string_view text) { return *Decimal::Parse(text); }

std::string JsonString(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

std::string Nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// --- Numbers -----------------------------------------------------------------------------

TEST(ParseJsonTest, DecimalsComeFromTheNumbersText) {
  Value v = Parse(R"([58.80, 0.1, 1e2, 2.5E-2, -12, 0, -0.0, 19.99])");
  ASSERT_TRUE(v.is_list());
  EXPECT_EQ(v.At(0).as_number().ToString(), "58.80");
  EXPECT_EQ(v.At(0).as_number().scale(), 2);
  EXPECT_EQ(v.At(1).as_number(), Dec("0.1"));
  EXPECT_EQ(v.At(1).as_number().ToString(), "0.1");
  EXPECT_EQ(v.At(2).as_number(), Decimal(100));
  EXPECT_EQ(v.At(3).as_number(), Dec("0.025"));
  EXPECT_EQ(v.At(4).as_number(), Decimal(-12));
  EXPECT_TRUE(v.At(5).as_number().IsZero());
  EXPECT_TRUE(v.At(6).as_number().IsZero());
  EXPECT_EQ(v.At(7).as_number().ToString(), "19.99");
}

TEST(ParseJsonTest, SumOfParsedDecimalsIsExact) {
  Value v = Parse("[0.1, 0.2]");
  EXPECT_EQ(*v.At(0).as_number().Add(v.At(1).as_number()), Dec("0.3"));
}

TEST(ParseJsonTest, BigIntegers) {
  Value v = Parse(
      "[9223372036854775807, -9223372036854775808, 18446744073709551615, "
      "12345678901234567890123, 99999999999999999999999999999999999999]");
  EXPECT_EQ(v.At(0).as_number().ToString(), "9223372036854775807");
  EXPECT_EQ(v.At(1).as_number().ToString(), "-9223372036854775808");
  EXPECT_EQ(v.At(2).as_number().ToString(), "18446744073709551615");
  EXPECT_EQ(v.At(3).as_number().ToString(), "12345678901234567890123");
  EXPECT_EQ(v.At(4).as_number().ToString(), "99999999999999999999999999999999999999");
}

// --- Strings -----------------------------------------------------------------------------

TEST(ParseJsonTest, Escapes) {
  Value v = Parse(R"("q\" b\\ s\/ \b\f\n\r\t end")");
  EXPECT_EQ(v.as_string(), "q\" b\\ s/ \b\f\n\r\t end");
}

TEST(ParseJsonTest, UnicodeEscapesIncludingSurrogatePairs) {
  EXPECT_EQ(Parse(R"("\u00e9\u00C9")").as_string(), "\xC3\xA9\xC3\x89");  // éÉ
  EXPECT_EQ(Parse(R"("\u20ac")").as_string(), "\xE2\x82\xAC");            // €
  EXPECT_EQ(Parse(R"("\ud83d\ude00")").as_string(), "\xF0\x9F\x98\x80");  // 😀
  EXPECT_EQ(Parse(R"("\u0000x")").as_string(), std::string("\0x", 2));
  EXPECT_EQ(Parse("\"Stra\xC3\x9F"
                  "e\"")
                .as_string(),
            "Stra\xC3\x9F"
            "e");  // raw UTF-8
}

// --- Structure ---------------------------------------------------------------------------

TEST(ParseJsonTest, ObjectsKeepInputOrder) {
  Value v = Parse(R"({"b": 1, "a": {"z": true, "y": null}, "c": []})");
  const ValueObject& members = v.as_object();
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(members[0].first, "b");
  EXPECT_EQ(members[1].first, "a");
  EXPECT_EQ(members[2].first, "c");
  EXPECT_TRUE(v.Get("a").Get("z").as_bool());
  EXPECT_TRUE(v.Get("a").Get("y").is_null());
  EXPECT_TRUE(v.Get("c").as_list().empty());
}

TEST(ParseJsonTest, DuplicateKeysKeepTheLastValueAtTheFirstPosition) {
  Value v = Parse(R"({"b": 1, "a": 2, "b": 3, "c": 4, "b": 5})");
  const ValueObject& members = v.as_object();
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(members[0].first, "b");
  EXPECT_EQ(members[0].second.as_number(), Decimal(5));
  EXPECT_EQ(members[1].first, "a");
  EXPECT_EQ(members[2].first, "c");
}

TEST(ParseJsonTest, DuplicateKeysInLargeObjects) {
  std::string text = "{";
  for (int i = 0; i < 50; ++i) text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  text += "\"k7\": \"last\", \"k49\": \"end\"}";
  Value v = Parse(text);
  ASSERT_EQ(v.as_object().size(), 50u);
  EXPECT_EQ(v.as_object()[7].first, "k7");
  EXPECT_EQ(v.Get("k7").as_string(), "last");
  EXPECT_EQ(v.Get("k49").as_string(), "end");
  EXPECT_EQ(v.Get("k8").as_number(), Decimal(8));
}

TEST(ParseJsonTest, Scalars) {
  EXPECT_TRUE(Parse("true").as_bool());
  EXPECT_FALSE(Parse(" false ").as_bool());
  EXPECT_TRUE(Parse("null").is_null());
  EXPECT_EQ(Parse("\xEF\xBB\xBF[1]").At(0).as_number(), Decimal(1));  // byte order mark
}

// --- Errors ------------------------------------------------------------------------------

struct SyntaxCase {
  std::string text;
  std::size_t offset;
  std::string message;
};

TEST(ParseJsonTest, SyntaxErrorsSayWhatAndWhere) {
  const SyntaxCase cases[] = {
      {"", 0, "unexpected end of input; expected a value"},
      {"   ", 3, "unexpected end of input; expected a value"},
      {R"({"a":1)", 6, "unexpected end of input; expected `,` or `}`"},
      {"[1,2", 4, "unexpected end of input; expected `,` or `]`"},
      {"{", 1, "unexpected end of input; expected a key in double quotes"},
      {"[1,]", 3, "unexpected `]`; expected a value"},
      {R"({"a":1 "b":2})", 7, "unexpected string; expected `,` or `}`"},
      {R"({"a":1,})", 7, "unexpected `}`; expected a key in double quotes"},
      {R"({1:2})", 1, "unexpected number; expected a key in double quotes"},
      {R"({"a" 1})", 5, "unexpected number; expected `:`"},
      {R"({"a":1} {})", 8, "unexpected `{`; expected end of input"},
      {R"(["x" true])", 5, "unexpected `true`; expected `,` or `]`"},
      {"[tru]", 4, "invalid literal"},
      {"nul", 3, "invalid literal"},
      {"\"abc", 4, "unterminated string"},
      {"\"a\nb\"", 2, "unescaped control character U+000A (LF) in a string"},
      {R"("\x")", 2, "invalid escape sequence in a string"},
      {R"("\u12")", 5, "`\\u` must be followed by 4 hex digits"},
      {R"("\ud800")", 7, "unpaired UTF-16 surrogate in a `\\u` escape"},
      {R"("\ude00")", 6, "unpaired UTF-16 surrogate in a `\\u` escape"},
      {"\"\xFF\"", 1, "invalid UTF-8 in a string"},
      {"[-]", 2, "invalid number; expected digit after `-`"},
      {"[1.]", 3, "invalid number; expected digit after `.`"},
      {"\xEF\xBB\xBF[1,]", 6, "unexpected `]`; expected a value"},
      // A NUL byte is never JSON (nlohmann alone would stop reading at it).
      {std::string("[1]\0[", 5), 3, "unexpected NUL byte"},
      {std::string("[\"a\0\"]", 6), 3, "unexpected NUL byte"},
      {std::string("[1,\0", 4), 3, "unexpected NUL byte"},
      {std::string("[1 2\0", 5), 3, "unexpected number; expected `,` or `]`"},
  };
  for (const SyntaxCase& c : cases) {
    SCOPED_TRACE(c.text);
    JsonError error = ParseError(c.text);
    EXPECT_EQ(error.kind, JsonError::Kind::kSyntax);
    EXPECT_EQ(error.byte_offset, c.offset);
    EXPECT_EQ(error.message, c.message);
  }
}

TEST(ParseJsonTest, NumbersThatDoNotFitADecimal) {
  const SyntaxCase cases[] = {
      {"[1e400]", 1, "number `1e400` does not fit an exact decimal"},
      {"[1, 123456789012345678901234567890123456789012]", 4,
       "number `123456789012345678901234567890123456789012` does not fit an exact decimal"},
      {"[0.00000000000000000000000000000000000000000001]", 1, "does not fit"},
      // Brackets, digits and escaped quotes inside strings do not disturb the offset.
      {R"(["1 [2", {"x\"": "3\\"}, -1e999])", 25, "number `-1e999`"},
      {R"({"a": 12, "b": "5", "c": 1e-999})", 25, "number `1e-999`"},
  };
  for (const SyntaxCase& c : cases) {
    SCOPED_TRACE(c.text);
    JsonError error = ParseError(c.text);
    EXPECT_EQ(error.kind, JsonError::Kind::kNumberOutOfRange);
    EXPECT_EQ(error.byte_offset, c.offset);
    EXPECT_NE(error.message.find(c.message), std::string::npos) << error.message;
  }
}

TEST(ParseJsonTest, DepthLimitIsExact) {
  const JsonLimits limits;  // 64
  EXPECT_TRUE(Parse(Nested(limits.max_depth)).is_list());
  JsonError error = ParseError(Nested(limits.max_depth + 1));
  EXPECT_EQ(error.kind, JsonError::Kind::kTooDeep);
  EXPECT_EQ(error.byte_offset, static_cast<std::size_t>(limits.max_depth));
  EXPECT_EQ(error.message, "nesting too deep: more than 64 objects and arrays open at once");
}

TEST(ParseJsonTest, DepthCountsObjectsAndArraysTogether) {
  const JsonLimits limits{.max_depth = 3};
  EXPECT_TRUE(Parse(R"([{"a": [1]}, {"b": []}])", limits).is_list());
  // The fourth open bracket; brackets inside strings are not counted.
  JsonError error = ParseError(R"(["[[[", {"a": [{"b": 1}]}])", limits);
  EXPECT_EQ(error.kind, JsonError::Kind::kTooDeep);
  EXPECT_EQ(error.byte_offset, 15u);
}

TEST(ParseJsonTest, HostileNestingFailsWithoutExhaustingTheStack) {
  const std::string text(1'000'000, '[');
  JsonError error = ParseError(text);
  EXPECT_EQ(error.kind, JsonError::Kind::kTooDeep);
  EXPECT_EQ(error.byte_offset, 64u);
}

// --- Output ------------------------------------------------------------------------------

TEST(AppendJsonStringTest, Escaping) {
  EXPECT_EQ(JsonString("plain"), R"("plain")");
  EXPECT_EQ(JsonString("a\"b\\c/d"), R"("a\"b\\c/d")");
  EXPECT_EQ(JsonString("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(JsonString(std::string("\0\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
  EXPECT_EQ(JsonString("\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            "\"\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");  // UTF-8 passes through
}

// Runs of plain bytes are skipped eight at a time: whatever the offset of a byte to escape in
// its word, a string comes out as its pieces escaped one by one would.
TEST(AppendJsonStringTest, AnyPositionOfAByteToEscape) {
  const std::vector<std::string> pieces = {
      "a",   "Z",    "0",    " ",    "/",        "\"",           "\\",
      "\n",  "\x01", "\x1f", "\x7f", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80",
      "\xFF"};
  std::mt19937 random(5);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    std::string expected = "\"";
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) {
      const std::string& piece = pieces[random() % 3 == 0 ? random() % pieces.size() : 0];
      text += piece;
      const std::string escaped = JsonString(piece);
      expected += escaped.substr(1, escaped.size() - 2);
    }
    expected += '"';
    ASSERT_EQ(JsonString(text), expected) << text;
  }
}

TEST(AppendJsonStringTest, InvalidUtf8BecomesReplacementCharacters) {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  EXPECT_EQ(JsonString("a\xFF"
                       "b"),
            "\"a" + r + "b\"");
  EXPECT_EQ(JsonString("\xC3"), "\"" + r + "\"");        // truncated at the end
  EXPECT_EQ(JsonString("\xE2\x82x"), "\"" + r + "x\"");  // one maximal subpart
  EXPECT_EQ(JsonString("\xF0\x9F\x98"
                       "x"),
            "\"" + r + "x\"");
  EXPECT_EQ(JsonString("\xC0\xAF"), "\"" + r + r + "\"");                  // overlong
  EXPECT_EQ(JsonString("\xED\xA0\x80"), "\"" + r + r + r + "\"");          // UTF-16 surrogate
  EXPECT_EQ(JsonString("\xF4\x90\x80\x80"), "\"" + r + r + r + r + "\"");  // > U+10FFFF
  EXPECT_EQ(JsonString("\x80"), "\"" + r + "\"");                          // lone continuation
}

TEST(AppendJsonStringTest, RoundTripsThroughParseJson) {
  std::string all_bytes;
  for (int c = 1; c < 0x80; ++c) all_bytes += static_cast<char>(c);
  const std::string texts[] = {
      "",
      "plain",
      "quote \" backslash \\ slash /",
      all_bytes,
      std::string("nul\0inside", 10),
      "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xE2\x80\xA8",
      "line\nbreak\ttab",
  };
  for (const std::string& text : texts) {
    Value v = Parse(JsonString(text));
    EXPECT_EQ(v.as_string(), text);
  }
  // Invalid input still gives valid JSON.
  Value v = Parse(JsonString("bad \xFF\xFE bytes \xC3"));
  EXPECT_EQ(v.as_string(), "bad \xEF\xBF\xBD\xEF\xBF\xBD bytes \xEF\xBF\xBD");
}

TEST(AppendJsonTest, CompactAndRoundTrips) {
  const std::string text = R"({"a":[1,58.80,-0.5,true,false,null],"b":{"c":"d\n"},"e":[]})";
  Value v = Parse(text);
  std::string out;
  AppendJson(out, v);
  EXPECT_EQ(out, text);
  EXPECT_EQ(Parse(out), v);
}

TEST(AppendJsonTest, EvaluationValues) {
  std::string out;
  AppendJson(out, Value(Money{Dec("19.90"), Currency::FromCode("EUR")}));
  out += ' ';
  AppendJson(out, Value(*Date::Parse("2025-08-29")));
  out += ' ';
  AppendJson(out, Value());
  EXPECT_EQ(out, R"({"amount":19.90,"currency":"EUR"} "2025-08-29" null)");
}

TEST(JsonWriterTest, Compact) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject().Key("id").String("LST-1").Key("n").Int(-3).Key("price").Number(Dec("58.80"));
  w.Key("ok").Bool(true).Key("none").Null().Key("list").BeginArray().Int(1).Int(2).EndArray();
  w.Key("empty").BeginObject().EndObject().Key("e").BeginArray().EndArray();
  EXPECT_FALSE(w.complete());
  w.EndObject();
  EXPECT_TRUE(w.complete());
  EXPECT_EQ(out, R"({"id":"LST-1","n":-3,"price":58.80,"ok":true,"none":null,"list":[1,2],)"
                 R"("empty":{},"e":[]})");
  EXPECT_EQ(Parse(out).Get("price").as_number().ToString(), "58.80");
}

TEST(JsonWriterTest, PrettyUsesTwoSpaceIndentation) {
  std::string out;
  JsonWriter w(out, JsonWriter::Style::kPretty);
  w.BeginObject().Key("a").Int(1).Key("b").BeginArray().String("x").BeginObject().Key("c");
  w.Null().EndObject().EndArray().Key("d").BeginArray().EndArray().EndObject();
  EXPECT_EQ(out,
            "{\n"
            "  \"a\": 1,\n"
            "  \"b\": [\n"
            "    \"x\",\n"
            "    {\n"
            "      \"c\": null\n"
            "    }\n"
            "  ],\n"
            "  \"d\": []\n"
            "}");
}

TEST(JsonWriterTest, WriteLaysOutValuesInTheWritersStyle) {
  const Value v = Parse(R"({"k":"v\"","l":[1,{"m":2.50}]})");
  std::string compact;
  JsonWriter(compact).Write(v);
  EXPECT_EQ(compact, R"({"k":"v\"","l":[1,{"m":2.50}]})");

  std::string pretty;
  JsonWriter w(pretty, JsonWriter::Style::kPretty);
  w.BeginArray().Write(Value(Money{Dec("5"), Currency::FromCode("GBP")})).Write(v).EndArray();
  EXPECT_EQ(pretty,
            "[\n"
            "  {\n"
            "    \"amount\": 5,\n"
            "    \"currency\": \"GBP\"\n"
            "  },\n"
            "  {\n"
            "    \"k\": \"v\\\"\",\n"
            "    \"l\": [\n"
            "      1,\n"
            "      {\n"
            "        \"m\": 2.50\n"
            "      }\n"
            "    ]\n"
            "  }\n"
            "]");
  EXPECT_EQ(Parse(pretty).At(1), v);
}

TEST(JsonWriterTest, KeysAreEscaped) {
  std::string out;
  JsonWriter(out).BeginObject().Key("a\"b\n").String("\xFF").EndObject();
  EXPECT_EQ(out, "{\"a\\\"b\\n\":\"\xEF\xBF\xBD\"}");
}

}  // namespace
}  // namespace tradelint
