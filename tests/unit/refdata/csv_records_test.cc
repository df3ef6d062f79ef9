// ReadCsvRecords (and CsvRows under it) reads RFC 4180 records: quoted fields with commas,
// doubled quotes and line breaks, a quote inside an unquoted field kept as written, CR LF or LF,
// blank lines skipped, each record with the line it starts on.

#include "engine/refdata/csv_records.h"

#include <gtest/gtest.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {
namespace {

struct Expected {
  int line;
  std::vector<std::string> fields;
};

void ExpectRecords(const std::string& text, const std::vector<Expected>& expected) {
  const std::vector<CsvRecord> records = ReadCsvRecords(text);
  ASSERT_EQ(records.size(), expected.size()) << text;
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].line, expected[i].line) << text << " record " << i;
    EXPECT_EQ(records[i].fields, expected[i].fields) << text << " record " << i;
  }
}

TEST(CsvRecordsTest, PlainAndQuotedFields) {
  ExpectRecords("a,b,c\n1,,3\n", {{1, {"a", "b", "c"}}, {2, {"1", "", "3"}}});
  ExpectRecords("\"x, y\",\"say \"\"hi\"\"\",z", {{1, {"x, y", "say \"hi\"", "z"}}});
  ExpectRecords("ab\"c,d\n", {{1, {"ab\"c", "d"}}});
}

// CsvRows gives fields as views of the text where they are written as they read (plain, or
// quoted without a doubled quote), else of its own buffer; every field of a record stays valid
// while its buffer grows for the record's later fields.
TEST(CsvRecordsTest, ReaderFieldsAreViewsOfTheTextWhereTheyCanBe) {
  const std::string text = "plain,\"quoted, x\",\"say \"\"hi\"\"\",\"ab\"cd\n2,\"one\ntwo\"";
  CsvRows rows(text);
  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.line(), 1);
  std::span<const std::string_view> fields = rows.fields();
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[0], "plain");
  EXPECT_EQ(fields[1], "quoted, x");
  EXPECT_EQ(fields[2], "say \"hi\"");
  EXPECT_EQ(fields[3], "abcd");  // text after the closing quote belongs to the field
  EXPECT_EQ(fields[0].data(), text.data());
  EXPECT_EQ(fields[1].data(), text.data() + 7);
  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.line(), 2);
  ASSERT_EQ(rows.fields().size(), 2u);
  EXPECT_EQ(rows.fields()[1], "one\ntwo");
  EXPECT_FALSE(rows.Next());

  std::string many;
  std::vector<std::string> expected;
  for (int i = 0; i < 200; ++i) {
    many += (i > 0 ? "," : "") + std::string("\"") + std::to_string(i) + "\"\"x\"";
    expected.push_back(std::to_string(i) + "\"x");
  }
  CsvRows unescaped(many);
  ASSERT_TRUE(unescaped.Next());
  EXPECT_EQ(std::vector<std::string>(unescaped.fields().begin(), unescaped.fields().end()),
            expected);
}

TEST(CsvRecordsTest, LineBreaksInsideQuotesAndLineEnds) {
  ExpectRecords("\"one\ntwo\nthree\",x\r\nnext,\"\"\r\n\r\nlast",
                {{1, {"one\ntwo\nthree", "x"}}, {4, {"next", ""}}, {6, {"last"}}});
  ExpectRecords("\n\na\n", {{3, {"a"}}});
}

}  // namespace
}  // namespace tradelint
