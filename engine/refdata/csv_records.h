#pragma once
// RFC 4180 CSV records (quoted fields with doubled quotes and line breaks inside quotes), as
// OFAC publishes its legacy SDN files and as `screen --pairs` reads its input. CR LF or LF
// line ends; a blank line is no record.

#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

struct CsvRecord {
  int line = 0;  // 1-based line of the record's start
  std::vector<std::string> fields;
};

// The fields of every record.
std::vector<CsvRecord> ReadCsvRecords(std::string_view text);

// `field` quoted for CSV output when it needs quotes (a comma, quote or line break).
std::string CsvField(std::string_view field);

}  // namespace tradelint
