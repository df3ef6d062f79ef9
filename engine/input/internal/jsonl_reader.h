#pragma once
// JsonLinesReader: JSON Lines (.jsonl, .ndjson, standard input) as records, one per line.

#include <cstddef>
#include <istream>
#include <string>

#include "engine/input/internal/byte_stream.h"
#include "engine/input/record_reader.h"
#include "engine/schema/schema.h"

namespace tradelint {

// Each line that holds anything but JSON whitespace is one record, its source the line's
// number. A line is read into memory only up to max_record_bytes (+1 byte to see a CR
// before the LF); the rest of a longer line is skipped and counted, not kept.
class JsonLinesReader final : public RecordReader {
 public:
  JsonLinesReader(std::istream& in, std::string source_name, const Schema& schema,
                  const InputLimits& limits);
  bool Next(InputRecord& out) override;
  bool NextUnparsed(UnparsedRecord& out) override;

 private:
  // Reads the next line into line_ without its LF (or CR LF), setting line_bytes_ to its
  // full length; false at end of input.
  bool ReadLine();

  ByteStream bytes_;
  std::string source_name_;
  const Schema& schema_;
  InputLimits limits_;
  std::string line_;             // the current line, at most max_record_bytes + 1 bytes
  std::size_t line_bytes_ = 0;   // the current line's length, also beyond what line_ holds
  std::size_t line_number_ = 0;  // of the current line, 1-based
  UnparsedRecord unparsed_;      // Next's buffer
};

}  // namespace tradelint
