#pragma once
// CsvRowReader: RFC 4180 rows from a stream, one at a time.

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/input/internal/byte_stream.h"

namespace tradelint {

struct CsvRow {
  // The text of the first cells: at most the `max_cells` asked for, and complete only
  // while the row is within the reader's max_row_bytes.
  std::vector<std::string> cells;
  std::size_t cell_count = 0;  // all cells of the row, also those not kept
  std::size_t line = 0;        // physical line where the row starts, 1-based
  std::size_t bytes = 0;       // the row's length without its line end
  // Set when a quoted field was still open at the end of the input: the line it opened on.
  std::optional<std::size_t> unclosed_quote_line;
};

// Fields are separated by `,` (or the separator given); a field that starts with `"` is quoted: it
// may hold `,`, line ends and doubled quotes (`""` for `"`) and ends at the next single `"`. Text
// after a closing quote, and a `"` inside an unquoted field, are kept literally. Rows end at LF or
// CR LF outside quotes, or at the end of the input; a CR before the row's LF is not part of the
// last cell. Rows without any character (empty lines) are skipped. A UTF-8 byte order mark at the
// start of the input is skipped.
class CsvRowReader {
 public:
  // `in` must outlive the reader. `separator` separates fields: `,`, or a tab for
  // tab-separated text.
  CsvRowReader(std::istream& in, std::size_t max_row_bytes, char separator = ',');

  // Reads the next row into `row`, keeping the text of its first `max_cells` cells; false
  // at the end of the input. Memory stays within max_row_bytes (+1) bytes of cell text and
  // `max_cells` cells, however long the row.
  bool Next(std::size_t max_cells, CsvRow& row);

 private:
  void ReadRow(std::size_t max_cells, CsvRow& row);

  ByteStream bytes_;
  std::size_t max_row_bytes_;
  char separator_;
  std::size_t line_ = 1;  // of the next unread byte
  bool started_ = false;
};

// A cell's text without the spaces and tabs around it, for cells whose surrounding spaces
// carry no meaning (header paths, numbers, booleans).
std::string_view TrimSpaces(std::string_view cell);

}  // namespace tradelint
