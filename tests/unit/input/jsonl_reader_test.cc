// JSON Lines input: one record per line, every error code, positions, BOM, CRLF, blank
// lines, and the one-result-per-record invariant.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/input/input_record.h"
#include "engine/input/record_reader.h"
#include "tests/unit/input/test_support.h"

namespace tradelint {
namespace {

using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::vector<InputRecord> ReadLines(const std::string& text, const InputLimits& limits = {}) {
  return input_test::ReadAll(text, InputFormat::kJsonLines, "in.jsonl", limits);
}

struct LineCase {
  std::string name;
  std::string line;
  std::string code;  // "" for a usable record
  std::optional<RecordKind> kind;
  std::optional<std::string> id;
  std::vector<std::string> paths;
  std::string message_part;  // some text the message holds
};

void PrintTo(const LineCase& c, std::ostream* os) { *os << c.name; }

class JsonLinesCaseTest : public ::testing::TestWithParam<LineCase> {};

TEST_P(JsonLinesCaseTest, OneLineGivesOneRecord) {
  const LineCase& c = GetParam();
  InputLimits limits;
  limits.max_record_bytes = 200;
  const std::vector<InputRecord> records = ReadLines("\n" + c.line + "\n", limits);
  ASSERT_EQ(records.size(), 1u);
  const InputRecord& record = records[0];
  EXPECT_EQ(record.source, "in.jsonl:2");
  EXPECT_EQ(input_test::CodeOf(record), c.code);
  EXPECT_EQ(record.kind, c.kind);
  EXPECT_EQ(record.id, c.id);
  if (c.code.empty()) {
    EXPECT_TRUE(record.record.is_object());
  } else {
    EXPECT_TRUE(record.record.is_missing());
    EXPECT_THAT(record.error->paths, ElementsAreArray(c.paths));
    EXPECT_THAT(record.error->message, HasSubstr(c.message_part));
  }
}

const RecordKind kListing = RecordKind::kListing;

INSTANTIATE_TEST_SUITE_P(
    AllCodes, JsonLinesCaseTest,
    ::testing::Values(
        LineCase{"valid", R"({"kind":"listing","id":"L-1","title":"Blocks"})", "", kListing,
                 "L-1", {}, ""},
        LineCase{"valid_seller", R"({"kind":"seller","id":"S-1"})", "", RecordKind::kSeller,
                 "S-1", {}, ""},
        LineCase{"malformed_unclosed", R"({"kind":"listing","id":"L-1")", "malformed_json",
                 std::nullopt, std::nullopt, {}, "line 2, column "},
        LineCase{"malformed_garbage", R"({"kind":"listing", id:"L-1"})", "malformed_json",
                 std::nullopt, std::nullopt, {}, "line 2, column 20: "},
        LineCase{"malformed_trailing_text", R"({"kind":"listing","id":"L-1"} x)",
                 "malformed_json", std::nullopt, std::nullopt, {}, "line 2, column 31: "},
        LineCase{"invalid_utf8", "{\"kind\":\"listing\",\"id\":\"L-\xff\"}", "malformed_json",
                 std::nullopt, std::nullopt, {},
                 "line 2, column 27: the text is not valid UTF-8"},
        LineCase{"overlong_utf8", "{\"kind\":\"listing\",\"id\":\"\xc0\xaf\"}",
                 "malformed_json", std::nullopt, std::nullopt, {}, "not valid UTF-8"},
        LineCase{"surrogate_utf8", "{\"kind\":\"listing\",\"id\":\"\xed\xa0\x80\"}",
                 "malformed_json", std::nullopt, std::nullopt, {}, "not valid UTF-8"},
        LineCase{"too_deep", std::string(65, '[') + std::string(65, ']'), "too_deep",
                 std::nullopt, std::nullopt, {}, "line 2, column 65: "},
        LineCase{"too_large", R"({"kind":"listing","id":"L-1","title":")" +
                                  std::string(200, 'x') + "\"}",
                 "too_large", std::nullopt, std::nullopt, {}, "more than the limit of 200"},
        LineCase{"array", "[1,2]", "not_an_object", std::nullopt, std::nullopt, {},
                 "not an array"},
        LineCase{"number", "42", "not_an_object", std::nullopt, std::nullopt, {},
                 "not a number"},
        LineCase{"string", R"("listing")", "not_an_object", std::nullopt, std::nullopt, {},
                 "not a string"},
        LineCase{"null", "null", "not_an_object", std::nullopt, std::nullopt, {}, "not null"},
        LineCase{"no_kind", R"({"id":"L-1"})", "unknown_kind", std::nullopt, "L-1", {"kind"},
                 "expected `listing`, `transaction` or `seller`"},
        LineCase{"kind_typo", R"({"kind":"listng","id":"L-1"})", "unknown_kind",
                 std::nullopt, "L-1", {"kind"}, "unknown kind `listng`"},
        LineCase{"kind_not_string", R"({"kind":3,"id":"L-1"})", "unknown_kind",
                 std::nullopt, "L-1", {"kind"}, "not a number"},
        LineCase{"kind_unrelated", R"({"kind":"order","id":"L-1"})", "unknown_kind",
                 std::nullopt, "L-1", {"kind"}, "unknown kind `order`"},
        LineCase{"no_id", R"({"kind":"listing"})", "missing_id", kListing, std::nullopt,
                 {"id"}, "the record has no `id`"},
        LineCase{"empty_id", R"({"kind":"transaction","id":""})", "missing_id",
                 RecordKind::kTransaction, std::nullopt, {"id"}, "`id` is empty"},
        LineCase{"number_id", R"({"kind":"listing","id":1001})", "missing_id", kListing,
                 std::nullopt, {"id"}, "write it as `\"1001\"`"},
        LineCase{"null_id", R"({"kind":"listing","id":null})", "missing_id", kListing,
                 std::nullopt, {"id"}, "not null"},
        LineCase{"bad_country", R"({"kind":"listing","id":"L-1","target_markets":["UK"]})",
                 "schema_violation", kListing, "L-1", {"target_markets[0]"},
                 "`target_markets[0]`: "},
        LineCase{"two_violations",
                 R"({"kind":"listing","id":"L-1","target_markets":["DE","UK"],)"
                 R"("offer":{"price":{"amount":"abc","currency":"EUR"}}})",
                 "schema_violation", kListing, "L-1",
                 {"target_markets[1]", "offer.price.amount"}, "; `offer.price.amount`: "}),
    [](const ::testing::TestParamInfo<LineCase>& param_info) { return param_info.param.name; });

TEST(JsonLinesReaderTest, SuggestsTheKindForATypo) {
  const std::vector<InputRecord> records = ReadLines(R"({"kind":"listng","id":"L-1"})");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error->message,
            "unknown kind `listng`; expected `listing`, `transaction` or `seller`; did you "
            "mean `listing`?");
}

TEST(JsonLinesReaderTest, SchemaViolationSuggestsAFix) {
  const std::vector<InputRecord> records =
      ReadLines(R"({"kind":"listing","id":"L-1","target_markets":["UK"]})");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].error->message, StartsWith("`target_markets[0]`: `UK` is not"));
  EXPECT_THAT(records[0].error->message, HasSubstr("did you mean `GB`?"));
}

TEST(JsonLinesReaderTest, ColumnsCountCharactersNotBytes) {
  // `é` and `中` are 2 and 3 bytes; the stray `x` is the 29th character, the 32nd byte.
  const std::vector<InputRecord> records =
      ReadLines("{\"kind\":\"listing\",\"id\":\"\xc3\xa9\xe4\xb8\xad\" x}");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].error->message, StartsWith("line 1, column 29: "));
}

TEST(JsonLinesReaderTest, ByteOrderMarkCrLfAndBlankLines) {
  const std::string text =
      "\xEF\xBB\xBF{\"kind\":\"listing\",\"id\":\"L-1\"}\r\n"
      "\r\n"
      "   \t \r\n"
      "{\"kind\":\"seller\",\"id\":\"S-1\"}\r\n"
      "\n"
      "{\"kind\":\"listing\",\"id\":\"L-2\"}";  // no line end at the end
  const std::vector<InputRecord> records = ReadLines(text);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].source, "in.jsonl:1");
  EXPECT_EQ(records[1].source, "in.jsonl:4");
  EXPECT_EQ(records[2].source, "in.jsonl:6");
  for (const InputRecord& record : records) EXPECT_EQ(input_test::CodeOf(record), "");
  EXPECT_EQ(records[0].id, "L-1");
  EXPECT_EQ(records[1].kind, RecordKind::kSeller);
}

TEST(JsonLinesReaderTest, ErrorPositionAfterByteOrderMarkAndOnCrLfLine) {
  const std::vector<InputRecord> records = ReadLines("\xEF\xBB\xBF{,}\r\n{\"a\" 1}\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].error->message, StartsWith("line 1, column 2: "));
  EXPECT_THAT(records[1].error->message, StartsWith("line 2, column 6: "));
}

TEST(JsonLinesReaderTest, RecordLimitIsExactAndExcludesTheLineEnd) {
  const std::string line = R"({"kind":"listing","id":"L-1"})";
  InputLimits limits;
  limits.max_record_bytes = line.size();
  EXPECT_EQ(input_test::CodeOf(ReadLines(line + "\r\n", limits).at(0)), "");
  limits.max_record_bytes = line.size() - 1;
  EXPECT_EQ(input_test::CodeOf(ReadLines(line + "\r\n", limits).at(0)), "too_large");
}

TEST(JsonLinesReaderTest, DeepNestingIsTooDeepNotACrash) {
  const std::vector<InputRecord> records =
      ReadLines(std::string(100000, '[') + "\n" + R"({"kind":"listing","id":"L-1"})");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(input_test::CodeOf(records[0]), "too_deep");
  EXPECT_EQ(input_test::CodeOf(records[1]), "");
  EXPECT_EQ(records[1].source, "in.jsonl:2");
}

TEST(JsonLinesReaderTest, MaxDepthIsALimit) {
  const std::string nested = R"({"kind":"listing","id":"L-1","x_a":[[1]]})";  // depth 3
  InputLimits limits;
  limits.max_depth = 3;
  EXPECT_EQ(input_test::CodeOf(ReadLines(nested, limits).at(0)), "");
  limits.max_depth = 2;
  EXPECT_EQ(input_test::CodeOf(ReadLines(nested, limits).at(0)), "too_deep");
}

TEST(JsonLinesReaderTest, EveryNonBlankLineIsOneRecord) {
  const std::vector<std::string> lines = {
      R"({"kind":"listing","id":"L-1"})", "{", "[]", R"({"id":"x"})", R"({"kind":"seller"})",
      R"({"kind":"listing","id":"L-2","target_markets":["UK"]})", std::string(80, '['),
      "\xff", R"({"kind":"transaction","id":"T-1","created_at":"2025-01-01T00:00:00Z"})",
      std::string(300, ' ') + "1"};
  std::string text;
  for (const std::string& line : lines) text += line + "\n\n";
  InputLimits limits;
  limits.max_record_bytes = 256;
  const std::vector<InputRecord> records = ReadLines(text, limits);
  ASSERT_EQ(records.size(), lines.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].source, "in.jsonl:" + std::to_string(2 * i + 1));
  }
  std::vector<std::string> codes;
  for (const InputRecord& record : records) codes.push_back(input_test::CodeOf(record));
  EXPECT_THAT(codes, ElementsAreArray<std::string>(
                         {"", "malformed_json", "not_an_object", "unknown_kind", "missing_id",
                          "schema_violation", "too_deep", "malformed_json", "", "too_large"}));
}

TEST(JsonLinesReaderTest, EmptyInputHasNoRecords) {
  EXPECT_TRUE(ReadLines("").empty());
  EXPECT_TRUE(ReadLines("\xEF\xBB\xBF").empty());
  EXPECT_TRUE(ReadLines("\n \r\n\t\n").empty());
}

TEST(JsonLinesReaderTest, KeepsTheRecordValue) {
  const std::vector<InputRecord> records = ReadLines(
      R"({"kind":"listing","id":"L-1","offer":{"price":{"amount":19.90,"currency":"EUR"}}})");
  ASSERT_EQ(records.size(), 1u);
  const Value& amount = records[0].record.Get("offer").Get("price").Get("amount");
  ASSERT_TRUE(amount.is_number());
  EXPECT_EQ(amount.as_number().ToString(), "19.90");
}

}  // namespace
}  // namespace tradelint
