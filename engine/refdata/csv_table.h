#pragma once
// The small CSV dialect of the reference tables in `rulesets/reference/`.
//
//   # source: European Central Bank, euro foreign exchange reference rates
//   # date: 2025-03-14
//   # any other comment line
//   date,currency,rate
//   2025-03-14,USD,1.0889
//
// Lines starting with `#` are comments; `# source: ...` and `# date: ...` comments are the
// table's provenance (both required; several `source` lines are joined with "; "). Blank lines
// are skipped. The first other line is the header and must name exactly the expected columns.
// Fields are separated by commas and trimmed of spaces; quoting is not supported (no field of
// these tables needs a comma), so a `"` in a field is an error rather than a silent surprise.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/refdata/provenance.h"

namespace tradelint {

// The fields are views of the text given to ParseCsvTable, which must outlive the table.
struct CsvTable {
  // Moved, never copied: the rows view `cells`.
  CsvTable() = default;
  CsvTable(CsvTable&&) = default;
  CsvTable& operator=(CsvTable&&) = default;
  CsvTable(const CsvTable&) = delete;
  CsvTable& operator=(const CsvTable&) = delete;

  struct Row {
    int line = 0;                              // 1-based line number, for error messages
    std::span<const std::string_view> fields;  // exactly as many as the header's columns
  };
  Provenance provenance;            // source and date; the caller names the table
  std::vector<std::string> header;  // the column names, as the header line gives them
  std::vector<Row> rows;            // their fields are consecutive in `cells`
  std::vector<std::string_view> cells;
};

// Parses `text`; an empty `columns` accepts whatever header the file has. `sidecar`, when
// given, is the table's provenance (a sidecar file's, see reference_overlay.h): it replaces
// the provenance comments, which are then optional. On error returns nullopt and sets `error`
// to `<file_name>:<line>: <message>`.
std::optional<CsvTable> ParseCsvTable(std::string_view text, std::string_view file_name,
                                      std::span<const std::string_view> columns, std::string* error,
                                      const Provenance* sidecar = nullptr);

}  // namespace tradelint
