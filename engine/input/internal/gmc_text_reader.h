#pragma once
// GmcTextReader: a tab-separated Merchant Center feed as records, one per row (see
// record_reader.h, "Feeds").

#include <istream>
#include <string>
#include <vector>

#include "engine/input/internal/csv_row_reader.h"
#include "engine/input/internal/feed_record.h"
#include "engine/input/record_reader.h"

namespace tradelint {

class GmcTextReader final : public RecordReader {
 public:
  GmcTextReader(std::istream& in, std::string source_name, const FeedRecordBuilder& builder,
                const InputLimits& limits);
  bool Next(InputRecord& out) override;

 private:
  // A header cell: an attribute name (lower case, `g:` and spaces as in `image link`
  // read as `image_link`), with its sub-attributes when it is a group.
  struct Column {
    std::string attribute;
    std::vector<std::string> group;  // empty: a plain attribute
  };
  void ReadHeader();
  // The item of row_: every non-empty cell under its attribute (a list when repeated);
  // a group cell as objects, one per `,`-separated instance.
  Value Item() const;

  CsvRowReader rows_;
  std::string source_name_;
  const FeedRecordBuilder& builder_;
  InputLimits limits_;
  bool header_read_ = false;
  std::vector<Column> columns_;
  CsvRow row_;
};

}  // namespace tradelint
