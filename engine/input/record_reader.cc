#include "engine/input/record_reader.h"

#include "engine/input/internal/record_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>
#include <utility>

#include "engine/input/internal/csv_reader.h"
#include "engine/input/internal/json_file_reader.h"
#include "engine/input/internal/jsonl_reader.h"

namespace tradelint {
namespace {

constexpr std::string_view kStandardInput = "-";

// A reader that owns the file stream it reads.
class FileRecordReader final : public RecordReader {
 public:
  FileRecordReader(std::unique_ptr<std::ifstream> file, InputFormat format, const std::string& path,
                   const Schema& schema, const InputLimits& limits)
      : file_(std::move(file)), reader_(MakeRecordReader(*file_, format, path, schema, limits)) {}
  bool Next(InputRecord& out) override { return reader_->Next(out); }
  bool NextUnparsed(UnparsedRecord& out) override { return reader_->NextUnparsed(out); }

 private:
  std::unique_ptr<std::ifstream> file_;  // declared first: outlives reader_
  std::unique_ptr<RecordReader> reader_;
};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), text.end() - suffix.size(), [](char a, char b) {
           return a == std::tolower(static_cast<unsigned char>(b));
         });
}

}  // namespace

InputFormat InputFormatForPath(std::string_view path) {
  if (EndsWith(path, ".json")) return InputFormat::kJson;
  if (EndsWith(path, ".csv")) return InputFormat::kCsv;
  return InputFormat::kJsonLines;
}

std::unique_ptr<RecordReader> MakeRecordReader(std::istream& in, InputFormat format,
                                               std::string source_name, const Schema& schema,
                                               const InputLimits& limits) {
  switch (format) {
    case InputFormat::kJson:
      return std::make_unique<JsonFileReader>(in, std::move(source_name), schema, limits);
    case InputFormat::kCsv:
      return std::make_unique<CsvReader>(in, std::move(source_name), schema, limits);
    case InputFormat::kJsonLines:
      break;
  }
  return std::make_unique<JsonLinesReader>(in, std::move(source_name), schema, limits);
}

void ParseRecord(UnparsedRecord& unparsed, const Schema& schema, const InputLimits& limits) {
  if (unparsed.text.empty()) return;
  ReadRecordText(unparsed.text, TextPosition{unparsed.line, 1}, schema, limits, unparsed.record);
  unparsed.text.clear();
}

std::unique_ptr<RecordReader> OpenRecordReader(const std::string& path, const Schema& schema,
                                               const InputLimits& limits, std::string* open_error,
                                               const std::string& stdin_name) {
  if (path == kStandardInput) {
    return MakeRecordReader(std::cin, InputFormat::kJsonLines,
                            stdin_name.empty() ? path : stdin_name, schema, limits);
  }
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    *open_error = fmt::format("cannot open `{}`: {}", path, std::strerror(EISDIR));
    return nullptr;
  }
  errno = 0;
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!file->is_open()) {
    const int error = errno;
    *open_error = fmt::format("cannot open `{}`: {}", path,
                              error != 0 ? std::strerror(error) : "the file cannot be read");
    return nullptr;
  }
  return std::make_unique<FileRecordReader>(std::move(file), InputFormatForPath(path), path, schema,
                                            limits);
}

}  // namespace tradelint
