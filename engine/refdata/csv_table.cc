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

// `expected`: the number of fields a row should have (room is made for them at once).
std::vector<std::string> SplitFields(std::string_view line, std::size_t expected) {
  std::vector<std::string> fields;
  fields.reserve(expected);
  while (true) {
    const std::size_t comma = line.find(',');
    fields.emplace_back(Trim(line.substr(0, comma)));
    if (comma == std::string_view::npos) return fields;
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
    std::vector<std::string> fields =
        SplitFields(line, header_seen ? table.header.size() : columns.size());
    if (!header_seen) {
      if (!columns.empty() &&
          !std::equal(fields.begin(), fields.end(), columns.begin(), columns.end())) {
        return fail(line_number, "expected the header `" + Join(columns) + "`");
      }
      table.header = std::move(fields);
      header_seen = true;
      continue;
    }
    if (fields.size() != table.header.size()) {
      return fail(line_number, "expected " + std::to_string(table.header.size()) +
                                   " fields, found " + std::to_string(fields.size()));
    }
    table.rows.push_back({line_number, std::move(fields)});
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
