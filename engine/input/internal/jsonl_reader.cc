#include "engine/input/internal/jsonl_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>

#include "engine/input/internal/bounded_append.h"
#include "engine/input/internal/record_text.h"
#include "engine/input/internal/text_position.h"

namespace tradelint {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

JsonLinesReader::JsonLinesReader(std::istream& in, std::string source_name, const Schema& schema,
                                 const InputLimits& limits)
    : bytes_(in), source_name_(std::move(source_name)), schema_(schema), limits_(limits) {}

bool JsonLinesReader::ReadLine() {
  if (line_number_ == 0) bytes_.SkipPrefix(kByteOrderMark);
  std::string_view chunk = bytes_.Peek();
  if (chunk.empty()) return false;
  ++line_number_;
  line_.clear();
  line_bytes_ = 0;
  // One byte more than the limit, to see a CR before the LF (saturating).
  const std::size_t keep = std::max(limits_.max_record_bytes, limits_.max_record_bytes + 1);
  while (!chunk.empty()) {
    const auto* newline = static_cast<const char*>(std::memchr(chunk.data(), '\n', chunk.size()));
    const std::size_t length =
        newline ? static_cast<std::size_t>(newline - chunk.data()) : chunk.size();
    AppendWithin(line_, chunk.substr(0, length), keep);
    line_bytes_ += length;
    if (newline) {
      bytes_.Skip(length + 1);
      break;
    }
    bytes_.Skip(length);
    chunk = bytes_.Peek();
  }
  if (line_bytes_ > 0 && line_bytes_ <= keep && line_.back() == '\r') {
    line_.pop_back();
    --line_bytes_;
  }
  return true;
}

bool JsonLinesReader::NextUnparsed(UnparsedRecord& out) {
  while (ReadLine()) {
    if (line_bytes_ <= limits_.max_record_bytes && IsBlank(line_)) continue;
    out.record = InputRecord{};
    out.record.source = fmt::format("{}:{}", source_name_, line_number_);
    out.line = line_number_;
    out.text.clear();
    if (line_bytes_ > limits_.max_record_bytes) {
      out.record.error = TooLargeError(line_bytes_, limits_.max_record_bytes);
    } else {
      out.text.swap(line_);
    }
    return true;
  }
  return false;
}

bool JsonLinesReader::Next(InputRecord& out) {
  if (!NextUnparsed(unparsed_)) return false;
  ParseRecord(unparsed_, schema_, limits_);
  out = std::move(unparsed_.record);
  return true;
}

}  // namespace tradelint
