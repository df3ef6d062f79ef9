// CSV input: RFC 4180 quoting, field paths in the header, typing by the schema, list
// indexes, empty cells, the kind column, and one result per row.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/input/input_record.h"
#include "engine/input/record_reader.h"
#include "engine/json/json.h"
#include "tests/unit/input/test_support.h"

namespace tradelint {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

std::vector<InputRecord> ReadCsv(const std::string& text, const InputLimits& limits = {}) {
  return input_test::ReadAll(text, InputFormat::kCsv, "in.csv", limits);
}

// The record as compact JSON, or `source code: message` for an invalid one.
std::string Show(const InputRecord& record) {
  if (record.error) return record.source + " " + record.error->code + ": " + record.error->message;
  std::string json;
  AppendJson(json, record.record);
  return record.source + " " + json;
}

std::vector<std::string> ShowAll(const std::vector<InputRecord>& records) {
  std::vector<std::string> shown;
  for (const InputRecord& record : records) shown.push_back(Show(record));
  return shown;
}

TEST(CsvReaderTest, QuotesNewlinesTypesListsAndEmptyCells) {
  const std::string csv =
      "id,title,target_markets[0],target_markets[1],offer.price.amount,offer.price.currency,"
      "offer.includes_vat,offer.delivery_time.min_days,x_shop_sku\n"
      "L-1,\"Blocks, 500 pieces\",\"DE\",AT,19.90,EUR,true,3,00123\n"
      "L-2,\"A \"\"quoted\"\" title\nover two lines\",FR,,5,EUR,FALSE,,\n"
      "L-3,,,,,,,,\n";
  EXPECT_THAT(
      ShowAll(ReadCsv(csv)),
      ElementsAre(
          R"(in.csv:2 {"kind":"listing","id":"L-1","title":"Blocks, 500 pieces",)"
          R"("target_markets":["DE","AT"],"offer":{"price":{"amount":19.90,"currency":"EUR"},)"
          R"("includes_vat":true,"delivery_time":{"min_days":3}},"x_shop_sku":"00123"})",
          R"(in.csv:3 {"kind":"listing","id":"L-2","title":"A \"quoted\" title\nover two lines",)"
          R"("target_markets":["FR"],"offer":{"price":{"amount":5,"currency":"EUR"},)"
          R"("includes_vat":false}})",
          R"(in.csv:5 {"kind":"listing","id":"L-3"})"));
}

TEST(CsvReaderTest, BracketsStateAnEmptyList) {
  // `[]` in a list field (spaces around it ignored) states an empty list; an empty cell
  // states nothing; in a string field `[]` is just text.
  const std::string csv =
      "id,target_markets,bullet_points,title\n"
      "L-1,[], [] ,[]\n"
      "L-2,,,\n";
  EXPECT_THAT(ShowAll(ReadCsv(csv)),
              ElementsAre(R"(in.csv:2 {"kind":"listing","id":"L-1","target_markets":[],)"
                          R"("bullet_points":[],"title":"[]"})",
                          R"(in.csv:3 {"kind":"listing","id":"L-2"})"));
}

TEST(CsvReaderTest, KindColumnChoosesTheSchemaAndDefaultsToListing) {
  const std::string csv =
      "kind,id,created_at,lines[0].quantity,lines[0].unit_price.amount,"
      "lines[0].unit_price.currency,lines[1].quantity\n"
      "transaction,T-1,2025-01-01T10:00:00Z,2,3.50,EUR,1\n"
      ",L-1,,,,,\n"
      "seller,S-1,,,,,\n"
      "listng,X-1,,,,,\n";
  const std::vector<InputRecord> records = ReadCsv(csv);
  EXPECT_THAT(
      ShowAll(records),
      ElementsAre(
          R"(in.csv:2 {"kind":"transaction","id":"T-1","created_at":"2025-01-01T10:00:00Z",)"
          R"("lines":[{"quantity":2,"unit_price":{"amount":3.50,"currency":"EUR"}},)"
          R"({"quantity":1}]})",
          R"(in.csv:3 {"kind":"listing","id":"L-1"})", R"(in.csv:4 {"kind":"seller","id":"S-1"})",
          "in.csv:5 unknown_kind: unknown kind `listng`; expected `listing`, `transaction`, "
          "`seller`, `payment` or `waybill`; did you mean `listing`?"));
  EXPECT_EQ(records[3].id, "X-1");
  EXPECT_EQ(records[0].kind, RecordKind::kTransaction);
}

TEST(CsvReaderTest, CellsThatDoNotConvertAreSchemaViolations) {
  const std::vector<InputRecord> records = ReadCsv(
      "id,offer.price.amount,offer.includes_vat,offer.delivery_time.min_days\n"
      "L-1,abc,yes,2.5\n"
      "L-2, 19.90 ,  True ,7\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(input_test::CodeOf(records[0]), "schema_violation");
  EXPECT_EQ(records[0].id, "L-1");
  EXPECT_EQ(records[0].kind, RecordKind::kListing);
  EXPECT_THAT(records[0].error->paths, ElementsAre("offer.price.amount", "offer.includes_vat",
                                                   "offer.delivery_time.min_days"));
  EXPECT_EQ(Show(records[1]),
            R"(in.csv:3 {"kind":"listing","id":"L-2","offer":{"price":{"amount":19.90},)"
            R"("includes_vat":true,"delivery_time":{"min_days":7}}})");
}

TEST(CsvReaderTest, StringsStayAsWritten) {
  EXPECT_THAT(ShowAll(ReadCsv("id,title,description\nL-1, spaced ,5\" screen\n"
                              "L-2,\"ab\"c,\"\"\n")),
              ElementsAre(R"(in.csv:2 {"kind":"listing","id":"L-1","title":" spaced ",)"
                          R"("description":"5\" screen"})",
                          R"(in.csv:3 {"kind":"listing","id":"L-2","title":"abc"})"));
}

TEST(CsvReaderTest, ListElementsFollowIndexOrderAndSkipGaps) {
  EXPECT_THAT(
      ShowAll(ReadCsv("id,target_markets[2],target_markets[0],target_markets[1]\n"
                      "L-1,FR,DE,\n")),
      ElementsAre(R"(in.csv:2 {"kind":"listing","id":"L-1","target_markets":["DE","FR"]})"));
}

TEST(CsvReaderTest, ByteOrderMarkCrLfAndBlankLines) {
  const std::vector<InputRecord> records =
      ReadCsv("\xEF\xBB\xBFid,title\r\nL-1,T\r\n\r\n\nL-2,\"a\r\nb\"\r\nL-3,c");
  EXPECT_THAT(ShowAll(records),
              ElementsAre(R"(in.csv:2 {"kind":"listing","id":"L-1","title":"T"})",
                          R"(in.csv:5 {"kind":"listing","id":"L-2","title":"a\r\nb"})",
                          R"(in.csv:7 {"kind":"listing","id":"L-3","title":"c"})"));
}

TEST(CsvReaderTest, NoRowsNoRecords) {
  EXPECT_TRUE(ReadCsv("").empty());
  EXPECT_TRUE(ReadCsv("id,title\n").empty());
  EXPECT_TRUE(ReadCsv("id,title\n\n\r\n").empty());
}

TEST(CsvReaderTest, CellCountMustMatchTheHeader) {
  const std::vector<InputRecord> records =
      ReadCsv("kind,id,title\nlisting,L-1\nlisting,L-2,T,extra\nlisting,L-3,T\n");
  EXPECT_THAT(ShowAll(records),
              ElementsAre("in.csv:2 schema_violation: row has 2 cells, header has 3",
                          "in.csv:3 schema_violation: row has 4 cells, header has 3",
                          R"(in.csv:4 {"kind":"listing","id":"L-3","title":"T"})"));
  EXPECT_FALSE(records[0].id);
  EXPECT_FALSE(records[0].kind);
  EXPECT_TRUE(records[0].error->paths.empty());
}

TEST(CsvReaderTest, UnclosedQuoteIsOneRecord) {
  EXPECT_THAT(ShowAll(ReadCsv("id,title\nL-1,ok\nL-2,\"open\nL-3,x\n")),
              ElementsAre(R"(in.csv:2 {"kind":"listing","id":"L-1","title":"ok"})",
                          "in.csv:3 schema_violation: the quoted field that opens on line 3 is "
                          "not closed at the end of the file"));
}

TEST(CsvReaderTest, HeaderProblemsAreReportedByEveryRow) {
  const std::vector<InputRecord> records = ReadCsv(
      "id,a..b,title,title,offer,offer.price.amount,tags[x]\nL-1,,T,U,,,\n"
      "L-2,,,,,,\n");
  ASSERT_EQ(records.size(), 2u);
  for (const InputRecord& record : records) {
    EXPECT_EQ(input_test::CodeOf(record), "schema_violation");
    EXPECT_EQ(record.kind, RecordKind::kListing);
    EXPECT_THAT(record.error->paths, ElementsAre("a..b", "title", "offer.price.amount", "tags[x]"));
  }
  EXPECT_EQ(records[1].id, "L-2");
  EXPECT_THAT(records[0].error->message,
              HasSubstr("`a..b`: column `a..b` is not a field path (like `offer.price.amount` "
                        "or `target_markets[0]`)"));
  EXPECT_THAT(records[0].error->message,
              HasSubstr("`title`: column `title` appears more than once"));
  EXPECT_THAT(records[0].error->message,
              HasSubstr("`offer.price.amount`: column `offer.price.amount` clashes with column "
                        "`offer`"));
}

TEST(CsvReaderTest, ClashingListAndObjectPaths) {
  const std::vector<InputRecord> records =
      ReadCsv("id,lines[0].quantity,lines.quantity\nL-1,1,2\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].error->message,
              HasSubstr("column `lines.quantity` clashes with column `lines[0].quantity`"));
}

TEST(CsvReaderTest, ColumnWithoutHeaderMustStayEmpty) {
  EXPECT_THAT(ShowAll(ReadCsv(" id , ,title,\nL-1,,T,\nL-2,x,T,\n")),
              ElementsAre(R"(in.csv:2 {"kind":"listing","id":"L-1","title":"T"})",
                          "in.csv:3 schema_violation: cell 2 has no column header"));
}

TEST(CsvReaderTest, InvalidUtf8) {
  const std::vector<InputRecord> records = ReadCsv("id,title\nL-1,\xff\xfe\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(Show(records[0]), "in.csv:2 schema_violation: `title`: the cell is not valid UTF-8");
  EXPECT_THAT(records[0].error->paths, ElementsAre("title"));
  EXPECT_EQ(ShowAll(ReadCsv("id,t\xc0\nL-1,x\n")),
            std::vector<std::string>{
                "in.csv:2 schema_violation: the header of column 2 is not valid UTF-8"});
}

TEST(CsvReaderTest, TooLargeRowIsSkippedAndTheNextRead) {
  InputLimits limits;
  limits.max_record_bytes = 50;
  EXPECT_THAT(
      ShowAll(ReadCsv("id,title\nL-1,\"" + std::string(100, 'x') + "\n\"\nL-2,ok\n", limits)),
      ElementsAre("in.csv:2 too_large: the record is 107 bytes long, more than the limit of "
                  "50 bytes",
                  R"(in.csv:4 {"kind":"listing","id":"L-2","title":"ok"})"));
}

TEST(CsvReaderTest, UnusableHeaderIsReportedByEveryRow) {
  InputLimits limits;
  limits.max_record_bytes = 20;
  EXPECT_THAT(ShowAll(ReadCsv("id,title," + std::string(30, 'x') + "\nL-1,T,\nL-2,T,\n", limits)),
              ElementsAre("in.csv:2 schema_violation: the header line is 39 bytes long, more "
                          "than the limit of 20 bytes",
                          "in.csv:3 schema_violation: the header line is 39 bytes long, more "
                          "than the limit of 20 bytes"));
  limits = InputLimits{};
  limits.max_csv_columns = 2;
  EXPECT_THAT(ShowAll(ReadCsv("id,title,description\nL-1,T,D\n", limits)),
              ElementsAre("in.csv:2 schema_violation: the header has 3 columns, more than the "
                          "limit of 2"));
  EXPECT_THAT(ShowAll(ReadCsv("id,\"title\nL-1,T\n")),
              ElementsAre());  // the header swallows the whole input: no row is left
}

TEST(CsvReaderTest, HeaderPathDepthIsLimited) {
  InputLimits limits;
  limits.max_depth = 2;
  EXPECT_THAT(ShowAll(ReadCsv("id,offer.price.amount\nL-1,1\n", limits)),
              ElementsAre("in.csv:2 schema_violation: `offer.price.amount`: column "
                          "`offer.price.amount` is nested deeper than 2 levels"));
}

TEST(CsvReaderTest, EveryRowIsOneRecord) {
  std::string csv = "kind,id,offer.price.amount\n";
  const std::vector<std::string> rows = {"listing,L-1,1",  "listing,L-2",    "seller,,",
                                         "order,O-1,",     "listing,L-3,x",  ",L-4,2.50",
                                         "\"\",\"\",\"\"", "listing,\"L-5,3"};
  for (const std::string& row : rows) csv += row + "\n";
  const std::vector<InputRecord> records = ReadCsv(csv);
  std::vector<std::string> codes;
  for (const InputRecord& record : records) codes.push_back(input_test::CodeOf(record));
  EXPECT_THAT(codes, ElementsAreArray<std::string>({"", "schema_violation", "missing_id",
                                                    "unknown_kind", "schema_violation", "",
                                                    "missing_id", "schema_violation"}));
}

}  // namespace
}  // namespace tradelint
