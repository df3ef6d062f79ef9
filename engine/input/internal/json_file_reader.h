#pragma once
// JsonFileReader: a .json file as records: one record, or each element of an array.

#include <cstddef>
#include <istream>
#include <string>

#include "engine/input/internal/byte_stream.h"
#include "engine/input/internal/text_position.h"
#include "engine/input/record_reader.h"
#include "engine/schema/schema.h"

namespace tradelint {

// Streams the file: a scanner that tracks strings, escapes and nesting finds where each
// top-level array element ends (a `,` or `]` outside strings and nesting), and each
// element's text is parsed on its own, so memory holds one element (at most
// max_record_bytes) and a malformed element is reported alone before reading goes on at
// the next element. A file whose first character is not `[` is one record: its whole text
// up to the end of the file. The results for a file that is not valid JSON as a whole are
// in record_reader.h (malformed_json).
class JsonFileReader final : public RecordReader {
 public:
  JsonFileReader(std::istream& in, std::string source_name, const Schema& schema,
                 const InputLimits& limits);
  bool Next(InputRecord& out) override;

 private:
  enum class Phase { kStart, kElement, kAfterArray, kUnclosedArray, kDone };
  // What ended a value's text.
  enum class End { kComma, kBracket, kEndOfInput };

  void SkipWhitespace();
  // Reads a value's text into value_ from the current position: in an array up to (and
  // consuming) the `,` or `]` that ends it, otherwise up to the end of the input.
  End ReadValue(bool in_array);
  // Fills `out` from the value just read.
  void ReadValueRecord(End end, InputRecord& out);
  // Fills `out` with a malformed_json result at `at`.
  void FileError(TextPosition at, std::string_view message, InputRecord& out);

  ByteStream bytes_;
  std::string source_name_;
  const Schema& schema_;
  InputLimits limits_;
  Phase phase_ = Phase::kStart;
  TextPosition position_;        // of the next unread byte
  TextPosition array_start_;     // of the `[` of the array of records
  TextPosition value_start_;     // of the first character of the value in value_
  std::string value_;            // the value's text, as far as it is within max_record_bytes
  std::size_t value_bytes_ = 0;  // the value's length without trailing whitespace
  bool value_complete_ = false;  // the value ended outside strings and nesting
};

}  // namespace tradelint
