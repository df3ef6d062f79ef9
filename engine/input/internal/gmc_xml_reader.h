#pragma once
// GmcXmlReader: a Merchant Center XML feed (RSS 2.0 `item`s or Atom `entry`s) as records, one
// per item, streamed through libxml2's SAX push parser (see record_reader.h, "Feeds"): memory
// holds one chunk of input and the items it completes, never the document.
// XML that is not well-formed is read on in libxml2's recovery mode: an item with an error
// inside is invalid (schema_violation naming each error's line), an error outside every item
// is an invalid result of its own at its line.

#include <cstddef>
#include <deque>
#include <memory>
#include <streambuf>
#include <string>

#include "engine/input/internal/feed_record.h"
#include "engine/input/record_reader.h"

namespace tradelint {

class GmcXmlReader final : public RecordReader {
 public:
  // `source` must outlive the reader.
  GmcXmlReader(std::streambuf& source, std::string source_name, const FeedRecordBuilder& builder);
  ~GmcXmlReader() override;
  bool Next(InputRecord& out) override;

 private:
  struct Parser;  // libxml2's parser, the item being read and the errors reported
  std::unique_ptr<Parser> parser_;
};

}  // namespace tradelint
