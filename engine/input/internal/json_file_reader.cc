#include "engine/input/internal/json_file_reader.h"

#include <fmt/format.h>

#include <cstdint>
#include <string_view>
#include <utility>

#include "engine/diag/codes.h"
#include "engine/input/internal/bounded_append.h"
#include "engine/input/internal/json_nesting.h"
#include "engine/input/internal/record_text.h"

namespace tradelint {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsJsonWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

JsonFileReader::JsonFileReader(std::istream& in, std::string source_name, const Schema& schema,
                               const InputLimits& limits)
    : bytes_(in), source_name_(std::move(source_name)), schema_(schema), limits_(limits) {}

void JsonFileReader::SkipWhitespace() {
  for (std::string_view chunk = bytes_.Peek(); !chunk.empty(); chunk = bytes_.Peek()) {
    std::size_t i = 0;
    while (i < chunk.size() && IsJsonWhitespace(chunk[i])) position_.Advance(chunk[i++]);
    bytes_.Skip(i);
    if (i < chunk.size()) return;
  }
}

JsonFileReader::End JsonFileReader::ReadValue(bool in_array) {
  value_.clear();
  value_bytes_ = 0;
  value_start_ = position_;
  std::size_t length = 0;  // bytes read, trailing whitespace included
  JsonNesting nesting;
  for (std::string_view chunk = bytes_.Peek(); !chunk.empty(); chunk = bytes_.Peek()) {
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const char c = chunk[i];
      if (nesting.Step(c) && in_array && (c == ',' || c == ']')) {
        bytes_.Skip(i + 1);
        position_.Advance(c);
        value_complete_ = true;
        return c == ',' ? End::kComma : End::kBracket;
      }
      position_.Advance(c);
      ++length;
      if (!IsJsonWhitespace(c) || nesting.in_string()) value_bytes_ = length;
      AppendWithin(value_, std::string_view(&c, 1), limits_.max_record_bytes);
    }
    bytes_.Skip(chunk.size());
  }
  value_complete_ = !nesting.open();
  return End::kEndOfInput;
}

void JsonFileReader::ReadValueRecord(End end, InputRecord& out) {
  out = InputRecord{};
  out.source = fmt::format("{}:{}", source_name_, value_start_.line);
  if (value_bytes_ == 0) {
    const std::string_view found = end == End::kComma     ? "`,`"
                                   : end == End::kBracket ? "`]`"
                                                          : "the end of the file";
    out.error =
        RecordError{std::string(record_code::kMalformedJson),
                    fmt::format("{}: expected a record, found {}", value_start_.ToString(), found),
                    {},
                    {}};
  } else if (value_bytes_ > limits_.max_record_bytes) {
    out.error = TooLargeError(value_bytes_, limits_.max_record_bytes);
  } else {
    ReadRecordText(std::string_view(value_).substr(0, value_bytes_), value_start_, schema_, limits_,
                   out);
  }
}

void JsonFileReader::FileError(TextPosition at, std::string_view message, InputRecord& out) {
  out = InputRecord{};
  out.source = fmt::format("{}:{}", source_name_, at.line);
  out.error = RecordError{std::string(record_code::kMalformedJson),
                          fmt::format("{}: {}", at.ToString(), message),
                          {},
                          {}};
}

bool JsonFileReader::Next(InputRecord& out) {
  switch (phase_) {
    case Phase::kStart: {
      bytes_.SkipPrefix(kByteOrderMark);
      SkipWhitespace();
      const std::string_view chunk = bytes_.Peek();
      if (chunk.empty()) {
        FileError(position_, "the file is empty; expected a record or an array of records", out);
        phase_ = Phase::kDone;
        return true;
      }
      if (chunk.front() != '[') {
        ReadValueRecord(ReadValue(/*in_array=*/false), out);
        phase_ = Phase::kDone;
        return true;
      }
      array_start_ = position_;
      bytes_.Skip(1);
      position_.Advance('[');
      SkipWhitespace();
      const std::string_view rest = bytes_.Peek();
      if (!rest.empty() && rest.front() == ']') {
        bytes_.Skip(1);
        position_.Advance(']');
        phase_ = Phase::kAfterArray;
        return Next(out);
      }
      phase_ = Phase::kElement;
      return Next(out);
    }
    case Phase::kElement: {
      SkipWhitespace();
      const End end = ReadValue(/*in_array=*/true);
      ReadValueRecord(end, out);
      if (end == End::kBracket) {
        phase_ = Phase::kAfterArray;
      } else if (end == End::kEndOfInput) {
        phase_ = value_bytes_ > 0 && value_complete_ ? Phase::kUnclosedArray : Phase::kDone;
      }
      return true;
    }
    case Phase::kUnclosedArray:
      FileError(position_,
                fmt::format("expected `,` or `]`: the array of records that starts at {} is "
                            "not closed",
                            array_start_.ToString()),
                out);
      phase_ = Phase::kDone;
      return true;
    case Phase::kAfterArray:
      SkipWhitespace();
      phase_ = Phase::kDone;
      if (bytes_.Peek().empty()) return false;
      FileError(position_, "unexpected text after the array of records", out);
      return true;
    case Phase::kDone:
      return false;
  }
  return false;
}

}  // namespace tradelint
