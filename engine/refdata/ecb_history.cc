#include "engine/refdata/ecb_history.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

#include "engine/base/decimal.h"
#include "engine/value/value.h"

namespace tradelint {
namespace {

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t comma = line.find(',');
    fields.push_back(line.substr(0, comma));
    if (comma == std::string_view::npos) return fields;
    line.remove_prefix(comma + 1);
  }
}

// One kept rate; `column` indexes the header's currencies.
struct Cell {
  Date date;
  std::size_t column;
  std::string_view rate;
};

}  // namespace

std::optional<EcbImport> ImportEcbHistory(std::string_view text, std::string_view file_name,
                                          const EcbImportOptions& options, std::string* error) {
  const auto fail = [&](int line, const std::string& message) {
    *error = std::string(file_name) + ":" + std::to_string(line) + ": " + message;
    return std::nullopt;
  };
  std::vector<std::string> currencies;  // the header's currency columns, in file order
  bool trailing_comma = false;          // whether lines end with a comma (the ECB's do)
  std::set<std::int64_t> dates;
  std::vector<Cell> cells;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::vector<std::string_view> fields = SplitFields(line);
    if (currencies.empty()) {
      trailing_comma = fields.size() > 1 && fields.back().empty();
      if (trailing_comma) fields.pop_back();
      if (fields.front() != "Date" || fields.size() < 2) {
        return fail(line_number,
                    "expected the ECB's header `Date,USD,JPY,...` (eurofxref-hist.csv)");
      }
      for (std::size_t i = 1; i < fields.size(); ++i) {
        const Currency currency = Currency::FromCode(fields[i]);
        const std::string field =
            "column " + std::to_string(i + 1) + " (`" + std::string(fields[i]) + "`)";
        if (currency.empty() || currency.code() == "EUR") {
          return fail(line_number, field + " is not a currency code other than EUR");
        }
        if (std::find(currencies.begin(), currencies.end(), fields[i]) != currencies.end()) {
          return fail(line_number, field + " names " + std::string(fields[i]) + " a second time");
        }
        currencies.emplace_back(fields[i]);
      }
      continue;
    }
    const std::size_t expected = currencies.size() + 1 + (trailing_comma ? 1 : 0);
    if (fields.size() != expected) {
      return fail(line_number, "expected " + std::to_string(expected) + " fields as in the header" +
                                   (trailing_comma ? " (the last one empty)" : "") + ", found " +
                                   std::to_string(fields.size()));
    }
    if (trailing_comma && !fields.back().empty()) {
      return fail(line_number, "column " + std::to_string(expected) + ": `" +
                                   std::string(fields.back()) +
                                   "` under no currency (the header ends with a comma)");
    }
    const std::optional<Date> date = Date::Parse(fields[0]);
    if (!date) {
      return fail(line_number,
                  "column 1 (Date): `" + std::string(fields[0]) + "` is not a date as YYYY-MM-DD");
    }
    if (!dates.insert(date->days()).second) {
      return fail(line_number, "column 1 (Date): a second row for " + std::string(fields[0]));
    }
    for (std::size_t i = 0; i < currencies.size(); ++i) {
      const std::string_view cell = fields[i + 1];
      if (cell == "N/A") continue;
      const std::optional<Decimal> rate = Decimal::Parse(cell);
      if (!rate || rate->IsNegative() || rate->IsZero()) {
        return fail(line_number, "column " + std::to_string(i + 2) + " (" + currencies[i] + "): `" +
                                     std::string(cell) +
                                     "` is neither a positive decimal rate nor N/A");
      }
      if (!options.from || *date >= *options.from) cells.push_back({*date, i, cell});
    }
  }
  if (currencies.empty()) return fail(std::max(line_number, 1), "the file is empty");
  if (cells.empty()) {
    return fail(line_number, options.from ? "no rate on or after " + options.from->ToString()
                                          : std::string("no rate at all"));
  }

  // Ascending dates, currencies alphabetically within a date.
  std::sort(cells.begin(), cells.end(), [&](const Cell& a, const Cell& b) {
    return std::tie(a.date, currencies[a.column]) < std::tie(b.date, currencies[b.column]);
  });

  EcbImport result;
  result.latest = cells.back().date;
  result.rates = cells.size();
  std::set<std::size_t> kept_columns;
  for (const Cell& cell : cells) kept_columns.insert(cell.column);
  result.currencies = kept_columns.size();
  std::string& out = result.table;
  out +=
      "# Euro foreign exchange reference rates of the European Central Bank (ECB): units of each\n";
  out +=
      "# currency per 1 EUR, as published for each business day (a lookup takes the latest date\n";
  out += "# on or before the as-of date).\n";
  out += "# source: European Central Bank, euro foreign exchange reference rates, " +
         std::string(kEcbHistoryUrl) + "\n";
  out += "# date: " + result.latest.ToString() + "\n";
  out += "# imported: " + options.imported_on.ToString() +
         " by `tradelint refdata import-ecb` from " + options.input_name + ": rates from " +
         cells.front().date.ToString() + " to " + result.latest.ToString() + ", " +
         std::to_string(result.currencies) + " currencies\n";
  out += "date,currency,rate\n";
  for (const Cell& cell : cells) {
    out += cell.date.ToString();
    out += ',';
    out += currencies[cell.column];
    out += ',';
    out += cell.rate;
    out += '\n';
  }
  return result;
}

}  // namespace tradelint
