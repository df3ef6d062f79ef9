#include "engine/input/internal/csv_reader.h"

#include <fmt/format.h>

#include <optional>
#include <string_view>
#include <utility>

#include "engine/base/utf8.h"
#include "engine/input/internal/csv_cell.h"
#include "engine/input/internal/record_check.h"
#include "engine/input/internal/record_text.h"

namespace tradelint {
namespace {

constexpr RecordKind kDefaultKind = RecordKind::kListing;

RecordError ViolationError(std::string message) {
  return SchemaViolationError({SchemaViolation{"", std::move(message), ""}});
}

}  // namespace

CsvReader::CsvReader(std::istream& in, std::string source_name, const Schema& schema,
                     const InputLimits& limits)
    : rows_(in, limits.max_record_bytes),
      source_name_(std::move(source_name)),
      schema_(schema),
      limits_(limits) {}

bool CsvReader::ReadHeader() {
  if (!rows_.Next(limits_.max_csv_columns, row_)) return false;
  if (row_.bytes > limits_.max_record_bytes) {
    header_problems_.push_back({"",
                                fmt::format("the header line is {} bytes long, more than the "
                                            "limit of {} bytes",
                                            row_.bytes, limits_.max_record_bytes),
                                ""});
  } else if (row_.unclosed_quote_line) {
    header_problems_.push_back(
        {"", "the header has a quoted field that is not closed at the end of the file", ""});
  } else if (row_.cell_count > limits_.max_csv_columns) {
    header_problems_.push_back({"",
                                fmt::format("the header has {} columns, more than the limit "
                                            "of {}",
                                            row_.cell_count, limits_.max_csv_columns),
                                ""});
  }
  header_unusable_ = !header_problems_.empty();
  if (header_unusable_) return true;

  header_ = CsvHeader::Parse(row_.cells, limits_.max_depth);
  header_problems_ = header_.problems();
  for (const RecordKind kind : kAllRecordKinds) {
    std::vector<const SchemaNode*>& nodes = column_nodes_[static_cast<std::size_t>(kind)];
    for (std::size_t column = 0; column < header_.column_count(); ++column) {
      nodes.push_back(header_.path(column).empty()
                          ? nullptr
                          : ResolveColumn(schema_, kind, header_.path(column)));
    }
  }
  return true;
}

bool CsvReader::Next(InputRecord& out) {
  if (!header_read_) {
    header_read_ = true;
    if (!ReadHeader()) return false;
  }
  if (!rows_.Next(header_unusable_ ? 0 : header_.column_count(), row_)) return false;
  ReadRow(out);
  return true;
}

void CsvReader::ReadRow(InputRecord& out) {
  out = InputRecord{};
  out.source = fmt::format("{}:{}", source_name_, row_.line);
  if (row_.bytes > limits_.max_record_bytes) {
    out.error = TooLargeError(row_.bytes, limits_.max_record_bytes);
    return;
  }
  if (header_unusable_) {
    out.error = SchemaViolationError(header_problems_);
    return;
  }
  if (row_.unclosed_quote_line) {
    out.error = ViolationError(
        fmt::format("the quoted field that opens on line {} is not closed at the end of the file",
                    *row_.unclosed_quote_line));
    return;
  }
  const std::size_t columns = header_.column_count();
  if (row_.cell_count != columns) {
    out.error =
        ViolationError(fmt::format("row has {} cells, header has {}", row_.cell_count, columns));
    return;
  }

  const std::optional<std::size_t> kind_column = header_.kind_column();
  const bool default_kind = !kind_column || row_.cells[*kind_column].empty();
  const std::optional<RecordKind> kind =
      default_kind ? kDefaultKind : RecordKindFromName(row_.cells[*kind_column]);
  std::vector<SchemaViolation> problems = header_problems_;
  values_.assign(columns, Value());
  for (std::size_t column = 0; column < columns; ++column) {
    const std::string& cell = row_.cells[column];
    if (cell.empty() || header_.is_problem(column)) {
      continue;  // a missing field, or a column that header_problems_ names
    }
    if (header_.path(column).empty()) {
      problems.push_back({"", fmt::format("cell {} has no column header", column + 1), ""});
    } else if (FindInvalidUtf8(cell) != std::string_view::npos) {
      problems.push_back({header_.name(column), "the cell is not valid UTF-8", ""});
    } else {
      values_[column] =
          TypeCell(cell, kind ? column_nodes_[static_cast<std::size_t>(*kind)][column] : nullptr);
    }
  }
  ValueObject record = header_.Build(values_);
  if (default_kind) {
    record.insert(record.begin(), {"kind", Value(std::string(RecordKindName(kDefaultKind)))});
  }
  CheckRecord(Value(std::move(record)), std::move(problems), schema_, out);
}

}  // namespace tradelint
