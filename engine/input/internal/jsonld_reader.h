#pragma once
// JsonLdReader: the schema.org Products of a JSON-LD document or of an HTML page's
// `<script type="application/ld+json">` elements as records (see record_reader.h, "Feeds").
// The input is read whole (at most InputLimits::max_record_bytes), then its Products one by
// one.

#include <cstddef>
#include <deque>
#include <istream>
#include <string>

#include "engine/input/internal/feed_record.h"
#include "engine/input/record_reader.h"

namespace tradelint {

class JsonLdReader final : public RecordReader {
 public:
  JsonLdReader(std::istream& in, std::string source_name, const FeedRecordBuilder& builder,
               const InputLimits& limits);
  bool Next(InputRecord& out) override;

 private:
  // Reads the input and fills found_.
  void ReadInput();
  // Adds the Products of one JSON-LD text, which starts on `line`; a text that is not JSON
  // gives one malformed_json result.
  void ReadJsonLd(std::string_view text, std::size_t line);
  // Adds the Products of an HTML page's JSON-LD scripts.
  void ReadHtml(const std::string& page);

  std::istream& in_;
  std::string source_name_;
  const FeedRecordBuilder& builder_;
  InputLimits limits_;
  bool read_ = false;
  std::deque<InputRecord> found_;
};

}  // namespace tradelint
