#include "engine/refdata/fx_table.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>

#include "engine/refdata/csv_table.h"

namespace tradelint {

std::optional<FxTable> FxTable::Parse(std::string_view text, std::string_view file_name,
                                      std::string* error, const Provenance* sidecar) {
  static constexpr std::array<std::string_view, 3> kColumns = {"date", "currency", "rate"};
  std::optional<CsvTable> table = ParseCsvTable(text, file_name, kColumns, error, sidecar);
  if (!table) return std::nullopt;
  FxTable fx;
  fx.provenance_ = std::move(table->provenance);
  fx.provenance_.name = std::string(kFileName);
  // The line of each (currency, date) read so far, so that a repeat can name both lines.
  // Keyed by the code's three letters above the day number (days fit in 40 bits).
  const auto row_key = [](Currency currency, Date date) {
    std::uint64_t key = 0;
    for (char letter : currency.code()) key = key << 8 | static_cast<unsigned char>(letter);
    return key << 40 | (static_cast<std::uint64_t>(date.days()) & ((std::uint64_t{1} << 40) - 1));
  };
  std::unordered_map<std::uint64_t, int> lines;
  lines.reserve(table->rows.size());
  for (const CsvTable::Row& row : table->rows) {
    const auto fail = [&](const std::string& message) {
      *error = std::string(file_name) + ":" + std::to_string(row.line) + ": " + message;
      return std::nullopt;
    };
    const std::optional<Date> date = Date::Parse(row.fields[0]);
    if (!date) return fail("`" + row.fields[0] + "` is not a date as YYYY-MM-DD");
    const Currency currency = Currency::FromCode(row.fields[1]);
    if (currency.empty()) {
      return fail("`" + row.fields[1] + "` is not a currency code (three capital letters)");
    }
    if (currency.code() == "EUR") return fail("EUR is the base currency: its rate is always 1");
    const std::optional<Decimal> rate = Decimal::Parse(row.fields[2]);
    if (!rate || rate->IsNegative() || rate->IsZero()) {
      return fail("`" + row.fields[2] + "` is not a positive decimal rate");
    }
    const auto [it, inserted] = lines.emplace(row_key(currency, *date), row.line);
    if (!inserted) {
      return fail("a second rate for " + row.fields[1] + " on " + row.fields[0] +
                  " (the first is on line " + std::to_string(it->second) + ")");
    }
    fx.rates_[row.fields[1]].emplace_back(*date, *rate);
    if (!fx.latest_date_ || *date > *fx.latest_date_) fx.latest_date_ = *date;
  }
  const auto by_date = [](const auto& a, const auto& b) { return a.first < b.first; };
  for (auto& [code, series] : fx.rates_) {
    // The published file is in date order already.
    if (!std::is_sorted(series.begin(), series.end(), by_date)) {
      std::sort(series.begin(), series.end(), by_date);
    }
  }
  return fx;
}

std::optional<FxRate> FxTable::EurRate(Currency currency, Date as_of) const {
  if (currency.code() == "EUR") return FxRate{Decimal(1), as_of};
  const auto it = rates_.find(currency.code());
  if (it == rates_.end()) return std::nullopt;
  const auto& series = it->second;
  // The first entry dated after as_of; the one before it is the answer.
  const auto after = std::upper_bound(
      series.begin(), series.end(), as_of,
      [](Date date, const std::pair<Date, Decimal>& entry) { return date < entry.first; });
  if (after == series.begin()) return std::nullopt;
  return FxRate{std::prev(after)->second, std::prev(after)->first};
}

}  // namespace tradelint
