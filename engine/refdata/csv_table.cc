#include "engine/refdata/csv_table.h"

#include <algorithm>
#include <string>

#include "engine/base/date.h"

namespace tradelint {
namespace {

std::string_view Trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Appends the trimmed, comma-separated fields of `line` to `fields`.
void SplitFields(std::string_view line, std::vector<std::string_view>& fields) {
  while (true) {
    const std::size_t comma = line.find(',');
    fields.push_back(Trim(line.substr(0, comma)));
    if (comma == std::string_view::npos) return;
    line.remove_prefix(comma + 1);
  }
}

std::string Join(std::span<const std::string_view> columns) {
  std::string joined;
  for (std::string_view column : columns) {
    if (!joined.empty()) joined += ',';
    joined += column;
  }
  return joined;
}

// Reads a `# key: value` provenance comment into `table`; other comments are ignored.
// Returns an error message, or an empty string.
std::string ReadComment(std::string_view comment, CsvTable& table) {
  comment = Trim(comment);
  const std::size_t colon = comment.find(':');
  if (colon == std::string_view::npos) return "";
  const std::string_view key = Trim(comment.substr(0, colon));
  const std::string_view value = Trim(comment.substr(colon + 1));
  if (key == "source") {
    if (!table.provenance.source.empty()) table.provenance.source += "; ";
    table.provenance.source += value;
  } else if (key == "date") {
    if (!Date::Parse(value)) return "the `date` comment must be a date as YYYY-MM-DD";
    table.provenance.date = std::string(value);
  }
  return "";
}

}  // namespace

std::optional<CsvTable> ParseCsvTable(std::string_view text, std::string_view file_name,
                                      std::span<const std::string_view> columns, std::string* error,
                                      const Provenance* sidecar) {
  CsvTable table;
  const auto fail = [&](int line, const std::string& message) {
    *error = std::string(file_name) + ":" + std::to_string(line) + ": " + message;
    return std::nullopt;
  };
  bool header_seen = false;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = text.find('\n');
    const std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty()) continue;
    if (line.front() == '#') {
      const std::string message = ReadComment(line.substr(1), table);
      if (!message.empty()) return fail(line_number, message);
      continue;
    }
    if (line.find('"') != std::string_view::npos) {
      return fail(line_number, "quoted fields are not supported");
    }
    const std::size_t first = table.cells.size();
    SplitFields(line, table.cells);
    const std::size_t count = table.cells.size() - first;
    if (!header_seen) {
      const auto fields = std::span(table.cells).subspan(first);
      if (!columns.empty() &&
          !std::equal(fields.begin(), fields.end(), columns.begin(), columns.end())) {
        return fail(line_number, "expected the header `" + Join(columns) + "`");
      }
      table.header.assign(fields.begin(), fields.end());
      table.cells.resize(first);
      header_seen = true;
      continue;
    }
    if (count != table.header.size()) {
      return fail(line_number, "expected " + std::to_string(table.header.size()) +
                                   " fields, found " + std::to_string(count));
    }
    table.rows.push_back({line_number, {}});
  }
  // The cells stopped moving: each row's fields are the next `width` of them.
  const std::size_t width = table.header.size();
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    table.rows[i].fields = std::span(table.cells).subspan(i * width, width);
  }
  if (!header_seen) {
    return fail(std::max(line_number, 1),
                columns.empty() ? std::string("expected a header line naming the columns")
                                : "expected the header `" + Join(columns) + "`");
  }
  if (sidecar != nullptr) {
    table.provenance = *sidecar;
    return table;
  }
  if (table.provenance.source.empty()) {
    return fail(1, "missing the `# source: ...` comment naming where the data comes from");
  }
  if (table.provenance.date.empty()) {
    return fail(1, "missing the `# date: YYYY-MM-DD` comment giving the snapshot date");
  }
  return table;
}

}  // namespace tradelint
