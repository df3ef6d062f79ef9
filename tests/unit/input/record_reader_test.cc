// Opening inputs: formats by file name, files, standard input, open errors, and the
// project's example records.

#include "engine/input/record_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/input/input_record.h"
#include "tests/unit/input/test_support.h"

namespace tradelint {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

std::vector<InputRecord> ReadPath(const std::string& path) {
  std::string error;
  std::unique_ptr<RecordReader> reader =
      OpenRecordReader(path, input_test::ProjectSchema(), InputLimits{}, &error);
  EXPECT_NE(reader, nullptr) << error;
  std::vector<InputRecord> records;
  if (reader == nullptr) return records;
  InputRecord record;
  while (reader->Next(record)) records.push_back(std::move(record));
  return records;
}

std::vector<std::string> Sources(const std::vector<InputRecord>& records) {
  std::vector<std::string> sources;
  for (const InputRecord& record : records) {
    sources.push_back(record.source + (record.error ? " " + record.error->code : ""));
  }
  return sources;
}

// A fresh directory for the test's files, removed afterwards.
class RecordReaderFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "tradelint_input_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  fs::path dir_;
};

struct FormatCase {
  std::string path;
  InputFormat format;
};

TEST(InputFormatTest, ByExtension) {
  const std::vector<FormatCase> cases = {
      {"a.json", InputFormat::kJson},
      {"dir/A.JSON", InputFormat::kJson},
      {"a.jsonl", InputFormat::kJsonLines},
      {"a.ndjson", InputFormat::kJsonLines},
      {"a.NDJSON", InputFormat::kJsonLines},
      {"a.csv", InputFormat::kCsv},
      {"a.Csv", InputFormat::kCsv},
      {"-", InputFormat::kJsonLinesOrDocument},
      {"/dev/stdin", InputFormat::kJsonLinesOrDocument},
      {"a.txt", InputFormat::kJsonLinesOrDocument},
      {"json", InputFormat::kJsonLinesOrDocument},
      {"a.json.gz", InputFormat::kJsonLinesOrDocument},
  };
  for (const FormatCase& c : cases) {
    EXPECT_EQ(InputFormatForPath(c.path), c.format) << c.path;
  }
}

TEST(InputFormatTest, ByName) {
  EXPECT_EQ(InputFormatFromName("json"), InputFormat::kJson);
  EXPECT_EQ(InputFormatFromName("jsonl"), InputFormat::kJsonLines);
  EXPECT_EQ(InputFormatFromName("csv"), InputFormat::kCsv);
  EXPECT_EQ(InputFormatFromName("auto"), std::nullopt);
}

// Standard input and unnamed streams: JSON Lines, or one document when the first non-blank
// line leaves a value open.
std::vector<std::string> SniffedSources(const std::string& text) {
  std::vector<std::string> sources;
  for (const InputRecord& record :
       input_test::ReadAll(text, InputFormat::kJsonLinesOrDocument, "-")) {
    sources.push_back(record.source + (record.error ? " " + record.error->code : ""));
  }
  return sources;
}

TEST(InputFormatTest, PrettyPrintedRecordIsOneDocument) {
  EXPECT_THAT(SniffedSources("{\n  \"kind\": \"listing\",\n  \"id\": \"L-1\"\n}\n"),
              ElementsAre("-:1"));
  EXPECT_THAT(SniffedSources("\n\n  {\n  \"kind\": \"listing\", \"id\": \"L-1\"}"),
              ElementsAre("-:3"));
  EXPECT_THAT(SniffedSources("{\"kind\": \"listing\", \"id\": \"L-1\",\n\"title\": \"a {\"}"),
              ElementsAre("-:1"));
}

TEST(InputFormatTest, PrettyPrintedArrayIsOneRecordPerElement) {
  EXPECT_THAT(SniffedSources("[\n  {\"kind\": \"listing\", \"id\": \"L-1\"},\n"
                             "  {\"kind\": \"listing\", \"id\": \"L-2\"}\n]\n"),
              ElementsAre("-:2", "-:3"));
}

TEST(InputFormatTest, CompleteFirstLineIsJsonLines) {
  EXPECT_THAT(SniffedSources("{\"kind\": \"listing\", \"id\": \"L-1\"}\n"
                             "{\"kind\": \"listing\", \"id\": \"L-2\"}\n"),
              ElementsAre("-:1", "-:2"));
  // A malformed line that closes what it opens stays one JSON Lines record of many.
  EXPECT_THAT(SniffedSources("{\"kind\": \"listing\",, \"id\": \"L-1\"}\n"
                             "{\"kind\": \"listing\", \"id\": \"L-2\"}"),
              ElementsAre("-:1 malformed_json", "-:2"));
  // Brackets inside strings do not open anything.
  EXPECT_THAT(SniffedSources("{\"kind\": \"listing\", \"id\": \"[{\\\"\"}\n"), ElementsAre("-:1"));
  EXPECT_THAT(SniffedSources(""), ElementsAre());
  EXPECT_THAT(SniffedSources("\n \n"), ElementsAre());
}

TEST(InputFormatTest, LineTooLongToSeeWholeIsJsonLines) {
  const InputLimits limits{.max_record_bytes = 64};
  std::vector<std::string> codes;
  for (const InputRecord& record : input_test::ReadAll(
           "{\"kind\": \"listing\", \"id\": \"L-1\", \"title\": \"" + std::string(100, 'a') +
               "\n{\"kind\": \"listing\", \"id\": \"L-2\"}\n",
           InputFormat::kJsonLinesOrDocument, "-", limits)) {
    codes.push_back(input_test::CodeOf(record));
  }
  EXPECT_THAT(codes, ElementsAre("too_large", ""));
}

TEST(OpenRecordReaderTest, MissingFile) {
  std::string error;
  EXPECT_EQ(
      OpenRecordReader("/nonexistent/listings.jsonl", input_test::ProjectSchema(), {}, &error),
      nullptr);
  EXPECT_EQ(error, "cannot open `/nonexistent/listings.jsonl`: No such file or directory");
}

TEST_F(RecordReaderFileTest, DirectoryCannotBeOpened) {
  std::string error;
  const std::string path = (dir_ / "sub.json").string();
  fs::create_directory(path);
  EXPECT_EQ(OpenRecordReader(path, input_test::ProjectSchema(), {}, &error), nullptr);
  EXPECT_EQ(error, "cannot open `" + path + "`: Is a directory");
}

TEST_F(RecordReaderFileTest, ReadsEachFormatFromFiles) {
  const std::string listing = R"({"kind":"listing","id":"L-1"})";
  const std::string jsonl = Write("in.jsonl", listing + "\n\n" + listing + "\n");
  const std::string ndjson = Write("in.NDJSON", listing + "\n");
  const std::string json = Write("in.json", "[\n" + listing + ",\n\n" + listing + "]");
  const std::string csv = Write("in.csv", "id\nL-1\n\nL-2\n");
  const std::string other = Write("in.txt", "[1]\n");
  EXPECT_THAT(Sources(ReadPath(jsonl)), ElementsAre(jsonl + ":1", jsonl + ":3"));
  EXPECT_THAT(Sources(ReadPath(ndjson)), ElementsAre(ndjson + ":1"));
  EXPECT_THAT(Sources(ReadPath(json)), ElementsAre(json + ":2", json + ":4"));
  EXPECT_THAT(Sources(ReadPath(csv)), ElementsAre(csv + ":2", csv + ":4"));
  EXPECT_THAT(Sources(ReadPath(other)), ElementsAre(other + ":1 not_an_object"));
}

TEST(OpenRecordReaderTest, DashReadsJsonLinesFromStandardInput) {
  std::istringstream input("{\"kind\":\"seller\",\"id\":\"S-1\"}\n\n{\"kind\":1}\n");
  std::streambuf* const saved = std::cin.rdbuf(input.rdbuf());
  const std::vector<InputRecord> records = ReadPath("-");
  std::cin.rdbuf(saved);
  EXPECT_THAT(Sources(records), ElementsAre("-:1", "-:3 unknown_kind"));
}

TEST(ExamplesTest, AllJsonLinesExamplesAreValid) {
  const std::vector<InputRecord> records =
      ReadPath(TRADELINT_SOURCE_DIR "/schema/examples/all.jsonl");
  ASSERT_EQ(records.size(), 15u);
  int per_kind[3] = {0, 0, 0};
  for (const InputRecord& record : records) {
    EXPECT_FALSE(record.error) << record.source << ": " << record.error->code << ": "
                               << record.error->message;
    ASSERT_TRUE(record.kind);
    ++per_kind[static_cast<int>(*record.kind)];
    EXPECT_TRUE(record.id && !record.id->empty());
  }
  EXPECT_THAT(per_kind, ElementsAre(5, 5, 5));
}

TEST(ExamplesTest, EveryExampleFileIsOneValidRecord) {
  int files = 0;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(TRADELINT_SOURCE_DIR "/schema/examples")) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::vector<InputRecord> records = ReadPath(entry.path().string());
    ASSERT_EQ(records.size(), 1u) << entry.path();
    EXPECT_FALSE(records[0].error) << records[0].source << ": " << records[0].error->message;
    EXPECT_EQ(records[0].source, entry.path().string() + ":1");
  }
  EXPECT_EQ(files, 15);
}

}  // namespace
}  // namespace tradelint
