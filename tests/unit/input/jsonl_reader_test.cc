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
  std::string code = "";  // "" for a usable record
  std::optional<RecordKind> kind = std::nullopt;
  std::optional<std::string> id = std::nullopt;
  std::vector<std::string> paths = {};
  std::string message_part = "";  // some text the message holds
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
        LineCase{.name = "valid",
                 .line = R"({"kind":"listing","id":"L-1","title":"Blocks"})",
                 .kind = kListing,
                 .id = "L-1"},
        LineCase{.name = "valid_seller",
                 .line = R"({"kind":"seller","id":"S-1"})",
                 .kind = RecordKind::kSeller,
                 .id = "S-1"},
        LineCase{.name = "malformed_unclosed",
                 .line = R"({"kind":"listing","id":"L-1")",
                 .code = "malformed_json",
                 .message_part = "line 2, column "},
        LineCase{.name = "malformed_garbage",
                 .line = R"({"kind":"listing", id:"L-1"})",
                 .code = "malformed_json",
                 .message_part = "line 2, column 20: "},
        LineCase{.name = "malformed_trailing_text",
                 .line = R"({"kind":"listing","id":"L-1"} x)",
                 .code = "malformed_json",
                 .message_part = "line 2, column 31: "},
        LineCase{.name = "invalid_utf8",
                 .line = "{\"kind\":\"listing\",\"id\":\"L-\xff\"}",
                 .code = "malformed_json",
                 .message_part = "line 2, column 27: the text is not valid UTF-8"},
        LineCase{.name = "overlong_utf8",
                 .line = "{\"kind\":\"listing\",\"id\":\"\xc0\xaf\"}",
                 .code = "malformed_json",
                 .message_part = "not valid UTF-8"},
        LineCase{.name = "surrogate_utf8",
                 .line = "{\"kind\":\"listing\",\"id\":\"\xed\xa0\x80\"}",
                 .code = "malformed_json",
                 .message_part = "not valid UTF-8"},
        LineCase{.name = "number_out_of_range",
                 .line = R"({"kind":"listing","id":"L-1","x_n":1e999999})",
                 .code = "malformed_json",
                 .message_part = "line 2, column "},
        LineCase{.name = "too_deep",
                 .line = std::string(65, '[') + std::string(65, ']'),
                 .code = "too_deep",
                 .message_part = "line 2, column 65: "},
        LineCase{
            .name = "too_large",
            .line = R"({"kind":"listing","id":"L-1","title":")" + std::string(200, 'x') + "\"}",
            .code = "too_large",
            .message_part = "more than the limit of 200"},
        LineCase{.name = "array",
                 .line = "[1,2]",
                 .code = "not_an_object",
                 .message_part = "not an array"},
        LineCase{.name = "number",
                 .line = "42",
                 .code = "not_an_object",
                 .message_part = "not a number"},
        LineCase{.name = "string",
                 .line = R"("listing")",
                 .code = "not_an_object",
                 .message_part = "not a string"},
        LineCase{
            .name = "null", .line = "null", .code = "not_an_object", .message_part = "not null"},
        LineCase{
            .name = "no_kind",
            .line = R"({"id":"L-1"})",
            .code = "unknown_kind",
            .id = "L-1",
            .paths = {"kind"},
            .message_part = "expected `listing`, `transaction`, `seller`, `payment` or `waybill`"},
        LineCase{.name = "kind_typo",
                 .line = R"({"kind":"listng","id":"L-1"})",
                 .code = "unknown_kind",
                 .id = "L-1",
                 .paths = {"kind"},
                 .message_part = "unknown kind `listng`"},
        LineCase{.name = "kind_not_string",
                 .line = R"({"kind":3,"id":"L-1"})",
                 .code = "unknown_kind",
                 .id = "L-1",
                 .paths = {"kind"},
                 .message_part = "not a number"},
        LineCase{.name = "kind_unrelated",
                 .line = R"({"kind":"order","id":"L-1"})",
                 .code = "unknown_kind",
                 .id = "L-1",
                 .paths = {"kind"},
                 .message_part = "unknown kind `order`"},
        LineCase{.name = "no_id",
                 .line = R"({"kind":"listing"})",
                 .code = "missing_id",
                 .kind = kListing,
                 .paths = {"id"},
                 .message_part = "the record has no `id`"},
        LineCase{.name = "empty_id",
                 .line = R"({"kind":"transaction","id":""})",
                 .code = "missing_id",
                 .kind = RecordKind::kTransaction,
                 .paths = {"id"},
                 .message_part = "`id` is empty"},
        LineCase{.name = "number_id",
                 .line = R"({"kind":"listing","id":1001})",
                 .code = "missing_id",
                 .kind = kListing,
                 .paths = {"id"},
                 .message_part = "write it as `\"1001\"`"},
        LineCase{.name = "null_id",
                 .line = R"({"kind":"listing","id":null})",
                 .code = "missing_id",
                 .kind = kListing,
                 .paths = {"id"},
                 .message_part = "not null"},
        LineCase{.name = "bad_country",
                 .line = R"({"kind":"listing","id":"L-1","target_markets":["UK"]})",
                 .code = "schema_violation",
                 .kind = kListing,
                 .id = "L-1",
                 .paths = {"target_markets[0]"},
                 .message_part = "`target_markets[0]`: "},
        LineCase{.name = "two_violations",
                 .line = R"({"kind":"listing","id":"L-1","target_markets":["DE","UK"],)"
                         R"("offer":{"price":{"amount":"abc","currency":"EUR"}}})",
                 .code = "schema_violation",
                 .kind = kListing,
                 .id = "L-1",
                 .paths = {"target_markets[1]", "offer.price.amount"},
                 .message_part = "; `offer.price.amount`: "}),
    [](const ::testing::TestParamInfo<LineCase>& param_info) { return param_info.param.name; });

TEST(JsonLinesReaderTest, SuggestsTheKindForATypo) {
  const std::vector<InputRecord> records = ReadLines(R"({"kind":"listng","id":"L-1"})");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error->message,
            "unknown kind `listng`; expected `listing`, `transaction`, `seller`, `payment` or "
            "`waybill`; did you "
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

TEST(JsonLinesReaderTest, MalformedRecordQuotesItsLineForACaret) {
  const std::vector<InputRecord> records =
      ReadLines("{\"kind\":\"listing\",\"id\":\"\xc3\xa9\xe4\xb8\xad\" x}\r\n");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].error->excerpt.has_value());
  EXPECT_EQ(records[0].error->excerpt->line,
            "{\"kind\":\"listing\",\"id\":\"\xc3\xa9\xe4\xb8\xad\" x}");
  EXPECT_EQ(records[0].error->excerpt->column, 29u);
}

TEST(JsonLinesReaderTest, LongMalformedLineIsCutAroundTheError) {
  const std::string title(200, 'a');
  const std::vector<InputRecord> records =
      ReadLines("{\"kind\":\"listing\",\"title\":\"" + title + "\" x, \"id\":\"" + title + "\"}");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].error->excerpt.has_value());
  const ErrorExcerpt& excerpt = *records[0].error->excerpt;
  EXPECT_THAT(excerpt.line, StartsWith("…aaa"));
  EXPECT_THAT(excerpt.line, ::testing::EndsWith("aaa…"));
  // 80 characters: `…` is 3 bytes and counts once.
  EXPECT_EQ(excerpt.line.size(), 80u + 2 * 2);
  // The caret points at the stray `x` in the excerpt.
  std::size_t bytes = 0;
  for (std::size_t characters = 1; characters < excerpt.column; ++characters) {
    bytes += excerpt.line.compare(bytes, 3, "…") == 0 ? 3 : 1;
  }
  EXPECT_EQ(excerpt.line[bytes], 'x');
}

TEST(JsonLinesReaderTest, OnlyMalformedJsonHasAnExcerpt) {
  const std::vector<InputRecord> records = ReadLines("[1]\n{\"kind\":\"listing\"}\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[0].error->excerpt.has_value());
  EXPECT_FALSE(records[1].error->excerpt.has_value());
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
      R"({"kind":"listing","id":"L-1"})",
      "{",
      "[]",
      R"({"id":"x"})",
      R"({"kind":"seller"})",
      R"({"kind":"listing","id":"L-2","target_markets":["UK"]})",
      std::string(80, '['),
      "\xff",
      R"({"kind":"transaction","id":"T-1","created_at":"2025-01-01T00:00:00Z"})",
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
