#include "engine/refdata/csv_records.h"

#include <algorithm>

namespace tradelint {

std::vector<CsvRecord> ReadCsvRecords(std::string_view text) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  bool quoted = false, field_started = false;
  int line = 1;
  record.line = 1;
  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    if (!(record.fields.size() == 1 && record.fields[0].empty()))
      records.push_back(std::move(record));
    record = CsvRecord{};
    record.line = line;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {  // up to the next quote at once
        const std::size_t end = std::min(text.find('"', i), text.size());
        const std::string_view run = text.substr(i, end - i);
        line += static_cast<int>(std::count(run.begin(), run.end(), '\n'));
        field += run;
        i = end - 1;
      }
    } else if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_record();
    } else {  // up to the next comma or line end at once (a quote inside is a character)
      const std::size_t end = std::min(text.find_first_of(",\r\n", i), text.size());
      field.append(text, i, end - i);
      field_started = true;
      i = end - 1;
    }
  }
  if (field_started || !field.empty() || !record.fields.empty()) end_record();
  return records;
}

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace tradelint
