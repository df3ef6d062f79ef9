// ReadCsvRecords reads RFC 4180 records: quoted fields with commas, doubled quotes and line
// breaks, a quote inside an unquoted field kept as written, CR LF or LF, blank lines skipped,
// each record with the line it starts on.

#include "engine/refdata/csv_records.h"

#include <gtest/gtest.h>

#include <string>
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

TEST(CsvRecordsTest, LineBreaksInsideQuotesAndLineEnds) {
  ExpectRecords("\"one\ntwo\nthree\",x\r\nnext,\"\"\r\n\r\nlast",
                {{1, {"one\ntwo\nthree", "x"}}, {4, {"next", ""}}, {6, {"last"}}});
  ExpectRecords("\n\na\n", {{3, {"a"}}});
}

}  // namespace
}  // namespace tradelint
