#include "engine/input/internal/shopify_reader.h"
#include "engine/base/ascii_case.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "engine/base/utf8.h"
#include "engine/input/feed_mapping.h"
#include "engine/input/internal/record_text.h"

namespace tradelint {
namespace {}  // namespace

ShopifyReader::ShopifyReader(std::istream& in, std::string source_name,
                             const FeedRecordBuilder& builder, const InputLimits& limits)
    : rows_(in, limits.max_record_bytes),
      source_name_(std::move(source_name)),
      builder_(builder),
      limits_(limits) {}

void ShopifyReader::ReadHeader() {
  const FeedMapping& mapping = builder_.mapping();
  for (const std::string& cell : row_.cells) {
    std::string name(TrimSpaces(cell));
    if (const auto alias = mapping.header_aliases().find(AsciiLower(name));
        alias != mapping.header_aliases().end()) {
      name = alias->second;
    }
    if (AsciiLower(name) == AsciiLower(mapping.record_key())) key_column_ = columns_.size();
    columns_.push_back(std::move(name));
  }
}

void ShopifyReader::BadRow(std::string message, const std::string& handle) {
  InputRecord& bad = bad_rows_.emplace_back();
  bad.source = fmt::format("{}:{}", source_name_, row_.line);
  builder_.Invalid(std::move(message), handle, bad);
}

void ShopifyReader::FinishProduct() {
  if (product_) {
    ValueObject item;
    for (std::size_t column = 0; column < columns_.size(); ++column) {
      if (!product_->cells[column].empty()) {
        item.emplace_back(columns_[column], Value(std::move(product_->cells[column])));
      }
    }
    InputRecord& record = ready_.emplace_back();
    record.source = fmt::format("{}:{}", source_name_, product_->line);
    builder_.Build(Value(std::move(item)), record);
    product_.reset();
  }
  for (InputRecord& bad : bad_rows_) ready_.push_back(std::move(bad));
  bad_rows_.clear();
}

void ShopifyReader::ReadRows() {
  while (ready_.empty() && !at_end_) {
    if (!rows_.Next(columns_.size(), row_)) {
      at_end_ = true;
      FinishProduct();
      return;
    }
    const std::string handle = key_column_ && *key_column_ < row_.cells.size()
                                   ? std::string(TrimSpaces(row_.cells[*key_column_]))
                                   : std::string();
    if (row_.bytes > limits_.max_record_bytes) {
      InputRecord& bad = bad_rows_.emplace_back();
      bad.source = fmt::format("{}:{}", source_name_, row_.line);
      bad.error = TooLargeError(row_.bytes, limits_.max_record_bytes);
      continue;
    }
    if (row_.unclosed_quote_line) {
      BadRow(fmt::format("the quoted field that opens on line {} is not closed at the end of "
                         "the file",
                         *row_.unclosed_quote_line),
             "");
      continue;
    }
    if (row_.cell_count != columns_.size()) {
      BadRow(fmt::format("row has {} cells, header has {}", row_.cell_count, columns_.size()),
             handle);
      continue;
    }
    if (std::any_of(row_.cells.begin(), row_.cells.end(), [](const std::string& cell) {
          return FindInvalidUtf8(cell) != std::string_view::npos;
        })) {
      BadRow("the row is not valid UTF-8", handle);
      continue;
    }
    if (handle.empty()) {
      BadRow(fmt::format("the row has no `{}`", builder_.mapping().record_key()), "");
      continue;
    }
    if (!product_ || product_->handle != handle) {
      FinishProduct();
      product_ = Product{};
      product_->line = row_.line;
      product_->handle = handle;
      product_->cells.resize(columns_.size());
    }
    for (std::size_t column = 0; column < columns_.size(); ++column) {
      const std::string_view cell = TrimSpaces(row_.cells[column]);
      if (!cell.empty()) product_->cells[column].emplace_back(std::string(cell));
    }
  }
}

bool ShopifyReader::Next(InputRecord& out) {
  if (!header_read_) {
    header_read_ = true;
    if (!rows_.Next(limits_.max_csv_columns, row_)) return false;
    ReadHeader();
  }
  ReadRows();
  if (ready_.empty()) return false;
  out = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

}  // namespace tradelint
