#pragma once
// Imports the European Central Bank's history of euro foreign exchange reference rates
// (`eurofxref-hist.csv`, inside https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip)
// into the FX table of the reference data (fx_table.h).
//
// The ECB's file has one row per business day, newest first, and one column per currency
// that ever had a reference rate; `N/A` marks a day without a rate (a currency not yet or no
// longer quoted), and every line ends with a comma:
//
//   Date,USD,JPY,BGN,...,ZAR,
//   2026-04-13,1.1684,186.75,N/A,...,19.3849,
//
// The table written has the rows `date,currency,rate` in ascending date order, currencies in
// alphabetical order within a date, for every cell that has a rate (N/A cells are left out),
// under provenance comments: the ECB as source with the address of the published file, the
// date of the latest rate as the snapshot date, and the import date.

#include <optional>
#include <string>
#include <string_view>

#include "engine/base/date.h"

namespace tradelint {

struct EcbImportOptions {
  std::optional<Date> from;  // rates dated before it are left out; empty: keep all
  Date imported_on;          // the import date, written in a comment
  std::string input_name;    // the imported file's name, written in a comment
};

struct EcbImport {
  std::string table;  // the text of the FX table file
  Date latest;        // the date of the latest rate kept
  std::size_t rates = 0;
  std::size_t currencies = 0;
};

// The address of the ECB's published history file, named as the table's source.
inline constexpr std::string_view kEcbHistoryUrl =
    "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip";

// Converts the text of an `eurofxref-hist.csv`. `file_name` names the input in errors:
// `<file_name>:<line>: <message>`, naming the field (`column 3 (JPY)`) where one is at fault.
// Errors: a first line that is not `Date,` and currency codes; a row whose number of fields
// differs from the header's; a date that is not YYYY-MM-DD or comes twice; a cell that is
// neither `N/A` nor a positive decimal; no rate at all on or after `from`.
std::optional<EcbImport> ImportEcbHistory(std::string_view text, std::string_view file_name,
                                          const EcbImportOptions& options, std::string* error);

}  // namespace tradelint
