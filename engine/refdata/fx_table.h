#pragma once
// Euro foreign exchange reference rates: for each currency, dated rates in units of that
// currency per 1 EUR, as the European Central Bank publishes them.
//
// The table file (`fx/ecb-euro-reference-rates.csv`) has the columns `date,currency,rate`,
// one row per published (date, currency). A lookup at an as-of date uses the latest date on
// or before it, so weekends and TARGET holidays take the previous business day's rate, and a
// gap in the table takes the last rate before the gap. Immutable after Parse; safe to read
// from several threads.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/date.h"
#include "engine/base/decimal.h"
#include "engine/refdata/provenance.h"
#include "engine/value/value.h"

namespace tradelint {

struct FxRate {
  Decimal rate;  // units of the currency per 1 EUR; always > 0
  Date date;     // the publication date the rate was taken from
};

class FxTable {
 public:
  static constexpr std::string_view kFileName = "fx/ecb-euro-reference-rates.csv";
  // A rate more than this many days older than the date it is used for is stale: the table
  // needs refreshing. (A weekend or the ECB's longest holiday break leaves at most 5 days.)
  static constexpr int kStaleAfterDays = 7;

  // Parses the CSV text of the table; `file_name` names it in errors only (the provenance's
  // name is always kFileName). Rows may come in any order; a repeated (date, currency),
  // a row for EUR itself, a malformed date, currency code or a rate that is not a positive
  // decimal is an error `<file_name>:<line>: <message>`. `sidecar`: see ParseCsvTable.
  static std::optional<FxTable> Parse(std::string_view text, std::string_view file_name,
                                      std::string* error, const Provenance* sidecar = nullptr);

  // The latest date of any rate in the table; nullopt for a table without rates. A rate
  // looked up for a later date is at least as old as that date is after it.
  std::optional<Date> latest_date() const { return latest_date_; }

  // The rate of the latest date on or before `as_of`; nullopt before the currency's first
  // date or for a currency the table does not have. EUR is 1 at any date (dated `as_of`).
  std::optional<FxRate> EurRate(Currency currency, Date as_of) const;

  const Provenance& provenance() const { return provenance_; }

 private:
  Provenance provenance_;
  std::optional<Date> latest_date_;
  // Per currency code, (date, rate) sorted by date, dates unique.
  std::map<std::string, std::vector<std::pair<Date, Decimal>>, std::less<>> rates_;
};

}  // namespace tradelint
