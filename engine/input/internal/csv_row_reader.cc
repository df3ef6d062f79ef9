#include "engine/input/internal/csv_row_reader.h"

#include <string_view>

#include "engine/input/internal/bounded_append.h"

namespace tradelint {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Where the reader is within a field.
enum class State {
  kFieldStart,     // nothing of the field read yet
  kUnquoted,       // in a field that did not start with a quote, or after a closing quote
  kQuoted,         // inside quotes
  kQuoteInQuoted,  // just read a `"` inside quotes: a closing quote or half of `""`
};

}  // namespace

CsvRowReader::CsvRowReader(std::istream& in, std::size_t max_row_bytes, char separator)
    : bytes_(in), max_row_bytes_(max_row_bytes), separator_(separator) {}

bool CsvRowReader::Next(std::size_t max_cells, CsvRow& row) {
  if (!started_) {
    bytes_.SkipPrefix(kByteOrderMark);
    started_ = true;
  }
  while (!bytes_.Peek().empty()) {
    ReadRow(max_cells, row);
    if (row.bytes > 0 || row.unclosed_quote_line) return true;
  }
  return false;
}

void CsvRowReader::ReadRow(std::size_t max_cells, CsvRow& row) {
  row.cells.clear();
  row.cell_count = 0;
  row.line = line_;
  row.bytes = 0;
  row.unclosed_quote_line.reset();

  State state = State::kFieldStart;
  bool pending_cr = false;     // read a CR outside quotes: a line end if an LF follows
  std::size_t quote_line = 0;  // where the current quoted field opened
  bool keeping = false;        // the current field's text is kept (it is among max_cells)

  const auto start_field = [&] {
    keeping = row.cells.size() < max_cells;
    if (keeping) row.cells.emplace_back();
  };
  const auto put = [&](char c) {
    ++row.bytes;
    if (keeping && row.bytes <= max_row_bytes_) {
      AppendWithin(row.cells.back(), std::string_view(&c, 1), max_row_bytes_);
    }
  };
  // Handles a byte outside quotes; returns true when it ends the row.
  const auto unquoted = [&](char c) {
    if (c == '\n') return true;
    if (c == '\r') {
      pending_cr = true;
    } else if (c == separator_) {
      ++row.bytes;
      ++row.cell_count;
      start_field();
      state = State::kFieldStart;
    } else {
      put(c);
    }
    return false;
  };

  start_field();
  for (std::string_view chunk = bytes_.Peek(); !chunk.empty(); chunk = bytes_.Peek()) {
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const char c = chunk[i];
      if (c == '\n') ++line_;
      if (pending_cr) {
        pending_cr = false;
        if (c == '\n') {
          bytes_.Skip(i + 1);
          ++row.cell_count;
          return;
        }
        put('\r');
      }
      bool row_ends = false;
      switch (state) {
        case State::kFieldStart:
          if (c == '"') {
            ++row.bytes;
            quote_line = line_;
            state = State::kQuoted;
          } else {
            state = State::kUnquoted;
            row_ends = unquoted(c);
          }
          break;
        case State::kUnquoted:
          row_ends = unquoted(c);
          break;
        case State::kQuoted:
          if (c == '"') {
            ++row.bytes;
            state = State::kQuoteInQuoted;
          } else {
            put(c);
          }
          break;
        case State::kQuoteInQuoted:
          if (c == '"') {
            put('"');
            state = State::kQuoted;
          } else {
            state = State::kUnquoted;
            row_ends = unquoted(c);
          }
          break;
      }
      if (row_ends) {
        bytes_.Skip(i + 1);
        ++row.cell_count;
        return;
      }
    }
    bytes_.Skip(chunk.size());
  }
  // End of input: a CR still pending ends the row like a line end.
  if (state == State::kQuoted) row.unclosed_quote_line = quote_line;
  ++row.cell_count;
}

std::string_view TrimSpaces(std::string_view cell) {
  const std::size_t begin = cell.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return cell.substr(begin, cell.find_last_not_of(" \t") - begin + 1);
}

}  // namespace tradelint
