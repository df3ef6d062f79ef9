#pragma once
// CsvReader: a CSV file as records, one per row (the rules are in record_reader.h).

#include <array>
#include <istream>
#include <string>
#include <vector>

#include "engine/input/internal/csv_header.h"
#include "engine/input/internal/csv_row_reader.h"
#include "engine/input/record_reader.h"
#include "engine/schema/schema.h"

namespace tradelint {

class CsvReader final : public RecordReader {
 public:
  CsvReader(std::istream& in, std::string source_name, const Schema& schema,
            const InputLimits& limits);
  bool Next(InputRecord& out) override;

 private:
  // Reads the header row: columns, their schema nodes per kind, and its problems.
  // False when the input has no row at all.
  bool ReadHeader();
  // Fills `out` from row_.
  void ReadRow(InputRecord& out);

  CsvRowReader rows_;
  std::string source_name_;
  const Schema& schema_;
  InputLimits limits_;
  bool header_read_ = false;
  // The header's row cannot give columns (too long, unclosed quote, too many columns):
  // every row reports header_problems_ and nothing else.
  bool header_unusable_ = false;
  CsvHeader header_;
  std::vector<SchemaViolation> header_problems_;
  // column_nodes_[kind][column]: the schema node of the column in records of that kind.
  std::array<std::vector<const SchemaNode*>, kRecordKindCount> column_nodes_;
  CsvRow row_;
  std::vector<Value> values_;  // the current row's typed cells, reused between rows
};

}  // namespace tradelint
