#include "engine/input/record_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <streambuf>
#include <system_error>
#include <utility>

#include "engine/base/ascii_case.h"
#include "engine/input/internal/csv_reader.h"
#include "engine/input/internal/feed_record.h"
#include "engine/input/internal/format_sniffer.h"
#include "engine/input/internal/gmc_text_reader.h"
#include "engine/input/internal/gmc_xml_reader.h"
#include "engine/input/internal/json_file_reader.h"
#include "engine/input/internal/jsonl_reader.h"
#include "engine/input/internal/jsonld_reader.h"
#include "engine/input/internal/record_text.h"
#include "engine/input/internal/replay_streambuf.h"
#include "engine/input/internal/shopify_reader.h"

namespace tradelint {
namespace {

constexpr std::string_view kStandardInput = "-";

// A reader over a stream buffer it owns (a file's, or one replaying sniffed bytes).
class OwningRecordReader final : public RecordReader {
 public:
  OwningRecordReader(std::unique_ptr<std::streambuf> buffer, InputFormat format,
                     const std::string& source_name, const Schema& schema,
                     const InputLimits& limits, const FeedInput& feed)
      : buffer_(std::move(buffer)),
        stream_(buffer_.get()),
        reader_(MakeRecordReader(stream_, format, source_name, schema, limits, feed)) {}
  bool Next(InputRecord& out) override { return reader_->Next(out); }
  bool NextUnparsed(UnparsedRecord& out) override { return reader_->NextUnparsed(out); }

 private:
  std::unique_ptr<std::streambuf> buffer_;  // declared first: outlives stream_ and reader_
  std::istream stream_;
  std::unique_ptr<RecordReader> reader_;
};

// A feed reader with the FeedRecordBuilder it reads by.
class FeedReader final : public RecordReader {
 public:
  FeedReader(std::istream& in, InputFormat format, std::string source_name, const Schema& schema,
             const InputLimits& limits, const FeedInput& feed)
      : builder_(feed, schema, limits) {
    switch (format) {
      case InputFormat::kShopify:
        reader_ = std::make_unique<ShopifyReader>(in, std::move(source_name), builder_, limits);
        break;
      case InputFormat::kJsonLd:
        reader_ = std::make_unique<JsonLdReader>(in, std::move(source_name), builder_, limits);
        break;
      default: {
        // Merchant Center: XML when the first non-blank character is `<`.
        std::string taken;
        std::streambuf& source = *in.rdbuf();
        while (true) {
          const auto next = source.sbumpc();
          if (next == std::char_traits<char>::eof()) break;
          taken.push_back(static_cast<char>(next));
          const auto c = static_cast<unsigned char>(taken.back());
          if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xEF && c != 0xBB &&
              c != 0xBF) {
            break;
          }
        }
        const bool xml = !taken.empty() && taken.back() == '<';
        replay_ = std::make_unique<ReplayStreambuf>(std::move(taken), &source);
        stream_ = std::make_unique<std::istream>(replay_.get());
        if (xml) {
          reader_ = std::make_unique<GmcXmlReader>(*replay_, std::move(source_name), builder_);
        } else {
          reader_ =
              std::make_unique<GmcTextReader>(*stream_, std::move(source_name), builder_, limits);
        }
      }
    }
  }
  bool Next(InputRecord& out) override { return reader_->Next(out); }

 private:
  FeedRecordBuilder builder_;
  std::unique_ptr<std::streambuf> replay_;  // Merchant Center: the sniffed bytes, then the rest
  std::unique_ptr<std::istream> stream_;
  std::unique_ptr<RecordReader> reader_;
};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         AsciiEqualsIgnoringCase(text.substr(text.size() - suffix.size()), suffix);
}

}  // namespace

InputFormat InputFormatForPath(std::string_view path) {
  if (EndsWith(path, ".json")) return InputFormat::kJson;
  if (EndsWith(path, ".csv")) return InputFormat::kCsv;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) return InputFormat::kJsonLines;
  return InputFormat::kJsonLinesOrDocument;
}

std::optional<InputFormat> InputFormatFromName(std::string_view name) {
  if (name == "json") return InputFormat::kJson;
  if (name == "jsonl") return InputFormat::kJsonLines;
  if (name == "csv") return InputFormat::kCsv;
  if (name == "gmc") return InputFormat::kGmc;
  if (name == "shopify") return InputFormat::kShopify;
  if (name == "jsonld") return InputFormat::kJsonLd;
  return std::nullopt;
}

bool IsFeedFormat(InputFormat format) {
  return format == InputFormat::kGmc || format == InputFormat::kShopify ||
         format == InputFormat::kJsonLd;
}

std::unique_ptr<RecordReader> MakeRecordReader(std::istream& in, InputFormat format,
                                               std::string source_name, const Schema& schema,
                                               const InputLimits& limits, const FeedInput& feed) {
  switch (format) {
    case InputFormat::kGmc:
    case InputFormat::kShopify:
    case InputFormat::kJsonLd:
      return std::make_unique<FeedReader>(in, format, std::move(source_name), schema, limits, feed);
    case InputFormat::kJson:
      return std::make_unique<JsonFileReader>(in, std::move(source_name), schema, limits);
    case InputFormat::kCsv:
      return std::make_unique<CsvReader>(in, std::move(source_name), schema, limits);
    case InputFormat::kJsonLinesOrDocument: {
      SniffedFormat sniffed = SniffJsonFormat(*in.rdbuf(), limits.max_record_bytes);
      return std::make_unique<OwningRecordReader>(
          std::make_unique<ReplayStreambuf>(std::move(sniffed.taken), in.rdbuf()), sniffed.format,
          source_name, schema, limits, feed);
    }
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
                                               std::optional<InputFormat> format,
                                               const std::string& stdin_name,
                                               const FeedInput& feed) {
  const InputFormat chosen = format.value_or(InputFormatForPath(path));
  if (IsFeedFormat(chosen) && feed.mapping == nullptr) {
    *open_error = fmt::format("cannot read `{}`: no mapping for its feed format", path);
    return nullptr;
  }
  if (path == kStandardInput) {
    return MakeRecordReader(std::cin, chosen, stdin_name.empty() ? path : stdin_name, schema,
                            limits, feed);
  }
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    *open_error = fmt::format("cannot open `{}`: {}", path, std::strerror(EISDIR));
    return nullptr;
  }
  errno = 0;
  auto file = std::make_unique<std::filebuf>();
  if (file->open(path, std::ios::in | std::ios::binary) == nullptr) {
    const int error = errno;
    *open_error = fmt::format("cannot open `{}`: {}", path,
                              error != 0 ? std::strerror(error) : "the file cannot be read");
    return nullptr;
  }
  return std::make_unique<OwningRecordReader>(std::move(file), chosen, path, schema, limits, feed);
}

}  // namespace tradelint
