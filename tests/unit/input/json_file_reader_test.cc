// .json input: one record or an array of records, each element with its own line, each
// malformed element reported alone.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

std::vector<InputRecord> ReadJson(const std::string& text, const InputLimits& limits = {}) {
  return input_test::ReadAll(text, InputFormat::kJson, "in.json", limits);
}

// "source code" for each record, e.g. "in.json:3 malformed_json" or "in.json:2 ok".
std::vector<std::string> Summary(const std::vector<InputRecord>& records) {
  std::vector<std::string> lines;
  for (const InputRecord& record : records) {
    const std::string code = input_test::CodeOf(record);
    lines.push_back(record.source + " " + (code.empty() ? "ok" : code));
  }
  return lines;
}

struct FileCase {
  std::string name;
  std::string text;
  std::vector<std::string> summary;  // Summary() of the records
  std::string first_error_part;      // text the first error's message holds, if any
};

void PrintTo(const FileCase& c, std::ostream* os) { *os << c.name; }

class JsonFileCaseTest : public ::testing::TestWithParam<FileCase> {};

TEST_P(JsonFileCaseTest, RecordsAndTheirLines) {
  const FileCase& c = GetParam();
  const std::vector<InputRecord> records = ReadJson(c.text);
  EXPECT_THAT(Summary(records), ElementsAreArray(c.summary));
  if (!c.first_error_part.empty()) {
    for (const InputRecord& record : records) {
      if (!record.error) continue;
      EXPECT_THAT(record.error->message, HasSubstr(c.first_error_part));
      break;
    }
  }
}

const std::string kListing = R"({"kind":"listing","id":"L-1"})";

INSTANTIATE_TEST_SUITE_P(
    Files, JsonFileCaseTest,
    ::testing::Values(
        FileCase{"array_with_element_lines",
                 R"([
  {"kind":"listing","id":"L-1"},
  {
    "kind": "seller",
    "id": "S-1"
  },
  {"kind":"listing", "id": },
  42, "text",
  {"kind":"listing","id":"L-2",
   "target_markets":["DE"]}
]
)",
                 {"in.json:2 ok", "in.json:3 ok", "in.json:7 malformed_json",
                  "in.json:8 not_an_object", "in.json:8 not_an_object", "in.json:9 ok"},
                 "line 7, column 28: unexpected `}`"},
        FileCase{"single_object",
                 "\n\n  {\n  \"kind\": \"listing\",\n  \"id\": \"L-1\"\n}\n",
                 {"in.json:3 ok"},
                 ""},
        FileCase{"single_scalar", "42", {"in.json:1 not_an_object"}, ""},
        FileCase{"single_with_bom_and_crlf",
                 "\xEF\xBB\xBF\r\n{\r\n\"kind\":\"listing\",\r\n\"id\":\"L-1\"\r\n}\r\n",
                 {"in.json:2 ok"},
                 ""},
        FileCase{"array_with_bom_and_crlf",
                 "\xEF\xBB\xBF[\r\n" + kListing + ",\r\n" + kListing + "\r\n]\r\n",
                 {"in.json:2 ok", "in.json:3 ok"},
                 ""},
        FileCase{"empty_array", " [ \n ] \n", {}, ""},
        FileCase{"empty_file", "", {"in.json:1 malformed_json"}, "the file is empty"},
        FileCase{"blank_file", "\n  \n", {"in.json:3 malformed_json"}, "line 3, column 1: "},
        FileCase{"two_records_not_in_an_array",
                 kListing + "\n" + kListing + "\n",
                 {"in.json:1 malformed_json"},
                 "line 2, column 1: "},
        FileCase{"unclosed_array",
                 "[\n" + kListing + "\n",
                 {"in.json:2 ok", "in.json:3 malformed_json"},
                 ""},
        FileCase{"unclosed_array_after_comma",
                 "[" + kListing + ",\n",
                 {"in.json:1 ok", "in.json:2 malformed_json"},
                 "expected a record, found the end of the file"},
        FileCase{"unclosed_array_message",
                 "[" + kListing,
                 {"in.json:1 ok", "in.json:1 malformed_json"},
                 "the array of records that starts at line 1, column 1 is not closed"},
        FileCase{"trailing_comma",
                 "[" + kListing + ",\n]",
                 {"in.json:1 ok", "in.json:2 malformed_json"},
                 "expected a record, found `]`"},
        FileCase{"empty_element",
                 "[" + kListing + ",," + kListing + "]",
                 {"in.json:1 ok", "in.json:1 malformed_json", "in.json:1 ok"},
                 "line 1, column 32: expected a record, found `,`"},
        FileCase{"text_after_array",
                 "[" + kListing + "]\n x",
                 {"in.json:1 ok", "in.json:2 malformed_json"},
                 "line 2, column 2: unexpected text after the array of records"},
        FileCase{"mismatched_bracket_recovers",
                 "[{\"a\":1],\n" + kListing + "]",
                 {"in.json:1 malformed_json", "in.json:2 ok"},
                 ""},
        FileCase{"unterminated_string_ends_the_file",
                 "[" + kListing + ",\n{\"kind\":\"listing\",\"id\":\"L-2}, " + kListing + "]",
                 {"in.json:1 ok", "in.json:2 malformed_json"},
                 ""},
        FileCase{"strings_hold_brackets_and_commas",
                 "[{\"kind\":\"listing\",\"id\":\"L-,]}\\\"[\"},\n" + kListing + "]",
                 {"in.json:1 ok", "in.json:2 ok"},
                 ""},
        FileCase{"invalid_utf8_element",
                 "[\n" + kListing + ",\n  {\"kind\":\"\xfe\"}]",
                 {"in.json:2 ok", "in.json:3 malformed_json"},
                 "line 3, column 12: the text is not valid UTF-8"},
        FileCase{"errors_in_elements",
                 "[{\"id\":\"L-1\"}, {\"kind\":\"seller\"}, [1]]",
                 {"in.json:1 unknown_kind", "in.json:1 missing_id", "in.json:1 not_an_object"},
                 ""}),
    [](const ::testing::TestParamInfo<FileCase>& param_info) { return param_info.param.name; });

TEST(JsonFileReaderTest, DeepNestingIsTooDeep) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_THAT(Summary(ReadJson(deep)), ElementsAreArray<std::string>({"in.json:1 too_deep"}));
  EXPECT_THAT(Summary(ReadJson("[" + deep + ",\n" + kListing + "]")),
              ElementsAreArray<std::string>({"in.json:1 too_deep", "in.json:2 ok"}));
  EXPECT_THAT(Summary(ReadJson(std::string(100000, '['))),
              ElementsAreArray<std::string>({"in.json:1 too_deep"}));
}

TEST(JsonFileReaderTest, TooLargeElementIsSkippedAndTheNextRead) {
  InputLimits limits;
  limits.max_record_bytes = 100;
  const std::string big =
      R"({"kind":"listing","id":"L-9","title":")" + std::string(200, 'x') + "\"}";
  const std::vector<InputRecord> records = ReadJson("[\n" + big + ",\n" + kListing + "\n]", limits);
  EXPECT_THAT(Summary(records),
              ElementsAreArray<std::string>({"in.json:2 too_large", "in.json:3 ok"}));
  EXPECT_THAT(records[0].error->message,
              HasSubstr("is 240 bytes long, more than the limit of 100 bytes"));
}

TEST(JsonFileReaderTest, SizeLimitIgnoresWhitespaceAroundTheRecord) {
  InputLimits limits;
  limits.max_record_bytes = kListing.size();
  EXPECT_THAT(Summary(ReadJson("\n  " + kListing + "  \n\n", limits)),
              ElementsAreArray<std::string>({"in.json:2 ok"}));
  EXPECT_THAT(Summary(ReadJson("[  " + kListing + "  \n, " + kListing + "]", limits)),
              ElementsAreArray<std::string>({"in.json:1 ok", "in.json:2 ok"}));
}

TEST(JsonFileReaderTest, ErrorPositionsAreInTheFile) {
  const std::vector<InputRecord> records =
      ReadJson("[\n  {\"kind\":\"listing\",\n   \"id\" \"L-1\"}\n]");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].source, "in.json:2");
  EXPECT_THAT(records[0].error->message, StartsWith("line 3, column 9: "));
}

}  // namespace
}  // namespace tradelint
