#pragma once
// ShopifyReader: Shopify's product CSV export as records, one per product: consecutive rows
// with one `Handle` (see record_reader.h, "Feeds").

#include <deque>
#include <istream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/input/internal/csv_row_reader.h"
#include "engine/input/internal/feed_record.h"
#include "engine/input/record_reader.h"

namespace tradelint {

class ShopifyReader final : public RecordReader {
 public:
  ShopifyReader(std::istream& in, std::string source_name, const FeedRecordBuilder& builder,
                const InputLimits& limits);
  bool Next(InputRecord& out) override;

 private:
  // A product being read: its first line, handle and each column's non-empty cells by row.
  struct Product {
    std::size_t line = 0;
    std::string handle;
    std::vector<ValueList> cells;  // by column
  };
  void ReadHeader();
  // Reads rows until a record is ready in ready_ or the input ends.
  void ReadRows();
  // Moves the product being read, then the bad rows found inside it, to ready_.
  void FinishProduct();
  // A bad row's invalid result, kept until the product around it is finished.
  void BadRow(std::string message, const std::string& handle);

  CsvRowReader rows_;
  std::string source_name_;
  const FeedRecordBuilder& builder_;
  InputLimits limits_;
  bool header_read_ = false;
  bool at_end_ = false;
  std::vector<std::string> columns_;  // header names, older ones read as the newer
  std::optional<std::size_t> key_column_;
  CsvRow row_;
  std::optional<Product> product_;
  std::vector<InputRecord> bad_rows_;
  std::deque<InputRecord> ready_;
};

}  // namespace tradelint
