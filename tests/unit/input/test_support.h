#pragma once
// Shared helpers of the input stage's tests: the project schema, reading a whole text
// through a reader, and a stream that produces huge inputs without holding them.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include "engine/input/input_record.h"
#include "engine/input/record_reader.h"
#include "engine/schema/schema.h"

namespace tradelint::input_test {

// The project's schema (schema/*.schema.json), loaded once.
inline const Schema& ProjectSchema() {
  static const Schema* const schema = [] {
    std::string error;
    std::optional<Schema> loaded = Schema::Load(TRADELINT_SOURCE_DIR "/schema", &error);
    if (!loaded) {
      ADD_FAILURE() << "cannot load the schema: " << error;
      std::abort();
    }
    return new Schema(std::move(*loaded));
  }();
  return *schema;
}

// Every record a reader gives for the input `in`.
inline std::vector<InputRecord> ReadAll(std::istream& in, InputFormat format,
                                        const std::string& source_name,
                                        const InputLimits& limits = {}) {
  std::unique_ptr<RecordReader> reader =
      MakeRecordReader(in, format, source_name, ProjectSchema(), limits);
  std::vector<InputRecord> records;
  InputRecord record;
  while (reader->Next(record)) records.push_back(std::move(record));
  return records;
}

inline std::vector<InputRecord> ReadAll(const std::string& text, InputFormat format,
                                        const std::string& source_name,
                                        const InputLimits& limits = {}) {
  std::istringstream in(text);
  return ReadAll(in, format, source_name, limits);
}

// The error code of a record, or "" for a usable one.
inline std::string CodeOf(const InputRecord& record) {
  return record.error ? record.error->code : "";
}

// A stream of pieces, each repeated a number of times, produced on demand so that a test
// can read 50 MB of input without 50 MB of memory.
class GeneratedInput : public std::streambuf {
 public:
  struct Piece {
    std::string text;
    std::size_t repeat = 1;
  };
  explicit GeneratedInput(std::vector<Piece> pieces) : pieces_(std::move(pieces)) {}

 protected:
  int_type underflow() override {
    std::size_t filled = 0;
    while (filled < sizeof(buffer_) && piece_ < pieces_.size()) {
      const Piece& piece = pieces_[piece_];
      const std::size_t n = std::min(sizeof(buffer_) - filled, piece.text.size() - offset_);
      std::memcpy(buffer_ + filled, piece.text.data() + offset_, n);
      filled += n;
      offset_ += n;
      if (offset_ == piece.text.size()) {
        offset_ = 0;
        if (++repeat_ >= piece.repeat) {
          repeat_ = 0;
          ++piece_;
        }
      }
    }
    setg(buffer_, buffer_, buffer_ + filled);
    return filled == 0 ? traits_type::eof() : traits_type::to_int_type(buffer_[0]);
  }

 private:
  std::vector<Piece> pieces_;
  std::size_t piece_ = 0;   // current piece
  std::size_t repeat_ = 0;  // copies of it already produced
  std::size_t offset_ = 0;  // within the current copy
  char buffer_[1 << 16];
};

}  // namespace tradelint::input_test
